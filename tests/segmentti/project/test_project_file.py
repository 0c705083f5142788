"""The project file: readable versioned JSON that reproduces the segments and names, and says what does not fit."""

from __future__ import annotations

import json

import numpy as np
import pytest
from customers import mixed_customers

from segmentti.data.quality import Fix
from segmentti.engine.rules import Condition, Rule
from segmentti.errors import SegmenttiError
from segmentti.project.project_file import Project, SourceFile, project_from_bytes, project_to_bytes
from segmentti.project.replay import run_project

FRAME = mixed_customers()
PROJECT = Project(
    files=(SourceFile("tammikuu.csv", separator=";", encoding="utf-8", decimal=",", header_row=1),),
    columns=tuple(FRAME.columns),
    overrides={"orders": {"role": "numeric"}},
    column_labels={"total_spend": "Ostot yhteensä"},
    currency="€",
    fixes=(Fix("fill_missing", "age"),),
    criteria=("age", "total_spend", "orders", "region"),
    family_weights={"behavioural": 2.0},
    column_weights={"region": 0.5},
    method="kmeans",
    k=3,
    k_range=(2, 8),
    seed=0,
    personas=({"number": 2, "name": "Kanta-asiakkaat", "notes": "soita ensin"},),
    rules=(Rule("Lappi", (Condition("region", "in", ("Lappi",)),)),),
    pilot_percent=10.0,
    pilot_seed=7,
)


def test_the_file_round_trips_every_decision() -> None:
    text = project_to_bytes(PROJECT)
    document = json.loads(text)
    assert document["format"] == "segmentti-project" and document["version"] == 2
    assert document["data"]["files"][0]["separator"] == ";" and document["pilot"] == {"percent": 10.0, "seed": 7}
    assert project_from_bytes(text) == PROJECT
    del document["k_range"]  # a file saved before the range was recorded: the default range
    assert project_from_bytes(json.dumps(document).encode()).k_range == (2, 10)


def test_opening_the_project_on_the_same_data_reproduces_segments_and_names() -> None:
    first = run_project(FRAME, PROJECT, "fi")
    again = run_project(FRAME, project_from_bytes(project_to_bytes(PROJECT)), "fi")
    np.testing.assert_array_equal(first.result.segmentation.labels, again.result.segmentation.labels)
    assert [p.name for p in first.personas] == [p.name for p in again.personas]
    assert first.personas[1].name == "Kanta-asiakkaat" and first.personas[1].notes == "soita ensin"
    assert first.result.features.weights["total_spend"] == 2.0 and first.result.features.weights["region"] == 0.5


def test_missing_columns_are_named() -> None:
    with pytest.raises(SegmenttiError) as raised:
        run_project(FRAME.drop(columns=["region"]), PROJECT)
    assert raised.value.key == "error.project_columns_missing" and "region" in raised.value.message("fi")


@pytest.mark.parametrize(
    ("change", "key", "named"),
    [
        (lambda d: d.update(version=99), "error.project_version", None),
        (lambda d: d.update(format="other"), "error.project_not_a_project", None),
        (lambda d: d.update(k="four"), "error.project_field", "k"),
        (lambda d: d.update(method="magic"), "error.project_field", "method"),
        (lambda d: d.update(k_range=[9, 3]), "error.project_field", "k_range"),
        (lambda d: d.update(k_range="2-10"), "error.project_field", "k_range"),
        (lambda d: d["quality_fixes"].append({"action": "rm -rf"}), "error.project_field", "quality_fixes[2].action"),
        (lambda d: d["family_weights"].update(behavioural=-1), "error.project_field", "family_weights.behavioural"),
        (lambda d: d["rules"][0].update(conditions=[]), "error.project_field", "rules"),
        (lambda d: d["personas"][0].update(number=None), "error.project_field", "personas[1].number"),
    ],
)
def test_a_hand_edited_mistake_is_named(change, key, named) -> None:
    document = json.loads(project_to_bytes(PROJECT))
    change(document)
    with pytest.raises(SegmenttiError) as raised:
        project_from_bytes(json.dumps(document).encode())
    assert raised.value.key == key
    if named:
        assert named in raised.value.message("en") and named in raised.value.message("fi")


def test_not_json_is_not_a_project() -> None:
    with pytest.raises(SegmenttiError) as raised:
        project_from_bytes(b"\x80\x04K\x01.")
    assert raised.value.key == "error.project_not_a_project"
