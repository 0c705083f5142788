"""The segmentation in use and its personas with the user's edits, for the personas and export pages."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import streamlit as st

from segmentti.engine.workflow import SegmentationResult
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import Persona, apply_edits, suggested_segment_names
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
        """The personas as edited, formatted for their cards in the UI language with the user's column labels."""
        return build_persona_views(self.personas, state.lang(), state.column_labels())


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
        raw = _personas(dataset, result)
    except SegmenttiError as error:
        show_error(error)
        next_step("segments", "export.to_segments")
        st.stop()
    return Current(dataset, result, _key(dataset, result), raw)


def segment_names(result: SegmentationResult) -> list[str]:
    """The name of each segment of ``result`` (of the working data) as every page shows it, in segment order.

    The personas' names: the user's where renamed on the personas page, else the suggested
    one made with the user's column labels. The Segments, RFM and Rules pages label their
    charts and tables with these, so a segment has one name everywhere.
    """
    dataset = state.dataset()
    suggested = suggested_segment_names(result, state.lang(), state.column_labels())
    return state.segment_names(_key(dataset, result), suggested)


def named(result: SegmentationResult) -> SegmentationResult:
    """``result`` with each segment named as :func:`segment_names` says (``"<number>: <name>"``).

    The same segmentation and figures: only the names change, so every chart a page draws
    from ``result.profile`` (map legend, sizes, heatmap, box plots) shows the names in use.
    """
    names = segment_names(result)
    segments = tuple(
        dataclasses.replace(summary, name=f"{summary.number}: {name}")
        for summary, name in zip(result.profile.segments, names, strict=True)
    )
    return dataclasses.replace(result, profile=dataclasses.replace(result.profile, segments=segments))


def _personas(dataset: state.Dataset, result: SegmentationResult) -> tuple[Persona, ...]:
    return cached_personas(
        dataset.digest,
        segmentation_digest(result),
        state.lang(),
        dataset.table,
        result,
        state.column_labels(),
        state.currency(),
    )


def _key(dataset: state.Dataset, result: SegmentationResult) -> str:
    segmentation = result.segmentation
    return state.segmentation_key(dataset.digest, result.features.criteria, segmentation.k, str(segmentation.method))
