"""Tell what each column of a customer table is, and which columns make sensible criteria."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from segmentti.choices import Family

MAX_CATEGORY_LEVELS = 30
"""A text column with more distinct values than this is free text, not a category (but see below)."""
MAX_LONG_TAIL_LEVELS = 100
COMMON_LEVELS_SHARE = 0.95
"""A text column with up to :data:`MAX_LONG_TAIL_LEVELS` values whose :data:`MAX_CATEGORY_LEVELS` most
common ones fill this share of the rows is still a category (the rare values are grouped when clustering)."""

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
_FIRST_NAME = re.compile(r"first_?\s?name|given_?\s?name|forename|^etunimi|^etunimet", re.IGNORECASE)
_LAST_NAME = re.compile(r"last_?\s?name|family_?\s?name|surname|^sukunimi", re.IGNORECASE)
_PHONE_NAME = re.compile(r"phone|puhelin|gsm|mobile|matkapuhelin|^puh", re.IGNORECASE)

# Whole words (or word starts) only, so "average_order_value" is not "age" and "työmatka" not "työ".
# Headers are split into words at "_", "-", spaces, dots and camelCase before matching.
_FAMILY_WORDS: tuple[tuple[Family, re.Pattern[str]], ...] = (
    (
        Family.BEHAVIOURAL,
        re.compile(
            r"^(orders?|tilau\w*|purchases?|ost(o|ot|ettu|ojen|oja)\w*|spend\w*|kulut\w*|amounts?|summa\w*|recency|"
            r"frequency|channels?|kanava\w*|visits?|k[äa]ynn?\w*|returns?|palautu\w*|consent|lupa|newsletter|"
            r"uutiskirje\w*|clicks?|opens?|avau\w*|commute|ty[öo]matka\w*|campaigns?|kampanj\w*|response|vastas\w*|"
            r"share|basket|kori|since|alkaen|tenure|asiakkuus\w*|loyalty|kanta-?asiak\w*|lines|first|last|"
            r"aov|clv|ltv|rfm|preferred|suosi\w*|transactions?|invoices?|mnt|deals?|alive|churn|predicted|expected)$",
            re.IGNORECASE,
        ),
    ),
    (
        Family.FIRMOGRAPHIC,
        re.compile(
            r"^(industry|industries|toimiala\w*|employees?|henkil[öo]st\w*|headcount|staff|revenue|liikevaihto\w*|"
            r"profit|tulos|turnover|decision|maker|p[äa][äa]tt[äa]j\w*|company|yritys\w*|yrityskoko|tol|sector|"
            r"sektori|b2b|y-?tunnus|role|rooli|title|titteli|business)$",
            re.IGNORECASE,
        ),
    ),
    (
        Family.DEMOGRAPHIC,
        re.compile(
            r"^(age|ik[äa]|ik[äa]ryhm[äa]|gender|genre|sex|sukupuoli|education|koulutu\w*|family|perhe\w*|children|"
            r"kids?|kidhome|teens?|teenhome|lapset|lapsia|life|stage|lifestage|el[äa]m[äa]nvaihe\w*|marital|"
            r"siviilis[äa][äa]ty|birth\w*|"
            r"syntym[äa]\w*|born|household|kotitalou\w*|generation|sukupolvi)$",
            re.IGNORECASE,
        ),
    ),
    (
        Family.GEOGRAPHIC,
        re.compile(
            r"^(municipality|kunta|kotikunta|region|maakunta|city|kaupunki|postal|zip|postcode|postinumero|"
            r"postitoimipaikka|country|maa|distance|et[äa]isyys|area|alue|address|osoite|lat|lon|latitude|longitude|"
            r"state|county|district|kaupunginosa|asuinalue|sijainti|location)$",
            re.IGNORECASE,
        ),
    ),
    (
        Family.SOCIO_ECONOMIC,
        re.compile(
            r"^(occupation|ammatti\w*|income|tulot|tulotaso|tuloluokka|salary|palkka|job|ty[öo]|ty[öo]paikka|"
            r"profession|asema|employment|ty[öo]llisyys|tyollisyys|social|class|band|wealth|varallisuus)$",
            re.IGNORECASE,
        ),
    ),
    (
        Family.PSYCHOGRAPHIC,
        re.compile(
            r"^(interests?|kiinnostu\w*|hobby|hobbies|harrastu\w*|harrastukset|values?|arvot|attitudes?|asenne|"
            r"asenteet|lifestyle|el[äa]m[äa]ntapa|opinions?|mielipide|satisfaction|tyytyv[äa]isyys|survey|kysely|"
            r"nps|motivation|motivaatio|personality|persoonallisuus)$",
            re.IGNORECASE,
        ),
    ),
)
WORD_SPLIT = re.compile(r"[_\s\-./()\[\]:,;]+|(?<=[a-zäö])(?=[A-ZÄÖ])")
_FAMILY_VALUES: tuple[tuple[Family, frozenset[str]], ...] = (
    (Family.DEMOGRAPHIC, frozenset({"female", "male", "nainen", "mies", "muu", "other", "f", "m", "n"})),
    (
        Family.GEOGRAPHIC,
        frozenset(
            {
                "helsinki",
                "espoo",
                "tampere",
                "vantaa",
                "oulu",
                "turku",
                "jyväskylä",
                "uusimaa",
                "pirkanmaa",
                "varsinais-suomi",
                "pohjois-pohjanmaa",
                "finland",
                "suomi",
            }
        ),
    ),
)


def guess_family(name: str, values: pd.Series | None = None) -> Family:
    """Guess the criteria family of a column from its Finnish or English header (and values).

    The header is split into words (``average_order_value`` → average, order, value) and each
    word is matched whole, so "age" is not found inside "average". Behavioural words are tried
    first: purchase history is the most common kind of data a shop has. When the header says
    nothing, a text column whose values are genders or Finnish places gets that family.
    """
    words = [word for word in WORD_SPLIT.split(str(name)) if word]
    for family, pattern in _FAMILY_WORDS:
        if any(pattern.match(word) for word in words):
            return family
    if values is not None and not pd.api.types.is_numeric_dtype(values):
        sample = values.dropna().astype("str").str.strip().str.lower().unique()[:50]
        if len(sample):
            for family, known in _FAMILY_VALUES:
                if sum(value in known for value in sample) >= max(1, 0.6 * len(sample)):
                    return family
    return Family.OTHER


class Role(StrEnum):
    """What a column holds, as far as segmentation is concerned."""

    ID = "id"
    EMAIL = "email"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    NAME = "name"
    PHONE = "phone"
    NUMERIC = "numeric"
    CATEGORICAL = "categorical"
    DATE = "date"
    TEXT = "text"
    EMPTY = "empty"
    CONSTANT = "constant"
    IGNORE = "ignore"


class Kind(StrEnum):
    """How a criterion enters the clustering: as a number (scaled) or as categories (one-hot)."""

    NUMERIC = "numeric"
    CATEGORICAL = "categorical"


class Measure(StrEnum):
    """What a number measures, where the header and the values tell (money is never a year or a code)."""

    MONEY = "money"
    YEAR = "year"
    SHARE = "share"
    CODE = "code"
    PLAIN = "plain"


MAX_CODE_LEVELS = 12
"""A whole-number column with a code-like header and at most this many distinct values is a category."""
MAX_CODE_VALUE = 999
"""Codes are small non-negative whole numbers (channel 1/2, region 1–19, store 101)."""
YEAR_RANGE = (1800, 2100)
"""Whole numbers within these bounds under a year-like header are calendar years."""

# Header words (split as for families) that make a few whole numbers codes of categories, not quantities.
_CODE_WORDS = re.compile(
    r"^(channel|kanava|region|alue|area|zone|vy[öo]hyke|district|maakunta|code|koodi|type|tyyppi|class|luokka|"
    r"group|ryhm[äa]|segment|segmentti|category|kategoria|status|tila|store|myym[äa]l[äa]|branch|toimipiste|"
    r"department|osasto|cluster|gender|sex|sukupuoli|marital|siviilis[äa][äa]ty|postal|zip|postinumero|"
    r"country|maa|city|kaupunki|kunta|language|kieli|brand|merkki)$",
    re.IGNORECASE,
)
# Words that make a whole number a count or an amount even beside a code word ("NumStorePurchases").
_QUANTITY_WORDS = re.compile(
    r"^(num|number|count|kpl|m[äa][äa]r[äa]|lukum[äa][äa]r[äa]|n|kids?|kidhome|teenhome|children|lapset|lapsia|"
    r"orders?|purchases?|visits?|times|days?|months?|years|p[äa]iv[äa][äa]|age|ik[äa]|score|pisteet|rating|"
    r"arvosana|size|koko|employees|henkil[öo]st[öo]|share|osuus|rate|total|sum|amount|summa)$",
    re.IGNORECASE,
)
_YEAR_WORDS = re.compile(
    r"^(year|yr|vuosi|\w+vuosi|vuonna|birth|born|yob|syntym\w*|syntynyt|founded|perustettu|since|alkaen|"
    r"vuosimalli)$",
    re.IGNORECASE,
)
_MONEY_NAME = re.compile(
    r"amount|spend|summa|price|hinta|total|revenue|liikevaihto|value|arvo|eur|€|sales|myynti|kulut|income|tulot|"
    r"salary|palkka|mnt",
    re.IGNORECASE,
)


USABLE_ROLES = frozenset({Role.NUMERIC, Role.CATEGORICAL})
"""Roles of columns that can be segmentation criteria."""

CONTACT_ROLES = frozenset({Role.ID, Role.EMAIL, Role.FIRST_NAME, Role.LAST_NAME, Role.NAME, Role.PHONE})
"""Roles of columns that are never criteria but travel to the exports."""

EDITABLE_ROLES: tuple[Role, ...] = (
    Role.ID,
    Role.EMAIL,
    Role.FIRST_NAME,
    Role.LAST_NAME,
    Role.NAME,
    Role.PHONE,
    Role.NUMERIC,
    Role.CATEGORICAL,
    Role.DATE,
    Role.TEXT,
    Role.IGNORE,
)
"""Roles a user can give a column (empty and constant are facts, not choices)."""


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
    measure : Measure
        What a numeric column measures (``CODE`` for whole-number codes read as categories).
    """

    name: str
    role: Role
    distinct: int
    missing_share: float
    family: Family = Family.OTHER
    measure: Measure = Measure.PLAIN

    @property
    def usable(self) -> bool:
        """Whether the column can be a segmentation criterion."""
        return self.role in USABLE_ROLES


