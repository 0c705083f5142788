"""``features`` writes the same customers file whichever engine reads the order lines (pandas or DuckDB)."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from segmentti.cli import main
from segmentti.engine import large
from segmentti.engine.large import pick_engine
from tests.segmentti.data.test_customer_sql import order_lines

MAPPING = ["--customer", "customer", "--date", "date", "--amount", "amount", "--category", "category",
           "--channel", "channel", "--order", "order"]  # fmt: skip


def assert_same_files(first: Path, second: Path) -> None:
    """Byte for byte the same file (the sums are rounded: the order an engine adds the lines in does not show)."""
    assert first.read_bytes() == second.read_bytes()


def run_both(path: Path, folder: Path, mapping: list[str], capsys) -> tuple[Path, Path]:
    """``features`` on ``path`` with each engine; the two written files."""
    written = []
    for engine in ("pandas", "duckdb"):
        out = folder / f"{path.name}.{engine}.csv"
        code = main(["features", str(path), *mapping, "--engine", engine, "--out", str(out)])
        assert code == 0, capsys.readouterr().err
        written.append(out)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == printed[printed.index(next(line for line in printed[1:] if "→" in line))]  # same report
    return written[0], written[1]


def lines_with_attributes(seed: int, n: int = 600) -> pd.DataFrame:
    """Order lines with returns, gaps, many labels, a text attribute, a number attribute with gaps, and a flag."""
    lines = order_lines(seed, n)
    lines["date"] = lines["date"].dt.normalize()  # days only, as most exports
    rng = np.random.default_rng(seed)
    number = {name: float(position % 5) for position, name in enumerate(sorted(lines["customer"].dropna().unique()))}
    lines["tier"] = [number.get(name) if rng.random() > 0.05 else None for name in lines["customer"]]
    lines["vip"] = ["True" if number.get(name, 0) > 2 else "False" for name in lines["customer"]]
    lines["region"] = lines["region"].str.replace("north", 'north, "upper"')  # a quoted cell with the separator
    lines["signup"] = [f"2024-0{1 + int(number.get(name, 0))}-15 00:00:00" for name in lines["customer"]]  # midnights
    padded = rng.random(n) < 0.2  # cells padded with spaces, as fixed-width exports write them
    lines["region"] = [
        f" {value} " if pad and value else value for value, pad in zip(lines["region"], padded, strict=True)
    ]
    lines["category"] = [  # a blank cell: a gap for the loader, so "other"
        "  " if pad and value == "hats" else value for value, pad in zip(lines["category"], padded, strict=True)
    ]
    return lines


def test_the_file_does_not_depend_on_the_order_of_the_lines_nor_on_the_engine(tmp_path, capsys) -> None:
    # added up in this order the shoes make 0.6000000000000001, in the other 0.6: floating point
    amounts = [0.1, 0.2, 0.3, 0.7, 0.35, 0.05, 1.0]
    lines = pd.DataFrame(
        {
            "customer": ["A"] * 4 + ["B"] * 3,
            "date": [f"2025-0{month}-01" for month in (1, 2, 3, 4, 1, 2, 3)],
            "order": ["o1", "o2", "o3", "o4", "o5", "o6", "o7"],
            "category": ["shoes", "shoes", "shoes", "coats", "shoes", "shoes", "coats"],
            "channel": ["web", "web", "web", "store", "web", "web", "store"],
            "amount": amounts,
        }
    )
    lines.to_csv(tmp_path / "forward.csv", index=False)
    lines.iloc[::-1].to_csv(tmp_path / "backward.csv", index=False)
    written = [
        file
        for name in ("forward", "backward")
        for file in run_both(tmp_path / f"{name}.csv", tmp_path, MAPPING, capsys)
    ]
    assert len({file.read_bytes() for file in written}) == 1


def test_plain_csv_with_attributes_gives_the_same_file(tmp_path, capsys) -> None:
    path = tmp_path / "lines.csv"
    lines_with_attributes(3).to_csv(path, index=False, date_format="%Y-%m-%d")
    pandas_file, duckdb_file = run_both(path, tmp_path, MAPPING, capsys)
    assert_same_files(pandas_file, duckdb_file)
    header = pandas_file.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"tier", "vip", "region", "signup"} <= set(header)  # the attributes are there to compare
    assert ",2024-02-15\n" in pandas_file.read_text(encoding="utf-8")  # midnight times written as days
    assert pandas_file.read_text(encoding="utf-8").splitlines()[1].split(",")[1].count(":") == 0  # days, not times


def test_times_of_day_gzip_and_parquet_give_the_same_file(tmp_path, capsys) -> None:
    lines = order_lines(5, 500)  # purchase times with hours
    packed = tmp_path / "lines.csv.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as handle:
        lines.to_csv(handle, index=False)
    parquet = tmp_path / "lines.parquet"
    lines.to_parquet(parquet)
    for path in (packed, parquet):
        pandas_file, duckdb_file = run_both(path, tmp_path, MAPPING, capsys)
        assert_same_files(pandas_file, duckdb_file)
        assert ":" in pandas_file.read_text(encoding="utf-8").splitlines()[1]


FINNISH = """Tilausrivit 1.1.-31.3.2025
Raportti ajettu 2.4.2025

