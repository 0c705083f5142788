"""The Personas page's rules from a tree: computed once per segmentation and names, copied to the Rules page."""

from __future__ import annotations

import streamlit as st

from segmentti.engine.rules import rules_to_json, rules_to_table
from segmentti.insight.tree_rules import SegmentRules, describe_rule, explain_segments
from segmentti.outputs.report import escape_markdown
from segmentti.texts import format_share
from ui import state
from ui.cached import segmentation_digest
from ui.widgets import PAGES


def explained(current) -> SegmentRules:
    """The rules of the segments in use (``current``: :class:`ui.personas.Current`), named as the personas."""
    result = current.result
    names = tuple(persona.name for persona in current.personas)
    features = result.features
    segmentation = result.segmentation
    key = (current.dataset.digest, segmentation_digest(result), names)
    return state.remember(
        "tree_rules",
        key,
        lambda: explain_segments(
            current.dataset.table.frame,
            segmentation.labels,
            names,
            features.numeric,
            features.categorical,
            skip=segmentation.unassigned,
        ),
        4,
    )


def show_segment_rules(current) -> None:
    """How to find each segment with filters, its fidelity, a copy to the Rules page and the rules JSON."""
    lang = state.lang()
    found = explained(current)
    st.subheader(state.t("treerules.title"))
    st.caption(state.t("treerules.intro"))
    for item in found.rules:
        st.markdown(
            state.t(
                "treerules.line",
                name=escape_markdown(item.rule.name),  # data shown as text, never as HTML or markdown
                conditions=escape_markdown(describe_rule(item.rule, lang, state.column_labels())),
                fidelity=format_share(item.fidelity, lang),
                recall=format_share(item.recall, lang),
                precision=format_share(item.precision, lang),
            )
        )
    st.caption(state.t("treerules.overall", fidelity=format_share(found.fidelity, lang)))
    left, right = st.columns(2)
    if left.button(state.t("treerules.copy"), key="tree_rules_copy", icon=":material/content_copy:", width="stretch"):
        state.set_rules(list(found.as_rules))
        state.set_rules_table(rules_to_table(found.as_rules))
        st.switch_page(PAGES["rules"])
    right.download_button(
        state.t("treerules.download"),
        data=rules_to_json(found.as_rules),
        file_name="rules.json",
        mime="application/json",
        key="tree_rules_download",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
