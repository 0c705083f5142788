"""RFM page: recency, frequency and monetary scores, the named RFM segments, the R×F grid and RFM against clusters."""

import pandas as pd
import streamlit as st

from segmentti.engine.features import build_features
from segmentti.engine.rfm import (
    FREQUENCY,
    MONETARY,
    RECENCY,
    SEGMENT_RULES,
    edges_text,
    has_rfm_columns,
    join_order_summary,
    load_order_sample,
    parse_edges,
    rf_grid,
    rf_grid_segments,
    rfm_crosstab,
    score_rfm,
)
from segmentti.engine.workflow import segment_by_rfm
from segmentti.errors import SegmenttiError
from segmentti.outputs.charts import build_crosstab_chart, build_profile_heatmap, build_rf_grid_chart, build_size_chart
from segmentti.outputs.tables import label_customers, to_csv_bytes
from segmentti.texts import format_number, translate
from ui import state
from ui.cached import cached_order_summary
from ui.engine import current_result
from ui.personas import named
from ui.widgets import dataset_caption, require_app_frame, show_error

require_app_frame("rfm")

lang = state.lang()
st.title(state.t("rfm.title"))
dataset_caption()
current = state.dataset()
frame = current.table.frame
st.write(state.t("rfm.intro"))

if has_rfm_columns(frame):
    customers = frame
    source_digest = current.digest
else:
    st.info(state.t("rfm.needs", recency=RECENCY, frequency=FREQUENCY, monetary=MONETARY), icon=":material/info:")
    if "customer_id" not in frame.columns or not st.toggle(state.t("rfm.use_orders"), value=True, key=state.RFM_ORDERS):
        st.stop()
    orders = load_order_sample()
    summary = cached_order_summary("sample:b2c_orders", orders)
    customers = join_order_summary(frame, summary)
    source_digest = current.digest + ":b2c_orders"
    st.caption(
        state.t(
            "rfm.from_orders",
            lines=format_number(len(orders), lang),
            customers=format_number(len(customers), lang),
            dropped=format_number(len(frame) - len(customers), lang),
        )
    )
    if customers.empty:
        st.warning(state.t("rfm.no_match"), icon=":material/warning:")
        st.stop()

edge_mode = st.radio(
    state.t("rfm.bins"),
    ["quintiles", "custom"],
    format_func=state.formatter("rfm.bins_"),
    horizontal=True,
    key=state.RFM_BINS,
)
try:
    # scores and features do not depend on the language: kept per data and edges
    scores = state.remember("rfm_scores", (source_digest, None), lambda: score_rfm(customers), 8)
    if edge_mode == "custom":
        edges = {}
        parts = zip(
            st.columns(3), (("recency", RECENCY), ("frequency", FREQUENCY), ("monetary", MONETARY)), strict=True
        )
        for column, (key, label) in parts:
            text = column.text_input(
                state.t("rfm.edges", column=label),
                value=edges_text(scores.edges[key], lang),
                help=state.t("rfm.edges_help"),
                key=state.rfm_edges_key(key),
            )
            edges[key] = parse_edges(text)
        edges_key = tuple((key, tuple(values)) for key, values in edges.items())
        scores = state.remember("rfm_scores", (source_digest, edges_key), lambda: score_rfm(customers, edges=edges), 8)
    features = state.remember(
        "rfm_features", source_digest, lambda: build_features(customers, [RECENCY, FREQUENCY, MONETARY]), 4
    )
    result = segment_by_rfm(customers, scores, features, lang)
except SegmenttiError as error:
    show_error(error)
    st.stop()

profile = result.profile
left, right = st.columns([2, 3])
left.plotly_chart(build_size_chart(profile, lang), width="stretch")
grid = rf_grid(scores)
names = rf_grid_segments(scores).map(lambda key: translate(f"rfm.{key}", lang) if key else "")
right.plotly_chart(build_rf_grid_chart(grid, names, lang), width="stretch")
right.caption(state.t("rfm.grid_caption"))
with st.expander(state.t("rfm.rules_title")):
    sizes = scores.table["segment"].value_counts()
    st.caption(state.t("rfm.rules_caption"))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    state.t("rfm.col_segment"): translate(f"rfm.{rule.key}", lang),
                    "R": "–".join(dict.fromkeys(map(str, rule.recency))),
                    "F": "–".join(dict.fromkeys(map(str, rule.frequency))),
                    "M": "–".join(dict.fromkeys(map(str, rule.monetary))),
                    state.t("rfm.col_customers"): int(sizes.get(rule.key, 0)),
                }
                for rule in SEGMENT_RULES
            ]
        ),
        hide_index=True,
    )
st.plotly_chart(build_profile_heatmap(profile, lang), width="stretch")

st.subheader(state.t("rfm.against_clusters"))
try:
    clusters = current_result(lang)
except SegmenttiError as error:
    show_error(error)
    clusters = None
if clusters is None:
    st.info(state.t("rfm.no_clusters"), icon=":material/info:")
else:
    positions = frame.index.get_indexer(customers.index)
    labels = clusters.segmentation.labels[positions]
    # the clusters by the names every page gives them (renamed personas included), numbered so two never merge
    table = rfm_crosstab(scores, labels, named(clusters).profile.names)
    row_names = [translate(f"rfm.{key}", lang) for key in table.index]
    st.plotly_chart(build_crosstab_chart(table, lang, row_names), width="stretch")

labelled = label_customers(
    customers,
    result.segmentation,
    profile,
    segment_column=state.t("export.col_segment"),
    name_column=state.t("export.col_segment_name"),
)
labelled["R"], labelled["F"], labelled["M"] = (scores.table[letter].to_numpy() for letter in ("r", "f", "m"))
st.download_button(
    state.t("rfm.download", count=format_number(len(labelled), lang)),
    data=to_csv_bytes(labelled),
    file_name=f"{current.label.rsplit('.', 1)[0]}_rfm.csv",
    mime="text/csv",
    icon=":material/download:",
    key=state.RFM_DOWNLOAD,
)
