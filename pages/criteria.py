"""Criteria page: choose the columns the customers are segmented on."""

import streamlit as st

from segmentti.columns import Role, describe_columns, suggest_criteria
from segmentti.ui import state
from segmentti.ui.widgets import dataset_caption, next_step, require_app_frame

require_app_frame("criteria")

st.title(state.t("criteria.title"))
dataset_caption()
current = state.dataset()
frame = current.table.frame
infos = describe_columns(frame)
usable = [info.name for info in infos if info.usable or (info.role is Role.TEXT and info.distinct <= 100)]
kinds = {info.name: state.t(f"role.{info.role.value}") for info in infos}

st.write(state.t("criteria.intro"))
suggested = suggest_criteria(frame)
chosen_before = state.criteria()
if "criteria_choice" not in st.session_state:
    st.session_state["criteria_choice"] = [
        name for name in (chosen_before if chosen_before is not None else suggested) if name in usable
    ]
chosen = st.multiselect(
    state.t("criteria.choose"),
    options=usable,
    format_func=lambda name: f"{name} ({kinds[name]})",
    key="criteria_choice",
    help=state.t("criteria.help"),
)
state.set_criteria(chosen, suggested)

if not chosen:
    st.warning(state.t("criteria.none"), icon=":material/warning:")
else:
    numeric = sum(kinds[name] == state.t("role.numeric") for name in chosen)
    st.info(state.t("criteria.summary", count=len(chosen), numeric=numeric, categorical=len(chosen) - numeric))
    next_step("segments", "criteria.next")

left_out = [info for info in infos if info.name not in usable]
if left_out:
    with st.expander(state.t("criteria.left_out", count=len(left_out))):
        for info in left_out:
            st.markdown(
                f"- **{info.name}** — {state.t(f'role.{info.role.value}')}: {state.t(f'why.{info.role.value}')}"
            )
