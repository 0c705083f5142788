"""Order lines to one row per customer: hand-checked figures, the mapping guess and the UCI Online Retail check."""

from __future__ import annotations

import datetime
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segmentti.data.columns import Role, describe_columns
from segmentti.data.loading import load_table, read_file
from segmentti.data.order_detection import guess_order_lines
from segmentti.data.orders import FEATURE_COLUMNS, OrderMapping, build_customers
from segmentti.errors import SegmenttiError
from tests.conftest import SAMPLE_DIR

LINES = """asiakas;pvm;tilaus;tuoteryhmä;kanava;summa
A;01.01.2025;1;Kenkä;kauppa;100,00
A;01.01.2025;1;Takki;kauppa;50,00
A;11.01.2025;2;Kenkä;verkko;30,00
A;21.01.2025;3;Kenkä;verkko;-30,00
B;15.01.2025;4;Takki;verkko;200,00
C;20.01.2025;5;Takki;verkko;-10,00
;22.01.2025;6;Takki;verkko;99,00
"""


def _lines() -> pd.DataFrame:
    return load_table(LINES.encode("cp1252"), "rivit.csv").frame


def test_hand_checked_customer_features() -> None:
    mapping = OrderMapping("asiakas", "pvm", amount="summa", category="tuoteryhmä", channel="kanava", order="tilaus")
    built = build_customers(_lines(), mapping)
    frame = built.frame.set_index("asiakas")
    assert list(built.frame.columns[: 1 + len(FEATURE_COLUMNS)]) == ["asiakas", *FEATURE_COLUMNS]
    assert built.as_of == pd.Timestamp("2025-01-22")  # the day after the last line with an id (21.1.)
    assert list(frame.index) == ["A", "B"]  # C only returned, the last line has no id
    a = frame.loc["A"]
    assert a["first_purchase"] == pd.Timestamp("2025-01-01") and a["last_purchase"] == pd.Timestamp("2025-01-11")
    assert a["recency_days"] == 11 and a["tenure_days"] == 21
    assert a["orders"] == 2 and a["lines"] == 3
    assert a["total_spend"] == 150.0 and a["gross_spend"] == 180.0  # net of the 30 returned on 21.1.
    assert a["avg_order_value"] == 90.0  # gross purchases per order
    assert a["mean_days_between_orders"] == 10.0
    assert a["returns"] == 1 and a["returns_value"] == 30.0
    assert a["category_share_Kenkä"] == pytest.approx(130 / 180)
    assert a["category_share_Takki"] == pytest.approx(50 / 180)
    assert a["channel_share_kauppa"] == pytest.approx(150 / 180)
    b = frame.loc["B"]
    assert b["orders"] == 1 and math.isnan(b["mean_days_between_orders"]) and b["returns"] == 0
    assert built.lines == 7 and built.lines_without_id == 1
    assert built.purchase_lines == 4 and built.return_lines == 2
    assert built.customers_without_purchase == 1
    assert (built.gross_spend, built.returns_value, built.total_spend) == (380.0, 30.0, 350.0)


def test_quantity_times_price_as_of_and_without_order_column() -> None:
    frame = pd.DataFrame(
        {
            "cust": [1, 1, 2, 2],
            "when": pd.to_datetime(
                ["2025-01-01 10:00", "2025-01-05 12:00", "2025-01-02", "2025-02-01"], format="ISO8601"
            ),
            "qty": [2, 1, 3, 1],
            "price": [5.0, 10.0, 1.0, 100.0],
        }
    )
    built = build_customers(frame, OrderMapping("cust", "when", quantity="qty", price="price"), as_of="2025-01-10")
    assert built.lines_after_as_of == 1
    result = built.frame.set_index("cust")
    assert result.loc[1, "total_spend"] == 20.0 and result.loc[1, "orders"] == 2
    assert result.loc[1, "recency_days"] == 5 and result.loc[1, "mean_days_between_orders"] == 4.0
    assert result.loc[2, "total_spend"] == 3.0


