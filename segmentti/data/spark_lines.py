"""Order lines → one row per customer on Apache Spark, from the one SQL definition turned into Spark's dialect.

pyspark is imported only here and only when asked for: without it, ``--engine spark`` is a
user error that says how to install it. Paths are anything Spark reads: local paths, ``hdfs://``,
``s3a://`` (with the cluster's Hadoop configuration).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import pandas as pd

from segmentti.data.customer_sql import LINES, LineCounts, finish_counts, plan_customers, to_dialect, totals_sql
from segmentti.data.orders import TOP_CATEGORIES, OrderMapping
from segmentti.errors import SegmenttiError

_SPARK_KINDS = {
    "string": "text",
    "boolean": "bool",
    "date": "time",
    "timestamp": "time",
    "timestamp_ntz": "time",
    "double": "float",
    "float": "float",
    "bigint": "integer",
    "int": "integer",
    "smallint": "integer",
    "tinyint": "integer",
}

_REMOTE = ("hdfs://", "s3a://", "s3://", "gs://", "abfs://", "abfss://", "wasbs://", "file://", "dbfs:/")


def kind_of_spark_type(type_name: str) -> str:
    """Spark's simple type string (``df.dtypes``) → one of :data:`segmentti.data.customer_sql.KINDS`."""
    if type_name.startswith("decimal"):
        return "float"
    return _SPARK_KINDS.get(type_name, "other")


def require_pyspark() -> Any:
    """The ``pyspark.sql`` module, or a user error that says how to install pyspark (and that it needs Java)."""
    try:
        import pyspark.sql
    except ImportError:
        raise SegmenttiError("error.no_pyspark") from None
    return pyspark.sql


def spark_session(master: str | None = None, app_name: str = "segmentti") -> Any:
    """The Spark session to run on: ``master`` when given, the cluster's under spark-submit, else ``local[*]``.

    Timestamps are read and compared in UTC, so a time is the same wall-clock time on every
    machine. On a local master the Spark UI stays off (no port opened) and the workers run this
    interpreter, so they import the same packages.

    Raises
    ------
    SegmenttiError
        When pyspark is not installed.
    """
    sql = require_pyspark()
    # pyspark 4.3 warns about any pandas 3; the values it hands over are checked by our Spark tests
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="pyspark")
    warnings.filterwarnings("ignore", category=pd.errors.Pandas4Warning, module="pyspark")
    builder = sql.SparkSession.builder.appName(app_name)
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started the JVM and set the master
    if master:
        builder = builder.master(master)
    elif not submitted:
        builder = builder.master("local[*]")
    local = (master or ("" if submitted else "local")).startswith("local")
    if local:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", str(local_cores(master or "local[*]")))
        )
    builder = builder.config("spark.sql.session.timeZone", "UTC").config(
        "spark.sql.execution.arrow.pyspark.enabled", "true"
    )
    session = builder.getOrCreate()
    if local:
        session.sparkContext.setLogLevel("ERROR")  # a local run prints our report, not Spark's warnings
    return session


@contextlib.contextmanager
def spark_errors() -> Iterator[None]:
    """Turn Spark's own failures (a path it cannot read, a cluster it cannot reach) into one user error line."""
    from pyspark.errors import PySparkException

    try:
        yield
    except Exception as error:
        if not isinstance(error, PySparkException) and not type(error).__module__.startswith("py4j"):
            raise
        reason = next((line.strip() for line in str(error).splitlines() if line.strip()), type(error).__name__)
        raise SegmenttiError("error.spark_failed", reason=reason[:300]) from None


