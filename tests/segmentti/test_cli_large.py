"""The command line past memory: --engine duckdb for features and segment, the automatic choice, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from segmentti.cli import main
from segmentti.data.orders import build_customers
from segmentti.engine import large
from segmentti.engine.large import pick_engine
from tests.segmentti.data.test_customer_sql import FULL, assert_same_customers, order_lines

MAPPING = ["--customer", "customer", "--date", "date", "--amount", "amount", "--category", "category",
           "--channel", "channel", "--order", "order"]  # fmt: skip


@pytest.fixture(scope="module")
def lines_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli_large")
    lines = order_lines(2, n=1500)
    lines.to_parquet(folder / "lines.parquet")
    return folder, lines


def test_features_on_duckdb_are_the_in_memory_features(lines_file, capsys) -> None:
    folder, lines = lines_file
    out = folder / "customers.parquet"
    assert main(["features", str(folder / "lines.parquet"), *MAPPING, "--engine", "duckdb", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    expected = build_customers(lines, FULL)
    assert f"1,500 lines → {len(expected.frame)} customers" in printed
    assert "(engine duckdb)" in printed
    assert_same_customers(expected.frame, pd.read_parquet(out))


def test_segment_on_duckdb_writes_labelled_customers_lists_and_summary(lines_file, capsys) -> None:
    folder, lines = lines_file
    out = folder / "segments"
    code = main(
        ["--lang", "fi", "segment", str(folder / "lines.parquet"), *MAPPING, "--engine", "duckdb",
         "--criteria", "recency_days,orders,total_spend", "--k", "3", "--out", str(out)]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    customers = len(build_customers(lines, FULL).frame)
    assert summary["customers"] == customers and summary["k"] == 3 and not summary["fitted_on_sample"]
    assert f"Malli sovitettiin kaikkiin {customers} asiakkaaseen" in captured.out
    assert "1\u00a0500" in captured.err  # the lines report, in Finnish numbers
    labelled = pd.read_parquet(out / "customers")
    assert len(labelled) == customers and labelled["segment_name"].notna().all()
    assert len(list((out / "lists").glob("*.csv"))) == 3
    assert (out / "customer_features.parquet").exists()


def test_each_duckdb_command_runs_in_an_interpreter_of_its_own(lines_file) -> None:
    # in this test process the duckdb package is long loaded; a command starts with nothing loaded
    folder, _ = lines_file
    customers, out = folder / "fresh_customers.parquet", folder / "fresh_segments"
    commands = [
        ["features", str(folder / "lines.parquet"), *MAPPING, "--engine", "duckdb", "--out", str(customers)],
        ["segment", str(customers), "--engine", "duckdb", "--k", "3", "--out", str(out)],
        ["segment", str(folder / "lines.parquet"), *MAPPING, "--engine", "duckdb", "--k", "2", "--out", str(out)],
    ]
    for command in commands:
        done = subprocess.run([sys.executable, "-m", "segmentti", *command], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["k"] == 2


@pytest.mark.parametrize(
    ("arguments", "key_text"),
    [
        (["--spark-master", "local[1]"], "--engine spark"),
        (["--engine", "duckdb", "--method", "rfm"], "--engine pandas"),
    ],
)
def test_misplaced_engine_options_are_one_error_line(lines_file, capsys, arguments, key_text) -> None:
    folder, _ = lines_file
    code = main(["segment", str(folder / "lines.parquet"), *MAPPING, *arguments, "--out", str(folder / "x")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ") and key_text in err


def test_spark_engine_without_pyspark_says_how_to_install_it(lines_file, capsys, monkeypatch) -> None:
    folder, _ = lines_file
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    code = main(["features", str(folder / "lines.parquet"), *MAPPING, "--engine", "spark", "--out", "x.parquet"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "pip install pyspark" in err


def test_auto_streams_large_csv_and_parquet_only(tmp_path, monkeypatch) -> None:
    small = tmp_path / "small.csv"
    small.write_text("a,b\n1,2\n", encoding="utf-8")
    parquet = tmp_path / "lines.parquet"
    pd.DataFrame({"a": range(10)}).to_parquet(parquet)
    workbook = tmp_path / "big.xlsx"
    workbook.write_bytes(b"x" * 2000)
    assert pick_engine(small) == "pandas"
    monkeypatch.setattr(large, "LARGE_FILE_BYTES", 1000)
    assert pick_engine(parquet) == "duckdb"  # a Parquet file counts as its rows, not its compressed bytes
    assert pick_engine(small) == "pandas"
    assert pick_engine(workbook) == "pandas"  # Excel always loads in memory
    assert pick_engine(small, "duckdb") == "duckdb"
    assert pick_engine(parquet, "pandas") == "pandas"


FINNISH_LINES = """Tilaukset 2025
asiakas;pvm;tilaus;tuoteryhmä;kanava;summa
A;01.01.2025;1;Kenkä;kauppa;100,00
A;01.01.2025;1;Takki;kauppa;50,50
A;11.01.2025;2;Kenkä;verkko;30,00
A;21.01.2025;3;Kenkä;verkko;-30,00
B;15.01.2025;4;Takki;verkko;200,00
C;20.01.2025;5;Takki;verkko;-10,00
;22.01.2025;6;Takki;verkko;99,00
"""


def test_a_finnish_windows_csv_streams_as_the_loader_reads_it(tmp_path, capsys) -> None:
    """Separator, decimal comma, Windows-1252 and a title line: detected on the head, then DuckDB reads it all."""
    path = tmp_path / "tilaukset.csv"
    path.write_bytes(FINNISH_LINES.encode("cp1252"))
    mapping = ["--customer", "asiakas", "--date", "pvm", "--amount", "summa", "--category", "tuoteryhmä",
               "--channel", "kanava", "--order", "tilaus"]  # fmt: skip
    for engine in ("pandas", "duckdb"):
        out = tmp_path / f"{engine}.csv"
        assert main(["features", str(path), *mapping, "--engine", engine, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("7 lines → 2 customers") == 2
    in_memory = pd.read_csv(tmp_path / "pandas.csv", parse_dates=["first_purchase", "last_purchase"])
    streamed = pd.read_csv(tmp_path / "duckdb.csv", parse_dates=["first_purchase", "last_purchase"])
    assert_same_customers(in_memory, streamed)
    assert streamed["gross_spend"].tolist() == [180.5, 200.0]


def test_segment_on_duckdb_recognises_order_lines_as_the_in_memory_path(lines_file, capsys) -> None:
    folder, lines = lines_file
    out = folder / "recognised"
    code = main(["segment", str(folder / "lines.parquet"), "--engine", "duckdb", "--k", "2", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "looks like order lines" in captured.err and "--customer customer" in captured.err
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["customers"] == len(build_customers(lines, FULL).frame)
