"""The command line on order lines: the features command, and segment/scan straight from order lines."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from segmentti.cli import main
from tests.conftest import REALDATA, SAMPLE_DIR

ORDERS = str(SAMPLE_DIR / "b2c_orders.csv.gz")
MAPPING = ["--customer", "customer_id", "--date", "order_date", "--amount", "amount_eur"]


def test_features_writes_one_row_per_customer(tmp_path, capsys) -> None:
    out = tmp_path / "asiakkaat.csv"
    extra = ["--category", "product_category", "--channel", "channel", "--order", "order_id", "--as-of", "2026-01-01"]
    assert main(["features", ORDERS, *MAPPING, *extra, "--out", str(out), "--lang", "en"]) == 0
    frame = pd.read_csv(out)
    assert list(frame.columns[:12]) == [
        "customer_id",
        "first_purchase",
        "last_purchase",
        "recency_days",
        "orders",
        "lines",
        "total_spend",
        "avg_order_value",
        "mean_days_between_orders",
        "tenure_days",
        "returns",
        "returns_value",
    ]
    assert frame["customer_id"].is_unique and "channel_share_webshop" in frame.columns
    assert (frame["recency_days"] >= 1).all()
    printed = capsys.readouterr().out
    assert f"→ {len(frame)} customers" in printed and "as of 2026-01-01" in printed


def test_segment_and_scan_straight_from_order_lines(tmp_path, capsys) -> None:
    criteria = ["--criteria", "recency_days,orders,total_spend,avg_order_value"]
    assert main(["segment", ORDERS, *MAPPING, *criteria, "--k", "3", "--out", str(tmp_path), "--lang", "fi"]) == 0
    labelled = pd.read_csv(tmp_path / "segments.csv")
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert labelled["customer_id"].is_unique and summary["k"] == 3
    assert sorted(summary["criteria"]) == sorted(["recency_days", "orders", "total_spend", "avg_order_value"])
    capsys.readouterr()
    assert main(["scan", ORDERS, *MAPPING, *criteria, "--k-max", "4", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["recommended_k"] in (2, 3, 4)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "order_date"], "give --customer"),
        (["--customer", "customer_id", "--amount", "amount_eur"], "--date"),
        ([*MAPPING, "--quantity", "q", "--price", "p"], "not both"),
        ([*MAPPING, "--as-of", "31.12.2025"], "YYYY-MM-DD"),
        (["--customer", "customer_id", "--date", "order_date", "--amount", "channel"], "must hold numbers"),
    ],
)
def test_order_option_mistakes_are_one_line_errors(args: list[str], message: str, tmp_path, capsys) -> None:
    assert main(["segment", ORDERS, *args, "--out", str(tmp_path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_features_of_online_retail_from_the_command_line(tmp_path, capsys) -> None:
    path = REALDATA / "online_retail.csv.gz"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    out = tmp_path / "uci.csv"
    args = ["--customer", "CustomerID", "--date", "InvoiceDate", "--quantity", "Quantity", "--price", "UnitPrice"]
    assert main(["features", str(path), *args, "--order", "InvoiceNo", "--out", str(out), "--lang", "en"]) == 0
    frame = pd.read_csv(out)
    assert len(frame) == 4338 and round(frame["total_spend"].sum(), 2) == 8_911_407.90
    assert "135080 lines without a customer id were left out" in capsys.readouterr().out


def test_load_options_correct_what_is_detected_and_open_date_orders_are_warned(tmp_path, capsys) -> None:
    data = tmp_path / "rivit.csv"
    data.write_text(
        "Tilausraportti\nasiakas;pvm;summa\nA;01.02.2025;1.234\nA;03.02.2025;2.000\nB;04.02.2025;5\n", encoding="utf-8"
    )
    out = tmp_path / "f.csv"
    args = ["features", str(data), "--customer", "asiakas", "--date", "pvm", "--amount", "summa", "--out", str(out)]
    assert main([*args, "--lang", "en"]) == 0
    assert "warning: the dates in pvm do not show whether the day or the month comes first" in capsys.readouterr().err
    assert pd.read_csv(out).set_index("asiakas").loc["A", "total_spend"] == 3.234  # dot read as decimal mark
    assert (
        main([*args, "--decimal", "comma", "--date-order", "mdy", "--separator", "semicolon", "--header-row", "2"]) == 0
    )
    result = pd.read_csv(out, parse_dates=["first_purchase"]).set_index("asiakas")
    assert result.loc["A", "total_spend"] == 3234.0  # decimal comma: "1.234" and "2.000" have dot thousands
    assert result.loc["A", "first_purchase"] == pd.Timestamp("2025-01-02")
    assert main([*args, "--header-row", "x"]) == 2
