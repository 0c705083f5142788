"""The commands' paths past memory: which engine runs a file, and whole features and segment runs on DuckDB or Spark.

``pandas`` is the in-memory path every other part of segmentti uses; ``duckdb`` streams files
larger than memory on this machine, and builds ``features`` from mid-sized files faster than
pandas reads them; ``spark`` runs on a cluster (or Spark's local mode). The features are the one
definition of :mod:`segmentti.data.customer_sql` on both. Choosing an engine and a features run
on DuckDB import no pandas.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from segmentti.data.customer_sql import LineCounts, literal
from segmentti.data.order_mapping import OrderMapping
from segmentti.errors import SegmenttiError

if TYPE_CHECKING:  # the fit is imported where a run makes one: choosing an engine stays light
    import pandas as pd

    from segmentti.engine.sampled import SampleFit

ENGINES: tuple[str, ...] = ("auto", "pandas", "duckdb", "spark")
"""``--engine`` choices; ``auto`` picks DuckDB for large CSV and Parquet files, else pandas."""

LARGE_FILE_BYTES = 300 * 2**20
"""From this size a CSV file goes through DuckDB by itself (about 7 million order lines), streamed, not held."""

FEATURES_FILE_BYTES = 0
"""From this size ``features`` reads a CSV or Parquet file through DuckDB by itself: from any size, as measured
with ``bench/bench_features_engines.py`` (from 500 lines up DuckDB's whole run costs less than importing pandas;
at 1 million lines 0.8 s against 1.8 s). A file DuckDB would read otherwise than the loader stays on pandas
(:func:`pick_engine`), and any error on DuckDB lets the loader read the file (``segmentti.cli.large``)."""

PARQUET_EXPANSION = 5
"""A Parquet or gzipped file counts as this many times its size: it is compressed, the rows it holds are not."""


def input_bytes(path: str | os.PathLike) -> int | None:
    """The size ``path`` counts as when an engine is chosen, or ``None`` when only the in-memory loader reads it.

    Only CSV, text and Parquet files (and Parquet folders) go through DuckDB; Excel always loads
    in memory. A compressed file counts as :data:`PARQUET_EXPANSION` times its bytes.
    """
    from segmentti.data.streamed import PARQUET_SUFFIXES, is_streamable

    target = Path(path)
    if not target.exists() or not is_streamable(target):
        return None
    if target.is_dir():
        return sum(part.stat().st_size for part in target.rglob("*.parquet")) * PARQUET_EXPANSION
    packed = str(target).lower().endswith((*PARQUET_SUFFIXES, ".gz"))
    return target.stat().st_size * (PARQUET_EXPANSION if packed else 1)


def pick_engine(path: str | os.PathLike, chosen: str = "auto", from_bytes: int | None = None) -> str:
    """The engine that runs ``path``: ``chosen`` unless ``auto``, then DuckDB from ``from_bytes`` on (default
    :data:`LARGE_FILE_BYTES`).

    Only CSV, text and Parquet files (and Parquet folders) go through DuckDB (:func:`input_bytes`);
    a text file only when DuckDB reads it as the loader does (not whitespace-separated, say).
    """
    if chosen != "auto":
        return chosen
    size = input_bytes(path)
    if size is None or size < (LARGE_FILE_BYTES if from_bytes is None else from_bytes):
        return "pandas"
    if size < LARGE_FILE_BYTES and not Path(path).is_dir() and not str(path).lower().endswith(".parquet"):
        from segmentti.data.streamed import detect_csv

        try:
            if detect_csv(str(path)) is None:  # a file past memory streams whatever its layout: DuckDB's reading
                return "pandas"
        except SegmenttiError:  # not a table at all: the loader says why
            return "pandas"
    return "duckdb"


def fits_in_memory(path: str | os.PathLike) -> bool:
    """Whether DuckDB may hold the lines of ``path`` in memory (below :data:`LARGE_FILE_BYTES`) instead of streaming."""
    size = input_bytes(path)
    return size is not None and size < LARGE_FILE_BYTES


ID_SAMPLE = 10_000
"""Rows of a customer table read to find its id column."""


def find_id_column(head: pd.DataFrame) -> str:
    """The customer id column of a customer table, judged from its first rows (the first column of role id).

    Raises
    ------
    SegmenttiError
        When no column looks like an id: the user names it with ``--customer``.
    """
    from segmentti.data.columns import Role, describe_columns

    found = next((info.name for info in describe_columns(head) if info.role is Role.ID), None)
    if found is None:
        raise SegmenttiError("error.large_needs_customer", columns=", ".join(map(str, head.columns)))
    return str(found)


def head_rows(
    engine: str,
    source: str,
    *,
    separator: str | None = None,
    decimal: str | None = None,
    master: str | None = None,
    rows: int = ID_SAMPLE,
) -> pd.DataFrame:
    """The first ``rows`` rows of ``source`` as ``engine`` reads them: enough to recognise order lines or an id."""
    if engine == "duckdb":
        from segmentti.data.streamed import connect, source_of

        return connect().sql(f"SELECT * FROM {source_of(source, separator, decimal)} LIMIT {int(rows)}").df()
    from segmentti.data.spark_lines import read_lines, spark_errors, spark_session, to_pandas

    session = spark_session(master)
    with spark_errors():
        return to_pandas(read_lines(session, source, separator).limit(int(rows)))


@dataclass(frozen=True, eq=False)
class LargeRun:
    """What a features or segment run on DuckDB or Spark did.

    Attributes
    ----------
    engine : str
        ``"duckdb"`` or ``"spark"``.
    counts : LineCounts or None
        The order lines used and left out (``None`` when the input was a customer table).
    summary : dict or None
        ``summary.json`` of a segment run (``None`` for features).
    fit : SampleFit or None
        A segment run's model fitted on the sample, with the segment names (``None`` otherwise).
    ambiguous_dates : tuple of str
        Date columns read day first whose days leave the order open (a features run on DuckDB).
    """

    engine: str
    counts: LineCounts | None
    summary: dict[str, Any] | None = None
    fit: SampleFit | None = None
    ambiguous_dates: tuple[str, ...] = ()


def features_large(
    engine: str,
    source: str,
    mapping: OrderMapping,
    out: str,
    *,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    separator: str | None = None,
    decimal: str | None = None,
    master: str | None = None,
) -> LargeRun:
    """Order lines at ``source`` → one row per customer at ``out`` (``.parquet`` or ``.csv``) on ``engine``.

    On Spark ``out`` is a folder of parts, as Spark writes; on DuckDB one file.

    Raises
    ------
    SegmenttiError
        For bad mappings or cells (as the in-memory path), a missing input, no pyspark.
    """
    if engine == "duckdb":
        from segmentti.data.streamed import connect, day_month_columns, source_of, stream_customers

        connection = connect(relations=False)  # SQL and rows only: the command starts sooner
        lines = source_of(source, separator, decimal, connection)
        counts = stream_customers(connection, lines, mapping, out, as_of, in_memory=fits_in_memory(source))
        return LargeRun("duckdb", counts, ambiguous_dates=tuple(day_month_columns(connection, lines)))
    from segmentti.data.spark_lines import (
        finish_spark_counts,
        read_lines,
        spark_customers,
        spark_errors,
        spark_session,
        write_customers,
    )

    session = spark_session(master)
    with spark_errors():
        built, counts = spark_customers(session, read_lines(session, source, separator), mapping, as_of)
        written = write_customers(session, built, out)
        return LargeRun("spark", finish_spark_counts(session, written, counts))


def segment_large(
    engine: str,
    source: str,
    out_dir: str,
    *,
    mapping: OrderMapping | None,
    id_column: str | None = None,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    criteria: Sequence[str] | None = None,
    k: int | None = None,
    seed: int = 0,
    method: str = "kmeans",
    weights: Mapping[str, float] | None = None,
    lang: str = "en",
    separator: str | None = None,
    decimal: str | None = None,
    master: str | None = None,
) -> LargeRun:
    """Segment the customers at ``source`` into ``out_dir`` on ``engine``, fitting on a sample.

    ``source`` holds order lines when ``mapping`` is given (the customers are built first, with
    the one definition), else one row per customer with the id in ``id_column``.

    Returns
    -------
    LargeRun
        With ``summary`` (also written to ``out_dir/summary.json``).
    """
    if mapping is not None:
        id_column = mapping.customer
    options = {"criteria": criteria, "k": k, "seed": seed, "method": method, "weights": weights, "lang": lang}
    if engine == "duckdb":
        from segmentti.data.streamed import connect, source_of
        from segmentti.engine.streamed_segments import segment_streamed

        connection = connect()
        lines = source_of(source, separator, decimal, connection)
        customers, counts = streamed_customers(
            connection, lines, out_dir, mapping, as_of, in_memory=fits_in_memory(source)
        )
        if id_column is None:
            id_column = find_id_column(connection.sql(f"SELECT * FROM {customers} LIMIT {ID_SAMPLE}").df())
        run = segment_streamed(connection, customers, id_column, out_dir, **options)
        return LargeRun("duckdb", counts, run.summary, run.fit)
    from segmentti.data.spark_lines import read_lines, spark_errors, spark_session, to_pandas
    from segmentti.engine.spark_segments import segment_on_spark

    session = spark_session(master)
    with spark_errors():
        frame, counts = spark_customer_frame(session, read_lines(session, source, separator), out_dir, mapping, as_of)
        if id_column is None:
            id_column = find_id_column(to_pandas(frame.limit(ID_SAMPLE)))
        run = segment_on_spark(session, frame, id_column, out_dir, **options)
        return LargeRun("spark", counts, run.summary, run.fit)


CUSTOMER_FEATURES = "customer_features"
"""The customers built from order lines, kept in the output folder: the features behind the segments."""


def streamed_customers(
    connection: Any,
    source: str,
    out_dir: str,
    mapping: OrderMapping | None,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    in_memory: bool = False,
) -> tuple[str, LineCounts | None]:
    """The DuckDB table expression of the customers in ``source`` (one of :func:`source_of`), and the line counts.

    Order lines (``mapping`` given) are built into ``out_dir/customer_features.parquet`` with the
    one definition first (read once when they fit ``in_memory``); a customer table (``mapping``
    ``None``) is read as it is.
    """
    from segmentti.data.streamed import stream_customers

    if mapping is None:
        return source, None
    built = Path(out_dir) / f"{CUSTOMER_FEATURES}.parquet"
    counts = stream_customers(connection, source, mapping, built, as_of, in_memory=in_memory)
    return f"read_parquet({literal(str(built))})", counts


def spark_customer_frame(
    session: Any,
    frame: Any,
    out_dir: str,
    mapping: OrderMapping | None,
    as_of: str | pd.Timestamp | datetime.date | None = None,
) -> tuple[Any, LineCounts | None]:
    """The Spark DataFrame of the customers in ``frame`` (from ``read_lines``), and the line counts.

    Order lines (``mapping`` given) are built with the one definition into
    ``out_dir/customer_features/`` (Parquet parts) and read back from there, so Spark computes
    them once; a customer table (``mapping`` ``None``) is used as it is. Run it inside
    :func:`segmentti.data.spark_lines.spark_errors`.
    """
    from segmentti.data.spark_lines import finish_spark_counts, spark_customers
    from segmentti.engine.spark_segments import join_path

    if mapping is None:
        return frame, None
    built, counts = spark_customers(session, frame, mapping, as_of)
    folder = join_path(out_dir, CUSTOMER_FEATURES)
    built.write.mode("overwrite").parquet(folder)
    frame = session.read.parquet(folder)
    return frame, finish_spark_counts(session, frame, counts)
