"""Segments page: pick a method and k, see the segments first (map, sizes, names), then from every side."""

import numpy as np
import pandas as pd
import streamlit as st

from segmentti.data.columns import Measure, describe_columns
from segmentti.engine.clustering import K_MAX, K_METHODS, K_MIN, METHODS, small_segments
from segmentti.engine.workflow import SegmentationResult
from segmentti.errors import SegmenttiError
from segmentti.insight.inspection import box_stats, build_dendrogram, category_shares
from segmentti.insight.naming import column_label
from segmentti.insight.projection import MAP_POINTS, TSNE_MAX_CUSTOMERS
from segmentti.outputs.charts import (
    build_box_chart,
    build_category_chart,
    build_dendrogram_chart,
    build_fit_chart,
    build_metric_chart,
    build_profile_heatmap,
    build_size_chart,
)
from segmentti.texts import LANGUAGES, format_number, format_share, translate
from ui import state
from ui.cached import (
    cached_fit,
    cached_projection,
    cached_segment_map,
    map_axis_titles,
    scan_with_progress,
)
from ui.engine import SEED, current_features, segments
from ui.personas import named
from ui.widgets import dataset_caption, next_step, require_app_frame, show_error

require_app_frame("segments")

K_LIMIT = 15
lang = state.lang()

st.title(state.t("segments.title"))
dataset_caption()
current = state.dataset()
chosen = state.criteria()
if chosen is not None and not chosen:
    st.warning(state.t("criteria.none"), icon=":material/warning:")
    next_step("criteria", "segments.back")
    st.stop()

left, right = st.columns([2, 3])
state.init_widget(state.METHOD_CHOICE, state.method(), valid=lambda chosen: chosen in METHODS)
method = left.selectbox(
    state.t("engine.method"), METHODS, format_func=state.formatter("method."), key=state.METHOD_CHOICE
)
state.set_method(method)
state.init_widget(state.K_RANGE, (K_MIN, K_MAX))
k_range = right.slider(state.t("engine.k_range"), min_value=2, max_value=K_LIMIT, key=state.K_RANGE)

try:
    features, weights = current_features()
    key = (current.digest, features.criteria)
    scan = None
    if method in K_METHODS:
        bar = st.progress(0.0, text=state.t("segments.scanning"))
        scan = scan_with_progress(
            (*key, weights, method, tuple(k_range)),
            SEED,
            features,
            lambda done: bar.progress(done, text=state.t("segments.scanning")),
        )
        bar.empty()
except SegmenttiError as error:
    show_error(error)
    next_step("criteria", "segments.back")
    st.stop()

# the data page's readable column labels, in builds where the data page offers them
labels = state.column_labels() if hasattr(state, "column_labels") else {}


def label(name: str) -> str:
    """A criterion's readable label in the page's language."""
    return column_label(name, lang, labels)


def measures() -> dict[str, Measure]:
    """What each numeric criterion measures (money, year, …), from the column kinds the user confirmed."""
    overrides = state.column_overrides()
    numeric = list(features.numeric)
    return state.remember(
        "measures",
        (current.digest, tuple(numeric), repr(sorted(overrides.items()))),
        lambda: {info.name: info.measure for info in describe_columns(frame[numeric], overrides)},
        4,
    )


frame = current.table.frame
if features.dropped:
    st.warning(state.t("segments.dropped", columns=", ".join(features.dropped)), icon=":material/warning:")
st.caption(state.t("segments.criteria", criteria=", ".join(label(name) for name in features.criteria)))
if features.logged:
    measured = measures()
    money = [label(name) for name in features.logged if measured.get(name) is Measure.MONEY]
    other = [label(name) for name in features.logged if measured.get(name) is not Measure.MONEY]
    if money and other:
        parts = [
            state.t("engine.logged_money", columns=", ".join(money)),
            state.t("engine.logged_other", columns=", ".join(other)),
        ]
    elif money:
        parts = [state.t("engine.logged_money", columns=", ".join(money))]
    else:
        parts = [", ".join(other)]
    st.caption(state.t("engine.logged", columns="; ".join(parts)))
weighted = {name: weight for name, weight in features.weights.items() if weight != 1.0}
if weighted:
    st.caption(
        state.t(
            "engine.weighted",
            weights=", ".join(
                f"{label(name)} × {format_number(weight, lang, 0 if float(weight).is_integer() else 2)}"
                for name, weight in weighted.items()
            ),
        )
    )

if scan is not None:
    k_options = [score.k for score in scan.scores]
    if state.k() not in k_options:
        state.set_k(scan.recommended_k)
    state.init_widget(state.K_CHOICE, state.k(), valid=lambda chosen: chosen in k_options)
    scan_key = (*key, weights, method, tuple(k_range))
    st.info(
        state.remember("rendering", (*scan_key, "explain", lang), lambda: scan.explain(lang), 64),
        icon=":material/lightbulb:",
    )
    k = st.select_slider(
        state.t("segments.k"),
        options=k_options,
        key=state.K_CHOICE,
        help=state.t("segments.k_help", k=scan.recommended_k),
    )
    state.set_k(k)
