"""Order lines from CSV or Parquet files → one row per customer through DuckDB, also files larger than memory.

DuckDB (embedded, no server) reads the files in parallel and spills to a temporary folder
when a grouping outgrows its memory limit, so 100 million lines run in a few GB; lines that fit
in memory are read once into a table and every query runs on it. The features are the one
definition of :mod:`segmentti.data.customer_sql`. No pandas here: a ``features`` run on DuckDB
starts without it.
"""

from __future__ import annotations

import atexit
import datetime
import gzip
import os
import re
import shutil
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from segmentti.data.customer_sql import (
    LINES,
    LineCounts,
    finish_counts,
    literal,
    plan_customers,
    quote,
    totals_sql,
    trimmed_text,
)
from segmentti.data.order_mapping import TOP_CATEGORIES, OrderMapping
from segmentti.data.text_format import FORMULA_STARTS, CsvFormat, LoadOptions, csv_format, inert_text
from segmentti.errors import SegmenttiError

if TYPE_CHECKING:  # DuckDB is imported when a connection is made: choosing an engine does not load it
    import duckdb
    import pandas as pd

SNIFF_BYTES = 256 * 1024
"""The head of a CSV file the format is detected on."""

MEMORY_LIMIT = "3GB"
"""DuckDB's own memory limit on this path: it spills past it, so the whole process stays under 4 GB."""

PARQUET_SUFFIXES = (".parquet", ".pq")
CSV_SUFFIXES = (".csv", ".txt", ".tsv", ".csv.gz", ".txt.gz", ".tsv.gz")
STREAMED_SUFFIXES = PARQUET_SUFFIXES + CSV_SUFFIXES
"""Files DuckDB reads itself; other formats (Excel) go through the in-memory loader."""

_DUCKDB_KINDS = {
    "VARCHAR": "text",
    "BOOLEAN": "bool",
    "DATE": "time",
    "DOUBLE": "float",
    "FLOAT": "float",
    "REAL": "float",
}


def kind_of_type(type_name: str) -> str:
    """DuckDB's type name → one of :data:`segmentti.data.customer_sql.KINDS`."""
    name = type_name.upper()
    if name in _DUCKDB_KINDS:
        return _DUCKDB_KINDS[name]
    if name.startswith("TIMESTAMP"):
        return "time"
    if name.startswith("DECIMAL"):
        return "float"
    if name.endswith("INT") or name in ("HUGEINT", "UHUGEINT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT"):
        return "integer"
    return "other"


class DuckDBLines:
    """The :class:`segmentti.data.customer_sql.LineEngine` of DuckDB: order lines as the view ``lines``.

    Parameters
    ----------
    connection : duckdb.DuckDBPyConnection
        From :func:`connect`.
    source : str
        A DuckDB table expression the lines are read from (see :func:`source_of`), or the
        name of a registered table.
    in_memory : bool, default False
        Keep the typed lines in a table, read from ``source`` once (lines that fit in memory);
        else every query reads ``source`` again, streaming.
    typed_as_loader, text_cells
        Number columns typed as the in-memory loader types them (see :func:`_loader_number_types`).
    trimmed : collection of str
        Text columns whose cells are read as the loader reads a file's text cells: spaces around
        them dropped, a blank cell empty (``" Espoo "`` is ``Espoo``, ``"  "`` a gap).
    """

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        source: str,
        in_memory: bool = False,
        typed_as_loader: Collection[str] = (),
        text_cells: bool = True,
        trimmed: Collection[str] = (),
    ) -> None:
        self.connection = connection
        self.in_memory = in_memory
        connection.execute(f"CREATE OR REPLACE TEMP VIEW {LINES} AS SELECT * FROM {source}")
        kinds = self.column_kinds()
        retyped = {
            name: f"CAST({quote(name)} AS {kind})"
            for name, kind in _loader_number_types(connection, kinds, typed_as_loader, text_cells).items()
        }
        retyped |= {name: trimmed_text(quote(name)) for name in trimmed if kinds.get(name) == "text"}
        if retyped:
            replaced = ", ".join(f"{value} AS {quote(name)}" for name, value in retyped.items())
            connection.execute(f"CREATE OR REPLACE TEMP VIEW {LINES} AS SELECT * REPLACE ({replaced}) FROM {source}")

    def column_kinds(self) -> dict[str, str]:
        described = self.connection.execute(f"DESCRIBE {LINES}").fetchall()
        return {str(row[0]): kind_of_type(str(row[1])) for row in described}

    def rows(self, sql: str) -> list[tuple]:
        return self.connection.execute(sql).fetchall()

    def typed_lines(self, select: str) -> str:
        if not self.in_memory:
            return f"({select})"
        self.connection.execute(f"CREATE OR REPLACE TEMP TABLE {TYPED_LINES} AS {select}")
        return TYPED_LINES


