"""The customer-value page's glue: where its order lines come from, its results remembered, value columns added to the data.

The value models (scipy) are imported only when the page asks for a result, so no other page
pays for them.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from segmentti.data.orders import OrderMapping
from ui import state

if TYPE_CHECKING:
    from segmentti.engine.value.holdout import HoldoutCheck
    from segmentti.engine.value.prediction import CustomerValue

SAMPLE_ORDERS = OrderMapping("customer_id", "order_date", amount="amount_eur", order="order_id")
"""The columns of the bundled order lines (:func:`segmentti.engine.rfm.load_order_sample`)."""


@dataclass(frozen=True, eq=False)
class OrderSource:
    """Order lines the value models are fitted on.

    Attributes
    ----------
    frame : pandas.DataFrame
        The lines.
    mapping : OrderMapping
    as_of : str or None
        The as-of day chosen on the data page (``None``: the day after the last line).
    digest : str
        Names the lines, the mapping and the as-of day in result keys.
    label : str
        The file's name.
    bundled : bool
        ``True`` for the bundled sample's order lines joined to customers by id.
    """

    frame: pd.DataFrame
    mapping: OrderMapping
    as_of: str | None
    digest: str
    label: str
    bundled: bool = False


def order_source(use_bundled: bool) -> OrderSource | None:
    """The order lines behind the working data; with ``use_bundled``, the bundled sample's lines for a ``customer_id`` table."""
    current = state.dataset()
    if current is None:
        return None
    if current.orders:
        part = current.orders[0]
        return OrderSource(
            part.table.frame,
            part.mapping,
            part.as_of,
            f"{part.digest}:{part.mapping!r}:{part.as_of}",
            part.table.source_name,
        )
    if use_bundled and "customer_id" in current.table.frame.columns:
        from segmentti.engine.rfm import ORDER_SAMPLE, load_order_sample

        frame = state.remember("value_orders", ORDER_SAMPLE, load_order_sample, 1)
        return OrderSource(frame, SAMPLE_ORDERS, None, f"sample:{ORDER_SAMPLE}", ORDER_SAMPLE, bundled=True)
    return None


def has_customer_ids() -> bool:
    """Whether the working data has the ``customer_id`` column the bundled order lines join on."""
    current = state.dataset()
    return current is not None and "customer_id" in current.table.frame.columns


def purchase_days_of(source: OrderSource) -> pd.DataFrame:
    """:func:`segmentti.engine.value.history.purchase_days` of ``source``, once per session."""
    from segmentti.engine.value.history import purchase_days

    return state.remember("value_days", source.digest, lambda: purchase_days(source.frame, source.mapping), 2)


def customer_value(source: OrderSource, unit: str, horizon: int, discount: float) -> CustomerValue:
    """:func:`segmentti.engine.value.prediction.estimate_value` of ``source`` with the page's settings (raises SegmenttiError)."""
    from segmentti.engine.value.history import summarize_history
    from segmentti.engine.value.prediction import estimate_value

    def compute() -> CustomerValue:
        history = summarize_history(purchase_days_of(source), source.as_of, unit)
        return estimate_value(history, horizon, discount)

    return state.remember("value", (source.digest, unit, int(horizon), float(discount)), compute, 4)


def holdout_check(source: OrderSource, unit: str, calibration_end: str | None) -> HoldoutCheck:
    """:func:`segmentti.engine.value.holdout.check_holdout` of ``source`` up to its as-of day (raises SegmenttiError)."""
    from segmentti.engine.value.holdout import check_holdout

    def compute() -> HoldoutCheck:
        days = purchase_days_of(source)
        end = source.as_of
        if end is not None:
            days = days[days["day"] <= pd.Timestamp(end)]
        return check_holdout(days, calibration_end, end, unit)

    return state.remember("value_holdout", (source.digest, unit, calibration_end), compute, 4)


def id_column(source: OrderSource) -> str | None:
    """The customer id column of the working data that the value table's index matches (``None`` if none does).

    The order lines' own id column when the working data has it (customers built from the lines);
    otherwise the data's id column (a customer table joined with the lines on another header).
    """
    from segmentti.data.assembly import guess_id_column

    frame = state.dataset().table.frame
    if source.mapping.customer in frame.columns:
        return source.mapping.customer
    return guess_id_column(frame)


def add_value_columns(value: CustomerValue, source: OrderSource) -> None:
    """Make the working data the same customers with the value columns added (or replaced), as a new data set.

    Customers without a prediction (no purchase in the lines) get empty cells. Like any other data,
    the new data set starts the later steps afresh: its columns can now be criteria, personas
    show the segments' value and every export carries them.
    """
    from segmentti.engine.value.views import value_columns

    current = state.dataset()
    frame = current.table.frame
    added = value_columns(value)
    ids = frame[id_column(source)]  # the page offers this only when there is an id column
    joined = added.reindex(ids.to_numpy())
    joined.index = frame.index
    kept = frame.drop(columns=[name for name in added.columns if name in frame.columns])
    table = dataclasses.replace(current.table, frame=pd.concat([kept, joined], axis=1))
    settings = (value.history.unit, value.horizon_days, value.discount, source.digest)
    digest = hashlib.sha256((current.digest + repr(settings)).encode("utf-8")).hexdigest()
    state.set_dataset(dataclasses.replace(current, table=table, digest=digest), fixed=True)


def has_value_columns() -> bool:
    """Whether the working data already carries predicted value and churn risk."""
    current = state.dataset()
    return current is not None and {"predicted_value", "churn_risk"} <= set(current.table.frame.columns)


def rfm_segments(value: CustomerValue, source: OrderSource) -> pd.Series:
    """Each valued customer's RFM segment key (index: the customer id), scored with the RFM page's quintiles.

    The working data's own recency, orders and spend when it has them for these customers (so the
    segments are the RFM page's); otherwise from the same purchase days the value models saw:
    days since the last purchase day, purchase days and spend.
    """
    from segmentti.engine.rfm import FREQUENCY, MONETARY, RECENCY, has_rfm_columns, score_rfm
    from segmentti.engine.value.history import UNITS

    current = state.dataset()
    frame = current.table.frame
    ids = id_column(source)
    if has_rfm_columns(frame) and ids is not None and frame[ids].isin(value.table.index).any():
        customers = frame.set_index(ids)[[RECENCY, FREQUENCY, MONETARY]]
        key = current.digest
    else:
        history = value.table
        customers = pd.DataFrame(
            {
                RECENCY: (history["T"] - history["recency"]) * UNITS[value.history.unit],
                FREQUENCY: history["frequency"] + 1,
                MONETARY: history["spend"],
            }
        )
        key = (source.digest, value.history.unit, value.history.as_of)
    scores = state.remember("value_rfm", key, lambda: score_rfm(customers), 2)
    return pd.Series(scores.table["segment"].to_numpy(), index=customers.index)
