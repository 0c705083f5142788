"""Compare two snapshots of the customers scored with one saved model: who moved where, and how each segment changed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.data.columns import Role, describe_columns
from segmentti.errors import SegmenttiError
from segmentti.outputs.contacts import ContactColumns, build_contact_lists, file_stem, find_contact_columns
from segmentti.outputs.tables import to_csv_bytes
from segmentti.project.saved_model import SavedModel
from segmentti.project.scoring import score_frame
from segmentti.texts import translate

MIGRATION_CSV = "migration.csv"
MOVERS_CSV = "movers.csv"
CHANGES_CSV = "segment_changes.csv"
MIGRATION_COLUMNS = ("from_segment", "to_segment", "customers")
"""The columns of ``migration.csv``: one row per (from, to) pair with customers, new and gone included."""

FROM_COLUMN, TO_COLUMN = "from_segment", "to_segment"
SPEND, ORDERS, ORDER_VALUE = "total_spend", "orders", "avg_order_value"


@dataclass(frozen=True)
class MoverGroup:
    """Customers who moved from one segment to another, named for their contact list (``number`` orders the files)."""

    number: int
    name: str
    source: int
    target: int
    customers: int


@dataclass(frozen=True, eq=False)
class SnapshotComparison:
    """Two snapshots in the same segments.

    Attributes
    ----------
    names : tuple of str
        The model's segment names, in segment order.
    new_label, gone_label : str
        The names of the "new customer" row and "gone" column in the user's language.
    old, new : pandas.Series
        Segment index of each customer id in the old and new snapshot (index: the ids).
    counts : pandas.DataFrame
        Migration matrix: rows "from" (the segments, then ``new_label``), columns "to" (the
        segments, then ``gone_label``), customers per cell.
    changes : pandas.DataFrame
        Per segment (index the names): ``customers_old``, ``customers_new``, ``change``,
        ``change_share`` and, when the data has them, ``revenue_old/new`` (sum of
        ``total_spend``) and ``order_value_old/new`` (revenue per order).
    movers : pandas.DataFrame
        The new snapshot's rows of every customer whose segment changed, with ``from_segment``
        and ``to_segment`` (names) in front.
    mover_positions : numpy.ndarray
        The movers' row positions in the new snapshot's table.
    id_column : str
        The customer id column both snapshots were matched on.
    """

    names: tuple[str, ...]
    new_label: str
    gone_label: str
    old: pd.Series
    new: pd.Series
    counts: pd.DataFrame
    changes: pd.DataFrame
    movers: pd.DataFrame
    mover_positions: np.ndarray
    id_column: str

    @property
    def shares(self) -> pd.DataFrame:
        """The migration matrix as shares of each "from" row (0–1; a row with nobody is 0)."""
        totals = self.counts.sum(axis=1).replace(0, np.nan)
        return self.counts.div(totals, axis=0).fillna(0.0)

    def migration_table(self) -> pd.DataFrame:
        """``from_segment, to_segment, customers``: every non-empty cell of :attr:`counts`, largest first within a row."""
        stacked = self.counts.stack()
        stacked = stacked[stacked > 0]
        table = stacked.rename("customers").reset_index()
        table.columns = list(MIGRATION_COLUMNS)
        return table

    @property
    def moved(self) -> int:
        """Customers in both snapshots whose segment changed."""
        return len(self.movers)


def find_id_column(frame: pd.DataFrame, saved: SavedModel) -> str:
    """The customer id column: the order lines' customer column, else the column of role id.

    Raises
    ------
    SegmenttiError
        When the data has no id column (snapshots cannot be matched).
    """
    return id_column_of(frame, saved.orders.customer if saved.orders is not None else None, saved.overrides)


def id_column_of(
    frame: pd.DataFrame, preferred: str | None = None, overrides: Mapping[str, Mapping[str, str]] | None = None
) -> str:
    """``preferred`` when ``frame`` has it, else the first column of role id (with the user's ``overrides``).

    Raises
    ------
    SegmenttiError
        When the data has no id column (snapshots cannot be matched).
    """
    if preferred is not None and preferred in frame.columns:
        return preferred
    for info in describe_columns(frame, overrides):
        if info.role is Role.ID:
            return info.name
    raise SegmenttiError("error.compare_no_id", columns=", ".join(map(str, frame.columns)))


def check_snapshot_ids(frames: Sequence[pd.DataFrame], id_column: str) -> None:
    """Raise :class:`SegmenttiError` when a snapshot lacks ``id_column`` or repeats an id in it."""
    for frame in frames:
        if id_column not in frame.columns:
            raise SegmenttiError("error.compare_no_id", columns=", ".join(map(str, frame.columns)))
        repeated = frame[id_column].dropna().duplicated()
        if repeated.any():
            raise SegmenttiError(
                "error.compare_repeated_id", column=id_column, example=str(frame[id_column].dropna()[repeated].iloc[0])
            )


def compare_snapshots(
    old_frame: pd.DataFrame,
    new_frame: pd.DataFrame,
    saved: SavedModel,
    lang: str = "en",
    *,
    id_column: str | None = None,
) -> SnapshotComparison:
    """Score both snapshots (one row per customer each) with ``saved`` and compare them.

    Parameters
    ----------
    old_frame, new_frame : pandas.DataFrame
        The customers then and now (see :func:`segmentti.project.scoring.customers_to_score`).
    saved : SavedModel
        The model both are scored with, so segment numbers and names stay put.
    lang : str
        Language of the "new" and "gone" labels.
    id_column : str, optional
        The customer id both snapshots share; default :func:`find_id_column` of the new one.

    Raises
    ------
    SegmenttiError
        For a missing criterion or id column, or an id repeated within a snapshot.
    """
    id_column = id_column or find_id_column(new_frame, saved)
    check_snapshot_ids((old_frame, new_frame), id_column)
    old_labels = score_frame(old_frame, saved)[1]
    new_labels = score_frame(new_frame, saved)[1]
    return compare_segments(old_frame, new_frame, old_labels, new_labels, saved.names, lang, id_column=id_column)


def compare_segments(
    old_frame: pd.DataFrame,
    new_frame: pd.DataFrame,
    old_labels: np.ndarray,
    new_labels: np.ndarray,
    names: Sequence[str],
    lang: str = "en",
    *,
    id_column: str,
) -> SnapshotComparison:
    """Compare two snapshots whose customers are already placed in the same segments.

    The one comparison of two snapshots: :func:`compare_snapshots` (a saved model's segments)
    and :func:`segmentti.project.rfm_comparison.compare_rfm_snapshots` (the named RFM
    segments) each place the customers and hand them here.

    Parameters
    ----------
    old_frame, new_frame : pandas.DataFrame
        One row per customer then and now, both with ``id_column`` (checked by
        :func:`check_snapshot_ids`); ``total_spend`` and ``orders`` give the revenue changes.
    old_labels, new_labels : numpy.ndarray
        Segment index (0 … len(names) - 1) of each row of ``old_frame`` and ``new_frame``.
    names : sequence of str
        The segments' names, in segment order.
    lang : str
        Language of the "new" and "gone" labels.
    id_column : str
        The customer id both snapshots share.
    """
    names = tuple(names)
    k = len(names)
    old = _segments_by_id(old_frame, old_labels, id_column)
    new = _segments_by_id(new_frame, new_labels, id_column)
    new_label, gone_label = _outside_labels(names, lang)
    both = old.index.intersection(new.index)
    counts = np.zeros((k + 1, k + 1), dtype=np.int64)
    np.add.at(counts, (old[both].to_numpy(), new[both].to_numpy()), 1)
    counts[k, :k] = np.bincount(new.drop(both).to_numpy(), minlength=k)
    counts[:k, k] = np.bincount(old.drop(both).to_numpy(), minlength=k)
    matrix = pd.DataFrame(counts, index=[*names, new_label], columns=[*names, gone_label])
    matrix.index.name, matrix.columns.name = FROM_COLUMN, TO_COLUMN
    changed = both[old[both].to_numpy() != new[both].to_numpy()]
    positions = np.flatnonzero(new_frame[id_column].isin(changed).to_numpy())
    movers = new_frame.iloc[positions].copy()
    ids = movers[id_column]
    movers.insert(0, TO_COLUMN, [names[index] for index in new[ids].to_numpy()])
    movers.insert(0, FROM_COLUMN, [names[index] for index in old[ids].to_numpy()])
    changes = _segment_changes(old_frame, new_frame, old, new, id_column, names)
    return SnapshotComparison(
        names=names,
        new_label=new_label,
        gone_label=gone_label,
        old=old,
        new=new,
        counts=matrix,
        changes=changes,
        movers=movers.reset_index(drop=True),
        mover_positions=positions,
        id_column=id_column,
    )


def _outside_labels(names: Sequence[str], lang: str) -> tuple[str, str]:
    """The "new customers" row and "gone" column labels, in other words where a segment has that name.

    The RFM segment "New Customers" ("Uudet asiakkaat") would otherwise share its row's label
    with the customers who were not there before.
    """
    taken = {str(name).casefold() for name in names}
    labels = []
    for key, other in (("compare.new", "compare.new_other"), ("compare.gone", "compare.gone_other")):
        label = translate(key, lang)
        labels.append(translate(other, lang) if label.casefold() in taken else label)
    return labels[0], labels[1]


def _segments_by_id(frame: pd.DataFrame, labels: np.ndarray, id_column: str) -> pd.Series:
    series = pd.Series(np.asarray(labels, dtype=np.int64), index=pd.Index(frame[id_column].to_numpy(), name=id_column))
    return series[series.index.notna()]


def _segment_changes(
    old_frame: pd.DataFrame,
    new_frame: pd.DataFrame,
    old: pd.Series,
    new: pd.Series,
    id_column: str,
    names: Sequence[str],
) -> pd.DataFrame:
    k = len(names)
    sizes_old = np.bincount(old.to_numpy(), minlength=k)
    sizes_new = np.bincount(new.to_numpy(), minlength=k)
    table = pd.DataFrame(
        {"customers_old": sizes_old, "customers_new": sizes_new, "change": sizes_new - sizes_old},
        index=pd.Index(list(names), name="segment"),
    )
    table["change_share"] = np.divide(table["change"], sizes_old, out=np.full(k, np.nan), where=sizes_old > 0).round(4)
    for when, frame, labels in (("old", old_frame, old), ("new", new_frame, new)):
        revenue, orders = _segment_sums(frame, labels, id_column, k)
        if revenue is not None:
            table[f"revenue_{when}"] = revenue.round(2)
        if revenue is not None and orders is not None:
            table[f"order_value_{when}"] = np.divide(revenue, orders, out=np.full(k, np.nan), where=orders > 0).round(2)
    if "revenue_old" in table and "revenue_new" in table:
        table["revenue_change"] = (table["revenue_new"] - table["revenue_old"]).round(2)
    return table


def _segment_sums(
    frame: pd.DataFrame, labels: pd.Series, id_column: str, k: int
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Each segment's total spend and orders (``None`` where the data has no such column)."""
    rows = frame[frame[id_column].notna()]
    segment = labels.reindex(rows[id_column].to_numpy()).to_numpy()

    def summed(column: str) -> np.ndarray | None:
        if column not in rows.columns or not pd.api.types.is_numeric_dtype(rows[column]):
            return None
        values = pd.to_numeric(rows[column], errors="coerce").fillna(0.0).to_numpy(dtype=float)
        return np.bincount(segment, weights=values, minlength=k)

    return summed(SPEND), summed(ORDERS)


def mover_groups(comparison: SnapshotComparison, lang: str) -> list[MoverGroup]:
    """Every (from, to) pair with movers, largest first, each named "<from> → <to>"."""
    pairs = (
        comparison.movers.groupby([FROM_COLUMN, TO_COLUMN], sort=False)
        .size()
        .sort_values(ascending=False, kind="stable")
    )
    index = {name: position for position, name in enumerate(comparison.names)}
    return [
        MoverGroup(
            number,
            translate("compare.pair", lang, source=source, target=target),
            index[source],
            index[target],
            int(size),
        )
        for number, ((source, target), size) in enumerate(pairs.items(), start=1)
    ]


def mover_lists(
    comparison: SnapshotComparison,
    new_frame: pd.DataFrame,
    lang: str,
    contact_columns: ContactColumns | None = None,
    only_consenting: bool = True,
) -> dict[str, bytes]:
    """The movers' contact lists by file name, ``<nn>_<from>_<to>.csv`` (largest move first); none without emails.

    Each list is a Mailchimp/HubSpot contact list (see :func:`segmentti.outputs.contacts.build_contact_lists`),
    tagged "<from> → <to>", e.g. everyone who moved from the most valuable segment to a lapsing one.
    """
    columns = contact_columns or find_contact_columns(new_frame)
    if columns.email is None or not comparison.moved:
        return {}
    groups = mover_groups(comparison, lang)
    frame = new_frame.iloc[comparison.mover_positions].reset_index(drop=True)
    pair_of = {(group.source, group.target): position for position, group in enumerate(groups)}
    index = {name: position for position, name in enumerate(comparison.names)}
    labels = np.asarray(
        [
            pair_of[(index[source], index[target])]
            for source, target in zip(comparison.movers[FROM_COLUMN], comparison.movers[TO_COLUMN], strict=True)
        ],
        dtype=np.int64,
    )
    lists = build_contact_lists(frame, labels, groups, columns, only_consenting)  # type: ignore[arg-type]
    return {
        f"{file_stem(group)}.csv": to_csv_bytes(contacts) for group, contacts in zip(groups, lists.lists, strict=True)
    }


def comparison_files(
    comparison: SnapshotComparison, new_frame: pd.DataFrame, lang: str, contact_columns: ContactColumns | None = None
) -> dict[str, bytes]:
    """Every file of a comparison by name: ``migration.csv``, ``movers.csv``, ``segment_changes.csv`` and ``lists/…``."""
    files = {
        MIGRATION_CSV: to_csv_bytes(comparison.migration_table()),
        MOVERS_CSV: to_csv_bytes(comparison.movers),
        CHANGES_CSV: to_csv_bytes(comparison.changes.reset_index()),
    }
    for name, data in mover_lists(comparison, new_frame, lang, contact_columns).items():
        files[f"lists/{name}"] = data
    return files
