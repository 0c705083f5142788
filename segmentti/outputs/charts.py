"""Build the plotly figures of segmentti from computed results; nothing here computes segments."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from segmentti.engine.scanning import KScan
from segmentti.insight.inspection import Dendrogram
from segmentti.insight.profiling import Profile
from segmentti.outputs.palette import NEUTRAL, PALETTE, segment_colours
from segmentti.texts import PLOTLY_SEPARATORS, format_number, format_share, translate

HEATMAP_COLUMNS = 30
"""The profile heatmap shows at most this many criteria (the most different ones)."""

_LAYOUT = dict(template="plotly_white", margin=dict(l=10, r=10, t=60, b=10), font=dict(size=14))


def _layout(lang: str) -> dict:
    """The common layout, with the language's decimal mark and thousands separator."""
    return {**_LAYOUT, "separators": PLOTLY_SEPARATORS.get(lang, PLOTLY_SEPARATORS["en"])}


def build_segment_map(
    coords: np.ndarray,
    segment_names: Sequence[str],
    hover: pd.DataFrame,
    order: Sequence[str],
    lang: str,
    *,
    projection: str = "pca",
    rows: np.ndarray | None = None,
) -> go.Figure:
    """A 2-D map of customers coloured by segment.

    Parameters
    ----------
    coords : numpy.ndarray
        Shape ``(m, 2)``: map positions from :func:`segmentti.insight.projection.project_to_2d`.
    segment_names : sequence of str
        Length ``m``: the segment name of each drawn customer.
    hover : pandas.DataFrame
        ``m`` rows of columns to show on hover (e.g. id and name).
    order : sequence of str
        Every segment name in segment order (fixes the colours).
    lang : str
        Language of titles.
    projection : {"pca", "tsne"}, default "pca"
        How ``coords`` were made (for the title and axes).
    rows : numpy.ndarray, optional
        Length ``m``: each drawn customer's position in the table, carried as
        ``customdata`` so a selection on the map can name the customers.
    """
    figure = go.Figure()
    colours = segment_colours(order)
    names = np.asarray(segment_names)
    hover_text = pd.Series([""] * len(hover), dtype=object)
    for position, column in enumerate(hover.columns):  # vectorised: 20,000 rows in milliseconds
        part = f"{column}: " + hover[column].astype(str).reset_index(drop=True)
        hover_text = part if position == 0 else hover_text + "<br>" + part
    for name in order:
        mask = names == name
        if not mask.any():
            continue
        figure.add_trace(
            go.Scattergl(
                x=coords[mask, 0],
                y=coords[mask, 1],
                mode="markers",
                name=name,
                marker=dict(color=colours[name], size=6, opacity=0.7),
                text=hover_text[mask].to_numpy(dtype=str) if len(hover.columns) else None,
                customdata=rows[mask] if rows is not None else None,
                hovertemplate="%{text}<extra>" + name.replace("%", "%%") + "</extra>" if len(hover.columns) else None,
            )
        )
    tsne = projection == "tsne"
    figure.update_layout(
        title=translate("engine.map_title_tsne" if tsne else "chart.map_title", lang, count=len(names)),
        xaxis_title="t-SNE 1" if tsne else translate("chart.map_x", lang),
        yaxis_title="t-SNE 2" if tsne else translate("chart.map_y", lang),
        legend=dict(title=translate("chart.segment", lang)),
        dragmode="select" if rows is not None else "zoom",  # with rows, dragging selects customers
        height=520,
        **_layout(lang),
    )
    return figure


def build_size_chart(profile: Profile, lang: str) -> go.Figure:
    """Customers per segment as horizontal bars with count and share; segment numbers on the axis, names on hover."""
    names = profile.names
    colours = segment_colours(names)
    numbers = [str(segment.number) for segment in profile.segments]
    labels = [
        f"{format_number(segment.size, lang)} ({format_share(segment.share, lang, 0)})" for segment in profile.segments
    ]
    figure = go.Figure(
        go.Bar(
            x=[segment.size for segment in profile.segments],
            y=numbers,
            orientation="h",
            text=labels,
            textposition="outside",
            cliponaxis=False,
            hovertext=names,
            hovertemplate="%{hovertext}<br>%{text}<extra></extra>",
            marker=dict(color=[colours[name] for name in names]),
        )
    )
    largest = max((segment.size for segment in profile.segments), default=1)
    figure.update_layout(
        title=translate("chart.sizes_title", lang),
        xaxis=dict(title=translate("chart.customers", lang), range=[0, largest * 1.25]),
        yaxis=dict(title=translate("chart.segment", lang), autorange="reversed", type="category"),
        height=140 + 36 * len(names),
        **_layout(lang),
    )
    return figure


