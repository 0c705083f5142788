"""Order lines → one row per customer written once, as SQL in DuckDB's dialect, for every engine that runs SQL.

The in-memory path (:func:`segmentti.data.orders.build_customers`) and this definition give the
same customers and values (a test holds them together). DuckDB runs the SQL as it is, streaming
files larger than memory; Spark runs the same text turned into its dialect by sqlglot
(:func:`to_dialect`). An engine only has to describe its ``lines`` table's columns, answer
queries and say where the typed lines are read from (:class:`LineEngine`). No pandas here: a
``features`` run on DuckDB never imports it.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from segmentti.data.order_mapping import (
    ATTRIBUTE_CONSTANCY,
    FEATURE_COLUMNS,
    MONEY_DECIMALS,
    TOP_CATEGORIES,
    TOP_CHANNELS,
    OrderMapping,
)
from segmentti.data.text_format import COMPACT_DATE
from segmentti.errors import SegmenttiError

if TYPE_CHECKING:
    import pandas as pd

LINES = "lines"
"""The name every engine gives the order-line table the SQL reads."""

KINDS = ("text", "integer", "float", "time", "bool", "other")
"""How the SQL sees a column: the kind decides how it is converted."""


class LineEngine(Protocol):
    """What the definition needs of an engine: the ``lines`` table's columns and small query results."""

    def column_kinds(self) -> dict[str, str]:
        """The columns of :data:`LINES` in their order, each with one of :data:`KINDS`."""

    def rows(self, sql: str) -> list[tuple]:
        """The rows of a query written in DuckDB's dialect (a few rows: counts, labels, examples)."""

    def typed_lines(self, select: str) -> str:
        """Where the plan's queries read the typed lines of ``select`` (a query on :data:`LINES`) from.

        ``(select)`` itself, so each query reads the lines again (streaming), or the name of a
        table the engine filled once with its rows (lines that fit in memory are read once).
        """


@dataclass(frozen=True)
class LineCounts:
    """What a run over the order lines used and left out, as :class:`segmentti.data.orders.CustomerFeatures` says.

    Attributes
    ----------
    as_of : datetime.datetime
        Midnight of the day recency and tenure are counted to; its own lines are included.
    mapping : OrderMapping
        The columns used.
    lines, lines_without_id, lines_without_date, lines_without_amount, lines_after_as_of : int
        Rows of the input and rows left out, by reason.
    purchase_lines, return_lines, zero_lines : int
        Rows used with a positive, a negative and a zero amount.
    customers : int
        Customers with at least one purchase (rows of the result).
    customers_without_purchase : int
        Customer ids with only returns or zero lines, left out.
    gross_spend, returns_value, total_spend : float
        Sums over the customers kept (filled in once the customers are written).
    attributes : tuple of str
        Columns of the lines kept as customer attributes.
    columns : tuple of str
        The result's columns in order.
    """

    as_of: datetime.datetime
    mapping: OrderMapping
    lines: int
    lines_without_id: int
    lines_without_date: int
    lines_without_amount: int
    lines_after_as_of: int
    purchase_lines: int
    return_lines: int
    zero_lines: int
    customers: int
    customers_without_purchase: int
    attributes: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    gross_spend: float = 0.0
    returns_value: float = 0.0
    total_spend: float = 0.0

    def with_totals(self, gross_spend: float, returns_value: float) -> LineCounts:
        """The same counts with the spend sums of the written customers (rounded as the in-memory path does)."""
        gross = round(gross_spend, MONEY_DECIMALS)
        returned = round(returns_value, MONEY_DECIMALS)
        return dataclasses.replace(
            self, gross_spend=gross, returns_value=returned, total_spend=round(gross - returned, MONEY_DECIMALS)
        )


@dataclass(frozen=True)
class CustomerQuery:
    """The one query that builds the customers, and what was counted on the way.

    Attributes
    ----------
    sql : str
        In DuckDB's dialect; one row per customer sorted by id, columns ``counts.columns``.
    counts : LineCounts
        Lines used and left out (``customers`` and the spend sums come from running ``sql``).
    dates_only : bool
        Every purchase line is at midnight: ``first_purchase`` and ``last_purchase`` are days, and a
        CSV shows them as ``2025-12-31``, as the in-memory path writes them.
    """

    sql: str
    counts: LineCounts
    dates_only: bool = False


def quote(name: str) -> str:
    """``name`` as a DuckDB identifier."""
    return '"' + str(name).replace('"', '""') + '"'


def literal(value: str) -> str:
    """``value`` as a DuckDB string literal."""
    return "'" + str(value).replace("'", "''") + "'"


