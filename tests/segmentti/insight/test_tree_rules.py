"""Rules from a shallow tree: at most three conditions per segment that rebuild planted segments faithfully."""

from __future__ import annotations

import numpy as np
import pandas as pd

from segmentti.engine.rules import rules_from_json, rules_to_json
from segmentti.insight.tree_rules import MAX_CONDITIONS, explain_segments


def _planted(rows: int = 900, seed: int = 1) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, rows)
    frame = pd.DataFrame(
        {
            "age": np.where(labels == 0, rng.integers(18, 30, rows), rng.integers(40, 80, rows)),
            "spend": np.where(labels == 2, rng.uniform(2000, 5000, rows), rng.uniform(10, 500, rows)),
            "region": np.where(labels == 1, "Lappi", rng.choice(["Uusimaa", "Pirkanmaa"], rows)),
        }
    )
    frame.loc[labels == 2, "region"] = "Uusimaa"
    return frame, labels


def test_planted_segments_get_short_faithful_rules() -> None:
    frame, labels = _planted()
    explained = explain_segments(frame, labels, ["young", "north", "big"], ["age", "spend"], ["region"])
    assert [item.number for item in explained.rules] == [1, 2, 3]
    for item in explained.rules:
        assert 1 <= len(item.rule.conditions) <= MAX_CONDITIONS
        assert item.fidelity > 0.97 and item.precision > 0.95 and item.recall > 0.95
    young = explained.rules[0].rule.conditions
    assert young[0].column == "age" and young[0].operator == "<=" and 29 <= young[0].values[0] < 40
    assert explained.fidelity > 0.95


def test_rules_survive_the_rules_json() -> None:
    frame, labels = _planted()
    explained = explain_segments(frame, labels, ["young", "north", "big"], ["age", "spend"], ["region"])
    assert rules_from_json(rules_to_json(explained.as_rules)) == explained.as_rules


def test_noise_segment_is_skipped() -> None:
    frame, labels = _planted()
    explained = explain_segments(frame, labels, ["young", "north", "noise"], ["age", "spend"], ["region"], skip=2)
    assert [item.number for item in explained.rules] == [1, 2]
