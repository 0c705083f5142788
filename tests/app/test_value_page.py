"""The customer-value page on order lines: results in both languages, value columns into personas, bad data in words."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from segmentti.data.assembly import Part, assemble
from segmentti.data.loading import Table
from segmentti.data.orders import OrderMapping
from segmentti.texts import translate
from ui import state
from ui.state import Dataset

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
MAPPING = OrderMapping("customer_id", "order_date", amount="amount_eur", order="order_id")


def _orders_dataset(lines: pd.DataFrame, name: str = "orders.csv") -> Dataset:
    """Order lines as the data page leaves them: customers built from the lines, the lines kept with the data."""
    part = Part(Table(lines, name, "csv"), f"digest-{name}-{len(lines)}", "orders", "customer_id", MAPPING)
    assembly = assemble([part])
    return Dataset(assembly.table, assembly.digest, orders=(part,))


@pytest.fixture(scope="module")
def sample_lines() -> pd.DataFrame:
    """Order lines of 600 customers who buy and drop out as BG/NBD draws them (r=0.5, alpha=20 days, a=1, b=3), over two years."""
    rng = np.random.default_rng(5)
    rows = []
    start = pd.Timestamp("2024-01-01")
    for number in range(600):
        rate, dropout, day = rng.gamma(0.5, 1 / 20.0), rng.beta(1.0, 3.0), float(rng.integers(0, 300))
        while day < 730:
            rows.append((f"O{len(rows)}", f"C{number:04d}", start + pd.Timedelta(days=int(day)), rng.gamma(4.0, 10.0)))
            if rng.random() < dropout:
                break
            day += rng.exponential(1 / rate)
    return pd.DataFrame(rows, columns=["order_id", "customer_id", "order_date", "amount_eur"])


def _open(dataset: Dataset, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[state.LANG] = lang
    at.session_state[state.DATASET] = dataset
    at.session_state[state.SOURCE] = dataset
    at.run()
    at.switch_page("pages/value.py").run()
    assert not at.exception, [exception.value for exception in at.exception]
    return at


def _titles(at: AppTest) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"].get("title", {}).get("text", "") for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_page_fits_the_order_lines_behind_the_data_and_adds_value_to_the_personas(
    sample_lines: pd.DataFrame, lang: str
) -> None:
    at = _open(_orders_dataset(sample_lines), lang)
    assert not at.error, [error.value for error in at.error]
    assert at.metric[0].value == "600"
    titles = _titles(at)
    for key in ("value.risk_title", "value.alive_title"):
        assert any(title.startswith(translate(key, lang)) for title in titles), key
    crossing = next(
        json.loads(chart.proto.spec)
        for chart in at.get("plotly_chart")
        if json.loads(chart.proto.spec)["layout"]["title"]["text"] == translate("value.rfm_chart_title", lang)
    )
    assert sum(int(text.replace("\u00a0", "")) for row in crossing["data"][0]["text"] for text in row) == 600
    holdout = [title for title in titles if title.startswith(translate("value.holdout_title", lang, days="")[:20])]
    assert len(holdout) == 1
    # the customers at risk are listed by what they spent, most first
    at_risk = at.dataframe[0].value
    spend = at_risk[translate("value.col_spend", lang)].to_numpy()
    assert len(at_risk) > 0 and (spend[:-1] >= spend[1:]).all()
    assert set(at_risk[translate("value.col_risk", lang)]) <= {
        translate("value.risk_at_risk", lang),
        translate("value.risk_lost", lang),
    }
    at.radio(key=state.VALUE_UNIT).set_value("days").run()
    assert not at.exception and not at.error

    at.button(key=state.VALUE_ADD).click().run()
    frame = at.session_state[state.DATASET].table.frame
    assert {"p_alive", "predicted_value", "churn_risk", "expected_purchases_365d"} <= set(frame.columns)
    assert frame["predicted_value"].notna().all() and len(frame) == 600
    assert at.session_state[state.DATASET].orders  # the lines stay with the data
    at.session_state[state.K] = 3
    at.switch_page("pages/personas.py").run()
    assert not at.exception, [exception.value for exception in at.exception]
    kpi_labels = {label for table in at.dataframe for label in table.value.iloc[:, 0].astype(str)}
    for key in ("kpi.predicted_value", "kpi.future_revenue_share", "kpi.at_risk_share"):
        assert translate(key, lang) in kpi_labels, key


def test_order_lines_without_repeat_buyers_get_a_message_not_numbers() -> None:
    lines = pd.DataFrame(
        {
            "order_id": [f"O{i}" for i in range(30)],
            "customer_id": [f"C{i}" for i in range(30)],
            "order_date": pd.date_range("2025-01-01", periods=30, freq="D"),
            "amount_eur": [10.0] * 30,
        }
    )
    at = _open(_orders_dataset(lines, "once.csv"), "fi")
    assert [error.value for error in at.error] == [translate("error.value_no_repeat", "fi")]
    assert not at.get("plotly_chart") and not at.metric


def test_value_joins_a_customer_table_whose_id_has_another_header(sample_lines: pd.DataFrame) -> None:
    ids = sorted(sample_lines["customer_id"].unique())
    customers = pd.DataFrame({"asiakas": ids, "ika": [30 + i % 40 for i in range(len(ids))]})
    parts = [
        Part(Table(customers, "asiakkaat.csv", "csv"), "digest-asiakkaat", "customers", "asiakas"),
        Part(Table(sample_lines, "orders.csv", "csv"), "digest-orders", "orders", "customer_id", MAPPING),
    ]
    assembly = assemble(parts)
    at = _open(Dataset(assembly.table, assembly.digest, orders=(parts[1],)), "en")
    assert not at.error, [error.value for error in at.error]
    at.button(key=state.VALUE_ADD).click().run()
    frame = at.session_state[state.DATASET].table.frame
    assert frame["predicted_value"].notna().all() and frame["asiakas"].tolist() == ids