def trimmed_text(expression: str) -> str:
    """The text of ``expression`` as the loader reads a file's text cell: no spaces around it, a blank cell NULL.

    Only a cell with a space at either end (or none at all) is trimmed: the others stay as they
    are, which spares copying each of them, about 0.02 s a million lines and column. Written
    with ``LIKE`` so that sqlglot carries it to Spark.
    """
    return (
        f"CASE WHEN {expression} LIKE ' %' OR {expression} LIKE '% ' OR {expression} = '' "
        f"THEN NULLIF(TRIM({expression}), '') ELSE {expression} END"
    )


def to_dialect(sql: str, dialect: str) -> str:
    """The DuckDB-dialect ``sql`` in another engine's dialect (``"spark"``), translated by sqlglot."""
    if dialect == "duckdb":
        return sql
    import sqlglot

    return sqlglot.transpile(sql, read="duckdb", write=dialect)[0]


def plan_customers(
    engine: LineEngine,
    mapping: OrderMapping,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    top_categories: int = TOP_CATEGORIES,
) -> CustomerQuery:
    """Check the lines, count them, and write the query that builds one row per customer.

    Runs a few small aggregate queries on ``engine`` (the counts, the labels of the share
    columns, the attribute columns); the customers themselves are built when the engine runs
    :attr:`CustomerQuery.sql`, so nothing per customer is held here.

    Parameters
    ----------
    engine : LineEngine
        Holds the order lines as :data:`LINES`.
    mapping : OrderMapping
        Customer id, date, amount (or quantity × price), optional category, channel, order id.
    as_of : str, date or Timestamp, optional
        As in :func:`segmentti.data.orders.build_customers`; default the day after the last line.
    top_categories : int, default TOP_CATEGORIES
        Categories with their own share column.

    Returns
    -------
    CustomerQuery
        Its ``sql`` gives the columns :func:`segmentti.data.orders.build_customers` gives, with
        the same values, one row per customer with a purchase, sorted by id.

    Raises
    ------
    SegmenttiError
        The same errors as :func:`segmentti.data.orders.build_customers`.
    """
    kinds = engine.column_kinds()
    missing = [name for name in mapping.columns() if name not in kinds]
    if missing:
        raise SegmenttiError("error.unknown_order_columns", columns=", ".join(missing), available=", ".join(kinds))
    if mapping.amount is None and not (mapping.quantity and mapping.price):
        raise SegmenttiError("error.no_amount_mapping")
    amount = (
        _number(engine, kinds, mapping.amount)
        if mapping.amount is not None
        else f"({_number(engine, kinds, mapping.quantity)}) * ({_number(engine, kinds, mapping.price)})"  # type: ignore[arg-type]
    )
    time = _time(engine, kinds, mapping.date)
    id_kind = kinds[mapping.customer]
    customer = quote(mapping.customer)
    line_id = trimmed_text(customer) if id_kind == "text" else customer
    if id_kind == "float":
        fractional = engine.rows(f"SELECT COUNT(*) FROM {LINES} WHERE {customer} <> FLOOR({customer})")[0][0]
        if not fractional:  # whole numbers stored as floats (gaps in the column): shown as integers
            line_id = f"CAST({customer} AS BIGINT)"
    order_key = "line_time"
    if mapping.order is not None:
        # distinct whole numbers are distinct as text too: counting the numbers spares a cast of every line
        integral = kinds[mapping.order] == "integer"
        order_key = quote(mapping.order) if integral else f"CAST({quote(mapping.order)} AS VARCHAR)"
    labels = {  # a blank label is a gap, as the loader reads a file's blank cell: "other"
        kind: f"COALESCE({trimmed_text(f'CAST({quote(column)} AS VARCHAR)')}, 'other')"
        for kind, column in (("category", mapping.category), ("channel", mapping.channel))
        if column is not None
    }
    result_names = {mapping.customer, *FEATURE_COLUMNS}
    candidates = [name for name, kind in kinds.items() if name not in mapping.columns() and kind != "other"]
    typed = ", ".join(
        [
            f"{line_id} AS line_id",
            f"{time} AS line_time",
            f"CASE WHEN isnan({amount}) THEN NULL ELSE {amount} END AS line_amount",
            f"{order_key} AS order_key" if mapping.order is not None else "NULL AS order_key",
            *(f"{expression} AS {kind}_label" for kind, expression in labels.items()),
            *(f"{quote(name)} AS a{index}" for index, name in enumerate(candidates)),
        ]
    )
    usable = "line_id IS NOT NULL AND line_time IS NOT NULL AND line_amount IS NOT NULL"
    day_after = None if as_of is None else as_of_midnight(as_of) + _ONE_DAY
    before = "TRUE" if day_after is None else f"line_time < TIMESTAMP {literal(day_after.isoformat(sep=' '))}"
    head = f"WITH typed AS (SELECT * FROM {engine.typed_lines(f'SELECT {typed} FROM {LINES}')})"
    stats = engine.rows(
        f"""{head}
        SELECT COUNT(*),
          SUM(CASE WHEN line_id IS NULL THEN 1 ELSE 0 END),
          SUM(CASE WHEN line_id IS NOT NULL AND line_time IS NULL THEN 1 ELSE 0 END),
          SUM(CASE WHEN line_id IS NOT NULL AND line_time IS NOT NULL AND line_amount IS NULL THEN 1 ELSE 0 END),
          MAX(CASE WHEN {usable} THEN line_time END),
          SUM(CASE WHEN {usable} AND NOT ({before}) THEN 1 ELSE 0 END),
          SUM(CASE WHEN {usable} AND {before} AND line_amount > 0 THEN 1 ELSE 0 END),
          SUM(CASE WHEN {usable} AND {before} AND line_amount < 0 THEN 1 ELSE 0 END),
          SUM(CASE WHEN {usable} AND {before} AND line_amount = 0 THEN 1 ELSE 0 END),
          COUNT(DISTINCT CASE WHEN {usable} AND {before} THEN line_id END),
          SUM(CASE WHEN {usable} AND {before} AND line_amount > 0
            AND line_time <> CAST(CAST(line_time AS DATE) AS TIMESTAMP) THEN 1 ELSE 0 END)
        FROM typed"""
    )[0]
    lines, no_id, no_date, no_amount, last, after, purchases, returns, zeros, ids, timed = (
        value if index == 4 else int(value or 0) for index, value in enumerate(stats)
    )
    if lines and no_id == lines:
        raise SegmenttiError("error.no_customer_ids", column=mapping.customer)
    if last is None or not purchases:
        raise SegmenttiError("error.no_purchases", column=mapping.amount or mapping.quantity)
    as_of_ts = as_of_midnight(last) + _ONE_DAY if as_of is None else as_of_midnight(as_of)
    kept = f"{head}, kept AS (SELECT * FROM typed WHERE {usable} AND {before})"
    share_columns: list[str] = []
    share_names: list[str] = []
    share_sums: list[str] = []
    for kind, top in (("category", top_categories), ("channel", TOP_CHANNELS)):
        if kind not in labels:
            continue
        ranked = engine.rows(
            f"""{kept} SELECT {kind}_label, ROUND(SUM(line_amount), {MONEY_DECIMALS}) AS spend FROM kept WHERE line_amount > 0
            GROUP BY {kind}_label ORDER BY spend DESC, {kind}_label"""
        )
        names = [str(label) for label, _ in ranked[:top]]
        for position, name in enumerate(names):
            if name == "other":
                continue  # the "other" column, if any, also takes the labels past the top
            share_sums.append(
                f"ROUND(SUM(CASE WHEN line_amount > 0 AND {kind}_label = {literal(name)} THEN line_amount ELSE 0 END), "
                f"{MONEY_DECIMALS}) AS {kind}{position}"
            )
        has_other = len(ranked) > top or "other" in names
        if has_other:
            named = ", ".join(literal(name) for name in names if name != "other")
            outside = f" AND {kind}_label NOT IN ({named})" if named else ""  # "other" alone: every label
            share_sums.append(
                f"ROUND(SUM(CASE WHEN line_amount > 0{outside} THEN line_amount ELSE 0 END), {MONEY_DECIMALS}) "
                f"AS {kind}_other"
            )
        names_out = [*names, "other"] if len(ranked) > top and "other" not in names else names
        for position, name in enumerate(names_out):
            source = f"{kind}_other" if name == "other" else f"{kind}{position}"
            share_columns.append(
                f"LEAST(GREATEST({source} / gross_spend, 0.0), 1.0) AS {quote(f'{kind}_share_{name}')}"
            )
            share_names.append(f"{kind}_share_{name}")
    result_names.update(share_names)
    attributes = _attributes(engine, kept, [name for name in candidates if name not in result_names], candidates)
    day = f"DATE {literal(as_of_ts.date().isoformat())}"
    modes = "".join(
        f""", m{index} AS (SELECT line_id, a{index} FROM (SELECT line_id, a{index}, ROW_NUMBER() OVER
        (PARTITION BY line_id ORDER BY COUNT(*) DESC, a{index}) AS place FROM kept WHERE a{index} IS NOT NULL
        GROUP BY line_id, a{index}) AS ranked WHERE place = 1)"""
        for index, _ in attributes
    )
    joins = "".join(f" LEFT JOIN m{index} ON m{index}.line_id = agg.line_id" for index, _ in attributes)
    money = MONEY_DECIMALS
    # distinct (customer, order) pairs counted apart: a DISTINCT among the other sums slows the whole grouping;
    # a purchase without an order id is an order of its own (NULL is one value of the pairs)
    order_of_line = "line_time" if mapping.order is None else "order_key"
    sql = f"""{kept}, agg AS (
      SELECT line_id,
        MIN(CASE WHEN line_amount > 0 THEN line_time END) AS first_purchase,
        MAX(CASE WHEN line_amount > 0 THEN line_time END) AS last_purchase,
        SUM(CASE WHEN line_amount > 0 THEN 1 ELSE 0 END) AS purchase_lines,
        ROUND(SUM(CASE WHEN line_amount > 0 THEN line_amount ELSE 0 END), {money}) AS gross_spend,
        SUM(CASE WHEN line_amount < 0 THEN 1 ELSE 0 END) AS returns,
        ROUND(ABS(SUM(CASE WHEN line_amount < 0 THEN line_amount ELSE 0 END)), {money}) AS returns_value
        {"".join(", " + item for item in share_sums)}
      FROM kept GROUP BY line_id HAVING SUM(CASE WHEN line_amount > 0 THEN 1 ELSE 0 END) > 0),
    order_counts AS (
      SELECT line_id, COUNT(*) AS orders FROM (SELECT DISTINCT line_id, {order_of_line} AS order_key FROM kept
        WHERE line_amount > 0) AS purchases GROUP BY line_id){modes}
    SELECT agg.line_id AS {quote(mapping.customer)},
      first_purchase, last_purchase,
      CAST(date_diff('day', CAST(last_purchase AS DATE), {day}) AS BIGINT) AS recency_days,
      CAST(orders AS BIGINT) AS orders,
      CAST(purchase_lines AS BIGINT) AS lines,
      ROUND(gross_spend - returns_value, {money}) AS total_spend,
      gross_spend,
      gross_spend / orders AS avg_order_value,
      CASE WHEN orders > 1 THEN CAST(date_diff('day', CAST(first_purchase AS DATE), CAST(last_purchase AS DATE))
        AS DOUBLE) / (orders - 1) END AS mean_days_between_orders,
      CAST(date_diff('day', CAST(first_purchase AS DATE), {day}) AS BIGINT) AS tenure_days,
      CAST(returns AS BIGINT) AS returns,
      returns_value
      {"".join(", " + item for item in share_columns)}
      {"".join(f", m{index}.a{index} AS {quote(name)}" for index, name in attributes)}
    FROM agg JOIN order_counts ON order_counts.line_id = agg.line_id{joins}
    ORDER BY agg.line_id"""
    columns = (
        mapping.customer,
        *FEATURE_COLUMNS,
        *share_names,
        *(name for _, name in attributes),
    )
    counts = LineCounts(
        as_of=as_of_ts,
        mapping=mapping,
        lines=lines,
        lines_without_id=no_id,
        lines_without_date=no_date,
        lines_without_amount=no_amount,
        lines_after_as_of=after,
        purchase_lines=purchases,
        return_lines=returns,
        zero_lines=zeros,
        customers=0,
        customers_without_purchase=0,
        attributes=tuple(name for _, name in attributes),
        columns=columns,
    )
    return CustomerQuery(sql=sql, counts=dataclasses.replace(counts, customers=ids), dates_only=not timed)


