"""Write the corpus of bad input files next to this script (run: python tests/data/bad_inputs/make_corpus.py).

Each file is something a user can really throw at segmentti; tests/segmentti/test_bad_inputs.py
checks that every one gets the expected clear message (library) and exit status 2 (command line).
The output is the same bytes on every run.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_FIXED_TIME = (2025, 1, 1, 0, 0, 0)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=_FIXED_TIME), data)
    return buffer.getvalue()


def _workbook(rows: list[list[object]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Asiakkaat"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    # re-pack with fixed timestamps so the bytes do not change between runs
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members["docProps/core.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'
    )
    return _zip(members)


def corpus() -> dict[str, bytes]:
    """File name → bytes of every bad input."""
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    return {
        "zero_bytes.csv": b"",
        "only_blank_lines.csv": b"\n \n\t\n",
        "image_renamed.csv": png + bytes(range(256)),
        "random_binary.csv": bytes((i * 37 + 11) % 256 for i in range(2048)),
        "corrupt.xlsx": b"PK\x03\x04" + b"\x14\x00this is not a workbook" * 20,
        "password_protected.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"EncryptedPackage",
        "no_data.xlsx": _workbook([]),
        "header_only.csv": "asiakasnumero;ikä;kunta\n".encode(),
        "header_only.xlsx": _workbook([["asiakasnumero", "ikä", "kunta"]]),
        "one_column.csv": b"email\na@example.fi\nb@example.fi\n",
        "duplicate_columns.csv": "id;ikä;ikä\n1;30;31\n2;40;41\n".encode(),
        "unterminated_quote.csv": b'id,note\n1,"never closed\n2,x\n',
        "two_tables.zip": _zip({"asiakkaat.csv": b"id,a\n1,2\n", "tilaukset.csv": b"id,b\n1,2\n"}),
        "no_table.zip": _zip({"README.md": b"# nothing here\n"}),
        "empty_column.csv": "asiakasnumero;ikä;tyhjä\nA1;30;\nA2;41;\nA3;52;\n".encode(),
        "ids_missing.csv": b"customer_id,order_date,amount\n,2025-01-01,10.5\n,2025-01-02,20.0\n",
        "amounts_not_numbers.csv": (
            b"customer_id,order_date,amount\nC1,2025-01-01,10.5\nC1,2025-01-02,ten euros\nC2,2025-01-03,7\n"
        ),
    }


def main() -> None:
    for name, data in corpus().items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
