"""Name segments in words a marketer uses: readable column labels, trait phrases and one unique name per segment."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np
import pandas as pd

from segmentti.data.columns import Family, guess_family
from segmentti.texts import TEXTS, translate
from segmentti.texts import format_number as format_number_for

CATEGORY_PREFIX = "category_share_"
"""Order features: a customer's share of spend in one product category."""

CHANNEL_PREFIX = "channel_share_"
"""Order features: a customer's share of spend in one sales channel."""

NAME_TRAITS = 3
"""A suggested name is made of at most this many traits (more only to tell two segments apart)."""

NAME_THRESHOLD = 0.5
"""A trait goes into a name from this difference on, measured against the rest of the customers."""

LEVEL_NAME_SHARE = 0.4
"""A category names a segment only when at least this share of the segment holds it: a segment
where 6 % live in Switzerland (against 0.5 % of all) is not "Switzerland"."""

KINDS = (
    "recency",
    "frequency",
    "spend",
    "basket",
    "lines",
    "tenure",
    "returns",
    "age",
    "birth_year",
    "gender",
    "place",
    "category_share",
    "channel_share",
    "channel",
    "channel_count",
    "complaint",
    "response",
    "flag",
    "interest",
    "distance",
    "interval",
    "number",
    "level",
)
"""What a column is, as far as naming goes: the kinds the product has words for, else a plain number or level."""

_SEPARATOR = re.compile(r"[_\s\-./]+")
_SPLIT = re.compile(r"[_\s\-./]+|(?<=[a-zäöå])(?=[A-ZÄÖÅ])|(?<=[A-ZÄÖÅ])(?=[A-ZÄÖÅ][a-zäöå])|(?<=[A-Za-zäöå])(?=\d)")
_RECENCY = re.compile(r"^(recency(_days)?|days_since_(last_)?(purchase|order)|p[äa]iv[äa][äa]_viime\w*)$")
_FREQUENCY = re.compile(r"^(orders|order_count|n_orders|frequency|purchase_frequency|tilaukset|tilauksia|ostokerrat)$")
_SPEND = re.compile(
    r"^(total_spend|spend|net_spend|monetary(_value)?|clv|ltv|lifetime_value|customer_value|ostot_yhteens[äa]|"
    r"asiakasarvo|revenue_per_customer)$"
)
_BASKET = re.compile(r"^(avg_order_value|average_order_value|aov|keskiostos)$")
_LINES = re.compile(r"^(lines|order_lines|n_lines|line_count|tilausrivit|tilausrivej[äa]|ostorivit)$")
_TENURE = re.compile(r"^(tenure(_days)?|customer_days|asiakkuuden_kesto\w*)$")
_RETURNS = re.compile(r"^(returns|returns_value|return_count|palautukset|palautuksia)$")
_AGE = re.compile(r"^(age|ik[äa])$")
_DISTANCE = re.compile(r"(^|_)(distance|et[äa]isyys)(_|$)")
_INTERVAL = re.compile(r"^(mean_|avg_|average_)?days_between_(orders|purchases)$|^ostov[äa]li\w*$")
_BIRTH = re.compile(r"birth|born|syntym|syntynyt")
_GENDER = re.compile(r"^(gender|genre|sex|sukupuoli)$")
_COMPLAINT = re.compile(r"complain|reklam|valitu|valitt")
_RESPONSE = re.compile(r"respon|convert|conversion|vastasi|vastaus|konversio|accepted|acceptedcmp|campaign|kampanj")
_CHANNEL = re.compile(r"channel|kanava")
_INTEREST = re.compile(r"^(interest|interested|kiinnostus|kiinnostunut|harrastus|hobby)_(?P<topic>.+)$")
_PURCHASES = re.compile(r"purchases?|orders?|ostot|tilaukset")
_CHANNEL_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("web", re.compile(r"web|online|verkko|netti|e-?shop|internet")),
    ("app", re.compile(r"app|mobiili|sovellus")),
    ("store", re.compile(r"store|shop|myym[äa]l[äa]|kauppa|retail|liike")),
    ("phone", re.compile(r"phone|puhelin|tele")),
    ("catalog", re.compile(r"catalog|luettelo|mail_?order|posti")),
)
_FEMALE = {"female", "f", "woman", "women", "nainen", "naiset", "n", "w"}
_MALE = {"male", "m", "man", "men", "mies", "miehet"}
_YES = {"yes", "y", "true", "1", "1.0", "kyllä", "kylla", "k", "x", "on", "ja"}
_NO = {"no", "n", "false", "0", "0.0", "ei", "e", "off", "nej"}
_ABBREVIATIONS = {"num", "nr", "no", "n"}
_EXPANSIONS = {"cmp": "campaign", "amt": "amount", "qty": "quantity", "avg": "average", "pct": "percent"}
"""Abbreviations common in English export headers, spelled out in the label."""


