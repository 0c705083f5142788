"""Scoring new customers: the same files as a segmentation run, named as saved, order lines built the same way."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest
from customers import CRITERIA, mixed_customers

from segmentti.data.orders import OrderMapping, build_customers
from segmentti.engine.model import SegmentModel
from segmentti.errors import SegmenttiError
from segmentti.project.saved_model import model_from_bytes, model_to_bytes, save_model
from segmentti.project.scoring import customers_to_score, predict_segments, score_outputs, transform_customers

FRAME = mixed_customers()
NAMES = ["Nuoret", "Keski-ikäiset", "Seniorit"]


@pytest.fixture(scope="module")
def saved():
    model = SegmentModel(criteria=CRITERIA, k=3, seed=0).fit(FRAME)
    return model, model_from_bytes(model_to_bytes(save_model(model, NAMES, notes=["soita", "", ""])))


def test_scoring_writes_the_run_files_with_the_saved_names(saved) -> None:
    model, loaded = saved
    new = mixed_customers(rows=200, seed=11)
    run = score_outputs(new, loaded, "fi", source="helmikuu.csv")
    labelled = pd.read_csv(io.BytesIO(run["segments.csv"]))
    assert len(labelled) == 200 and set(labelled["segment_name"]) <= set(NAMES)
    np.testing.assert_array_equal(labelled["segment"].to_numpy() - 1, model.predict(new))
    summary = json.loads(run["summary.json"])
    assert summary["k_selection"] == "model" and [s["name"] for s in summary["segments"]] == NAMES
    assert {"personas.md", "report.html", "segments.xlsx", "lists/01_Nuoret.csv"} <= set(run)
    assert "soita" in run["personas.md"].decode()


def test_a_segment_nobody_falls_into_is_kept_in_its_place(saved) -> None:
    model, loaded = saved
    only_last = FRAME[model.labels_ == 2]
    summary = json.loads(score_outputs(only_last, loaded, "en")["summary.json"])
    assert [segment["size"] for segment in summary["segments"]] == [0, 0, len(only_last)]


def test_chunks_give_the_same_segments(saved) -> None:
    model, loaded = saved
    values = transform_customers(FRAME, loaded, chunk=37)
    np.testing.assert_array_equal(predict_segments(loaded, values, chunk=50), model.labels_)


def test_missing_criteria_are_named(saved) -> None:
    _, loaded = saved
    with pytest.raises(SegmenttiError) as raised:
        score_outputs(FRAME.drop(columns=["age", "region"]), loaded)
    assert raised.value.key == "error.score_missing_columns"
    assert "age, region" in raised.value.message("fi")


def test_order_lines_are_turned_into_customers_as_at_fitting_time() -> None:
    rng = np.random.default_rng(2)
    lines = pd.DataFrame(
        {
            "asiakas": rng.choice([f"A{n}" for n in range(120)], 900),
            "pvm": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 300, 900), unit="D"),
            "summa": rng.lognormal(3, 1, 900).round(2),
        }
    )
    mapping = OrderMapping("asiakas", "pvm", amount="summa")
    customers = build_customers(lines, mapping).frame
    model = SegmentModel(criteria=["recency_days", "orders", "total_spend"], k=3).fit(customers)
    loaded = model_from_bytes(model_to_bytes(save_model(model, ["a", "b", "c"], orders=mapping)))
    rebuilt = customers_to_score(lines, loaded)
    pd.testing.assert_frame_equal(rebuilt, customers)
    with pytest.raises(SegmenttiError) as raised:
        customers_to_score(lines.drop(columns=["summa"]), loaded)
    assert "summa" in raised.value.message("en")
