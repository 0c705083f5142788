"""Turn order lines (one row per purchase line) into one row per customer with purchase-history features."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.data.cells import parse_iso_times
from segmentti.data.order_mapping import (
    ATTRIBUTE_CONSTANCY,
    MONEY_DECIMALS,
    TOP_CATEGORIES,
    TOP_CHANNELS,
    OrderMapping,
)
from segmentti.data.order_mapping import (
    FEATURE_COLUMNS as FEATURE_COLUMNS,  # re-exported: the columns are named where the features are built
)
from segmentti.errors import SegmenttiError

_DAY = np.timedelta64(1, "D")


@dataclass(frozen=True, eq=False)
class CustomerFeatures:
    """One row per customer built from order lines, and what was left out on the way.

    Attributes
    ----------
    frame : pandas.DataFrame
        The customer id column (its header kept), then :data:`FEATURE_COLUMNS`, then
        ``category_share_<category>`` and ``channel_share_<channel>`` columns, then the
        customer attributes (``attributes``); one row per customer with at least one
        purchase, sorted by id.
    as_of : pandas.Timestamp
        The day recency and tenure are counted to; its own lines are included.
    mapping : OrderMapping
        The columns used.
    lines : int
        Rows of the input.
    lines_without_id, lines_without_date, lines_without_amount, lines_after_as_of : int
        Rows left out, and why.
    purchase_lines, return_lines, zero_lines : int
        Rows used with a positive amount (purchases), a negative amount (returns), and rows
        with amount 0 (neither: counted nowhere else).
    customers_without_purchase : int
        Customer ids that only had returns (or zero lines): left out of ``frame``.
    gross_spend : float
        Sum of all purchase amounts of the customers kept.
    returns_value : float
        Sum of the absolute amounts of their returns.
    total_spend : float
        Net spend: ``gross_spend - returns_value``, the sum of the ``total_spend`` column.
    attributes : tuple of str
        Columns of the order lines kept as customer attributes (see :data:`ATTRIBUTE_CONSTANCY`).
    """

    frame: pd.DataFrame
    as_of: pd.Timestamp
    mapping: OrderMapping
    lines: int
    lines_without_id: int
    lines_without_date: int
    lines_without_amount: int
    lines_after_as_of: int
    purchase_lines: int
    return_lines: int
    customers_without_purchase: int
    gross_spend: float
    returns_value: float
    total_spend: float
    zero_lines: int = 0
    attributes: tuple[str, ...] = ()

    @property
    def customers(self) -> int:
        """Customers built (rows of ``frame``), as :class:`segmentti.data.customer_sql.LineCounts` names them."""
        return len(self.frame)


_NEEDS_TWO_ORDERS = ("mean_days_between_orders",)
_NEEDS_AN_ORDER = ("first_purchase", "last_purchase", "recency_days", "tenure_days", "avg_order_value")


def structurally_missing(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """Find the cells of order features that are empty by construction, not by a gap in the data.

    A one-order customer has no interval between orders (``mean_days_between_orders``), and a
    customer of a joined customer table who never ordered has no purchase dates, recency,
    tenure or order value. Those cells are facts about the customer: a report should not call
    them missing data, and a clustering should treat "has none" as information (an indicator),
    not fill it with the typical customer's value.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer, e.g. :attr:`CustomerFeatures.frame` or a table joined with it;
        needs the ``orders`` column to tell.

    Returns
    -------
    dict of str to numpy.ndarray
        For each such column present with at least one structurally empty cell, a boolean mask
        over the rows: empty and explained by ``orders`` (0 or missing; below 2 for
        ``mean_days_between_orders``).
    """
    if "orders" not in frame.columns or not pd.api.types.is_numeric_dtype(frame["orders"]):
        return {}
    orders = frame["orders"].to_numpy(dtype=float, na_value=np.nan)
    no_order = np.isnan(orders) | (orders < 1)
    found: dict[str, np.ndarray] = {}
    for names, explained in ((_NEEDS_TWO_ORDERS, no_order | (orders < 2)), (_NEEDS_AN_ORDER, no_order)):
        for name in names:
            if name in frame.columns:
                mask = frame[name].isna().to_numpy() & explained
                if mask.any():
                    found[name] = mask
    return found


def _examples(values: pd.Series) -> str:
    return ", ".join(repr(str(value)) for value in values.dropna().unique()[:3])


def _numbers(frame: pd.DataFrame, column: str) -> np.ndarray:
    values = frame[column]
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        converted = pd.to_numeric(values, errors="coerce") if not pd.api.types.is_bool_dtype(values) else None
        if converted is None or (converted.isna() & values.notna()).any():
            bad = values[converted.isna() & values.notna()] if converted is not None else values
            raise SegmenttiError("error.amount_not_numeric", column=column, examples=_examples(bad))
        values = converted
    return values.to_numpy(dtype=float, na_value=np.nan)


def _dates(frame: pd.DataFrame, column: str) -> pd.Series:
    values = frame[column]
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.tz_localize(None) if getattr(values.dt, "tz", None) is not None else values
    converted = parse_iso_times(values.astype("str").where(values.notna(), None))
    if converted is None or (converted.isna() & values.notna()).any():
        bad = values if converted is None else values[converted.isna() & values.notna()]
        raise SegmenttiError("error.date_not_dates", column=column, examples=_examples(bad))
    return converted


def _id_values(values: pd.Series) -> pd.Series:
    """Customer ids as they should be shown: whole-number floats (from gaps) back to integers."""
    if pd.api.types.is_float_dtype(values):
        filled = values.dropna()
        if (filled == filled.round()).all():
            return values.astype("Int64")
    return values


def as_of_day(as_of: str | pd.Timestamp | datetime.date) -> pd.Timestamp:
    """The as-of day as a midnight timestamp: a date, so only its calendar day matters.

    Every path that counts order lines up to an as-of day includes that day's own lines and
    leaves out the lines from the next midnight on.

    Parameters
    ----------
    as_of : str, date or Timestamp
        ``2025-12-31``, a date, or a timestamp (its time of day and time zone are dropped).

    Returns
    -------
    pandas.Timestamp
        Midnight at the start of the as-of day, without a time zone.

    Raises
    ------
    SegmenttiError
        When ``as_of`` is not a date.
    """
    try:
        as_of_ts = pd.Timestamp(as_of)
    except (ValueError, TypeError):
        raise SegmenttiError("error.bad_as_of", value=str(as_of)) from None
    if pd.isna(as_of_ts):
        raise SegmenttiError("error.bad_as_of", value=str(as_of))
    return (as_of_ts.tz_localize(None) if as_of_ts.tzinfo is not None else as_of_ts).normalize()


def build_customers(
    frame: pd.DataFrame,
    mapping: OrderMapping,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    top_categories: int = TOP_CATEGORIES,
) -> CustomerFeatures:
    """Build one row per customer from order lines.

    Lines with a positive amount are purchases, lines with a negative amount are returns
    (cancellations), lines with amount 0 are neither and count nowhere. The result does
    not depend on the order of the lines or on the customer ids' values.

    Parameters
    ----------
    frame : pandas.DataFrame
        Order lines, one row per line: at least the columns named in ``mapping``.
    mapping : OrderMapping
        Customer id, date and amount (or quantity × unit price) columns; optionally
        category, channel and order id.
    as_of : str, date or Timestamp, optional
        The day of the analysis, taken as a calendar date (a time of day is ignored): lines
        on that day are included, later lines left out; recency and tenure are whole days
        to it. Default the day after the last line, so every line is included.
    top_categories : int, default TOP_CATEGORIES
        Categories with their own share column.

    Returns
    -------
    CustomerFeatures
        ``frame`` has the customer id (header kept) and

        - ``first_purchase``, ``last_purchase``: datetimes of the first and last purchase;
        - ``recency_days``, ``tenure_days``: whole days from the last and first purchase day
          to ``as_of`` (0 = on the as-of day);
        - ``orders``: distinct order ids with a purchase (distinct purchase times without an
          order column); ``lines``: purchase lines;
        - ``total_spend``: net spend, purchases minus returns (what the customer is worth);
          ``gross_spend``: purchases alone; ``returns`` and ``returns_value``: count and
          absolute sum of the return lines;
        - ``avg_order_value``: gross purchase value per order (``gross_spend / orders``), the
          basket size a marketer means by average order value, not lowered by later returns;
        - ``mean_days_between_orders``: days from the first to the last purchase divided by
          ``orders - 1``; missing by construction for a one-order customer (no interval
          exists), see :func:`segmentti.data.columns.structural_missing`;
        - ``category_share_<c>``, ``channel_share_<c>``: share of the customer's purchases, 0–1;
        - customer attributes: every other column of the lines that holds one value per
          customer (see :data:`ATTRIBUTE_CONSTANCY`), as the customer's most frequent value
          (ties: the first in sorted order).

    Raises
    ------
    SegmenttiError
        When a mapped column is missing, the amount (quantity, price) is not numeric,
        the dates are not dates, no line has a customer id, or no line is a purchase.
    """
    missing = [name for name in mapping.columns() if name not in frame.columns]
    if missing:
        raise SegmenttiError(
            "error.unknown_order_columns", columns=", ".join(missing), available=", ".join(map(str, frame.columns))
        )
    if mapping.amount is None and not (mapping.quantity and mapping.price):
        raise SegmenttiError("error.no_amount_mapping")
    lines = len(frame)
    if mapping.amount is not None:
        amount = _numbers(frame, mapping.amount)
    else:
        amount = _numbers(frame, mapping.quantity) * _numbers(frame, mapping.price)  # type: ignore[arg-type]
    dates = _dates(frame, mapping.date)
    ids = frame[mapping.customer]
    if pd.api.types.is_string_dtype(ids):
        ids = ids.str.strip().replace("", None)
    has_id = ids.notna().to_numpy()
    if not has_id.any():
        raise SegmenttiError("error.no_customer_ids", column=mapping.customer)
    has_date = dates.notna().to_numpy()
    has_amount = ~np.isnan(amount)
    keep = has_id & has_date & has_amount
    day_values = dates.to_numpy(dtype="datetime64[us]")
    if as_of is None:
        last = day_values[keep].max() if keep.any() else None
        if last is None:
            raise SegmenttiError("error.no_purchases", column=mapping.amount or mapping.quantity)
        as_of_ts = pd.Timestamp(last).normalize() + pd.Timedelta(days=1)
    else:
        as_of_ts = as_of_day(as_of)
    day_after = np.datetime64((as_of_ts + pd.Timedelta(days=1)).to_datetime64(), "us")
    after = keep & (day_values >= day_after)
    keep &= ~after

    used = pd.DataFrame(
        {
            "id": _id_values(ids[keep].reset_index(drop=True)),
            "time": day_values[keep],
            "amount": amount[keep],
        }
    )
    signs = np.sign(used["amount"].to_numpy())
    purchase, returned_line = signs > 0, signs < 0
    if not purchase.any():
        raise SegmenttiError("error.no_purchases", column=mapping.amount or mapping.quantity)
    codes, uniques = pd.factorize(used["id"], sort=True)
    used["code"] = codes
    if mapping.order is not None:
        order_key = frame[mapping.order][keep].reset_index(drop=True).astype("str")
    else:
        order_key = pd.Series(used["time"].to_numpy().astype("int64"))
    used["order"] = pd.factorize(order_key)[0]

    bought = used[purchase]
    grouped = bought.groupby("code", sort=True)
    first = grouped["time"].min()
    last = grouped["time"].max()
    # sums of many float amounts carry noise far below any currency's smallest unit: drop it
    gross = np.round(grouped["amount"].sum().to_numpy(), MONEY_DECIMALS)
    line_count = grouped["amount"].size()
    orders = _distinct_per_code(bought["code"].to_numpy(), bought["order"].to_numpy(), len(uniques))
    returned = used[returned_line].groupby("code")["amount"].agg(["size", "sum"])
    returns_value = np.round(np.abs(returned["sum"].reindex(first.index, fill_value=0.0).to_numpy()), MONEY_DECIMALS)

    buyer_codes = first.index.to_numpy()
    first_day = first.dt.normalize()
    last_day = last.dt.normalize()
    order_count = orders[first.index.to_numpy()]
    gap_days = (last_day - first_day).to_numpy() / _DAY
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_gap = np.where(order_count > 1, gap_days / np.maximum(order_count - 1, 1), np.nan)
    result = pd.DataFrame(
        {
            mapping.customer: pd.Series(uniques).take(buyer_codes).reset_index(drop=True),
            "first_purchase": first.to_numpy(),
            "last_purchase": last.to_numpy(),
            "recency_days": ((as_of_ts - last_day).to_numpy() / _DAY).astype(np.int64),
            "orders": order_count.astype(np.int64),
            "lines": line_count.to_numpy().astype(np.int64),
            "total_spend": np.round(gross - returns_value, MONEY_DECIMALS),
            "gross_spend": gross,
            "avg_order_value": gross / order_count,
            "mean_days_between_orders": mean_gap,
            "tenure_days": ((as_of_ts - first_day).to_numpy() / _DAY).astype(np.int64),
            "returns": returned["size"].reindex(first.index, fill_value=0).to_numpy().astype(np.int64),
            "returns_value": returns_value,
        }
    )
    share_frames = []
    for kind, column, top in (
        ("category", mapping.category, top_categories),
        ("channel", mapping.channel, TOP_CHANNELS),
    ):
        if column is None:
            continue
        labels = frame[column][keep].reset_index(drop=True)[purchase]
        share_frames.append(_shares(kind, labels, bought, first.index, gross, top))
    if share_frames:
        result = pd.concat([result, *share_frames], axis=1)
    attributes = _attributes(frame, mapping, keep, codes, buyer_codes, result.columns)
    if not attributes.empty:
        result = pd.concat([result, attributes], axis=1)
    total_ids = len(uniques)
    return CustomerFeatures(
        frame=result,
        as_of=as_of_ts,
        mapping=mapping,
        lines=lines,
        lines_without_id=int((~has_id).sum()),
        lines_without_date=int((has_id & ~has_date).sum()),
        lines_without_amount=int((has_id & has_date & ~has_amount).sum()),
        lines_after_as_of=int(after.sum()),
        purchase_lines=int(purchase.sum()),
        return_lines=int(returned_line.sum()),
        customers_without_purchase=total_ids - len(buyer_codes),
        gross_spend=float(np.round(gross.sum(), MONEY_DECIMALS)),
        returns_value=float(np.round(returns_value.sum(), MONEY_DECIMALS)),
        total_spend=float(np.round(gross.sum() - returns_value.sum(), MONEY_DECIMALS)),
        zero_lines=int((signs == 0).sum()),
        attributes=tuple(str(name) for name in attributes.columns),
    )


def _distinct_per_code(codes: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """How many distinct ``values`` each code ``0 … size - 1`` has (``values`` are factorize codes, -1 a value too).

    One integer per (code, value) pair, its distinct values found by hashing: a table-wide
    ``drop_duplicates`` of the pairs costs several times more.
    """
    shifted = values.astype(np.int64) + 1  # a missing order id (-1) counts as one order of its own
    width = int(shifted.max()) + 1 if len(shifted) else 1
    pairs = pd.unique(codes.astype(np.int64) * width + shifted)
    return np.bincount(pairs // width, minlength=size)


def _attributes(
    frame: pd.DataFrame,
    mapping: OrderMapping,
    keep: np.ndarray,
    codes: np.ndarray,
    buyers: np.ndarray,
    taken: pd.Index,
) -> pd.DataFrame:
    """The columns of the lines that describe the customer: one value per customer, as each buyer's most frequent.

    A column qualifies when at least :data:`ATTRIBUTE_CONSTANCY` of the customers with two or more
    lines have a single value in it; a customer with several values gets the most frequent one
    (ties: the first in sorted order, so the order of the lines never matters).
    """
    line_counts = np.bincount(codes, minlength=int(codes.max()) + 1)
    repeat = line_counts >= 2
    if not repeat.any():
        return pd.DataFrame(index=range(len(buyers)))
    skip = set(mapping.columns()) | {str(name) for name in taken}
    kept: dict[str, pd.Series] = {}
    for name in frame.columns:
        if str(name) in skip:
            continue
        values = frame[name][keep].reset_index(drop=True)
        value_codes, levels = pd.factorize(values, sort=True)
        pairs = pd.DataFrame({"code": codes, "value": value_codes})
        pairs = pairs[pairs["value"] >= 0]
        distinct = pairs.drop_duplicates().groupby("code").size().reindex(range(len(line_counts)), fill_value=0)
        single = (distinct.to_numpy() <= 1)[repeat]
        if single.mean() < ATTRIBUTE_CONSTANCY:
            continue
        counted = pairs.value_counts().reset_index(name="count")
        counted = counted.sort_values(["code", "count", "value"], ascending=[True, False, True], kind="stable")
        mode = counted.drop_duplicates("code").set_index("code")["value"].reindex(buyers)
        chosen = pd.Series(levels).take(mode.fillna(0).astype(np.int64).to_numpy()).reset_index(drop=True)
        kept[str(name)] = chosen if mode.notna().all() else chosen.where(mode.notna().to_numpy())
    return pd.DataFrame(kept, index=range(len(buyers)))


def _shares(
    kind: str, labels: pd.Series, bought: pd.DataFrame, buyers: pd.Index, spend: np.ndarray, top: int
) -> pd.DataFrame:
    """Share of each customer's purchases per label (top ``top`` labels by spend, the rest as ``other``).

    Labels are numbered in sorted order, so labels with equal spend rank the same whatever the
    order of the lines. The sums are rounded to :data:`MONEY_DECIMALS`, as the spend is: the
    shares are then the same whichever engine, and in whatever order, adds the lines.
    """
    label_codes, label_names = pd.factorize(labels.astype("str").str.strip().fillna("other"), sort=True)
    amounts = bought["amount"].to_numpy()
    by_label = np.round(np.bincount(label_codes, weights=amounts, minlength=len(label_names)), MONEY_DECIMALS)
    ranked = np.argsort(-by_label, kind="stable")
    names = [str(label_names[i]) for i in ranked[:top]]
    others = ranked[top:]
    names_out = [*names, "other"] if len(others) and "other" not in names else names
    column_of = np.empty(len(label_names), dtype=np.int64)
    for position, index in enumerate(ranked):
        name = str(label_names[index])
        column_of[index] = names_out.index(name) if position < top else names_out.index("other")
    row_of = np.full(int(bought["code"].max()) + 1, -1, dtype=np.int64)
    row_of[buyers.to_numpy()] = np.arange(len(buyers))
    rows = row_of[bought["code"].to_numpy()]
    width = len(names_out)
    sums = np.bincount(rows * width + column_of[label_codes], weights=amounts, minlength=len(buyers) * width)
    sums = np.round(sums, MONEY_DECIMALS)  # as the spend: the same sum in whatever order an engine adds the lines
    shares = np.clip(sums.reshape(len(buyers), width) / spend[:, None], 0.0, 1.0)  # no 1 + 1e-16 from rounding
    return pd.DataFrame(shares, columns=[f"{kind}_share_{label}" for label in names_out])