Overrides = dict[str, dict[str, str]]
"""The user's corrections: ``{column: {"role": "<Role value>", "family": "<Family value>"}}``."""


def describe_columns(frame: pd.DataFrame, overrides: Overrides | None = None) -> list[ColumnInfo]:
    """Guess the role and criteria family of every column of ``frame``, then apply the user's corrections.

    Ids, emails, names and phone numbers are recognised from the header (Finnish or
    English) and the values; numbers are numeric unless they look like an id or are
    whole-number codes under a code-like header (channel 1/2, region 1–3: categorical); text
    with at most :data:`MAX_CATEGORY_LEVELS` distinct values (and not unique per row), or a
    few common values and a tail of rare ones (a country), is categorical, other text is free text.

    Parameters
    ----------
    frame : pandas.DataFrame
        A customer table as loaded by :func:`segmentti.data.loading.load_table`.
    overrides : dict, optional
        ``{column: {"role": ..., "family": ...}}`` (either key may be left out); values that
        are not a :class:`Role` / :class:`Family` value and unknown columns are ignored.
        A column made numeric keeps that role only if its values are numbers.

    Returns
    -------
    list of ColumnInfo
        In the order of ``frame.columns``.
    """
    infos = [_describe(frame[name], str(name)) for name in frame.columns]
    if not overrides:
        return infos
    return [_apply_override(info, frame[info.name], overrides.get(info.name) or {}) for info in infos]


