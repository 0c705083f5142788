"""The migration between two snapshots as a plotly Sankey diagram: segments then on the left, now on the right."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from segmentti.outputs.palette import NEUTRAL, segment_colour
from segmentti.texts import PLOTLY_SEPARATORS, format_number, translate


def build_migration_sankey(counts: pd.DataFrame, lang: str) -> go.Figure:
    """A Sankey of a migration matrix: one band per (from, to) cell with customers.

    Parameters
    ----------
    counts : pandas.DataFrame
        Shape ``(k + 1, k + 1)``: rows the segments then and a last "new customers" row,
        columns the segments now and a last "gone" column (see
        :attr:`segmentti.project.comparison.SnapshotComparison.counts`).
    lang : str
        Language of the title and hover texts.

    Returns
    -------
    plotly.graph_objects.Figure
        Left nodes ``0 … k`` (the rows), right nodes ``k+1 … 2k+1`` (the columns); bands
        coloured by the segment they come from, new and gone customers grey.
    """
    sources = [str(name) for name in counts.index]
    targets = [str(name) for name in counts.columns]
    k = len(sources) - 1
    node_colours = [segment_colour(number) for number in range(1, k + 1)] + [NEUTRAL]
    links: dict[str, list] = {"source": [], "target": [], "value": [], "color": [], "customdata": []}
    for row, _source in enumerate(sources):
        for column, _target in enumerate(targets):
            value = int(counts.iat[row, column])
            if value <= 0:
                continue
            links["source"].append(row)
            links["target"].append(len(sources) + column)
            links["value"].append(value)
            links["color"].append(_transparent(node_colours[row]))
            links["customdata"].append(format_number(value, lang))
    totals_then = counts.sum(axis=1).tolist()
    totals_now = counts.sum(axis=0).tolist()
    labels = [
        f"{name} ({format_number(total, lang)})"
        for name, total in zip(sources + targets, totals_then + totals_now, strict=True)
    ]
    figure = go.Figure(
        go.Sankey(
            node={"label": labels, "color": node_colours + node_colours, "pad": 14, "thickness": 16},
            link={
                **links,
                "hovertemplate": translate("compare.sankey_hover", lang) + "<extra></extra>",
            },
        )
    )
    figure.update_layout(
        title=translate("compare.sankey_title", lang),
        separators=PLOTLY_SEPARATORS.get(lang, ".,"),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=420,
    )
    return figure


def _transparent(colour: str, alpha: float = 0.45) -> str:
    red, green, blue = (int(colour[position : position + 2], 16) for position in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"