@pytest.mark.parametrize(
    ("mapping", "key"),
    [
        (OrderMapping("nope", "pvm", amount="summa"), "error.unknown_order_columns"),
        (OrderMapping("asiakas", "pvm"), "error.no_amount_mapping"),
        (OrderMapping("asiakas", "pvm", amount="kanava"), "error.amount_not_numeric"),
        (OrderMapping("asiakas", "kanava", amount="summa"), "error.date_not_dates"),
    ],
)
def test_bad_mappings_are_user_errors(mapping: OrderMapping, key: str) -> None:
    with pytest.raises(SegmenttiError) as caught:
        build_customers(_lines(), mapping)
    assert caught.value.key == key


def test_ids_missing_everywhere_and_no_purchases() -> None:
    frame = pd.DataFrame({"id": [None, None], "d": pd.to_datetime(["2025-01-01"] * 2), "a": [1.0, 2.0]})
    with pytest.raises(SegmenttiError) as caught:
        build_customers(frame, OrderMapping("id", "d", amount="a"))
    assert caught.value.key == "error.no_customer_ids"
    frame["id"] = ["x", "y"]
    frame["a"] = [-1.0, 0.0]
    with pytest.raises(SegmenttiError) as caught:
        build_customers(frame, OrderMapping("id", "d", amount="a"))
    assert caught.value.key == "error.no_purchases"


def test_guess_tells_order_lines_from_customers() -> None:
    guess = guess_order_lines(read_file(SAMPLE_DIR / "b2c_orders.csv.gz").frame)
    assert guess.is_order_lines
    assert guess.mapping == OrderMapping(
        "customer_id",
        "order_date",
        amount="amount_eur",
        category="product_category",
        channel="channel",
        order="order_id",
    )
    assert not guess_order_lines(read_file(SAMPLE_DIR / "b2c_customers.csv").frame).is_order_lines


def test_uci_online_retail_as_a_user_loads_it(online_retail_table) -> None:
    table = online_retail_table
    guess = guess_order_lines(table.frame)
    assert guess.is_order_lines
    assert (guess.mapping.customer, guess.mapping.date) == ("CustomerID", "InvoiceDate")
    assert (guess.mapping.quantity, guess.mapping.price, guess.mapping.amount) == ("Quantity", "UnitPrice", None)
    built = build_customers(table.frame, guess.mapping)
    assert len(built.frame) == 4338
    assert built.purchase_lines == 397_884
    assert round(built.gross_spend, 2) == 8_911_407.90  # the published purchase total
    assert round(built.frame["gross_spend"].sum(), 2) == 8_911_407.90
    assert built.total_spend == pytest.approx(built.gross_spend - built.returns_value)
    assert built.lines_without_id == 135_080
    frame = built.frame.set_index("CustomerID")
    assert frame["total_spend"].idxmax() == 14646
    # bought 168,472.50 and returned 168,469.60 of it: worth 2.90, far from the top
    assert frame.loc[16446, "gross_spend"] == pytest.approx(168_472.5)
    assert frame.loc[16446, "total_spend"] == pytest.approx(2.90)
    assert (frame["total_spend"] > frame.loc[16446, "total_spend"]).mean() > 0.95
    # the country describes the customer: kept, one value each
    assert built.attributes == ("Country",)
    assert frame["Country"].notna().all() and frame.loc[14646, "Country"] == "Netherlands"
    assert frame["Country"].value_counts().index[0] == "United Kingdom"
    roles = {info.name: info.role for info in describe_columns(built.frame)}
    assert roles["Country"] is Role.CATEGORICAL  # and so a criterion


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d"]),
            st.integers(min_value=0, max_value=60),
            st.floats(min_value=-50, max_value=500, allow_nan=False).map(lambda x: round(x, 2)),
            st.sampled_from(["x", "y", "z"]),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_features_add_up_for_any_order_lines(rows: list[tuple[str, int, float, str]]) -> None:
    frame = pd.DataFrame(rows, columns=["id", "day", "amount", "channel"])
    frame["date"] = pd.Timestamp("2025-01-01") + pd.to_timedelta(frame["day"], unit="D")
    mapping = OrderMapping("id", "date", amount="amount", channel="channel")
    if not (frame["amount"] > 0).any():
        with pytest.raises(SegmenttiError):
            build_customers(frame, mapping)
        return
    built = build_customers(frame, mapping)
    result = built.frame
    bought = frame[frame["amount"] > 0]
    assert sorted(result["id"]) == sorted(bought["id"].unique())
    assert result["gross_spend"].sum() == pytest.approx(bought["amount"].sum())
    buyers_returns = frame[(frame["amount"] < 0) & frame["id"].isin(bought["id"])]["amount"].sum()
    assert result["total_spend"].sum() == pytest.approx(bought["amount"].sum() + buyers_returns, abs=1e-6)
    assert int(result["lines"].sum()) == len(bought) == built.purchase_lines
    assert built.purchase_lines + built.return_lines + built.zero_lines == len(frame)
    assert built.zero_lines == int((frame["amount"] == 0).sum())
    assert ((result.filter(like="_share_") >= 0) & (result.filter(like="_share_") <= 1)).all().all()
    shares = result.filter(like="channel_share_").sum(axis=1)
    assert shares.to_numpy() == pytest.approx(1.0)
    assert (result["recency_days"] >= 1).all() and (result["tenure_days"] >= result["recency_days"]).all()
    assert (result["avg_order_value"] * result["orders"]).to_numpy() == pytest.approx(result["gross_spend"].to_numpy())


