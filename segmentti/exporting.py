"""Write segmented customers out: tables with their segment, CSV bytes, contact lists, ZIP and the run summary."""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from segmentti.clustering import Segmentation
from segmentti.columns import Role, describe_columns
from segmentti.errors import SegmenttiError
from segmentti.personas import CONSENT_PATTERN, Persona, find_flag_column, parse_yes_no
from segmentti.profiling import Profile
from segmentti.texts import translate

SEGMENT_COLUMN = "segment"
SEGMENT_NAME_COLUMN = "segment_name"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def label_customers(
    frame: pd.DataFrame,
    segmentation: Segmentation,
    profile: Profile,
    segment_column: str = SEGMENT_COLUMN,
    name_column: str = SEGMENT_NAME_COLUMN,
) -> pd.DataFrame:
    """Return ``frame`` with two columns added: the segment number (1-based) and its name.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, in the order of ``segmentation.labels``.
    segmentation, profile
        The segments and their description.
    segment_column, name_column : str
        Headers of the added columns (the app passes them in the user's language).

    Returns
    -------
    pandas.DataFrame
        Every column of ``frame`` followed by ``segment_column`` and ``name_column``.
    """
    return _with_segments(frame, segmentation.labels, profile.names, segment_column, name_column)


def _with_segments(
    frame: pd.DataFrame, labels: np.ndarray, names: Sequence[str], segment_column: str, name_column: str
) -> pd.DataFrame:
    """A copy of ``frame`` with the 1-based segment number and the segment's name of every row."""
    labelled = frame.copy()
    labelled[segment_column] = labels + 1
    labelled[name_column] = np.asarray(names, dtype=object)[labels]
    return labelled


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Make text cells that a spreadsheet would run as a formula inert by prefixing ``'``.

    Cells (and headers) starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return are
    changed unless they are plain numbers (``-12.5`` and ``-12,5`` stay as they are).
    """
    safe = frame.copy()
    safe.columns = [_inert_cell(name) if isinstance(name, str) else name for name in safe.columns]
    for name in safe.columns:
        column = safe[name]
        if not (pd.api.types.is_string_dtype(column) or column.dtype == object):
            continue
        safe[name] = column.map(_inert_cell, na_action="ignore")
    return safe


def _inert_cell(cell: Any) -> Any:
    if not isinstance(cell, str) or not cell.startswith(_FORMULA_STARTS):
        return cell
    try:
        float(cell.replace(",", "."))
        return cell
    except ValueError:
        return "'" + cell


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Encode ``frame`` as a standard CSV: UTF-8, comma separator, dot decimals, formulas made inert."""
    return neutralize_formulas(frame).to_csv(index=False, lineterminator="\n").encode("utf-8")


def build_summary(
    segmentation: Segmentation, profile: Profile, criteria: list[str] | tuple[str, ...]
) -> dict[str, Any]:
    """The machine-readable summary of a run (the CLI's ``summary.json``).

    Returns
    -------
    dict
        ``k``, ``method``, ``seed``, ``criteria``, ``n_customers``, ``segments`` (each
        with ``id``, ``name``, ``size``, ``share``) and ``metrics`` (``silhouette``,
        ``inertia``).
    """
    silhouette = segmentation.silhouette
    return {
        "k": segmentation.k,
        "method": segmentation.method,
        "seed": segmentation.seed,
        "criteria": list(criteria),
        "n_customers": len(segmentation.labels),
        "segments": [
            {"id": segment.number, "name": segment.name, "size": segment.size, "share": round(segment.share, 6)}
            for segment in profile.segments
        ],
        "metrics": {
            "silhouette": None if math.isnan(silhouette) else round(silhouette, 6),
            "inertia": round(segmentation.inertia, 6),
        },
    }


# --- Finnish Excel CSV -------------------------------------------------------------------------------------------


