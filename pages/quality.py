"""Data-quality page: what is wrong with the loaded data, and the fixes the user picks (the original stays as loaded)."""

import pandas as pd
import streamlit as st

from segmentti.data.quality import Fix
from segmentti.texts import format_number
from ui import state
from ui.cached import cached_quality
from ui.widgets import dataset_caption, next_step, require_app_frame

require_app_frame("quality")

LEAVE = "leave"

st.title(state.t("quality.title"))
dataset_caption()
source = state.source_dataset()
report = cached_quality(source.digest, state.column_overrides(), source.table.frame)
st.write(state.t("quality.intro"))

duplicate_rows = sum(problem.count for problem in report.problems if problem.kind == "duplicate_rows")
duplicate_ids = sum(problem.count for problem in report.problems if problem.kind == "duplicate_ids")
cols = st.columns(4)
cols[0].metric(state.t("quality.rows"), format_number(report.rows, state.lang()))
cols[1].metric(state.t("quality.duplicate_rows"), format_number(duplicate_rows, state.lang()))
cols[2].metric(state.t("quality.duplicate_ids"), format_number(duplicate_ids, state.lang()))
cols[3].metric(state.t("quality.problems"), format_number(len(report.problems), state.lang()))

lang = state.lang()
chosen: list[Fix] = []
if not report.problems:
    st.success(state.t("quality.clean"), icon=":material/check_circle:")
else:
    st.subheader(state.t("quality.found"))
    previous = {(fix.column, fix.action) for fix in state.fixes()}
    for position, problem in enumerate(report.problems):
        detail = dict(problem.detail)
        message = state.t(
            f"problem.{problem.kind}",
            column=problem.column or "",
            count=format_number(problem.count, lang),
            **(
                {"low": format_number(detail["low"], lang, 1), "high": format_number(detail["high"], lang, 1)}
                if problem.kind.startswith("outliers")
                else {}
            ),
        )
        options = [LEAVE, *problem.fixes]
        earlier = next((action for action in problem.fixes if (problem.column, action) in previous), LEAVE)
        text, choice = st.columns([3, 2], vertical_alignment="center")
        text.markdown(message)
        action = choice.selectbox(
            message,
            label_visibility="collapsed",
            options=options,
            index=options.index(earlier),
            format_func=state.formatter("fix."),
            key=state.fix_key(source.digest, position, problem.kind, problem.column),
        )
        if action != LEAVE:
            chosen.append(Fix(action, problem.column))
state.set_fixes(chosen)

with st.expander(state.t("quality.missing_per_column")):
    st.dataframe(
        pd.DataFrame(
            {
                state.t("data.col_name"): [name for name, _ in report.missing],
                state.t("quality.missing_count"): [count for _, count in report.missing],
            }
        ),
        hide_index=True,
        width="stretch",
    )

current = state.dataset()
if current.steps:
    st.subheader(state.t("quality.steps"))
    st.markdown("\n".join(f"1. {step.text(state.lang())}" for step in current.steps))
    st.caption(
        state.t(
            "quality.original_kept",
            rows=format_number(len(source.table.frame), state.lang()),
            now=format_number(len(current.table.frame), state.lang()),
        )
    )
next_step("criteria", "data.next")
