"""Segments page: choose k with the scan chart, then see the segments on a map, by size and by profile."""

import pandas as pd
import streamlit as st

from segmentti.charts import build_profile_heatmap, build_scan_chart, build_segment_map, build_size_chart
from segmentti.clustering import K_MAX, K_MIN
from segmentti.columns import Role, describe_columns
from segmentti.errors import SegmenttiError
from segmentti.projection import project_to_2d
from segmentti.ui import state
from segmentti.ui.cached import cached_features, cached_scan, cached_segments
from segmentti.ui.widgets import dataset_caption, next_step, require_app_frame, show_error

require_app_frame("segments")

SEED = 0

st.title(state.t("segments.title"))
dataset_caption()
current = state.dataset()
chosen = state.criteria()
if chosen is not None and not chosen:
    st.warning(state.t("criteria.none"), icon=":material/warning:")
    next_step("criteria", "segments.back")
    st.stop()

try:
    features = cached_features(current.digest, tuple(chosen or ()), current.table)
    key = (current.digest, features.criteria)
    with st.spinner(state.t("segments.scanning")):
        scan = cached_scan(*key, SEED, features)
except SegmenttiError as error:
    show_error(error)
    next_step("criteria", "segments.back")
    st.stop()

if features.dropped:
    st.warning(state.t("segments.dropped", columns=", ".join(features.dropped)), icon=":material/warning:")
st.caption(state.t("segments.criteria", criteria=", ".join(features.criteria)))

k_options = [score.k for score in scan.scores]
if st.session_state.get(state.K) not in k_options:
    st.session_state[state.K] = scan.recommended_k
if "k_choice" not in st.session_state:
    st.session_state["k_choice"] = st.session_state[state.K]
k = st.select_slider(
    state.t("segments.k"),
    options=list(range(K_MIN, K_MAX + 1)),
    key="k_choice",
    help=state.t("segments.k_help", k=scan.recommended_k),
)
if k not in k_options:
    st.warning(state.t("segments.k_too_large", k=k, largest=k_options[-1]), icon=":material/warning:")
    k = k_options[-1]
st.session_state[state.K] = k

st.plotly_chart(build_scan_chart(scan, state.lang()), width="stretch")
st.caption(state.t("segments.scan_reason", k=scan.recommended_k, sample=scan.silhouette_sample_size))

try:
    result = cached_segments(*key, k, SEED, state.lang(), current.table, features)
except SegmenttiError as error:
    show_error(error)
    st.stop()

profile = result.profile
frame = current.table.frame
columns = st.columns(3)
columns[0].metric(state.t("segments.customers"), f"{len(frame):,}".replace(",", "\u00a0"))
columns[1].metric(state.t("segments.count"), k)
columns[2].metric(
    state.t("segments.silhouette"), f"{result.segmentation.silhouette:.2f}", help=state.t("segments.silhouette_help")
)

rows, coords = project_to_2d(features.values, seed=SEED)
hover_columns = [
    info.name for info in describe_columns(frame) if info.role in (Role.ID, Role.FIRST_NAME, Role.LAST_NAME, Role.NAME)
][:3]
names = [profile.names[label] for label in result.segmentation.labels[rows]]
st.plotly_chart(
    build_segment_map(
        coords, names, frame.iloc[rows][hover_columns].reset_index(drop=True), profile.names, state.lang()
    ),
    width="stretch",
)
left, right = st.columns([2, 3])
left.plotly_chart(build_size_chart(profile, state.lang()), width="stretch")
right.plotly_chart(build_profile_heatmap(profile, state.lang()), width="stretch")

st.subheader(state.t("segments.table"))
st.dataframe(
    pd.DataFrame(
        {
            state.t("export.col_segment"): [segment.number for segment in profile.segments],
            state.t("export.col_segment_name"): profile.names,
            state.t("segments.size"): [segment.size for segment in profile.segments],
            state.t("segments.share"): [f"{segment.share:.1%}" for segment in profile.segments],
        }
    ),
    width="stretch",
    hide_index=True,
)
next_step("export", "segments.next")
