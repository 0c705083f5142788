"""Customer value page: P(alive), expected purchases and predicted value per customer, churn risk, the holdout check."""

import datetime

import pandas as pd
import streamlit as st

from segmentti.engine.rfm import SEGMENTS
from segmentti.engine.value.holdout import default_calibration_end
from segmentti.engine.value.prediction import RISK_KEYS, band_name, risk_name
from segmentti.engine.value.views import (
    alive_matrix,
    at_risk_customers,
    risk_counts,
    value_by_rfm,
)
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import format_money
from segmentti.outputs.charts import build_crosstab_chart
from segmentti.outputs.tables import to_csv_bytes
from segmentti.outputs.value_charts import (
    build_alive_chart,
    build_holdout_chart,
    build_risk_chart,
    build_value_histogram,
)
from segmentti.texts import format_number, format_share, translate
from ui import state
from ui.value import (
    add_value_columns,
    customer_value,
    has_customer_ids,
    has_value_columns,
    holdout_check,
    id_column,
    order_source,
    purchase_days_of,
    rfm_segments,
)
from ui.widgets import dataset_caption, require_app_frame, show_error

require_app_frame("value")

lang = state.lang()
st.title(state.t("value.title"))
dataset_caption()
st.write(state.t("value.intro"))
current = state.dataset()

use_bundled = False
if not current.orders and has_customer_ids():
    use_bundled = st.toggle(state.t("value.use_sample_orders"), value=True, key=state.VALUE_ORDERS)
source = order_source(use_bundled)
if source is None:
    st.info(state.t("value.needs_orders"), icon=":material/info:")
    st.stop()
st.caption(state.t("value.source", name=source.label, lines=format_number(len(source.frame), lang)))

left, middle, right = st.columns(3)
unit = left.radio(
    state.t("value.unit"),
    ["weeks", "days"],
    format_func=state.formatter("value.unit_"),
    horizontal=True,
    key=state.VALUE_UNIT,
)
horizon = middle.number_input(
    state.t("value.horizon"), min_value=1, max_value=3650, value=365, step=30, key=state.VALUE_HORIZON
)
discount = right.number_input(
    state.t("value.discount"),
    min_value=0.0,
    max_value=50.0,
    value=0.0,
    step=1.0,
    format="%.1f",
    help=state.t("value.discount_help"),
    key=state.VALUE_DISCOUNT,
)
try:
    with st.spinner(state.t("value.fitting")):
        value = customer_value(source, unit, int(horizon), float(discount) / 100.0)
except SegmenttiError as error:
    show_error(error)
    st.stop()

for key in value.warnings:
    st.warning(state.t(key), icon=":material/warning:")
table = value.table
currency = state.currency()
at_risk = table["churn_risk"].isin(("at_risk", "lost"))
metrics = st.columns(5)
metrics[0].metric(state.t("value.metric_customers"), format_number(len(table), lang))
metrics[1].metric(state.t("value.metric_repeat"), format_number(value.history.repeat_buyers, lang))
metrics[2].metric(
    state.t("value.metric_purchases", days=format_number(value.horizon_days, lang)),
    format_number(table[value.purchases_column].sum(), lang),
)
metrics[3].metric(
    state.t("value.metric_value", days=format_number(value.horizon_days, lang)),
    format_money(table["predicted_value"].sum(), lang, currency),
)
metrics[4].metric(state.t("value.metric_at_risk"), format_share(at_risk.mean(), lang))

with st.expander(state.t("value.parameters")):
    st.write(
        state.t(
            "value.parameters_text",
            **value.parameter_figures(lang),
            unit=state.t(f"value.unit_{unit}"),
            as_of=value.history.as_of.date().isoformat(),
        )
    )

left, right = st.columns(2)
left.plotly_chart(build_risk_chart(risk_counts(value), lang), width="stretch")
right.plotly_chart(
    build_value_histogram(table["predicted_value"].to_numpy(), value.horizon_days, lang, currency), width="stretch"
)
matrix = alive_matrix(value.bgnbd, int(table["frequency"].quantile(0.99)), float(table["T"].max()))
st.plotly_chart(build_alive_chart(matrix, unit, lang), width="stretch")
st.caption(state.t("value.alive_caption"))

st.subheader(state.t("value.at_risk_title"))
risky = at_risk_customers(value)
shown = risky.reset_index()[[risky.index.name or "index", "spend", "p_alive", "predicted_value", "churn_risk"]]
shown["churn_risk"] = [risk_name(key, lang) for key in shown["churn_risk"]]
shown.columns = [
    state.t("value.col_customer"),
    state.t("value.col_spend"),
    state.t("value.col_p_alive"),
    state.t("value.col_predicted"),
    state.t("value.col_risk"),
]
st.dataframe(shown.head(20), hide_index=True, width="stretch")
st.download_button(
    state.t("value.download_at_risk", count=format_number(len(risky), lang)),
    data=to_csv_bytes(risky.reset_index()),
    file_name=f"{current.label.rsplit('.', 1)[0]}_at_risk.csv",
    mime="text/csv",
    icon=":material/download:",
    key=state.VALUE_RISK_DOWNLOAD,
)

if len(table) >= 5:
    st.subheader(state.t("value.rfm_title"))
    crossed = value_by_rfm(table["predicted_value_band"], rfm_segments(value, source), SEGMENTS)
    crossed.columns = [band_name(key, lang) for key in crossed.columns]
    figure = build_crosstab_chart(crossed, lang, [translate(f"rfm.{key}", lang) for key in crossed.index])
    figure.update_layout(title=state.t("value.rfm_chart_title"))
    st.plotly_chart(figure, width="stretch")

st.subheader(state.t("value.holdout_heading"))
st.write(state.t("value.holdout_intro"))
days = purchase_days_of(source)
first_day, last_day = pd.Timestamp(days["day"].min()).date(), pd.Timestamp(days["day"].max()).date()
middle_day = default_calibration_end(days).date()
calibration_end = st.date_input(
    state.t("value.calibration_end"),
    value=middle_day,
    min_value=first_day,
    max_value=last_day - datetime.timedelta(days=1) if last_day > first_day else last_day,
    key=state.VALUE_CALIBRATION,
)
try:
    check = holdout_check(source, unit, calibration_end.isoformat())
except SegmenttiError as error:
    show_error(error)
else:
    st.plotly_chart(build_holdout_chart(check, lang), width="stretch")
    st.caption(
        state.t(
            "value.holdout_caption",
            actual=format_number(check.actual_total, lang),
            predicted=format_number(check.predicted_total, lang),
            customers=format_number(int(check.table["customers"].sum()), lang),
        )
    )

st.subheader(state.t("value.use_heading"))
if has_value_columns():
    st.success(state.t("value.added"), icon=":material/check:")
if id_column(source) is None:
    st.info(state.t("value.no_id_column"), icon=":material/info:")
elif st.button(state.t("value.add"), key=state.VALUE_ADD, icon=":material/add_chart:"):
    add_value_columns(value, source)
    st.rerun()
everyone = table.reset_index()
everyone["churn_risk_name"] = [risk_name(key, lang) for key in everyone["churn_risk"]]
st.download_button(
    state.t("value.download_all", count=format_number(len(everyone), lang)),
    data=to_csv_bytes(everyone),
    file_name=f"{current.label.rsplit('.', 1)[0]}_value.csv",
    mime="text/csv",
    icon=":material/download:",
    key=state.VALUE_DOWNLOAD,
)
st.caption(state.t("value.bands_caption", bands=", ".join(risk_name(key, lang) for key in RISK_KEYS)))