TYPED_LINES = "typed_lines"
"""The table the typed order lines are kept in when they fit in memory."""


def _loader_number_types(
    connection: duckdb.DuckDBPyConnection, kinds: dict[str, str], columns: Collection[str], text_cells: bool
) -> dict[str, str]:
    """The number columns among ``columns`` whose type the in-memory loader sets otherwise, and that type.

    The loader reads a text file's (``text_cells``) whole numbers without gaps as integers and
    every other number column as floats (:func:`segmentti.data.cells.convert_column`), so a
    category ``10`` with a gap is ``10.0`` and a column of ``3.0`` is ``3``; DuckDB types by the
    cells' look. A Parquet file's integers with gaps are floats in pandas too. Asked only when
    such columns are shown (labels, attributes): one query over the lines.
    """
    numbers = [name for name in columns if kinds.get(name) == "integer" or (text_cells and kinds.get(name) == "float")]
    if not numbers:
        return {}
    checks = []
    for name in numbers:
        column = quote(name)
        if kinds[name] == "integer":
            checks.append(f"COUNT({column}) < COUNT(*)")
        else:
            checks.append(
                f"COUNT({column}) = COUNT(*) AND COALESCE(BOOL_AND({column} = FLOOR({column})), TRUE)"
                f" AND COALESCE(MAX(ABS({column})), 0) < {2**53}"
            )
    row = connection.execute(f"SELECT {', '.join(checks)} FROM {LINES}").fetchall()[0]
    return {
        name: "DOUBLE" if kinds[name] == "integer" else "BIGINT"
        for name, differs in zip(numbers, row, strict=True)
        if differs
    }


def duckdb_engine(relations: bool = True):
    """DuckDB: the ``duckdb`` package, or with ``relations=False`` its compiled engine ``_duckdb`` alone.

    The package re-exports the engine's ``connect`` and exceptions as they are (a test checks it)
    and adds, in Python, the relational API to every connection: ``connection.sql(...)`` and
    its Arrow results, which the segmenting and scoring paths use. A run that only sends SQL and
    fetches rows (``features``) does without it and starts 70 ms sooner; once anything has
    imported the package, every connection has the API.
    """
    if not relations:
        try:
            import _duckdb

            return _duckdb
        except ImportError:  # pragma: no cover - the pinned version has it
            pass
    import duckdb

    return duckdb


def connect(
    memory_limit: str = MEMORY_LIMIT, threads: int | None = None, *, relations: bool = True
) -> duckdb.DuckDBPyConnection:
    """An in-process DuckDB with a memory limit, spilling to a private temporary folder (removed at exit).

    ``relations=False``: SQL and fetched rows only, without the relational API (see :func:`duckdb_engine`).
    """
    connection = duckdb_engine(relations).connect(config={"memory_limit": memory_limit})
    spill = tempfile.mkdtemp(prefix="segmentti-duckdb-")
    atexit.register(shutil.rmtree, spill, True)  # spilled rows are the user's data: gone when the process ends
    connection.execute(f"SET temp_directory = {literal(spill)}")
    if threads:
        connection.execute(f"SET threads = {int(threads)}")
    return connection