def to_finnish_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Encode ``frame`` as the CSV that Excel with a Finnish locale opens as it is.

    UTF-8 with a byte-order mark, ``;`` separator, decimal comma, dates as ``31.12.2025``
    (with the time only where a column has one), CRLF line ends, formulas made inert.
    Read it back with ``pandas.read_csv(data, sep=";", decimal=",", encoding="utf-8-sig")``.
    """
    safe = neutralize_formulas(frame)
    for name in safe.columns:
        column = safe[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            has_time = bool((column.dropna() != column.dropna().dt.normalize()).any())
            safe[name] = column.dt.strftime("%d.%m.%Y %H:%M:%S" if has_time else "%d.%m.%Y")
    text = safe.to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return text.encode("utf-8-sig")


# --- customers with their persona and pilot group ---------------------------------------------------------------


def label_with_personas(
    frame: pd.DataFrame,
    labels: np.ndarray,
    personas: Sequence[Persona],
    lang: str,
    control: np.ndarray | None = None,
    segment_column: str = SEGMENT_COLUMN,
    name_column: str = SEGMENT_NAME_COLUMN,
) -> pd.DataFrame:
    """Return ``frame`` with the segment number, the persona's name (as edited) and, with a pilot, the group.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, in the order of ``labels``.
    labels : numpy.ndarray
        Shape ``(n,)``: segment index 0 … k-1.
    personas : sequence of Persona
        In segment order; their ``name`` goes into ``name_column``.
    lang : str
        Language of the pilot column's header and values.
    control : numpy.ndarray of bool, optional
        Shape ``(n,)``: the control group (see :func:`draw_control_group`); adds the
        column ``pilot.column`` with ``pilot.test`` / ``pilot.control``.

    Returns
    -------
    pandas.DataFrame
        Every column of ``frame``, then ``segment_column``, ``name_column`` (and the pilot column).
    """
    labelled = _with_segments(frame, labels, [persona.name for persona in personas], segment_column, name_column)
    if control is not None:
        labelled[translate("pilot.column", lang)] = np.where(
            control, translate("pilot.control", lang), translate("pilot.test", lang)
        )
    return labelled


def draw_control_group(labels: np.ndarray, percent: float, seed: int = 0) -> np.ndarray:
    """Draw a random control group of ``percent`` % from every segment (seed 004: pilot before rolling out).

    Parameters
    ----------
    labels : numpy.ndarray
        Shape ``(n,)``: segment index per customer.
    percent : float
        0–90: the share of each segment (rounded to whole customers) put into the control group.
    seed : int, default 0
        The same labels, percent and seed always draw the same customers.

    Returns
    -------
    numpy.ndarray of bool
        Shape ``(n,)``: ``True`` for a customer in the control group.

    Raises
    ------
    SegmenttiError
        When ``percent`` is outside 0–90.
    """
    if not 0 <= percent <= 90:
        raise SegmenttiError("error.bad_pilot_share", percent=percent)
    labels = np.asarray(labels)
    control = np.zeros(len(labels), dtype=bool)
    rng = np.random.default_rng(seed)
    for segment in np.unique(labels):
        members = np.flatnonzero(labels == segment)
        count = round(len(members) * percent / 100)
        if count:
            control[rng.choice(members, size=count, replace=False)] = True
    return control


# --- contact lists for Mailchimp and HubSpot -------------------------------------------------------------------

CONTACT_HEADERS = ("Email Address", "First Name", "Last Name", "Tags")
"""The columns of a contact list: what Mailchimp's and HubSpot's importers map by themselves."""

_VALID_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
_FIRST_NAME = re.compile(r"first_?name|firstname|given_?name|etunimi", re.IGNORECASE)
_LAST_NAME = re.compile(r"last_?name|lastname|surname|family_?name|sukunimi", re.IGNORECASE)


@dataclass(frozen=True)
class ContactColumns:
    """Which columns hold the email address, first and last name and marketing consent (``None``: absent)."""

    email: str | None
    first_name: str | None = None
    last_name: str | None = None
    consent: str | None = None


def find_contact_columns(frame: pd.DataFrame) -> ContactColumns:
    """Find the email, name and consent columns from the column roles and headers (Finnish or English).

    Email: the first column of role ``Role.EMAIL``. Names: roles ``Role.FIRST_NAME`` /
    ``Role.LAST_NAME`` where the library has them, else headers like first_name/etunimi and
    last_name/sukunimi. Consent: a yes/no column named like consent/newsletter/lupa.
    """
    infos = describe_columns(frame)
    email = next((info.name for info in infos if info.role is Role.EMAIL), None)

    def by_role_or_header(role_name: str, pattern: re.Pattern[str]) -> str | None:
        role = getattr(Role, role_name, None)
        if role is not None:
            found = next((info.name for info in infos if info.role is role), None)
            if found is not None:
                return found
        return next((info.name for info in infos if pattern.search(info.name)), None)

    return ContactColumns(
        email=email,
        first_name=by_role_or_header("FIRST_NAME", _FIRST_NAME),
        last_name=by_role_or_header("LAST_NAME", _LAST_NAME),
        consent=find_flag_column(frame, CONSENT_PATTERN),
    )


@dataclass(frozen=True, eq=False)
class ContactLists:
    """Every segment's list of contacts to send to, and what was left out.

    Attributes
    ----------
    lists : tuple of pandas.DataFrame
        One per segment, in segment order, columns :data:`CONTACT_HEADERS`; ``Tags`` is the
        persona's name without commas (see :func:`tag_of`).
    controls : tuple of pandas.DataFrame
        The same for each segment's control group (empty frames without a pilot).
    left_out : dict of str to int
        Customers left out by reason: ``invalid_email``, ``no_consent``, ``duplicate``
        (checked in that order; each customer counted once).
    """

    lists: tuple[pd.DataFrame, ...]
    controls: tuple[pd.DataFrame, ...]
    left_out: dict[str, int]

    @property
    def kept(self) -> int:
        """Contacts on the lists to send to."""
        return sum(len(frame) for frame in self.lists)

    @property
    def in_control(self) -> int:
        """Contacts on the control lists."""
        return sum(len(frame) for frame in self.controls)


def build_contact_lists(
    frame: pd.DataFrame,
    labels: np.ndarray,
    personas: Sequence[Persona],
    columns: ContactColumns,
    only_consenting: bool = True,
    control: np.ndarray | None = None,
) -> ContactLists:
    """Build each segment's contact list for Mailchimp or HubSpot.

    Parameters
    ----------
    frame : pandas.DataFrame
        The customers, in the order of ``labels``.
    labels : numpy.ndarray
        Shape ``(n,)``: segment index 0 … k-1.
    personas : sequence of Persona
        In segment order; the ``name`` is the contact's ``Tags``.
    columns : ContactColumns
        Where the email, names and consent are (see :func:`find_contact_columns`).
    only_consenting : bool, default True
        With a consent column, keep only customers whose consent reads as yes.
    control : numpy.ndarray of bool, optional
        The control group: its contacts go to ``controls`` instead of ``lists``.

    Returns
    -------
    ContactLists
        Only rows with a valid email; an address (compared without case and spaces)
        appears once over all lists, on the first customer's row.

    Raises
    ------
    SegmenttiError
        When ``columns.email`` is not a column of ``frame``.
    """
    if columns.email is None or columns.email not in frame.columns:
        raise SegmenttiError("error.no_email_column", column=str(columns.email))
    emails = frame[columns.email].astype(object).where(frame[columns.email].notna(), "").astype(str).str.strip()
    valid = emails.str.fullmatch(_VALID_EMAIL).to_numpy(dtype=bool)
    consenting = np.ones(len(frame), dtype=bool)
    if only_consenting and columns.consent is not None and columns.consent in frame.columns:
        consenting = (parse_yes_no(frame[columns.consent]) == 1.0).to_numpy()
    normalised = emails.str.lower()
    candidate = valid & consenting
    duplicate = np.zeros(len(frame), dtype=bool)
    duplicate[candidate] = normalised[candidate].duplicated(keep="first").to_numpy()
    keep = candidate & ~duplicate

    def text(name: str | None) -> pd.Series:
        if name is None or name not in frame.columns:
            return pd.Series([""] * len(frame), index=frame.index, dtype=object)
        return frame[name].astype(object).where(frame[name].notna(), "").astype(str).str.strip()

    names = np.asarray([tag_of(persona.name) for persona in personas], dtype=object)
    contacts = pd.DataFrame(
        {
            CONTACT_HEADERS[0]: emails.to_numpy(dtype=object),
            CONTACT_HEADERS[1]: text(columns.first_name).to_numpy(dtype=object),
            CONTACT_HEADERS[2]: text(columns.last_name).to_numpy(dtype=object),
            CONTACT_HEADERS[3]: names[labels],
        }
    )
    in_control = np.zeros(len(frame), dtype=bool) if control is None else np.asarray(control, dtype=bool)
    lists, controls = [], []
    for index in range(len(personas)):
        member = keep & (labels == index)
        lists.append(contacts[member & ~in_control].reset_index(drop=True))
        controls.append(contacts[member & in_control].reset_index(drop=True))
    left_out = {
        "invalid_email": int((~valid).sum()),
        "no_consent": int((valid & ~consenting).sum()),
        "duplicate": int(duplicate.sum()),
    }
    return ContactLists(tuple(lists), tuple(controls), left_out)


def tag_of(name: str) -> str:
    """The persona's name as one tag: Mailchimp and HubSpot split ``Tags`` at commas, so commas become spaces."""
    return re.sub(r"\s+", " ", name.replace(",", " ")).strip()


def file_stem(persona: Persona) -> str:
    """A safe file name for a persona's list: ``"02_female_Uusimaa"`` (number first, so files sort)."""
    slug = re.sub(r"[^\w-]+", "_", persona.name, flags=re.UNICODE).strip("_")[:40] or "segment"
    return f"{persona.number:02d}_{slug}"


def build_lists_zip(contact_lists: ContactLists, personas: Sequence[Persona], lang: str) -> bytes:
    """A ZIP with every segment's list ``<nn>_<name>.csv`` (and ``<nn>_<name>_control.csv`` with a pilot).

    Each list is a standard CSV (:func:`to_csv_bytes`), as Mailchimp and HubSpot import it.
    """
    buffer = io.BytesIO()
    suffix = translate("export.file_control", lang)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for persona, contacts, control in zip(personas, contact_lists.lists, contact_lists.controls, strict=True):
            stem = file_stem(persona)
            archive.writestr(_zip_entry(f"{stem}.csv"), to_csv_bytes(contacts))
            if len(control):
                archive.writestr(_zip_entry(f"{stem}_{suffix}.csv"), to_csv_bytes(control))
    return buffer.getvalue()


def _zip_entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry
