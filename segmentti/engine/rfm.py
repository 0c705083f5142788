"""RFM: recency, frequency and monetary quintile scores per customer and the standard named RFM segments."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

import numpy as np
import pandas as pd

from segmentti.data.orders import as_of_day
from segmentti.errors import SegmenttiError

RECENCY, FREQUENCY, MONETARY = "recency_days", "orders", "total_spend"
"""Default column names of per-customer recency (days), frequency (orders) and monetary value (net spend)."""

SCORES = 5
"""Scores run 1…5; the default bins are quintiles."""


@dataclass(frozen=True)
class SegmentRule:
    """One named RFM segment: the inclusive score ranges of R, F and M it covers."""

    key: str
    recency: tuple[int, int]
    frequency: tuple[int, int]
    monetary: tuple[int, int]

    def covers(self, r: np.ndarray, f: np.ndarray, m: np.ndarray) -> np.ndarray:
        """Whether each score triple falls inside all three ranges."""
        return (
            (r >= self.recency[0])
            & (r <= self.recency[1])
            & (f >= self.frequency[0])
            & (f <= self.frequency[1])
            & (m >= self.monetary[0])
            & (m <= self.monetary[1])
        )


SEGMENT_RULES: tuple[SegmentRule, ...] = (
    SegmentRule("champions", (4, 5), (4, 5), (4, 5)),
    SegmentRule("loyal_customers", (2, 5), (3, 5), (3, 5)),
    SegmentRule("potential_loyalist", (3, 5), (1, 3), (1, 3)),
    SegmentRule("new_customers", (4, 5), (1, 1), (1, 1)),
    SegmentRule("promising", (3, 4), (1, 1), (1, 1)),
    SegmentRule("need_attention", (2, 3), (2, 3), (2, 3)),
    SegmentRule("about_to_sleep", (2, 3), (1, 2), (1, 2)),
    SegmentRule("at_risk", (1, 2), (2, 5), (2, 5)),
    SegmentRule("cant_lose", (1, 1), (4, 5), (4, 5)),
    SegmentRule("lost", (1, 2), (1, 2), (1, 2)),
)
"""The named segments of the R package ``rfm`` (Hebbali), in its order (also the display order).
Where ranges overlap, a later rule overwrites an earlier one, as that package does; a score
triple no rule covers is :data:`OTHERS`."""

_APPLY_ORDER: tuple[SegmentRule, ...] = (*SEGMENT_RULES[1:], SEGMENT_RULES[0])
"""The order the rules are applied in: the table's, except Champions last. Its ranges lie wholly
inside Loyal Customers', so applied first it could never name anyone, and the customers who are
best on all three scores would be called merely loyal."""

OTHERS = "others"
"""The segment of score triples that no rule of :data:`SEGMENT_RULES` covers."""

SEGMENTS: tuple[str, ...] = (*(rule.key for rule in SEGMENT_RULES), OTHERS)
"""Every RFM segment key in display order; their names are the texts ``rfm.<key>``."""


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
        The four inner bin edges used for ``recency``, ``frequency`` and ``monetary``: the
        value-scale bin ``b`` (1…5) holds the values above edge ``b - 1`` up to and including
        edge ``b``. Recency's score is ``6 - b`` (fewer days is better), the others' ``b``.
    """

    table: pd.DataFrame
    edges: dict[str, tuple[float, ...]]


