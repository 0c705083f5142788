"""Build the plotly figures of segmentti from computed results; nothing here computes segments."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from segmentti.engine.scanning import KScan
from segmentti.insight.inspection import Dendrogram
from segmentti.insight.naming import column_label
from segmentti.insight.profiling import Profile
from segmentti.outputs.chart_template import CHART_TEMPLATE
from segmentti.outputs.palette import NEUTRAL, PALETTE, segment_colours
from segmentti.texts import PLOTLY_SEPARATORS, format_number, format_share, translate

HEATMAP_COLUMNS = 30
"""The profile heatmap shows at most this many criteria (the most different ones)."""

HEATMAP_MIN_DIFFERENCE = 0.1
"""A heatmap row is drawn only when some segment differs from all customers by this many standard deviations."""

_LAYOUT = dict(template=CHART_TEMPLATE, margin=dict(l=10, r=10, t=60, b=10), font=dict(size=14))


def _layout(lang: str) -> dict:
    """The common layout, with the language's decimal mark and thousands separator."""
    return {**_LAYOUT, "separators": PLOTLY_SEPARATORS.get(lang, PLOTLY_SEPARATORS["en"])}


NAME_CHARACTERS = 40
"""Segment names longer than this are shortened on axes and in legends (the full name is on hover)."""


def short_name(name: str, limit: int = NAME_CHARACTERS) -> str:
    """``name`` shortened to at most ``limit`` characters without cutting a word, with an ellipsis.

    A name of phrases (``"3: lapsed buyers · high spend · Uusimaa"``) keeps its first whole
    phrases; a single long phrase is cut at its last whole word. Names on the Segments page
    start with their number, so the shortened names stay unique.
    """
    if len(name) <= limit:
        return name
    phrases = name.split(" · ")
    kept = phrases[0]
    for phrase in phrases[1:]:
        if len(kept) + len(" · ") + len(phrase) + 1 > limit:
            break
        kept += " · " + phrase
    if len(kept) + 1 <= limit:
        return kept + "…"
    head = name[: limit - 1]
    space = head.rfind(" ")
    if name[limit - 1] != " " and space >= limit // 2:  # cut at the last whole word, unless a word is very long
        head = head[:space]
    return head.rstrip(" ·,:;-") + "…"


AXIS_TITLE_CHARACTERS = 55
"""The map's vertical axis title takes lines of at most this many characters (the horizontal one twice as many)."""


def _wrap(text: str, width: int) -> str:
    """``text`` broken into plotly lines (``<br>``) of at most ``width`` characters, at spaces."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _escape(text: str) -> str:
    """``text`` safe inside a plotly hover template (``%`` would start a placeholder)."""
    return text.replace("%", "%%")


def build_segment_map(
    coords: np.ndarray,
    segment_names: Sequence[str],
    hover: pd.DataFrame,
    order: Sequence[str],
    lang: str,
    *,
    projection: str = "pca",
    rows: np.ndarray | None = None,
    axis_titles: tuple[str, str] | None = None,
) -> go.Figure:
    """A 2-D map of customers coloured by segment, the legend naming the segments.

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
    axis_titles : tuple of str, optional
        What the two PCA axes mean in words (:func:`segmentti.insight.projection.name_axis`);
        without them the axes are called "Axis 1" and "Axis 2".
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
                name=short_name(name),
                marker=dict(color=colours[name], size=6, opacity=0.7),
                text=hover_text[mask].to_numpy(dtype=str) if len(hover.columns) else None,
                customdata=rows[mask] if rows is not None else None,
                hovertemplate="<b>"
                + _escape(name)
                + "</b>"
                + ("<br>%{text}" if len(hover.columns) else "")
                + "<extra></extra>",
            )
        )
    tsne = projection == "tsne"
    if tsne:
        titles = ("t-SNE 1", "t-SNE 2")
    else:
        titles = axis_titles or tuple(translate("chart.axis_plain", lang, number=number) for number in (1, 2))
    figure.update_layout(
        title=translate(
            "engine.map_title_tsne" if tsne else "chart.map_title", lang, count=format_number(len(names), lang)
        ),
        xaxis_title=_wrap(titles[0], AXIS_TITLE_CHARACTERS * 2),
        yaxis_title=_wrap(titles[1], AXIS_TITLE_CHARACTERS),
        legend=dict(title=translate("chart.segment", lang)),
        dragmode="select" if rows is not None else "zoom",  # with rows, dragging selects customers
        height=520,
        **_layout(lang),
    )
    return figure


