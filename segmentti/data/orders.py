"""Turn order lines (one row per purchase line) into one row per customer with purchase-history features."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.errors import SegmenttiError

TOP_CATEGORIES = 10
"""Categories with their own share column; the rest are summed into ``category_share_other``."""
TOP_CHANNELS = 10
"""Channels with their own share column; the rest go to ``channel_share_other``."""

FEATURE_COLUMNS: tuple[str, ...] = (
    "first_purchase",
    "last_purchase",
    "recency_days",
    "orders",
    "lines",
    "total_spend",
    "avg_order_value",
    "mean_days_between_orders",
    "tenure_days",
    "returns",
    "returns_value",
)
"""The per-customer columns always built, after the customer id; share columns follow."""

_DAY = np.timedelta64(1, "D")

_NAME_PATTERNS: dict[str, re.Pattern[str]] = {
    "customer": re.compile(
        r"customer|client|asiakas|buyer|ostaja|member|j[äa]sen|account|tili|^user|k[äa]ytt[äa]j", re.IGNORECASE
    ),
    "date": re.compile(r"date|time|day|p[äa]iv[äa]|pvm|aika|invoicedate|ordered|purchased|ostettu", re.IGNORECASE),
    "amount": re.compile(
        r"amount|summa|total|sales|myynti|revenue|spend|value|arvo|eur|€|sum$|line_?total|rivisumma|hinta_?yht|price_?total",
        re.IGNORECASE,
    ),
    "quantity": re.compile(r"quantity|qty|m[äa][äa]r[äa]|kpl|pcs|units|count$|lukum", re.IGNORECASE),
    "price": re.compile(r"price|hinta|unit|yksikk|[àa]_?hinta|kappalehinta", re.IGNORECASE),
    "order": re.compile(
        r"order_?(id|no|nr|number|numero)|^order$|tilaus|invoice_?(no|id|nr|number)?$|^invoice|lasku|kuitti|receipt|transaction|basket_?id",
        re.IGNORECASE,
    ),
    "category": re.compile(
        r"categor|kategor|tuoteryhm|product_?group|ryhm[äa]|department|osasto|genre|brand|merkki", re.IGNORECASE
    ),
    "channel": re.compile(r"channel|kanava|store_?type|source|l[äa]hde|myym[äa]l[äa]|shop", re.IGNORECASE),
}
_ID_WORDS = re.compile(r"id$|_id|nro|no$|numero|number|tunnus|code|koodi", re.IGNORECASE)


@dataclass(frozen=True)
class OrderMapping:
    """Which columns of an order-line table hold what.

    Attributes
    ----------
    customer : str
        The customer id.
    date : str
        The order date (or date and time).
    amount : str, optional
        The line's amount; without it, ``quantity`` × ``price``.
    quantity, price : str, optional
        Quantity and unit price, multiplied when there is no ``amount``.
    category, channel, order : str, optional
        Product category, sales channel and order (invoice) id.
    """

    customer: str
    date: str
    amount: str | None = None
    quantity: str | None = None
    price: str | None = None
    category: str | None = None
    channel: str | None = None
    order: str | None = None

    @classmethod
    def chosen(
        cls,
        customer: str,
        date: str,
        amount: str | None,
        quantity: str | None,
        price: str | None,
        category: str | None = None,
        channel: str | None = None,
        order: str | None = None,
    ) -> OrderMapping:
        """A mapping from the user's (or the guess's) picks: an amount column wins over quantity × price."""
        return cls(
            customer,
            date,
            amount=amount,
            quantity=None if amount else quantity,
            price=None if amount else price,
            category=category,
            channel=channel,
            order=order,
        )

    def columns(self) -> list[str]:
        """The mapped columns, without repeats."""
        named = [
            self.customer,
            self.date,
            self.amount,
            self.quantity,
            self.price,
            self.category,
            self.channel,
            self.order,
        ]
        return list(dict.fromkeys(name for name in named if name))


@dataclass(frozen=True)
class OrderGuess:
    """What :func:`guess_order_lines` found.

    Attributes
    ----------
    is_order_lines : bool
        True when the table looks like order lines: a customer id that repeats, a date and an amount
        (or quantity and price).
    mapping : OrderMapping or None
        The columns guessed; ``None`` when no customer id and date were found.
    lines_per_customer : float
        Mean number of rows per customer id (1.0 for a customer table).
    """

    is_order_lines: bool
    mapping: OrderMapping | None
    lines_per_customer: float


@dataclass(frozen=True, eq=False)
class CustomerFeatures:
    """One row per customer built from order lines, and what was left out on the way.

    Attributes
    ----------
    frame : pandas.DataFrame
        The customer id column (its header kept), then :data:`FEATURE_COLUMNS`, then
        ``category_share_<category>`` and ``channel_share_<channel>`` columns; one row per
        customer with at least one purchase, sorted by id.
    as_of : pandas.Timestamp
        The day recency and tenure are counted to.
    mapping : OrderMapping
        The columns used.
    lines : int
        Rows of the input.
    lines_without_id, lines_without_date, lines_without_amount, lines_after_as_of : int
        Rows left out, and why.
    purchase_lines, return_lines : int
        Rows used with a positive amount, and with zero or negative amount (returns).
    customers_without_purchase : int
        Customer ids that only had returns: left out of ``frame``.
    total_spend : float
        Sum of all positive line amounts.
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
    total_spend: float