def test_zero_amount_lines_are_neither_purchases_nor_returns() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "a", "a", "b"],
            "date": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-03"]),
            "amount": [100.0, 0.0, -40.0, 0.0],
        }
    )
    built = build_customers(frame, OrderMapping("id", "date", amount="amount"))
    a = built.frame.set_index("id").loc["a"]
    assert (built.purchase_lines, built.return_lines, built.zero_lines) == (1, 1, 2)
    assert a["returns"] == 1 and a["returns_value"] == 40.0
    assert (a["gross_spend"], a["total_spend"], a["avg_order_value"]) == (100.0, 60.0, 100.0)
    assert built.customers_without_purchase == 1  # b had a zero line only


def test_the_as_of_day_is_included_and_later_days_left_out() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "a", "a", "b"],
            "date": pd.to_datetime(["2025-01-01 09:00", "2025-01-10 23:59", "2025-01-11 00:00", "2025-01-10 12:00"]),
            "amount": [10.0, 20.0, 40.0, 5.0],
        }
    )
    mapping = OrderMapping("id", "date", amount="amount")
    for as_of in ("2025-01-10", pd.Timestamp("2025-01-10 08:00"), datetime.date(2025, 1, 10)):
        built = build_customers(frame, mapping, as_of=as_of)
        result = built.frame.set_index("id")
        assert built.as_of == pd.Timestamp("2025-01-10") and built.lines_after_as_of == 1
        assert result.loc["a", "total_spend"] == 30.0 and result.loc["a", "orders"] == 2
        assert result.loc["a", "recency_days"] == 0 and result.loc["a", "tenure_days"] == 9
        assert result.loc["b", "recency_days"] == 0


def test_mixed_utc_offsets_of_a_daylight_saving_change_load_as_local_time() -> None:
    text = (
        "customer;time;amount\n"
        "A;2025-10-25T23:30:00+03:00;10\n"  # summer time, late evening of 25 October
        "A;2025-10-26T02:30:00+02:00;20\n"  # after the change, small hours of 26 October
        "B;2025-10-27T08:00:00+02:00;5\n"
    )
    table = load_table(text.encode(), "rivit.csv")
    assert pd.api.types.is_datetime64_any_dtype(table.frame["time"])
    assert table.frame["time"].tolist() == [
        pd.Timestamp("2025-10-25 23:30"),
        pd.Timestamp("2025-10-26 02:30"),
        pd.Timestamp("2025-10-27 08:00"),
    ]
    built = build_customers(table.frame, OrderMapping("customer", "time", amount="amount"))
    a = built.frame.set_index("customer").loc["A"]
    assert a["orders"] == 2 and a["mean_days_between_orders"] == 1.0 and a["recency_days"] == 2
    # the same text straight into build_customers (not through load_table) reads the same way
    raw = pd.DataFrame({"customer": ["A", "A"], "time": ["2025-10-25T23:30:00+03:00", "2025-10-26T02:30:00+02:00"]})
    raw["amount"] = [1.0, 2.0]
    direct = build_customers(raw, OrderMapping("customer", "time", amount="amount"))
    assert direct.frame["first_purchase"].iloc[0] == pd.Timestamp("2025-10-25 23:30")


