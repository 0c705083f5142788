"""Compare two snapshots in the named RFM segments, both scored on the earlier snapshot's bin edges.

The scoring rule, decided once for both snapshots: the earlier snapshot's quintile edges
(:func:`segmentti.engine.rfm.quintile_edges`) score the earlier *and* the later snapshot.
Quintiles of the later snapshot would move with everybody else: a customer whose days
since the last purchase, orders and spend are what they were could change segment only
because other customers bought more. With fixed edges a customer moves only when their own
recency, frequency or spend crosses an edge — what a marketer expects when they ask who
moved. The RFM segments (Champions, At Risk, …) are the segments of the comparison, which
is the one of :func:`segmentti.project.comparison.compare_segments`: the same matrix, Sankey,
changes, movers and contact lists as for a saved model.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from segmentti.data.orders import OrderMapping, build_customers
from segmentti.engine.rfm import FREQUENCY, MONETARY, RECENCY, SEGMENTS, has_rfm_columns, score_rfm
from segmentti.errors import SegmenttiError
from segmentti.project.comparison import SnapshotComparison, check_snapshot_ids, compare_segments, id_column_of
from segmentti.texts import translate

SCORE_COLUMNS = ("R", "F", "M")
"""The RFM scores (1–5) each snapshot's customers get, as on the RFM page's download (movers.csv carries the new ones)."""

EDGES_FILE = "rfm_edges.json"
"""The name the command line gives the edges both snapshots were scored with."""


def rfm_customers(
    frame: pd.DataFrame, mapping: OrderMapping | None, as_of: str | datetime.date | None = None
) -> pd.DataFrame:
    """One snapshot's customers with ``recency_days``, ``orders`` and ``total_spend``.

    Parameters
    ----------
    frame : pandas.DataFrame
        Order lines (with ``mapping``), or a customer table that already has the three
        columns (``mapping`` ``None``).
    mapping : OrderMapping or None
        The order lines' columns; the customers are built as everywhere else
        (:func:`segmentti.data.orders.build_customers`: net spend, customer attributes such as
        email kept for the contact lists).
    as_of : str or date, optional
        The snapshot's day for order lines: later lines are left out and recency is counted
        to it (default the day after the last line). One file at two as-of days gives two
        snapshots.

    Returns
    -------
    pandas.DataFrame
        One row per customer: the customer id column first, then the columns of
        :class:`segmentti.data.orders.CustomerFeatures` (order lines), or ``frame`` itself.

    Raises
    ------
    SegmenttiError
        For a customer table without the RFM columns, an as-of day given for one, or order
        lines that cannot be read as mapped.
    """
    if mapping is not None:
        return build_customers(frame, mapping, as_of).frame
    if not has_rfm_columns(frame):
        raise SegmenttiError(
            "error.rfm_compare_needs_orders",
            columns=", ".join((RECENCY, FREQUENCY, MONETARY)),
            available=", ".join(map(str, frame.columns)),
        )
    if as_of is not None:
        raise SegmenttiError("error.rfm_compare_as_of_needs_orders")
    return frame


def snapshot_edges(customers: pd.DataFrame) -> dict[str, tuple[float, ...]]:
    """The four inner bin edges of recency, frequency and monetary value of ``customers`` (their quintiles)."""
    return score_rfm(customers).edges


def compare_rfm_snapshots(
    old_customers: pd.DataFrame,
    new_customers: pd.DataFrame,
    lang: str = "en",
    *,
    edges: Mapping[str, Sequence[float]] | None = None,
    id_column: str | None = None,
) -> SnapshotComparison:
    """Place both snapshots' customers in the named RFM segments and compare them.

    Parameters
    ----------
    old_customers, new_customers : pandas.DataFrame
        One row per customer then and now, with ``recency_days``, ``orders`` and
        ``total_spend`` (see :func:`rfm_customers`).
    lang : str
        Language of the segment names and of the "new" and "gone" labels.
    edges : mapping, optional
        The bin edges both snapshots are scored with (``{"recency"|"frequency"|"monetary":
        four inner edges}``); default the earlier snapshot's quintiles (:func:`snapshot_edges`),
        so a customer whose own figures did not change keeps their segment.
    id_column : str, optional
        The customer id both snapshots share; default the first column of role id (the order
        lines' customer column comes first in :func:`rfm_customers`' result).

    Returns
    -------
    SnapshotComparison
        Its segments are the RFM segments in the standard order (:data:`SEGMENTS`), those
        with customers in either snapshot; both snapshots carry their scores in
        :data:`SCORE_COLUMNS`, so ``movers`` shows each mover's new R, F and M.

    Raises
    ------
    SegmenttiError
        For a missing id or RFM column, an id repeated in a snapshot, fewer than five
        customers in a snapshot, or unusable edges.
    """
    id_column = id_column or id_column_of(new_customers)
    check_snapshot_ids((old_customers, new_customers), id_column)
    old_scores = score_rfm(old_customers, edges=edges)
    new_scores = score_rfm(new_customers, edges=edges or old_scores.edges)
    present = set(old_scores.table["segment"]) | set(new_scores.table["segment"])
    keys = [key for key in SEGMENTS if key in present]
    position = {key: index for index, key in enumerate(keys)}
    frames = []
    for customers, scores in ((old_customers, old_scores), (new_customers, new_scores)):
        scored = customers.copy()
        for name, letter in zip(SCORE_COLUMNS, ("r", "f", "m"), strict=True):
            scored[name] = scores.table[letter].to_numpy()
        frames.append(scored)
    labels = [np.asarray([position[key] for key in scores.table["segment"]]) for scores in (old_scores, new_scores)]
    names = [translate(f"rfm.{key}", lang) for key in keys]
    return compare_segments(frames[0], frames[1], labels[0], labels[1], names, lang, id_column=id_column)