def is_streamable(path: str | os.PathLike) -> bool:
    """Whether DuckDB reads ``path`` itself (CSV, text or Parquet, also a folder or glob of Parquet files)."""
    text = str(path).lower()
    return text.endswith(STREAMED_SUFFIXES) or Path(path).is_dir()


def source_of(
    path: str | os.PathLike,
    separator: str | None = None,
    decimal: str | None = None,
    connection: duckdb.DuckDBPyConnection | None = None,
) -> str:
    """The DuckDB table expression that reads the file (or Parquet folder) at ``path``.

    Parameters
    ----------
    path : str or path-like
        A Parquet file, a folder of Parquet files (a dataset), a glob, or a CSV/text file.
    separator, decimal : str, optional
        The CSV's separator and decimal mark when the detection should not decide.
    connection : duckdb.DuckDBPyConnection, optional
        Given: the column types DuckDB detects in a CSV are detected once, here, and written into
        the expression, so the queries that read it do not detect them again.

    Raises
    ------
    SegmenttiError
        When the file does not exist.
    """
    text = str(path)
    if not any(mark in text for mark in "*?[") and not Path(text).exists():
        raise SegmenttiError("error.file_not_found", path=text)
    if Path(text).is_dir():
        return f"read_parquet({literal(str(Path(text) / '**' / '*.parquet'))}, hive_partitioning = false)"
    if text.lower().endswith(PARQUET_SUFFIXES):
        return f"read_parquet({literal(text)})"
    detected = detect_csv(text, LoadOptions(separator=separator, decimal=decimal))
    if detected is None:  # whitespace-separated, or a header beyond the head: DuckDB's own detection reads it
        options = ["header = true", *([f"delim = {literal(separator)}"] if separator else [])]
        return f"read_csv({literal(text)}, {', '.join(options)})"
    options = csv_options(detected)
    if connection is not None:
        options = _pinned_types(connection, text, options)
    return f"read_csv({literal(text)}, {', '.join(options)})"


def _pinned_types(connection: duckdb.DuckDBPyConnection, path: str, options: list[str]) -> list[str]:
    """``options`` with the column types (and date formats) DuckDB's detection gives them, detection then off.

    Separator, quoting (the standard ``"``), header and names stay as :func:`csv_options` says.
    """
    arguments = ", ".join([literal(path), *options])
    columns, date_format, time_format = connection.execute(
        f"SELECT Columns, DateFormat, TimestampFormat FROM sniff_csv({arguments})"
    ).fetchone()
    types = ", ".join(f"{literal(column['name'])}: {literal(column['type'])}" for column in columns)
    pinned = [option for option in options if not option.startswith("names =")]
    pinned += [f"columns = {{{types}}}", "auto_detect = false"]
    pinned += [
        f"{name} = {literal(value)}"
        for name, value in (("dateformat", date_format), ("timestampformat", time_format))
        if value
    ]
    return pinned


def csv_options(detected: CsvFormat) -> list[str]:
    """DuckDB's ``read_csv`` options that read a text file as the loader does (see :func:`detect_csv`)."""
    names = ", ".join(literal(name) for name in detected.names)
    options = [
        f"header = {str(detected.has_header).lower()}",
        f"names = [{names}]",
        f"delim = {literal(detected.separator)}",
        "quote = '\"'",  # standard quoting, as the loader reads it (and DuckDB's detection need not look for it)
        "escape = '\"'",
    ]
    if detected.decimal != ".":
        options.append(f"decimal_separator = {literal(detected.decimal)}")
    if detected.encoding.lower().replace("-", "") in ("cp1252", "latin1", "iso88591"):
        options.append("encoding = 'latin-1'")  # DuckDB refuses the bytes of Windows-1252 beyond Latin-1
    if detected.skip_lines:
        options.append(f"skip = {detected.skip_lines}")
    options.append(f"auto_type_candidates = [{', '.join(map(literal, CSV_TYPES))}]")
    return options


CSV_TYPES = ("VARCHAR", "BIGINT", "DOUBLE", "DATE", "TIMESTAMP")
"""The types DuckDB may give a text file's columns: those the loader gives (``true`` and ``10:30`` stay text)."""


def detect_csv(path: str, options: LoadOptions | None = None, sample_bytes: int = SNIFF_BYTES) -> CsvFormat | None:
    """What the in-memory loader detects on the file's first lines: separator, decimal mark, encoding, header row.

    The same detection as every other path (Finnish ``;`` and ``,`` decimals, Windows-1252, title
    lines above the header; :mod:`segmentti.data.text_format`), run on a sample cut at a line end,
    so DuckDB reads the whole file alike. ``None`` when DuckDB cannot (see :func:`csv_format`).
    """
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        head = handle.read(sample_bytes)
    if len(head) == sample_bytes and b"\n" in head:
        head = head[: head.rindex(b"\n") + 1]
    name = Path(path).name.removesuffix(".gz").removesuffix(".GZ")
    return csv_format(head, name, options or LoadOptions())


def stream_customers(
    connection: duckdb.DuckDBPyConnection,
    source: str,
    mapping: OrderMapping,
    out: str | os.PathLike,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    top_categories: int = TOP_CATEGORIES,
    *,
    in_memory: bool = False,
) -> LineCounts:
    """Build one row per customer from the order lines of ``source`` and write them to ``out`` without holding them.

    Parameters
    ----------
    connection : duckdb.DuckDBPyConnection
        From :func:`connect` (its memory limit bounds the run).
    source : str
        Where the lines are (:func:`source_of`).
    mapping : OrderMapping
        The order-line columns.
    out : str or path-like
        ``.parquet`` or ``.csv`` (UTF-8, comma, dot decimals, header): the customers sorted by id,
        the columns :func:`segmentti.data.orders.build_customers` gives; in a CSV the purchase
        dates are days (``2025-12-31``) when every purchase line is at midnight, as the in-memory
        path writes them.
    as_of, top_categories
        As in :func:`segmentti.data.orders.build_customers`.
    in_memory : bool, default False
        The lines fit in memory: read ``source`` once into a table (see :class:`DuckDBLines`).

    Returns
    -------
    LineCounts
        What was used and left out, the customers and the spend sums.

    Raises
    ------
    SegmenttiError
        As :func:`segmentti.data.orders.build_customers`; also when ``out`` cannot be written.
    """
    mapped = {mapping.customer, mapping.date, mapping.amount, mapping.quantity, mapping.price, mapping.order}
    shown = [name for name in _columns(connection, source) if name not in mapped]  # labels and attributes
    attributes = [name for name in shown if name not in (mapping.category, mapping.channel)]
    # the definition trims the labels itself; trimming every line of every text column would cost about
    # 0.05 s of CPU per column and million lines, so only the attribute candidates are (none: nothing)
    engine = DuckDBLines(
        connection, source, in_memory, typed_as_loader=shown, text_cells=_is_text(source), trimmed=attributes
    )
    query = plan_customers(engine, mapping, as_of, top_categories)
    target = Path(out)
    parquet = target.suffix.lower() in PARQUET_SUFFIXES
    built = f"({query.sql})"
    if in_memory:  # the customers kept too: their totals are summed without reading the written file again
        # a table of the database, not of this connection (TEMP): the writers' cursors read it (_copy_csv)
        connection.execute(f"CREATE OR REPLACE TABLE {BUILT_CUSTOMERS} AS {query.sql}")
        built = BUILT_CUSTOMERS
    try:
        if target.parent != Path():
            target.parent.mkdir(parents=True, exist_ok=True)
        if parquet:
            connection.execute(f"COPY (SELECT * FROM {built}) TO {literal(str(target))} (FORMAT parquet)")
        else:
            _copy_csv(connection, built, query.dates_only, target)
    except (OSError, _duckdb_io_error()) as exc:
        raise SegmenttiError("error.cannot_write", path=str(target), reason=str(exc).splitlines()[0]) from None
    if not in_memory:
        built = f"{'read_parquet' if parquet else 'read_csv'}({literal(str(target))})"
    customers, gross, returned = connection.execute(totals_sql(built)).fetchall()[0]
    return finish_counts(query.counts, int(customers), float(gross or 0.0), float(returned or 0.0))