def test_offsets_of_different_places_are_put_on_utc() -> None:
    text = "customer;time;amount\nA;2025-01-01T01:00:00+05:00;10\nA;2025-01-01T01:00:00Z;20\n"
    frame = load_table(text.encode(), "rivit.csv").frame
    assert frame["time"].tolist() == [pd.Timestamp("2024-12-31 20:00"), pd.Timestamp("2025-01-01 01:00")]


def test_result_does_not_depend_on_line_order_or_id_values() -> None:
    rng = np.random.default_rng(7)
    size = 400
    frame = pd.DataFrame(
        {
            "id": rng.integers(0, 60, size),
            "date": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 90, size), unit="D"),
            "order": rng.integers(0, 150, size),
            "amount": rng.choice([-20.0, 0.0, 10.0, 10.0, 25.0, 50.0], size),
            "group": rng.choice(["x", "y", "z"], size),  # x and y can tie on spend
        }
    )
    frame["amount"] = np.where(frame["group"] == "z", frame["amount"], np.abs(frame["amount"]))
    frame["country"] = np.where(frame["id"] % 3 == 0, "FI", "SE")
    mapping = OrderMapping("id", "date", amount="amount", category="group", order="order")
    base = build_customers(frame, mapping, as_of="2025-03-15")
    renumber = dict(zip(range(60), rng.permutation(np.arange(1000, 1060)), strict=True))
    shuffled = frame.sample(frac=1.0, random_state=3).reset_index(drop=True)
    shuffled["id"] = shuffled["id"].map(renumber)
    other = build_customers(shuffled, mapping, as_of="2025-03-15")
    expected = base.frame.assign(id=base.frame["id"].map(renumber)).set_index("id").sort_index()
    got = other.frame.set_index("id").sort_index()
    assert base.attributes == other.attributes == ("country",)
    pd.testing.assert_frame_equal(got[expected.columns], expected, check_exact=False, rtol=1e-12)


def test_share_columns_rank_labels_with_equal_spend_the_same_whatever_the_line_order() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "date": pd.to_datetime(["2025-01-01"] * 3),
            "amount": [10.0, 10.0, 5.0],
            "cat": ["y", "x", "w"],
        }
    )
    mapping = OrderMapping("id", "date", amount="amount", category="cat")
    first = build_customers(frame, mapping, top_categories=1).frame
    second = build_customers(frame.iloc[::-1], mapping, top_categories=1).frame
    assert list(first.filter(like="share").columns) == ["category_share_x", "category_share_other"]
    pd.testing.assert_frame_equal(first, second)


def test_columns_that_describe_the_customer_are_kept_as_their_most_frequent_value() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a"] * 3 + ["b"] * 2 + [f"c{i}" for i in range(20) for _ in range(2)],
            "date": pd.to_datetime(["2025-01-01"] * 45),
            "amount": [10.0] * 45,
            "city": ["Oulu", "Oulu", "Turku", "Espoo", "Espoo"] + ["Vantaa"] * 40,
            "product": [f"p{i}" for i in range(45)],
        }
    )
    built = build_customers(frame, OrderMapping("id", "date", amount="amount"))
    result = built.frame.set_index("id")
    assert built.attributes == ("city",)  # product differs on every line: not about the customer
    assert result.loc["a", "city"] == "Oulu" and result.loc["b", "city"] == "Espoo"
    assert "product" not in result.columns


