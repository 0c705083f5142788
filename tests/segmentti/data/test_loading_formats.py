"""Formats the loader reads beyond delimited text with a header: whitespace-separated text, no header, ``yyyymmdd`` dates."""

from __future__ import annotations

import pandas as pd
import pytest

from segmentti.data.loading import LoadOptions, load_table, read_file
from segmentti.errors import SegmenttiError
from tests.conftest import REALDATA


def test_whitespace_separated_text_without_header_and_compact_dates() -> None:
    data = b" 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n 00021 0002 19970101  3   63.34\r\n"
    table = load_table(data, "orders.txt")
    assert table.separator == " " and table.header_row == 0
    assert list(table.frame.columns) == ["column_1", "column_2", "column_3", "column_4", "column_5"]
    assert table.frame["column_1"].tolist() == ["00004", "00004", "00021"]  # zero-padded ids stay text
    assert table.frame["column_3"].tolist() == [pd.Timestamp(day) for day in ("1997-01-01", "1997-01-18", "1997-01-01")]
    assert dict(table.date_formats) == {"column_3": "%Y%m%d"}
    assert table.frame["column_5"].tolist() == [29.33, 29.73, 63.34]


def test_whitespace_separated_text_with_a_header() -> None:
    table = load_table(b"customer  day       amount\nA1  20250102  10.5\nB2  20251231  7\n", "w.txt")
    assert list(table.frame.columns) == ["customer", "day", "amount"] and table.header_row == 1
    assert table.frame["day"].tolist() == [pd.Timestamp("2025-01-02"), pd.Timestamp("2025-12-31")]


def test_eight_digit_numbers_that_are_not_all_dates_stay_numbers() -> None:
    frame = load_table(b"id,code\n1,19970101\n2,20251399\n", "c.csv").frame
    assert frame["code"].tolist() == [19970101, 20251399]


def test_setting_the_header_row_reads_a_numeric_first_line_as_the_header() -> None:
    table = load_table(b"2024,2025\n1,2\n3,4\n", "years.csv", options=LoadOptions(header_row=1))
    assert list(table.frame.columns) == ["2024", "2025"] and table.header_row == 1
    assert load_table(b"2024,2025\n1,2\n3,4\n", "years.csv").header_row == 0


def test_lines_of_words_are_still_one_column_not_whitespace_fields() -> None:
    with pytest.raises(SegmenttiError) as caught:
        load_table(b"just one column\nvalue\nanother value here\n", "one.txt")
    assert caught.value.key == "error.single_column"


def test_cdnow_sample_reads_as_it_is() -> None:
    path = REALDATA / "cdnow" / "CDNOW_sample.txt"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    table = read_file(path)
    assert table.frame.shape == (6919, 5)
    assert table.frame["column_1"].nunique() == 2357
    assert table.frame["column_3"].min() == pd.Timestamp("1997-01-01")
    assert table.frame["column_3"].max() == pd.Timestamp("1998-06-30")
    assert table.frame["column_4"].dtype == "int64"
