"""Segmenting customers with bounded memory: a sample fit, every customer labelled in chunks, lists and summary."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from segmentti.data.orders import build_customers
from segmentti.data.streamed import connect, source_of, stream_customers
from segmentti.engine.model import SegmentModel
from segmentti.engine.sampled import sample_sql
from segmentti.engine.streamed_segments import segment_streamed
from segmentti.errors import SegmenttiError
from tests.segmentti.data.test_customer_sql import FULL, order_lines

CRITERIA = ["recency_days", "orders", "total_spend", "avg_order_value"]


@pytest.fixture(scope="module")
def customers_file(tmp_path_factory) -> tuple:
    folder = tmp_path_factory.mktemp("streamed")
    lines = order_lines(5, n=3000)
    lines.to_parquet(folder / "lines.parquet")
    connection = connect(memory_limit="256MB", threads=1)
    stream_customers(connection, source_of(folder / "lines.parquet"), FULL, folder / "customers.parquet")
    return folder, build_customers(lines, FULL).frame


def labelled(out) -> pd.DataFrame:
    return pd.read_parquet(out / "customers").sort_values("customer").reset_index(drop=True)


def test_all_customers_fitted_gives_the_in_memory_segments(customers_file) -> None:
    folder, frame = customers_file
    run = segment_streamed(
        connect(threads=1), source_of(folder / "customers.parquet"), "customer", folder / "all",
        criteria=CRITERIA, k=3, chunk_rows=7,
    )  # fmt: skip
    assert not run.summary["fitted_on_sample"] and run.summary["sample_size"] == len(frame)
    expected = SegmentModel(criteria=CRITERIA, k=3).fit(frame).labels_ + 1
    got = labelled(folder / "all")
    assert got["customer"].tolist() == frame["customer"].tolist()
    assert got["segment"].astype(int).tolist() == expected.tolist()
    assert [segment["customers"] for segment in run.summary["segments"]] == np.bincount(expected)[1:].tolist()
    summary = json.loads((folder / "all" / "summary.json").read_text(encoding="utf-8"))
    assert summary == run.summary
    means = frame.groupby(expected)["total_spend"].mean().to_numpy()
    assert [segment["means"]["total_spend"] for segment in summary["segments"]] == pytest.approx(means)
    lists = sorted((folder / "all" / "lists").glob("*.csv"))
    assert [path.name[:2] for path in lists] == ["01", "02", "03"]
    first = pd.read_csv(lists[0])
    assert list(first.columns) == ["customer", "segment_name"]
    assert len(first) == summary["segments"][0]["customers"]
    assert (first["segment_name"] == summary["segments"][0]["name"]).all()


def test_past_the_limit_a_sample_is_fitted_and_everyone_labelled_by_it(customers_file) -> None:
    folder, frame = customers_file
    connection = connect(threads=1)
    source = source_of(folder / "customers.parquet")
    run = segment_streamed(
        connection, source, "customer", folder / "sampled", criteria=CRITERIA, k=2, sample_limit=25, chunk_rows=10
    )
    assert run.summary["fitted_on_sample"] and run.summary["sample_size"] == 25
    assert run.summary["customers"] == len(frame)
    drawn = connection.execute(sample_sql(source, "customer", len(frame), 25, 0)).df()
    assert drawn["customer"].is_monotonic_increasing and drawn["customer"].is_unique
    reordered = connection.execute(
        sample_sql(f"(SELECT * FROM {source} ORDER BY random())", "customer", 40, 25, 0)
    ).df()
    assert reordered["customer"].tolist() == drawn["customer"].tolist()  # the draw ignores the rows' order
    got = labelled(folder / "sampled")
    assert got["segment"].astype(int).tolist() == (run.fit.model.predict(frame) + 1).tolist()


def test_a_customers_folder_not_of_our_making_is_left_alone(customers_file) -> None:
    folder, _ = customers_file
    mine = folder / "theirs" / "customers"
    mine.mkdir(parents=True)
    (mine / "keep.txt").write_text("the user's own file", encoding="utf-8")
    with pytest.raises(SegmenttiError) as raised:
        segment_streamed(
            connect(threads=1), source_of(folder / "customers.parquet"), "customer", folder / "theirs",
            criteria=CRITERIA, k=2,
        )  # fmt: skip
    assert raised.value.key == "error.cannot_write"
    assert (mine / "keep.txt").read_text(encoding="utf-8") == "the user's own file"