else:
    k = state.k() or K_MIN
    state.set_k(k)
    st.info(state.t("engine.hdbscan_note"), icon=":material/info:")


def with_edits(found: SegmentationResult) -> SegmentationResult:
    """``found`` named as every page names it: renamed personas, the others with the user's column labels."""
    return named(found)


def segments_of(chosen_k: int) -> SegmentationResult:
    """The segments for ``chosen_k``, reusing the scan's fit and score of that k when it has them."""
    known = scan.score(chosen_k).silhouette if scan is not None else None  # the scan scored these very segments
    fitted = scan.fits.get(chosen_k) if scan is not None else None
    return with_edits(segments(chosen_k, lang, method, known, fitted))


try:
    result = segments_of(k)
except SegmenttiError as error:
    show_error(error)
    st.stop()

segmentation = result.segmentation
profile = result.profile
if method == "hdbscan":
    state.set_k(segmentation.k)
# the names are part of every rendering's key: a persona renamed on the personas page redraws the charts
segmentation_key = (*key, weights, method, segmentation.k, tuple(profile.names))


def rendered(name: object, build):
    """A chart or text of these segments in this language, made once (the segments themselves are not redone)."""
    return state.remember("rendering", (*segmentation_key, name, lang), build, 64)


tiny = small_segments(segmentation)
if tiny:
    st.warning(
        state.t(
            "engine.too_small",
            segments=", ".join(profile.names[index] for index in tiny),
            share=2,
            size=30,
        ),
        icon=":material/warning:",
    )

columns = st.columns(4)
columns[0].metric(state.t("segments.customers"), format_number(len(frame), lang))
columns[1].metric(state.t("segments.count"), segmentation.k)
columns[2].metric(
    state.t("segments.silhouette"),
    format_number(segmentation.silhouette, lang, 2),
    help=state.t("segments.silhouette_help"),
)
if segmentation.membership is not None:
    columns[3].metric(
        state.t("engine.membership"),
        format_share(float(np.mean(segmentation.membership)), lang, 0),
        help=state.t("engine.membership_help"),
    )
elif segmentation.unassigned is not None:
    columns[3].metric(
        state.t("engine.unassigned"), format_number(int(segmentation.sizes[segmentation.unassigned]), lang)
    )


def names_and_sizes(shown: SegmentationResult) -> pd.DataFrame:
    """One row per segment: its name, size and share, numbers written the language's way."""
    return pd.DataFrame(
        {
            state.t("segments.name"): shown.profile.names,
            state.t("segments.size"): [format_number(segment.size, lang) for segment in shown.profile.segments],
            state.t("segments.share"): [format_share(segment.share, lang) for segment in shown.profile.segments],
        }
    )


years = frozenset(name for name, measure in measures().items() if measure is Measure.YEAR) if features.numeric else ()


def show_map() -> None:
    """The customer map (PCA or t-SNE) with the customers a selection on it names."""
    # positions and hover texts do not depend on k, so they come from the cache
    kinds = ["pca", "tsne"] if len(frame) <= TSNE_MAX_CUSTOMERS else ["pca"]
    projection = st.radio(
        state.t("engine.projection"),
        kinds,
        format_func=state.formatter("engine.projection_"),
        horizontal=True,
        key=state.MAP_PROJECTION,
    )
    try:
        with st.spinner(state.t("engine.projecting")):
            rows, _ = cached_projection(*key, weights, projection, SEED, features)
    except SegmenttiError as error:
        show_error(error)
        st.stop()
    axis_titles = map_axis_titles((*key, weights), SEED, features, lang, labels) if projection == "pca" else None
    figure = cached_segment_map(
        (*segmentation_key, axis_titles), projection, lang, result, current.table, features, axis_titles
    )
    event = st.plotly_chart(
        figure,
        width="stretch",
        on_select="rerun",
        selection_mode=("points", "box", "lasso"),
        key=state.SEGMENT_MAP,
    )
    st.caption(
        state.t("engine.map_caption", shown=format_number(len(rows), lang), limit=format_number(MAP_POINTS, lang))
    )
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    picked = [int(point["customdata"]) for point in points if point.get("customdata") is not None]
    if picked:
        st.subheader(state.t("engine.selected", count=format_number(len(picked), lang)))
        selected = frame.iloc[picked].copy()
        selected.insert(
            0, state.t("export.col_segment_name"), np.asarray(profile.names, dtype=object)[segmentation.labels[picked]]
        )
        if segmentation.membership is not None:
            selected.insert(1, state.t("engine.membership_column"), segmentation.membership[picked].round(3))
        st.dataframe(selected, width="stretch", hide_index=True)


