"""Reading tables from bytes: separators, encodings, decimal commas, dates, Excel, packing and bad input."""

from __future__ import annotations

import gzip
import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from segmentti.data.loading import load_table, read_file
from segmentti.errors import SegmenttiError


def test_comma_csv_with_numbers_and_text() -> None:
    table = load_table(b"id,age,city\n1,34,Helsinki\n2,51,Oulu\n", "c.csv")
    assert table.separator == ","
    assert table.frame["age"].tolist() == [34, 51]
    assert pd.api.types.is_string_dtype(table.frame["city"])


def test_finnish_excel_csv_semicolon_decimal_comma_dates_cp1252() -> None:
    text = "asiakas;kunta;ostot €;liittyi\n1;Hämeenlinna;1 234,50;31.12.2025\n2;Järvenpää;12,5;01.02.2024\n"
    table = load_table(text.encode("cp1252"), "fi.csv")
    assert table.separator == ";"
    assert table.encoding == "cp1252"
    assert table.frame["kunta"].tolist() == ["Hämeenlinna", "Järvenpää"]
    assert table.frame["ostot €"].tolist() == [1234.5, 12.5]
    assert table.frame["liittyi"].tolist() == [pd.Timestamp("2025-12-31"), pd.Timestamp("2024-02-01")]


def test_utf8_bom_is_not_part_of_the_first_header() -> None:
    table = load_table("\ufeffnimi;ikä\nAino;30\nEero;41\n".encode(), "bom.csv")
    assert list(table.frame.columns) == ["nimi", "ikä"]


def test_tab_and_pipe_separators() -> None:
    assert load_table(b"a\tb\n1\t2\n", "t.tsv").separator == "\t"
    assert load_table(b"a|b\n1|2\n", "p.txt").separator == "|"


def test_zero_padded_codes_stay_text() -> None:
    table = load_table(b"postinumero,n\n00100,1\n90100,2\n", "z.csv")
    assert table.frame["postinumero"].tolist() == ["00100", "90100"]


def test_quoted_field_with_newline() -> None:
    table = load_table(b'id,note\n1,"two\nlines"\n2,plain\n', "q.csv")
    assert table.frame["note"].tolist() == ["two\nlines", "plain"]


def test_gzip_and_zip_packed_csv() -> None:
    raw = b"a,b\n1,2\n3,4\n"
    assert load_table(gzip.compress(raw), "x.csv.gz").frame["b"].tolist() == [2, 4]
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("export/x.csv", raw)
    assert load_table(packed.getvalue(), "x.zip").frame["a"].tolist() == [1, 3]


def test_zip_with_two_tables_is_refused() -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("a.csv", "a,b\n1,2\n")
        archive.writestr("b.csv", "a,b\n1,2\n")
    with pytest.raises(SegmenttiError) as caught:
        load_table(packed.getvalue(), "two.zip")
    assert caught.value.key == "error.zip_members"


def _workbook_bytes(rows: list[list[object]], sheets: tuple[str, ...] = ("Asiakkaat",)) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.title = sheets[0]
    for row in rows:
        workbook.active.append(row)
    for name in sheets[1:]:
        sheet = workbook.create_sheet(name)
        sheet.append(["x", "y"])
        sheet.append([1, 2])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_excel_sheet_and_numbers_stored_as_text() -> None:
    data = _workbook_bytes([["nimi", "ikä", "summa"], ["Aino", 30, "12,5"], ["Eero", 41, "7"]], ("Asiakkaat", "Muut"))
    table = load_table(data, "a.xlsx")
    assert table.file_format == "excel"
    assert table.sheet_names == ("Asiakkaat", "Muut")
    assert table.frame["ikä"].tolist() == [30, 41]
    assert table.frame["summa"].tolist() == [12.5, 7.0]
    assert load_table(data, "a.xlsx", sheet="Muut").sheet == "Muut"


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"", "empty.csv", "error.empty_file"),
        (b"  \n\n", "blank.csv", "error.empty_file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "photo.csv", "error.not_a_table"),
        (b"id,age\n", "header.csv", "error.no_rows"),
        (b"just one column\nvalue\n", "one.csv", "error.single_column"),
        (b"a,b,a\n1,2,3\n", "dup.csv", "error.duplicate_columns"),
        (b"PK\x03\x04 this is not really a workbook", "broken.xlsx", "error.bad_excel"),
        (b"plain text that claims to be excel", "fake.xlsx", "error.bad_excel"),
        (b'a,b\n1,"unterminated\n', "bad.csv", "error.not_a_table"),
    ],
)
def test_bad_files_raise_one_clear_error(data: bytes, name: str, key: str) -> None:
    with pytest.raises(SegmenttiError) as caught:
        load_table(data, name)
    assert caught.value.key == key
    assert name in caught.value.message("fi") or key in {"error.single_column", "error.duplicate_columns"}


def test_workbook_without_data_and_unknown_sheet() -> None:
    with pytest.raises(SegmenttiError) as caught:
        load_table(_workbook_bytes([]), "empty.xlsx")
    assert caught.value.key == "error.no_rows"
    with pytest.raises(SegmenttiError) as caught:
        load_table(_workbook_bytes([["a", "b"], [1, 2]]), "a.xlsx", sheet="Nope")
    assert caught.value.key == "error.no_such_sheet"


