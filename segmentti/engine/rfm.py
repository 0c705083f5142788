"""RFM: recency, frequency and monetary quintile scores per customer and the standard named RFM segments."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.data.orders import as_of_day
from segmentti.errors import SegmenttiError

RECENCY, FREQUENCY, MONETARY = "recency_days", "orders", "total_spend"
"""Default column names of per-customer recency (days), frequency (orders) and monetary value (total spend)."""

SEGMENTS: tuple[str, ...] = (
    "champions",
    "loyal_customers",
    "potential_loyalist",
    "new_customers",
    "promising",
    "need_attention",
    "about_to_sleep",
    "at_risk",
    "cant_lose",
    "hibernating",
    "lost",
)
"""The standard RFM segments, best first; their names are the texts ``rfm.<key>``."""

_SEGMENT_MAP: tuple[tuple[str, str], ...] = (
    (r"5[4-5]", "champions"),
    (r"[3-4][4-5]", "loyal_customers"),
    (r"[4-5][2-3]", "potential_loyalist"),
    (r"51", "new_customers"),
    (r"41", "promising"),
    (r"33", "need_attention"),
    (r"3[1-2]", "about_to_sleep"),
    (r"[1-2][3-4]", "at_risk"),
    (r"[1-2]5", "cant_lose"),
    (r"11", "lost"),
    (r"[1-2][1-2]", "hibernating"),
)
"""The usual R×F segment map (R and F scores 1–5); "Lost" is R = F = 1, the rest of R, F ≤ 2 "Hibernating"."""


@dataclass(frozen=True, eq=False)
class RfmScores:
    """RFM scores of every customer.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per customer (the input's index), columns ``recency``, ``frequency``,
        ``monetary`` (the values), ``r``, ``f``, ``m`` (scores 1–5, 5 best: most recent,
        most orders, most spend) and ``segment`` (a key of :data:`SEGMENTS`).
    edges : dict of str to tuple of float
        The four inner bin edges used for ``recency``, ``frequency`` and ``monetary``.
    """

    table: pd.DataFrame
    edges: dict[str, tuple[float, ...]]


def summarize_orders(
    orders: pd.DataFrame,
    customer_column: str = "customer_id",
    date_column: str = "order_date",
    amount_column: str = "amount_eur",
    order_column: str | None = "order_id",
    as_of: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Recency, frequency and monetary value per customer from order lines.

    Lines with a positive amount are purchases; others are returns and only reduce the
    spend. A customer without any purchase is left out.

    Parameters
    ----------
    orders : pandas.DataFrame
        One row per order line with the columns named below.
    customer_column, date_column, amount_column : str
        Customer id, order date (dates or text such as ``2025-12-31`` / ``31.12.2025``) and amount.
    order_column : str or None, default "order_id"
        Order id, so several lines of one order count once; ``None`` counts lines.
    as_of : pandas.Timestamp, optional
        The day recency is measured from, as a date: its own lines count, later lines are left
        out (:func:`segmentti.data.orders.as_of_day`); default the day after the last order.

    Returns
    -------
    pandas.DataFrame
        Index ``customer_column``; columns ``recency_days`` (int), ``orders`` (int),
        ``total_spend`` (float, purchases minus returns), ``first_purchase``, ``last_purchase``.

    Raises
    ------
    SegmenttiError
        For missing columns, unreadable dates or no purchase at all.
    """
    needed = [customer_column, date_column, amount_column] + ([order_column] if order_column else [])
    missing = [name for name in needed if name not in orders.columns]
    if missing:
        raise SegmenttiError("error.rfm_missing_columns", columns=", ".join(needed), missing=", ".join(missing))
    dates = _as_dates(orders[date_column], date_column)
    amounts = pd.to_numeric(orders[amount_column], errors="coerce").fillna(0.0)
    lines = pd.DataFrame({"customer": orders[customer_column].to_numpy(), "date": dates, "amount": amounts})
    lines["order"] = orders[order_column].to_numpy() if order_column else np.arange(len(orders))
    lines = lines.dropna(subset=["customer", "date"])
    if as_of is not None:  # the as-of day's own lines count, later ones do not
        as_of = as_of_day(as_of)
        lines = lines[lines["date"] < as_of + pd.Timedelta(days=1)]
    purchases = lines[lines["amount"] > 0]
    if purchases.empty:
        raise SegmenttiError("error.rfm_no_purchases")
    as_of = as_of if as_of is not None else purchases["date"].max() + pd.Timedelta(days=1)
    grouped = purchases.groupby("customer", sort=True)
    summary = pd.DataFrame(
        {
            "first_purchase": grouped["date"].min(),
            "last_purchase": grouped["date"].max(),
            "orders": grouped["order"].nunique().astype(int),
        }
    )
    summary["recency_days"] = (as_of - summary["last_purchase"].dt.normalize()).dt.days.astype(int)
    summary["total_spend"] = lines.groupby("customer")["amount"].sum().reindex(summary.index).astype(float)
    summary.index.name = customer_column
    return summary[["recency_days", "orders", "total_spend", "first_purchase", "last_purchase"]]


def score_rfm(
    customers: pd.DataFrame,
    recency_column: str = RECENCY,
    frequency_column: str = FREQUENCY,
    monetary_column: str = MONETARY,
    edges: Mapping[str, Sequence[float]] | None = None,
) -> RfmScores:
    """Score recency, frequency and monetary value 1–5 and name each customer's RFM segment.

    Without ``edges`` the scores are quintiles (ties broken by order, so each score holds a
    fifth of the customers); with ``edges`` (``{"recency"|"frequency"|"monetary": four
    increasing inner edges}``) the user's bins are used, a value on an edge going to the
    upper bin. Recency is reversed: fewer days is a higher score. The segment comes from
    the R and F scores (:data:`_SEGMENT_MAP`).

    Parameters
    ----------
    customers : pandas.DataFrame
        One row per customer with the three columns named.

    Returns
    -------
    RfmScores

    Raises
    ------
    SegmenttiError
        For missing columns, bad edges or fewer than 5 customers.
    """
    columns = {"recency": recency_column, "frequency": frequency_column, "monetary": monetary_column}
    missing = [name for name in columns.values() if name not in customers.columns]
    if missing:
        raise SegmenttiError(
            "error.rfm_missing_columns", columns=", ".join(columns.values()), missing=", ".join(missing)
        )
    if len(customers) < 5:
        raise SegmenttiError("error.rfm_too_few", rows=len(customers))
    table = pd.DataFrame(
        {key: pd.to_numeric(customers[name], errors="coerce") for key, name in columns.items()}, index=customers.index
    )
    table = table.fillna(table.median())
    used: dict[str, tuple[float, ...]] = {}
    for key, letter in (("recency", "r"), ("frequency", "f"), ("monetary", "m")):
        chosen = (edges or {}).get(key)
        if chosen is not None:
            inner = _check_edges(chosen, columns[key])
            scores = np.searchsorted(np.asarray(inner), table[key].to_numpy(), side="right") + 1
        else:
            ranks = table[key].rank(method="first").to_numpy()
            scores = np.ceil(ranks * 5 / len(table)).astype(int)
            inner = tuple(float(table[key][scores <= step].max()) for step in range(1, 5))
        if key == "recency":
            scores = 6 - scores
        table[letter] = np.clip(scores, 1, 5).astype(int)
        used[key] = inner
    codes = table["r"].astype(str) + table["f"].astype(str)
    table["segment"] = codes.map(segment_of_code)
    return RfmScores(table, used)


def segment_of_code(code: str) -> str:
    """The RFM segment key of an R and F score pair such as ``"54"``."""
    for pattern, name in _SEGMENT_MAP:
        if re.fullmatch(pattern, code):
            return name
    raise ValueError(f"not an RF score pair: {code!r}")


def rf_grid(scores: RfmScores) -> pd.DataFrame:
    """Customers per R × F cell: a 5 × 5 frame, index R score 5…1 (rows), columns F score 1…5."""
    grid = pd.crosstab(scores.table["r"], scores.table["f"]).reindex(index=range(5, 0, -1), columns=range(1, 6))
    return grid.fillna(0).astype(int)


def rfm_crosstab(scores: RfmScores, labels: np.ndarray, segment_names: Sequence[str]) -> pd.DataFrame:
    """Customers per RFM segment (rows, best first) × cluster (columns named by ``segment_names``).

    ``labels`` has one cluster index per row of ``scores.table``.
    """
    names = np.asarray(segment_names, dtype=object)[labels]
    table = pd.crosstab(pd.Categorical(scores.table["segment"], categories=SEGMENTS), names, dropna=False)
    table = table.reindex(columns=list(segment_names)).fillna(0).astype(int)
    table.index.name, table.columns.name = "rfm", "segment"
    return table


def has_rfm_columns(
    frame: pd.DataFrame,
    recency_column: str = RECENCY,
    frequency_column: str = FREQUENCY,
    monetary_column: str = MONETARY,
) -> bool:
    """Whether ``frame`` has the per-customer recency, frequency and monetary columns."""
    return all(name in frame.columns for name in (recency_column, frequency_column, monetary_column))


def _check_edges(edges: Sequence[float], column: str) -> tuple[float, ...]:
    try:
        inner = tuple(float(edge) for edge in edges)
    except (TypeError, ValueError):
        raise SegmenttiError("error.rfm_bad_edges", column=column, edges=str(list(edges))) from None
    if len(inner) != 4 or any(b <= a for a, b in itertools.pairwise(inner)) or not np.all(np.isfinite(inner)):
        raise SegmenttiError("error.rfm_bad_edges", column=column, edges=", ".join(map(str, inner)))
    return inner


def _as_dates(column: pd.Series, name: str) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(column):
        return column
    text = column.astype("str")
    dotted = text.str.match(r"^\d{1,2}\.\d{1,2}\.\d{4}").fillna(False).to_numpy(dtype=bool)  # always day first
    parsed = pd.to_datetime(text.where(~dotted), errors="coerce", format="mixed")
    if dotted.any():
        parsed[dotted] = pd.to_datetime(text[dotted], errors="coerce", dayfirst=True, format="mixed")
    if parsed.notna().sum() < 0.5 * column.notna().sum():
        raise SegmenttiError("error.rfm_bad_dates", column=name, example=str(column.dropna().iloc[0]))
    return parsed


ORDER_SAMPLE = "b2c_orders.csv.gz"
"""The bundled order lines of the consumer sample (order_id, customer_id, order_date, product_category, amount_eur, channel)."""


def load_order_sample() -> pd.DataFrame:
    """The bundled order lines :data:`ORDER_SAMPLE` as a frame (about 150,000 lines)."""
    from segmentti.data.samples import SAMPLE_DIR

    return pd.read_csv(SAMPLE_DIR / ORDER_SAMPLE, parse_dates=["order_date"])


def join_order_summary(
    customers: pd.DataFrame, summary: pd.DataFrame, customer_column: str = "customer_id"
) -> pd.DataFrame:
    """The customers who bought, each with their order summary columns (from :func:`summarize_orders`).

    Returns ``customers`` rows (in their order, original index kept) that have a summary
    row, with the summary's columns added (existing columns of the same name are replaced).
    """
    if customer_column not in customers.columns:
        raise SegmenttiError("error.rfm_missing_columns", columns=customer_column, missing=customer_column)
    kept = customers[customers[customer_column].isin(summary.index)]
    added = summary.reindex(kept[customer_column].to_numpy())
    added.index = kept.index
    return pd.concat([kept.drop(columns=[name for name in summary.columns if name in kept.columns]), added], axis=1)