asiakas;pvm;tilaus;tuoteryhmä;kanava;summa;kaupunki
Äijälä;01.01.2025;1;Kengät;myymälä;100,00;Espoo
Äijälä;01.01.2025;1;Takit;myymälä;50,50;Espoo
Äijälä;11.02.2025;2;Kengät;verkko;30,25;Espoo
Äijälä;21.03.2025;3;Kengät;verkko;-30,25;Espoo
Öhman;15.01.2025;4;Takit;verkko;200,00;Oulu
Öhman;16.01.2025;5;Päähineet;verkko;12,90;Oulu
=SUM(A1);20.01.2025;6;Takit;verkko;10,00;Turku
;22.01.2025;7;Takit;verkko;99,00;Turku
"""


def test_finnish_windows_csv_with_title_lines_gives_the_same_file(tmp_path, capsys) -> None:
    path = tmp_path / "tilausrivit.csv"
    path.write_bytes(FINNISH.replace("\n", "\r\n").encode("cp1252"))
    mapping = ["--customer", "asiakas", "--date", "pvm", "--amount", "summa", "--category", "tuoteryhmä",
               "--channel", "kanava", "--order", "tilaus"]  # fmt: skip
    pandas_file, duckdb_file = run_both(path, tmp_path, mapping, capsys)
    assert_same_files(pandas_file, duckdb_file)
    text = duckdb_file.read_text(encoding="utf-8")
    assert "Äijälä,2025-01-01,2025-02-11,39,2,3,150.5,180.75," in text and text.rstrip().endswith(",Oulu")
    assert "'=SUM(A1)" in text  # a formula made inert, as every CSV segmentti writes


def test_yyyymmdd_dates_and_numeric_ids_give_the_same_file(tmp_path, capsys) -> None:
    lines = order_lines(7, 400)
    lines["date"] = lines["date"].dt.strftime("%Y%m%d")
    lines["customer"] = [
        int(name.strip()[1:]) if isinstance(name, str) and name.strip() else None for name in lines["customer"]
    ]
    path = tmp_path / "cdnow.csv"
    lines.to_csv(path, index=False)
    pandas_file, duckdb_file = run_both(path, tmp_path, MAPPING, capsys)
    assert_same_files(pandas_file, duckdb_file)
    assert duckdb_file.read_text(encoding="utf-8").splitlines()[1].startswith("0,")  # ids as whole numbers, sorted


def test_auto_takes_duckdb_for_features_only_where_it_reads_alike(tmp_path, monkeypatch) -> None:
    plain = tmp_path / "lines.csv"
    order_lines(1, 200).to_csv(plain, index=False)
    spaced = tmp_path / "lines.txt"
    spaced.write_text("customer date amount\na 2025-01-01 10\nb 2025-01-02 20\n", encoding="utf-8")
    monkeypatch.setattr(large, "FEATURES_FILE_BYTES", 10)
    assert pick_engine(plain, "auto", large.FEATURES_FILE_BYTES) == "duckdb"
    assert pick_engine(spaced, "auto", large.FEATURES_FILE_BYTES) == "pandas"  # whitespace: only the loader splits it
    assert pick_engine(plain) == "pandas"  # segment and score stream from LARGE_FILE_BYTES on


def test_the_loaders_corrections_keep_features_in_memory(tmp_path, capsys) -> None:
    path = tmp_path / "lines.csv"
    path.write_text("customer,date,amount\na,01/02/2025,10\nb,01/03/2025,20\n", encoding="utf-8")
    mapping = ["--customer", "customer", "--date", "date", "--amount", "amount"]
    assert main(["features", str(path), *mapping, "--out", str(tmp_path / "c.csv")]) == 0
    assert "engine duckdb" in capsys.readouterr().out
    for correction in (["--header-row", "1"], ["--date-order", "mdy"]):
        assert main(["features", str(path), *mapping, *correction, "--out", str(tmp_path / "c.csv")]) == 0
        printed = capsys.readouterr().out
        assert "2 lines → 2 customers" in printed and "engine duckdb" not in printed
    assert pd.read_csv(tmp_path / "c.csv")["first_purchase"].tolist() == ["2025-01-02", "2025-01-03"]  # January


@pytest.mark.parametrize(
    ("content", "report", "gross"),
    [  # thousands separators: DuckDB reads text; an en dash (0x96) of Windows-1252: DuckDB refuses the bytes
        (
            b"asiakas;pvm;summa\nA;1.1.2025;1 200,50\nA;3.1.2025;15,00\nB;2.1.2025;2 000,00\n",
            "3 lines → 2 customers",
            [1215.5, 2000.0],
        ),
        (FINNISH.replace("1.1.-31.3.2025", "1.1.–31.3.2025").encode("cp1252"), "8 lines → 3 customers", None),
    ],
)
def test_auto_lets_the_loader_read_what_duckdb_reads_otherwise(tmp_path, capsys, monkeypatch, content, report, gross):
    path = tmp_path / "rivit.csv"
    path.write_bytes(content)
    monkeypatch.setattr(large, "FEATURES_FILE_BYTES", 10)
    out = tmp_path / "asiakkaat.csv"
    mapping = ["--customer", "asiakas", "--date", "pvm", "--amount", "summa"]
    assert main(["features", str(path), *mapping, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert report in printed and "engine duckdb" not in printed
    assert gross is None or pd.read_csv(out)["gross_spend"].tolist() == gross


def test_features_on_duckdb_imports_no_pandas_nor_duckdbs_python_package(tmp_path) -> None:
    path = tmp_path / "lines.csv"
    order_lines(2, 300).to_csv(path, index=False)
    code = (
        "import sys; from segmentti.cli import main; "
        f"code = main(['features', {str(path)!r}, *{MAPPING!r}, '--engine', 'duckdb', '--out', {str(tmp_path / 'c.csv')!r}]); "
        "assert code == 0; print(sorted(name for name in ('pandas', 'numpy', 'pyarrow', 'duckdb') if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_duckdb_engine_is_what_the_duckdb_package_exports() -> None:
    import duckdb

    from segmentti.data.streamed import connect, duckdb_engine

    engine = duckdb_engine(relations=False)
    assert engine.__name__ == "_duckdb" and duckdb_engine() is duckdb  # features leaves the package unloaded
    for name in ("connect", "Error", "IOException", "InvalidInputException", "ConversionException"):
        assert getattr(engine, name) is getattr(duckdb, name)
    assert connect().sql("SELECT 42").fetchall() == [(42,)]  # the relational API segment and score use


def test_open_day_month_order_is_pointed_out_by_both_engines(tmp_path, capsys) -> None:
    path = tmp_path / "paivat.csv"
    path.write_text("asiakas;pvm;summa\nA;01.02.2025;10,5\nA;03.02.2025;4\nB;12.11.2025;7\n", encoding="utf-8")
    mapping = ["--customer", "asiakas", "--date", "pvm", "--amount", "summa"]
    warnings = []
    for engine in ("pandas", "duckdb"):
        assert (
            main(
                [
                    "--lang",
                    "fi",
                    "features",
                    str(path),
                    *mapping,
                    "--engine",
                    engine,
                    "--out",
                    str(tmp_path / f"{engine}.csv"),
                ]
            )
            == 0
        )
        warnings.append([line for line in capsys.readouterr().err.splitlines() if line.startswith("warning: ")])
    assert warnings[0] == warnings[1] and len(warnings[0]) == 1 and "pvm" in warnings[0][0]
    assert_same_files(tmp_path / "pandas.csv", tmp_path / "duckdb.csv")


@pytest.mark.parametrize(
    ("content", "key_words"),
    [
        (b"", "tyhj"),
        (b"customer,date,amount\n", "ei ole yhtään asiakasriviä"),
        (b"customer,date,amount\nA,2025-01-01,10\nB,2025-01-02\nC,2025-01-03,5,7\n", "ei ole taulukko"),
        (b"customer,date,amount\nA,2025-01-01,ten\nB,2025-01-02,5\n", "'ten'"),
        (b"customer,date,amount\nA,yesterday,10\n", "'yesterday'"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "ei ole taulukko"),
    ],
)
def test_bad_files_get_the_loaders_one_line_error_whichever_engine_auto_picks(
    tmp_path, capsys, content, key_words
) -> None:
    path = tmp_path / "rivit.csv"
    path.write_bytes(content)
    errors = []
    for engine in ("auto", "pandas"):
        code = main(["--lang", "fi", "features", str(path), "--customer", "customer", "--date", "date",
                     "--amount", "amount", "--engine", engine, "--out", str(tmp_path / "out.csv")])  # fmt: skip
        assert code == 2
        errors.append(capsys.readouterr().err)
    assert errors[0] == errors[1] and errors[0].count("\n") == 1 and errors[0].startswith("error: ")
    assert key_words in errors[0]


def test_a_file_duckdb_cannot_read_is_one_error_line_with_the_way_out(tmp_path, capsys) -> None:
    path = tmp_path / "raportti.csv"
    path.write_bytes(b"Raportti 1.1.\x962.1.2025\nasiakas;pvm;summa\nA;01.01.2025;10,5\n")  # 0x96: beyond Latin-1
    mapping = ["--customer", "asiakas", "--date", "pvm", "--amount", "summa"]
    code = main(
        ["--lang", "fi", "features", str(path), *mapping, "--engine", "duckdb", "--out", str(tmp_path / "c.csv")]
    )
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("error: DuckDB ei pystynyt lukemaan")
    assert "--engine pandas" in err
