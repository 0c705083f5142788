"""The sidebar's project save and open, and the saved model of the segments in use: Streamlit glue for segmentti.project."""

from __future__ import annotations

import streamlit as st

from segmentti.data.assembly import Part
from segmentti.data.samples import SAMPLES
from segmentti.engine.methods import K_MAX, K_MIN
from segmentti.engine.rules import rules_to_table
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import DEFAULT_CURRENCY
from segmentti.project.project_file import (
    PROJECT_FILE,
    Project,
    check_fits,
    project_from_bytes,
    project_to_bytes,
)
from segmentti.project.saved_model import MODEL_FILE, SavedModel, model_to_bytes, save_model
from ui import state
from ui.cached import cached_sample
from ui.engine import SEED, current_features
from ui.project_files import (
    current_uploads,
    loaded_files,
    missing_files,
    pending_project,
    plan_uploads,
    rejoined,
    wait_for_files,
)
from ui.widgets import load_sample_dataset


def order_lines_of(current: state.Dataset | None) -> Part | None:
    """The order-line file the working customers were built from, when they come from exactly that one file.

    A saved model scores new data of the same kind: with customers joined from several
    files it keeps no order-line mapping (new data then comes as one customer table).
    """
    if current is None or len(current.orders) != 1:
        return None
    part = current.orders[0]
    return part if part.table.source_name == current.table.source_name else None


def pilot_settings() -> tuple[float, int] | None:
    """The export page's pilot (percent, seed) when it is on, else ``None``."""
    if not state.widget_value(state.PILOT_ON):
        return None
    return float(state.widget_value(state.PILOT_PERCENT, 10)), int(state.widget_value(state.PILOT_SEED, 0))


def current_project() -> Project:
    """Everything the user decided in this session, as a project (decisions only, no customer)."""
    current = state.dataset()
    source = state.source_dataset()
    edits = _persona_edits_in_use()
    return Project(
        files=loaded_files(source),
        sample=None if source is None else source.sample,
        orders=None if order_lines_of(current) is None else order_lines_of(current).mapping,
        as_of=None if order_lines_of(current) is None else order_lines_of(current).as_of,
        columns=() if source is None else tuple(map(str, source.table.frame.columns)),
        overrides=state.column_overrides(),
        column_labels=state.column_labels(),
        currency=state.currency(),
        fixes=tuple(state.fixes()),
        criteria=None if state.criteria() is None else tuple(state.criteria()),
        family_weights={name: float(weight) for name, weight in state.family_weights().items() if weight != 1.0},
        column_weights={name: float(weight) for name, weight in state.column_weights().items() if weight != 1.0},
        method=state.method(),
        k=state.k(),
        k_range=tuple(state.widget_value(state.K_RANGE, (K_MIN, K_MAX))),
        seed=SEED,
        personas=tuple(
            {"number": number, "name": entry.get("name", ""), "notes": entry.get("notes", "")}
            for number, entry in sorted(edits.items())
            if entry.get("name") or entry.get("notes")
        ),
        rules=tuple(state.rules()),
        pilot_percent=None if pilot_settings() is None else pilot_settings()[0],
        pilot_seed=0 if pilot_settings() is None else pilot_settings()[1],
    )


def _segmentation_key_in_use() -> str | None:
    """The persona-edit key of the segmentation in use, found among those computed (never computing one)."""
    current, k = state.dataset(), state.k()
    if current is None or k is None:
        return None
    for key in reversed(list(state.results("segmentation"))):
        digest, criteria, _settings, method, found_k, _seed = key
        if digest == current.digest and method == state.method() and found_k == k:
            return state.segmentation_key(digest, criteria, k, method)
    return None


def _persona_edits_in_use() -> dict[int, dict[str, str]]:
    key = _segmentation_key_in_use()
    return {} if key is None else dict(state.persona_edits(key))


def open_project(data: bytes, name: str) -> tuple[Project, str | None]:
    """Read a project and put its decisions into the session for the loaded data.

    The file is read and checked against the loaded data first: a file that does not fit
    raises :class:`SegmenttiError` and nothing in the session changes. A project of several
    files is applied to those files joined as it says: when they are loaded (or uploaded on
    the data page now) they are joined again its way; otherwise the project waits for them
    and the text returned beside it says which files to load (``None`` when it was applied).
    """
    project = project_from_bytes(data, name)
    if project.sample and (state.source_dataset() is None or state.source_dataset().sample != project.sample):
        if project.sample not in SAMPLES:
            raise SegmenttiError("error.project_field", name=name, field="data.sample")
        check_fits(project, cached_sample(project.sample).frame, project.sample)
        load_sample_dataset(project.sample)
    elif len(project.files) > 1 and loaded_files(state.source_dataset()) != project.files:
        return project, _join_project_files(project, name)
    apply_project(project)
    return project, None


