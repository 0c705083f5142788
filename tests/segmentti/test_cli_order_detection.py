"""segment and scan recognise order lines without mapping options, say so on stderr, and work on customers."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from segmentti.cli import main


def _order_lines(path, customers: int = 40) -> None:
    rng = np.random.default_rng(3)
    rows = []
    for number in range(customers):
        for line in range(1 + number % 4 + (number % 3)):
            day = pd.Timestamp("2025-01-01") + pd.Timedelta(days=int(rng.integers(0, 300)))
            rows.append(
                (f"A{number:03d}", f"T{number}-{line}", day.date().isoformat(), round(float(rng.gamma(2, 30)), 2))
            )
    frame = pd.DataFrame(rows, columns=["asiakasnumero", "tilausnumero", "päivämäärä", "summa"])
    frame.to_csv(path, sep=";", decimal=",", index=False)


def test_scan_recognises_order_lines_and_says_how_to_override(tmp_path, capsys) -> None:
    lines = tmp_path / "tilaukset.csv"
    _order_lines(lines)
    assert main(["scan", str(lines), "--k-max", "3", "--json", "--lang", "fi"]) == 0
    captured = capsys.readouterr()
    scanned = json.loads(captured.out)
    assert [score["k"] for score in scanned["scores"]] == [2, 3] and "recency_days" in scanned["criteria"]
    err = captured.err
    assert "tilaukset.csv näyttää tilausriveiltä" in err and "--customer-table" in err
    assert "--customer asiakasnumero --date päivämäärä --amount summa --order tilausnumero" in err


def test_segment_labels_customers_not_lines_and_customer_table_keeps_lines(tmp_path, capsys) -> None:
    lines = tmp_path / "orders.csv"
    _order_lines(lines)
    out = tmp_path / "out"
    assert main(["segment", str(lines), "--k", "2", "--out", str(out), "--lang", "en"]) == 0
    labelled = pd.read_csv(out / "segments.csv")
    assert len(labelled) == 40 and labelled["asiakasnumero"].is_unique and "recency_days" in labelled.columns
    assert "orders.csv looks like order lines" in capsys.readouterr().err
    plain = tmp_path / "plain"
    assert main(["segment", str(lines), "--customer-table", "--k", "2", "--out", str(plain), "--lang", "en"]) == 0
    assert len(pd.read_csv(plain / "segments.csv")) == len(pd.read_csv(lines, sep=";"))
    assert "looks like order lines" not in capsys.readouterr().err


def test_customer_table_and_order_columns_together_is_one_error(tmp_path, capsys) -> None:
    lines = tmp_path / "orders.csv"
    _order_lines(lines, customers=5)
    argv = ["scan", str(lines), "--customer-table", "--customer", "asiakasnumero", "--date", "päivämäärä"]
    assert main([*argv, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Give either --customer-table") and err.count("\n") == 1
