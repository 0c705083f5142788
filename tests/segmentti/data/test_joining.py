"""Joining per-customer files by id, and assembling order lines with a customer table."""

from __future__ import annotations

import pandas as pd
import pytest

from segmentti.data.assembly import Part, assemble
from segmentti.data.joining import join_tables
from segmentti.data.loading import read_file
from segmentti.data.order_detection import guess_order_lines
from segmentti.errors import SegmenttiError
from tests.conftest import SAMPLE_DIR


def test_join_keeps_every_left_row_and_reports_ids_in_one_file_only() -> None:
    crm = pd.DataFrame({"id": ["a", "b", "c"], "ikä": [30, 40, 50]})
    survey = pd.DataFrame({"vastaaja": ["b", "c", "d"], "ikä": [41, 51, 61], "nps": [9, 7, 3]})
    result = join_tables(crm, survey, "id", "vastaaja", right_name="kysely.csv")
    assert list(result.frame.columns) == ["id", "ikä", "ikä (kysely.csv)", "nps"]
    assert result.frame["nps"].tolist()[1:] == [9, 7] and pd.isna(result.frame["nps"][0])
    assert (result.matched, result.only_left, result.only_right) == (2, 1, 1)
    assert (result.only_left_examples, result.only_right_examples) == (("a",), ("d",))


def test_numeric_and_text_ids_match_and_repeated_ids_are_refused() -> None:
    left = pd.DataFrame({"CustomerID": [17850.0, 12346.0, None], "x": [1, 2, 3]})
    right = pd.DataFrame({"CustomerID": ["17850", "12346"], "y": [5, 6]})
    assert join_tables(left, right, "CustomerID").frame["y"].tolist()[:2] == [5, 6]
    with pytest.raises(SegmenttiError) as caught:
        join_tables(left, pd.DataFrame({"CustomerID": ["1", "1"], "y": [1, 2]}), "CustomerID")
    assert caught.value.key == "error.join_repeated_ids"
    with pytest.raises(SegmenttiError) as caught:
        join_tables(left, right, "CustomerID", "nope")
    assert caught.value.key == "error.join_no_id_column"


def test_sample_customers_joined_with_features_from_their_order_lines() -> None:
    customers = read_file(SAMPLE_DIR / "b2c_customers.csv")
    orders = read_file(SAMPLE_DIR / "b2c_orders.csv.gz")
    mapping = guess_order_lines(orders.frame).mapping
    parts = [Part(customers, "c", "customers", "customer_id"), Part(orders, "o", "orders", "customer_id", mapping)]
    assembly = assemble(parts)
    frame = assembly.table.frame
    assert len(frame) == 5000  # every customer kept
    assert {"age", "recency_days", "total_spend", "channel_share_webshop"} <= set(frame.columns)
    ((_, joined),) = assembly.joins
    ((_, built),) = assembly.features
    assert joined.matched == len(built.frame) and joined.only_right == 0
    assert joined.only_left == 5000 - len(built.frame)  # customers who never bought
    never = frame[frame["first_purchase"].isna()]
    assert len(never) == joined.only_left
    assert (never[["orders", "lines", "total_spend", "returns", "channel_share_store"]] == 0).all().all()
    assert never["recency_days"].isna().all() and never["avg_order_value"].isna().all()
    assert assembly.digest != assemble([parts[0]]).digest
    later = Part(orders, "o", "orders", "customer_id", mapping, as_of="2025-06-30")
    assert assemble([parts[0], later]).digest != assembly.digest