def build_size_chart(profile: Profile, lang: str) -> go.Figure:
    """Customers per segment as horizontal bars with count and share, the segments named on the axis.

    Long names are shortened at a word (:func:`short_name`); the full name is on hover.
    """
    names = profile.names
    colours = segment_colours(names)
    labels = [
        f"{format_number(segment.size, lang)} ({format_share(segment.share, lang, 0)})" for segment in profile.segments
    ]
    figure = go.Figure(
        go.Bar(
            x=[segment.size for segment in profile.segments],
            y=[short_name(name) for name in names],
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
        xaxis=dict(title=translate("chart.customers", lang), range=[0, largest * 1.3], separatethousands=True),
        yaxis=dict(autorange="reversed", type="category", automargin=True),
        height=140 + 36 * len(names),
        **_layout(lang),
    )
    return figure


def build_profile_heatmap(
    profile: Profile,
    lang: str,
    max_rows: int = HEATMAP_COLUMNS,
    *,
    labels: Mapping[str, str] | None = None,
    years: Collection[str] = (),
) -> go.Figure:
    """How each segment differs from all customers: a row per criterion (or category), a column per segment.

    Colour and printed number are the same figure: the segment's average minus all
    customers' on the scale the segments were found on, in standard deviations (red above,
    blue below; a category's share difference is in standard deviations of its share).
    The hover adds the segment's own value and all customers'. Only the ``max_rows`` most
    different rows are drawn, and rows where no segment differs by
    :data:`HEATMAP_MIN_DIFFERENCE` are left out (a country that 0.1 % of customers live in).

    Parameters
    ----------
    profile : Profile
        ``differences``, ``segment_values`` and ``overall_values`` give the cells.
    lang : str
        Language of the texts and numbers.
    max_rows : int, default :data:`HEATMAP_COLUMNS`
        Most rows drawn.
    labels : mapping of str to str, optional
        The user's readable column labels (rows use :func:`segmentti.insight.naming.column_label`).
    years : collection of str
        Columns holding calendar years: their values are shown without a thousands separator.
    """
    differences = profile.differences
    strength = differences.abs().max().sort_values(ascending=False, kind="stable")
    telling = strength[strength >= HEATMAP_MIN_DIFFERENCE]
    strongest = set((telling if len(telling) else strength).index[:max_rows])
    rows = [column for column in differences.columns if column in strongest]
    values = differences[rows].T.to_numpy(dtype=float)
    shown = profile.segment_values[rows].T.to_numpy(dtype=float)
    overall = profile.overall_values[rows].to_numpy(dtype=float)
    names = profile.names
    row_labels = [_row_label(column, lang, labels) for column in rows]
    text = [[_signed(values[row, col], lang) for col in range(values.shape[1])] for row in range(len(rows))]
    hover = [
        [
            [
                names[col],
                translate(
                    "chart.profile_hover",
                    lang,
                    value=_format_value(shown[row, col], rows[row], lang, years),
                    overall=_format_value(overall[row], rows[row], lang, years),
                ),
            ]
            for col in range(values.shape[1])
        ]
        for row in range(len(rows))
    ]
    difference = translate("chart.difference", lang)
    # a slanted name of n characters rises about n × 3.3 px at 12 px (sin 30° × the mean character width)
    top = 60 + int(3.3 * max((len(short_name(name)) for name in names), default=0)) + 14
    figure = go.Figure(
        go.Heatmap(
            z=values,
            x=[short_name(name) for name in names],
            y=row_labels,
            zmid=0,
            zmin=-2,
            zmax=2,
            colorscale="RdBu_r",
            text=text,
            texttemplate="%{text}",
            customdata=hover,
            colorbar=dict(title=dict(text=translate("chart.difference_bar", lang), side="right")),
            hovertemplate="<b>%{customdata[0]}</b><br>%{y}<br>%{customdata[1]}<br>"
            + _escape(difference)
            + ": %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        # the names stand slanted above the columns: the top margin holds them and, above them, the title
        title=dict(text=translate("chart.profile_title", lang), yref="container", y=1, yanchor="top", pad=dict(t=12)),
        xaxis=dict(side="top", type="category", tickangle=-30, tickfont=dict(size=12), automargin=True),
        yaxis=dict(autorange="reversed", automargin=True),
        height=top + 60 + 26 * len(rows),
        **{**_layout(lang), "margin": dict(l=10, r=10, t=top, b=10)},
    )
    return figure


def _row_label(column: str, lang: str, labels: Mapping[str, str] | None) -> str:
    """A heatmap row's label: the column's readable label, and its level for a category (``"Education: PhD"``)."""
    name, _, level = column.partition(" = ")
    label = column_label(name, lang, labels)
    return f"{label}: {level}" if level else label


def _signed(value: float, lang: str) -> str:
    """A difference with its sign and one decimal, in the language's decimal mark (``+1,2``, ``−0,4``)."""
    if pd.isna(value):
        return ""
    rounded = round(float(value), 1)
    if rounded == 0:
        return format_number(0, lang, 1)
    return ("+" if rounded > 0 else "\u2212") + format_number(abs(rounded), lang, 1)


def _format_value(value: float, column: str, lang: str, years: Collection[str] = ()) -> str:
    """A mean or share for people: shares as percentages, years as written, other numbers to sensible digits."""
    if pd.isna(value):
        return ""
    if " = " in column:
        return format_share(value, lang, 0)
    if column in years:
        return str(round(float(value)))
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


def build_box_chart(
    stats: pd.DataFrame, names: Sequence[str], column: str, lang: str, *, years: bool = False
) -> go.Figure:
    """Box plots of one numeric criterion per segment from :func:`segmentti.insight.inspection.box_stats`.

    Each box stands at its segment's (shortened) name; ``column`` is the criterion's readable
    label. Values get the language's thousands separator (``1 500``) unless they are calendar
    ``years`` (``1975``).
    """
    colours = segment_colours(names)
    figure = go.Figure()
    for index, name in enumerate(names):
        row = stats.loc[index]
        if not row["count"]:
            continue
        figure.add_trace(
            go.Box(
                name=name,
                x=[short_name(name)],
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
        title=translate("engine.box_title", lang, column=column),
        yaxis=dict(separatethousands=not years, hoverformat="d" if years else None),
        showlegend=False,
        height=360,
        **_layout(lang),
    )
    return figure


def build_category_chart(shares: pd.DataFrame, names: Sequence[str], column: str, lang: str) -> go.Figure:
    """Stacked bars: each segment's mix of one categorical criterion, from :func:`segmentti.insight.inspection.category_shares`."""
    figure = go.Figure()
    for position, level in enumerate(shares.columns):
        figure.add_trace(
            go.Bar(
                y=[short_name(name) for name in names],
                x=shares[level].to_numpy(),
                name=short_name(str(level)),
                orientation="h",
                customdata=list(names),
                marker=dict(color=PALETTE[position % len(PALETTE)]),
                hovertemplate="%{customdata}<br>" + _escape(str(level)) + ": %{x:.0%}<extra></extra>",
            )
        )
    figure.update_layout(
        title=translate("engine.category_title", lang, column=column),
        barmode="stack",
        xaxis=dict(tickformat=".0%", range=[0, 1]),
        yaxis=dict(autorange="reversed", automargin=True),
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
                name=short_name(name),
                marker=dict(color=colours[name], line=dict(width=0)),
                hovertemplate="<b>" + _escape(name) + "</b><br>%{x:.2f}<extra></extra>",
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