class NamedTrait(Protocol):
    """What naming reads from a trait (both :class:`~segmentti.insight.profiling.Trait` and ``PersonaTrait`` have it)."""

    column: str
    level: str | None
    segment_value: float
    difference: float
    kind: str
    low: float | None
    high: float | None


def _words(name: str) -> list[str]:
    """Words of a header; camelCase is split only in headers without separators (``MntWines``, not ``PhD_level``)."""
    text = name.strip()
    if _SEPARATOR.search(text):
        return [word for word in _SEPARATOR.split(text) if word]
    return [word for word in _SPLIT.split(text) if word]


def _key(name: str) -> str:
    return "_".join(word.lower() for word in _words(name))


def column_label(name: str, lang: str, labels: Mapping[str, str] | None = None) -> str:
    """A readable label for a column, for charts and sentences.

    The user's own label wins; then a known column (the order features, common CRM
    headers in Finnish or English) gets its translated label; a header already written
    with spaces is kept as it is; any other header is split at ``_``, ``-``, dots and
    camelCase into words, an abbreviation like ``Num`` dropped and ``Mnt`` (amount) read as
    spend: ``MntWines`` → "Spend on wines", ``NumWebPurchases`` → "Web purchases",
    ``interest_sport`` → "Interest sport".

    Parameters
    ----------
    name : str
        The column's header.
    lang : str
        ``"fi"`` or ``"en"``.
    labels : mapping of str to str, optional
        The user's labels by column; a blank one is ignored.

    Returns
    -------
    str
    """
    if labels:
        own = str(labels.get(name) or "").strip()
        if own:
            return own
    for prefix, key in ((CATEGORY_PREFIX, "label.category_share"), (CHANNEL_PREFIX, "label.channel_share")):
        if name.startswith(prefix):
            return translate(key, lang, value=name[len(prefix) :])
    known = f"label.{_key(name)}"
    if known in TEXTS:
        return translate(known, lang)
    if " " in name.strip():
        return name.strip()
    words = _words(name)
    if not words:
        return name
    if len(words) > 1 and words[0].lower() in _ABBREVIATIONS:
        words = words[1:]
    spend = len(words) > 1 and words[0].lower() == "mnt"
    if spend:
        words = words[1:]
    words = [word if _keeps_case(word) else _EXPANSIONS.get(word.lower(), word.lower()) for word in words]
    text = " ".join(words)
    if spend:
        return translate("label.spend_on", lang, value=text)
    return text[:1].upper() + text[1:]


def _keeps_case(word: str) -> bool:
    """Acronyms and mixed-case words (PhD, CEO, NPS) keep their case; ``Wines`` becomes ``wines``."""
    rest = word[1:]
    return len(word) > 1 and (word.isupper() or any(char.isupper() for char in rest))


def column_kind(name: str, values: pd.Series) -> str:
    """What a column is for naming (one of :data:`KINDS`), from its header and values.

    Parameters
    ----------
    name : str
        The column's header.
    values : pandas.Series
        The column, or (for a text column, much faster on large data) its distinct values.

    Returns
    -------
    str
    """
    key = _key(name)
    flat = key.replace("_", "")
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    if name.startswith(CATEGORY_PREFIX):
        return "category_share"
    if name.startswith(CHANNEL_PREFIX):
        return "channel_share"
    if numeric:
        for kind, pattern in (
            ("recency", _RECENCY),
            ("frequency", _FREQUENCY),
            ("spend", _SPEND),
            ("basket", _BASKET),
            ("lines", _LINES),
            ("tenure", _TENURE),
            ("returns", _RETURNS),
            ("age", _AGE),
            ("distance", _DISTANCE),
            ("interval", _INTERVAL),
        ):
            if pattern.match(key):
                return kind
        if _is_flag(values):
            return _flag_kind(flat)
        if _BIRTH.search(flat) and _looks_like_years(values):
            return "birth_year"
        if _PURCHASES.search(flat) and _channel_of(flat) is not None:
            return "channel_count"
        if _INTEREST.match(key):
            return "interest"
        return "number"
    if _GENDER.match(key):
        return "gender"
    if _is_flag(values):
        return _flag_kind(flat)
    if _CHANNEL.search(flat):
        return "channel"
    if guess_family(name, values) is Family.GEOGRAPHIC:
        return "place"
    if _is_gender(values):
        return "gender"
    return "level"


