"""RFM from order lines: recency, frequency and net spend per customer, quintile and custom scores, named segments."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from segmentti.engine.features import build_features
from segmentti.engine.rfm import (
    SEGMENT_RULES,
    SEGMENTS,
    edges_text,
    join_order_summary,
    load_order_sample,
    name_segments,
    parse_edges,
    quintile_edges,
    rf_grid,
    rf_grid_segments,
    rfm_crosstab,
    score_rfm,
    segment_of_scores,
    summarize_orders,
)
from segmentti.engine.workflow import segment_by_rfm
from segmentti.errors import SegmenttiError

REALDATA = Path(__file__).resolve().parents[4] / "shared" / "realdata"


def _orders() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "order_id": ["o1", "o1", "o2", "o3", "o4", "o5", "o6", "o7"],
            "customer_id": ["a", "a", "a", "b", "b", "c", "d", "c"],
            "order_date": [
                "2025-01-01",
                "2025-01-01",
                "2025-03-01",
                "31.01.2025",
                "10.02.2025",
                "2025-03-10",
                "2025-02-01",
                "2025-03-10",
            ],
            "amount_eur": [10.0, 5.0, 20.0, 100.0, -30.0, 7.0, -5.0, 0.0],
        }
    )


def _cdnow() -> pd.DataFrame:
    path = REALDATA / "cdnow" / "CDNOW_sample.txt"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    names = ["master_id", "customer_id", "order_date", "cds", "dollars"]
    lines = pd.read_csv(path, sep=r"\s+", header=None, names=names, dtype={"order_date": str})
    return lines.assign(order_date=pd.to_datetime(lines["order_date"], format="%Y%m%d"))


def _cdnow_summary(lines: pd.DataFrame) -> pd.DataFrame:
    return summarize_orders(lines, amount_column="dollars", order_column=None)


def test_order_lines_become_recency_frequency_and_net_spend() -> None:
    summary = summarize_orders(_orders(), as_of=pd.Timestamp("2025-03-11"))
    assert summary.index.tolist() == ["a", "b", "c"]  # d only returned: no purchase
    assert summary.loc["a", "orders"] == 2  # two lines of o1 count once
    assert summary.loc["a", "total_spend"] == pytest.approx(35.0)
    assert summary.loc["b", "orders"] == 1  # the return is not a purchase ...
    assert summary.loc["b", "total_spend"] == pytest.approx(70.0)  # ... but reduces the spend
    assert summary.loc["b", ["gross_spend", "returns_value"]].tolist() == [100.0, 30.0]
    assert summary.loc["b", "recency_days"] == (pd.Timestamp("2025-03-11") - pd.Timestamp("2025-01-31")).days
    assert summary.loc["c", "recency_days"] == 1
    assert summary.loc["c", "orders"] == 1  # the zero-amount line o7 is neither a purchase ...
    assert summary.loc["c", ["gross_spend", "returns_value"]].tolist() == [7.0, 0.0]  # ... nor a return


def test_as_of_keeps_that_days_lines_and_drops_later_ones() -> None:
    lines = pd.DataFrame(
        {
            "order_id": ["o1", "o2", "o3", "o4", "o5"],
            "customer_id": ["a", "a", "b", "b", "c"],
            "order_date": [
                "2025-03-01 09:00",
                "2025-03-10 18:30",
                "2025-03-02 10:00",
                "2025-03-11 08:00",
                "2025-03-12",
            ],
            "amount_eur": [10.0, 20.0, 40.0, -15.0, 50.0],
        }
    )
    summary = summarize_orders(lines, as_of="2025-03-10 12:00")
    assert summary.index.tolist() == ["a", "b"]  # c bought only after the as-of day
    assert summary.loc["a", "recency_days"] == 0  # a bought on the as-of day itself, late in the day
    assert summary.loc["a", ["orders", "total_spend"]].tolist() == [2, 30.0]
    assert summary.loc["b", "total_spend"] == 40.0  # the return of the next day does not count yet
    assert (summary["recency_days"] >= 0).all()
    with pytest.raises(SegmenttiError) as caught:
        summarize_orders(lines, as_of="31.31.2025")
    assert caught.value.key == "error.bad_as_of"


def test_dates_with_mixed_utc_offsets_keep_their_calendar_day() -> None:
    lines = pd.DataFrame(
        {
            "order_id": ["o1", "o2", "o3"],
            "customer_id": ["a", "a", "b"],
            "order_date": ["2025-03-29T23:30:00+02:00", "2025-03-31T00:15:00+03:00", "2025-03-30T12:00:00Z"],
            "amount_eur": [10.0, 20.0, 5.0],
        }
    )
    summary = summarize_orders(lines, as_of="2025-03-31")
    assert summary.loc["a", "first_purchase"] == pd.Timestamp("2025-03-29 23:30")
    assert summary["recency_days"].tolist() == [0, 1]


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
    assert scores["m"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_equal_values_get_equal_scores_and_one_order_customers_all_get_f_1() -> None:
    # six one-order customers hold more than two fifths: they all score 1, the 2-order
    # customers reach the fourth fifth and the top fifth scores 5
    customers = pd.DataFrame(
        {
            "recency_days": [10, 10, 10, 10, 20, 20, 30, 40, 50, 60],
            "orders": [1, 1, 1, 1, 1, 1, 2, 2, 3, 5],
            "total_spend": [50.0] * 5 + [80.0, 90.0, 90.0, 200.0, 200.0],
        }
    )
    scores = score_rfm(customers)
    assert scores.edges["frequency"] == (1.0, 1.0, 1.0, 2.0)
    assert scores.table["f"].tolist() == [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]
    assert scores.table["r"].tolist() == [5, 5, 5, 5, 3, 3, 2, 2, 1, 1]
    assert scores.table["m"].tolist() == [1, 1, 1, 1, 1, 3, 4, 4, 5, 5]
    assert scores.table["segment"].iloc[:4].nunique() == 1  # identical customers, one segment


def test_quintile_edges_are_short_numbers_that_bin_like_the_exact_values() -> None:
    values = np.array([0.1, 0.1 + 0.2, 0.9, 1.7, 2.35, 3.0, 4.2, 5.0, 6.0, 7.0])
    # edges fall on 0.30000000000000004, 1.7, 3 and 5: any number below the next value bins alike
    assert quintile_edges(values) == (0.4, 2.0, 3.0, 5.0)
    assert quintile_edges(values[::-1]) == (0.4, 2.0, 3.0, 5.0)
    assert quintile_edges(np.array([3.0] * 7)) == (3.0, 3.0, 3.0, 3.0)


def _shuffled_and_renumbered(lines: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, dict]:
    rng = np.random.default_rng(seed)
    ids = lines["customer_id"].unique()
    new_ids = dict(zip(ids, rng.permutation(len(ids)) + 10_000, strict=True))
    moved = lines.sample(frac=1.0, random_state=seed).assign(
        customer_id=lambda frame: frame["customer_id"].map(new_ids)
    )
    return moved, {new: old for old, new in new_ids.items()}


def test_scores_do_not_depend_on_row_order_or_customer_numbers() -> None:
    rng = np.random.default_rng(3)
    n = 400
    lines = pd.DataFrame(
        {
            "customer_id": rng.integers(0, 150, n),
            "order_date": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 12, n) * 30, unit="D"),
            "amount_eur": rng.choice([10.0, 20.0, 30.0], n),
        }
    ).assign(order_id=lambda frame: np.arange(len(frame)))
    first = score_rfm(summarize_orders(lines)).table
    moved, old_ids = _shuffled_and_renumbered(lines, 5)
    second = score_rfm(summarize_orders(moved)).table.rename(index=old_ids).reindex(first.index)
    assert (first[["r", "f", "m", "segment"]] == second[["r", "f", "m", "segment"]]).all().all()


def test_cdnow_segments_do_not_depend_on_row_order_or_customer_numbers() -> None:
    lines = _cdnow()
    first = score_rfm(_cdnow_summary(lines))
    moved, old_ids = _shuffled_and_renumbered(lines, 11)
    second = score_rfm(_cdnow_summary(moved)).table.rename(index=old_ids).reindex(first.table.index)
    assert len(first.table) == 2349  # 8 of the 2,357 customers only have lines of zero dollars
    assert (first.table["segment"] == second["segment"]).all()
    table = first.table
    assert set(table.loc[table["frequency"] == 1, "f"]) == {1}  # every one-time buyer
    # customers with the same recency, orders and spend share one segment
    assert table.groupby(["recency", "frequency", "monetary"])["segment"].nunique().max() == 1


def test_default_edges_round_trip_through_the_page_text() -> None:
    rng = np.random.default_rng(7)
    customers = pd.DataFrame(
        {
            "recency_days": rng.integers(1, 400, 300),
            "orders": rng.geometric(0.45, 300),
            "total_spend": np.round(rng.lognormal(4, 1.2, 300), 2) + 0.1 + 0.2,
        }
    )
    scores = score_rfm(customers)
    for lang in ("fi", "en"):
        texts = {key: edges_text(edges, lang) for key, edges in scores.edges.items()}
        again = score_rfm(customers, edges={key: parse_edges(text) for key, text in texts.items()})
        assert (again.table[["r", "f", "m", "segment"]] == scores.table[["r", "f", "m", "segment"]]).all().all()
        assert again.edges == scores.edges


def test_edge_text_in_both_languages() -> None:
    assert edges_text((1.0, 2.5, 40.0, 1234.5), "en") == "1, 2.5, 40, 1234.5"
    assert edges_text((1.0, 2.5, 40.0, 1234.5), "fi") == "1; 2,5; 40; 1234,5"
    assert parse_edges("1; 2,5; 40; 1 234,5") == ["1", "2.5", "40", "1234.5"]
    assert parse_edges("30, 60, 90, 180,") == ["30", "60", "90", "180"]


def test_custom_edges_are_used_and_checked() -> None:
    customers = pd.DataFrame({"recency_days": [5, 40, 400], "orders": [1, 3, 30], "total_spend": [10.0, 50, 900]})
    customers = pd.concat([customers] * 2, ignore_index=True)
    edges = {"recency": [30, 60, 90, 180], "frequency": [2, 4, 8, 16], "monetary": [20, 100, 200, 500]}
    table = score_rfm(customers, edges=edges).table
    assert table["r"].tolist()[:3] == [5, 4, 1]
    assert table["f"].tolist()[:3] == [1, 2, 5]
    assert table["m"].tolist()[:3] == [1, 2, 5]
    # a value on an edge stays in the lower bin; equal edges leave a score empty
    table = score_rfm(customers, edges={"frequency": ["1", "1", "3", "16"]}).table
    assert table["f"].tolist()[:3] == [1, 3, 5]
    for bad in ([30, 20, 90, 180], [30, 60, 90], ["30", "x", "90", "180"]):
        with pytest.raises(SegmenttiError) as caught:
            score_rfm(customers, edges={"recency": bad})
        assert caught.value.key == "error.rfm_bad_edges"


@pytest.mark.parametrize(
    ("triple", "segment"),
    [
        ((5, 5, 5), "champions"),  # inside Loyal Customers' ranges too: Champions is applied last
        ((4, 4, 4), "champions"),
        ((3, 4, 4), "loyal_customers"),
        ((2, 4, 5), "at_risk"),  # Loyal Customers, then At Risk
        ((2, 3, 3), "at_risk"),  # Loyal Customers, Need Attention, then At Risk
        ((5, 2, 3), "potential_loyalist"),
        ((5, 1, 1), "new_customers"),  # Potential Loyalist, then New Customers
        ((4, 1, 1), "promising"),  # Potential Loyalist, New Customers, then Promising
        ((3, 1, 1), "about_to_sleep"),  # Potential Loyalist, Promising, then About To Sleep
        ((3, 3, 3), "need_attention"),
        ((3, 2, 1), "about_to_sleep"),
        ((1, 3, 2), "at_risk"),
        ((1, 4, 5), "cant_lose"),  # At Risk, then Can't Lose Them
        ((2, 2, 2), "lost"),  # At Risk, About To Sleep, then Lost
        ((1, 1, 1), "lost"),
        ((5, 4, 2), "others"),  # M too low for loyal, F too high for potential: M decides
        ((5, 1, 5), "others"),
        ((1, 1, 5), "others"),
    ],
)
def test_named_segments_use_r_f_and_m_and_the_later_rule_wins(triple: tuple[int, int, int], segment: str) -> None:
    assert segment_of_scores(*triple) == segment


def test_every_named_segment_is_reachable() -> None:
    triples = np.array([(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)])
    reached = set(name_segments(triples[:, 0], triples[:, 1], triples[:, 2]))
    # the R package's table puts every Champions triple inside Loyal Customers: Champions is applied last
    assert reached == set(SEGMENTS)
    assert [rule.key for rule in SEGMENT_RULES] == list(SEGMENTS[:-1]) and SEGMENTS[-1] == "others"
    with pytest.raises(ValueError):
        segment_of_scores(0, 1, 1)


def test_rf_grid_names_each_cell_by_its_most_common_segment() -> None:
    customers = pd.DataFrame(
        {"recency_days": np.arange(1, 11), "orders": np.arange(10, 0, -1), "total_spend": np.arange(10) * 100.0}
    )
    scores = score_rfm(customers)
    cells = rf_grid_segments(scores)
    assert cells.shape == (5, 5) and cells.index.tolist() == [5, 4, 3, 2, 1]
    assert cells.loc[5, 5] == "others"  # R5 F5 but M1
    assert cells.loc[3, 3] == "need_attention" and cells.loc[1, 1] == "others" and cells.loc[1, 5] == ""
    assert rf_grid(scores).loc[3, 3] == 2


def test_grid_crosstab_and_segmentation_on_the_order_sample() -> None:
    summary = summarize_orders(load_order_sample()).reset_index()
    scores = score_rfm(summary)
    grid = rf_grid(scores)
    assert grid.shape == (5, 5) and grid.to_numpy().sum() == len(summary)
    assert grid.index.tolist() == [5, 4, 3, 2, 1]
    result = segment_by_rfm(summary, scores, build_features(summary, ["recency_days", "orders", "total_spend"]), "fi")
    present = [key for key in SEGMENTS if (scores.table["segment"] == key).any()]
    assert result.segmentation.method == "rfm" and result.segmentation.k == len(present)
    assert result.profile.names[0] == "1: Mestarit"
    assert result.segmentation.sizes.sum() == len(summary)
    labels = (summary["orders"] > summary["orders"].median()).astype(int).to_numpy()
    table = rfm_crosstab(scores, labels, ["low", "high"])
    assert table.to_numpy().sum() == len(summary) and table.columns.tolist() == ["low", "high"]
    assert table.loc["lost", "high"] == 0  # lost customers (F 1–2) never buy more often than the median


def test_order_summary_joins_onto_the_customer_table() -> None:
    customers = pd.DataFrame({"customer_id": ["c", "x", "a"], "age": [30, 40, 50]}, index=[10, 11, 12])
    joined = join_order_summary(customers, summarize_orders(_orders()))
    assert joined.index.tolist() == [10, 12] and joined["orders"].tolist() == [1, 2]
    assert joined["age"].tolist() == [30, 50]


def test_rfm_on_the_uci_online_retail_order_lines() -> None:
    path = REALDATA / "online_retail.csv.gz"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    lines = pd.read_csv(path, encoding="latin-1")
    lines = lines.assign(amount=lines["Quantity"] * lines["UnitPrice"])
    summary = summarize_orders(lines, "CustomerID", "InvoiceDate", "amount", "InvoiceNo")
    assert len(summary) == 4338  # customers with at least one purchase (cancellations are returns)
    assert summary["gross_spend"].sum() == pytest.approx(8_911_407.90)
    assert summary["orders"].max() == 209 and summary["recency_days"].min() == 1
    # the customer who bought 168,472 and returned 168,470 nets about 2: far from the top spender
    assert summary["total_spend"].idxmax() == 14646
    assert summary.loc[summary["gross_spend"].idxmax(), "total_spend"] > 200_000
    scores = score_rfm(summary)
    table = scores.table
    assert set(table.loc[table["frequency"] == 1, "f"]) == {1}
    assert table.groupby(["recency", "frequency", "monetary"])["segment"].nunique().max() == 1
    assert set(table["segment"]) == set(SEGMENTS)
