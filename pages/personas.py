"""Personas page: one editable card per segment, and all segments side by side."""

import pandas as pd
import streamlit as st

from segmentti.insight.personas import (
    compare_personas,
    describe_affinity,
    describe_trait,
    format_kpi,
    format_share,
    pilot_advice,
)
from segmentti.outputs.persona_charts import build_share_chart, build_trait_chart
from segmentti.outputs.report import escape_markdown
from ui import state
from ui.personas import current_segmentation
from ui.widgets import dataset_caption, next_step, require_app_frame

require_app_frame("personas")

st.title(state.t("personas.title"))
dataset_caption()
current = current_segmentation()
edits = state.persona_edits(current.key)
st.write(state.t("personas.intro"))
pilot = pilot_advice(state.lang())
st.info(f"**{escape_markdown(pilot.action)}** {escape_markdown(pilot.reason)}")

for raw in current.raw:
    with st.container(border=True):
        # the language is part of the widget keys: an unedited name follows the language of the suggestion
        suffix = f"{current.key}_{state.lang()}_{raw.number}"
        name_key, notes_key = f"persona_name_{suffix}", f"persona_notes_{suffix}"
        saved = edits.get(raw.number, {})
        if name_key not in st.session_state:
            st.session_state[name_key] = saved.get("name") or raw.suggested_name
        if notes_key not in st.session_state:
            st.session_state[notes_key] = saved.get("notes", "")
        left, right = st.columns([3, 2])
        name = left.text_input(state.t("personas.name"), key=name_key, max_chars=120)
        left.caption(escape_markdown(state.t("personas.suggested", name=raw.suggested_name)))
        notes = right.text_area(state.t("personas.notes"), key=notes_key, height=90)
        edits[raw.number] = {"name": "" if name == raw.suggested_name else name, "notes": notes}
        persona = current.personas[raw.number - 1]

        st.subheader(f"{persona.number}. {escape_markdown(persona.name)}")
        metrics = st.columns(3)
        metrics[0].metric(state.t("personas.size"), persona.size)
        metrics[1].metric(state.t("personas.share"), format_share(persona.share, lang=state.lang()))
        if persona.revenue_share is not None:
            metrics[2].metric(state.t("personas.revenue_share"), format_share(persona.revenue_share, lang=state.lang()))

        traits_column, chart_column = st.columns([3, 2])
        traits_column.markdown(f"**{state.t('report.traits')}**")
        if persona.listed_traits:
            traits_column.markdown(
                "\n".join(
                    f"- {escape_markdown(describe_trait(trait, state.lang()))}" for trait in persona.listed_traits
                )
            )
            chart_column.plotly_chart(build_trait_chart(persona, state.lang()), width="stretch")
        else:
            traits_column.write(state.t("report.no_traits"))

        details, actions = st.columns([2, 3])
        details.markdown(f"**{state.t('report.typical')}**")
        details.dataframe(
            pd.DataFrame(list(persona.typical), columns=[state.t("data.col_name"), state.t("report.segment_value")]),
            hide_index=True,
            width="stretch",
        )
        if persona.kpis:
            details.markdown(f"**{state.t('report.kpis')}**")
            details.dataframe(
                pd.DataFrame(
                    {
                        state.t("report.kpi"): [state.t(f"kpi.{kpi.key}") for kpi in persona.kpis],
                        state.t("report.segment_value"): [
                            format_kpi(k.key, k.segment_value, lang=state.lang()) for k in persona.kpis
                        ],
                        state.t("report.overall_value"): [
                            format_kpi(k.key, k.overall_value, lang=state.lang()) for k in persona.kpis
                        ],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
        else:
            details.caption(state.t("personas.no_kpis"))
        if persona.affinities:
            actions.markdown(f"**{state.t('report.affinity')}**")
            actions.markdown(
                "\n".join(
                    f"- {escape_markdown(describe_affinity(item, state.lang()))}" for item in persona.affinities[:5]
                )
            )
        actions.markdown(f"**{state.t('report.actions')}**")
        for action in persona.actions:
            actions.markdown(f"- **{escape_markdown(action.action)}**  \n  {escape_markdown(action.reason)}")
        actions.caption(state.t("report.rules_note"))

personas = current.personas
st.subheader(state.t("report.comparison"))
st.plotly_chart(build_share_chart(personas, state.lang()), width="stretch")
st.dataframe(
    compare_personas(personas, state.lang()),
    hide_index=True,
    width="stretch",
    column_config={
        state.t(key): st.column_config.NumberColumn(format="percent")
        for key in ("report.share", "report.revenue_share")
    },
)
next_step("export", "personas.next")
