"""Segment customers on Spark: fit the ordinary model on a Spark-drawn sample, label every customer on the executors.

The fitted :class:`segmentti.engine.model.SegmentModel` is broadcast to the executors, which
label their partitions with ``mapInPandas``; the customers are written as Parquet partitioned
by segment, and the contact lists and the summary are read from that output. Scoring with a
saved model (:mod:`segmentti.project.large_scoring`) labels and writes through the same two
functions, :func:`label_on_spark` and :func:`write_labelled`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from segmentti.data.customer_sql import quote, to_dialect
from segmentti.data.spark_lines import to_pandas
from segmentti.engine.sampled import (
    CUSTOMERS_FOLDER,
    LISTS_FOLDER,
    SAMPLE_LIMIT,
    SUMMARY_JSON,
    SampleFit,
    build_summary,
    fit_sample,
    label_chunk,
    numeric_columns,
    sample_sql,
    summary_bytes,
    summary_sql,
)
from segmentti.engine.streamed_segments import list_columns
from segmentti.outputs.contacts import list_stem
from segmentti.outputs.tables import SEGMENT_COLUMN, SEGMENT_NAME_COLUMN


@dataclass(frozen=True, eq=False)
class SparkRun:
    """What a Spark run wrote: the fit, ``summary.json``'s contents and the paths written."""

    fit: SampleFit
    summary: dict[str, Any]
    paths: tuple[str, ...]


def join_path(base: str, *parts: str) -> str:
    """``base/part/...`` for local paths and URIs alike (``s3a://bucket/x`` + ``y`` → ``s3a://bucket/x/y``)."""
    return "/".join([str(base).rstrip("/"), *parts])


def write_bytes(session: Any, path: str, data: bytes) -> None:
    """Write one small file through Hadoop's file system API: local, HDFS or object storage alike."""
    jvm = session.sparkContext._jvm
    target = jvm.org.apache.hadoop.fs.Path(path)
    system = target.getFileSystem(session.sparkContext._jsc.hadoopConfiguration())
    stream = system.create(target, True)
    try:
        stream.write(bytearray(data))
    finally:
        stream.close()


def segment_on_spark(
    session: Any,
    customers: Any,
    id_column: str,
    out: str,
    *,
    criteria: Sequence[str] | None = None,
    k: int | None = None,
    seed: int = 0,
    method: str = "kmeans",
    weights: Mapping[str, float] | None = None,
    lang: str = "en",
    sample_limit: int = SAMPLE_LIMIT,
) -> SparkRun:
    """Segment the customers of a Spark DataFrame (one row per customer) into ``out``.

    Parameters
    ----------
    session : pyspark.sql.SparkSession
        From :func:`segmentti.data.spark_lines.spark_session`.
    customers : pyspark.sql.DataFrame
        One row per customer (e.g. from :func:`segmentti.data.spark_lines.spark_customers`).
    id_column : str
        The customer id column.
    out : str
        A folder Spark writes to (local, ``hdfs://``, ``s3a://``): ``customers/segment=<n>/``
        (Parquet), ``lists/<nn>_<name>/`` (CSV parts, one folder per segment) and ``summary.json``.
    criteria, k, seed, method, weights, lang, sample_limit
        As for :func:`segmentti.engine.streamed_segments.segment_streamed`.

    Raises
    ------
    SegmenttiError
        For unusable criteria or too few customers.
    """
    customers.createOrReplaceTempView("customers_to_segment")
    total = customers.count()
    drawn = session.sql(to_dialect(sample_sql("customers_to_segment", id_column, total, sample_limit, seed), "spark"))
    sample = to_pandas(drawn)
    fit = fit_sample(sample, total, criteria, k, seed, lang, method=method, weights=weights)
    labelled = label_on_spark(session, customers, functools.partial(label_chunk, fit.model, fit.names))
    measured = numeric_columns(sample, fit.criteria)
    written = write_labelled(session, labelled, out, fit.names, list_columns(sample, id_column), id_column, measured)
    summary = build_summary(
        fit, written.rows, measured, engine="spark", k_selection="auto" if fit.scan is not None else "fixed"
    )
    write_bytes(session, join_path(out, SUMMARY_JSON), summary_bytes(summary))
    return SparkRun(fit, summary, (join_path(out, SUMMARY_JSON), *written.paths))


def label_on_spark(session: Any, customers: Any, labeller: Callable[[pd.DataFrame], pd.DataFrame]) -> Any:
    """``customers`` with a segment number and name each, labelled on the executors (not yet computed).

    ``labeller`` (e.g. a :func:`functools.partial` of
    :func:`segmentti.engine.sampled.label_chunk`) is broadcast: pickled once and sent to each
    executor once; each executor applies it to its partitions' Arrow batches with ``mapInPandas``.
    It must return its chunk with the two columns of :func:`segmentti.engine.sampled.with_segments`.
    """
    shipped = session.sparkContext.broadcast(labeller)

    def label_partitions(chunks):
        label = shipped.value
        for chunk in chunks:
            yield label(chunk)

    return customers.mapInPandas(label_partitions, _schema(customers))


@dataclass(frozen=True, eq=False)
class LabelledOutput:
    """What :func:`write_labelled` wrote: the rows of :func:`segmentti.engine.sampled.summary_sql` and the paths."""

    rows: list[tuple]
    paths: tuple[str, ...]


def write_labelled(
    session: Any,
    labelled: Any,
    out: str,
    names: Sequence[str],
    columns: Sequence[str],
    id_column: str,
    measured: Sequence[str],
) -> LabelledOutput:
    """Write labelled customers into ``out`` as every Spark run does, and count them per segment from that output.

    Parameters
    ----------
    labelled : pyspark.sql.DataFrame
        From :func:`label_on_spark`.
    out : str
        Gets ``customers/segment=<n>/`` (Parquet, every customer) and ``lists/<nn>_<name>/`` (CSV
        parts with a header: ``columns`` of the segment's customers in ``id_column`` order).
    names : sequence of str
        The segment names, segment 1 first.
    measured : sequence of str
        The numeric columns averaged per segment.
    """
    folder = join_path(out, CUSTOMERS_FOLDER)
    labelled.write.mode("overwrite").partitionBy(SEGMENT_COLUMN).parquet(folder)
    session.read.parquet(folder).createOrReplaceTempView("labelled_customers")
    rows = [
        tuple(row) for row in session.sql(to_dialect(summary_sql("labelled_customers", measured), "spark")).collect()
    ]
    chosen = ", ".join(quote(name) for name in columns)
    paths = []
    for number, name in enumerate(names, start=1):
        target = join_path(out, LISTS_FOLDER, list_stem(number, name))
        members = session.sql(
            to_dialect(
                f"SELECT {chosen} FROM labelled_customers WHERE {SEGMENT_COLUMN} = {number} "
                f"ORDER BY {quote(id_column)}",
                "spark",
            )
        )
        members.write.mode("overwrite").option("header", "true").csv(target)
        paths.append(target)
    return LabelledOutput(rows, (*paths, folder))


def _schema(customers: Any) -> Any:
    """The labelled customers' schema: the customers' own fields, then segment number and name."""
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    return StructType(
        [
            *customers.schema.fields,
            StructField(SEGMENT_COLUMN, IntegerType(), False),
            StructField(SEGMENT_NAME_COLUMN, StringType(), True),
        ]
    )
