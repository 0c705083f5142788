"""The Compare page in RFM segments, through app.py like a user: one file of order lines at two days, two tables."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import numpy as np
import pandas as pd
from conftest import build_small_customers
from streamlit.testing.v1 import AppTest

from segmentti.outputs.tables import to_csv_bytes
from segmentti.texts import translate
from ui import state
from ui.state import Dataset

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _order_lines(customers: int = 120, lines: int = 1400, seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    customer = rng.integers(0, customers, lines)
    days = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 365, lines), unit="D")
    return pd.DataFrame(
        {
            "order_id": [f"O{n:05d}" for n in range(lines)],
            "customer_id": [f"C{number:03d}" for number in customer],
            "email": [f"c{number}@example.fi" for number in customer],
            "order_date": days.strftime("%Y-%m-%d"),
            "amount_eur": rng.lognormal(3.5, 0.8, lines).round(2),
        }
    )


def _compare_page(small_dataset: Dataset, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[state.LANG] = lang
    at.session_state[state.DATASET] = small_dataset
    at.session_state[state.SOURCE] = small_dataset
    at.run()
    at.switch_page("pages/compare.py").run()
    at.radio(key=state.COMPARE_BASIS).set_value("rfm").run()
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    assert not at.exception, [exception.value for exception in at.exception]
    assert not at.error, [error.value for error in at.error]
    return {metric.label: metric.value for metric in at.metric}


def test_one_file_of_order_lines_at_two_days_in_finnish(small_dataset: Dataset) -> None:
    lines = _order_lines()
    at = _compare_page(small_dataset, "fi")
    at.toggle(key=state.COMPARE_ONE_FILE).set_value(True).run()
    at.file_uploader(key=state.COMPARE_NEW).set_value(("tilaukset.csv", to_csv_bytes(lines), "text/csv")).run()
    assert at.info[-1].value == translate("compare.need_dates", "fi")
    at.date_input(key=state.COMPARE_AS_OF_OLD).set_value(datetime.date(2025, 6, 30))
    at.date_input(key=state.COMPARE_AS_OF_NEW).set_value(datetime.date(2025, 12, 31)).run()
    figures = _metrics(at)
    first = lines.groupby("customer_id")["order_date"].min()
    assert figures[translate("compare.metric_new", "fi")] == str(int((first > "2025-06-30").sum()))
    assert figures[translate("compare.metric_gone", "fi")] == "0"
    assert figures[translate("compare.metric_now", "fi")] == str(lines["customer_id"].nunique())
    captions = [caption.value for caption in at.caption]
    assert any(caption.startswith("tilaukset.csv: asiakas customer_id, päivä order_date") for caption in captions)
    assert any(caption.startswith("Rajat aiemmasta tilannekuvasta") for caption in captions)
    [sankey] = at.get("plotly_chart")
    spec = json.loads(sankey.proto.spec)
    assert spec["data"][0]["type"] == "sankey"
    assert any(label.startswith("Mestarit (") for label in spec["data"][0]["node"]["label"])
    keys = {button.key for button in at.get("download_button")}
    assert {"compare_download_movers.csv", "compare_download_migration.csv", "compare_download_lists"} <= keys


def test_two_customer_tables_with_rfm_columns_and_the_days_in_the_wrong_order(small_dataset: Dataset) -> None:
    before = build_small_customers()
    after = before.iloc[20:].copy()
    lapsed = after.index[after["recency_days"] < 40][:6]
    after.loc[lapsed, "recency_days"] = 500  # six recent buyers stop buying
    at = _compare_page(small_dataset, "en")
    at.file_uploader(key=state.COMPARE_OLD).set_value(("january.csv", to_csv_bytes(before), "text/csv"))
    at.file_uploader(key=state.COMPARE_NEW).set_value(("february.csv", to_csv_bytes(after), "text/csv")).run()
    figures = _metrics(at)
    assert figures["Gone"] == "20" and figures["Changed segment"] == "6"
    assert translate("compare.rfm_customer_table", "en", name="january.csv") in [c.value for c in at.caption]
    at.toggle(key=state.COMPARE_ONE_FILE).set_value(True).run()
    at.date_input(key=state.COMPARE_AS_OF_OLD).set_value(datetime.date(2025, 6, 30))
    at.date_input(key=state.COMPARE_AS_OF_NEW).set_value(datetime.date(2025, 1, 31)).run()
    assert at.warning[-1].value == translate("error.compare_days_in_order", "en", old="2025-06-30", new="2025-01-31")
    assert not at.exception and at.session_state[state.DATASET] is small_dataset


def test_order_lines_that_are_not_recognised_are_mapped_by_hand(small_dataset: Dataset) -> None:
    lines = _order_lines().rename(
        columns={"order_id": "doc", "customer_id": "who", "order_date": "when", "amount_eur": "eur"}
    )
    lines["who"] = lines["who"].str.replace("C", "", regex=False)  # plain numbers: not an id by its looks
    before, after = lines[lines["when"] <= "2025-06-30"], lines
    at = _compare_page(small_dataset, "en")
    at.file_uploader(key=state.COMPARE_OLD).set_value(("june.csv", to_csv_bytes(before), "text/csv"))
    at.file_uploader(key=state.COMPARE_NEW).set_value(("december.csv", to_csv_bytes(after), "text/csv")).run()
    assert not at.exception and at.error[0].value.startswith("An RFM comparison needs order lines")
    for snapshot in at.session_state[state.RESULTS]["table"]:
        for field, column in (("customer", "who"), ("date", "when"), ("amount", "eur"), ("order", "doc")):
            at.selectbox(key=state.snapshot_column_key(snapshot, field)).set_value(column)
    at.run()
    figures = _metrics(at)
    assert figures["Customers now"] == str(lines["who"].nunique()) and figures["Gone"] == "0"
    assert "june.csv: customer who, date when, amount eur" in [caption.value for caption in at.caption]