def show_sizes() -> None:
    """Customers per segment, and the segments as a table (beside another k's, when asked)."""
    st.plotly_chart(rendered("sizes", lambda: build_size_chart(profile, lang)), width="stretch")
    st.subheader(state.t("segments.table"))
    other_k = None
    if scan is not None and len(k_options) > 1:
        others = [None] + [option for option in k_options if option != k]
        state.init_widget(state.COMPARE_K, None, valid=lambda chosen: chosen in others)
        other_k = st.selectbox(
            state.t("engine.compare"),
            others,
            format_func=lambda option: state.t("engine.compare_off") if option is None else f"k = {option}",
            key=state.COMPARE_K,
            help=state.t("engine.compare_help"),
        )
    if other_k is None:
        st.dataframe(names_and_sizes(result), width="stretch", hide_index=True)
    else:
        try:
            compared = segments_of(other_k)
        except SegmenttiError as error:
            show_error(error)
            st.stop()
        for column, shown in zip(st.columns(2), (result, compared), strict=True):
            column.markdown("**" + state.t("engine.compare_heading", k=shown.segmentation.k) + "**")
            column.dataframe(names_and_sizes(shown), width="stretch", hide_index=True)


def show_profiles() -> None:
    """How each segment differs from all customers, criterion by criterion, as one heatmap."""
    st.plotly_chart(
        rendered("heatmap", lambda: build_profile_heatmap(profile, lang, labels=labels, years=years)), width="stretch"
    )
    st.caption(state.t("chart.profile_note"))


def criterion_chart(criterion: str):
    """Box plots of a numeric criterion per segment, or the shares of a categorical one's levels."""
    numeric = criterion in features.numeric
    measure = box_stats if numeric else category_shares
    figures = state.remember(
        "criterion_figures",
        (*segmentation_key[:-1], criterion),
        lambda: measure(frame, segmentation.labels, criterion, segmentation.k),
        16,
    )
    if numeric:
        return build_box_chart(figures, profile.names, label(criterion), lang, years=criterion in years)
    return build_category_chart(figures, profile.names, label(criterion), lang)


def show_by_criterion() -> None:
    """One criterion at a time: box plots or level shares per segment."""
    criterion = st.selectbox(
        state.t("engine.criterion"), features.criteria, format_func=label, key=state.DETAIL_CRITERION
    )
    st.plotly_chart(rendered(("criterion", criterion), lambda: criterion_chart(criterion)), width="stretch")


def keep_open_view(views: tuple[str, ...]) -> None:
    """Open the view the user left open, also after a visit elsewhere or a language switch (which renames the tabs)."""
    shown = state.widget_value(state.SEGMENTS_VIEW)
    named = {translate(f"segments.view_{view}", language): view for view in views for language in LANGUAGES}
    view = named.get(shown, state.widget_value(state.SEGMENTS_VIEW_OPEN, views[0]))
    state.put(state.SEGMENTS_VIEW, state.t(f"segments.view_{view}"))
    state.keep(state.SEGMENTS_VIEW_OPEN, view)


# the views as tabs, and only the open one drawn: a fresh visit or a k change draws one chart, not four
views = {"map": show_map, "sizes": show_sizes, "profiles": show_profiles, "criterion": show_by_criterion}
keep_open_view(tuple(views))
tabs = st.tabs([state.t(f"segments.view_{view}") for view in views], key=state.SEGMENTS_VIEW, on_change="rerun")
for tab, show in zip(tabs, views.values(), strict=True):
    if tab.open:
        with tab:
            show()

if st.toggle(state.t("engine.fit_section"), key=state.SHOW_FIT):
    fit = cached_fit(segmentation_key[:-1], SEED, segmentation)
    st.plotly_chart(
        rendered("fit", lambda: build_fit_chart(fit.silhouette, fit.labels, profile.names, lang)), width="stretch"
    )
    worst = fit.worst()
    if len(worst):
        st.caption(state.t("engine.worst", count=len(worst)))
        order = {row: position for position, row in enumerate(fit.rows)}
        listing = frame.iloc[worst].copy()
        listing.insert(
            0, state.t("segments.silhouette"), [round(float(fit.silhouette[order[row]]), 3) for row in worst]
        )
        listing.insert(
            1, state.t("export.col_segment_name"), np.asarray(profile.names, dtype=object)[segmentation.labels[worst]]
        )
        st.dataframe(listing, width="stretch", hide_index=True)

if method == "ward":
    dendrogram = state.remember(
        "dendrogram", segmentation_key[:-1], lambda: build_dendrogram(features.values, k, SEED), 4
    )
    st.plotly_chart(rendered("dendrogram", lambda: build_dendrogram_chart(dendrogram, lang)), width="stretch")

if scan is not None:
    # closed at first: the segments come first. Drawn only while open, so a rerun (a language
    # switch, a k change) does not build five charts nobody looks at
    with st.expander(
        state.t("engine.scan_charts"),
        expanded=state.scan_charts_open(),
        key=state.SCAN_CHARTS,
        on_change=state.keep_scan_charts_open,
    ) as scan_charts:
        if scan_charts.open:
            metrics = ["silhouette", "inertia", "stability", "calinski_harabasz", "davies_bouldin"]
            if method == "gmm":
                metrics.append("bic")
            chart_columns = st.columns(2)
            for position, metric in enumerate(metrics):
                chart = state.remember(
                    "rendering",
                    (*scan_key, metric, lang),
                    lambda metric=metric: build_metric_chart(scan, metric, lang),
                    64,
                )
                chart_columns[position % 2].plotly_chart(chart, width="stretch")
next_step("personas", "segments.next")
