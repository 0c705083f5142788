"""RFM from order lines: recency, frequency and spend per customer, quintile and custom scores, named segments."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from segmentti.engine.features import build_features
from segmentti.engine.rfm import (
    SEGMENTS,
    join_order_summary,
    load_order_sample,
    rf_grid,
    rfm_crosstab,
    score_rfm,
    segment_of_code,
    summarize_orders,
)
from segmentti.engine.workflow import segment_by_rfm
from segmentti.errors import SegmenttiError


def _orders() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "order_id": ["o1", "o1", "o2", "o3", "o4", "o5", "o6"],
            "customer_id": ["a", "a", "a", "b", "b", "c", "d"],
            "order_date": [
                "2025-01-01",
                "2025-01-01",
                "2025-03-01",
                "31.01.2025",
                "10.02.2025",
                "2025-03-10",
                "2025-02-01",
            ],
            "amount_eur": [10.0, 5.0, 20.0, 100.0, -30.0, 7.0, -5.0],
        }
    )


def test_order_lines_become_recency_frequency_and_net_spend() -> None:
    summary = summarize_orders(_orders(), as_of=pd.Timestamp("2025-03-11"))
    assert summary.index.tolist() == ["a", "b", "c"]  # d only returned: no purchase
    assert summary.loc["a", "orders"] == 2  # two lines of o1 count once
    assert summary.loc["a", "total_spend"] == pytest.approx(35.0)
    assert summary.loc["b", "orders"] == 1  # the return is not a purchase ...
    assert summary.loc["b", "total_spend"] == pytest.approx(70.0)  # ... but reduces the spend
    assert summary.loc["b", "recency_days"] == (pd.Timestamp("2025-03-11") - pd.Timestamp("2025-01-31")).days
    assert summary.loc["c", "recency_days"] == 1


def test_order_lines_need_their_columns() -> None:
    with pytest.raises(SegmenttiError) as caught:
        summarize_orders(_orders().drop(columns=["amount_eur"]))
    assert caught.value.key == "error.rfm_missing_columns" and "amount_eur" in caught.value.message("fi")
    with pytest.raises(SegmenttiError) as caught:
        summarize_orders(_orders().assign(amount_eur=-1.0))
    assert caught.value.key == "error.rfm_no_purchases"


def test_quintile_scores_put_a_fifth_in_each_score_and_recency_is_reversed() -> None:
    customers = pd.DataFrame(
        {"recency_days": np.arange(1, 11), "orders": np.arange(10, 0, -1), "total_spend": np.arange(10) * 100.0}
    )
    scores = score_rfm(customers).table
    assert np.bincount(scores["r"])[1:].tolist() == [2, 2, 2, 2, 2]
    assert scores["r"].tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]  # fewer days is better
    assert scores["f"].tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    assert scores["segment"].iloc[0] == "champions" and scores["segment"].iloc[-1] == "lost"


def test_custom_edges_are_used_and_checked() -> None:
    customers = pd.DataFrame({"recency_days": [5, 40, 400], "orders": [1, 3, 30], "total_spend": [10.0, 50, 900]} | {})
    customers = pd.concat([customers] * 2, ignore_index=True)
    edges = {"recency": [30, 60, 90, 180], "frequency": [2, 4, 8, 16], "monetary": [20, 100, 200, 500]}
    table = score_rfm(customers, edges=edges).table
    assert table["r"].tolist()[:3] == [5, 4, 1]
    assert table["f"].tolist()[:3] == [1, 2, 5]
    assert table["m"].tolist()[:3] == [1, 2, 5]
    with pytest.raises(SegmenttiError) as caught:
        score_rfm(customers, edges={"recency": [30, 20, 90, 180]})
    assert caught.value.key == "error.rfm_bad_edges"


@pytest.mark.parametrize(
    ("code", "segment"),
    [
        ("55", "champions"),
        ("44", "loyal_customers"),
        ("52", "potential_loyalist"),
        ("51", "new_customers"),
        ("41", "promising"),
        ("33", "need_attention"),
        ("31", "about_to_sleep"),
        ("24", "at_risk"),
        ("15", "cant_lose"),
        ("22", "hibernating"),
        ("11", "lost"),
    ],
)
def test_standard_segment_map(code: str, segment: str) -> None:
    assert segment_of_code(code) == segment


def test_every_rf_cell_has_a_segment_and_every_segment_a_cell() -> None:
    names = {segment_of_code(f"{r}{f}") for r in range(1, 6) for f in range(1, 6)}
    assert names == set(SEGMENTS)


def test_grid_crosstab_and_segmentation_on_the_order_sample() -> None:
    summary = summarize_orders(load_order_sample()).reset_index()
    scores = score_rfm(summary)
    grid = rf_grid(scores)
    assert grid.shape == (5, 5) and grid.to_numpy().sum() == len(summary)
    assert grid.index.tolist() == [5, 4, 3, 2, 1]
    result = segment_by_rfm(summary, scores, build_features(summary, ["recency_days", "orders", "total_spend"]), "fi")
    assert result.segmentation.method == "rfm" and result.segmentation.k == 11
    assert result.profile.names[0] == "1: Mestarit" and result.profile.names[-1] == "11: Menetetyt"
    assert result.segmentation.sizes.sum() == len(summary)
    labels = (summary["orders"] > summary["orders"].median()).astype(int).to_numpy()
    table = rfm_crosstab(scores, labels, ["low", "high"])
    assert table.to_numpy().sum() == len(summary) and table.columns.tolist() == ["low", "high"]
    assert table.loc["champions", "low"] == 0  # champions buy often


def test_order_summary_joins_onto_the_customer_table() -> None:
    customers = pd.DataFrame({"customer_id": ["c", "x", "a"], "age": [30, 40, 50]}, index=[10, 11, 12])
    joined = join_order_summary(customers, summarize_orders(_orders()))
    assert joined.index.tolist() == [10, 12] and joined["orders"].tolist() == [1, 2]
    assert joined["age"].tolist() == [30, 50]


def test_rfm_on_the_uci_online_retail_order_lines() -> None:
    path = Path(__file__).resolve().parents[4] / "shared" / "realdata" / "online_retail.csv.gz"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    lines = pd.read_csv(path, encoding="latin-1")
    lines = lines.assign(amount=lines["Quantity"] * lines["UnitPrice"])
    summary = summarize_orders(lines, "CustomerID", "InvoiceDate", "amount", "InvoiceNo")
    assert len(summary) == 4338  # customers with at least one purchase (cancellations are returns)
    assert summary["orders"].max() == 209 and summary["recency_days"].min() == 1
    scores = score_rfm(summary)
    assert set(scores.table["segment"]) == set(SEGMENTS)  # every named segment occurs
    assert scores.edges["frequency"] == (1.0, 2.0, 3.0, 6.0)