_ONE_DAY = datetime.timedelta(days=1)


def as_of_midnight(as_of: str | datetime.date) -> datetime.datetime:
    """Midnight at the start of the as-of day, without a time zone: what :func:`segmentti.data.orders.as_of_day` gives.

    A date, a datetime (also a pandas Timestamp; its time of day and zone dropped) or an ISO text
    is read here without pandas; any other text is left to ``as_of_day``, the one reading of it.
    """
    if isinstance(as_of, datetime.datetime):
        return datetime.datetime.combine(as_of.date(), datetime.time())
    if isinstance(as_of, datetime.date):
        return datetime.datetime.combine(as_of, datetime.time())
    try:
        return datetime.datetime.combine(datetime.datetime.fromisoformat(str(as_of).strip()).date(), datetime.time())
    except ValueError:
        from segmentti.data.orders import as_of_day

        return as_of_day(as_of).to_pydatetime()


def finish_counts(counts: LineCounts, customers: int, gross_spend: float, returns_value: float) -> LineCounts:
    """The counts once the customers are built: how many, how many ids had no purchase, the spend sums.

    ``counts.customers`` holds every id with a used line until then (see :func:`plan_customers`).
    """
    finished = dataclasses.replace(counts, customers=customers, customers_without_purchase=counts.customers - customers)
    return finished.with_totals(gross_spend, returns_value)