def criterion_kinds(
    frame: pd.DataFrame, overrides: Overrides | None = None, *, infos: list[ColumnInfo] | None = None
) -> dict[str, Kind]:
    """Tell how each column of ``frame`` enters the clustering: as a number or as categories.

    The column's role decides, as detected by :func:`describe_columns` or set by the user in
    ``overrides``, not its storage type: whole-number codes (channel 1/2, region 1/2/3) are
    categories, a numeric column the user made categorical is one, and a text column of
    numbers-as-text that the user made numeric stays categorical unless its values are numbers.

    Parameters
    ----------
    frame : pandas.DataFrame
        The chosen criteria columns (other columns may be present).
    overrides : dict, optional
        The user's corrections (see :func:`describe_columns`).
    infos : list of ColumnInfo, optional
        :func:`describe_columns` of ``frame`` with ``overrides`` when the caller has it already.

    Returns
    -------
    dict of str to Kind
        For every column of ``frame``, in order: ``Kind.NUMERIC`` for a numeric role (and for an
        empty or constant column stored as numbers), ``Kind.CATEGORICAL`` for every other.
    """
    kinds: dict[str, Kind] = {}
    for info in describe_columns(frame, overrides) if infos is None else infos:
        column = frame[info.name]
        stored_as_number = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
        numeric = info.role is Role.NUMERIC or (
            info.role in (Role.EMPTY, Role.CONSTANT) and stored_as_number and info.measure is not Measure.CODE
        )
        kinds[info.name] = Kind.NUMERIC if numeric else Kind.CATEGORICAL
    return kinds