def guess_order_lines(frame: pd.DataFrame) -> OrderGuess:
    """Tell whether ``frame`` holds order lines rather than customers, and guess the columns.

    Parameters
    ----------
    frame : pandas.DataFrame
        A loaded table.

    Returns
    -------
    OrderGuess
        ``is_order_lines`` when a customer-id column repeats (on average at least 1.2 rows per
        id) and a date column and an amount (or quantity and price) column exist.
    """
    names = [str(name) for name in frame.columns]
    dates = [name for name in names if pd.api.types.is_datetime64_any_dtype(frame[name])]
    numbers = [
        name
        for name in names
        if pd.api.types.is_numeric_dtype(frame[name]) and not pd.api.types.is_bool_dtype(frame[name])
    ]
    texts = [name for name in names if name not in dates and name not in numbers]

    def pick(kind: str, candidates: list[str], exclude: set[str]) -> str | None:
        for name in candidates:
            if name not in exclude and _NAME_PATTERNS[kind].search(name):
                return name
        return None

    customer = next(
        (name for name in names if _NAME_PATTERNS["customer"].search(name) and _ID_WORDS.search(name)), None
    ) or pick("customer", names, set())
    date = pick("date", dates, set()) or (dates[0] if dates else None)
    if customer is None or date is None:
        return OrderGuess(False, None, 1.0)
    used = {customer, date}
    order = pick("order", names, used)
    used |= {order} if order else set()
    quantity = pick("quantity", numbers, used)
    price = pick("price", numbers, used | ({quantity} if quantity else set()))
    amount_candidates = [name for name in numbers if name not in {quantity, price} | used]
    amount = pick("amount", amount_candidates, set())
    if amount is None and not (quantity and price):
        amount = amount_candidates[0] if amount_candidates and quantity is None else None
    category = pick("category", texts, used)
    channel = pick("channel", texts, used | ({category} if category else set()))
    ids = frame[customer].dropna()
    per_customer = len(ids) / max(int(ids.nunique()), 1)
    has_money = amount is not None or (quantity is not None and price is not None)
    mapping = OrderMapping.chosen(customer, date, amount, quantity, price, category, channel, order)
    return OrderGuess(bool(has_money and per_customer >= 1.2), mapping, per_customer)


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
    converted = pd.to_datetime(values, errors="coerce", format="ISO8601")
    if (converted.isna() & values.notna()).any():
        raise SegmenttiError(
            "error.date_not_dates", column=column, examples=_examples(values[converted.isna() & values.notna()])
        )
    return converted


def _id_values(values: pd.Series) -> pd.Series:
    """Customer ids as they should be shown: whole-number floats (from gaps) back to integers."""
    if pd.api.types.is_float_dtype(values):
        filled = values.dropna()
        if (filled == filled.round()).all():
            return values.astype("Int64")
    return values


