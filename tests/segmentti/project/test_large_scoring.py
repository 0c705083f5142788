"""``score --engine duckdb``: a saved model places every customer as the in-memory ``score`` does, in segment's files.

The Spark run of the same comparison is in ``tests/segmentti/test_spark.py`` (it shares that
module's Spark session).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from segmentti.cli import main
from segmentti.data.orders import build_customers
from segmentti.engine import large
from segmentti.engine.model import SegmentModel
from segmentti.project.saved_model import model_to_bytes, save_model
from tests.segmentti.data.test_customer_sql import FULL, order_lines

CRITERIA = ["recency_days", "orders", "total_spend", "avg_order_value", "channel_share_web", "region"]
NAMES = ["loyal regulars", "occasional small baskets", "lapsed big baskets"]


def write_model(lines: pd.DataFrame, path: Path, *, orders: bool = True) -> Path:
    """A k-means model with a categorical criterion, fitted on the customers of ``lines``, saved to ``path``."""
    customers = build_customers(lines, FULL).frame
    model = SegmentModel(criteria=CRITERIA, k=3, seed=0).fit(customers)
    saved = save_model(model, NAMES, orders=FULL if orders else None, source="january.parquet")
    path.write_bytes(model_to_bytes(saved))
    return path


def scored_in_memory(source: Path, model: Path, out: Path) -> pd.DataFrame:
    """Customer id, segment and name as ``score --engine pandas`` writes them to segments.csv."""
    assert main(["score", str(source), "--model", str(model), "--out", str(out), "--engine", "pandas"]) == 0
    table = pd.read_csv(out / "segments.csv", dtype={"customer": str}, keep_default_na=False)
    return table[["customer", "segment", "segment_name"]].sort_values("customer", ignore_index=True)


def labelled_customers(out: Path) -> pd.DataFrame:
    """Customer id, segment and name of a run past memory (``customers/segment=<n>/`` Parquet)."""
    table = pd.read_parquet(out / "customers")
    table["segment"] = table["segment"].astype(int)
    table["segment_name"] = table["segment_name"].astype(str)
    return table[["customer", "segment", "segment_name"]].sort_values("customer", ignore_index=True)


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """January's model, February's order lines, and February scored in memory."""
    folder = tmp_path_factory.mktemp("large_scoring")
    model = write_model(order_lines(0, n=600), folder / "model.json")
    february = order_lines(1, n=600)
    february.to_parquet(folder / "february.parquet")
    expected = scored_in_memory(folder / "february.parquet", model, folder / "in_memory")
    return folder, model, february, expected


def test_duckdb_places_every_customer_as_the_in_memory_score(scored, capsys) -> None:
    folder, model, _, expected = scored
    out = folder / "duckdb"
    capsys.readouterr()
    code = main(["score", str(folder / "february.parquet"), "--model", str(model), "--out", str(out),
                 "--engine", "duckdb"])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    pd.testing.assert_frame_equal(labelled_customers(out), expected, check_dtype=False)
    assert set(expected["segment"]) == {1, 2, 3}  # every segment has customers: the comparison can fail
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    sizes = expected["segment"].value_counts().sort_index().tolist()
    assert [segment["customers"] for segment in summary["segments"]] == sizes
    assert [segment["name"] for segment in summary["segments"]] == NAMES
    assert summary["k_selection"] == "model" and summary["engine"] == "duckdb"
    assert summary["criteria"] == list(model_criteria(model))
    means = summary["segments"][0]["means"]
    assert "region" not in means and set(means) >= {"orders", "total_spend", "recency_days"}
    assert f"600 lines → {len(expected)} customers" in captured.err
    assert f"{len(expected)} customers placed into the model's 3 segments (engine duckdb)" in captured.out
    lists = sorted(path.name for path in (out / "lists").glob("*.csv"))
    assert lists == ["01_loyal_regulars.csv", "02_occasional_small_baskets.csv", "03_lapsed_big_baskets.csv"]
    first = pd.read_csv(out / "lists" / lists[0], dtype={"customer": str}, keep_default_na=False)
    assert first["customer"].tolist() == expected.loc[expected["segment"] == 1, "customer"].tolist()
    assert (out / "customer_features.parquet").exists()


def model_criteria(path: Path) -> tuple[str, ...]:
    return model_from_path(path).criteria


def test_a_customer_table_is_scored_with_its_id_found(scored, tmp_path) -> None:
    """A model fitted on a customer table scores a customer table: the id column is recognised, as in memory."""
    _, _, february, _ = scored
    model = write_model(order_lines(0, n=600), tmp_path / "model.json", orders=False)
    customers = build_customers(february, FULL).frame
    customers.to_parquet(tmp_path / "customers.parquet")
    expected = scored_in_memory(tmp_path / "customers.parquet", model, tmp_path / "in_memory")
    out = tmp_path / "duckdb"
    assert main(["score", str(tmp_path / "customers.parquet"), "--model", str(model), "--out", str(out),
                 "--engine", "duckdb"]) == 0  # fmt: skip
    pd.testing.assert_frame_equal(labelled_customers(out), expected, check_dtype=False)
    assert not (out / "customer_features.parquet").exists()


def test_auto_streams_a_large_file_through_duckdb(scored, tmp_path, monkeypatch) -> None:
    folder, model, _, expected = scored
    monkeypatch.setattr(large, "LARGE_FILE_BYTES", 1)  # every file counts as large
    assert main(["score", str(folder / "february.parquet"), "--model", str(model), "--out", str(tmp_path)]) == 0
    assert json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["engine"] == "duckdb"
    assert not (tmp_path / "segments.csv").exists()
    assert len(labelled_customers(tmp_path)) == len(expected)


def test_a_missing_criterion_is_named_in_one_error_line(scored, tmp_path, capsys) -> None:
    _, _, february, _ = scored
    customers = build_customers(february, FULL).frame.drop(columns=["channel_share_web"])
    customers.to_parquet(tmp_path / "customers.parquet")
    no_orders = write_model(order_lines(0, n=600), tmp_path / "model.json", orders=False)
    code = main(["--lang", "fi", "score", str(tmp_path / "customers.parquet"), "--model", str(no_orders),
                 "--out", str(tmp_path / "out"), "--engine", "duckdb"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("error: ")
    assert "channel_share_web" in err


def test_missing_order_columns_are_named_before_anything_runs(scored, tmp_path, capsys) -> None:
    _, model, february, _ = scored
    february.drop(columns=["date"]).to_parquet(tmp_path / "lines.parquet")
    code = main(["score", str(tmp_path / "lines.parquet"), "--model", str(model), "--out", str(tmp_path / "out"),
                 "--engine", "duckdb"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "date" in err
    assert not (tmp_path / "out").exists()


def test_spark_without_pyspark_says_how_to_install_it(scored, tmp_path, capsys, monkeypatch) -> None:
    folder, model, _, _ = scored
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    code = main(["score", str(folder / "february.parquet"), "--model", str(model), "--out", str(tmp_path),
                 "--engine", "spark"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "pip install pyspark" in err


def test_a_segment_without_new_customers_keeps_its_place_in_both_engines(scored, tmp_path) -> None:
    """February's lines place nobody in the last segment: both summaries still list it, with 0 customers."""
    _, model, _, _ = scored
    order_lines(3, n=800).to_parquet(tmp_path / "lines.parquet")
    expected = scored_in_memory(tmp_path / "lines.parquet", model, tmp_path / "in_memory")
    in_memory = json.loads((tmp_path / "in_memory" / "summary.json").read_text(encoding="utf-8"))
    assert [segment["size"] for segment in in_memory["segments"]][2] == 0
    out = tmp_path / "duckdb"
    assert main(["score", str(tmp_path / "lines.parquet"), "--model", str(model), "--out", str(out),
                 "--engine", "duckdb"]) == 0  # fmt: skip
    pd.testing.assert_frame_equal(labelled_customers(out), expected, check_dtype=False)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [segment["customers"] for segment in summary["segments"]] == [
        segment["size"] for segment in in_memory["segments"]
    ]
    assert len(list((out / "lists").glob("*.csv"))) == 2  # no list for a segment without customers


