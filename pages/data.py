"""Data page: pick a sample data set or upload a customer file, and see what was read."""

import pandas as pd
import streamlit as st

from segmentti.columns import describe_columns
from segmentti.errors import SegmenttiError
from segmentti.samples import SAMPLES
from segmentti.ui import state
from segmentti.ui.cached import cached_load
from segmentti.ui.widgets import load_sample_dataset, next_step, require_app_frame, show_error

require_app_frame("data")

UPLOAD_TYPES = ["csv", "tsv", "txt", "gz", "zip", "xlsx", "xlsm"]

st.title(state.t("data.title"))
st.write(state.t("data.intro"))

source = st.radio(
    state.t("data.source"),
    options=["sample", "upload"],
    format_func=state.formatter("data.source_"),
    horizontal=True,
    key="data_source",
)

if source == "sample":
    current = state.dataset()
    names = list(SAMPLES)
    chosen = st.selectbox(
        state.t("data.sample"),
        options=names,
        index=names.index(current.sample) if current is not None and current.sample in names else 0,
        format_func=state.formatter("sample."),
        key="sample_choice",
    )
    if current is None or current.sample != chosen:
        load_sample_dataset(chosen)
else:
    upload = st.file_uploader(state.t("data.upload"), type=UPLOAD_TYPES, help=state.t("data.upload_help"), key="upload")
    if upload is not None:
        data = upload.getvalue()
        sheet = st.session_state.get("upload_sheet")
        try:
            table = cached_load(state.digest_of(data, sheet), upload.name, sheet, data)
        except SegmenttiError as error:
            show_error(error)
            if state.dataset() is not None:
                st.info(state.t("data.kept_previous", name=state.dataset().label))
        else:
            state.set_dataset(state.Dataset(table, state.digest_of(data, table.sheet)))
            if len(table.sheet_names) > 1:
                st.selectbox(state.t("data.sheet"), options=table.sheet_names, key="upload_sheet")

current = state.dataset()
if current is not None:
    table = current.table
    frame = table.frame
    st.subheader(state.t("data.loaded", name=current.label))
    details = [state.t("data.shape", rows=len(frame), columns=len(frame.columns))]
    if table.separator is not None:
        details.append(state.t("data.separator", separator=state.t(f"separator.{ord(table.separator)}")))
    if table.encoding is not None:
        details.append(state.t("data.encoding", encoding=table.encoding))
    if table.sheet is not None:
        details.append(state.t("data.sheet_used", sheet=table.sheet))
    st.caption(" · ".join(details))
    st.dataframe(frame.head(100), width="stretch", hide_index=True)

    st.subheader(state.t("data.columns"))
    infos = describe_columns(frame)
    st.dataframe(
        pd.DataFrame(
            {
                state.t("data.col_name"): [info.name for info in infos],
                state.t("data.col_role"): [state.t(f"role.{info.role.value}") for info in infos],
                state.t("data.col_distinct"): [info.distinct for info in infos],
                state.t("data.col_missing"): [f"{info.missing_share:.0%}" for info in infos],
                state.t("data.col_usable"): [state.t("app.yes") if info.usable else "" for info in infos],
            }
        ),
        width="stretch",
        hide_index=True,
    )
    next_step("criteria", "data.next")
