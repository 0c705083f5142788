"""The segment colours: one palette for every chart, the HTML report and the workbook."""

from __future__ import annotations

from collections.abc import Sequence

PALETTE: tuple[str, ...] = (
    "#2f6f8f",
    "#e07b39",
    "#4f9d69",
    "#c8553d",
    "#8a6fb0",
    "#d4a72c",
    "#5c9ead",
    "#a05a7a",
    "#7a8450",
    "#6b6b6b",
)
"""Segment colours, segment 1 first (calm, tells apart for most colour-blind users); they repeat after ten."""

NEUTRAL = "#888888"
"""Reference lines and axes (zero lines, the recommended k)."""


def segment_colour(number: int) -> str:
    """The colour of segment ``number`` (1-based), the same in every chart and report.

    Parameters
    ----------
    number : int
        Segment number, 1 … k.

    Returns
    -------
    str
        A ``#rrggbb`` colour.
    """
    return PALETTE[(number - 1) % len(PALETTE)]


def segment_colours(names: Sequence[str]) -> dict[str, str]:
    """Map each segment name, given in segment order, to its segment's colour.

    Parameters
    ----------
    names : sequence of str
        The segment names, segment 1 first.

    Returns
    -------
    dict of str to str
        ``{name: colour}``; the colour is :func:`segment_colour` of the name's position + 1.
    """
    return {name: segment_colour(position) for position, name in enumerate(names, start=1)}
