"""The segmentation in use and its personas with the user's edits, for the personas and export pages."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from segmentti.engine.workflow import SegmentationResult
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import Persona, apply_edits
from segmentti.outputs.persona_view import PersonaView, build_persona_views
from ui import state
from ui.cached import cached_personas, segmentation_digest
from ui.engine import current_result
from ui.widgets import next_step, show_error

SEED = 0


@dataclass(frozen=True, eq=False)
class Current:
    """The data, its segmentation, the key the persona edits belong to, and the personas as edited."""

    dataset: state.Dataset
    result: SegmentationResult
    key: str
    raw: tuple[Persona, ...]

    @property
    def personas(self) -> tuple[Persona, ...]:
        """The personas with the user's names and notes."""
        return apply_edits(self.raw, state.persona_edits(self.key))

    @property
    def views(self) -> tuple[PersonaView, ...]:
        """The personas as edited, formatted for their cards in the UI language."""
        return build_persona_views(self.personas, state.lang())


def current_segmentation() -> Current:
    """The segmentation chosen on the Segments page; without one, say so, link there and stop the page."""
    dataset = state.dataset()
    chosen = state.criteria()
    k = state.k()
    if dataset is None or k is None or (chosen is not None and not chosen):
        st.info(state.t("export.segment_first"), icon=":material/info:")
        next_step("segments", "export.to_segments")
        st.stop()
    try:
        result = current_result(state.lang())  # the method, weights and k chosen on the Segments page
        features = result.features
        raw = cached_personas(dataset.digest, segmentation_digest(result), state.lang(), dataset.table, result)
    except SegmenttiError as error:
        show_error(error)
        next_step("segments", "export.to_segments")
        st.stop()
    key = state.segmentation_key(dataset.digest, features.criteria, k, str(result.segmentation.method))
    return Current(dataset, result, key, raw)
