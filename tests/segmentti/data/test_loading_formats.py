"""Formats the loader reads beyond delimited text with a header: whitespace-separated text, no header, ``yyyymmdd`` dates."""

from __future__ import annotations

import datetime
import decimal
import io

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


def _parquet_bytes(table) -> bytes:
    import pyarrow.parquet as pa_parquet

    buffer = io.BytesIO()
    pa_parquet.write_table(table, buffer)
    return buffer.getvalue()


def test_parquet_keeps_types_and_converts_text_like_csv_cells() -> None:
    import pyarrow as pa

    table = pa.table(
        {
            "asiakas": pa.array(["00100", "00200", None]).dictionary_encode(),
            "ostettu": pa.array([datetime.date(2025, 1, 2), datetime.date(2025, 2, 3), None], pa.date32()),
            "kello": pa.array([0, 3_600_000_000, 7_200_000_000], pa.timestamp("us", tz="Europe/Helsinki")),
            "summa": pa.array([decimal.Decimal("12.50"), decimal.Decimal("3.25"), None], pa.decimal128(9, 2)),
            "kpl": pa.array([1, 2, 3], pa.int32()),
            "teksti_summa": pa.array(["1 234,50", "7", "8,25"]),
        }
    )
    loaded = load_table(_parquet_bytes(table), "export.parquet")
    frame = loaded.frame
    assert loaded.file_format == "parquet"
    assert frame["asiakas"].tolist()[:2] == ["00100", "00200"] and pd.isna(frame["asiakas"][2])
    assert frame["ostettu"].tolist()[:2] == [pd.Timestamp("2025-01-02"), pd.Timestamp("2025-02-03")]
    assert frame["kello"].tolist() == [
        pd.Timestamp("1970-01-01 00:00"),
        pd.Timestamp("1970-01-01 01:00"),
        pd.Timestamp("1970-01-01 02:00"),
    ]
    assert frame["summa"].tolist()[:2] == [12.5, 3.25]
    assert frame["kpl"].tolist() == [1, 2, 3]
    assert frame["teksti_summa"].tolist() == [1234.5, 7.0, 8.25] and loaded.decimal == ","


def test_broken_parquet_is_one_clear_error() -> None:
    import pyarrow as pa

    data = _parquet_bytes(pa.table({"a": [1, 2], "b": [3, 4]}))
    with pytest.raises(SegmenttiError) as caught:
        load_table(data[: len(data) // 2], "cut.parquet")
    assert caught.value.key == "error.not_a_table" and "cut.parquet" in caught.value.message("fi")
    with pytest.raises(SegmenttiError) as caught:
        load_table(_parquet_bytes(pa.table({"only": [1, 2]})), "one.parquet")
    assert caught.value.key == "error.single_column"
