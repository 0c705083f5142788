"""Streamlit glue of the Score and Compare pages: the model to use, the uploaded snapshots, results kept per session."""

from __future__ import annotations

import datetime
import functools
import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from segmentti.data.loading import LoadOptions
from segmentti.data.order_detection import guess_order_lines
from segmentti.data.orders import OrderMapping
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import apply_edits
from segmentti.outputs.contacts import ContactColumns, find_contact_columns
from segmentti.outputs.run import RunFiles
from segmentti.project.comparison import SnapshotComparison, compare_snapshots, comparison_files
from segmentti.project.rfm_comparison import compare_rfm_snapshots, rfm_customers, snapshot_edges
from segmentti.project.saved_model import SavedModel, model_from_bytes
from segmentti.project.scoring import customers_to_score, score_frame, scored_files
from segmentti.texts import translate
from ui import state
from ui.cached import cached_personas, cached_table, segmentation_digest
from ui.engine import current_result
from ui.project import session_model
from ui.widgets import show_error

UPLOAD_TYPES = ["csv", "tsv", "txt", "gz", "zip", "xlsx"]
CONTACT_SAMPLE = 5000


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def session_saved_model() -> tuple[str, SavedModel] | None:
    """The model of the segments in use in this session with the personas' names, and its key (``None`` before segments)."""
    current = state.dataset()
    if current is None or state.k() is None:
        return None
    try:
        result = current_result(state.lang())
    except SegmenttiError:
        return None
    if result is None or result.model is None:
        return None
    segmentation = result.segmentation
    key = state.segmentation_key(current.digest, result.features.criteria, segmentation.k, str(segmentation.method))
    raw = cached_personas(
        current.digest,
        segmentation_digest(result),
        state.lang(),
        current.table,
        result,
        state.column_labels(),
        state.currency(),
    )
    personas = apply_edits(raw, state.persona_edits(key))
    names = tuple(persona.name for persona in personas)
    return f"session:{key}:{state.settings_digest(names)}", session_model(result, personas)


def choose_model() -> tuple[str, SavedModel] | None:
    """The model picker: this session's segments or an uploaded ``model.json``; ``None`` (with a hint) when neither."""
    session = session_saved_model()
    options = (["session"] if session is not None else []) + ["file"]
    labels = {
        "session": state.t(
            "model.source_session", k=0 if session is None else len(session[1].names), name=state.dataset().label
        ),
        "file": state.t("model.source_file"),
    }
    choice = st.radio(
        state.t("model.source"), options, format_func=labels.__getitem__, key="model_source", horizontal=True
    )
    if choice == "session" and session is not None:
        chosen = session
    else:
        upload = st.file_uploader(state.t("model.upload"), type=["json"], key=state.MODEL_UPLOAD)
        if upload is None:
            st.info(state.t("model.none"), icon=":material/info:")
            return None
        data = upload.getvalue()
        try:
            saved = state.remember("saved_model", _digest(data), lambda: model_from_bytes(data, upload.name), 2)
        except SegmenttiError as error:
            show_error(error)
            return None
        chosen = (f"file:{_digest(data)}", saved)
    _describe(chosen[1])
    return chosen


def _describe(saved: SavedModel) -> None:
    model = saved.model
    st.caption(
        state.t(
            "model.summary",
            k=model.k_,
            method=state.t(f"method.{model.method}"),
            source=saved.source or "-",
            criteria=", ".join(saved.criteria),
        )
    )
    if saved.orders is not None:
        st.caption(state.t("model.orders", customer=saved.orders.customer, date=saved.orders.date))


def uploaded_table(label: str, key: str) -> tuple[str, pd.DataFrame] | None:
    """A CSV or Excel upload read as the data page reads files: ``(digest, frame)``, ``None`` before one (errors shown)."""
    upload = st.file_uploader(label, type=UPLOAD_TYPES, key=key)
    if upload is None:
        return None
    data = upload.getvalue()
    digest = _digest(data)
    try:
        table = cached_table(digest, upload.name, None, LoadOptions(), data)
    except SegmenttiError as error:
        show_error(error)
        return None
    return digest, table.frame


