"""Spark's local mode: the same customers and segments as pandas and DuckDB, from the one definition.

One Spark session for the module (starting one takes seconds); skipped without pyspark or Java.
"""

from __future__ import annotations

import json
import shutil
import sys

import numpy as np
import pandas as pd
import pytest

from segmentti.data.orders import build_customers
from segmentti.data.streamed import customers_of_frame
from segmentti.engine.model import SegmentModel
from segmentti.errors import SegmenttiError
from tests.segmentti.data.test_customer_sql import FULL, assert_same_customers, order_lines

CRITERIA = ["recency_days", "orders", "total_spend", "avg_order_value"]


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime")
    from segmentti.data.spark_lines import spark_session

    session = spark_session("local[1]")
    session.conf.set("spark.sql.shuffle.partitions", "1")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def lines_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spark")
    lines = order_lines(1, n=600)
    lines.to_parquet(folder / "lines.parquet")
    return folder, lines


def test_pandas_duckdb_and_spark_give_the_same_customers(spark, lines_file) -> None:
    from segmentti.data.spark_lines import finish_spark_counts, read_lines, spark_customers, to_pandas, write_customers

    folder, lines = lines_file
    expected = build_customers(lines, FULL, "2025-08-31")
    duck, duck_counts = customers_of_frame(lines, FULL, "2025-08-31")
    built, counts = spark_customers(spark, read_lines(spark, str(folder / "lines.parquet")), FULL, "2025-08-31")
    written = write_customers(spark, built, str(folder / "customers"))
    counts = finish_spark_counts(spark, written, counts)
    got = to_pandas(written)
    assert_same_customers(expected.frame, duck)
    assert_same_customers(expected.frame, got)
    assert counts.attributes == expected.attributes == ("region",)
    for name in ("lines", "lines_without_id", "lines_after_as_of", "return_lines", "customers_without_purchase"):
        assert getattr(counts, name) == getattr(duck_counts, name) == getattr(expected, name), name
    assert counts.total_spend == pytest.approx(expected.total_spend, abs=1e-6)


def test_spark_segments_every_customer_as_the_in_memory_model(spark, lines_file, tmp_path) -> None:
    from segmentti.engine.spark_segments import segment_on_spark

    _, lines = lines_file
    frame = build_customers(lines, FULL).frame
    customers = spark.createDataFrame(frame[["customer", *CRITERIA]].astype({"customer": object}))
    run = segment_on_spark(spark, customers, "customer", str(tmp_path), criteria=CRITERIA, k=3)
    expected = SegmentModel(criteria=CRITERIA, k=3).fit(frame).labels_ + 1
    got = pd.read_parquet(tmp_path / "customers").sort_values("customer")
    assert got["customer"].tolist() == frame["customer"].tolist()
    assert got["segment"].astype(int).tolist() == expected.tolist()
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary == run.summary and summary["engine"] == "spark"
    assert [segment["customers"] for segment in summary["segments"]] == np.bincount(expected)[1:].tolist()
    lists = sorted(path.name for path in (tmp_path / "lists").iterdir())
    assert [name[:2] for name in lists] == ["01", "02", "03"]
    first = pd.concat(pd.read_csv(part) for part in (tmp_path / "lists" / lists[0]).glob("part-*.csv"))
    assert len(first) == summary["segments"][0]["customers"]


def test_without_pyspark_the_spark_engine_says_how_to_install_it(monkeypatch) -> None:
    from segmentti.data.spark_lines import spark_session

    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(SegmenttiError) as raised:
        spark_session("local[1]")
    assert raised.value.key == "error.no_pyspark"
    assert "pip install pyspark" in raised.value.message("fi")