def _join_project_files(project: Project, name: str) -> str | None:
    """Join the loaded or uploaded files as ``project`` says and apply it, or keep it waiting (the text why)."""
    uploads = current_uploads()
    if uploads and not missing_files(project, [upload for upload, _ in uploads]):
        wait_for_files(project, name)  # on the data page with every file: it joins them and applies the project
        plan_uploads(uploads, force=True)
        return None
    source = state.source_dataset()
    loaded = [part.table.source_name for part in source.parts] if source is not None else []
    again = None if missing_files(project, loaded) else rejoined(source, project)
    if again is None:
        wait_for_files(project, name)
        names = ", ".join(file.name for file in project.files)
        missing = missing_files(project, loaded) or [file.name for file in project.files]
        return state.t("project.load_files", names=names, missing=", ".join(missing))
    check_fits(project, again.table.frame, again.label)
    state.put(state.PROJECT_FILES, project.files)
    state.set_dataset(again)
    apply_project(project)
    return None


def apply_waiting_project() -> None:
    """Apply the project waiting for its files once the data page has joined them as it says (said on the page)."""
    waiting = pending_project()
    if waiting is None or loaded_files(state.source_dataset()) != waiting[0].files:
        return
    project, name = waiting
    try:
        apply_project(project)
    except SegmenttiError as error:  # said once: the files are joined, the project's columns do not fit them
        state.put(state.PROJECT_PENDING, None)
        st.error(error.message(state.lang()), icon=":material/error:")
        return
    names = ", ".join(file.name for file in project.files)
    st.success(state.t("project.files_rejoined", name=name, names=names), icon=":material/join:")


def apply_project(project: Project) -> None:
    """Put the project's decisions into the session for the loaded data (checked first: nothing changes on a misfit)."""
    source = state.source_dataset()
    check_fits(project, source.table.frame, source.label)
    state.put(state.PROJECT_PENDING, None)  # applied: it waits no more, nor does one opened before it
    state.forget_decision_widgets()
    state.set_column_overrides(project.overrides)
    state.set_column_labels(project.column_labels)
    state.set_currency(project.currency if project.currency is not None else DEFAULT_CURRENCY)
    state.set_fixes(list(project.fixes))  # new working data when there are fixes: later choices start afresh
    state.put(state.CRITERIA, None if project.criteria is None else list(project.criteria))
    for stored, chosen in (
        (state.family_weights(), project.family_weights),
        (state.column_weights(), project.column_weights),
    ):
        stored.clear()
        stored.update(chosen)
    state.set_method(project.method)
    state.put(state.K, project.k)
    state.keep(state.K_RANGE, project.k_range)
    state.set_rules(list(project.rules))
    state.set_rules_table(rules_to_table(project.rules))
    state.put(state.PILOT_ON, project.pilot_percent is not None)
    if project.pilot_percent is not None:
        state.put(state.PILOT_PERCENT, round(project.pilot_percent))
        state.put(state.PILOT_SEED, project.pilot_seed)
    if project.k is not None and project.personas:
        features, _ = current_features()
        key = state.segmentation_key(state.dataset().digest, features.criteria, project.k, project.method)
        state.persona_edits(key).update(project.persona_edits())


def project_sidebar() -> None:
    """The sidebar's project box: save the decisions as ``project.json``, open one saved before."""
    with st.sidebar.expander(state.t("project.sidebar"), icon=":material/folder_open:"):
        st.download_button(
            state.t("project.save"),
            data=project_to_bytes(current_project()),
            file_name=PROJECT_FILE,
            mime="application/json",
            key="project_save",
            icon=":material/save:",
            width="stretch",
        )
        upload = st.file_uploader(state.t("project.open"), type=["json"], key=state.PROJECT_UPLOAD)
        if upload is not None and state.widget_value(state.PROJECT_OPENED) != upload.file_id:
            state.put(state.PROJECT_OPENED, upload.file_id)  # one upload is opened once
            try:
                project, waiting = open_project(upload.getvalue(), upload.name)
            except SegmenttiError as error:
                st.error(error.message(state.lang()), icon=":material/error:")
            else:
                if waiting is not None:
                    st.warning(waiting, icon=":material/upload_file:")
                elif pending_project() is None:  # else the data page joins the files and says so
                    saved_on = project.sample or ", ".join(file.name for file in project.files)
                    st.success(
                        state.t("project.opened", name=upload.name, data=saved_on or "-"), icon=":material/check:"
                    )


def session_model(result, personas) -> SavedModel:
    """The model of the segments in use with the personas' names and notes and the session's column decisions."""
    current = state.dataset()
    return save_model(
        result.model,
        [persona.name for persona in personas],
        notes=[persona.notes for persona in personas],
        overrides=state.column_overrides(),
        column_labels=state.column_labels(),
        currency=state.currency(),
        orders=None if order_lines_of(current) is None else order_lines_of(current).mapping,
        source=current.label,
    )


def model_download(result, personas, key: str) -> None:
    """A button that downloads the model of the segments in use as ``model.json`` (nothing is written on the server)."""
    if result.model is None:
        return
    saved = session_model(result, personas)
    st.download_button(
        state.t("project.save_model"),
        data=lambda: model_to_bytes(saved),  # built when clicked, on its own thread: no session state inside
        file_name=MODEL_FILE,
        mime="application/json",
        key=key,
        icon=":material/model_training:",
        help=state.t("project.save_model_help"),
    )
