"""Every user-visible string of segmentti, in Finnish and English, and the one way to look one up."""

from __future__ import annotations

from typing import Any

from segmentti.texts import (
    app,
    charts,
    cli,
    data,
    engine,
    engines,
    errors,
    features_engine,
    library,
    personas,
    project,
    rfm_compare,
    spark_score,
    speed,
    value,
    workshop,
)

LANGUAGES: tuple[str, ...] = ("fi", "en")
DEFAULT_LANGUAGE = "en"

TEXTS: dict[str, dict[str, str]] = {}
for _module in (
    app,
    charts,
    cli,
    data,
    engine,
    engines,
    errors,
    features_engine,
    library,
    personas,
    project,
    rfm_compare,
    spark_score,
    speed,
    value,
    workshop,
):
    _overlap = TEXTS.keys() & _module.TEXTS.keys()
    if _overlap:  # a key defined twice would silently shadow one of the texts
        raise RuntimeError(f"text keys defined twice: {sorted(_overlap)}")
    TEXTS.update(_module.TEXTS)


def translate(key: str, lang: str, /, **params: Any) -> str:
    """Return the text ``key`` in ``lang`` with ``params`` filled in.

    Parameters
    ----------
    key : str
        A key of :data:`TEXTS`, e.g. ``"error.empty_file"``.
    lang : str
        ``"fi"`` or ``"en"``; anything else falls back to English.
    **params
        Values for ``{placeholders}`` of the text.

    Raises
    ------
    KeyError
        If ``key`` is unknown (a programming error, caught by the tests).
    """
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def language_from_locale(locale: str | None) -> str:
    """Pick the UI language for a browser locale such as ``"fi-FI"`` or ``"en-US,en;q=0.9"``.

    Finnish for any ``fi`` locale, English otherwise (also when unknown).
    """
    if not locale:
        return DEFAULT_LANGUAGE
    first = locale.split(",")[0].strip().lower()
    return "fi" if first.split("-")[0].split("_")[0] == "fi" else DEFAULT_LANGUAGE


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """Format a number for people: ``5 000`` and ``0,28`` in Finnish, ``5,000`` and ``0.28`` in English.

    Finnish uses a non-breaking space between thousands and a decimal comma.
    """
    text = f"{value:,.{decimals}f}"
    if lang == "fi":
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def format_share(share: float, lang: str, decimals: int = 1) -> str:
    """Format a share 0–1 as a percentage: ``27,0 %`` in Finnish, ``27.0%`` in English."""
    number = format_number(share * 100, lang, decimals)
    return f"{number}\u00a0%" if lang == "fi" else f"{number}%"


PLOTLY_SEPARATORS = {"fi": ",\u00a0", "en": ".,"}
"""plotly ``layout.separators`` (decimal mark, thousands separator) for each language."""
