"""Order lines → each customer's purchase days, and the repeat purchases, recency and age the value models take."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.data.orders import OrderMapping, _dates, _id_values, _numbers, as_of_day
from segmentti.errors import SegmenttiError

UNITS: dict[str, float] = {"days": 1.0, "weeks": 7.0}
"""Time units of recency and age, in days."""

HISTORY_COLUMNS: tuple[str, ...] = ("frequency", "recency", "T", "monetary_value", "first_purchase", "spend")
"""The columns of :attr:`PurchaseHistory.frame`."""


@dataclass(frozen=True, eq=False)
class PurchaseHistory:
    """What the value models know of each customer at one day.

    Attributes
    ----------
    frame : pandas.DataFrame
        Index: the customer id (its header kept as the index name), sorted. Columns:
        ``frequency`` (repeat purchases: purchase days after the first), ``recency`` (time from
        the first to the last purchase day), ``T`` (time from the first purchase day to
        ``as_of``), both in ``unit``; ``monetary_value`` (mean spend of the repeat purchase
        days, 0 without any), ``first_purchase`` (the day) and ``spend`` (all purchase days).
    as_of : pandas.Timestamp
        The day the history ends (its purchases included).
    unit : str
        ``"days"`` or ``"weeks"``.
    first_day, last_day : pandas.Timestamp
        The first and the last purchase day in the history.
    """

    frame: pd.DataFrame
    as_of: pd.Timestamp
    unit: str
    first_day: pd.Timestamp
    last_day: pd.Timestamp

    @property
    def repeat_buyers(self) -> int:
        """Customers with at least one repeat purchase."""
        return int((self.frame["frequency"] > 0).sum())


def purchase_days(frame: pd.DataFrame, mapping: OrderMapping) -> pd.DataFrame:
    """Each customer's purchase days from order lines: lines of one customer on one day are one purchase.

    Lines with a positive amount are purchases, as in :func:`segmentti.data.orders.build_customers`,
    and so are lines of amount 0 (a free item: the customer still came back and bought; the
    published CDNOW summary counts them). Returns (negative amounts) and lines without an id, a
    date or an amount are left out.

    Parameters
    ----------
    frame : pandas.DataFrame
        Order lines with the columns of ``mapping`` (customer, date, amount or quantity × price).
    mapping : OrderMapping
        The columns; category, channel and order id are not needed.

    Returns
    -------
    pandas.DataFrame
        Columns ``customer`` (the id), ``day`` (midnight timestamps) and ``spend`` (the day's
        purchases), one row per customer and day, sorted by customer and day.

    Raises
    ------
    SegmenttiError
        When a column is missing, amounts are not numbers, dates not dates, or no line is a purchase.
    """
    needed = [
        name for name in (mapping.customer, mapping.date, mapping.amount, mapping.quantity, mapping.price) if name
    ]
    missing = [name for name in needed if name not in frame.columns]
    if missing:
        raise SegmenttiError(
            "error.unknown_order_columns", columns=", ".join(missing), available=", ".join(map(str, frame.columns))
        )
    if mapping.amount is not None:
        amount = _numbers(frame, mapping.amount)
    elif mapping.quantity and mapping.price:
        amount = _numbers(frame, mapping.quantity) * _numbers(frame, mapping.price)
    else:
        raise SegmenttiError("error.no_amount_mapping")
    ids = frame[mapping.customer]
    if pd.api.types.is_string_dtype(ids):
        ids = ids.str.strip().replace("", None)
    days = _dates(frame, mapping.date).dt.normalize()
    keep = ids.notna().to_numpy() & days.notna().to_numpy() & (np.nan_to_num(amount, nan=-1.0) >= 0)
    if not keep.any():
        raise SegmenttiError("error.no_purchases", column=mapping.amount or mapping.quantity)
    lines = pd.DataFrame(
        {
            "customer": _id_values(ids[keep].reset_index(drop=True)),
            "day": days.to_numpy(dtype="datetime64[us]")[keep],
            "spend": amount[keep],
        }
    )
    grouped = lines.groupby(["customer", "day"], sort=True)["spend"].sum().reset_index()
    grouped.attrs["customer_column"] = str(mapping.customer)
    return grouped


def summarize_history(
    days: pd.DataFrame,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    unit: str = "weeks",
) -> PurchaseHistory:
    """Repeat purchases, recency, age and mean repeat spend per customer, from the purchase days up to ``as_of``.

    The summary of Fader, Hardie & Lee (2005): ``frequency`` counts purchase days after the
    first, ``recency`` is the time from the first to the last purchase day and ``T`` from the
    first purchase day to ``as_of``; ``monetary_value`` is the mean spend of the repeat purchase
    days (the first purchase is left out, as in their Gamma-Gamma fit).

    Parameters
    ----------
    days : pandas.DataFrame
        :func:`purchase_days` of the order lines.
    as_of : str, date or Timestamp, optional
        The last day of the history (its purchases count). Default the day after the last purchase.
    unit : {"weeks", "days"}
        The unit of ``recency`` and ``T``.

    Returns
    -------
    PurchaseHistory
        One row per customer whose first purchase is on or before ``as_of``.

    Raises
    ------
    SegmenttiError
        For an unknown unit or a bad as-of day, or when no purchase is on or before it.
    """
    if unit not in UNITS:
        raise SegmenttiError("error.value_unit", unit=str(unit), units=", ".join(UNITS))
    as_of_ts = pd.Timestamp(days["day"].max()) + pd.Timedelta(days=1) if as_of is None else as_of_day(as_of)
    used = days[days["day"] <= as_of_ts]
    if used.empty:
        raise SegmenttiError("error.value_nothing_before", as_of=as_of_ts.date().isoformat())
    grouped = used.groupby("customer", sort=True)
    first = grouped["day"].min()
    last = grouped["day"].max()
    count = grouped.size()
    spend = grouped["spend"].sum()
    first_spend = used.drop_duplicates("customer", keep="first").set_index("customer")["spend"]
    frequency = (count - 1).to_numpy(dtype=np.int64)
    length = UNITS[unit]
    repeat_spend = spend.to_numpy(dtype=float) - first_spend.reindex(spend.index).to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        monetary = np.where(frequency > 0, repeat_spend / np.maximum(frequency, 1), 0.0)
    frame = pd.DataFrame(
        {
            "frequency": frequency,
            "recency": ((last - first).to_numpy() / np.timedelta64(1, "D")) / length,
            "T": ((as_of_ts - first).to_numpy() / np.timedelta64(1, "D")) / length,
            "monetary_value": monetary,
            "first_purchase": first.to_numpy(),
            "spend": spend.to_numpy(dtype=float),
        },
        index=first.index,
    )
    frame.index.name = days.attrs.get("customer_column", "customer")
    return PurchaseHistory(frame, as_of_ts, unit, pd.Timestamp(first.min()), pd.Timestamp(last.max()))
