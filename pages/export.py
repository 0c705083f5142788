"""Export page: download one segment's customers or all customers with their segment as CSV."""

import streamlit as st

from segmentti.clustering import K_MIN
from segmentti.errors import SegmenttiError
from segmentti.exporting import label_customers, to_csv_bytes
from segmentti.ui import state
from segmentti.ui.cached import cached_features, cached_segments
from segmentti.ui.widgets import dataset_caption, next_step, require_app_frame, show_error

require_app_frame("export")

SEED = 0

st.title(state.t("export.title"))
dataset_caption()
current = state.dataset()
chosen = state.criteria()
k = st.session_state.get(state.K)
if k is None or (chosen is not None and not chosen):
    st.info(state.t("export.segment_first"), icon=":material/info:")
    next_step("segments", "export.to_segments")
    st.stop()

try:
    features = cached_features(current.digest, tuple(chosen or ()), current.table)
    result = cached_segments(
        current.digest, features.criteria, max(k, K_MIN), SEED, state.lang(), current.table, features
    )
except SegmenttiError as error:
    show_error(error)
    st.stop()

profile = result.profile
labelled = label_customers(
    current.table.frame,
    result.segmentation,
    profile,
    segment_column=state.t("export.col_segment"),
    name_column=state.t("export.col_segment_name"),
)
stem = current.label.rsplit(".", 1)[0]

st.write(state.t("export.intro", k=result.segmentation.k))
numbers = [segment.number for segment in profile.segments]
number = st.selectbox(
    state.t("export.choose_segment"),
    options=numbers,
    format_func=lambda n: f"{profile.segments[n - 1].name} ({profile.segments[n - 1].size})",
    key="export_segment",
)
members = labelled[result.segmentation.labels == number - 1]
st.download_button(
    state.t("export.download_segment", count=len(members)),
    data=to_csv_bytes(members),
    file_name=f"{stem}_{state.t('export.file_segment')}_{number}.csv",
    mime="text/csv",
    icon=":material/download:",
    key="download_segment",
)
st.dataframe(members.head(50), width="stretch", hide_index=True)

st.subheader(state.t("export.all_title"))
st.download_button(
    state.t("export.download_all", count=len(labelled)),
    data=to_csv_bytes(labelled),
    file_name=f"{stem}_{state.t('export.file_all')}.csv",
    mime="text/csv",
    icon=":material/download:",
    key="download_all",
)
next_step("data", "export.again")