def test_read_file_missing_path(tmp_path) -> None:
    with pytest.raises(SegmenttiError) as caught:
        read_file(tmp_path / "nope.csv")
    assert caught.value.key == "error.file_not_found"


# --- detection, overrides and real exports ---

from segmentti.data.loading import LoadOptions  # noqa: E402


def test_detected_details_are_reported() -> None:
    text = "asiakas;summa;liittyi;kello\nä;1 234,50;31.12.2025;2025-12-31 08:26:00\nö;12,5;01.02.2024;2025-01-02 10:00:00\n"
    table = load_table(text.encode("cp1252"), "fi.csv")
    assert (table.separator, table.encoding, table.decimal, table.header_row) == (";", "cp1252", ",", 1)
    assert dict(table.date_formats) == {"liittyi": "%d.%m.%Y", "kello": "%Y-%m-%d %H:%M:%S"}
    assert table.ambiguous_dates == ()  # 31.12. settles the order


def test_thousands_separators_space_nbsp_and_dot() -> None:
    text = "id;a;b;c\n1;1\u00a0234,5;1.234,5;1 000\n2;2\u00a0000,25;12.000,75;2 500\n"
    frame = load_table(text.encode(), "t.csv").frame
    assert frame["a"].tolist() == [1234.5, 2000.25]
    assert frame["b"].tolist() == [1234.5, 12000.75]
    assert frame["c"].tolist() == [1000, 2500]


def test_ambiguous_day_month_order_is_reported_and_can_be_overridden() -> None:
    data = b"id,joined\n1,01/02/2025\n2,03/04/2025\n"
    table = load_table(data, "a.csv")
    assert table.ambiguous_dates == ("joined",) and table.date_order == "dmy"
    assert table.frame["joined"].tolist() == [pd.Timestamp("2025-02-01"), pd.Timestamp("2025-04-03")]
    us = load_table(data, "a.csv", options=LoadOptions(date_order="mdy"))
    assert us.frame["joined"].tolist() == [pd.Timestamp("2025-01-02"), pd.Timestamp("2025-03-04")]
    clear = load_table(b"id,joined\n1,12/31/2025\n2,01/02/2025\n", "u.csv")
    assert clear.ambiguous_dates == () and clear.frame["joined"][0] == pd.Timestamp("2025-12-31")


def test_title_lines_above_the_header_are_skipped_and_the_header_row_can_be_set() -> None:
    text = "Asiakasraportti\nTulostettu 1.1.2026\n\nnimi;ikä;kunta\nAino;30;Oulu\nEero;41;Espoo\n"
    table = load_table(text.encode(), "r.csv")
    assert list(table.frame.columns) == ["nimi", "ikä", "kunta"] and table.header_row == 3
    assert table.frame["ikä"].tolist() == [30, 41]
    forced = load_table(b"a,b\nc,d\n1,2\n", "f.csv", options=LoadOptions(header_row=2))
    assert list(forced.frame.columns) == ["c", "d"] and forced.frame["c"].tolist() == [1]


def test_overrides_of_separator_encoding_and_decimal() -> None:
    data = "a;b\n1,5;x\n".encode("latin-1")
    assert load_table(data, "o.csv", options=LoadOptions(separator=";", encoding="latin-1")).frame["a"][0] == 1.5
    dotted = load_table(b"a;b\n1,234;x\n", "d.csv", options=LoadOptions(decimal="."))
    assert dotted.frame["a"][0] == 1234 and dotted.decimal == "."
    with pytest.raises(SegmenttiError) as caught:
        load_table(b"a,b\n1,2\n", "x.csv", options=LoadOptions(decimal=";"))
    assert caught.value.key == "error.bad_decimal_option"


def test_excel_merged_title_rows_above_the_header() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Asiakasrekisteri 2025"
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["nimi", "ikä", "ostot"])
    sheet.append(["Aino", "30", "1 234,50"])
    sheet.append(["Eero", 41, 12.5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = load_table(buffer.getvalue(), "t.xlsx")
    assert table.header_row == 3
    assert table.frame["ikä"].tolist() == [30, 41]
    assert table.frame["ostot"].tolist() == [1234.5, 12.5]


def test_online_retail_loads_with_its_timestamps(online_retail_table) -> None:
    table = online_retail_table
    assert len(table.frame) == 541_909
    assert dict(table.date_formats) == {"InvoiceDate": "%Y-%m-%d %H:%M:%S"}
    assert table.frame["Quantity"].dtype == "int64"


def test_long_columns_are_judged_on_every_value_not_just_the_first_rows() -> None:
    lines = [f"{i},{i * 1.5},{'x' if i == 5500 else i}" for i in range(6000)]
    frame = load_table(("id,amount,late_text\n" + "\n".join(lines) + "\n").encode(), "long.csv").frame
    assert frame["amount"].dtype == "float64" and frame["id"].dtype == "int64"
    assert pd.api.types.is_string_dtype(frame["late_text"])  # numbers for 5,500 rows, then a word