def totals_sql(source: str) -> str:
    """The query of the customer count and spend sums of built customers in ``source`` (a table or view)."""
    return f"SELECT COUNT(*), SUM(gross_spend), SUM(returns_value) FROM {source}"


def _examples(engine: LineEngine, column: str, convertible: str) -> str:
    rows = engine.rows(
        f"SELECT DISTINCT {quote(column)} FROM {LINES} WHERE {quote(column)} IS NOT NULL "
        f"AND {convertible} IS NULL ORDER BY 1 LIMIT 3"
    )
    return ", ".join(repr(str(value)) for (value,) in rows)


def _number(engine: LineEngine, kinds: Mapping[str, str], column: str) -> str:
    """The column as DOUBLE; text is accepted when every filled cell reads as a number."""
    kind = kinds[column]
    if kind in ("integer", "float"):
        return f"CAST({quote(column)} AS DOUBLE)"
    if kind == "text":
        converted = f"TRY_CAST(TRIM({quote(column)}) AS DOUBLE)"
        bad = _examples(engine, column, converted)
        if not bad:
            return converted
        raise SegmenttiError("error.amount_not_numeric", column=column, examples=bad)
    raise SegmenttiError("error.amount_not_numeric", column=column, examples=_examples(engine, column, "NULL"))