def test_every_path_counts_the_same_lines_up_to_the_as_of_day() -> None:
    from segmentti.engine.rfm import summarize_orders

    lines = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "b", "c"],
            "order_id": [1, 2, 3, 4, 5],
            "order_date": pd.to_datetime(
                ["2025-01-01", "2025-01-10 18:00", "2025-01-05", "2025-01-20", "2025-01-15"], format="ISO8601"
            ),
            "amount_eur": [10.0, 20.0, 30.0, -30.0, 5.0],
        }
    )
    rfm = summarize_orders(lines, as_of=pd.Timestamp("2025-01-10"))
    built = build_customers(
        lines, OrderMapping("customer_id", "order_date", amount="amount_eur", order="order_id"), "2025-01-10"
    )
    features = built.frame.set_index("customer_id")
    assert rfm.index.tolist() == features.index.tolist() == ["a", "b"]  # c bought after the as-of day
    assert (rfm["recency_days"] >= 0).all()
    for column in ("recency_days", "orders", "total_spend"):
        assert rfm[column].tolist() == features[column].tolist()
    assert features.loc["a", "recency_days"] == 0 and features.loc["b", "total_spend"] == 30.0  # return came later


def test_online_retail_shuffled_and_renumbered_gives_the_same_customers(online_retail_table) -> None:
    lines = online_retail_table.frame
    mapping = OrderMapping("CustomerID", "InvoiceDate", quantity="Quantity", price="UnitPrice", order="InvoiceNo")
    base = build_customers(lines, mapping).frame.set_index("CustomerID")
    ids = lines["CustomerID"].dropna().unique()
    renumber = dict(zip(ids, np.random.default_rng(1).permutation(len(ids)) + 900_000, strict=True))
    shuffled = lines.sample(frac=1.0, random_state=11).reset_index(drop=True)
    shuffled["CustomerID"] = shuffled["CustomerID"].map(renumber)
    other = build_customers(shuffled, mapping).frame
    other["CustomerID"] = other["CustomerID"].map({new: old for old, new in renumber.items()})
    other = other.set_index("CustomerID").loc[base.index]
    pd.testing.assert_frame_equal(other, base, check_exact=False, check_index_type=False, check_dtype=False)


def test_empty_cells_explained_by_the_number_of_orders_are_structural() -> None:
    from segmentti.data.assembly import Part, assemble
    from segmentti.data.loading import Table
    from segmentti.data.orders import structurally_missing

    customers = Table(pd.DataFrame({"asiakas": ["A", "B", "D"], "ikä": [30, None, 50]}), "asiakkaat.csv", "csv")
    orders = Table(_lines(), "rivit.csv", "csv")
    mapping = OrderMapping("asiakas", "pvm", amount="summa", order="tilaus")
    joined = assemble([Part(customers, "c", id_column="asiakas"), Part(orders, "o", "orders", mapping=mapping)])
    frame = joined.table.frame.set_index("asiakas")  # A ordered twice, B once, D never
    found = structurally_missing(frame.reset_index())
    assert found["mean_days_between_orders"].tolist() == [False, True, True]
    assert found["recency_days"].tolist() == [False, False, True]
    assert "ikä" not in found  # a gap in the customer's own data is a real gap
    assert frame.loc["D", "orders"] == 0 and frame.loc["D", "gross_spend"] == 0


def test_orders_are_counted_per_customer_with_missing_order_ids_as_one_order() -> None:
    from segmentti.data.streamed import customers_of_frame

    lines = pd.DataFrame(
        {
            "customer": ["A", "A", "A", "A", "B", "B", "C", "C"],
            "date": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"] * 2),
            "amount": [10.0, 20.0, 5.0, 7.0, 3.0, 4.0, 8.0, 9.0],
            "order": pd.Series(["o1", "o1", None, None, "o9", "o1", None, "o2"], dtype="str"),
        }
    )
    mapping = OrderMapping("customer", "date", amount="amount", order="order")
    built = build_customers(lines, mapping).frame.set_index("customer")
    # A: o1 and the missing id; B: o9 and o1 (an order id shared with A counts for each); C: missing and o2
    assert built["orders"].to_dict() == {"A": 2, "B": 2, "C": 2}
    on_duckdb, _ = customers_of_frame(lines, mapping)
    assert on_duckdb.set_index("customer")["orders"].to_dict() == built["orders"].to_dict()
