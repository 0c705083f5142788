"""Segment millions of customers with bounded memory on DuckDB: fit on a sample, label in chunks, lists and summary.

The customers come from :mod:`segmentti.data.streamed` (Parquet or CSV written by DuckDB); only
the sample (at most :data:`segmentti.engine.sampled.SAMPLE_LIMIT` customers) and one chunk are
in memory at a time.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from segmentti.data.customer_sql import literal, quote
from segmentti.engine.sampled import (
    CHUNK_ROWS,
    CUSTOMERS_FOLDER,
    LISTS_FOLDER,
    SAMPLE_LIMIT,
    SUMMARY_JSON,
    SampleFit,
    build_summary,
    fit_sample,
    label_chunk,
    numeric_columns,
    sample_sql,
    summary_bytes,
    summary_sql,
)
from segmentti.errors import SegmenttiError
from segmentti.outputs.contacts import find_contact_columns, list_stem
from segmentti.outputs.tables import SEGMENT_COLUMN, SEGMENT_NAME_COLUMN
from segmentti.texts import translate


@dataclass(frozen=True, eq=False)
class StreamedRun:
    """What a run wrote, and how.

    Attributes
    ----------
    fit : SampleFit
        The model, the sample it was fitted on and the segment names.
    summary : dict
        The contents of ``summary.json``.
    files : tuple of pathlib.Path
        ``summary.json``, the contact lists, the labelled customers' folder.
    """

    fit: SampleFit
    summary: dict[str, Any]
    files: tuple[Path, ...]


def segment_streamed(
    connection: duckdb.DuckDBPyConnection,
    source: str,
    id_column: str,
    out_dir: str | os.PathLike,
    *,
    criteria: Sequence[str] | None = None,
    k: int | None = None,
    seed: int = 0,
    method: str = "kmeans",
    weights: Mapping[str, float] | None = None,
    lang: str = "en",
    sample_limit: int = SAMPLE_LIMIT,
    chunk_rows: int = CHUNK_ROWS,
) -> StreamedRun:
    """Segment the customers of ``source`` (one row per customer) into ``out_dir`` with bounded memory.

    Parameters
    ----------
    connection : duckdb.DuckDBPyConnection
        From :func:`segmentti.data.streamed.connect`.
    source : str
        A DuckDB table expression of the customers, e.g. a ``read_parquet`` of their file.
    id_column : str
        The customer id column.
    out_dir : str or path-like
        Gets ``customers/segment=<n>/part-<i>.parquet`` (every customer with ``segment_name``),
        ``lists/<nn>_<name>.csv`` (each segment's ids, with email and names where the data has
        them) and ``summary.json``.
    criteria, k, seed, method, weights, lang
        As for :class:`segmentti.engine.model.SegmentModel`; ``k=None`` scans k on the sample.
    sample_limit : int, default SAMPLE_LIMIT
        Customers fitted on at most.
    chunk_rows : int, default CHUNK_ROWS
        Customers labelled at a time.

    Raises
    ------
    SegmenttiError
        For unusable criteria, too few customers, or an output that cannot be written.
    """
    customers = int(connection.execute(f"SELECT COUNT(*) FROM {source}").fetchall()[0][0])
    sample = connection.sql(sample_sql(source, id_column, customers, sample_limit, seed)).to_arrow_table()
    sample_frame = sample.to_pandas()
    fit = fit_sample(sample_frame, customers, criteria, k, seed, lang, method=method, weights=weights)
    measured = numeric_columns(sample_frame, fit.criteria)
    labeller = functools.partial(label_chunk, fit.model, fit.names)
    out = Path(out_dir)
    written = write_labelled_streamed(
        connection, source, labeller, out, fit.names, list_columns(sample_frame, id_column), id_column, measured,
        lang=lang, chunk_rows=chunk_rows,
    )  # fmt: skip
    summary = build_summary(
        fit, written.rows, measured, engine="duckdb", k_selection="auto" if fit.scan is not None else "fixed"
    )
    write_summary(out, summary)
    return StreamedRun(fit, summary, (out / SUMMARY_JSON, *written.files))


@dataclass(frozen=True, eq=False)
class StreamedOutput:
    """What :func:`write_labelled_streamed` wrote: the rows of :func:`segmentti.engine.sampled.summary_sql`, the files."""

    rows: list[tuple]
    files: tuple[Path, ...]


def write_labelled_streamed(
    connection: duckdb.DuckDBPyConnection,
    source: str,
    labeller: Callable[[pd.DataFrame], pd.DataFrame],
    out: Path,
    names: Sequence[str],
    columns: Sequence[str],
    id_column: str,
    measured: Sequence[str],
    *,
    lang: str = "en",
    chunk_rows: int = CHUNK_ROWS,
) -> StreamedOutput:
    """Label every customer of ``source`` ``chunk_rows`` at a time and write them as every DuckDB run does.

    Parameters
    ----------
    source : str
        A DuckDB table expression of the customers (one row each).
    labeller : callable
        A chunk of customers → the chunk with the columns of :func:`segmentti.engine.sampled.with_segments`.
    out : pathlib.Path
        Gets ``customers/segment=<n>/part-<i>.parquet`` and ``lists/<nn>_<name>.csv`` (``columns``
        of each segment's customers in ``id_column`` order).
    names : sequence of str
        The segment names, segment 1 first.
    measured : sequence of str
        The numeric columns averaged per segment.

    Raises
    ------
    SegmenttiError
        When ``out`` cannot be written, or its ``customers`` folder holds files of something else.
    """
    folder = out / CUSTOMERS_FOLDER
    try:
        if folder.exists():
            if any(not entry.name.startswith(f"{SEGMENT_COLUMN}=") for entry in folder.iterdir()):
                raise SegmenttiError("error.cannot_write", path=str(folder), reason=translate("engines.not_ours", lang))
            shutil.rmtree(folder)  # a folder of our own from an earlier run: its parts would mix with these
        folder.mkdir(parents=True)
        reader = connection.sql(f"SELECT * FROM {source}").to_arrow_reader(chunk_rows)
        for part, batch in enumerate(reader):
            labelled = labeller(batch.to_pandas())
            for number, members in labelled.groupby(SEGMENT_COLUMN, sort=True):
                target = folder / f"{SEGMENT_COLUMN}={int(number)}"
                target.mkdir(exist_ok=True)
                table = pa.Table.from_pandas(members.drop(columns=SEGMENT_COLUMN), preserve_index=False)
                pq.write_table(table, target / f"part-{part:05d}.parquet")
        labelled_source = f"read_parquet({literal(str(folder / '*' / '*.parquet'))}, hive_partitioning = true)"
        rows = connection.execute(summary_sql(labelled_source, measured)).fetchall()
        lists = _write_lists(connection, names, columns, id_column, folder, out / LISTS_FOLDER)
    except OSError as exc:
        raise SegmenttiError("error.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from None
    return StreamedOutput(rows, (*lists, folder))


def write_summary(out: Path, summary: Mapping[str, Any]) -> None:
    """``out/summary.json``; a folder that cannot be written is a user error."""
    try:
        (out / SUMMARY_JSON).write_bytes(summary_bytes(summary))
    except OSError as exc:
        raise SegmenttiError("error.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from None


def list_columns(sample: pd.DataFrame, id_column: str) -> list[str]:
    """The columns of a segment's list: the id, the email and names when the data has them, the segment name."""
    contact = find_contact_columns(sample)
    found = [contact.email, contact.first_name, contact.last_name]
    return list(dict.fromkeys([id_column, *(name for name in found if name), SEGMENT_NAME_COLUMN]))


def _write_lists(
    connection: duckdb.DuckDBPyConnection,
    names: Sequence[str],
    columns: Sequence[str],
    id_column: str,
    folder: Path,
    lists: Path,
) -> list[Path]:
    lists.mkdir(parents=True, exist_ok=True)
    chosen = ", ".join(quote(name) for name in columns)
    written = []
    for number, name in enumerate(names, start=1):
        part = folder / f"{SEGMENT_COLUMN}={number}"
        target = lists / f"{list_stem(number, name)}.csv"
        if not part.exists():
            continue
        parts = literal(str(part / "*.parquet"))
        connection.execute(
            f"COPY (SELECT {chosen} FROM read_parquet({parts}) ORDER BY {quote(id_column)}) "
            f"TO {literal(str(target))} (FORMAT csv, HEADER true)"
        )
        written.append(target)
    return written