def summarize_orders(
    orders: pd.DataFrame,
    customer_column: str = "customer_id",
    date_column: str = "order_date",
    amount_column: str = "amount_eur",
    order_column: str | None = "order_id",
    as_of: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Recency, frequency and monetary value per customer from order lines.

    Lines with a positive amount are purchases, lines with a negative amount returns, and
    lines of amount zero neither. The spend is net: purchases minus returns. Only the lines
    up to and including the ``as_of`` day are used, so recency is never negative. A customer
    without any purchase in that window is left out.

    Parameters
    ----------
    orders : pandas.DataFrame
        One row per order line with the columns named below.
    customer_column, date_column, amount_column : str
        Customer id, order date (dates or text such as ``2025-12-31`` / ``31.12.2025``; a UTC
        offset is ignored so each line keeps the calendar day written in the file) and amount.
    order_column : str or None, default "order_id"
        Order id, so several lines of one order count once; ``None`` counts purchase lines.
    as_of : str or pandas.Timestamp, optional
        The day recency is measured from (its time of day is ignored); lines of that day
        count, later lines do not. Default: the day after the last purchase.

    Returns
    -------
    pandas.DataFrame
        Index ``customer_column`` (sorted); columns ``recency_days`` (int, whole days from the
        last purchase day to ``as_of``), ``orders`` (int, at least 1), ``total_spend`` (float,
        net), ``gross_spend`` and ``returns_value`` (float, gross purchases and the
        absolute value of returns), ``first_purchase``, ``last_purchase``.

    Raises
    ------
    SegmenttiError
        For missing columns, unreadable dates or as-of day, or no purchase at all.
    """
    needed = [customer_column, date_column, amount_column] + ([order_column] if order_column else [])
    missing = [name for name in needed if name not in orders.columns]
    if missing:
        raise SegmenttiError("error.rfm_missing_columns", columns=", ".join(needed), missing=", ".join(missing))
    dates = _as_dates(orders[date_column], date_column)
    amounts = pd.to_numeric(orders[amount_column], errors="coerce").fillna(0.0).to_numpy()
    lines = pd.DataFrame({"customer": orders[customer_column].to_numpy(), "date": dates.to_numpy(), "amount": amounts})
    lines["order"] = orders[order_column].to_numpy() if order_column else np.arange(len(orders))
    lines = lines.dropna(subset=["customer", "date"])
    lines["day"] = lines["date"].dt.normalize()
    if as_of is None:
        bought = lines.loc[lines["amount"] > 0, "day"]
        if bought.empty:
            raise SegmenttiError("error.rfm_no_purchases")
        day = bought.max() + pd.Timedelta(days=1)
    else:
        day = as_of_day(as_of)
    lines = lines[lines["day"] <= day]
    purchases = lines[lines["amount"] > 0]
    if purchases.empty:
        raise SegmenttiError("error.rfm_no_purchases")
    grouped = purchases.groupby("customer", sort=True)
    summary = pd.DataFrame(
        {
            "first_purchase": grouped["date"].min(),
            "last_purchase": grouped["date"].max(),
            "orders": grouped["order"].nunique().astype(int),
            "gross_spend": grouped["amount"].sum().astype(float),
        }
    )
    returned = lines[lines["amount"] < 0].groupby("customer")["amount"].sum()
    summary["returns_value"] = -returned.reindex(summary.index, fill_value=0.0).astype(float)
    summary["total_spend"] = summary["gross_spend"] - summary["returns_value"]
    summary["recency_days"] = (day - grouped["day"].max()).dt.days.astype(int)
    summary.index.name = customer_column
    return summary[
        ["recency_days", "orders", "total_spend", "gross_spend", "returns_value", "first_purchase", "last_purchase"]
    ]


def score_rfm(
    customers: pd.DataFrame,
    recency_column: str = RECENCY,
    frequency_column: str = FREQUENCY,
    monetary_column: str = MONETARY,
    edges: Mapping[str, Sequence[float | str]] | None = None,
) -> RfmScores:
    """Score recency, frequency and monetary value 1–5 and name each customer's RFM segment.

    Each value is put in one of five bins on its own scale; a value equal to an edge stays in
    the lower bin. Without ``edges`` the bins are quintiles with ties kept together
    (:func:`quintile_edges`), so equal values always get equal scores and the result does not
    depend on the order of the rows. With ``edges`` (``{"recency"|"frequency"|"monetary":
    four non-decreasing inner edges}``) the user's bins are used; equal edges leave a score
    empty. Recency is reversed: fewer days is a higher score. The segment comes from the R,
    F and M scores (:data:`SEGMENT_RULES`).

    Parameters
    ----------
    customers : pandas.DataFrame
        One row per customer with the three columns named; a missing value is scored as
        the column's median.
    recency_column, frequency_column, monetary_column : str
        Days since the last purchase, number of orders and (net) spend.
    edges : mapping, optional
        Custom inner edges per measure; a measure left out uses its quintile edges.

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
    if len(customers) < SCORES:
        raise SegmenttiError("error.rfm_too_few", rows=len(customers))
    table = pd.DataFrame(
        {key: pd.to_numeric(customers[name], errors="coerce") for key, name in columns.items()}, index=customers.index
    )
    table = table.fillna(table.median())
    used: dict[str, tuple[float, ...]] = {}
    for key, letter in (("recency", "r"), ("frequency", "f"), ("monetary", "m")):
        values = table[key].to_numpy(dtype=float)
        chosen = (edges or {}).get(key)
        inner = quintile_edges(values) if chosen is None else _check_edges(chosen, columns[key])
        bins = np.searchsorted(np.asarray(inner), values, side="left") + 1
        table[letter] = (SCORES + 1 - bins if key == "recency" else bins).astype(int)
        used[key] = inner
    table["segment"] = name_segments(table["r"].to_numpy(), table["f"].to_numpy(), table["m"].to_numpy())
    return RfmScores(table, used)


def quintile_edges(values: np.ndarray) -> tuple[float, ...]:
    """The four inner edges of quintile bins that keep equal values together.

    Edge ``s`` (1…4) is the smallest value at or below which at least ``s`` fifths of the
    values lie (the inverted empirical distribution function), rounded to the shortest
    decimal that puts every value in the same bin (a number below the next larger value).
    With bins closed at the top, each value's bin is the quintile its rank reaches first:
    the smallest value always scores 1, the top fifth 5, and a value shared by more than a
    fifth of the customers (one order, say) fills its bin and leaves the next ones empty.

    Parameters
    ----------
    values : numpy.ndarray
        The finite values of one measure, one per customer, in any order.

    Returns
    -------
    tuple of float
        Four non-decreasing edges.
    """
    ordered = np.sort(np.asarray(values, dtype=float))
    distinct = np.unique(ordered)
    edges = []
    for step in range(1, SCORES):
        edge = ordered[int(np.ceil(step * len(ordered) / SCORES)) - 1]
        above = distinct[distinct > edge]
        edges.append(_short_decimal(edge, above[0] if len(above) else None))
    return tuple(edges)


def name_segments(r: np.ndarray, f: np.ndarray, m: np.ndarray) -> np.ndarray:
    """The RFM segment key of each R, F, M score triple (arrays of equal length, scores 1–5).

    The rules of :data:`SEGMENT_RULES` are applied in order (Champions last, see
    :data:`_APPLY_ORDER`), a later rule overwriting an earlier one; triples no rule covers are
    :data:`OTHERS`.
    """
    r, f, m = (np.asarray(scores) for scores in (r, f, m))
    names = np.full(r.shape, OTHERS, dtype=object)
    for rule in _APPLY_ORDER:
        names[rule.covers(r, f, m)] = rule.key
    return names


def segment_of_scores(r: int, f: int, m: int) -> str:
    """The RFM segment key of one R, F, M score triple such as ``(5, 4, 4)``."""
    if not all(1 <= score <= SCORES for score in (r, f, m)):
        raise ValueError(f"not an RFM score triple: {(r, f, m)!r}")
    return str(name_segments(np.array([r]), np.array([f]), np.array([m]))[0])


def edges_text(edges: Sequence[float], lang: str) -> str:
    """Edges as the text a user edits: ``1, 2.5, 4, 8`` in English, ``1; 2,5; 4; 8`` in Finnish.

    The numbers are written in full (the shortest text that reads back as the same number),
    so :func:`parse_edges` of the text scores exactly as ``edges`` do.
    """
    texts = [np.format_float_positional(float(edge), trim="-") for edge in edges]
    if lang == "fi":
        return "; ".join(text.replace(".", ",") for text in texts)
    return ", ".join(texts)


def parse_edges(text: str) -> list[str]:
    """The edge numbers of a user's text, as strings ready for :func:`score_rfm`.

    Edges are separated by semicolons (then a comma is a decimal comma) or, without any
    semicolon, by commas; spaces inside a number (thousands separators) are ignored.
    """
    parts = [part.replace(",", ".") for part in text.split(";")] if ";" in text else text.split(",")
    return [re.sub(r"\s", "", part) for part in parts if part.strip()]


def rf_grid(scores: RfmScores) -> pd.DataFrame:
    """Customers per R × F cell: a 5 × 5 frame, index R score 5…1 (rows), columns F score 1…5."""
    grid = pd.crosstab(scores.table["r"], scores.table["f"])
    return grid.reindex(index=range(SCORES, 0, -1), columns=range(1, SCORES + 1)).fillna(0).astype(int)


def rf_grid_segments(scores: RfmScores) -> pd.DataFrame:
    """The most common RFM segment key of each R × F cell, shaped like :func:`rf_grid`.

    The segments also depend on M, so a cell may hold several; its most common one names it
    (the earlier in :data:`SEGMENTS` on a tie). An empty cell is ``""``.
    """
    table = scores.table
    counts = table.groupby(["r", "f", "segment"]).size().rename("count").reset_index()
    counts["rank"] = counts["segment"].map({key: index for index, key in enumerate(SEGMENTS)})
    top = counts.sort_values(["r", "f", "count", "rank"], ascending=[True, True, False, True])
    top = top.drop_duplicates(["r", "f"]).set_index(["r", "f"])["segment"]
    cells = [[str(top.get((r, f), "")) for f in range(1, SCORES + 1)] for r in range(SCORES, 0, -1)]
    return pd.DataFrame(cells, index=range(SCORES, 0, -1), columns=range(1, SCORES + 1))


def rfm_crosstab(scores: RfmScores, labels: np.ndarray, segment_names: Sequence[str]) -> pd.DataFrame:
    """Customers per RFM segment (rows, in :data:`SEGMENTS` order) × cluster (columns named by ``segment_names``).

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


def _check_edges(edges: Sequence[float | str], column: str) -> tuple[float, ...]:
    try:
        inner = tuple(float(edge) for edge in edges)
    except (TypeError, ValueError):
        raise SegmenttiError("error.rfm_bad_edges", column=column, edges=", ".join(map(str, edges))) from None
    if len(inner) != SCORES - 1 or any(b < a for a, b in itertools.pairwise(inner)) or not np.all(np.isfinite(inner)):
        raise SegmenttiError("error.rfm_bad_edges", column=column, edges=", ".join(map(str, edges)))
    return inner


def _short_decimal(low: float, high: float | None) -> float:
    """The number with the fewest significant digits in ``[low, high)`` (``low`` itself without ``high``)."""
    if high is None or not np.isfinite(low):
        return float(low)
    exact = Decimal(repr(float(low)))
    for digits in range(1, 18):
        rounded = exact.quantize(Decimal(1).scaleb(exact.adjusted() - digits + 1), rounding=ROUND_CEILING)
        if low <= float(rounded) < high:
            return float(rounded)
    return float(low)


_UTC_OFFSET = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")


def _as_dates(column: pd.Series, name: str) -> pd.Series:
    """Dates as naive local wall-clock times: the day written in the file is the day the customer bought."""
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        return column.dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(column):
        return column
    text = column.astype("str").str.strip().str.replace(_UTC_OFFSET, "", regex=True)
    # a dotted date (31.12.2025) is always day first, whatever the other rows look like
    dotted = text.str.match(r"^\d{1,2}\.\d{1,2}\.\d{4}").to_numpy(dtype=bool)
    parsed = pd.Series(pd.NaT, index=column.index, dtype="datetime64[us]")
    for mask, dayfirst in ((dotted, True), (~dotted, False)):
        if mask.any():
            parsed[mask] = pd.to_datetime(text[mask], errors="coerce", dayfirst=dayfirst, format="mixed")
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
