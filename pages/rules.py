"""Rules page: segments written as conditions (first match wins, the rest are "Others"), sizes live, saved as JSON."""

import pandas as pd
import streamlit as st

from segmentti.engine.rules import (
    OPERATORS,
    example_rules,
    rule_sizes,
    rules_from_json,
    rules_to_json,
    rules_to_table,
    table_to_rules,
)
from segmentti.engine.workflow import segment_by_rules
from segmentti.errors import SegmenttiError
from segmentti.outputs.charts import build_profile_heatmap, build_size_chart
from segmentti.outputs.tables import label_customers, to_csv_bytes
from segmentti.texts import format_number, format_share
from ui import state
from ui.engine import current_features
from ui.widgets import dataset_caption, require_app_frame, show_error

require_app_frame("rules")

lang = state.lang()
st.title(state.t("rules.title"))
dataset_caption()
current = state.dataset()
frame = current.table.frame
st.write(state.t("rules.intro"))

if state.rules_table() is None:
    state.set_rules_table(rules_to_table(example_rules(frame)))

upload = st.file_uploader(state.t("rules.load"), type=["json"], key=state.RULES_UPLOAD)
if upload is not None and state.rules_loaded() != upload.file_id:
    try:
        state.set_rules_table(rules_to_table(rules_from_json(upload.getvalue())), loaded=upload.file_id)
    except SegmenttiError as error:
        show_error(error)

edited = st.data_editor(
    state.rules_table(),
    key=state.rules_editor_key(state.rules_version()),
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_config={
        "rule": st.column_config.TextColumn(state.t("rules.rule"), required=True),
        "column": st.column_config.SelectboxColumn(
            state.t("rules.column"), options=[str(name) for name in frame.columns]
        ),
        "operator": st.column_config.SelectboxColumn(state.t("rules.operator"), options=list(OPERATORS)),
        "values": st.column_config.TextColumn(state.t("rules.values"), help=state.t("rules.values_help")),
    },
)
st.caption(state.t("rules.operators_help"))

try:
    rules = table_to_rules(edited)
    sizes = rule_sizes(frame, rules)
except SegmenttiError as error:
    show_error(error)
    st.stop()

state.set_rules(list(rules))
names = [rule.name for rule in rules] + [state.t("engine.others")]
st.dataframe(
    pd.DataFrame(
        {
            state.t("rules.rule"): names,
            state.t("segments.size"): sizes,
            state.t("segments.share"): [format_share(size / max(len(frame), 1), lang) for size in sizes],
        }
    ),
    hide_index=True,
    width="stretch",
)
st.download_button(
    state.t("rules.save"),
    data=rules_to_json(rules).encode("utf-8"),
    file_name="segment_rules.json",
    mime="application/json",
    icon=":material/save:",
    key=state.RULES_SAVE,
)
if not rules:
    st.stop()

try:
    features, _ = current_features()
    result = segment_by_rules(frame, rules, features, lang)
except SegmenttiError as error:
    show_error(error)
    st.stop()
left, right = st.columns([2, 3])
left.plotly_chart(build_size_chart(result.profile, lang), width="stretch")
right.plotly_chart(build_profile_heatmap(result.profile, lang), width="stretch")
labelled = label_customers(
    frame,
    result.segmentation,
    result.profile,
    segment_column=state.t("export.col_segment"),
    name_column=state.t("export.col_segment_name"),
)
st.download_button(
    state.t("rules.download", count=format_number(len(labelled), lang)),
    data=to_csv_bytes(labelled),
    file_name=f"{current.label.rsplit('.', 1)[0]}_rules.csv",
    mime="text/csv",
    icon=":material/download:",
    key=state.RULES_DOWNLOAD,
)