def test_a_segment_run_past_memory_saves_the_model_score_uses(scored, tmp_path, capsys) -> None:
    """segment --engine duckdb writes model.json (the order-line mapping, every customer's sizes); score reuses it."""
    folder, _, _, _ = scored
    lines = folder / "february.parquet"
    mapping = ["--customer", "customer", "--date", "date", "--amount", "amount", "--category", "category",
               "--channel", "channel", "--order", "order"]  # fmt: skip
    january = tmp_path / "january"
    assert main(["segment", str(lines), *mapping, "--engine", "duckdb", "--criteria", ",".join(CRITERIA),
                 "--k", "3", "--out", str(january)]) == 0  # fmt: skip
    assert f"(score --model): {january / 'model.json'}" in capsys.readouterr().out
    summary = json.loads((january / "summary.json").read_text(encoding="utf-8"))
    saved = model_from_path(january / "model.json")
    assert saved.orders == FULL and saved.source == "february.parquet"
    assert list(saved.sizes) == [segment["customers"] for segment in summary["segments"]]
    assert list(saved.names) == [segment["name"] for segment in summary["segments"]]
    again = tmp_path / "again"
    assert main(["score", str(lines), "--model", str(january / "model.json"), "--out", str(again),
                 "--engine", "duckdb"]) == 0  # fmt: skip
    pd.testing.assert_frame_equal(labelled_customers(again), labelled_customers(january))


def model_from_path(path: Path):
    from segmentti.project.saved_model import model_from_bytes

    return model_from_bytes(path.read_bytes())


def test_a_project_with_a_pilot_is_refused_past_memory(scored, tmp_path, capsys) -> None:
    """The pilot's control group is drawn in memory: past memory the user is told so, nothing is written."""
    folder, _, _, _ = scored
    mapping = ["--customer", "customer", "--date", "date", "--amount", "amount", "--category", "category",
               "--channel", "channel", "--order", "order"]  # fmt: skip
    order_lines(0, n=600).to_parquet(tmp_path / "january.parquet")
    january = tmp_path / "january"
    assert main(["segment", str(tmp_path / "january.parquet"), *mapping, "--criteria", ",".join(CRITERIA),
                 "--k", "3", "--engine", "pandas", "--out", str(january)]) == 0  # fmt: skip
    project = json.loads((january / "project.json").read_text(encoding="utf-8"))
    project["pilot"] = {"percent": 10, "seed": 1}
    (january / "project.json").write_text(json.dumps(project), encoding="utf-8")
    capsys.readouterr()
    code = main(["score", str(folder / "february.parquet"), "--model", str(january / "model.json"),
                 "--project", str(january / "project.json"), "--out", str(tmp_path / "out"), "--engine", "duckdb"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "--engine pandas" in err
    assert not (tmp_path / "out").exists()
