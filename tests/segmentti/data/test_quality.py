"""The data-quality report and its fixes, on a small hand-checked table."""

from __future__ import annotations

import pandas as pd
import pytest

from segmentti.data.quality import Fix, apply_fixes, assess_quality
from segmentti.errors import SegmenttiError


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "b", "c", "d", "e", "f"],
            "email": ["a@x.fi", "bad", "bad", "c@x.fi", None, "e@y.com", "f@y.com"],
            "age": [30.0, 40.0, 40.0, 35.0, 1000.0, 33.0, None],
            "spend_eur": [1, -2, -2, 3, 4, 5, 6],
            "maa": ["FI"] * 7,
            "joined": pd.to_datetime(["2020-01-01"] * 6 + ["2099-01-01"]),
        }
    )


def test_report_finds_every_kind_of_problem() -> None:
    report = assess_quality(_frame(), as_of="2026-01-01")
    found = {(problem.kind, problem.column): problem.count for problem in report.problems}
    assert found == {
        ("duplicate_rows", None): 1,
        ("duplicate_ids", "customer_id"): 1,
        ("missing", "email"): 1,
        ("invalid_emails", "email"): 2,
        ("missing", "age"): 1,
        ("outliers_high", "age"): 1,
        ("negative_amounts", "spend_eur"): 2,
        ("constant_column", "maa"): 7,
        ("future_dates", "joined"): 1,
    }
    assert report.rows == 7 and report.id_column == "customer_id"
    shares = pd.DataFrame({"share": [0.0] * 20 + [1.0], "n": [1.0] * 10 + [2.0] * 10 + [-40.0]})
    kinds = {(problem.kind, problem.column) for problem in assess_quality(shares).problems}
    assert kinds == {("duplicate_rows", None), ("outliers_low", "n")}  # a share within 0–1 is never an outlier
    assert dict(report.missing)["email"] == 1


def test_fixes_work_on_a_copy_and_list_their_steps() -> None:
    original = _frame()
    kept = original.copy()
    result = apply_fixes(
        original,
        [
            Fix("drop_duplicate_rows"),
            Fix("cap_outliers", "age"),
            Fix("fill_missing", "age"),
            Fix("drop_invalid_emails", "email"),
            Fix("drop_column", "maa"),
            Fix("drop_future_dates", "joined"),
        ],
        as_of="2026-01-01",
    )
    pd.testing.assert_frame_equal(original, kept)  # never alters the original
    assert result.frame["customer_id"].tolist() == ["a", "c", "d", "e"]
    assert "maa" not in result.frame.columns
    assert result.frame["age"].max() < 1000
    texts = [step.text("en") for step in result.steps]
    assert texts[0] == "Dropped 1 duplicate rows."
    assert texts[3] == "Dropped 1 rows whose email is not a valid address."
    assert result.steps[2].text("fi").startswith("Sarakkeen age 1 puuttuvaa arvoa täytettiin")
    with pytest.raises(SegmenttiError):
        apply_fixes(original, [Fix("explode")])


def test_structurally_empty_cells_and_the_biggest_spenders_are_not_problems() -> None:
    frame = pd.DataFrame(
        {
            "customer_id": [f"c{i}" for i in range(12)],
            "orders": [1, 1, 1, 2, 3, 2, 4, 2, 5, 1, 2, 0],
            "mean_days_between_orders": [None, None, None, 10.0, 5.0, 20.0, 3.0, 8.0, 2.0, None, 15.0, None],
            "recency_days": [5, 40, 90, 3, 10, 30, 2, 60, 1, 100, 12, None],
            "total_spend": [20.0, 25.0, 30.0, 40.0, 35.0, 50.0, 45.0, 30.0, 60.0, 25.0, 40.0, 0.0],
            "visits": [1.0, 2.0, 1.0, 3.0, None, 2.0, 1.0, 2.0, 3.0, 1.0, 2.0, 1.0],
        }
    )
    frame.loc[8, "total_spend"] = 25_000.0  # the best customer, on a scale of its own
    report = assess_quality(frame)
    found = {(problem.kind, problem.column): problem.count for problem in report.problems}
    assert found == {("missing", "visits"): 1}  # a real gap; one-order and no-order customers are not gaps
    assert dict(report.structural) == {"mean_days_between_orders": 5, "recency_days": 1}
    assert dict(report.missing)["mean_days_between_orders"] == 5  # still counted, apart from problems


def test_skewed_counts_are_judged_on_a_log_scale() -> None:
    visits = [0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 14, 20, 30, 45]
    frame = pd.DataFrame({"id": [f"c{i}" for i in range(19)], "visits": [*visits, 60], "typo": [*visits, 60_000]})
    found = {(problem.kind, problem.column) for problem in assess_quality(frame).problems}
    assert found == {("outliers_high", "typo")}  # 60 belongs to the tail (its raw far fence is 53), 60,000 not
