"""Score new customers page: a saved model (or this session's segments) and new data → the same downloads as Export."""

import datetime

import pandas as pd
import streamlit as st

from segmentti.errors import SegmenttiError
from segmentti.outputs.run import LISTS_ZIP, MEDIA_TYPES, REPORT_HTML, SEGMENTS_CSV, WORKBOOK
from segmentti.texts import format_number, format_share
from ui import state
from ui.scoring import choose_model, scored_customers, uploaded_table
from ui.widgets import require_app_frame, show_error

require_app_frame("score")

lang = state.lang()
st.title(state.t("score.title"))
st.write(state.t("score.intro"))

chosen = choose_model()
if chosen is None:
    st.stop()
model_key, saved = chosen

uploaded = uploaded_table(state.t("score.upload"), state.SCORE_UPLOAD)
if uploaded is None:
    st.info(state.t("score.waiting"), icon=":material/upload_file:")
    st.stop()
data_key, frame = uploaded
as_of = None
if saved.orders is not None:
    picked = st.date_input(state.t("score.as_of"), value=None, key="score_as_of", help=state.t("data.as_of_help"))
    as_of = picked.isoformat() if isinstance(picked, datetime.date) else None

try:
    scored = scored_customers(model_key, saved, data_key, frame, as_of, state.widget_value(state.SCORE_UPLOAD).name)
    labels = scored.labels
except SegmenttiError as error:
    show_error(error)
    st.stop()

k = len(saved.names)
sizes = pd.Series(labels).value_counts().reindex(range(k), fill_value=0).to_numpy()
st.success(state.t("score.done", count=format_number(len(labels), lang), k=k), icon=":material/check_circle:")
st.subheader(state.t("score.sizes"))
table = pd.DataFrame(
    {
        state.t("score.col_segment"): [f"{number}. {name}" for number, name in enumerate(saved.names, start=1)],
        state.t("score.col_customers"): [format_number(size, lang) for size in sizes],
        state.t("score.col_share"): [format_share(size / max(len(labels), 1), lang) for size in sizes],
    }
)
if saved.sizes and sum(saved.sizes):
    table[state.t("score.col_then")] = [format_share(size / sum(saved.sizes), lang) for size in saved.sizes]
st.dataframe(table, hide_index=True, width="stretch")

st.subheader(state.t("score.downloads"))
stem = state.widget_value(state.SCORE_UPLOAD).name.rsplit(".", 1)[0]
files = [
    ("score.file_segments", SEGMENTS_CSV, ":material/download:"),
    ("score.file_workbook", WORKBOOK, ":material/table:"),
    ("score.file_report", REPORT_HTML, ":material/description:"),
]
if scored.contact_columns.email is not None:
    files.append(("score.file_lists", LISTS_ZIP, ":material/folder_zip:"))
for label, name, icon in files:
    st.download_button(  # each file is built when its button is clicked, not on this run
        state.t(label),
        data=lambda name=name: scored.files[name],
        file_name=f"{stem}_{name}",
        mime=MEDIA_TYPES[name[name.rindex(".") :]],
        icon=icon,
        key=f"score_download_{name}",
        on_click="ignore",
        width="stretch",
    )
