"""The one SQL definition of order lines → customers gives what the in-memory path gives (DuckDB here)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segmentti.data import streamed
from segmentti.data.customer_sql import to_dialect, trimmed_text
from segmentti.data.orders import OrderMapping, build_customers
from segmentti.data.streamed import connect, customers_of_frame, source_of, stream_customers
from segmentti.errors import SegmenttiError


def order_lines(seed: int = 0, n: int = 400) -> pd.DataFrame:
    """Lines with every case the definition handles: returns, zero lines, blanks, many labels, an attribute."""
    rng = np.random.default_rng(seed)
    customers = np.array([f" c{i:02d}" if i % 7 == 0 else f"c{i:02d}" for i in range(40)], dtype=object)
    ids = customers[rng.integers(0, 40, n)]
    ids[rng.random(n) < 0.03] = None
    ids[rng.random(n) < 0.02] = "  "
    region = {name: ("north" if int(name.strip()[1:]) % 2 else "south") for name in customers}
    amount = np.round(rng.normal(40, 60, n), 2)
    amount[rng.random(n) < 0.05] = 0.0
    amount[rng.random(n) < 0.03] = np.nan
    times = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 300 * 24, n), unit="h")
    labels = np.array(
        [
            "shoes",
            "coats",
            "hats",
            "other",
            "bags",
            "socks",
            "belts",
            "ties",
            "caps",
            "rings",
            "pins",
            "scarves",
            "gloves",
        ],
        dtype=object,
    )
    category = labels[rng.integers(0, len(labels), n)]
    category[rng.random(n) < 0.05] = None
    return pd.DataFrame(
        {
            "customer": pd.array(ids, dtype="str"),
            "date": times,
            "order": pd.array([f"o{value}" for value in rng.integers(0, 120, n)], dtype="str"),
            "category": pd.array(category, dtype="str"),
            "channel": pd.array(np.array(["web", "store", "phone"], dtype=object)[rng.integers(0, 3, n)], dtype="str"),
            "amount": amount,
            "region": pd.array([region.get(name, "south") if name else None for name in ids], dtype="str"),
            "note": pd.array([f"n{value}" for value in rng.integers(0, 50, n)], dtype="str"),
        }
    )


def assert_same_customers(expected: pd.DataFrame, got: pd.DataFrame) -> None:
    """The same columns in the same order, the same ids in the same order, every value equal (floats to 1e-12)."""
    assert list(got.columns) == list(expected.columns)
    assert len(got) == len(expected)
    for name in expected.columns:
        want, have = expected[name], got[name].reset_index(drop=True)
        if pd.api.types.is_float_dtype(want):
            np.testing.assert_allclose(
                have.to_numpy(float, na_value=np.nan), want.to_numpy(float, na_value=np.nan), rtol=1e-12, atol=1e-12
            )
        elif pd.api.types.is_datetime64_any_dtype(want):
            assert (pd.to_datetime(have).to_numpy() == want.to_numpy()).all(), name
        else:
            assert have.astype("str").tolist() == want.astype("str").tolist(), name


FULL = OrderMapping("customer", "date", amount="amount", category="category", channel="channel", order="order")


@pytest.mark.parametrize(
    ("mapping", "as_of"),
    [
        (FULL, None),
        (FULL, "2025-06-30"),
        (OrderMapping("customer", "date", amount="amount", category="category"), "2025-09-01"),
    ],
)
def test_duckdb_gives_the_in_memory_customers(mapping: OrderMapping, as_of: str | None) -> None:
    lines = order_lines()
    expected = build_customers(lines, mapping, as_of)
    got, counts = customers_of_frame(lines, mapping, as_of)
    assert_same_customers(expected.frame, got)
    assert expected.attributes == counts.attributes == ("region",)
    for name in (
        "lines", "lines_without_id", "lines_without_date", "lines_without_amount", "lines_after_as_of",
        "purchase_lines", "return_lines", "zero_lines", "customers_without_purchase",
        "gross_spend", "returns_value", "total_spend",
    ):  # fmt: skip
        assert getattr(counts, name) == pytest.approx(getattr(expected, name), abs=1e-6), name
    assert counts.as_of == expected.as_of
    assert counts.customers == len(expected.frame)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(5, 120))
def test_duckdb_agrees_on_random_lines(seed: int, n: int) -> None:
    lines = order_lines(seed, n)
    try:
        expected = build_customers(lines, FULL)
    except SegmenttiError as error:
        with pytest.raises(SegmenttiError) as raised:
            customers_of_frame(lines, FULL)
        assert raised.value.key == error.key
        return
    got, _ = customers_of_frame(lines, FULL)
    assert_same_customers(expected.frame, got)


def test_quantity_times_price_and_text_numbers() -> None:
    lines = pd.DataFrame(
        {
            "id": [3, 1, 1, 2, 3],
            "when": ["2025-01-05", "2025-01-01", "2025-01-03", "2025-01-02", "2025-01-05 10:00"],
            "qty": ["2", "1", "-1", "4", "1"],
            "unit": [10.0, 5.5, 5.5, 2.0, 1.25],
        }
    )
    mapping = OrderMapping("id", "when", quantity="qty", price="unit")
    expected = build_customers(lines, mapping)
    got, _ = customers_of_frame(lines, mapping)
    assert_same_customers(expected.frame, got)
    assert got["orders"].tolist() == [1, 1, 2]  # no order column: distinct purchase times


@pytest.mark.parametrize(
    ("column", "values", "key"),
    [
        ("amount", ["12", "abc", "3"], "error.amount_not_numeric"),
        ("date", ["2025-01-01", "yesterday", "2025-01-02"], "error.date_not_dates"),
    ],
)
def test_bad_cells_are_the_same_user_errors(column: str, values: list[str], key: str) -> None:
    lines = pd.DataFrame({"customer": ["a", "b", "c"], "date": ["2025-01-01"] * 3, "amount": [1.0, 2.0, 3.0]})
    lines[column] = values
    with pytest.raises(SegmenttiError) as raised:
        customers_of_frame(lines, OrderMapping("customer", "date", amount="amount"))
    assert raised.value.key == key
    assert "abc" in str(raised.value) or "yesterday" in str(raised.value)


def test_streams_a_parquet_file_to_csv_and_parquet(tmp_path) -> None:
    lines = order_lines(3)
    lines.to_parquet(tmp_path / "lines.parquet")
    expected = build_customers(lines, FULL)
    connection = connect(memory_limit="256MB", threads=1)
    for name in ("customers.parquet", "customers.csv"):
        counts = stream_customers(connection, source_of(tmp_path / "lines.parquet"), FULL, tmp_path / name)
        written = pd.read_parquet(tmp_path / name) if name.endswith("parquet") else pd.read_csv(tmp_path / name)
        if name.endswith("csv"):
            for column in ("first_purchase", "last_purchase"):
                written[column] = pd.to_datetime(written[column])
        assert_same_customers(expected.frame, written)
        assert counts.customers == len(expected.frame)
        assert counts.total_spend == pytest.approx(expected.total_spend, abs=1e-6)


def test_a_csv_written_by_several_threads_is_the_file_one_writes(tmp_path, monkeypatch) -> None:
    lines = order_lines(4, 2000)
    lines.to_parquet(tmp_path / "lines.parquet")
    connection = connect(threads=3)
    source = source_of(tmp_path / "lines.parquet")
    stream_customers(connection, source, FULL, tmp_path / "one.csv", in_memory=True)
    monkeypatch.setattr(streamed, "ROWS_PER_WRITER", 5)  # 40 customers: three writers, one per thread
    counts = stream_customers(connection, source, FULL, tmp_path / "three.csv", in_memory=True)
    written = (tmp_path / "three.csv").read_bytes()
    assert written == (tmp_path / "one.csv").read_bytes()
    assert written.count(b"customer,") == 1 and len(written.splitlines()) == counts.customers + 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["lines.parquet", "one.csv", "three.csv"]

    def disk_full(source, target) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(streamed.shutil, "copyfileobj", disk_full)
    with pytest.raises(SegmenttiError) as raised:
        stream_customers(connection, source, FULL, tmp_path / "full.csv", in_memory=True)
    assert raised.value.key == "error.cannot_write" and "No space left" in str(raised.value)
    assert not [path.name for path in tmp_path.iterdir() if ".part" in path.name]  # no piece of it left behind


def test_missing_file_is_a_user_error(tmp_path) -> None:
    with pytest.raises(SegmenttiError) as raised:
        source_of(tmp_path / "nothing.parquet")
    assert raised.value.key == "error.file_not_found"


def test_text_cells_are_trimmed_as_the_loader_trims_them() -> None:
    cells = [" a", "a ", " a b ", "a b", "", "   ", None]
    rows = connect().execute(f"SELECT {trimmed_text('cell')} FROM (SELECT UNNEST(?) AS cell)", [cells]).fetchall()
    assert [row[0] for row in rows] == ["a", "a", "a b", "a b", None, None, None]


def test_spark_dialect_is_translated_not_copied() -> None:
    spark = to_dialect('SELECT CAST(x AS VARCHAR) AS "a b" FROM lines', "spark")
    assert spark == "SELECT CAST(x AS STRING) AS `a b` FROM lines"


def test_a_label_called_other_alone_is_the_whole_other_share() -> None:
    lines = pd.DataFrame(
        {"customer": ["a", "a", "b"], "date": pd.to_datetime(["2025-01-01"] * 3), "amount": [10.0, 5.0, 7.0],
         "category": ["other", "other", "other"]}
    )  # fmt: skip
    mapping = OrderMapping("customer", "date", amount="amount", category="category")
    got, _ = customers_of_frame(lines, mapping)
    assert got["category_share_other"].tolist() == [1.0, 1.0]
    assert_same_customers(build_customers(lines, mapping).frame, got)


def test_whole_number_order_ids_count_as_the_in_memory_path_counts_them() -> None:
    lines = order_lines(7, n=300)
    lines["order"] = lines["order"].str.removeprefix("o").astype("int64")
    lines.loc[::9, "order"] = 5  # one order spread over many lines and customers
    expected = build_customers(lines, FULL)
    got, _ = customers_of_frame(lines, FULL)
    assert_same_customers(expected.frame, got)
