"""Fuzzing the loader: whatever bytes or CSV-ish text come in, only the library's own error may come out."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from segmentti.data.loading import load_table
from segmentti.errors import SegmenttiError

NAMES = st.sampled_from(["data.csv", "data.txt", "data.tsv", "data.xlsx", "data.csv.gz", "data.zip"])
CELL = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from(["1,5", "1 234,50", "31.12.2025", "2025-12-31", "12/31/2025", "00100", '"a\nb"', "", "-0", "1e5"]),
)
SEPARATOR = st.sampled_from([",", ";", "\t", "|", " "])


def _load(data: bytes, name: str) -> None:
    try:
        table = load_table(data, name)
    except SegmenttiError as error:
        assert error.message("fi") and error.message("en")
        return
    assert isinstance(table.frame, pd.DataFrame)
    assert len(table.frame.columns) >= 2 and len(table.frame) >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), name=NAMES)
def test_random_bytes_raise_only_the_library_error(data: bytes, name: str) -> None:
    _load(data, name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=0, max_size=8),
    separator=SEPARATOR,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    name=NAMES,
)
def test_random_csv_like_text_raises_only_the_library_error(
    rows: list[list[str]], separator: str, encoding: str, name: str
) -> None:
    text = "\n".join(separator.join(row) for row in rows)
    _load(text.encode(encoding, errors="replace"), name)
