"""Put a run's outputs together once: every file as bytes by name, built when first asked for, and written to a folder."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from segmentti.errors import SegmenttiError
from segmentti.insight.naming import column_label
from segmentti.insight.personas import Persona
from segmentti.outputs.contacts import (
    ContactColumns,
    ContactLists,
    build_contact_lists,
    file_stem,
    find_contact_columns,
    list_files,
    zip_files,
)
from segmentti.outputs.persona_view import PersonaView, build_persona_views
from segmentti.outputs.report import ReportContext, render_html, render_markdown
from segmentti.outputs.tables import (
    SEGMENT_COLUMN,
    SEGMENT_NAME_COLUMN,
    build_summary,
    draw_control_group,
    label_with_personas,
    to_csv_bytes,
    to_finnish_csv_bytes,
)
from segmentti.outputs.workbook import build_workbook
from segmentti.texts import translate

SEGMENTS_CSV = "segments.csv"
SUMMARY_JSON = "summary.json"
PERSONAS_MD = "personas.md"
REPORT_HTML = "report.html"
WORKBOOK = "segments.xlsx"
FINNISH_CSV = "segments_excel_fi.csv"
LISTS_ZIP = "lists.zip"
LISTS_FOLDER = "lists"
MEMBERSHIP_COLUMN = "membership"

MEDIA_TYPES: dict[str, str] = {
    ".csv": "text/csv",
    ".json": "application/json",
    ".md": "text/markdown",
    ".html": "text/html",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".zip": "application/zip",
}
"""The media type of each kind of file of a run, by its extension."""

# the page names a download after the data and the file's kind in the user's language
_DOWNLOAD_NAMES: dict[str, tuple[str, str]] = {
    SEGMENTS_CSV: ("export.file_all", ".csv"),
    FINNISH_CSV: ("export.file_all", "_excel_fi.csv"),
    WORKBOOK: ("export.file_workbook", ".xlsx"),
    REPORT_HTML: ("export.file_report", ".html"),
    PERSONAS_MD: ("export.file_report", ".md"),
    LISTS_ZIP: ("export.file_lists", ".zip"),
}


@dataclass(frozen=True)
class Pilot:
    """A pilot before the roll-out: ``percent`` % of every segment drawn into a control group with ``seed``."""

    percent: float
    seed: int = 0


class RunFiles(Mapping[str, bytes]):
    """Every file of one run as bytes, by file name; each file is built the first time it is asked for.

    The names: ``segments.csv`` (every customer with segment number and name),
    ``summary.json``, ``personas.md``, ``report.html``, ``segments.xlsx``,
    ``segments_excel_fi.csv`` (the same customers for Excel in a Finnish locale) and, when
    the data has an email column, ``lists/<nn>_<name>.csv`` (with a pilot also
    ``lists/<nn>_<name>_control.csv``) and ``lists.zip`` of those lists.

    Build it with :func:`assemble_run`. Asking for one file builds only what that file
    needs: the workbook (the slowest file by far) is built only when it is read.
    """

    def __init__(
        self,
        *,
        frame: pd.DataFrame,
        result: Any,
        personas: tuple[Persona, ...],
        lang: str,
        context: ReportContext,
        control: np.ndarray | None,
        contact_columns: ContactColumns,
        only_consenting: bool,
        segment_column: str,
        name_column: str,
        k_selection: str | None,
        scan: Mapping[str, Any] | None,
        column_labels: Mapping[str, str] | None = None,
    ) -> None:
        self.frame = frame
        self.result = result
        self.personas = personas
        self.lang = lang
        self.context = context
        self.control = control
        self.contact_columns = contact_columns
        self.only_consenting = only_consenting
        self.segment_column = segment_column
        self.name_column = name_column
        self.k_selection = k_selection
        self.scan = scan
        self.column_labels = dict(column_labels or {})
        self._built: dict[str, bytes] = {}
        builders: dict[str, Callable[[], bytes]] = {
            SEGMENTS_CSV: lambda: to_csv_bytes(self.labelled),
            SUMMARY_JSON: self._summary_json,
            PERSONAS_MD: lambda: render_markdown(self.views, self.context, self.lang).encode("utf-8"),
            REPORT_HTML: lambda: render_html(self.views, self.context, self.lang).encode("utf-8"),
            WORKBOOK: lambda: build_workbook(self.labelled, self.labels, self.views, self.context, self.lang),
            FINNISH_CSV: lambda: to_finnish_csv_bytes(self.labelled),
        }
        if contact_columns.email is not None:
            builders[LISTS_ZIP] = lambda: zip_files(
                {name.split("/", 1)[1]: data for name, data in self._lists_by_name.items()}
            )
        self._builders = builders

    # --- the Mapping: file name → bytes ------------------------------------------------------------------------

    def __getitem__(self, name: str) -> bytes:
        if name.startswith(f"{LISTS_FOLDER}/"):
            return self._lists_by_name[name]  # the lists are built together: one pass over the customers
        if name not in self._builders:
            raise KeyError(name)
        if name not in self._built:
            self._built[name] = self._builders[name]()
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        """The file names; the contact lists' names are known once the lists are built (control lists only where filled)."""
        fixed = [name for name in self._builders if name != LISTS_ZIP]
        if self.contact_columns.email is None:
            return iter(fixed)
        return iter([*fixed, *self._lists_by_name, LISTS_ZIP])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    # --- what the files are made of ----------------------------------------------------------------------------

    @property
    def labels(self) -> np.ndarray:
        """Shape ``(n,)``: each customer's segment index 0 … k-1."""
        return self.result.segmentation.labels

    @functools.cached_property
    def views(self) -> tuple[PersonaView, ...]:
        """The persona cards every report renders."""
        return build_persona_views(self.personas, self.lang, self.column_labels)

    @functools.cached_property
    def labelled(self) -> pd.DataFrame:
        """Every customer with the segment number and name (the membership probability and pilot group where there are)."""
        labelled = label_with_personas(
            self.frame,
            self.labels,
            self.personas,
            self.lang,
            self.control,
            segment_column=self.segment_column,
            name_column=self.name_column,
        )
        membership = getattr(self.result.segmentation, "membership", None)
        if membership is not None:
            labelled[MEMBERSHIP_COLUMN] = np.round(membership, 4)
        return labelled

    @functools.cached_property
    def lists(self) -> ContactLists | None:
        """Each segment's contact list (``None`` without an email column).

        Raises
        ------
        SegmenttiError
            When the chosen email column is not in the data.
        """
        if self.contact_columns.email is None:
            return None
        return build_contact_lists(
            self.frame, self.labels, self.personas, self.contact_columns, self.only_consenting, self.control
        )

    def list_name(self, number: int) -> str | None:
        """The file name of segment ``number``'s contact list (``None`` without an email column)."""
        if self.contact_columns.email is None:
            return None
        return f"{LISTS_FOLDER}/{file_stem(self.personas[number - 1])}.csv"

    def segment_csv(self, number: int) -> bytes:
        """The customers of segment ``number`` (1-based), every column, as ``segments.csv`` has them."""
        return to_csv_bytes(self.labelled[self.labels == number - 1])

    def folder_names(self) -> list[str]:
        """The files :func:`write_outputs` writes: every file but the ZIP, whose lists the folder holds already."""
        return [name for name in self if name != LISTS_ZIP]

    def download_name(self, name: str, stem: str) -> str:
        """The name a download of file ``name`` gets: the data's ``stem`` and the file's kind in the run's language."""
        if name in _DOWNLOAD_NAMES:
            key, ending = _DOWNLOAD_NAMES[name]
            return f"{stem}_{translate(key, self.lang)}{ending}"
        return f"{stem}_{Path(name).name}"

    def segment_download_name(self, number: int, stem: str) -> str:
        """The name a download of :meth:`segment_csv` gets."""
        return f"{stem}_{translate('export.file_segment', self.lang)}_{number}.csv"

    # --- builders ----------------------------------------------------------------------------------------------

    def _summary_json(self) -> bytes:
        segmentation, features = self.result.segmentation, self.result.features
        summary = build_summary(
            segmentation,
            self.result.profile,
            features.criteria,
            names=[persona.name for persona in self.personas],
            k_selection=self.k_selection,
            dropped=tuple(getattr(features, "dropped", ())),
            scan=self.scan,
        )
        return (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @functools.cached_property
    def _lists_by_name(self) -> dict[str, bytes]:
        lists = self.lists
        if lists is None:
            return {}
        return {f"{LISTS_FOLDER}/{name}": data for name, data in list_files(lists, self.personas, self.lang).items()}


def assemble_run(
    frame: pd.DataFrame,
    result: Any,
    personas: Sequence[Persona],
    lang: str,
    *,
    source: str = "",
    steps: Sequence[str] = (),
    pilot: Pilot | None = None,
    contact_columns: ContactColumns | None = None,
    only_consenting: bool = True,
    segment_column: str = SEGMENT_COLUMN,
    name_column: str = SEGMENT_NAME_COLUMN,
    k_selection: str | None = None,
    scan: Mapping[str, Any] | None = None,
    column_labels: Mapping[str, str] | None = None,
) -> RunFiles:
    """Put together every output of a segmentation run: the one place the app and the command line get files from.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers that were segmented, in the order of the labels.
    result : segmentti.engine.workflow.SegmentationResult
        The segmentation (``segmentation``, ``features``, ``profile``).
    personas : sequence of Persona
        In segment order, with the user's names and notes: their names are the segment
        names in every file.
    lang : str
        Language of names, headings and texts.
    source : str
        The data's name for the report header.
    steps : sequence of str
        Cleaning steps applied to the data (already translated), listed in the report and workbook.
    pilot : Pilot, optional
        Draw a control group from every segment: a pilot column in the customer tables and
        control lists beside the contact lists.
    contact_columns : ContactColumns, optional
        Where the email, names and consent are; default found from the data
        (:func:`segmentti.outputs.contacts.find_contact_columns`). Without an email column
        there are no contact lists.
    only_consenting : bool, default True
        With a consent column, put only consenting customers on the lists.
    segment_column, name_column : str
        Headers of the segment number and name in the customer tables (the command line
        keeps ``segment`` and ``segment_name`` in every language; the app translates them).
    k_selection : {"auto", "fixed", "method"}, optional
        How k was chosen, for ``summary.json``.
    scan : mapping, optional
        The k scan behind an automatic k, as ``scan --json`` prints it, for ``summary.json``.
    column_labels : mapping of str to str, optional
        The user's readable labels of columns, used in the reports' sentences and charts.

    Returns
    -------
    RunFiles
        The files by name; nothing is built until a file is read.

    Raises
    ------
    SegmenttiError
        When the pilot's percent is outside 0–90.
    """
    labels = result.segmentation.labels
    control = None if pilot is None else draw_control_group(labels, pilot.percent, pilot.seed)
    context = ReportContext(
        source=source,
        n_customers=len(frame),
        method=str(result.segmentation.method),
        criteria=tuple(column_label(name, lang, column_labels) for name in result.features.criteria),
        steps=tuple(steps),
        pilot_percent=None if pilot is None else pilot.percent,
        pilot_seed=None if pilot is None else pilot.seed,
    )
    return RunFiles(
        frame=frame,
        result=result,
        personas=tuple(personas),
        lang=lang,
        context=context,
        control=control,
        contact_columns=find_contact_columns(frame) if contact_columns is None else contact_columns,
        only_consenting=only_consenting,
        segment_column=segment_column,
        name_column=name_column,
        k_selection=k_selection,
        scan=scan,
        column_labels=column_labels,
    )


def write_outputs(out_dir: str | Path, run: RunFiles, names: Sequence[str] | None = None) -> list[Path]:
    """Write a run's files into ``out_dir``.

    Parameters
    ----------
    out_dir : str or pathlib.Path
        The folder (created when missing); contact lists go into its ``lists`` folder.
    run : RunFiles
        From :func:`assemble_run`.
    names : sequence of str, optional
        The files to write; default :meth:`RunFiles.folder_names` (every file but the ZIP).

    Returns
    -------
    list of pathlib.Path
        The files written, in the order of ``names``.

    Raises
    ------
    SegmenttiError
        When the folder or a file cannot be written.
    """
    out = Path(out_dir)
    written = []
    try:
        for name in run.folder_names() if names is None else names:
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(run[name])
            written.append(path)
    except OSError as exc:
        raise SegmenttiError("error.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from None
    return written