def build_profile_heatmap(profile: Profile, lang: str, max_rows: int = HEATMAP_COLUMNS) -> go.Figure:
    """How each segment differs from all customers: a row per criterion (or category), a column per segment.

    Cells are coloured by the standardised difference (red above all customers, blue below)
    and show the segment's mean or share; only the ``max_rows`` most different rows are drawn.
    """
    differences = profile.differences
    strongest = set(differences.abs().max().sort_values(ascending=False, kind="stable").index[:max_rows])
    rows = [column for column in differences.columns if column in strongest]
    values = differences[rows].T
    shown = profile.segment_values[rows].T
    text = [
        [_format_value(shown.iat[row, col], rows[row], lang) for col in range(shown.shape[1])]
        for row in range(len(rows))
    ]
    numbers = [str(segment.number) for segment in profile.segments]
    names = [list(profile.names) for _ in rows]
    figure = go.Figure(
        go.Heatmap(
            z=values.to_numpy(),
            x=numbers,
            y=rows,
            zmid=0,
            zmin=-2,
            zmax=2,
            colorscale="RdBu_r",
            text=text,
            texttemplate="%{text}",
            customdata=names,
            colorbar=dict(title=translate("chart.difference", lang)),
            hovertemplate="%{customdata}<br>%{y}: %{text}<br>"
            + translate("chart.difference", lang)
            + ": %{z:.2f}<extra></extra>",
        )
    )
    figure.update_layout(
        title=translate("chart.profile_title", lang),
        xaxis=dict(side="top", type="category", tickprefix=translate("chart.segment", lang) + " "),
        yaxis=dict(autorange="reversed", automargin=True),
        height=160 + 26 * len(rows),
        **{**_layout(lang), "margin": dict(l=10, r=10, t=100, b=10)},
    )
    return figure


def _format_value(value: float, column: str, lang: str) -> str:
    if pd.isna(value):
        return ""
    if " = " in column:
        return format_share(value, lang, 0)
    if abs(value) >= 1000:
        return format_number(value, lang)
    return format_number(value, lang, 2 if abs(value) < 10 else 1)


METRICS: tuple[str, ...] = ("inertia", "silhouette", "calinski_harabasz", "davies_bouldin", "stability", "bic")
"""The scores of a k scan that get a chart each (``bic`` only for the Gaussian mixture)."""


def build_metric_chart(scan: KScan, metric: str, lang: str) -> go.Figure:
    """One score of the k scan per k (a field of :class:`segmentti.engine.scanning.KScore`), recommended k marked."""
    ks = [score.k for score in scan.scores]
    values = [getattr(score, metric) for score in scan.scores]
    figure = go.Figure(
        go.Scatter(
            x=ks,
            y=values,
            mode="lines+markers",
            line=dict(color=PALETTE[METRICS.index(metric) % len(PALETTE)]),
            hovertemplate="k = %{x}<br>%{y:.4g}<extra></extra>",
        )
    )
    figure.add_vline(
        x=scan.recommended_k,
        line=dict(color=NEUTRAL, dash="dash"),
        annotation_text=translate("chart.recommended", lang, k=scan.recommended_k),
        annotation_position="top",
    )
    figure.update_layout(
        title=translate(f"engine.metric_{metric}", lang),
        xaxis=dict(title="k", dtick=1),
        showlegend=False,
        height=300,
        **_layout(lang),
    )
    return figure


def build_box_chart(stats: pd.DataFrame, names: Sequence[str], column: str, lang: str) -> go.Figure:
    """Box plots of one numeric criterion per segment from :func:`segmentti.insight.inspection.box_stats`."""
    colours = segment_colours(names)
    figure = go.Figure()
    for index, name in enumerate(names):
        row = stats.loc[index]
        if not row["count"]:
            continue
        figure.add_trace(
            go.Box(
                name=name,
                x=[str(index + 1)],
                q1=[row["q1"]],
                median=[row["median"]],
                q3=[row["q3"]],
                lowerfence=[row["lower"]],
                upperfence=[row["upper"]],
                mean=[row["mean"]],
                marker=dict(color=colours[name]),
                boxpoints=False,
            )
        )
    figure.update_layout(
        title=translate("engine.box_title", lang, column=column), showlegend=False, height=360, **_layout(lang)
    )
    return figure


def build_category_chart(shares: pd.DataFrame, names: Sequence[str], column: str, lang: str) -> go.Figure:
    """Stacked bars: each segment's mix of one categorical criterion, from :func:`segmentti.insight.inspection.category_shares`."""
    figure = go.Figure()
    for position, level in enumerate(shares.columns):
        figure.add_trace(
            go.Bar(
                y=list(names),
                x=shares[level].to_numpy(),
                name=str(level),
                orientation="h",
                marker=dict(color=PALETTE[position % len(PALETTE)]),
                hovertemplate="%{y}<br>" + str(level).replace("%", "%%") + ": %{x:.0%}<extra></extra>",
            )
        )
    figure.update_layout(
        title=translate("engine.category_title", lang, column=column),
        barmode="stack",
        xaxis=dict(tickformat=".0%", range=[0, 1]),
        yaxis=dict(autorange="reversed"),
        height=140 + 36 * len(names),
        **_layout(lang),
    )
    return figure