def _flag_kind(flat: str) -> str:
    if _COMPLAINT.search(flat):
        return "complaint"
    if _RESPONSE.search(flat):
        return "response"
    return "flag"


def _is_flag(values: pd.Series) -> bool:
    """Two values at most, both yes/no words or 0/1."""
    if pd.api.types.is_bool_dtype(values):
        return True
    if pd.api.types.is_numeric_dtype(values):
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
        for part in (numbers[:1000], numbers):  # most columns give themselves away in their first rows
            if not np.all((part == 0) | (part == 1) | np.isnan(part)):
                return False
        return bool((~np.isnan(numbers)).any())
    distinct = pd.unique(values.dropna())
    if not 1 <= len(distinct) <= 2:
        return False
    text = {str(value).strip().lower() for value in distinct}
    return text <= (_YES | _NO) and not text <= {"n", "e"}


def _is_gender(values: pd.Series) -> bool:
    distinct = {str(value).strip().lower() for value in pd.unique(values.dropna())[:20]}
    return bool(distinct) and len(distinct) <= 4 and bool(distinct & _FEMALE) and bool(distinct & _MALE)


def _looks_like_years(values: pd.Series) -> bool:
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    return bool(len(numbers)) and float(numbers.quantile(0.05)) >= 1900 and float(numbers.quantile(0.95)) <= 2100


def _channel_of(text: str) -> str | None:
    lowered = text.lower()
    for channel, pattern in _CHANNEL_WORDS:
        if pattern.search(lowered):
            return channel
    return None


def is_yes(level: str) -> bool:
    """Whether a level of a yes/no column means yes (``1``, ``yes``, ``kyllä``, ``true`` …)."""
    return str(level).strip().lower() in _YES


def describe_phrase(trait: NamedTrait, lang: str, labels: Mapping[str, str] | None = None, mostly: bool = False) -> str:
    """A trait as a short phrase for a name: "recent buyers", "30–40-year-olds", "Education: PhD".

    Parameters
    ----------
    trait : Trait or PersonaTrait
        Its ``kind`` (see :func:`column_kind`) picks the words; ``difference`` the direction;
        ``low`` and ``high`` (the segment's quartiles) give a band.
    lang : str
        ``"fi"`` or ``"en"``.
    labels : mapping of str to str, optional
        The user's column labels (see :func:`column_label`).
    mostly : bool, default False
        For a product-category share: this is the segment's largest category.

    Returns
    -------
    str
    """
    up = trait.difference > 0
    kind = trait.kind
    label = column_label(trait.column, lang, labels)

    def say(key: str, **params: object) -> str:
        return translate(f"phrase.{key}", lang, **params)

    if trait.level is not None:
        level = str(trait.level)
        if kind == "gender":
            lowered = level.strip().lower()
            if lowered in _FEMALE:
                return say("women")
            if lowered in _MALE:
                return say("men")
        if kind in ("complaint", "response"):
            return say(f"{kind}_{'yes' if is_yes(level) else 'no'}")
        if kind == "flag":
            word = translate("phrase.yes" if is_yes(level) else "phrase.no", lang)
            return say("level", label=label, level=word)
        if kind == "channel":
            return _channel_phrase(level, lang)
        if kind == "place" and any(char.isalpha() for char in level):
            return level if up else say("outside_place", place=level)
        return say("level", label=label, level=level)
    if kind in ("recency", "frequency", "spend", "basket", "lines", "tenure", "returns", "distance", "interval"):
        if _is_one_time(trait):
            return say("one_time")
        return say(f"{kind}_{'high' if up else 'low'}")
    if kind in ("complaint", "response"):
        return say(f"{kind}_{'yes' if up else 'no'}")
    if kind == "flag":
        word = translate("phrase.yes" if up else "phrase.no", lang)
        return say("level", label=label, level=word)
    if kind == "category_share":
        category = trait.column[len(CATEGORY_PREFIX) :]
        return say(
            "category_mostly" if up and mostly else "category_more" if up else "category_less", category=category
        )
    if kind == "channel_share":
        channel = trait.column[len(CHANNEL_PREFIX) :]
        return _channel_phrase(channel, lang) if up else say("channel_less", channel=channel)
    if kind == "channel_count" and up:
        return _channel_phrase(trait.column, lang)
    if kind == "interest":
        match = _INTEREST.match(_key(trait.column))
        topic = " ".join(match.group("topic").split("_")) if match else label
        return say("interest_high" if up else "interest_low", topic=topic)
    if kind == "age" and trait.low is not None and trait.high is not None:
        low, high = _band(trait.low, trait.high, 5)
        return say("age_band", low=_whole(low, lang), high=_whole(high, lang))
    if kind == "birth_year" and trait.low is not None and trait.high is not None:
        low, high = _band(trait.low, trait.high, 5)
        return say("born_band", low=f"{low:.0f}", high=f"{high:.0f}")
    return _band_phrase(label, trait, lang)


