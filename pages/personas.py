"""Personas page: one editable card per segment, and all segments side by side."""

import pandas as pd
import streamlit as st

from segmentti.insight.personas import pilot_advice
from segmentti.outputs.persona_charts import build_share_chart, build_trait_chart
from segmentti.outputs.persona_view import PersonaView, build_persona_view, comparison_rows
from segmentti.outputs.report import escape_markdown
from ui import state
from ui.personas import current_segmentation
from ui.project import model_download
from ui.segment_rules import show_segment_rules
from ui.widgets import dataset_caption, next_step, require_app_frame

require_app_frame("personas")


def show_card(view: PersonaView) -> None:
    """The card's content below its name and notes: figures, traits with their chart, typical customer, KPIs, actions."""
    st.subheader(escape_markdown(view.title))
    for place, (label, value) in zip(st.columns(3), view.figures, strict=False):
        place.metric(label, value)

    traits_column, chart_column = st.columns([3, 2])
    traits_column.markdown(f"**{state.t('report.traits')}**")
    if view.traits:
        traits_column.markdown("\n".join(f"- {escape_markdown(sentence)}" for sentence in view.traits))
        chart_column.plotly_chart(build_trait_chart(view, state.lang()), width="stretch")
    else:
        traits_column.write(state.t("report.no_traits"))

    # the typical customer beside the KPIs, the actions below at full width: a KPI table in a
    # narrow column cut its labels off
    details, figures = st.columns([2, 3])
    details.markdown(f"**{state.t('report.typical')}**")
    details.dataframe(
        pd.DataFrame(list(view.typical), columns=[state.t("data.col_name"), state.t("report.segment_value")]),
        hide_index=True,
        width="stretch",
    )
    if view.kpis:
        figures.markdown(f"**{state.t('report.kpis')}**")
        figures.dataframe(
            pd.DataFrame(
                [(kpi.label, kpi.segment, kpi.overall) for kpi in view.kpis],
                columns=[state.t("report.kpi"), state.t("report.segment_value"), state.t("report.overall_value")],
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        figures.caption(state.t("personas.no_kpis"))
    actions = st.container()
    if view.affinities:
        actions.markdown(f"**{state.t('report.affinity')}**")
        actions.markdown("\n".join(f"- {escape_markdown(line)}" for line in view.affinities))
    actions.markdown(f"**{state.t('report.actions')}**")
    for item in view.actions:
        actions.markdown(f"- **{escape_markdown(item.action)}**  \n  {escape_markdown(item.reason)}")


st.title(state.t("personas.title"))
dataset_caption()
current = current_segmentation()
edits = state.persona_edits(current.key)
st.write(state.t("personas.intro"))
pilot = pilot_advice(state.lang())
# advice that holds for every persona is said once for the page, as the reports do
st.info(f"**{escape_markdown(pilot.action)}** {escape_markdown(pilot.reason)}")
st.caption(state.t("report.rules_note"))

for raw in current.raw:
    with st.container(border=True):
        # the suggestion is part of the widget keys: an unedited name follows the language and the
        # column labels it is made in, and an old suggestion is never kept as if the user typed it
        suffix = f"{current.key}_{state.settings_digest(state.lang(), raw.suggested_name)[:8]}_{raw.number}"
        name_key, notes_key = state.persona_name_key(suffix), state.persona_notes_key(suffix)
        saved = edits.get(raw.number, {})
        state.init_widget(name_key, saved.get("name") or raw.suggested_name)
        state.init_widget(notes_key, saved.get("notes", ""))
        left, right = st.columns([3, 2])
        name = left.text_input(state.t("personas.name"), key=name_key, max_chars=120)
        left.caption(escape_markdown(state.t("personas.suggested", name=raw.suggested_name)))
        notes = right.text_area(state.t("personas.notes"), key=notes_key, height=90)
        edits[raw.number] = {"name": "" if name == raw.suggested_name else name, "notes": notes}
        show_card(build_persona_view(current.personas[raw.number - 1], state.lang(), state.column_labels()))

views = current.views
st.subheader(state.t("report.comparison"))
st.plotly_chart(build_share_chart(views, state.lang()), width="stretch")
# the reports' own table, formatted in the user's language (decimal commas, the currency)
headers, rows = comparison_rows(views, state.lang())
st.dataframe(pd.DataFrame(list(rows), columns=list(headers)), hide_index=True, width="stretch")
show_segment_rules(current)
model_download(current.result, current.personas, "personas_save_model")
next_step("export", "personas.next")