def build_customers(
    frame: pd.DataFrame,
    mapping: OrderMapping,
    as_of: str | pd.Timestamp | None = None,
    top_categories: int = TOP_CATEGORIES,
) -> CustomerFeatures:
    """Build one row per customer from order lines.

    Parameters
    ----------
    frame : pandas.DataFrame
        Order lines, one row per line: at least the columns named in ``mapping``.
    mapping : OrderMapping
        Customer id, date and amount (or quantity × unit price) columns; optionally
        category, channel and order id.
    as_of : str or Timestamp, optional
        The day recency and tenure are counted to (lines after it are left out);
        default the day after the last order.
    top_categories : int, default TOP_CATEGORIES
        Categories with their own share column.

    Returns
    -------
    CustomerFeatures
        ``frame`` has the customer id (header kept), ``first_purchase`` and ``last_purchase``
        (datetimes), ``recency_days`` and ``tenure_days`` (whole days from the last and first
        purchase day to ``as_of``), ``orders`` (distinct order ids, or distinct purchase
        times without an order column), ``lines`` (purchase lines), ``total_spend``,
        ``avg_order_value`` (spend / orders), ``mean_days_between_orders`` (NaN for one
        order), ``returns`` and ``returns_value`` (count and absolute sum of lines with
        zero or negative amount, never counted as purchases), ``category_share_<c>`` and
        ``channel_share_<c>`` (share of the customer's spend, 0–1).

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
        try:
            as_of_ts = pd.Timestamp(as_of).normalize()
        except (ValueError, TypeError):
            raise SegmenttiError("error.bad_as_of", value=str(as_of)) from None
        if pd.isna(as_of_ts):
            raise SegmenttiError("error.bad_as_of", value=str(as_of))
    after = keep & (day_values >= np.datetime64(as_of_ts.to_datetime64(), "us"))
    keep &= ~after

    used = pd.DataFrame(
        {
            "id": _id_values(ids[keep].reset_index(drop=True)),
            "time": day_values[keep],
            "amount": amount[keep],
        }
    )
    purchase = used["amount"].to_numpy() > 0
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
    spend = grouped["amount"].sum()
    line_count = grouped["amount"].size()
    orders = bought[["code", "order"]].drop_duplicates().groupby("code").size()
    returned = used[~purchase].groupby("code")["amount"].agg(["size", "sum"])

    buyer_codes = first.index.to_numpy()
    first_day = first.dt.normalize()
    last_day = last.dt.normalize()
    order_count = orders.reindex(first.index).to_numpy()
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
            "total_spend": spend.to_numpy(),
            "avg_order_value": spend.to_numpy() / order_count,
            "mean_days_between_orders": mean_gap,
            "tenure_days": ((as_of_ts - first_day).to_numpy() / _DAY).astype(np.int64),
            "returns": returned["size"].reindex(first.index, fill_value=0).to_numpy().astype(np.int64),
            "returns_value": np.abs(returned["sum"].reindex(first.index, fill_value=0.0).to_numpy()),
        }
    )
    spend_values = spend.to_numpy()
    share_frames = []
    for kind, column, top in (
        ("category", mapping.category, top_categories),
        ("channel", mapping.channel, TOP_CHANNELS),
    ):
        if column is None:
            continue
        labels = frame[column][keep].reset_index(drop=True)[purchase]
        share_frames.append(_shares(kind, labels, bought, first.index, spend_values, top))
    if share_frames:
        result = pd.concat([result, *share_frames], axis=1)
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
        return_lines=int((~purchase).sum()),
        customers_without_purchase=total_ids - len(buyer_codes),
        total_spend=float(spend_values.sum()),
    )


def _shares(
    kind: str, labels: pd.Series, bought: pd.DataFrame, buyers: pd.Index, spend: np.ndarray, top: int
) -> pd.DataFrame:
    """Share of each customer's spend per label (top ``top`` labels by spend, the rest as ``other``)."""
    label_codes, label_names = pd.factorize(labels.astype("str").str.strip().fillna("other"))
    amounts = bought["amount"].to_numpy()
    by_label = np.bincount(label_codes, weights=amounts, minlength=len(label_names))
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
    shares = sums.reshape(len(buyers), width) / spend[:, None]
    return pd.DataFrame(shares, columns=[f"{kind}_share_{label}" for label in names_out])
