"""The presentation view: the flow as five steps with big Next and Back buttons, large text and projector charts.

Each step shows one key chart sized for a 1280×720 or 1024×768 projector, under one row of
buttons, with the sidebar and technical detail hidden. The steps compute nothing of their own:
they ask :mod:`ui.engine` and :mod:`ui.cached` for the very results (and chart keys) the
Segments, Personas and Export pages use, so a room on the sample shares them.
"""

from __future__ import annotations

import streamlit as st

from segmentti.engine.clustering import K_MAX, K_METHODS, K_MIN
from segmentti.errors import SegmenttiError
from segmentti.insight.naming import column_label
from segmentti.outputs.charts import build_metric_chart, build_size_chart
from segmentti.outputs.contacts import build_contact_lists, build_lists_zip, find_contact_columns
from segmentti.outputs.persona_charts import build_share_chart
from segmentti.outputs.projector import for_projector
from segmentti.outputs.report import escape_markdown
from segmentti.texts import format_number
from ui import state
from ui.cached import cached_segment_map, map_axis_titles, scan_with_progress
from ui.engine import SEED, current_features, segments
from ui.personas import current_segmentation, named
from ui.widgets import show_error
from ui.workshop import STEPS, go_to_step, leave_presentation, present_step, share_view

CHART_HEIGHT = 540
"""Pixels of the key chart: with the button row above it, the step fits a 1280×720 or 1024×768 screen."""

PROJECTOR_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 1.4rem 0.6rem !important; max-width: 100% !important; }
[data-testid="stMain"] { font-size: 20px; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li { font-size: 20px; line-height: 1.35; }
[data-testid="stMain"] h3 { font-size: 27px !important; padding: 0.1rem 0 !important; line-height: 1.2; }
[data-testid="stMain"] .stButton button, [data-testid="stMain"] .stDownloadButton button,
[data-testid="stMain"] [data-testid="stPopover"] button { min-height: 3.2rem; padding: 0.25rem 0.6rem; }
[data-testid="stMain"] button p { font-size: 19px !important; font-weight: 600; }
@media (max-width: 1180px) {
  [data-testid="stMain"] button [data-testid="stIconMaterial"] { display: none; }
  [data-testid="stMain"] button p { font-size: 18px !important; }
}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 48px !important; line-height: 1.1; }
[data-testid="stMetricLabel"] p { font-size: 22px !important; }
[data-testid="stMain"] [data-testid="stWidgetLabel"] p { font-size: 20px !important; }
</style>
"""


def show_presentation() -> None:
    """The current step of the presentation: the button row, then the step's chart and words."""
    st.markdown(PROJECTOR_CSS, unsafe_allow_html=True)
    position = present_step()
    step = STEPS[position]
    back, heading, share, leave, forward = st.columns([1.5, 4.4, 2.3, 1.9, 1.5], vertical_alignment="center")
    back.button(
        state.t("present.back"),
        icon=":material/arrow_back:",
        width="stretch",
        disabled=position == 0,
        on_click=go_to_step,
        args=(position - 1,),
    )
    heading.subheader(
        state.t("present.step_of", number=position + 1, total=len(STEPS)) + " · " + state.t(f"present.step_{step}")
    )
    with share.popover(state.t("share.button"), icon=":material/qr_code_2:", width="stretch"):
        share_view(step)
    leave.button(state.t("present.exit"), icon=":material/close:", width="stretch", on_click=leave_presentation)
    forward.button(
        state.t("present.next"),
        icon=":material/arrow_forward:",
        type="primary",
        width="stretch",
        disabled=position == len(STEPS) - 1,
        on_click=go_to_step,
        args=(position + 1,),
    )
    try:
        {"data": _data, "k": _choosing_k, "map": _segment_map, "personas": _personas, "lists": _lists}[step]()
    except SegmenttiError as error:
        show_error(error)


def _chart(figure) -> None:
    st.plotly_chart(for_projector(figure, height=CHART_HEIGHT), width="stretch", config={"displayModeBar": False})


