"""Compare snapshots page: two snapshots in one model's or the RFM segments — who moved where, each segment's change, the lists."""

import streamlit as st

from segmentti.engine.rfm import edges_text
from segmentti.errors import SegmenttiError
from segmentti.outputs.contacts import zip_files
from segmentti.outputs.migration_chart import build_migration_sankey
from segmentti.project.comparison import MIGRATION_CSV, MOVERS_CSV, mover_groups
from segmentti.texts import format_number, format_share
from ui import state
from ui.scoring import choose_model, compared, compared_rfm, rfm_mappings, snapshot_uploads
from ui.widgets import require_app_frame, show_error

require_app_frame("compare")

lang = state.lang()
st.title(state.t("compare.title"))
st.write(state.t("compare.intro"))

basis = st.radio(
    state.t("compare.basis"),
    ["model", "rfm"],
    format_func=state.formatter("compare.basis_"),
    horizontal=True,
    key=state.COMPARE_BASIS,
)
try:
    if basis == "rfm":
        st.caption(state.t("compare.rfm_intro"))
        snapshots = snapshot_uploads(can_cut=True)
        if snapshots is None:
            st.stop()
        rfm = compared_rfm(*snapshots, rfm_mappings(snapshots))
        comparison, files = rfm.comparison, rfm.files
    else:
        chosen = choose_model()
        if chosen is None:
            st.stop()
        model_key, saved = chosen
        snapshots = snapshot_uploads(can_cut=saved.orders is not None)
        if snapshots is None:
            st.stop()
        comparison, files = compared(model_key, saved, snapshots[0][:3], snapshots[1][:3])
except SegmenttiError as error:
    show_error(error)
    st.stop()

if basis == "rfm":
    for name, mapping in rfm.readings:
        if mapping is None:
            st.caption(state.t("compare.rfm_customer_table", name=name))
        else:
            reading = {"customer": mapping.customer, "date": mapping.date, "amount": mapping.amount}
            if mapping.amount is None:
                reading["amount"] = f"{mapping.quantity} × {mapping.price}"
            st.caption(state.t("compare.rfm_mapping", name=name, **reading))
    st.caption(state.t("compare.rfm_edges", **{key: edges_text(values, lang) for key, values in rfm.edges.items()}))


def count(value: int) -> str:
    """A count in the user's number format."""
    return format_number(value, lang)


counts = comparison.counts
k = len(comparison.names)
figures = [
    ("compare.metric_then", int(counts.iloc[:k].to_numpy().sum())),
    ("compare.metric_now", int(counts.iloc[:, :k].to_numpy().sum())),
    ("compare.metric_moved", comparison.moved),
    ("compare.metric_new", int(counts.iloc[k, :k].sum())),
    ("compare.metric_gone", int(counts.iloc[:k, k].sum())),
]
for place, (label, value) in zip(st.columns(len(figures)), figures, strict=True):
    place.metric(state.t(label), count(value))

st.plotly_chart(build_migration_sankey(counts, lang), width="stretch", key="compare_sankey")

st.subheader(state.t("compare.matrix"))
as_shares = st.toggle(state.t("compare.show_shares"), key="compare_shares")
shown = (comparison.shares * 100).round(1) if as_shares else counts
st.dataframe(shown, width="stretch")

st.subheader(state.t("compare.changes"))
changes = comparison.changes.copy()
changes["change_share"] = [format_share(share, lang) if share == share else "" for share in changes["change_share"]]
changes = changes.rename(columns=lambda column: state.t(f"compare.col_{column}"))
st.dataframe(changes, width="stretch")

st.subheader(state.t("compare.movers"))
if not comparison.moved:
    st.info(state.t("compare.no_movers"))
else:
    groups = mover_groups(comparison, lang)
    lists = {name: data for name, data in files.items() if name.startswith("lists/")}
    pair = st.selectbox(
        state.t("compare.pick_pair"),
        options=range(len(groups)),
        format_func=lambda position: f"{groups[position].name} ({count(groups[position].customers)})",
        key="compare_pair",
    )
    group = groups[pair]
    members = comparison.movers[
        (comparison.movers["from_segment"] == comparison.names[group.source])
        & (comparison.movers["to_segment"] == comparison.names[group.target])
    ]
    st.dataframe(members.head(50), hide_index=True, width="stretch")
    listed = [name for name in lists if name.split("/", 1)[1].startswith(f"{group.number:02d}_")]
    if listed:
        st.download_button(
            state.t("compare.download_pair", pair=group.name, count=count(len(members))),
            data=lists[listed[0]],
            file_name=listed[0].split("/", 1)[1],
            mime="text/csv",
            icon=":material/contact_mail:",
            key="compare_download_pair",
            on_click="ignore",
            width="stretch",
        )
    if lists:
        st.download_button(
            state.t("compare.download_lists"),
            data=lambda: zip_files({name.split("/", 1)[1]: data for name, data in lists.items()}),
            file_name="movers_lists.zip",
            mime="application/zip",
            icon=":material/folder_zip:",
            key="compare_download_lists",
            on_click="ignore",
            width="stretch",
        )
for label, name in (("compare.download_movers", MOVERS_CSV), ("compare.download_migration", MIGRATION_CSV)):
    st.download_button(
        state.t(label),
        data=files[name],
        file_name=name,
        mime="text/csv",
        icon=":material/download:",
        key=f"compare_download_{name}",
        on_click="ignore",
        width="stretch",
    )
