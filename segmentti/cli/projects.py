"""``--project FILE`` of segment, scan and score, and the project and model files a segmentation run writes."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from segmentti.cli.options import as_of, criteria_names, integer, load_options, order_mapping, write_file
from segmentti.cli.parsing import help_text
from segmentti.errors import SegmenttiError

if TYPE_CHECKING:  # imported when a command runs: parsing and --help load no pandas
    from segmentti.data.loading import LoadOptions, Table
    from segmentti.project.project_file import Project


def add_project_option(command: argparse.ArgumentParser, lang: str) -> None:
    """``--project FILE``: the decisions saved by the app or by an earlier ``segment``."""
    command.add_argument("--project", help=help_text("cli.help_project", lang))


def read_bytes(path: str) -> bytes:
    """The bytes of the file at ``path``, or a message naming it."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise SegmenttiError("error.file_not_found", path=path) from None
    except OSError as exc:
        raise SegmenttiError("error.file_unreadable", path=path, reason=exc.strerror or str(exc)) from None


def read_project(args: argparse.Namespace) -> Project | None:
    """The project of ``--project`` (``None`` without one), with the options given on the command line winning.

    ``--criteria``, ``--k`` (other than auto), ``--seed`` (other than 0), ``--method`` (other than
    k-means), ``--customer …`` and ``--as-of`` replace what the project says.
    """
    if not getattr(args, "project", None):
        return None
    from segmentti.project.project_file import project_from_bytes

    project = project_from_bytes(read_bytes(args.project), Path(args.project).name)
    changes: dict[str, object] = {}
    criteria = criteria_names(getattr(args, "criteria", None))
    if criteria is not None:
        changes["criteria"] = tuple(criteria)
    if getattr(args, "k", "auto") != "auto":
        changes["k"] = integer(args.k, "--k")
    if getattr(args, "seed", "0") != "0":
        changes["seed"] = integer(args.seed, "--seed")
    if getattr(args, "method", "kmeans") != "kmeans":
        changes["method"] = args.method
    if getattr(args, "customer", None) is not None:
        changes["orders"] = order_mapping(args)
    if getattr(args, "as_of", None) is not None:
        changes["as_of"] = as_of(args.as_of)
    return dataclasses.replace(project, **changes)


def merged_load_options(args: argparse.Namespace, project: Project | None) -> LoadOptions:
    """How to read INPUT: each correction given on the command line, else the project's, else detected."""
    from segmentti.data.loading import LoadOptions

    given = load_options(args)
    if project is None or not project.files:
        return given
    saved = project.files[0].load_options
    return LoadOptions(
        separator=given.separator or saved.separator,
        encoding=given.encoding or saved.encoding,
        decimal=given.decimal or saved.decimal,
        header_row=given.header_row or saved.header_row,
        date_order=given.date_order or saved.date_order,
    )


def sheet_of(args: argparse.Namespace, project: Project | None) -> str | None:
    """``--sheet``, else the project's sheet."""
    if getattr(args, "sheet", None) or project is None or not project.files:
        return getattr(args, "sheet", None)
    return project.files[0].sheet


def project_of_run(
    table: Table,
    *,
    orders,
    as_of_day: str | None,
    overrides: dict,
    features,
    method: str,
    k: int,
    seed: int,
    personas=(),
    pilot: tuple[float, int] | None = None,
) -> Project:
    """The project a ``segment`` run writes: how INPUT was read and every choice, to run it again with ``--project``."""
    from segmentti.project.project_file import Project, SourceFile

    return Project(
        files=(SourceFile.of(table),),
        orders=orders,
        as_of=as_of_day,
        columns=tuple(map(str, table.frame.columns)),
        overrides=overrides,
        criteria=tuple(features.criteria),
        column_weights={name: weight for name, weight in features.weights.items() if weight != 1.0},
        method=method,
        k=k,
        seed=seed,
        personas=tuple(
            {"number": persona.number, "name": persona.name, "notes": persona.notes} for persona in personas
        ),
        pilot_percent=None if pilot is None else pilot[0],
        pilot_seed=0 if pilot is None else pilot[1],
    )


def write_project(out: str | Path, project: Project) -> Path:
    """Write ``project.json`` into the run's folder."""
    from segmentti.project.project_file import PROJECT_FILE, project_to_bytes

    path = Path(out) / PROJECT_FILE
    write_file(path, project_to_bytes(project))
    return path
