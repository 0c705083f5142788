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
    assert list(frame.columns[:13]) == [
        "customer_id",
        "first_purchase",
        "last_purchase",
        "recency_days",
        "orders",
        "lines",
        "total_spend",
        "gross_spend",
        "avg_order_value",
        "mean_days_between_orders",
        "tenure_days",
        "returns",
        "returns_value",
    ]
    assert frame["customer_id"].is_unique and "channel_share_webshop" in frame.columns
    assert (frame["recency_days"] >= 1).all()
    printed = capsys.readouterr().out
    assert f"→ {len(frame):,} customers" in printed and "as of 2026-01-01" in printed


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


def test_an_as_of_day_alone_cuts_recognised_order_lines_and_is_refused_for_a_customer_table(tmp_path, capsys) -> None:
    out = tmp_path / "june"
    assert main(["segment", ORDERS, "--as-of", "2025-06-30", "--k", "2", "--out", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr()
    assert "as of 2025-06-30" in printed.err + printed.out and "lines after the as-of date" in printed.err + printed.out
    customers = str(SAMPLE_DIR / "b2c_customers.csv")
    assert main(["segment", customers, "--as-of", "2025-06-30", "--out", str(tmp_path / "c"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "give --customer" in err and err.count("\n") == 1


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
    assert len(frame) == 4338 and round(frame["gross_spend"].sum(), 2) == 8_911_407.90
    net = frame["gross_spend"].sum() - frame["returns_value"].sum()
    assert frame["total_spend"].sum() == pytest.approx(net)
    assert frame.set_index("CustomerID")["total_spend"].idxmax() == 14646
    assert frame["Country"].notna().all()  # the customer's country survives as a criterion candidate
    printed = capsys.readouterr().out
    assert "135,080 lines without a customer id were left out" in printed
    assert "541,909 lines → 4,338 customers (397,884 purchase lines" in printed
    assert "purchases 8,911,407.90" in printed and "40 lines with amount 0" in printed


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


def test_features_of_order_lines_with_mixed_utc_offsets(tmp_path, capsys) -> None:
    data = tmp_path / "tilaukset.csv"
    data.write_text(
        "asiakas;aika;summa\n"
        "A;2025-10-25T23:30:00+03:00;10,00\n"
        "A;2025-10-26T02:30:00+02:00;20,00\n"
        "B;2025-10-27T08:00:00+02:00;5,00\n"
        "B;2025-10-28T08:00:00+02:00;-5,00\n",
        encoding="utf-8",
    )
    out = tmp_path / "f.csv"
    args = ["features", str(data), "--customer", "asiakas", "--date", "aika", "--amount", "summa"]
    assert main([*args, "--as-of", "2025-10-27", "--out", str(out), "--lang", "en"]) == 0
    frame = pd.read_csv(out, parse_dates=["first_purchase", "last_purchase"]).set_index("asiakas")
    assert frame.loc["A", "first_purchase"] == pd.Timestamp("2025-10-25 23:30")
    assert frame.loc["A", "recency_days"] == 1 and frame.loc["A", "orders"] == 2
    assert frame.loc["B", "recency_days"] == 0 and frame.loc["B", "returns"] == 0  # the return came later
    printed = capsys.readouterr().out
    assert "1 lines after the as-of date were left out" in printed