def _channel_phrase(text: str, lang: str) -> str:
    channel = _channel_of(str(text))
    if channel is None:
        return translate("phrase.channel_other", lang, channel=text)
    return translate(f"phrase.channel_{channel}", lang)


def _band(low: float, high: float, step: int) -> tuple[float, float]:
    """Widen ``low``–``high`` to multiples of ``step`` (at least one step wide): 33–47 → 30–50."""
    start = math.floor(low / step) * step
    end = max(math.ceil(high / step) * step, start + step)
    return float(start), float(end)


def _whole(value: float, lang: str) -> str:
    return format_number_for(value, lang, 0)


def _band_phrase(label: str, trait: NamedTrait, lang: str) -> str:
    """``label low–high`` with the quartiles rounded to two significant digits; a direction when no band is known."""
    if trait.low is None or trait.high is None or np.isnan(trait.low) or np.isnan(trait.high):
        return translate(f"phrase.{'higher' if trait.difference > 0 else 'lower'}", lang, label=label)
    low, high = _readable(trait.low, lang), _readable(trait.high, lang)
    if low == high:
        band = low
    elif trait.low < 0:  # "−2.4 – −0.8": a dash between two minus signs needs room
        band = f"{low} – {high}"
    else:
        band = f"{low}–{high}"
    return translate("phrase.band", lang, label=label, band=band)


def _readable(value: float, lang: str) -> str:
    """Two significant digits for figures from 100 on (104 → 100, 12 345 → 12 000, 123 456 789 → 120M), one decimal below 10.

    Negative figures get a real minus sign.
    """
    if value < 0:
        return "\u2212" + _readable(-value, lang)
    size = abs(value)
    if size >= 1e6:
        digits = math.floor(math.log10(size)) - 1
        rounded = round(value, -digits)
        for limit, key in ((1e9, "number.billions"), (1e6, "number.millions")):
            if rounded >= limit:
                return translate(key, lang, value=_readable(rounded / limit, lang))
    if size >= 100:
        digits = math.floor(math.log10(size)) - 1
        return format_number_for(round(value, -digits), lang, 0)
    if size >= 10 or float(value).is_integer():
        return format_number_for(value, lang, 0)
    text = format_number_for(value, lang, 1)
    return text[:-2] if text.endswith((".0", ",0")) else text