def to_pandas(frame: Any) -> pd.DataFrame:
    """A (small) Spark DataFrame in pandas, without pyspark 4.3's deprecation noise about pandas 3's ``copy``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.Pandas4Warning)
        warnings.simplefilter("ignore", FutureWarning)
        return frame.toPandas()


def local_cores(master: str) -> int:
    """The worker threads of a local master (``local[2]`` → 2, ``local[*]`` → this machine's cores, ``local`` → 1).

    On one machine Spark's default of 200 shuffle partitions is mostly scheduling: one per core is enough.
    """
    inside = master.partition("[")[2].partition("]")[0].split(",")[0]
    if not inside:
        return 1
    return os.cpu_count() or 1 if inside == "*" else max(1, int(inside)) if inside.isdigit() else 1


class SparkLines:
    """The :class:`segmentti.data.customer_sql.LineEngine` of Spark: the lines as the temporary view ``lines``."""

    def __init__(self, session: Any, frame: Any) -> None:
        self.session = session
        self.frame = frame
        frame.createOrReplaceTempView(LINES)

    def column_kinds(self) -> dict[str, str]:
        return {name: kind_of_spark_type(type_name) for name, type_name in self.frame.dtypes}

    def rows(self, sql: str) -> list[tuple]:
        return [tuple(row) for row in self.session.sql(to_dialect(sql, "spark")).collect()]

    def typed_lines(self, select: str) -> str:
        return f"({select})"  # Spark plans each query over the files itself


def is_local(path: str) -> bool:
    """Whether ``path`` is a plain local path (checked before Spark starts reading)."""
    return not str(path).startswith(_REMOTE)


def read_lines(session: Any, path: str, separator: str | None = None) -> Any:
    """The order lines at ``path`` as a Spark DataFrame: Parquet (a file or a folder) or CSV with a header row.

    Raises
    ------
    SegmenttiError
        When a local path does not exist.
    """
    text = str(path)
    if is_local(text) and not any(mark in text for mark in "*?[") and not os.path.exists(text):
        raise SegmenttiError("error.file_not_found", path=text)
    lowered = text.lower().rstrip("/")
    if lowered.endswith((".csv", ".txt", ".tsv", ".csv.gz", ".txt.gz", ".tsv.gz")):
        reader = session.read.option("header", "true").option("inferSchema", "true")
        if separator:
            reader = reader.option("sep", separator)
        return reader.csv(text)
    return session.read.parquet(text)


def spark_customers(
    session: Any,
    lines: Any,
    mapping: OrderMapping,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    top_categories: int = TOP_CATEGORIES,
) -> tuple[Any, LineCounts]:
    """One row per customer from order lines on Spark: the DataFrame (not yet computed) and the line counts.

    ``counts.customers`` and the spend sums are filled in by :func:`finish_spark_counts` once the
    customers are written (Spark computes them then).
    """
    engine = SparkLines(session, lines)
    query = plan_customers(engine, mapping, as_of, top_categories)
    return session.sql(to_dialect(query.sql, "spark")), query.counts


def finish_spark_counts(session: Any, customers: Any, counts: LineCounts) -> LineCounts:
    """The counts with the number of customers and the spend sums of ``customers`` (best read back once written)."""
    customers.createOrReplaceTempView("built_customers")
    total, gross, returned = session.sql(to_dialect(totals_sql("built_customers"), "spark")).collect()[0]
    return finish_counts(counts, int(total), float(gross or 0.0), float(returned or 0.0))


def write_customers(session: Any, customers: Any, out: str) -> Any:
    """Write the customers to ``out`` (a Parquet folder, or a CSV folder when ``out`` ends in ``.csv``); read them back."""
    if str(out).lower().endswith(".csv"):
        customers.write.mode("overwrite").option("header", "true").csv(out)
        return session.read.option("header", "true").option("inferSchema", "true").csv(out)
    customers.write.mode("overwrite").parquet(out)
    return session.read.parquet(out)


def read_small_file(session: Any, path: str, limit: int) -> bytes | None:
    """The bytes of one small file anywhere Spark reads (``hdfs://``, ``s3a://``, local), or ``None`` past ``limit``.

    Spark's ``binaryFile`` source reads it through the cluster's file systems, so a model file
    can sit beside the data it scores.
    """
    files = session.read.format("binaryFile").load(path)
    sizes = [int(row[0]) for row in files.select("length").collect()]
    if not sizes:
        raise SegmenttiError("error.file_not_found", path=path)
    if sizes[0] > limit:
        return None
    return bytes(files.select("content").first()[0])
