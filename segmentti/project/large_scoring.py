"""Score new customers past memory with a saved model: on DuckDB (this machine) or Spark (a cluster).

The customers are made as the segment runs past memory make them (order lines built with the
one definition, read with the model's own order-line mapping); every customer is labelled by
:func:`segmentti.project.scoring.score_chunk` — on DuckDB a chunk at a time, on Spark on the
executors with the model broadcast — and written through the very functions of those runs:
Parquet partitioned by segment, one contact list per segment and ``summary.json``.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from segmentti.engine.large import ID_SAMPLE, LargeRun, find_id_column, spark_customer_frame, streamed_customers
from segmentti.engine.sampled import SUMMARY_JSON, numeric_columns, segment_entries, summary_bytes
from segmentti.engine.streamed_segments import list_columns
from segmentti.project.saved_model import SavedModel
from segmentti.project.scoring import K_SELECTION, check_columns, check_order_columns, score_chunk


def score_large(
    engine: str,
    source: str,
    saved: SavedModel,
    out_dir: str,
    *,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    separator: str | None = None,
    decimal: str | None = None,
    master: str | None = None,
    lang: str = "en",
) -> LargeRun:
    """Place every customer at ``source`` into ``saved``'s segments, writing into ``out_dir`` on ``engine``.

    Parameters
    ----------
    engine : str
        ``"duckdb"`` or ``"spark"``.
    source : str
        Order lines when the model was fitted on customers built from order lines (its
        ``orders`` mapping names their columns), else one row per customer. A CSV or Parquet
        file or a folder of Parquet files; on Spark also ``hdfs://``, ``s3a://`` and the like.
    saved : SavedModel
        The model (:func:`segmentti.project.saved_model.model_from_bytes`).
    out_dir : str
        Gets what ``segment --engine`` writes: ``customers/segment=<n>/`` (Parquet, every customer
        with ``segment_name``), ``lists/<nn>_<name>`` (CSV: a file on DuckDB, a folder of parts on
        Spark), ``summary.json`` (``k_selection`` ``"model"``) and, from order lines,
        ``customer_features``.
    as_of : str or date, optional
        The day of the analysis for order lines (default the day after the last line).
    separator, decimal : str, optional
        How a CSV input is read, when detection should not decide.
    master : str, optional
        Spark's master URL (default: spark-submit's, else ``local[*]``).
    lang : str
        Language of messages.

    Returns
    -------
    LargeRun
        The line counts (order lines only) and the summary.

    Raises
    ------
    SegmenttiError
        When an order-line column or a criterion of the model is missing, there are no customers,
        the input cannot be read or the output written, or pyspark is not installed.
    """
    if engine == "duckdb":
        return _score_streamed(source, saved, out_dir, as_of=as_of, separator=separator, decimal=decimal, lang=lang)
    from segmentti.data.spark_lines import read_lines, spark_errors, spark_session, to_pandas
    from segmentti.engine.spark_segments import join_path, label_on_spark, write_bytes, write_labelled

    session = spark_session(master)
    with spark_errors():
        lines = read_lines(session, source, separator)
        if saved.orders is not None:
            check_order_columns(pd.DataFrame(columns=lines.columns), saved)
        customers, counts = spark_customer_frame(session, lines, out_dir, saved.orders, as_of)
        id_column, columns, measured = _layout(to_pandas(customers.limit(ID_SAMPLE)), saved)
        labelled = label_on_spark(session, customers, functools.partial(score_chunk, saved))
        written = write_labelled(session, labelled, out_dir, saved.names, columns, id_column, measured)
        summary = scored_summary(saved, written.rows, measured, engine="spark")
        write_bytes(session, join_path(out_dir, SUMMARY_JSON), summary_bytes(summary))
    return LargeRun("spark", counts, summary)


def _score_streamed(
    source: str,
    saved: SavedModel,
    out_dir: str,
    *,
    as_of: str | pd.Timestamp | datetime.date | None,
    separator: str | None,
    decimal: str | None,
    lang: str,
) -> LargeRun:
    from segmentti.data.streamed import connect, source_of
    from segmentti.engine.streamed_segments import write_labelled_streamed, write_summary

    connection = connect()
    lines = source_of(source, separator, decimal)
    if saved.orders is not None:
        check_order_columns(pd.DataFrame(columns=connection.sql(f"SELECT * FROM {lines} LIMIT 0").columns), saved)
    customers, counts = streamed_customers(connection, lines, out_dir, saved.orders, as_of)
    id_column, columns, measured = _layout(connection.sql(f"SELECT * FROM {customers} LIMIT {ID_SAMPLE}").df(), saved)
    out = Path(out_dir)
    labeller = functools.partial(score_chunk, saved)
    written = write_labelled_streamed(
        connection, customers, labeller, out, saved.names, columns, id_column, measured, lang=lang
    )
    summary = scored_summary(saved, written.rows, measured, engine="duckdb")
    write_summary(out, summary)
    return LargeRun("duckdb", counts, summary)


def _layout(head: pd.DataFrame, saved: SavedModel) -> tuple[str, list[str], list[str]]:
    """From the customers' first rows: the id column, the contact lists' columns and the columns averaged.

    Raises
    ------
    SegmenttiError
        When a criterion of the model is missing or there are no customers.
    """
    check_columns(head, saved)
    id_column = saved.orders.customer if saved.orders is not None else find_id_column(head)
    return id_column, list_columns(head, id_column), numeric_columns(head, saved.criteria)


def scored_summary(saved: SavedModel, rows: Sequence[tuple], measured: Sequence[str], *, engine: str) -> dict[str, Any]:
    """``summary.json`` of a scoring run: the customers, the model they were placed by and every segment's figures.

    ``rows`` are the results of :func:`segmentti.engine.sampled.summary_sql` over the labelled
    customers; the segments keep the saved names and numbers (``k_selection`` is ``"model"``).
    """
    return {
        "engine": engine,
        "customers": sum(int(row[1]) for row in rows),
        "model_source": saved.source,
        "model_created": saved.created,
        "method": saved.model.method,
        "k": saved.model.k_,
        "k_selection": K_SELECTION,
        "criteria": list(saved.criteria),
        "segments": segment_entries(saved.names, rows, measured),
    }
