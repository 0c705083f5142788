"""Arrow's parser and pandas' parser read every file to the same table: the fast path loses nothing."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from segmentti.data import loading
from segmentti.data.loading import load_table
from segmentti.errors import SegmenttiError
from tests.conftest import REALDATA, SAMPLE_DIR

CELL = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=10),
    st.sampled_from(
        [
            *("1,5", "1 234,50", "31.12.2025", "2025-12-31", "12/31/2025", "00100", '"a\nb"', '"x,y"', "", " 7 "),
            *("1e5", "-0", "19970101", "2025-10-26T03:30:00+02:00", "12.5", "Hämeenlinna", '"say ""hi"""'),
        ]
    ),
)


def _both(data: bytes, name: str, monkeypatch: pytest.MonkeyPatch):
    """The table (or the error key) read with Arrow, then with pandas alone."""
    results = []
    for arrow in (True, False):
        with monkeypatch.context() as patched:
            if not arrow:
                patched.setattr(loading, "read_delimited", lambda *args: None)
            try:
                results.append(load_table(data, name))
            except SegmenttiError as error:
                results.append(error.key)
    return results


def _assert_same(fast, plain) -> None:
    if isinstance(plain, str) or isinstance(fast, str):
        assert fast == plain
        return
    pd.testing.assert_frame_equal(fast.frame, plain.frame)
    assert (fast.separator, fast.encoding, fast.decimal, fast.header_row, fast.date_formats) == (
        plain.separator,
        plain.encoding,
        plain.decimal,
        plain.header_row,
        plain.date_formats,
    )


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.lists(CELL, min_size=2, max_size=4), min_size=1, max_size=8),
    separator=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    ending=st.sampled_from(["\n", "\r\n", ""]),
    title=st.sampled_from(["", "Raportti 2025\n", "Raportti\n\n"]),
)
def test_random_tables_read_the_same_with_arrow_and_pandas(
    rows, separator, encoding, ending, title, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = title + "\n".join(separator.join(row) for row in rows) + ending
    _assert_same(*_both(text.encode(encoding, errors="replace"), "t.csv", monkeypatch))


@pytest.mark.parametrize(
    "data",
    [
        b"a,b\n1,2\n3\n",  # a short line: pandas pads it
        b"a,b\n1,2,3\n",  # a long line: refused
        b'a,b\n1,"unterminated\n',
        b'a,b\n1,5" screen\n2,x\n',  # a quote inside a field is a character
        "nimi;summa\r\nÄijä;1 234,50\r\n\r\nÖrkki;2,5\r\n".encode("cp1252"),
        b"\xef\xbb\xbfid,joined\n1,01/02/2025\n2,03/04/2025\n",
        b"Report\n\n\nid,v\n1,2\n",
    ],
)
def test_edge_cases_read_the_same_with_arrow_and_pandas(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_same(*_both(data, "e.csv", monkeypatch))


@pytest.mark.parametrize("name", sorted(path.name for path in SAMPLE_DIR.glob("*.csv")))
def test_bundled_samples_read_the_same_with_arrow_and_pandas(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_same(*_both((SAMPLE_DIR / name).read_bytes(), name, monkeypatch))


def test_mall_customers_reads_the_same_with_arrow_and_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    path = REALDATA / "Mall_Customers.csv"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    _assert_same(*_both(path.read_bytes(), path.name, monkeypatch))
