"""What the value page and the personas show from a :class:`CustomerValue`: the P(alive) matrix, lists and per-segment figures."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from segmentti.engine.value.models import BgNbd
from segmentti.engine.value.prediction import AT_RISK, RISK_KEYS, VALUE_BANDS, VALUE_COLUMNS, CustomerValue

MATRIX_CELLS = 40
"""The P(alive) matrix has at most this many rows (repeat purchases) and columns (recency)."""


def alive_matrix(model: BgNbd, max_frequency: int, age: float, cells: int = MATRIX_CELLS) -> pd.DataFrame:
    """P(alive) of a customer of age ``age`` for each number of repeat purchases and each recency.

    Parameters
    ----------
    model : BgNbd
    max_frequency : int
        The largest number of repeat purchases shown (rows ``0 … max_frequency``, at most ``cells`` evenly spaced).
    age : float
        The customer's age ``T`` (time since the first purchase), in the model's unit.
    cells : int, default MATRIX_CELLS

    Returns
    -------
    pandas.DataFrame
        Index: repeat purchases (ascending); columns: recency from 0 to ``age`` (ascending); values 0–1.
        A customer without repeat purchases is alive with probability 1 by the model's construction.
    """
    frequencies = np.unique(
        np.round(np.linspace(0, max(int(max_frequency), 1), min(cells, max(int(max_frequency), 1) + 1)))
    )
    recencies = np.linspace(0.0, float(age), cells)
    x, t_x = np.meshgrid(frequencies, recencies, indexing="ij")
    alive = model.p_alive(x.ravel(), t_x.ravel(), np.full(x.size, float(age))).reshape(x.shape)
    return pd.DataFrame(alive, index=frequencies.astype(int), columns=np.round(recencies, 1))


def at_risk_customers(value: CustomerValue) -> pd.DataFrame:
    """The customers at risk (:data:`AT_RISK` bands), those who spent most first.

    Returns
    -------
    pandas.DataFrame
        The rows of ``value.table`` in the at-risk bands, sorted by past spend (descending), then id.
    """
    table = value.table
    risky = table[table["churn_risk"].isin(AT_RISK)]
    return risky.sort_values("spend", ascending=False, kind="stable")


def risk_counts(value: CustomerValue) -> pd.Series:
    """Customers per churn-risk band, in :data:`RISK_KEYS` order (bands without customers as 0)."""
    return value.table["churn_risk"].value_counts().reindex(list(RISK_KEYS), fill_value=0)


def value_columns(value: CustomerValue) -> pd.DataFrame:
    """The per-customer columns a customer table gets: expected purchases per horizon, then :data:`VALUE_COLUMNS`."""
    purchases = [name for name in value.table.columns if str(name).startswith("expected_purchases_")]
    return value.table[[*purchases, *VALUE_COLUMNS]]


def segment_value(frame: pd.DataFrame, labels: np.ndarray, k: int) -> pd.DataFrame | None:
    """Each segment's predicted value, share of the predicted future revenue and share of customers at risk.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer with ``predicted_value`` and ``churn_risk`` columns (as added from
        :func:`value_columns`); customers without a prediction (missing) count as 0 and not at risk.
    labels : numpy.ndarray
        Segment index 0…k-1 of each row.
    k : int

    Returns
    -------
    pandas.DataFrame or None
        Index 0…k-1 and a last row ``-1`` for all customers; columns ``predicted_value`` (mean per
        customer), ``future_revenue_share`` (0–1) and ``at_risk_share`` (0–1). ``None`` when
        ``frame`` has no such columns.
    """
    if "predicted_value" not in frame.columns or "churn_risk" not in frame.columns:
        return None
    predicted = pd.to_numeric(frame["predicted_value"], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    risky = frame["churn_risk"].isin(AT_RISK).to_numpy(dtype=float)
    parts = pd.DataFrame({"value": predicted, "risky": risky}).groupby(np.asarray(labels))
    total = predicted.sum()
    result = pd.DataFrame(
        {
            "predicted_value": parts["value"].mean(),
            "future_revenue_share": parts["value"].sum() / total if total > 0 else np.nan,
            "at_risk_share": parts["risky"].mean(),
        }
    ).reindex(range(k))
    overall = pd.DataFrame(
        {"predicted_value": [predicted.mean()], "future_revenue_share": [1.0], "at_risk_share": [risky.mean()]},
        index=[-1],
    )
    return pd.concat([result, overall])


def value_by_rfm(value_bands: pd.Series, rfm_segments: pd.Series, order: Sequence[str]) -> pd.DataFrame:
    """Customers per RFM segment (rows, in ``order``) × predicted-value band (columns, :data:`VALUE_BANDS` order).

    ``value_bands`` and ``rfm_segments`` share their index (the customer); customers in only one are left out.
    """
    joined = pd.concat([rfm_segments.rename("rfm"), value_bands.rename("band")], axis=1, join="inner")
    table = pd.crosstab(joined["rfm"], joined["band"])
    return table.reindex(index=list(order), columns=[key for key, _ in VALUE_BANDS], fill_value=0).astype(int)
