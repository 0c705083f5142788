"""Exports: segment columns, CSV bytes that read back the same, inert formulas and the summary."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from segmentti.exporting import build_summary, label_customers, neutralize_formulas, to_csv_bytes
from segmentti.workflow import segment_table


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d", "e", "f"],
            "spend": [10.5, 11.0, 9.5, 100.0, 101.5, 99.0],
            "note": ['=HYPERLINK("x")', "-3", "@SUM(A1)", "+1+1", "plain", "-dash"],
        }
    )


def test_labelled_csv_reads_back_with_the_same_rows_and_numbers() -> None:
    frame = _frame()
    result = segment_table(frame, ["spend"], 2)
    labelled = label_customers(frame, result.segmentation, result.profile)
    back = pd.read_csv(io.BytesIO(to_csv_bytes(labelled)), dtype={"note": str})
    assert list(back.columns) == ["customer_id", "spend", "note", "segment", "segment_name"]
    assert back["customer_id"].tolist() == frame["customer_id"].tolist()
    np.testing.assert_allclose(back["spend"], frame["spend"])
    assert sorted(back["segment"].unique()) == [1, 2]
    assert back.groupby("segment")["spend"].mean().round(1).tolist() == [10.3, 100.2]


def test_formulas_are_made_inert_but_numbers_stay() -> None:
    safe = neutralize_formulas(_frame())
    assert safe["note"].tolist() == ['\'=HYPERLINK("x")', "-3", "'@SUM(A1)", "'+1+1", "plain", "'-dash"]
    assert safe["spend"].tolist() == _frame()["spend"].tolist()


def test_summary_has_the_documented_fields() -> None:
    result = segment_table(_frame(), ["spend"], 2)
    summary = build_summary(result.segmentation, result.profile, ["spend"])
    assert summary["k"] == 2 and summary["method"] == "kmeans" and summary["n_customers"] == 6
    assert [(s["id"], s["size"], s["share"]) for s in summary["segments"]] == [(1, 3, 0.5), (2, 3, 0.5)]
    assert 0.9 < summary["metrics"]["silhouette"] <= 1.0