def _time(engine: LineEngine, kinds: Mapping[str, str], column: str) -> str:
    """The column as TIMESTAMP; ISO text, and whole numbers ``yyyymmdd``, when every filled cell reads as a time."""
    kind = kinds[column]
    if kind == "time":
        return f"CAST({quote(column)} AS TIMESTAMP)"
    if kind == "integer":  # 19970101: a date, as the loader reads such a column (COMPACT_DATE)
        digits = f"CAST({quote(column)} AS VARCHAR)"
        iso = f"substr({digits}, 1, 4) || '-' || substr({digits}, 5, 2) || '-' || substr({digits}, 7, 2)"
        converted = (  # written so that sqlglot carries it to Spark: no strptime, whose errors TRY_CAST misses
            f"CASE WHEN regexp_matches({digits}, {literal('^(' + COMPACT_DATE + ')$')}) "
            f"THEN TRY_CAST({iso} AS TIMESTAMP) END"
        )
        bad = _examples(engine, column, converted)
        if not bad:
            return converted
        raise SegmenttiError("error.date_not_dates", column=column, examples=bad)
    if kind == "text":
        converted = f"TRY_CAST(TRIM({quote(column)}) AS TIMESTAMP)"
        bad = _examples(engine, column, converted)
        if not bad:
            return converted
        raise SegmenttiError("error.date_not_dates", column=column, examples=bad)
    raise SegmenttiError("error.date_not_dates", column=column, examples=_examples(engine, column, "NULL"))


def _attributes(
    engine: LineEngine, kept: str, eligible: Sequence[str], candidates: Sequence[str]
) -> list[tuple[int, str]]:
    """The columns that hold one value per customer (see :data:`segmentti.data.orders.ATTRIBUTE_CONSTANCY`).

    Returns their positions among ``candidates`` (``a<position>`` in the query) and names.
    """
    if not eligible:
        return []
    positions = [candidates.index(name) for name in eligible]
    distinct = ", ".join(f"COUNT(DISTINCT a{position}) AS d{position}" for position in positions)
    single = ", ".join(f"SUM(CASE WHEN d{position} <= 1 THEN 1 ELSE 0 END)" for position in positions)
    row = engine.rows(
        f"""{kept}, per AS (SELECT line_id, COUNT(*) AS n, {distinct} FROM kept GROUP BY line_id)
        SELECT COUNT(*), {single} FROM per WHERE n >= 2"""
    )[0]
    repeaters = int(row[0] or 0)
    if not repeaters:
        return []
    return [
        (position, name)
        for position, name, count in zip(positions, eligible, row[1:], strict=True)
        if int(count or 0) / repeaters >= ATTRIBUTE_CONSTANCY
    ]
