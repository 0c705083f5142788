"""Order lines to one row per customer: hand-checked figures, the mapping guess and the UCI Online Retail check."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segmentti.data.loading import load_table, read_file
from segmentti.data.orders import FEATURE_COLUMNS, OrderMapping, build_customers, guess_order_lines
from segmentti.errors import SegmenttiError
from tests.conftest import REALDATA, SAMPLE_DIR

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


def test_uci_online_retail_as_a_user_loads_it() -> None:
    path = REALDATA / "online_retail.csv.gz"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    table = read_file(path)
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
    shares = result.filter(like="channel_share_").sum(axis=1)
    assert shares.to_numpy() == pytest.approx(1.0)
    assert (result["recency_days"] >= 1).all() and (result["tenure_days"] >= result["recency_days"]).all()
    assert (result["avg_order_value"] * result["orders"]).to_numpy() == pytest.approx(result["gross_spend"].to_numpy())
