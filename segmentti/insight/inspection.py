"""The numbers behind the detail views of segments: box-plot statistics, category shares, customer fit, dendrogram."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import dendrogram, linkage

from segmentti.engine.clustering import Segmentation, silhouette_sample, silhouettes
from segmentti.engine.features import MISSING_LEVEL

DENDROGRAM_SAMPLE = 1000
"""The dendrogram is drawn from Ward's tree of at most this many customers."""

DENDROGRAM_LEAVES = 30
"""The dendrogram shows the last merges down to this many branches."""

WORST_FITTING = 20
"""How many of the worst-fitting customers are listed."""


def box_stats(frame: pd.DataFrame, labels: np.ndarray, column: str, k: int) -> pd.DataFrame:
    """Box-plot statistics of a numeric column per segment (and the whisker ends at 1.5 IQR).

    Returns
    -------
    pandas.DataFrame
        Index segment 0 … k-1; columns ``lower``, ``q1``, ``median``, ``q3``, ``upper``,
        ``mean``, ``count`` (non-missing values). Computed from all customers, so a chart
        of it stays small however many customers there are.
    """
    values = pd.to_numeric(frame[column], errors="coerce").astype(float)
    grouped = values.groupby(labels)
    stats = pd.DataFrame(
        {
            "q1": grouped.quantile(0.25),
            "median": grouped.median(),
            "q3": grouped.quantile(0.75),
            "mean": grouped.mean(),
            "count": grouped.count(),
            "low": grouped.min(),
            "high": grouped.max(),
        }
    ).reindex(range(k))
    stats["count"] = stats["count"].fillna(0).astype(int)
    spread = stats["q3"] - stats["q1"]
    stats["lower"] = np.maximum(stats["low"], stats["q1"] - 1.5 * spread)
    stats["upper"] = np.minimum(stats["high"], stats["q3"] + 1.5 * spread)
    return stats[["lower", "q1", "median", "q3", "upper", "mean", "count"]]


def category_shares(frame: pd.DataFrame, labels: np.ndarray, column: str, k: int, top: int = 8) -> pd.DataFrame:
    """Share of each level of a categorical column within each segment.

    Returns
    -------
    pandas.DataFrame
        Index segment 0 … k-1; one column per level (the ``top`` most common overall, the
        rest summed as ``"…"``); rows sum to 1. Empty cells count as :data:`MISSING_LEVEL`.
    """
    text = frame[column].astype(object).where(frame[column].notna(), MISSING_LEVEL).astype(str)
    common = text.value_counts().index[:top]
    text = text.where(text.isin(common), "…")
    table = pd.crosstab(labels, text, normalize="index").reindex(index=range(k)).fillna(0.0)
    ordered = [level for level in common if level in table.columns] + (["…"] if "…" in table.columns else [])
    return table[ordered]


@dataclass(frozen=True, eq=False)
class CustomerFit:
    """How well sampled customers fit their segment.

    Attributes
    ----------
    rows : numpy.ndarray
        Shape ``(m,)``: positions of the customers scored (a fixed-seed sample of at most
        :data:`segmentti.engine.clustering.SILHOUETTE_SAMPLE`; unassigned customers left out).
    silhouette : numpy.ndarray
        Shape ``(m,)``: each one's silhouette, −1 (closer to another segment) … 1.
    labels : numpy.ndarray
        Shape ``(m,)``: their segment.
    """

    rows: np.ndarray
    silhouette: np.ndarray
    labels: np.ndarray

    def worst(self, count: int = WORST_FITTING) -> np.ndarray:
        """Positions (into the customer table) of the ``count`` worst-fitting customers, worst first."""
        order = np.argsort(self.silhouette, kind="stable")[:count]
        return self.rows[order]


def customer_fit(segmentation: Segmentation, seed: int = 0) -> CustomerFit:
    """Silhouette of each sampled customer in ``segmentation``."""
    sample = silhouette_sample(len(segmentation.labels), seed)
    labels = segmentation.labels[sample]
    if segmentation.unassigned is not None:
        keep = labels != segmentation.unassigned
        sample, labels = sample[keep], labels[keep]
    values = segmentation.features.values[sample]
    scores = silhouettes(values, labels) if len(np.unique(labels)) > 1 else np.zeros(len(sample))
    return CustomerFit(sample, scores, labels)


@dataclass(frozen=True)
class Dendrogram:
    """Line segments of a dendrogram: ``x`` and ``y`` are lists of 4-point branches (scipy's icoord, dcoord)."""

    x: tuple[tuple[float, ...], ...]
    y: tuple[tuple[float, ...], ...]
    leaves: tuple[str, ...]
    sample_size: int
    cut_height: float


def build_dendrogram(values: np.ndarray, k: int, seed: int = 0, sample: int = DENDROGRAM_SAMPLE) -> Dendrogram:
    """Ward's tree of a fixed-seed sample of ``values`` (shape ``(n, d)``), last merges only, with the cut for ``k``."""
    n = len(values)
    rows = np.arange(n) if n <= sample else np.sort(np.random.default_rng(seed).choice(n, sample, replace=False))
    tree = linkage(values[rows], method="ward")
    shown = dendrogram(tree, truncate_mode="lastp", p=min(DENDROGRAM_LEAVES, len(rows)), no_plot=True)
    heights = tree[:, 2]
    cut = float((heights[-k] + heights[-k + 1]) / 2) if 2 <= k <= len(heights) else float(heights[-1])
    return Dendrogram(
        tuple(tuple(branch) for branch in shown["icoord"]),
        tuple(tuple(branch) for branch in shown["dcoord"]),
        tuple(str(label) for label in shown["ivl"]),
        len(rows),
        cut,
    )


def hover_frame(frame: pd.DataFrame, rows: np.ndarray, columns: Sequence[str]) -> pd.DataFrame:
    """The ``columns`` of the customers at ``rows``, index reset (for map hover text)."""
    return frame.iloc[rows][list(columns)].reset_index(drop=True)
