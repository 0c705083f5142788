"""``segmentti score NEW --model FILE --out DIR``: place new customers into a saved model's segments, with the same files.

The steps are functions of their own — :func:`load_new`, :func:`customers_of`, :func:`predict`
and :func:`write_scored` — so another engine can take one over and keep the rest. With
``--engine duckdb|spark`` (or ``auto`` on a large file) the whole run goes past memory instead
(:func:`segmentti.cli.large.run_score`): the files of ``segment --engine``, not the workbook.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from segmentti.cli.large import add_large_options
from segmentti.cli.options import add_load_options
from segmentti.cli.parsing import EXIT_OK, help_text
from segmentti.cli.projects import add_project_option

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from segmentti.cli.projects import Project
    from segmentti.data.loading import Table
    from segmentti.project.saved_model import SavedModel

HELP = "cli.help_score"


def add_arguments(command: argparse.ArgumentParser, lang: str) -> None:
    command.add_argument("input", help=help_text("cli.help_input_new", lang))
    command.add_argument("--model", required=True, help=help_text("cli.help_model", lang))
    command.add_argument("--out", required=True, help=help_text("cli.help_out_score", lang))
    command.add_argument("--as-of", dest="as_of", help=help_text("cli.help_as_of", lang))
    command.add_argument("--sheet", help=help_text("cli.help_sheet", lang))
    add_project_option(command, lang)
    add_load_options(command, lang)
    add_large_options(command, lang)


def load_model(path: str) -> SavedModel:
    """The saved model at ``path`` (a pickle or a changed file is refused without running anything)."""
    from pathlib import Path

    from segmentti.cli.projects import read_bytes
    from segmentti.project.saved_model import model_from_bytes

    return model_from_bytes(read_bytes(path), Path(path).name)


def load_new(args: argparse.Namespace, project: Project | None, lang: str) -> Table:
    """NEW read with the corrections given, else the project's (how the model's data was read)."""
    from segmentti.cli.inputs import read_input
    from segmentti.cli.projects import merged_load_options, sheet_of

    return read_input(args, lang, options=merged_load_options(args, project), sheet=sheet_of(args, project))


def customers_of(frame: pd.DataFrame, saved: SavedModel, args: argparse.Namespace, lang: str) -> pd.DataFrame:
    """One row per customer: order lines become customers as when the model was fitted (``--as-of`` their day)."""
    import sys

    from segmentti.cli.counts import report_features
    from segmentti.cli.options import as_of
    from segmentti.data.orders import build_customers
    from segmentti.project.scoring import check_order_columns

    if saved.orders is None:
        return frame
    check_order_columns(frame, saved)  # names the order-line columns the new data lacks
    built = build_customers(frame, saved.orders, as_of(args.as_of))
    report_features(built, lang, file=sys.stderr)
    return built.frame


def predict(frame: pd.DataFrame, saved: SavedModel) -> tuple[np.ndarray, np.ndarray]:
    """The customers' feature values and segments, in chunks: ``(values, labels)``."""
    from segmentti.project.scoring import score_frame

    return score_frame(frame, saved)


def write_scored(
    frame: pd.DataFrame,
    saved: SavedModel,
    values: np.ndarray,
    labels: np.ndarray,
    args: argparse.Namespace,
    project: Project | None,
    source: str,
    lang: str,
) -> int:
    """The files ``segment`` writes, for the scored customers, through the one assembler."""
    from segmentti.outputs.run import Pilot, assemble_run, write_outputs
    from segmentti.project.scoring import K_SELECTION, scored_personas, scored_result
    from segmentti.texts import format_number, translate

    result = scored_result(frame, saved, values, labels, lang)
    personas = scored_personas(frame, saved, result, lang)
    pilot = None
    if project is not None and project.pilot_percent is not None:
        pilot = Pilot(project.pilot_percent, project.pilot_seed)
    run = assemble_run(
        frame,
        result,
        personas,
        lang,
        source=source,
        pilot=pilot,
        k_selection=K_SELECTION,
        column_labels=saved.column_labels,
    )
    write_outputs(args.out, run)
    print(translate("cli.score_done", lang, rows=format_number(len(frame), lang), k=len(saved.names), out=args.out))
    for view in run.views:
        print(f"  {view.size_text:>7}  {view.share_text:>6}  {view.title}")
    return EXIT_OK


def run(args: argparse.Namespace, lang: str) -> int:
    from segmentti.cli.large import chosen_engine, run_score
    from segmentti.cli.projects import read_project

    engine = chosen_engine(args)
    if engine != "pandas":  # order lines past memory: DuckDB streams them, Spark runs on a cluster
        return run_score(args, lang, engine)
    saved = load_model(args.model)
    project = read_project(args)
    table = load_new(args, project, lang)
    frame = customers_of(table.frame, saved, args, lang)
    values, labels = predict(frame, saved)
    return write_scored(frame, saved, values, labels, args, project, table.source_name, lang)
