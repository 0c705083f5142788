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
        b"\n,\n,\n",  # a blank line, then a header of two empty names and one empty row: no rows
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


def _openpyxl_rows(data: bytes, source_name: str, sheet: str | None):
    """The rows as openpyxl reads them, as the loader read workbooks before calamine."""
    import io

    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    chosen = sheet or workbook.sheetnames[0]
    rows = [list(row) for row in workbook[chosen].iter_rows(values_only=True)]
    workbook.close()
    return tuple(workbook.sheetnames), chosen, rows


def test_workbooks_read_the_same_with_calamine_and_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Asiakasrekisteri"
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["nimi", 2024, "liittyi", "käynti", "vip"])
    sheet.append(["Aino", "1 234,50", datetime.date(2024, 1, 2), datetime.datetime(2025, 3, 4, 8, 30), True])
    sheet.append(["Eero", 12.5, datetime.date(2023, 5, 6), datetime.datetime(2025, 3, 5, 9, 0), False])
    sheet.append([None, None, None, None, None])
    sheet.append(["=1+2", 7, datetime.date(2022, 7, 8), None, True])
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    fast = load_table(data, "rekisteri.xlsx")
    monkeypatch.setattr(loading, "_workbook_rows", _openpyxl_rows)
    plain = load_table(data, "rekisteri.xlsx")
    pd.testing.assert_frame_equal(fast.frame, plain.frame)
    assert (fast.header_row, fast.sheet_names, fast.date_formats) == (
        plain.header_row,
        plain.sheet_names,
        plain.date_formats,
    )
    assert list(fast.frame.columns) == ["nimi", "2024", "liittyi", "käynti", "vip"] and fast.header_row == 3


@pytest.mark.parametrize("name", sorted(path.name for path in SAMPLE_DIR.glob("*.xlsx")))
def test_bundled_workbooks_read_the_same_with_calamine_and_openpyxl(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = (SAMPLE_DIR / name).read_bytes()
    fast = load_table(data, name)
    monkeypatch.setattr(loading, "_workbook_rows", _openpyxl_rows)
    pd.testing.assert_frame_equal(fast.frame, load_table(data, name).frame)


def test_a_long_ascii_file_that_pandas_reads_is_decoded_whole() -> None:
    # only the head of a plain-ASCII file is decoded to sniff it; whitespace-separated text goes
    # through pandas, which must still get every line, the last one included
    lines = ["id  spend  visits"] + [f"{number}  {number * 1.5}  {number % 7}" for number in range(80_000)]
    table = load_table(("\n".join(lines) + "\n").encode("ascii"), "wide.txt")
    assert len(table.frame) == 80_000 and table.frame["spend"].iloc[-1] == 79_999 * 1.5
    # Arrow refuses a short line, pandas pads it
    short = load_table(b"a,b\n" + b"1,2\n" * 300_000 + b"3\n", "short.csv")
    assert len(short.frame) == 300_001 and short.frame["a"].iloc[-1] == 3
