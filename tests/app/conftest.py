"""Shared fixtures of the app tests: a small prepared data set to inject into a session's state."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentti.data.loading import Table
from ui.shared import shared_results
from ui.state import Dataset


@pytest.fixture(autouse=True)
def _no_shared_results() -> None:
    """Every test starts without the sample results earlier tests shared (AppTests share the process's store)."""
    shared_results().clear()


def build_small_customers(rows: int = 240, seed: int = 7) -> pd.DataFrame:
    """A customer table with three planted groups and every kind of column the pages use.

    Columns: an id, a name, an email and a consent flag (contact lists), age, gender and a
    municipality (demographic and geographic criteria; the rules page's example rules), free-text
    interests, a preferred channel, and ``recency_days``, ``orders``, ``total_spend`` (RFM).
    """
    rng = np.random.default_rng(seed)
    group = np.arange(rows) % 3  # young frequent web buyers, middle-aged store buyers, lapsed seniors
    age = np.array([27, 42, 68])[group] + rng.integers(-4, 5, rows)
    recency = np.array([12, 60, 300])[group] + rng.integers(0, 20, rows)
    orders = np.array([9, 4, 1])[group] + rng.integers(0, 3, rows)
    spend = np.round(np.array([900.0, 400.0, 120.0])[group] * rng.lognormal(0, 0.2, rows), 2)
    return pd.DataFrame(
        {
            "customer_id": [f"S{number:04d}" for number in range(rows)],
            "first_name": rng.choice(["Aino", "Eero", "Helmi", "Juho", "Sofia", "Ville"], rows),
            "email": [f"customer{number}@example.fi" for number in range(rows)],
            "age": age,
            "gender": np.where(rng.random(rows) < 0.5, "female", "male"),
            "municipality": np.array(["Helsinki", "Tampere", "Oulu"])[group],
            "interests": np.array(["sport; gym", "home; garden", "culture; books"])[group],
            "preferred_channel": np.array(["webshop", "store", "catalogue"])[group],
            "newsletter_consent": np.where(rng.random(rows) < 0.7, "yes", "no"),
            "recency_days": recency,
            "orders": orders,
            "total_spend": spend,
        }
    ).astype({"customer_id": "str", "first_name": "str", "email": "str", "gender": "str", "municipality": "str"})


@pytest.fixture(scope="module")
def small_dataset() -> Dataset:
    """The small customer table as the app's working data, built once per test module."""
    frame = build_small_customers()
    return Dataset(Table(frame, "small_customers.csv", "csv"), digest=f"small-customers-{len(frame)}")


def open_segments_view(at, view: str, lang: str = "en"):
    """Open the Segments page's tab of ``view`` ("map", "sizes", "profiles", "criterion") as a click does, and run."""
    from segmentti.texts import translate
    from ui import state

    at.session_state[state.SEGMENTS_VIEW] = translate(f"segments.view_{view}", lang)
    return at.run()