def suggest_names(
    traits: Sequence[Sequence[NamedTrait]],
    shares: Sequence[float],
    lang: str,
    labels: Mapping[str, str] | None = None,
) -> list[str]:
    """One distinct name per segment from its strongest traits.

    A trait counts from a difference of :data:`NAME_THRESHOLD` standard deviations against
    the rest of the customers (``difference / (1 − share)``: a segment of 73 % of the customers
    that lies 0.3 below the mean of all lies 1.1 below the other 27 %); at most
    :data:`NAME_TRAITS` of them, one per column. A segment with no such trait is "close to
    average". Segments whose names would say the same (the same traits, in any order) each take
    their strongest further trait the others lack (else their next one) until the names differ.

    Parameters
    ----------
    traits : sequence of sequences of Trait or PersonaTrait
        Per segment, strongest first (:attr:`difference` against all customers).
    shares : sequence of float
        Per segment, its share of all customers (0–1).
    lang : str
        ``"fi"`` or ``"en"``.
    labels : mapping of str to str, optional
        The user's column labels.

    Returns
    -------
    list of str
        Names joined with `` · `` (no commas: Mailchimp and HubSpot split tags at commas).
    """
    phrases: list[list[str]] = []
    counts: list[int] = []
    for segment_traits, share in zip(traits, shares, strict=True):
        scale = 1.0 / max(1.0 - float(share), 1e-9)
        own: list[str] = []
        strengths: list[float] = []
        seen: set[str] = set()
        levels_seen: dict[tuple[float, float], tuple[int, int]] = {}  # shares → (phrase position, level length)
        top_category = _top_category(segment_traits)
        one_time = any(_is_one_time(trait) for trait in segment_traits)
        for trait in segment_traits:
            if trait.column in seen or not np.isfinite(trait.difference) or trait.difference == 0:
                continue
            if one_time and trait.kind == "interval":
                continue  # one-time buyers have no gaps between orders: the value is a stand-in, not a trait
            if trait.level is not None and not _names_by_level(trait):
                continue
            if trait.kind == "channel_share" and trait.difference < 0:
                continue  # "rarely via the store" repeats "web shoppers"; a name says where they do buy
            seen.add(trait.column)
            phrase = describe_phrase(trait, lang, labels, mostly=trait.column == top_category)
            same = (round(trait.segment_value, 9), round(trait.overall_value, 9))
            if trait.level is not None and same in levels_seen:
                # a code and its description (industry code J, "ICT") say one thing: the longer level names it
                position, length = levels_seen[same]
                if len(str(trait.level)) > length and phrase not in own:
                    own[position] = phrase
                    levels_seen[same] = (position, len(str(trait.level)))
                continue
            if phrase in own:
                continue
            if trait.level is not None:
                levels_seen[same] = (len(own), len(str(trait.level)))
            own.append(phrase)
            strengths.append(abs(trait.difference) * scale)
        strong = sum(1 for strength in strengths if strength >= NAME_THRESHOLD)
        count = min(strong, NAME_TRAITS)
        phrases.append(own)
        counts.append(count)
    average = translate("segment.near_average", lang)

    def name_of(index: int) -> str:
        count = counts[index]
        return " · ".join(phrases[index][:count]) if count else average

    def said(index: int) -> frozenset[str]:  # what a name says: the same traits in another order say the same
        return frozenset(phrases[index][: counts[index]])

    names = [name_of(index) for index in range(len(phrases))]
    for _ in range(max((len(own) for own in phrases), default=0) + 1):
        groups: dict[frozenset[str], list[int]] = {}
        for index in range(len(names)):
            groups.setdefault(said(index), []).append(index)
        clashes = [members for members in groups.values() if len(members) > 1]
        if not clashes:
            break
        grown = False
        for members in clashes:
            for index in members:
                rest = phrases[index][counts[index] :]
                if not rest:
                    continue
                # the next trait the others do not have at all tells them apart; the next in strength may not
                others = {phrase for other in members if other != index for phrase in phrases[other]}
                telling = next((phrase for phrase in rest if phrase not in others), rest[0])
                phrases[index].remove(telling)
                phrases[index].insert(counts[index], telling)
                counts[index] += 1
                grown = True
        if not grown:
            break
        names = [name_of(index) for index in range(len(phrases))]
    return _unique(names)


def _names_by_level(trait: NamedTrait) -> bool:
    """Whether a category trait can name its segment: over-represented and held by :data:`LEVEL_NAME_SHARE` of it.

    A level the segment holds less often than all customers is said only for a place most
    customers share ("outside United Kingdom"); otherwise naming a level says what the
    segment is not.
    """
    if trait.difference > 0:
        return trait.segment_value >= LEVEL_NAME_SHARE
    return trait.kind == "place" and trait.overall_value >= 0.5 and trait.segment_value < 0.5


def _is_one_time(trait: NamedTrait) -> bool:
    """Whether the trait says the segment's customers (the middle half) bought once."""
    return trait.kind == "frequency" and trait.difference < 0 and trait.high is not None and trait.high <= 1


def _top_category(traits: Sequence[NamedTrait]) -> str | None:
    """The category-share column with the segment's largest mean share, if it is over-represented."""
    shares = [trait for trait in traits if trait.kind == "category_share"]
    if not shares:
        return None
    top = max(shares, key=lambda trait: trait.segment_value)
    return top.column if top.difference > 0 else None


def _unique(names: list[str]) -> list[str]:
    """The last resort when two segments have the very same traits: a running number."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique
