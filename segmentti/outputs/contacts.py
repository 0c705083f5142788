"""Contact lists for Mailchimp and HubSpot: valid emails, names and tags, one list per segment, and their ZIP."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.data.columns import Role, describe_columns
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import CONSENT_PATTERN, Persona, find_flag_column, parse_yes_no
from segmentti.outputs.tables import cut_at_word, to_csv_bytes
from segmentti.texts import translate

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
    return list_stem(persona.number, persona.name)


def list_stem(number: int, name: str) -> str:
    """A safe file name for segment ``number``'s list called ``name`` (see :func:`file_stem`)."""
    slug = cut_at_word(re.sub(r"[^\w-]+", "_", name, flags=re.UNICODE).strip("_"), 40, "_") or "segment"
    return f"{number:02d}_{slug}"


def list_files(contact_lists: ContactLists, personas: Sequence[Persona], lang: str) -> dict[str, bytes]:
    """Every segment's list as CSV bytes by file name: ``<nn>_<name>.csv`` (and ``<nn>_<name>_control.csv`` with a pilot).

    Each list is a standard CSV (:func:`to_csv_bytes`), as Mailchimp and HubSpot import it;
    a control list is there only when its segment has customers in the control group.
    """
    suffix = translate("export.file_control", lang)
    files: dict[str, bytes] = {}
    for persona, contacts, control in zip(personas, contact_lists.lists, contact_lists.controls, strict=True):
        stem = file_stem(persona)
        files[f"{stem}.csv"] = to_csv_bytes(contacts)
        if len(control):
            files[f"{stem}_{suffix}.csv"] = to_csv_bytes(control)
    return files


def zip_files(files: Mapping[str, bytes]) -> bytes:
    """A ZIP of ``files`` (name → bytes), compressed, with fixed entry dates so the same files give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(_zip_entry(name), data)
    return buffer.getvalue()


def build_lists_zip(contact_lists: ContactLists, personas: Sequence[Persona], lang: str) -> bytes:
    """A ZIP with every segment's list: the files of :func:`list_files`."""
    return zip_files(list_files(contact_lists, personas, lang))


def _zip_entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry
