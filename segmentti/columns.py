"""Tell what each column of a customer table is, and which columns make sensible criteria."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

MAX_CATEGORY_LEVELS = 30
"""A text column with more distinct values than this is free text, not a category."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ID_NAME = re.compile(
    r"(^|[_\s-])(id|ids|nro|no|numero|number|tunnus)$|^id([_\s-]|$)|"
    r"customerid|asiakasnumero|asiakasnro|y-?tunnus|business_?id|order_?id|tilausnumero",
    re.IGNORECASE,
)
_EMAIL_NAME = re.compile(r"e-?mail|s[äa]hk[öo]posti|^s-?posti", re.IGNORECASE)
_PERSON_NAME = re.compile(
    r"(^|[_\s-])(first|last|full|company|given|family|sur|contact)?[_\s-]?name$|^name$|"
    r"etunimi|sukunimi|^nimi$|yritys(nimi)?$|yrityksen_nimi|toiminimi|^yhteyshenkil",
    re.IGNORECASE,
)
_PHONE_NAME = re.compile(r"phone|puhelin|gsm|mobile|matkapuhelin|^puh", re.IGNORECASE)


class Family(StrEnum):
    """The criteria family of a column (seed articles 000, 001 and 004)."""

    DEMOGRAPHIC = "demographic"
    GEOGRAPHIC = "geographic"
    SOCIO_ECONOMIC = "socio_economic"
    BEHAVIOURAL = "behavioural"
    PSYCHOGRAPHIC = "psychographic"
    FIRMOGRAPHIC = "firmographic"
    OTHER = "other"


_FAMILY_WORDS: tuple[tuple[Family, re.Pattern[str]], ...] = (
    (
        Family.FIRMOGRAPHIC,
        re.compile(
            r"industry|toimiala|employees|henkil[öo]st|headcount|revenue|liikevaihto|profit|tulos|turnover|"
            r"decision|p[äa][äa]tt[äa]j|company_size|yrityskoko|tol",
            re.IGNORECASE,
        ),
    ),
    (
        Family.DEMOGRAPHIC,
        re.compile(
            r"(^|[_\s])age($|[_\s])|ik[äa]|gender|genre|sex|sukupuoli|education|koulutus|family|perhe|children|lapset|"
            r"life_?stage|el[äa]m[äa]nvaihe|marital|siviilis[äa][äa]ty|birth|syntym",
            re.IGNORECASE,
        ),
    ),
    (
        Family.GEOGRAPHIC,
        re.compile(
            r"municipality|kunta|region|maakunta|city|kaupunki|postal|postinumero|country|maa$|distance|"
            r"et[äa]isyys|area|alue|address|osoite",
            re.IGNORECASE,
        ),
    ),
    (
        Family.SOCIO_ECONOMIC,
        re.compile(r"occupation|ammatti|income|tulo|salary|palkka|job|ty[öo]|profession|asema", re.IGNORECASE),
    ),
    (
        Family.BEHAVIOURAL,
        re.compile(
            r"order|tilaus|purchase|osto|spend|kulut|amount|summa|recency|frequency|channel|kanava|"
            r"visit|k[äa]ynti|return|palautus|consent|lupa|newsletter|uutiskirje|click|open|avaus|"
            r"commute|ty[öo]matka|campaign|kampanja|response|vastasi|share_|basket|kori|since|alkaen|tenure",
            re.IGNORECASE,
        ),
    ),
    (
        Family.PSYCHOGRAPHIC,
        re.compile(
            r"interest|kiinnostu|hobby|harrast|value|arvo|attitude|asenne|lifestyle|el[äa]m[äa]ntapa|"
            r"opinion|mielipide|satisfaction|tyytyv[äa]isyys|survey|kysely",
            re.IGNORECASE,
        ),
    ),
)


def guess_family(name: str) -> Family:
    """Guess the criteria family of a column from its Finnish or English header."""
    for family, words in _FAMILY_WORDS:
        if words.search(name):
            return family
    return Family.OTHER


class Role(StrEnum):
    """What a column holds, as far as segmentation is concerned."""

    ID = "id"
    EMAIL = "email"
    NAME = "name"
    PHONE = "phone"
    NUMERIC = "numeric"
    CATEGORICAL = "categorical"
    DATE = "date"
    TEXT = "text"
    EMPTY = "empty"
    CONSTANT = "constant"


USABLE_ROLES = frozenset({Role.NUMERIC, Role.CATEGORICAL})
"""Roles of columns that can be segmentation criteria."""


@dataclass(frozen=True)
class ColumnInfo:
    """One column and the role guessed for it.

    Attributes
    ----------
    name : str
        The column's header.
    role : Role
        What the column holds.
    distinct : int
        Number of distinct non-missing values.
    missing_share : float
        Share of rows with no value, 0–1.
    family : Family
        The criteria family the column belongs to.
    """

    name: str
    role: Role
    distinct: int
    missing_share: float
    family: Family = Family.OTHER

    @property
    def usable(self) -> bool:
        """Whether the column can be a segmentation criterion."""
        return self.role in USABLE_ROLES


def describe_columns(frame: pd.DataFrame) -> list[ColumnInfo]:
    """Guess the role of every column of ``frame``.

    Ids, emails, names and phone numbers are recognised from the header (Finnish or
    English) and the values; numbers are numeric unless they look like an id; text
    with at most :data:`MAX_CATEGORY_LEVELS` distinct values (and not unique per row)
    is categorical, other text is free text.

    Parameters
    ----------
    frame : pandas.DataFrame
        A customer table as loaded by :func:`segmentti.loading.load_table`.

    Returns
    -------
    list of ColumnInfo
        In the order of ``frame.columns``.
    """
    return [_describe(frame[name], str(name)) for name in frame.columns]


def suggest_criteria(frame: pd.DataFrame) -> list[str]:
    """Return the columns that make sensible default criteria: usable numeric and categorical ones."""
    return [info.name for info in describe_columns(frame) if info.usable]


def _describe(column: pd.Series, name: str) -> ColumnInfo:
    rows = len(column)
    filled = column.dropna()
    distinct = int(filled.nunique())
    missing_share = 1 - len(filled) / rows if rows else 1.0
    role = _guess_role(column, filled, name, distinct)
    return ColumnInfo(name, role, distinct, missing_share, guess_family(name))


def _guess_role(column: pd.Series, filled: pd.Series, name: str, distinct: int) -> Role:
    if filled.empty:
        return Role.EMPTY
    if _EMAIL_NAME.search(name):
        return Role.EMAIL
    if _ID_NAME.search(name):
        return Role.ID
    if _PHONE_NAME.search(name):
        return Role.PHONE
    if _PERSON_NAME.search(name):
        return Role.NAME
    if distinct == 1:
        return Role.CONSTANT
    if pd.api.types.is_bool_dtype(column):
        return Role.CATEGORICAL
    if pd.api.types.is_datetime64_any_dtype(column):
        return Role.DATE
    if pd.api.types.is_numeric_dtype(column):
        return Role.NUMERIC
    text = filled.astype("str")
    if text.str.fullmatch(_EMAIL).mean() >= 0.8:
        return Role.EMAIL
    unique_per_row = distinct == len(filled) and len(filled) > MAX_CATEGORY_LEVELS
    if distinct <= MAX_CATEGORY_LEVELS and not unique_per_row:
        return Role.CATEGORICAL
    if unique_per_row:
        return Role.ID
    return Role.TEXT
