"""The criteria page through app.py: the suggestion on a campaign export, presets, and the user's column kinds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from segmentti.data.loading import Table
from ui import state
from ui.state import Dataset

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _campaign(rows: int = 400, seed: int = 1) -> pd.DataFrame:
    """A small table shaped like a campaign export: background, buying, coded channel, responses and a rare flag."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "ID": np.arange(1000, 1000 + rows),
            "Year_Birth": rng.integers(1945, 1998, rows),
            "Education": rng.choice(["Graduation", "PhD", "Master"], rows),
            "Income": np.round(rng.normal(50_000, 15_000, rows)),
            "Kidhome": rng.choice([0, 1, 2], rows),
            "Channel": rng.choice([1, 2], rows),
            "Recency": rng.integers(0, 100, rows),
            "MntWines": np.round(np.exp(rng.normal(5, 1, rows))),
            "NumStorePurchases": rng.poisson(5.8, rows),
            "interest_wine": rng.integers(1, 6, rows),
            "AcceptedCmp1": (rng.random(rows) < 0.07).astype(int),
            "Complain": (rng.random(rows) < 0.05).astype(int),
            "gold_member": (np.arange(rows) < 4).astype(int),
            "Response": (rng.random(rows) < 0.15).astype(int),
        }
    )


def _at(lang: str = "en", overrides: dict | None = None) -> AppTest:
    frame = _campaign()
    dataset = Dataset(Table(frame, "campaign.csv", "csv"), digest="campaign-400")
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.session_state[state.DATASET] = dataset
    at.session_state[state.SOURCE] = dataset
    if overrides:
        at.session_state[state.OVERRIDES] = overrides
    at.run()
    return at.switch_page("pages/criteria.py").run()


def test_the_suggestion_leaves_out_outcomes_and_says_why() -> None:
    at = _at()
    assert not at.exception
    chosen = at.multiselect(key=state.CRITERIA_CHOICE).value
    assert len(chosen) == 8
    assert not {"Response", "AcceptedCmp1", "Complain", "ID"} & set(chosen)
    assert {"Year_Birth", "Income", "Recency", "MntWines", "Channel"} <= set(chosen)
    why = " ".join(markdown.value for markdown in at.markdown)
    assert "Outcomes (AcceptedCmp1, Complain, Response)" in why and "Nearly constant (gold_member)" in why


def test_a_preset_fills_the_selection_and_an_empty_one_says_so() -> None:
    at = _at()
    at.radio(key=state.CRITERIA_PRESET).set_value("who").run()
    assert at.multiselect(key=state.CRITERIA_CHOICE).value == ["Year_Birth", "Education", "Income", "Kidhome"]
    assert state.CRITERIA in at.session_state and at.session_state[state.CRITERIA][0] == "Year_Birth"
    at.radio(key=state.CRITERIA_PRESET).set_value("how").run()
    assert at.multiselect(key=state.CRITERIA_CHOICE).value == ["Channel", "Recency", "MntWines", "NumStorePurchases"]
    at.radio(key=state.CRITERIA_PRESET).set_value("think").run()
    assert at.multiselect(key=state.CRITERIA_CHOICE).value == ["interest_wine"]
    assert not at.exception
    at = _at(overrides={"interest_wine": {"family": "behavioural"}})
    before = at.multiselect(key=state.CRITERIA_CHOICE).value
    at.radio(key=state.CRITERIA_PRESET).set_value("think").run()
    assert "no usable column for the preset think" in at.warning[0].value
    assert at.multiselect(key=state.CRITERIA_CHOICE).value == before  # the selection is kept


def test_the_users_kind_decides_how_a_coded_column_enters_the_clustering() -> None:
    at = _at()
    at.multiselect(key=state.CRITERIA_CHOICE).set_value(["Channel", "Income"]).run()
    at.switch_page("pages/segments.py").run()
    assert not at.exception
    detected = list(state.results("features", at.session_state).values())
    assert detected and detected[-1].categorical == ("Channel",)
    assert {"Channel_1", "Channel_2"} <= set(detected[-1].feature_names)
    at.session_state[state.OVERRIDES] = {"Channel": {"role": "numeric"}}
    at.run()
    assert not at.exception
    latest = list(state.results("features", at.session_state).values())[-1]
    assert latest.numeric == ("Channel", "Income") and latest.categorical == ()