def build_fit_chart(silhouette: np.ndarray, labels: np.ndarray, names: Sequence[str], lang: str) -> go.Figure:
    """The classic silhouette plot: each sampled customer's fit, sorted within its segment."""
    colours = segment_colours(names)
    figure = go.Figure()
    offset = 0
    for index, name in enumerate(names):
        values = np.sort(silhouette[labels == index])[::-1]
        if not len(values):
            continue
        figure.add_trace(
            go.Bar(
                x=values,
                y=np.arange(offset, offset + len(values)),
                orientation="h",
                name=name,
                marker=dict(color=colours[name], line=dict(width=0)),
                hovertemplate="%{x:.2f}<extra>" + name.replace("%", "%%") + "</extra>",
            )
        )
        offset += len(values) + max(5, len(silhouette) // 100)
    figure.add_vline(x=float(np.mean(silhouette)) if len(silhouette) else 0.0, line=dict(color=NEUTRAL, dash="dash"))
    figure.update_layout(
        title=translate("engine.fit_title", lang, count=len(silhouette)),
        xaxis=dict(title=translate("engine.fit_axis", lang), range=[-1, 1]),
        yaxis=dict(showticklabels=False),
        bargap=0,
        height=420,
        **_layout(lang),
    )
    return figure


def build_dendrogram_chart(tree: Dendrogram, lang: str) -> go.Figure:
    """Ward's dendrogram (from :func:`segmentti.insight.inspection.build_dendrogram`) with the cut for the chosen k."""
    figure = go.Figure()
    for xs, ys in zip(tree.x, tree.y, strict=True):
        figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color=PALETTE[0]), hoverinfo="skip"))
    figure.add_hline(y=tree.cut_height, line=dict(color=PALETTE[3], dash="dash"))
    figure.update_layout(
        title=translate("engine.dendrogram_title", lang, count=tree.sample_size),
        xaxis=dict(showticklabels=False),
        yaxis=dict(title=translate("engine.dendrogram_axis", lang)),
        showlegend=False,
        height=380,
        **_layout(lang),
    )
    return figure


def build_rf_grid_chart(grid: pd.DataFrame, segment_names: pd.DataFrame, lang: str) -> go.Figure:
    """R × F heatmap: customers per cell, each cell labelled with its segment's name and its count.

    Parameters
    ----------
    grid : pandas.DataFrame
        Customers per cell, R scores as rows × F scores as columns
        (:func:`segmentti.engine.rfm.rf_grid`).
    segment_names : pandas.DataFrame
        The same shape: each cell's segment name, already in ``lang`` (``""`` for none).
    lang : str
        Language of titles and of the counts' number format (``1 234`` in Finnish).
    """
    text = [
        [
            f"{segment_names.iat[row, col]}<br>{format_number(grid.iat[row, col], lang)}".removeprefix("<br>")
            for col in range(grid.shape[1])
        ]
        for row in range(grid.shape[0])
    ]
    figure = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=[str(value) for value in grid.columns],
            y=[str(value) for value in grid.index],
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            colorbar=dict(title=translate("chart.customers", lang)),
            hovertemplate="R %{y} · F %{x}<br>%{text}<extra></extra>",
        )
    )
    figure.update_layout(
        title=translate("engine.rf_grid_title", lang),
        xaxis=dict(title=translate("engine.frequency_score", lang)),
        yaxis=dict(title=translate("engine.recency_score", lang)),
        height=520,
        **_layout(lang),
    )
    return figure


def build_crosstab_chart(table: pd.DataFrame, lang: str, row_names: Sequence[str] | None = None) -> go.Figure:
    """Heatmap of a cross-tabulation (e.g. RFM segments × clusters), counts in the cells.

    Parameters
    ----------
    table : pandas.DataFrame
        Counts; its columns (the segments' names, as every page calls them) label the x axis.
    lang : str
        Language of the title and of the counts' number format (``1 234`` in Finnish).
    row_names : sequence of str, optional
        Labels of the rows (default: the index as text).
    """
    counts = table.to_numpy()
    figure = go.Figure(
        go.Heatmap(
            z=counts,
            x=[str(column) for column in table.columns],
            y=list(row_names) if row_names is not None else [str(index) for index in table.index],
            text=[[format_number(value, lang) for value in row] for row in counts],
            texttemplate="%{text}",
            colorscale="Greens",
            colorbar=dict(title=translate("chart.customers", lang)),
        )
    )
    figure.update_layout(
        title=translate("engine.crosstab_title", lang),
        yaxis=dict(autorange="reversed"),
        height=160 + 34 * len(table.index),
        **_layout(lang),
    )
    figure.update_xaxes(tickangle=-25)
    return figure