Snapshot = tuple[str, pd.DataFrame, "str | None", str]
"""An uploaded snapshot: the file's digest, its table, the as-of day (order lines cut at it) and the file's name."""


def _as_of_input(label_key: str, key: str) -> str | None:
    """An as-of date picker for order lines (``None`` until chosen)."""
    picked = st.date_input(state.t(label_key), value=None, key=key)
    return picked.isoformat() if isinstance(picked, datetime.date) else None


def snapshot_uploads(can_cut: bool) -> tuple[Snapshot, Snapshot] | None:
    """The two snapshots: two uploads, or (``can_cut``: order lines) one upload at two as-of days.

    ``None`` (with a hint of what is missing) until both are there.
    """
    if can_cut and st.toggle(state.t("compare.one_file"), key=state.COMPARE_ONE_FILE):
        uploaded = uploaded_table(state.t("compare.new_file"), state.COMPARE_NEW)
        left, right = st.columns(2)
        with left:
            old_as_of = _as_of_input("compare.as_of_old", state.COMPARE_AS_OF_OLD)
        with right:
            new_as_of = _as_of_input("compare.as_of_new", state.COMPARE_AS_OF_NEW)
        if uploaded is None:
            st.info(state.t("compare.waiting"), icon=":material/upload_file:")
            return None
        if old_as_of is None or new_as_of is None:
            st.info(state.t("compare.need_dates"), icon=":material/event:")
            return None
        if new_as_of <= old_as_of:
            st.warning(state.t("error.compare_days_in_order", old=old_as_of, new=new_as_of), icon=":material/event:")
            return None
        name = state.widget_value(state.COMPARE_NEW).name
        return (*uploaded, old_as_of, name), (*uploaded, new_as_of, name)
    left, right = st.columns(2)
    with left:
        before = uploaded_table(state.t("compare.old"), state.COMPARE_OLD)
    with right:
        after = uploaded_table(state.t("compare.new_file"), state.COMPARE_NEW)
    if before is None or after is None:
        st.info(state.t("compare.waiting"), icon=":material/upload_file:")
        return None
    names = (state.widget_value(state.COMPARE_OLD).name, state.widget_value(state.COMPARE_NEW).name)
    return (*before, None, names[0]), (*after, None, names[1])


@dataclass(eq=False)
class ScoredCustomers:
    """New customers placed into a model's segments; their files are built the first time one is downloaded.

    A download button's data function runs on a thread of its own without the session: it
    reads :attr:`files` of this object, kept in the session by :func:`scored_customers`.
    """

    frame: pd.DataFrame
    saved: SavedModel
    values: np.ndarray
    labels: np.ndarray
    lang: str
    source: str

    @functools.cached_property
    def contact_columns(self) -> ContactColumns:
        """Where the emails, names and consent are, found on the first 5,000 customers (the lists and the page agree)."""
        return find_contact_columns(self.frame.head(CONTACT_SAMPLE))

    @functools.cached_property
    def files(self) -> RunFiles:
        """The same files as the Export page (profile and personas measured now, once)."""
        return scored_files(
            self.frame,
            self.saved,
            self.values,
            self.labels,
            self.lang,
            source=self.source,
            contact_columns=self.contact_columns,
            segment_column=translate("export.col_segment", self.lang),
            name_column=translate("export.col_segment_name", self.lang),
        )


def scored_customers(
    model_key: str, saved: SavedModel, data_key: str, frame: pd.DataFrame, as_of: str | None, source: str
) -> ScoredCustomers:
    """``frame`` (customers or order lines) scored with ``saved``, kept per session (raises SegmenttiError)."""
    lang = state.lang()

    def compute() -> ScoredCustomers:
        customers = customers_to_score(frame, saved, as_of)
        values, labels = score_frame(customers, saved)
        return ScoredCustomers(customers, saved, values, labels, lang, source)

    return state.remember("scored", (model_key, data_key, as_of, lang), compute, 2)


def compared(
    model_key: str,
    saved: SavedModel,
    old: tuple[str, pd.DataFrame, str | None],
    new: tuple[str, pd.DataFrame, str | None],
) -> tuple[SnapshotComparison, dict[str, bytes]]:
    """Both snapshots scored with ``saved`` and compared, and the comparison's files (raises SegmenttiError)."""
    lang = state.lang()

    def compute() -> tuple[SnapshotComparison, dict[str, bytes]]:
        before = customers_to_score(old[1], saved, old[2])
        after = customers_to_score(new[1], saved, new[2])
        comparison = compare_snapshots(before, after, saved, lang)
        return comparison, comparison_files(comparison, after, lang)

    key = (model_key, old[0], old[2], new[0], new[2], lang)
    return state.remember("compared", key, compute, 2)


_MAPPED_FIELDS = ("customer", "date", "amount", "quantity", "price", "order")


def rfm_mappings(snapshots: tuple[Snapshot, Snapshot]) -> dict[str, OrderMapping | None]:
    """The order-line columns of each snapshot file (by digest): recognised as on the data page, correctable.

    Each file gets an expander with its columns; no customer column means a customer table that
    already has the RFM columns.
    """
    mappings: dict[str, OrderMapping | None] = {}
    blanks = {field: state.t("data.none") for field in _MAPPED_FIELDS} | {
        "customer": state.t("compare.rfm_no_customer")
    }
    for digest, frame, _, name in snapshots:
        if digest in mappings:
            continue
        guess = guess_order_lines(frame)
        guessed = guess.mapping if guess.is_order_lines else None
        options = [None, *(str(column) for column in frame.columns)]
        chosen = {}
        with st.expander(state.t("compare.rfm_columns", name=name), icon=":material/table_view:"):
            for place, field in zip(st.columns(len(_MAPPED_FIELDS)), _MAPPED_FIELDS, strict=True):
                guess_of = None if guessed is None else getattr(guessed, field)
                chosen[field] = place.selectbox(
                    state.t(f"data.map_{field}"),
                    options,
                    index=options.index(guess_of) if guess_of in options else 0,
                    format_func=lambda option, blank=blanks[field]: blank if option is None else option,
                    key=state.snapshot_column_key(digest, field),
                )
        if chosen["customer"] is None:
            mappings[digest] = None
        elif chosen["date"] is None or (chosen["amount"] is None and None in (chosen["quantity"], chosen["price"])):
            raise SegmenttiError("error.no_amount_mapping")
        else:
            mappings[digest] = OrderMapping.chosen(
                chosen["customer"],
                chosen["date"],
                chosen["amount"],
                chosen["quantity"],
                chosen["price"],
                order=chosen["order"],
            )
    return mappings


@dataclass(frozen=True, eq=False)
class RfmCompared:
    """Two snapshots compared in RFM segments, the comparison's files and how each snapshot was read.

    ``readings`` has one line per uploaded file saying whether it was read as order lines (and
    which columns) or as a customer table with the RFM columns; ``edges`` are the earlier
    snapshot's bin edges both were scored on.
    """

    comparison: SnapshotComparison
    files: dict[str, bytes]
    edges: dict[str, tuple[float, ...]]
    readings: tuple[tuple[str, OrderMapping | None], ...]


def compared_rfm(old: Snapshot, new: Snapshot, mappings: dict[str, OrderMapping | None]) -> RfmCompared:
    """Both snapshots ``(digest, frame, as_of, file name)`` in RFM segments, compared (raises SegmenttiError).

    ``mappings`` (from :func:`rfm_mappings`) says how each file's order lines are read; a file
    without one is a customer table with the RFM columns.
    """
    lang = state.lang()

    def compute() -> RfmCompared:
        snapshots = [rfm_customers(frame, mappings[digest], as_of) for digest, frame, as_of, _ in (old, new)]
        edges = snapshot_edges(snapshots[0])
        comparison = compare_rfm_snapshots(*snapshots, lang, edges=edges)
        files = comparison_files(comparison, snapshots[1], lang)
        readings = {digest: (name, mappings[digest]) for digest, _, _, name in (old, new)}
        return RfmCompared(comparison, files, edges, tuple(readings.values()))

    key = (old[0], old[2], repr(mappings[old[0]]), new[0], new[2], repr(mappings[new[0]]), lang)
    return state.remember("compared_rfm", key, compute, 2)
