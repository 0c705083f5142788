"""RFM segments compare the same way as a model's: fixed edges, one file at two days, the same files and lists."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from segmentti.data.orders import OrderMapping
from segmentti.engine.rfm import score_rfm
from segmentti.errors import SegmenttiError
from segmentti.outputs.migration_chart import build_migration_sankey
from segmentti.project.comparison import comparison_files
from segmentti.project.rfm_comparison import compare_rfm_snapshots, rfm_customers, snapshot_edges
from segmentti.texts import translate

MAPPING = OrderMapping("customer_id", "order_date", amount="amount_eur", order="order_id")


def order_lines(customers: int = 200, seed: int = 3) -> pd.DataFrame:
    """A year of order lines (2025) of ``customers`` customers with emails, each buying at their own pace."""
    rng = np.random.default_rng(seed)
    rows = []
    for number in range(customers):
        orders = int(rng.integers(1, 12))
        days = np.sort(rng.integers(0, 365, orders))
        for order, day in enumerate(days):
            rows.append(
                {
                    "order_id": f"O{number:04d}-{order:02d}",
                    "customer_id": f"C{number:04d}",
                    "email": f"c{number}@example.fi",
                    "order_date": (pd.Timestamp("2025-01-01") + pd.Timedelta(days=int(day))).date().isoformat(),
                    "amount_eur": round(float(rng.lognormal(3.5, 0.7)), 2),
                }
            )
    return pd.DataFrame(rows)


def rfm_table(customers: int = 100, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "customer_id": [f"K{number:03d}" for number in range(customers)],
            "recency_days": rng.integers(1, 400, customers),
            "orders": rng.integers(1, 15, customers),
            "total_spend": rng.lognormal(5, 1, customers).round(2),
        }
    )


def test_a_customer_whose_figures_did_not_change_stays_put_when_others_change() -> None:
    old = rfm_table()
    new = old.copy()
    busy = new.index[:40]
    new.loc[busy, "orders"] += 30  # forty customers buy far more; the other sixty are as they were
    new.loc[busy, "total_spend"] *= 20
    comparison = compare_rfm_snapshots(old, new, "en")
    same = old["customer_id"].iloc[40:]
    assert not set(comparison.movers["customer_id"]) & set(same)
    assert (comparison.old[same] == comparison.new[same]).all()
    # quintiles of the later snapshot would have moved some of them: the edges are the point
    refitted = score_rfm(new).table["segment"].iloc[40:]
    assert (refitted.to_numpy() != score_rfm(old).table["segment"].iloc[40:].to_numpy()).any()


def test_one_file_of_order_lines_at_two_days() -> None:
    lines = order_lines()
    old = rfm_customers(lines, MAPPING, "2025-06-30")
    new = rfm_customers(lines, MAPPING, "2025-12-31")
    comparison = compare_rfm_snapshots(old, new, "en")
    counts = comparison.counts
    first = lines.groupby("customer_id")["order_date"].min()
    assert counts.loc[comparison.new_label].sum() == int((first > "2025-06-30").sum())
    assert counts["Gone"].sum() == 0  # the same file: nobody who had bought is gone
    assert counts.to_numpy().sum() == lines["customer_id"].nunique()
    assert comparison.names[-1] == "Others" or "Others" not in comparison.names
    # each customer's segment is the RFM segment of their own scores on the earlier day's edges
    edges = snapshot_edges(old)
    expected = score_rfm(new, edges=edges).table["segment"]
    named = {name: index for index, name in enumerate(comparison.names)}
    keys = {index: name for name, index in named.items()}
    assert [keys[label] for label in comparison.new.to_numpy()] == [translate(f"rfm.{key}", "en") for key in expected]
    revenue = comparison.changes["revenue_new"].sum()
    assert np.isclose(revenue, new["total_spend"].sum(), atol=0.1)


def test_a_champion_who_stops_buying_moves_and_is_on_the_win_back_list() -> None:
    lines = order_lines()
    loyal = pd.DataFrame(  # twenty big orders in June 2025, then nothing
        {
            "order_id": [f"Y{n}" for n in range(20)],
            "customer_id": "C0007",
            "email": "c7@example.fi",
            "order_date": [f"2025-06-{day:02d}" for day in range(1, 21)],
            "amount_eur": 500.0,
        }
    )
    lines = pd.concat([lines[lines["customer_id"] != "C0007"], loyal], ignore_index=True)
    old = rfm_customers(lines, MAPPING, "2025-06-21")
    new = rfm_customers(lines, MAPPING, "2025-12-31")
    comparison = compare_rfm_snapshots(old, new, "fi")
    assert comparison.names[comparison.old["C0007"]] == "Mestarit"
    moved = comparison.movers.set_index("customer_id").loc["C0007"]
    assert moved["from_segment"] == "Mestarit" and moved["to_segment"] != "Mestarit"
    assert moved["R"] < 4 and moved["F"] == 5
    files = comparison_files(comparison, new, "fi")
    assert {"migration.csv", "movers.csv", "segment_changes.csv"} <= set(files)
    lists = {name: pd.read_csv(io.BytesIO(data)) for name, data in files.items() if name.startswith("lists/")}
    tagged = [contacts for contacts in lists.values() if "c7@example.fi" in set(contacts["Email Address"])]
    assert len(tagged) == 1 and set(tagged[0]["Tags"]) == {f"Mestarit → {moved['to_segment']}"}
    figure = build_migration_sankey(comparison.counts, "fi")
    assert sum(figure.data[0].link.value) == comparison.counts.to_numpy().sum()


def test_a_table_without_the_rfm_columns_or_order_lines_is_refused() -> None:
    with pytest.raises(SegmenttiError) as raised:
        rfm_customers(pd.DataFrame({"customer_id": ["a"], "age": [30]}), None)
    assert raised.value.key == "error.rfm_compare_needs_orders" and "recency_days" in raised.value.message("en")
    with pytest.raises(SegmenttiError) as raised:
        rfm_customers(rfm_table(), None, "2025-01-01")
    assert raised.value.key == "error.rfm_compare_as_of_needs_orders"


def test_the_new_customers_row_is_not_mistaken_for_the_new_customers_segment() -> None:
    lines = order_lines()
    old = rfm_customers(lines, MAPPING, "2025-03-31")
    new = rfm_customers(lines, MAPPING, "2025-12-31")
    for lang in ("fi", "en"):
        comparison = compare_rfm_snapshots(old, new, lang)
        segment = translate("rfm.new_customers", lang)
        assert segment in comparison.names and comparison.new_label not in comparison.names
        assert comparison.counts.index.is_unique and comparison.new_label == translate("compare.new_other", lang)
        assert comparison.counts.loc[comparison.new_label].sum() > 0
