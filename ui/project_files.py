"""A project's files on the data page: each read and joined as the project says, the project applied once they are in.

The project records every file of a join (:class:`segmentti.project.project_file.SourceFile`).
Opening it keeps that list as the data page's settings for files of those names (separator,
encoding, …, what the file holds, its id column, its order-line columns and as-of day); a
project whose files are not loaded yet waits for them and is applied when the data page has
joined them.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence

from segmentti.choices import DATE_ORDERS, DECIMAL_MARKS, ENCODINGS, SEPARATORS
from segmentti.data.assembly import assemble
from segmentti.project.project_file import Project, SourceFile
from ui import state
from ui.dataset import Dataset

AUTO = "auto"
"""The data page's "detect it" choice of a reading option."""

_MAPPED = ("customer", "date", "amount", "order", "quantity", "price", "category", "channel")


def loaded_files(current: Dataset | None) -> tuple[SourceFile, ...]:
    """How each file of ``current`` was read and joined (one file without join details when it has no parts)."""
    if current is None or current.sample is not None:
        return ()
    if not current.parts:
        return (SourceFile.of(current.table),)
    return tuple(SourceFile.of_part(part) for part in current.parts)


def widget_values(source: SourceFile) -> dict[str, object]:
    """The data page's widget values (by option name of :func:`ui.state.file_widget_key`) that read ``source`` again."""
    values: dict[str, object] = {
        "sep": source.separator if source.separator in SEPARATORS else AUTO,
        "enc": source.encoding if source.encoding in ENCODINGS else AUTO,
        "dec": source.decimal if source.decimal in DECIMAL_MARKS else AUTO,
        "hdr": int(source.header_row or 0),
        "dates": source.date_order if source.date_order in DATE_ORDERS else AUTO,
        "kind": source.kind,
    }
    if source.sheet is not None:
        values["sheet"] = source.sheet
    if source.kind == "orders" and source.orders is not None:
        values.update({option: getattr(source.orders, option) for option in _MAPPED})
        values["as_of"] = None if source.as_of is None else datetime.date.fromisoformat(source.as_of)
    else:
        values["id"] = source.id_column
    return values


def plan_uploads(uploads: Sequence[tuple[str, bytes]], *, force: bool = False) -> None:
    """Give the data page's widgets of each upload named in the project's files the project's settings.

    Only widgets without a value yet (a fresh upload), unless ``force`` (a project just opened):
    a setting the user changed on the page is theirs.
    """
    planned = {source.name: source for source in state.widget_value(state.PROJECT_FILES, ())}
    for position, (name, data) in enumerate(uploads):
        source = planned.get(name)
        if source is None:
            continue
        key = state.file_key(data, position)
        for option, value in widget_values(source).items():
            widget = state.file_widget_key(key, option)
            if force:
                state.put(widget, value)
            else:
                state.init_widget(widget, value)


def current_uploads() -> list[tuple[str, bytes]]:
    """The files uploaded on the data page now, ``(name, bytes)`` (none once the user left that page)."""
    return [(upload.name, upload.getvalue()) for upload in state.widget_value(state.UPLOAD) or []]


def missing_files(project: Project, names: Sequence[str]) -> list[str]:
    """The project's file names that are not among ``names``."""
    return [source.name for source in project.files if source.name not in set(names)]


def rejoined(current: Dataset, project: Project) -> Dataset | None:
    """``current``'s files joined as ``project`` says, when each was read the project's way (else ``None``).

    Only what a file holds, its id column, order-line columns and as-of day change; a file
    read otherwise (another separator, header row …) has to be loaded again.
    """
    by_name = {source.name: source for source in project.files}
    parts = []
    for part in current.parts:
        wanted = by_name.get(part.table.source_name)
        if wanted is None or SourceFile.of(part.table) != dataclasses.replace(
            wanted, kind="customers", id_column=None, orders=None, as_of=None
        ):
            return None
        parts.append(
            dataclasses.replace(
                part, kind=wanted.kind, id_column=wanted.id_column, mapping=wanted.orders, as_of=wanted.as_of
            )
        )
    order = [source.name for source in project.files]
    parts.sort(key=lambda part: order.index(part.table.source_name))
    assembly = assemble(parts)
    orders = tuple(part for part in parts if part.kind == "orders")
    return Dataset(assembly.table, assembly.digest, orders=orders, parts=tuple(parts))


def pending_project() -> tuple[Project, str] | None:
    """The project waiting for its files and its file name, if any."""
    return state.widget_value(state.PROJECT_PENDING)


def wait_for_files(project: Project, name: str) -> None:
    """Keep ``project`` until the data page has joined its files (and its files as the data page's settings)."""
    state.put(state.PROJECT_FILES, project.files)
    state.put(state.PROJECT_PENDING, (project, name))
