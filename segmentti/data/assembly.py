"""Put the user's files together into one working table: order lines to customers, then joins by customer id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd

from segmentti.data.columns import Role, describe_columns
from segmentti.data.joining import JoinResult, join_tables
from segmentti.data.loading import Table
from segmentti.data.orders import CustomerFeatures, OrderMapping, build_customers
from segmentti.errors import SegmenttiError

KINDS: tuple[str, ...] = ("customers", "orders")
"""What a file holds: one row per customer, or order lines."""


@dataclass(frozen=True)
class Part:
    """One loaded file and how it is used.

    Attributes
    ----------
    table : Table
        The file as loaded.
    digest : str
        SHA-256 of the file's bytes and load options (from the caller).
    kind : str
        ``"customers"`` or ``"orders"``.
    id_column : str or None
        The customer id column (for ``orders``: ``mapping.customer``); needed to join several parts.
    mapping : OrderMapping or None
        For ``orders``: the columns of the order lines.
    as_of : str or None
        For ``orders``: the day recency is counted to (default the day after the last order).
    """

    table: Table
    digest: str
    kind: str = "customers"
    id_column: str | None = None
    mapping: OrderMapping | None = None
    as_of: str | None = None


@dataclass(frozen=True, eq=False)
class Assembly:
    """The working table built from the parts.

    Attributes
    ----------
    table : Table
        One row per customer: the first part's rows, the other parts' columns joined on.
    digest : str
        Changes whenever any file, mapping, as-of day or join column changes.
    features : tuple of (str, CustomerFeatures)
        For each order-line part, its name and what building the customers reported.
    joins : tuple of (str, JoinResult)
        For each part after the first, its name and how its ids matched.
    """

    table: Table
    digest: str
    features: tuple[tuple[str, CustomerFeatures], ...]
    joins: tuple[tuple[str, JoinResult], ...]


def guess_id_column(frame: pd.DataFrame) -> str | None:
    """The first column whose role is a customer id, if any."""
    return next((info.name for info in describe_columns(frame) if info.role is Role.ID), None)


def assemble(parts: list[Part] | tuple[Part, ...], features_of=None) -> Assembly:
    """Build one per-customer table from one or more files.

    Parameters
    ----------
    parts : sequence of Part
        The first part is the base: every one of its customers is kept. An ``orders`` part is
        first turned into one row per customer (:func:`segmentti.data.orders.build_customers`).
    features_of : callable, optional
        ``features_of(part) -> CustomerFeatures``; lets the app cache that step.
        Default :func:`segmentti.data.orders.build_customers`.

    Returns
    -------
    Assembly

    Raises
    ------
    SegmenttiError
        When an order part has no mapping, or parts cannot be joined (no id column chosen,
        or an id repeating in a later part).
    """
    if not parts:
        raise SegmenttiError("error.no_parts")
    features_of = features_of or (lambda part: build_customers(part.table.frame, part.mapping, part.as_of))
    frames: list[tuple[str, pd.DataFrame, str | None]] = []
    built: list[tuple[str, CustomerFeatures]] = []
    for part in parts:
        name = part.table.source_name
        if part.kind == "orders":
            if part.mapping is None:
                raise SegmenttiError("error.no_amount_mapping")
            features = features_of(part)
            built.append((name, features))
            frames.append((name, features.frame, part.mapping.customer))
        else:
            frames.append((name, part.table.frame, part.id_column))
    name, frame, id_column = frames[0]
    joins: list[tuple[str, JoinResult]] = []
    for part, (other_name, other, other_id) in zip(parts[1:], frames[1:], strict=True):
        if id_column is None or other_id is None:
            raise SegmenttiError("error.join_needs_ids", name=other_name)
        result = join_tables(frame, other, id_column, other_id, right_name=other_name)
        joins.append((other_name, result))
        frame = result.frame
        if part.kind == "orders":
            frame = _no_orders_as_zero(frame, other.columns)
    first = parts[0].table
    label = " + ".join(part.table.source_name for part in parts)
    if len(parts) == 1 and parts[0].kind == "customers":
        table = first
    else:
        table = Table(frame, label, first.file_format, separator=first.separator, encoding=first.encoding)
    return Assembly(table, digest_parts(parts), tuple(built), tuple(joins))


_ZERO_WITHOUT_ORDERS = ("orders", "lines", "total_spend", "gross_spend", "returns", "returns_value")


def _no_orders_as_zero(frame: pd.DataFrame, added: pd.Index) -> pd.DataFrame:
    """Customers of the base table who never ordered: counts, spend and shares 0 (dates, recency stay empty)."""
    zero = [
        name
        for name in added
        if name in frame.columns
        and (name in _ZERO_WITHOUT_ORDERS or str(name).startswith(("category_share_", "channel_share_")))
    ]
    if not zero:
        return frame
    filled = frame.copy()
    filled[zero] = filled[zero].fillna(0)
    return filled


def digest_parts(parts: list[Part] | tuple[Part, ...]) -> str:
    """SHA-256 of every part's digest and how it is used; a single plain customer file keeps its own digest."""
    if len(parts) == 1 and parts[0].kind == "customers":
        return parts[0].digest
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(repr((part.digest, part.kind, part.id_column, part.mapping, part.as_of)).encode())
    return hasher.hexdigest()
