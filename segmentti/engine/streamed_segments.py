"""Segment millions of customers with bounded memory on DuckDB: fit on a sample, label in chunks, lists and summary.

The customers come from :mod:`segmentti.data.streamed` (Parquet or CSV written by DuckDB); only
the sample (at most :data:`segmentti.engine.sampled.SAMPLE_LIMIT` customers) and one chunk are
in memory at a time.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
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
from segmentti.outputs.contacts import file_stem, find_contact_columns
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
    out = Path(out_dir)
    folder = out / CUSTOMERS_FOLDER
    try:
        if folder.exists():
            if any(not entry.name.startswith(f"{SEGMENT_COLUMN}=") for entry in folder.iterdir()):
                raise SegmenttiError("error.cannot_write", path=str(folder), reason=translate("engines.not_ours", lang))
            shutil.rmtree(folder)  # a folder of our own from an earlier run: its parts would mix with these
        folder.mkdir(parents=True)
        reader = connection.sql(f"SELECT * FROM {source}").to_arrow_reader(chunk_rows)
        for part, batch in enumerate(reader):
            labelled = label_chunk(fit.model, fit.names, batch.to_pandas())
            for number, members in labelled.groupby(SEGMENT_COLUMN, sort=True):
                target = folder / f"{SEGMENT_COLUMN}={int(number)}"
                target.mkdir(exist_ok=True)
                table = pa.Table.from_pandas(members.drop(columns=SEGMENT_COLUMN), preserve_index=False)
                pq.write_table(table, target / f"part-{part:05d}.parquet")
        labelled_source = f"read_parquet({literal(str(folder / '*' / '*.parquet'))}, hive_partitioning = true)"
        measured = numeric_columns(sample_frame, fit.criteria)
        rows = connection.execute(summary_sql(labelled_source, measured)).fetchall()
        summary = build_summary(
            fit, rows, measured, engine="duckdb", k_selection="auto" if fit.scan is not None else "fixed"
        )
        (out / SUMMARY_JSON).write_bytes(summary_bytes(summary))
        lists = _write_lists(connection, fit, sample_frame, id_column, folder, out / LISTS_FOLDER)
    except OSError as exc:
        raise SegmenttiError("error.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from None
    return StreamedRun(fit, summary, (out / SUMMARY_JSON, *lists, folder))


def list_columns(sample: pd.DataFrame, id_column: str) -> list[str]:
    """The columns of a segment's list: the id, the email and names when the data has them, the segment name."""
    contact = find_contact_columns(sample)
    found = [contact.email, contact.first_name, contact.last_name]
    return list(dict.fromkeys([id_column, *(name for name in found if name), SEGMENT_NAME_COLUMN]))


def _write_lists(
    connection: duckdb.DuckDBPyConnection,
    fit: SampleFit,
    sample: pd.DataFrame,
    id_column: str,
    folder: Path,
    lists: Path,
) -> list[Path]:
    lists.mkdir(parents=True, exist_ok=True)
    chosen = ", ".join(quote(name) for name in list_columns(sample, id_column))
    written = []
    for persona in fit.personas:
        part = folder / f"{SEGMENT_COLUMN}={persona.number}"
        target = lists / f"{file_stem(persona)}.csv"
        if not part.exists():
            continue
        parts = literal(str(part / "*.parquet"))
        connection.execute(
            f"COPY (SELECT {chosen} FROM read_parquet({parts}) ORDER BY {quote(id_column)}) "
            f"TO {literal(str(target))} (FORMAT csv, HEADER true)"
        )
        written.append(target)
    return written
