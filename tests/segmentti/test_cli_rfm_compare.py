"""``compare --rfm``: RFM segments of two snapshots (two files, or one file at two days) and its usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from segmentti.cli import main
from segmentti.data.samples import SAMPLE_DIR
from segmentti.engine.rfm import score_rfm
from segmentti.texts import translate


@pytest.fixture(scope="module")
def lines_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year of Finnish-style order lines (``;``, decimal comma, dd.mm.yyyy) of 150 customers with emails."""
    rng = np.random.default_rng(11)
    count = 1500
    customer = rng.integers(0, 150, count)
    days = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 365, count), unit="D")
    lines = pd.DataFrame(
        {
            "tilaus": [f"T{n:05d}" for n in range(count)],
            "asiakas": [f"A{number:03d}" for number in customer],
            "sahkoposti": [f"a{number}@esimerkki.fi" for number in customer],
            "pvm": days.strftime("%d.%m.%Y"),
            "summa": [f"{value:.2f}".replace(".", ",") for value in rng.lognormal(3.5, 0.8, count)],
        }
    )
    path = tmp_path_factory.mktemp("rfm") / "tilausrivit.csv"
    lines.to_csv(path, sep=";", index=False)
    return path


MAPPING = ["--customer", "asiakas", "--date", "pvm", "--amount", "summa", "--order", "tilaus"]


def test_one_file_at_two_days_writes_the_comparison_and_the_edges(lines_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    argv = ["compare", str(lines_path), "--rfm", "--as-of-old", "2025-06-30", "--as-of-new", "2025-12-31"]
    assert main([*argv, *MAPPING, "--out", str(out), "--lang", "fi"]) == 0
    printed = capsys.readouterr().out
    assert "rfm_edges.json" in printed and "Mestarit" in printed
    migration = pd.read_csv(out / "migration.csv")
    assert list(migration.columns) == ["from_segment", "to_segment", "customers"]
    lines = pd.read_csv(lines_path, sep=";")
    first = pd.to_datetime(lines["pvm"], format="%d.%m.%Y").groupby(lines["asiakas"]).min()
    assert migration["customers"].sum() == lines["asiakas"].nunique()
    # the RFM segment "Uudet asiakkaat" (New Customers) renames the row of customers not there before
    label = "Ei vielä asiakas" if "Uudet asiakkaat" in set(migration["to_segment"]) else "Uudet asiakkaat"
    new = migration.loc[migration["from_segment"] == label, "customers"].sum()
    assert new == int((first > "2025-06-30").sum()) and "Poistuneet" not in set(migration["to_segment"])
    edges = json.loads((out / "rfm_edges.json").read_text())
    assert set(edges) == {"recency", "frequency", "monetary"} and all(len(values) == 4 for values in edges.values())
    movers = pd.read_csv(out / "movers.csv")
    assert len(movers) > 0 and (movers["from_segment"] != movers["to_segment"]).all()
    assert {"R", "F", "M", "sahkoposti"} <= set(movers.columns)
    lists = sorted((out / "lists").glob("*.csv"))
    assert lists and sum(len(pd.read_csv(path)) for path in lists) == len(movers)


def test_two_files_recognised_as_order_lines_scored_on_the_old_edges(lines_path: Path, tmp_path: Path) -> None:
    lines = pd.read_csv(lines_path, sep=";", dtype=str)
    dates = pd.to_datetime(lines["pvm"], format="%d.%m.%Y")
    old_path, new_path = tmp_path / "kesakuu.csv", tmp_path / "joulukuu.csv"
    lines[dates <= "2025-06-30"].to_csv(old_path, sep=";", index=False)
    lines[lines["asiakas"] != "A000"].to_csv(new_path, sep=";", index=False)  # A000 is gone
    out = tmp_path / "out"
    assert main(["compare", str(old_path), str(new_path), "--rfm", "--out", str(out)]) == 0
    migration = pd.read_csv(out / "migration.csv")
    assert migration.loc[migration["to_segment"] == "Gone", "customers"].sum() == 1
    edges = json.loads((out / "rfm_edges.json").read_text())
    old = pd.read_csv(old_path, sep=";", decimal=",")
    old_customers = old.groupby("asiakas").agg(orders=("tilaus", "nunique"), total_spend=("summa", "sum"))
    old_customers["recency_days"] = 1  # recency's edges are not checked here
    expected = score_rfm(old_customers).edges
    assert edges["frequency"] == list(expected["frequency"])
    assert np.allclose(edges["monetary"], expected["monetary"], rtol=1e-6)


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        ([], "--model"),
        (["--rfm", "--model", "model.json"], "--rfm"),
        (["--rfm", "--as-of-old", "2025-06-30"], "--as-of-new"),
        (["--rfm", "--as-of-old", "2025-06-30", "--as-of-new", "2025-01-31"], "2025-01-31"),
    ],
)
def test_usage_mistakes_are_one_error_line(lines_path: Path, tmp_path: Path, capsys, extra, needle) -> None:
    assert main(["compare", str(lines_path), *extra, "--out", str(tmp_path / "x")]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error:") and needle in line
    assert not (tmp_path / "x").exists()


def test_a_customer_table_without_rfm_columns_is_one_error_line(b2c_subset_path: Path, tmp_path: Path, capsys) -> None:
    argv = ["compare", str(b2c_subset_path), str(b2c_subset_path), "--rfm", "--out", str(tmp_path / "x")]
    assert main([*argv, "--lang", "fi"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error: RFM-vertailu") and "recency_days" in line


def test_a_model_of_customer_tables_takes_no_as_of_days(b2c_subset_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "january"
    assert main(["segment", str(b2c_subset_path), "--out", str(out), "--k", "3", "--criteria", "age,region"]) == 0
    capsys.readouterr()
    argv = ["compare", str(b2c_subset_path), "--model", str(out / "model.json"), "--out", str(tmp_path / "x")]
    assert main([*argv, "--as-of-old", "2025-01-31", "--as-of-new", "2025-02-28"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line == "error: " + translate("error.rfm_compare_as_of_needs_orders", "en")


def test_without_an_email_column_the_lists_folder_is_empty_and_says_why(tmp_path: Path, capsys) -> None:
    orders = tmp_path / "orders.csv"
    lines = pd.read_csv(SAMPLE_DIR / "b2c_orders.csv.gz").head(20_000)  # customer, date, amount: no email
    lines.to_csv(orders, index=False)
    out = tmp_path / "out"
    argv = ["compare", str(orders), "--rfm", "--as-of-old", "2024-03-31", "--as-of-new", "2024-06-30"]
    assert main([*argv, "--out", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert len(pd.read_csv(out / "movers.csv")) > 0
    assert (out / "lists").is_dir() and not list((out / "lists").iterdir())  # nothing but the folder
    assert "No contact lists: the data has no email column." in printed
