"""Naming segments in another language reuses the measured profile and gives what describing afresh gives."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from segmentti.engine.clustering import segment_customers
from segmentti.engine.features import build_features
from segmentti.engine.workflow import describe, describe_in


def _three_groups() -> pd.DataFrame:
    # low, middle and high spenders: the middle group sits on the overall mean
    spend = np.repeat([10.0, 50.0, 90.0], 20) + np.tile(np.linspace(-1, 1, 20), 3)
    return pd.DataFrame({"spend": spend})


def test_names_in_another_language_match_describing_in_it_and_reuse_the_figures() -> None:
    frame = _three_groups()
    segmentation = segment_customers(build_features(frame, ["spend"]), 3, seed=0)
    english = describe(frame, segmentation, "en")
    finnish = describe_in(english, "fi")
    assert finnish.profile.names == describe(frame, segmentation, "fi").profile.names
    assert sorted(name.split(": ", 1)[1] for name in finnish.profile.names) == [
        "lähellä keskiarvoa",
        "paljon ostavat",
        "vähän ostavat",
    ]
    assert finnish.segmentation is english.segmentation  # the same segments, not segmented again
    assert finnish.profile.differences is english.profile.differences  # the same figures, not measured again
    assert describe_in(finnish, "en").profile.names == english.profile.names


def test_own_names_of_a_segmentation_follow_the_language_too() -> None:
    frame = _three_groups()
    segmentation = segment_customers(build_features(frame, ["spend"]), 3, seed=0)
    unassigned = dataclasses.replace(segmentation, unassigned=2)
    english = describe(frame, unassigned, "en")
    assert english.profile.names[2] == "3: Unassigned"
    assert describe_in(english, "fi").profile.names[2] == describe(frame, unassigned, "fi").profile.names[2]
    assert describe_in(english, "fi").profile.names[2] != "3: Unassigned"
