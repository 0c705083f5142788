"""A link that carries a view's settings (never the data), read back with what it asked for that cannot be had.

The settings travel as a URL query string: ``sample``, ``criteria`` (comma-separated; a comma
or ``%`` inside a column name is written ``%2C`` / ``%25``), ``weights`` (``criterion:weight`` pairs), ``method``, ``k``, ``seed``, ``lang``, ``page``, and for
the presentation view ``present=1`` and ``step``. Reading a link never fails: each part it
cannot use is left out and named in a :class:`LinkProblem`, so the app opens the nearest
sensible view and says what it left out.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote, urlencode

import segno

PARAMETERS = ("sample", "criteria", "weights", "method", "k", "seed", "lang", "page", "present", "step")
"""The query parameters of a view link, in the order a link writes them."""

MAX_WEIGHT = 15.0
"""The largest criterion weight a link may carry (a family weight of 3 times a column weight of 5)."""


@dataclass(frozen=True)
class ViewSettings:
    """What a view link carries; ``None`` (or empty) for whatever the link leaves to the app's defaults."""

    sample: str | None = None
    criteria: tuple[str, ...] | None = None
    weights: tuple[tuple[str, float], ...] = ()
    method: str | None = None
    k: int | None = None
    seed: int | None = None
    lang: str | None = None
    page: str | None = None
    present: bool = False
    step: str | None = None


@dataclass(frozen=True)
class LinkProblem:
    """One part of a link the app could not follow: the text key ``link.<kind>`` and its values."""

    key: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LinkChoices:
    """What the app offers, to check a link against."""

    samples: Collection[str]
    methods: Collection[str]
    pages: Collection[str]
    steps: Collection[str]
    languages: Collection[str]
    k_min: int
    k_max: int
    seed: int


def view_query(settings: ViewSettings) -> str:
    """The query string (without ``?``) of ``settings``: only the parts that are set, in :data:`PARAMETERS` order."""
    parts: list[tuple[str, str]] = []
    if settings.sample:
        parts.append(("sample", settings.sample))
    if settings.criteria:
        parts.append(("criteria", ",".join(map(_packed, settings.criteria))))
    if settings.weights:
        pairs = (f"{_packed(name)}:{_weight_text(weight)}" for name, weight in settings.weights)
        parts.append(("weights", ",".join(pairs)))
    for name in ("method", "k", "seed", "lang", "page"):
        value = getattr(settings, name)
        if value is not None and value != "":
            parts.append((name, str(value)))
    if settings.present:
        parts.append(("present", "1"))
        if settings.step:
            parts.append(("step", settings.step))
    return urlencode(parts)


def view_url(base: str, settings: ViewSettings) -> str:
    """``base`` (the app's address, any query dropped) with the query of ``settings``."""
    root = base.split("?", 1)[0].split("#", 1)[0]
    query = view_query(settings)
    return f"{root}?{query}" if query else root


def read_view_link(
    params: Mapping[str, str | Sequence[str]], choices: LinkChoices
) -> tuple[ViewSettings, tuple[LinkProblem, ...]]:
    """The settings of a link's query ``params`` that ``choices`` allows, and a problem for each part left out.

    Parameters
    ----------
    params : mapping of str to str
        The query parameters (a list value counts by its last item, as a browser sends repeats).
    choices : LinkChoices
        The samples, methods, pages, presentation steps and languages there are, the range of
        k and the seed the app segments with.

    Returns
    -------
    tuple
        The :class:`ViewSettings` to open and the :class:`LinkProblem` of every part that was
        unknown or malformed (an unknown sample, a k out of range …), in :data:`PARAMETERS` order.
        Criteria are checked against the data's columns later (:func:`unknown_criteria`).
    """
    values = {name: _last(params[name]) for name in PARAMETERS if name in params}
    problems: list[LinkProblem] = []

    def pick(name: str, allowed: Collection[str]) -> str | None:
        value = values.get(name, "").strip()
        if not value:
            return None
        if value not in allowed:
            problems.append(LinkProblem(f"link.unknown_{name}", {"value": value}))
            return None
        return value

    sample = pick("sample", choices.samples)
    criteria_text = values.get("criteria", "").strip()
    names = (unquote(part).strip() for part in criteria_text.split(","))
    criteria = tuple(dict.fromkeys(name for name in names if name)) or None
    weights = _read_weights(values.get("weights", ""), problems)
    method = pick("method", choices.methods)
    k = _read_int(values.get("k"), "k", problems)
    if k is not None and not choices.k_min <= k <= choices.k_max:
        problems.append(
            LinkProblem("link.k_range", {"value": str(k), "low": str(choices.k_min), "high": str(choices.k_max)})
        )
        k = None
    seed = _read_int(values.get("seed"), "seed", problems)
    if seed is not None and seed != choices.seed:
        problems.append(LinkProblem("link.seed", {"value": str(seed), "seed": str(choices.seed)}))
        seed = None
    lang = pick("lang", choices.languages)
    page = pick("page", choices.pages)
    present = values.get("present", "").strip().lower() in {"1", "true", "yes", "on"}
    step = pick("step", choices.steps) if present else None
    settings = ViewSettings(sample, criteria, weights, method, k, seed, lang, page, present, step)
    return settings, tuple(problems)


def unknown_criteria(criteria: Sequence[str], columns: Collection[str]) -> tuple[str, ...]:
    """The link's ``criteria`` that are not among the data's ``columns`` (in the link's order)."""
    known = set(map(str, columns))
    return tuple(name for name in criteria if name not in known)


def qr_svg(url: str, *, scale: int = 6, dark: str = "#1f2a30") -> str:
    """An SVG drawing of a QR code of ``url``, made on this machine (:mod:`segno`), error correction M.

    The SVG has no XML declaration, so it can be placed straight into a page.
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=scale, dark=dark, light="#ffffff", border=2)


def _last(value: str | Sequence[str]) -> str:
    if isinstance(value, str):
        return value
    return str(value[-1]) if len(value) else ""


def _read_int(text: str | None, name: str, problems: list[LinkProblem]) -> int | None:
    if text is None or not text.strip():
        return None
    try:
        return int(text.strip())
    except ValueError:
        problems.append(LinkProblem(f"link.bad_{name}", {"value": text.strip()}))
        return None


def _read_weights(text: str, problems: list[LinkProblem]) -> tuple[tuple[str, float], ...]:
    weights: dict[str, float] = {}
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        name, _, number = part.rpartition(":")
        try:
            weight = float(number)
        except ValueError:
            weight = math.nan
        if not name.strip() or not math.isfinite(weight) or not 0 <= weight <= MAX_WEIGHT:
            problems.append(LinkProblem("link.bad_weight", {"value": part}))
            continue
        weights[unquote(name).strip()] = weight
    return tuple(sorted(weights.items()))


def _packed(name: str) -> str:
    """A column name fit for a comma-separated list: its ``%`` and ``,`` written as ``%25`` and ``%2C``."""
    return name.replace("%", "%25").replace(",", "%2C")


def _weight_text(weight: float) -> str:
    return str(int(weight)) if float(weight).is_integer() else f"{weight:g}"
