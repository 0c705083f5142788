"""Join further per-customer tables (order-line features, a survey) onto a customer table by customer id."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from segmentti.errors import SegmenttiError

SAMPLE_IDS = 5
"""How many example ids a join report names."""


@dataclass(frozen=True, eq=False)
class JoinResult:
    """A joined table and how well the two files matched.

    Attributes
    ----------
    frame : pandas.DataFrame
        Every row of the left table, with the right table's columns added (empty where the
        id was not in the right table). Right columns whose name is taken get `` (<right_name>)``.
    matched : int
        Left rows whose id was found on the right.
    only_left, only_right : int
        Distinct ids found in one table but not in the other (right-only rows are left out).
    only_left_examples, only_right_examples : tuple of str
        Up to :data:`SAMPLE_IDS` of those ids.
    """

    frame: pd.DataFrame
    matched: int
    only_left: int
    only_right: int
    only_left_examples: tuple[str, ...]
    only_right_examples: tuple[str, ...]


def _keys(frame: pd.DataFrame, column: str, table_name: str) -> pd.Series:
    if column not in frame.columns:
        raise SegmenttiError(
            "error.join_no_id_column", column=column, name=table_name, available=", ".join(map(str, frame.columns))
        )
    values = frame[column]
    if pd.api.types.is_float_dtype(values):
        filled = values.dropna()
        if (filled == filled.round()).all():
            values = values.astype("Int64")
    keys = values.astype("str").str.strip()
    return keys.where(values.notna() & (keys != ""), None)


def join_tables(
    left: pd.DataFrame,
    right: pd.DataFrame,
    left_id: str,
    right_id: str | None = None,
    *,
    right_name: str = "2",
) -> JoinResult:
    """Add the columns of ``right`` to ``left`` by customer id.

    Parameters
    ----------
    left : pandas.DataFrame
        The customer table, one row per customer; every row is kept.
    right : pandas.DataFrame
        Another per-customer table (e.g. features built from order lines, or survey answers);
        its id must not repeat.
    left_id, right_id : str
        The id columns; ``right_id`` defaults to ``left_id``. Ids are compared as text, so
        ``17850`` matches ``"17850"``.
    right_name : str
        The right table's name, used to rename columns whose name is already taken.

    Returns
    -------
    JoinResult

    Raises
    ------
    SegmenttiError
        When an id column is missing, or the right table has an id more than once.
    """
    right_id = right_id or left_id
    left_keys = _keys(left, left_id, "1")
    right_keys = _keys(right, right_id, right_name)
    repeated = right_keys[right_keys.duplicated() & right_keys.notna()]
    if not repeated.empty:
        raise SegmenttiError(
            "error.join_repeated_ids", name=right_name, column=right_id, examples=", ".join(repeated.unique()[:3])
        )
    extra = right.drop(columns=[right_id])
    renamed = {name: (f"{name} ({right_name})" if name in left.columns else name) for name in extra.columns}
    extra = extra.rename(columns=renamed)
    extra.index = pd.Index(right_keys, name=None)
    extra = extra[extra.index.notna()]
    added = extra.reindex(left_keys.to_numpy())
    added.index = left.index
    frame = pd.concat([left, added], axis=1)
    left_set = set(left_keys.dropna())
    right_set = set(extra.index)
    only_left = sorted(left_set - right_set)
    only_right = sorted(right_set - left_set)
    return JoinResult(
        frame=frame,
        matched=int(left_keys.isin(right_set).sum()),
        only_left=len(only_left),
        only_right=len(only_right),
        only_left_examples=tuple(only_left[:SAMPLE_IDS]),
        only_right_examples=tuple(only_right[:SAMPLE_IDS]),
    )
