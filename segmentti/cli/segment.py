"""``segmentti segment INPUT --out DIR``: segments, contact lists, personas, report and workbook for a monthly job."""

from __future__ import annotations

import argparse

from segmentti.cli.options import K_LIMIT, add_customer_table_options, integer
from segmentti.cli.parsing import EXIT_OK, help_text
from segmentti.errors import SegmenttiError

HELP = "cli.help_segment"


def add_arguments(command: argparse.ArgumentParser, lang: str) -> None:
    add_customer_table_options(command, lang)
    command.add_argument("--out", required=True, help=help_text("cli.help_out_segment", lang))
    command.add_argument("--k", default="auto", help=help_text("cli.help_k", lang))


def run(args: argparse.Namespace, lang: str) -> int:
    from segmentti.cli.engine import engine_features, engine_segment
    from segmentti.cli.inputs import load_customers
    from segmentti.cli.scan import scan_json
    from segmentti.engine.methods import K_MAX, K_METHODS, K_MIN
    from segmentti.engine.scanning import scan_k
    from segmentti.insight.personas import personas_from_result
    from segmentti.outputs.run import assemble_run, write_outputs
    from segmentti.texts import format_number, translate

    seed = integer(args.seed, "--seed")
    if args.k != "auto":
        k = integer(args.k, "--k")
        if not 2 <= k <= K_LIMIT:
            raise SegmenttiError("error.bad_k_option", value=args.k)
    table = load_customers(args, lang)
    frame, features = engine_features(args, table.frame)
    scan = None
    if args.k == "auto" and args.method in K_METHODS:
        scan = scan_k(features, K_MIN, K_MAX, seed, method=args.method)
        k = scan.recommended_k
    elif args.k == "auto":
        k = K_MIN  # hdbscan, rfm and rules decide the number of segments themselves
    result = engine_segment(args, frame, features, k, seed, lang)
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
    write_outputs(args.out, run)
    rows = format_number(len(frame), lang)
    print(translate("cli.segment_done", lang, rows=rows, k=result.segmentation.k, out=str(args.out)))
    if features.dropped:
        print(translate("cli.dropped", lang, columns=", ".join(features.dropped)))
    for view in run.views:  # the figures as the reports show them, in the user's number format
        print(f"  {view.size_text:>7}  {view.share_text:>6}  {view.title}")
    return EXIT_OK