def _apply_override(info: ColumnInfo, column: pd.Series, override: dict[str, str]) -> ColumnInfo:
    role, family = info.role, info.family
    wanted_role = override.get("role")
    if wanted_role in {r.value for r in Role} and info.role is not Role.EMPTY:
        candidate = Role(wanted_role)
        numeric_ok = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
        if candidate is not Role.NUMERIC or numeric_ok:
            role = candidate
    wanted_family = override.get("family")
    if wanted_family in {f.value for f in Family}:
        family = Family(wanted_family)
    if role is info.role and family is info.family:
        return info
    return ColumnInfo(info.name, role, info.distinct, info.missing_share, family, info.measure)


def _describe(column: pd.Series, name: str) -> ColumnInfo:
    rows = len(column)
    filled = column.dropna()
    distinct = int(filled.nunique())
    missing_share = 1 - len(filled) / rows if rows else 1.0
    role = _guess_role(column, filled, name, distinct)
    measure = _guess_measure(filled, name, distinct) if role is Role.NUMERIC else Measure.PLAIN
    if measure is Measure.CODE:
        role = Role.CATEGORICAL
    family = guess_family(name, column) if role in USABLE_ROLES or role in (Role.DATE, Role.TEXT) else Family.OTHER
    return ColumnInfo(name, role, distinct, missing_share, family, measure)


def _guess_measure(filled: pd.Series, name: str, distinct: int) -> Measure:
    """What the numbers of a numeric column are: codes, calendar years, shares, money or plain quantities.

    Codes: whole numbers from 0 to :data:`MAX_CODE_VALUE`, at most :data:`MAX_CODE_LEVELS` distinct,
    under a header with a code word (channel, region, type, group …) and no count word.
    Years: whole numbers within :data:`YEAR_RANGE` under a year word (year, birth, vuosi …).
    """
    words = [word for word in WORD_SPLIT.split(name) if word]
    values = filled.to_numpy(dtype=float)
    whole = bool(len(values)) and bool(np.all(np.mod(values, 1) == 0))
    counted = any(_QUANTITY_WORDS.match(word) for word in words)
    if (
        whole
        and 2 <= distinct <= MAX_CODE_LEVELS
        and values.min() >= 0
        and values.max() <= MAX_CODE_VALUE
        and not counted
        and any(_CODE_WORDS.match(word) for word in words)
    ):
        return Measure.CODE
    low, high = YEAR_RANGE
    if whole and values.min() >= low and values.max() <= high and any(_YEAR_WORDS.match(word) for word in words):
        return Measure.YEAR
    if values.min() >= 0 and values.max() <= 1 and not set(np.unique(values)) <= {0.0, 1.0}:
        return Measure.SHARE
    if _MONEY_NAME.search(name):
        return Measure.MONEY
    return Measure.PLAIN


def _guess_role(column: pd.Series, filled: pd.Series, name: str, distinct: int) -> Role:
    if filled.empty:
        return Role.EMPTY
    if _EMAIL_NAME.search(name):
        return Role.EMAIL
    if _ID_NAME.search(name):
        return Role.ID
    if _PHONE_NAME.search(name):
        return Role.PHONE
    if _FIRST_NAME.search(name):
        return Role.FIRST_NAME
    if _LAST_NAME.search(name):
        return Role.LAST_NAME
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
    counts = text.value_counts()  # each distinct value matched once: a category of 100,000 rows has a few
    if counts[counts.index.str.fullmatch(_EMAIL)].sum() >= 0.8 * len(text):
        return Role.EMAIL
    unique_per_row = distinct == len(filled) and len(filled) > MAX_CATEGORY_LEVELS
    if distinct <= MAX_CATEGORY_LEVELS and not unique_per_row:
        return Role.CATEGORICAL
    if distinct <= MAX_LONG_TAIL_LEVELS and not unique_per_row:
        common = text.value_counts().iloc[:MAX_CATEGORY_LEVELS].sum() / len(text)
        if common >= COMMON_LEVELS_SHARE:  # a country or city: a few common values and rare ones
            return Role.CATEGORICAL
    if unique_per_row:
        return Role.ID
    return Role.TEXT
