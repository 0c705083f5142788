"""Criteria page: choose the columns the customers are segmented on."""

import pandas as pd
import streamlit as st

from segmentti.data.columns import Role, describe_columns
from segmentti.data.criteria import (
    MAX_DEFAULT_CRITERIA,
    NEAR_CONSTANT_SHARE,
    Preset,
    criteria_suggestion,
    preset_criteria,
)
from segmentti.engine.features import FAMILY_ORDER
from segmentti.errors import SegmenttiError
from segmentti.texts import format_number, translate
from ui import state
from ui.widgets import dataset_caption, next_step, require_app_frame

require_app_frame("criteria")

SUGGESTED = "suggested"
PRESET_LABELS = {
    SUGGESTED: "preset.suggested",
    Preset.WHO.value: "preset.who",
    Preset.HOW.value: "preset.how",
    Preset.THINK.value: "preset.think",
}

st.title(state.t("criteria.title"))
dataset_caption()
current = state.dataset()
frame = current.table.frame
overrides = state.column_overrides()
infos = describe_columns(frame, overrides)
usable = [info.name for info in infos if info.usable or (info.role is Role.TEXT and info.distinct <= 100)]
kinds = {info.name: state.t(f"role.{info.role.value}") for info in infos}
families = {info.name: state.t(f"engine.family_{info.family.value}") for info in infos}

st.write(state.t("criteria.intro"))
suggestion = state.remember(
    "criteria_suggestion",
    (current.digest, repr(sorted(overrides.items()))),
    lambda: criteria_suggestion(frame, overrides),
    4,
)
suggested = list(suggestion.chosen)


def _preset_columns(preset: str) -> list[str]:
    """The columns of a preset (the suggestion for "suggested"); raises SegmenttiError when it has none."""
    return suggested if preset == SUGGESTED else preset_criteria(frame, preset, overrides)


def _fill_from_preset() -> None:
    """``on_change`` of the preset choice: the chosen preset fills the criteria selection."""
    try:
        columns = _preset_columns(state.criteria_preset() or SUGGESTED)
    except SegmenttiError:
        return  # the page says why below and keeps the selection
    state.fill_criteria_choice([name for name in columns if name in usable])


language = state.lang()  # bound now: Streamlit may call the radio's format_func outside the script run
state.init_widget(state.CRITERIA_PRESET, SUGGESTED)
preset = st.radio(
    state.t("criteria.preset"),
    options=list(PRESET_LABELS),
    format_func=lambda option: translate(PRESET_LABELS[option], language),
    key=state.CRITERIA_PRESET,
    horizontal=True,
    on_change=_fill_from_preset,
    help=state.t("criteria.preset_help", limit=MAX_DEFAULT_CRITERIA),
)
try:
    _preset_columns(preset)
except SegmenttiError as error:
    st.warning(error.message(state.lang()), icon=":material/info:")
chosen_before = state.criteria()
state.init_widget(
    state.CRITERIA_CHOICE,
    [name for name in (chosen_before if chosen_before is not None else suggested) if name in usable],
)
chosen = st.multiselect(
    state.t("criteria.choose"),
    options=usable,
    format_func=lambda name: f"{name} ({kinds[name]}, {families[name]})",
    key=state.CRITERIA_CHOICE,
    help=state.t("criteria.help"),
)
state.set_criteria(chosen, suggested)

if not chosen:
    st.warning(state.t("criteria.none"), icon=":material/warning:")
else:
    numeric = sum(kinds[name] == state.t("role.numeric") for name in chosen)
    st.info(state.t("criteria.summary", count=len(chosen), numeric=numeric, categorical=len(chosen) - numeric))

    st.subheader(state.t("weights.title"))
    st.caption(state.t("weights.intro"))
    family_of = {info.name: info.family for info in infos}
    present = [family for family in FAMILY_ORDER if any(family_of[name] is family for name in chosen)]
    family_weights = state.family_weights()
    columns = st.columns(min(len(present), 4) or 1)
    for position, family in enumerate(present):
        members = [name for name in chosen if family_of[name] is family]
        with columns[position % len(columns)]:
            family_weights[family.value] = st.slider(
                state.t(f"engine.family_{family.value}"),
                min_value=0.0,
                max_value=3.0,
                step=0.5,
                value=float(family_weights.get(family.value, 1.0)),
                key=state.family_weight_key(family.value),
                help=", ".join(members),
            )
    with st.expander(state.t("weights.columns")):
        column_weights = state.column_weights()
        table = pd.DataFrame(
            {
                "criterion": chosen,
                "family": [state.t(f"engine.family_{family_of[name].value}") for name in chosen],
                "weight": [float(column_weights.get(name, 1.0)) for name in chosen],
            }
        )
        edited = st.data_editor(
            table,
            key=state.COLUMN_WEIGHT_EDITOR,
            hide_index=True,
            disabled=["criterion", "family"],
            column_config={
                "criterion": st.column_config.TextColumn(state.t("weights.criterion")),
                "family": st.column_config.TextColumn(state.t("weights.family")),
                "weight": st.column_config.NumberColumn(
                    state.t("weights.weight"), min_value=0.0, max_value=5.0, step=0.5
                ),
            },
            width="stretch",
        )
        for name, weight in zip(edited["criterion"], edited["weight"], strict=True):
            column_weights[name] = 1.0 if pd.isna(weight) else float(weight)
    next_step("segments", "criteria.next")

reasons = []
if suggestion.outcomes:
    reasons.append(state.t("criteria.outcomes", columns=", ".join(suggestion.outcomes)))
if suggestion.near_constant:
    share = format_number(NEAR_CONSTANT_SHARE * 100, state.lang()) + " %"
    reasons.append(state.t("criteria.near_constant", columns=", ".join(suggestion.near_constant), share=share))
reasons.extend(state.t("criteria.duplicate", column=left, kept=kept) for left, kept in suggestion.duplicates)
if suggestion.beyond_limit:
    reasons.append(
        state.t("criteria.beyond_limit", limit=MAX_DEFAULT_CRITERIA, columns=", ".join(suggestion.beyond_limit))
    )
if reasons:
    with st.expander(state.t("criteria.not_default")):
        st.markdown("\n".join(f"- {reason}" for reason in reasons))

left_out = [info for info in infos if info.name not in usable]
if left_out:
    with st.expander(state.t("criteria.left_out", count=len(left_out))):
        for info in left_out:
            st.markdown(
                f"- **{info.name}** — {state.t(f'role.{info.role.value}')}: {state.t(f'why.{info.role.value}')}"
            )