def _data() -> None:
    current = state.dataset()
    frame = current.table.frame
    features, _ = current_features()
    lang = state.lang()
    labels = state.column_labels()
    figures = st.columns(3)
    figures[0].metric(state.t("present.customers"), format_number(len(frame), lang))
    figures[1].metric(state.t("present.columns"), format_number(len(frame.columns), lang))
    figures[2].metric(state.t("present.criteria_count"), format_number(len(features.criteria), lang))
    st.markdown(state.t("present.data_name", name=escape_markdown(current.label)))
    criteria = ", ".join(column_label(name, lang, labels) for name in features.criteria)
    st.markdown(state.t("present.criteria", criteria=escape_markdown(criteria)))
    st.dataframe(frame.head(6), hide_index=True, width="stretch", height=250)


def _scan_and_segments():
    """The features, scan (``None`` for a method without one) and named segments, exactly as the Segments page has them."""
    current = state.dataset()
    lang = state.lang()
    method = state.method()
    features, weights = current_features()
    key = (current.digest, features.criteria)
    scan = None
    if method in K_METHODS:
        k_range = tuple(state.widget_value(state.K_RANGE, (K_MIN, K_MAX)))
        bar = st.empty()  # shown only while the scan really computes
        scan = scan_with_progress(
            (*key, weights, method, k_range),
            SEED,
            features,
            lambda done: bar.progress(done, text=state.t("segments.scanning")),
        )
        bar.empty()
        if state.k() not in [score.k for score in scan.scores]:
            state.set_k(scan.recommended_k)
    k = state.k() or K_MIN
    known = scan.score(k).silhouette if scan is not None else None
    fitted = scan.fits.get(k) if scan is not None else None
    result = named(segments(k, lang, method, known, fitted))
    if method == "hdbscan":
        state.set_k(result.segmentation.k)
    return features, weights, scan, result


def _choosing_k() -> None:
    _, _, scan, result = _scan_and_segments()
    if scan is None:
        st.info(state.t("engine.hdbscan_note"), icon=":material/info:")
        st.metric(state.t("present.segments"), result.segmentation.k)
        return
    options = [score.k for score in scan.scores]
    state.init_widget(state.K_CHOICE, state.k(), valid=lambda chosen: chosen in options)
    words, chart = st.columns([2, 3])
    with words:
        k = st.select_slider(state.t("present.k"), options=options, key=state.K_CHOICE)
        state.set_k(k)
        st.markdown(scan.explain(state.lang()))
    with chart:
        _chart(build_metric_chart(scan, "silhouette", state.lang()))


def _segment_map() -> None:
    features, weights, _, result = _scan_and_segments()
    current = state.dataset()
    lang = state.lang()
    key = (current.digest, features.criteria)
    segmentation, profile = result.segmentation, result.profile
    segmentation_key = (*key, weights, state.method(), segmentation.k, tuple(profile.names))
    axis_titles = map_axis_titles((*key, weights), SEED, features, lang, state.column_labels())
    figure = cached_segment_map(
        (*segmentation_key, axis_titles), "pca", lang, result, current.table, features, axis_titles
    )
    _chart(figure)


def _personas() -> None:
    _scan_and_segments()  # the k the Segments page would show, when none was chosen yet
    views = current_segmentation().views
    chart, cards = st.columns([3, 2])
    with chart:
        _chart(build_share_chart(views, state.lang()))
    with cards:
        for view in views:
            st.markdown(f"**{escape_markdown(view.title)}** · {view.share_text}  \n{escape_markdown(view.top_traits)}")


def _lists() -> None:
    _scan_and_segments()
    current = current_segmentation()
    frame = current.dataset.table.frame
    lang = state.lang()
    chart, words = st.columns([3, 2])
    with chart:
        _chart(build_size_chart(current.result.profile, lang))
    with words:
        columns = find_contact_columns(frame)
        if columns.email is None:
            st.info(state.t("present.lists_none"), icon=":material/info:")
            return
        personas = current.personas
        lists = build_contact_lists(frame, current.result.segmentation.labels, personas, columns)
        contacts = sum(len(listed) for listed in lists.lists)
        st.markdown(
            state.t(
                "present.lists_count",
                lists=format_number(len(lists.lists), lang),
                contacts=format_number(contacts, lang),
            )
        )
        st.download_button(
            state.t("present.lists_zip"),
            data=lambda: build_lists_zip(lists, personas, lang),
            file_name="segment_lists.zip",
            mime="application/zip",
            icon=":material/download:",
            width="stretch",
        )
