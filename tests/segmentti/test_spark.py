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
from segmentti.project.saved_model import model_from_bytes
from tests.segmentti.data.test_customer_sql import FULL, assert_same_customers, order_lines

CRITERIA = ["recency_days", "orders", "total_spend", "avg_order_value"]
MAPPING = ["--customer", "customer", "--date", "date", "--amount", "amount", "--category", "category",
           "--channel", "channel", "--order", "order"]  # fmt: skip


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


def test_segment_on_spark_labels_every_customer_as_the_in_memory_model(spark, lines_file, tmp_path, capsys) -> None:
    """The whole command: features from the one definition, a Spark-drawn sample, mapInPandas, lists, summary.

    One Spark run for every check: starting Spark and each of its jobs takes seconds.
    """
    from segmentti.cli import main

    folder, lines = lines_file
    code = main(
        ["segment", str(folder / "lines.parquet"), *MAPPING, "--engine", "spark", "--spark-master", "local[1]",
         "--criteria", ",".join(CRITERIA), "--k", "3", "--out", str(tmp_path)]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    # the customers Spark built from the one definition: what pandas and DuckDB build
    expected_lines = build_customers(lines, FULL)
    frame = expected_lines.frame
    duck, duck_counts = customers_of_frame(lines, FULL)
    assert_same_customers(frame, duck)
    assert_same_customers(frame, pd.read_parquet(tmp_path / "customer_features"))
    report = f"600 lines → {len(frame)} customers ({expected_lines.purchase_lines} purchase lines, "
    assert report in captured.err
    assert f"{duck_counts.lines_without_id} lines without a customer id" in captured.err
    expected = SegmentModel(criteria=CRITERIA, k=3).fit(frame).labels_ + 1
    got = pd.read_parquet(tmp_path / "customers").sort_values("customer")
    assert got["customer"].tolist() == frame["customer"].tolist()
    assert got["segment"].astype(int).tolist() == expected.tolist()
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["engine"] == "spark" and not summary["fitted_on_sample"]
    assert [segment["customers"] for segment in summary["segments"]] == np.bincount(expected)[1:].tolist()
    assert "engine spark" in captured.out
    saved = model_from_bytes((tmp_path / "model.json").read_bytes())  # written through Spark's file system
    assert list(saved.sizes) == np.bincount(expected)[1:].tolist() and saved.orders == FULL
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


def test_score_on_spark_places_every_customer_as_the_in_memory_score(spark, lines_file, tmp_path, capsys) -> None:
    """A saved model read through Spark's file system, broadcast, applied with mapInPandas: pandas' segments.

    One Spark run (the model file given as a ``file://`` URI, so Spark reads it as it reads ``hdfs://``).
    """
    from segmentti.cli import main
    from tests.segmentti.project.test_large_scoring import NAMES, labelled_customers, scored_in_memory, write_model

    folder, _ = lines_file
    model = write_model(order_lines(0, n=600), tmp_path / "model.json")
    expected = scored_in_memory(folder / "lines.parquet", model, tmp_path / "in_memory")
    out = tmp_path / "spark"
    capsys.readouterr()
    code = main(
        ["score", str(folder / "lines.parquet"), "--model", model.as_uri(), "--out", str(out),
         "--engine", "spark", "--spark-master", "local[1]"]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert set(expected["segment"]) == {1, 2, 3}
    pd.testing.assert_frame_equal(labelled_customers(out), expected, check_dtype=False)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["engine"] == "spark" and summary["k_selection"] == "model"
    assert [segment["name"] for segment in summary["segments"]] == NAMES
    assert [segment["customers"] for segment in summary["segments"]] == expected["segment"].value_counts(
        sort=False
    ).sort_index().tolist()
    assert f"600 lines → {len(expected)} customers" in captured.err
    assert "(engine spark)" in captured.out
    lists = sorted(path.name for path in (out / "lists").iterdir())
    assert lists == ["01_loyal_regulars", "02_occasional_small_baskets", "03_lapsed_big_baskets"]
    second = pd.concat(pd.read_csv(part, dtype=str) for part in (out / "lists" / lists[1]).glob("part-*.csv"))
    assert sorted(second["customer"]) == expected.loc[expected["segment"] == 2, "customer"].tolist()
