"""Write every output of a run into a folder: persona report, workbook and per-segment contact lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from segmentti.errors import SegmenttiError
from segmentti.insight.personas import Persona, personas_from_result
from segmentti.outputs.contacts import build_contact_lists, file_stem, find_contact_columns
from segmentti.outputs.report import ReportContext, render_html, render_markdown
from segmentti.outputs.tables import label_with_personas, to_csv_bytes
from segmentti.outputs.workbook import build_workbook

LISTS_FOLDER = "lists"


def write_outputs(
    out_dir: str | Path,
    frame: pd.DataFrame,
    result: object,
    lang: str,
    source: str = "",
    steps: Sequence[str] = (),
    edits: Mapping[int, Mapping[str, str]] | None = None,
    personas: Sequence[Persona] | None = None,
) -> list[Path]:
    """Write ``personas.md``, ``report.html``, ``segments.xlsx`` and ``lists/<nn>_<name>.csv`` into ``out_dir``.

    Parameters
    ----------
    out_dir : str or pathlib.Path
        The folder (created when missing).
    frame : pandas.DataFrame
        The customers that were segmented, in the order of the labels.
    result : segmentti.engine.workflow.SegmentationResult
        The segmentation (``features``, ``segmentation``).
    lang : str
        Language of names, headings and texts.
    source : str
        The data's name for the report header.
    steps : sequence of str
        Cleaning steps applied to the data (already translated), shown in the report and summary.
    edits : mapping, optional
        The user's persona names and notes, ``{number: {"name": ..., "notes": ...}}``.
    personas : sequence of Persona, optional
        The personas when the caller has built them already (``edits`` is then not used).

    Returns
    -------
    list of pathlib.Path
        The files written. Contact lists (only valid emails, each address once, only
        consenting customers when a consent column exists) are written only when the data
        has an email column.

    Raises
    ------
    SegmenttiError
        When the folder cannot be written.
    """
    out = Path(out_dir)
    labels = result.segmentation.labels  # type: ignore[attr-defined]
    if personas is None:
        personas = personas_from_result(frame, result, lang, edits)
    context = ReportContext(
        source=source,
        n_customers=len(frame),
        method=str(result.segmentation.method),  # type: ignore[attr-defined]
        criteria=tuple(result.features.criteria),  # type: ignore[attr-defined]
        steps=tuple(steps),
    )
    labelled = label_with_personas(frame, labels, personas, lang)
    files: dict[Path, bytes] = {
        out / "personas.md": render_markdown(personas, context, lang).encode("utf-8"),
        out / "report.html": render_html(personas, context, lang).encode("utf-8"),
        out / "segments.xlsx": build_workbook(labelled, labels, personas, context, lang),
    }
    columns = find_contact_columns(frame)
    if columns.email is not None:
        lists = build_contact_lists(frame, labels, personas, columns)
        for persona, contacts in zip(personas, lists.lists, strict=True):
            files[out / LISTS_FOLDER / f"{file_stem(persona)}.csv"] = to_csv_bytes(contacts)
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    except OSError as exc:
        raise SegmenttiError("error.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from None
    return list(files)
