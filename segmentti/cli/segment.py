"""``segmentti segment INPUT --out DIR``: segments, contact lists, personas, report and workbook for a monthly job."""

from __future__ import annotations

import argparse
from pathlib import Path

from segmentti.cli.large import add_large_options
from segmentti.cli.options import K_LIMIT, add_customer_table_options, integer
from segmentti.cli.parsing import EXIT_OK, help_text
from segmentti.cli.projects import add_project_option
from segmentti.errors import SegmenttiError

HELP = "cli.help_segment"


def add_arguments(command: argparse.ArgumentParser, lang: str) -> None:
    add_customer_table_options(command, lang)
    command.add_argument("--out", required=True, help=help_text("cli.help_out_segment", lang))
    command.add_argument("--k", default="auto", help=help_text("cli.help_k", lang))
    add_project_option(command, lang)
    add_large_options(command, lang)


def run(args: argparse.Namespace, lang: str) -> int:
    from segmentti.cli.process import libraries_loading

    with libraries_loading():
        from segmentti.cli.engine import engine_features, engine_segment, kind_overrides
        from segmentti.cli.inputs import customers_and_mapping
        from segmentti.cli.large import chosen_engine, run_segment
        from segmentti.cli.options import as_of
        from segmentti.cli.projects import project_of_run, read_project
        from segmentti.cli.scan import scan_json
        from segmentti.engine.methods import K_MAX, K_METHODS, K_MIN
        from segmentti.engine.scanning import scan_fit, scan_k
        from segmentti.insight.personas import personas_from_result
        from segmentti.outputs.run import assemble_run

    engine = chosen_engine(args)
    if engine != "pandas":  # fitted on a sample, every customer labelled in chunks or on Spark's executors
        return run_segment(args, lang, engine)
    seed = integer(args.seed, "--seed")
    if args.k != "auto":
        k = integer(args.k, "--k")
        if not 2 <= k <= K_LIMIT:
            raise SegmenttiError("error.bad_k_option", value=args.k)
    project = read_project(args)
    if project is not None:
        return _run_project(args, project, lang)
    table, mapping = customers_and_mapping(args, lang)
    frame, features = engine_features(args, table.frame)
    scan = None
    if args.k == "auto" and args.method in K_METHODS:
        scan = scan_k(features, K_MIN, K_MAX, seed, method=args.method, background_reference=True)
        k = scan.recommended_k
    elif args.k == "auto":
        k = K_MIN  # hdbscan, rfm and rules decide the number of segments themselves
    if scan is not None:
        fitted = scan.fits.get(k)
    else:  # a k given by hand: the segments the scan (and the Segments page) makes at that k
        fitted = scan_fit(features, k, seed, method=args.method) if args.method in K_METHODS else None
    result = engine_segment(args, frame, features, k, seed, lang, fitted)
    # one set of names everywhere: segments.csv, summary.json, the lists, workbook and report
    personas = personas_from_result(frame, result, lang)
    run = assemble_run(
        frame,
        result,
        personas,
        lang,
        source=table.source_name,
        k_selection="auto" if scan else ("fixed" if args.method in K_METHODS else "method"),
        scan=scan_json(scan) if scan else None,
    )
    made = None
    if result.model is not None:  # clusters: the model and the project that make them again
        made = project_of_run(
            table,
            orders=mapping,
            as_of_day=as_of(args.as_of),
            overrides=kind_overrides(args.kinds, table.frame),
            features=features,
            method=args.method,
            k=result.segmentation.k,
            seed=seed,
            personas=personas,
        )
    return _finish(args, run, result, personas, made, table.source_name, lang)


def _run_project(args, project, lang: str) -> int:
    """``segment --project``: the project's decisions on INPUT (read as the project says unless options say otherwise)."""
    from segmentti.cli.inputs import read_input
    from segmentti.cli.projects import merged_load_options, sheet_of
    from segmentti.outputs.run import Pilot, assemble_run
    from segmentti.project.replay import run_project

    table = read_input(args, lang, options=merged_load_options(args, project), sheet=sheet_of(args, project))
    done = run_project(table.frame, project, lang)
    pilot = None if project.pilot_percent is None else Pilot(project.pilot_percent, project.pilot_seed)
    run = assemble_run(
        done.frame,
        done.result,
        done.personas,
        lang,
        source=table.source_name,
        pilot=pilot,
        k_selection="fixed" if project.k is not None else "auto",
        column_labels=project.column_labels,
    )
    return _finish(args, run, done.result, done.personas, project, table.source_name, lang)


def _finish(args, run, result, personas, project, source: str, lang: str) -> int:
    """Write the run's files, the model and the project into ``--out``, and say what was made."""
    from segmentti.cli.options import write_file
    from segmentti.cli.projects import write_project
    from segmentti.outputs.run import write_outputs
    from segmentti.project.saved_model import MODEL_FILE, model_to_bytes, save_model
    from segmentti.texts import format_number, translate

    features = result.features
    write_outputs(args.out, run)
    if project is not None and result.model is not None:
        saved = save_model(
            result.model,
            [persona.name for persona in personas],
            notes=[persona.notes for persona in personas],
            overrides=project.overrides,
            column_labels=project.column_labels,
            currency=project.currency or "",
            orders=project.orders,
            source=source,
        )
        write_file(Path(args.out) / MODEL_FILE, model_to_bytes(saved))
        write_project(args.out, project)
    rows = format_number(len(run.frame), lang)
    print(translate("cli.segment_done", lang, rows=rows, k=result.segmentation.k, out=str(args.out)))
    if features.dropped:
        print(translate("cli.dropped", lang, columns=", ".join(features.dropped)))
    for view in run.views:  # the figures as the reports show them, in the user's number format
        print(f"  {view.size_text:>7}  {view.share_text:>6}  {view.title}")
    return EXIT_OK