BUILT_CUSTOMERS = "built_customers"
"""The table the customers are kept in when the lines fit in memory."""

ROWS_PER_WRITER = 10_000
"""Kept customers per thread that writes their CSV: fewer are written by one."""


def _copy_csv(connection: duckdb.DuckDBPyConnection, built: str, dates_only: bool, target: Path) -> None:
    """Write the customers of ``built`` to the CSV ``target`` as the in-memory path writes them (:func:`_as_written_csv`).

    DuckDB writes a table of fewer than 122,880 rows (one row group) on one thread, and turning
    the numbers into text is most of the work: 0.09 s for 34,000 customers × 27 columns. The kept
    customers (:data:`BUILT_CUSTOMERS`) are therefore cut into consecutive runs of rows, one per
    DuckDB thread, each written by a cursor of its own at the same time; the runs after the first
    go to files beside ``target`` (removed at once), then are appended to it in order.
    """
    threads = int(connection.execute("SELECT current_setting('threads')").fetchone()[0])
    rows = connection.execute(f"SELECT COUNT(*) FROM {built}").fetchone()[0] if built == BUILT_CUSTOMERS else 0
    writers = max(1, min(threads, rows // ROWS_PER_WRITER))
    if writers == 1:
        written = _as_written_csv(connection, built, dates_only)
        connection.execute(f"COPY ({written}) TO {literal(str(target))} (FORMAT csv, HEADER true)")
        return
    from concurrent.futures import ThreadPoolExecutor

    bounds = [rows * part // writers for part in range(writers + 1)]
    parts = [target] + [target.with_name(f".{target.name}.part{part}") for part in range(1, writers)]
    copies = []
    for part, path in enumerate(parts):
        rows_of_part = f"(SELECT * FROM {BUILT_CUSTOMERS} WHERE rowid >= {bounds[part]} AND rowid < {bounds[part + 1]})"
        written = _as_written_csv(connection, rows_of_part, dates_only, kept=BUILT_CUSTOMERS)
        copies.append(f"COPY ({written}) TO {literal(str(path))} (FORMAT csv, HEADER {str(part == 0).lower()})")
    try:
        with ThreadPoolExecutor(writers) as pool:
            for done in [pool.submit(connection.cursor().execute, copy) for copy in copies]:
                done.result()
        with target.open("ab") as whole:
            for path in parts[1:]:
                with path.open("rb") as part:
                    shutil.copyfileobj(part, whole)
    finally:
        for path in parts[1:]:
            path.unlink(missing_ok=True)


def day_month_columns(connection: duckdb.DuckDBPyConnection, source: str) -> list[str]:
    """The date columns of a text file read day first whose every day is at most 12: the month could be the day.

    DuckDB's detection, like the loader's, reads such dates day first (``1.2.2025`` is 1 February);
    the loader says so of the same columns (``Table.ambiguous_dates``), and so does a run on DuckDB.
    Reads the lines once, only when ``source`` (with detected types, see :func:`source_of`) reads
    dates day first.
    """
    day_first = {
        kind: re.search(rf"{kind}format = '%d", source) is not None for kind in ("date", "timestamp")
    }  # the formats :func:`_pinned_types` wrote into the expression
    if not _is_text(source) or not any(day_first.values()):
        return []
    described = connection.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    dated = [
        str(name)
        for name, type_name, *_ in described
        if (type_name == "DATE" and day_first["date"]) or (type_name.startswith("TIMESTAMP") and day_first["timestamp"])
    ]
    if not dated:
        return []
    checks = ", ".join(f"COALESCE(BOOL_AND(day({quote(name)}) <= 12), FALSE)" for name in dated)
    row = connection.execute(f"SELECT {checks} FROM {source}").fetchall()[0]
    return [name for name, ambiguous in zip(dated, row, strict=True) if ambiguous]


def _is_text(source: str) -> bool:
    """Whether the table expression ``source`` (from :func:`source_of`) reads a text file."""
    return source.startswith("read_csv(")


def _columns(connection: duckdb.DuckDBPyConnection, source: str) -> list[str]:
    return [str(row[0]) for row in connection.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]


def _as_written_csv(
    connection: duckdb.DuckDBPyConnection, built: str, dates_only: bool, kept: str | None = None
) -> str:
    """The query that gives the customers of ``built`` as the in-memory path writes a CSV of them.

    A time column as days when every time in it is midnight (pandas' rule; asked of the kept
    table, ``kept`` or ``built`` itself when it is :data:`BUILT_CUSTOMERS`, else said of the
    purchase dates by ``dates_only``: streaming, the customers are not held); text cells and
    column names a spreadsheet would run as formulas made inert
    (:func:`segmentti.data.text_format.inert_text`); booleans as ``True``/``False``.
    """
    kept = kept or (built if built == BUILT_CUSTOMERS else None)
    described = connection.execute(f"DESCRIBE SELECT * FROM {built}").fetchall()
    times = [str(name) for name, type_name, *_ in described if type_name.startswith("TIMESTAMP")]
    if kept is not None and times:
        midnight = ", ".join(
            f"COALESCE(BOOL_AND({quote(name)} = CAST(CAST({quote(name)} AS DATE) AS TIMESTAMP)), FALSE)"
            for name in times
        )
        days = {
            name
            for name, only in zip(
                times, connection.execute(f"SELECT {midnight} FROM {kept}").fetchall()[0], strict=True
            )
            if only
        }
    else:
        days = {"first_purchase", "last_purchase"} if dates_only else set()
    starts = ", ".join(literal(start) for start in FORMULA_STARTS)
    items = []
    for name, type_name, *_ in described:
        column = quote(str(name))
        if name in days:
            value = f"CAST({column} AS DATE)"
        elif type_name == "VARCHAR":
            number = f"TRY_CAST(replace({column}, ',', '.') AS DOUBLE)"
            value = f"CASE WHEN left({column}, 1) IN ({starts}) AND {number} IS NULL THEN '''' || {column} ELSE {column} END"
        elif type_name == "BOOLEAN":
            value = f"CASE WHEN {column} THEN 'True' WHEN NOT {column} THEN 'False' END"
        else:
            value = column
        items.append(f"{value} AS {quote(inert_text(str(name)))}")
    return f"SELECT {', '.join(items)} FROM {built}"


def _duckdb_io_error() -> type[Exception]:
    return duckdb_engine(relations=False).IOException


def customers_of_frame(
    frame: pd.DataFrame,
    mapping: OrderMapping,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    top_categories: int = TOP_CATEGORIES,
    connection: duckdb.DuckDBPyConnection | None = None,
) -> tuple[pd.DataFrame, LineCounts]:
    """The same definition run by DuckDB on order lines already in memory: the customers as a DataFrame.

    Returns
    -------
    (pandas.DataFrame, LineCounts)
        The customers as :func:`stream_customers` writes them, and the counts.
    """
    if connection is None:
        import duckdb

        connection = duckdb.connect()
    connection.register("order_lines_frame", frame)
    engine = DuckDBLines(connection, "order_lines_frame")
    query = plan_customers(engine, mapping, as_of, top_categories)
    customers = connection.execute(query.sql).df()
    counts = finish_counts(
        query.counts,
        len(customers),
        float(customers["gross_spend"].sum()),
        float(customers["returns_value"].sum()),
    )
    return customers, counts
