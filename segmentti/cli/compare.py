"""``segmentti compare OLD [NEW] (--model FILE | --rfm) --out DIR``: who moved between segments from one snapshot to the next."""

from __future__ import annotations

import argparse

from segmentti.cli.options import add_load_options, add_order_options
from segmentti.cli.parsing import EXIT_OK, help_text

HELP = "cli.help_compare"


def add_arguments(command: argparse.ArgumentParser, lang: str) -> None:
    command.add_argument("old", help=help_text("cli.help_old", lang))
    command.add_argument("new", nargs="?", help=help_text("cli.help_new", lang))
    command.add_argument("--model", help=help_text("cli.help_model", lang))
    command.add_argument("--rfm", action="store_true", help=help_text("cli.help_rfm_compare", lang))
    command.add_argument("--out", required=True, help=help_text("cli.help_out_compare", lang))
    command.add_argument("--as-of-old", dest="as_of_old", help=help_text("cli.help_as_of_old", lang))
    command.add_argument("--as-of-new", dest="as_of_new", help=help_text("cli.help_as_of_new", lang))
    command.add_argument("--sheet", help=help_text("cli.help_sheet", lang))
    add_order_options(command, required=False, lang=lang, with_as_of=False)
    add_load_options(command, lang)


def run(args: argparse.Namespace, lang: str) -> int:
    from pathlib import Path

    from segmentti.cli.options import as_of, write_file
    from segmentti.errors import SegmenttiError
    from segmentti.texts import translate

    if args.model is None and not args.rfm:
        raise SegmenttiError("error.compare_model_or_rfm")
    if args.model is not None and args.rfm:
        raise SegmenttiError("error.compare_model_and_rfm")
    days = as_of(args.as_of_old), as_of(args.as_of_new)
    if args.new is None and None in days:
        raise SegmenttiError("error.compare_needs_new")
    if None not in days and days[1] <= days[0]:
        raise SegmenttiError("error.compare_days_in_order", old=days[0], new=days[1])
    paths = (args.old, args.new or args.old)
    comparison, files = _compare_rfm(args, paths, days, lang) if args.rfm else _compare_model(args, paths, days, lang)
    for name, data in files.items():
        write_file(Path(args.out) / name, data)
    (Path(args.out) / "lists").mkdir(parents=True, exist_ok=True)  # the folder is there even when nobody moved
    _report(comparison, args.out, lang)
    if comparison.moved and not any(name.startswith("lists/") for name in files):
        print(translate("cli.compare_no_lists", lang))
    return EXIT_OK


def _compare_model(args: argparse.Namespace, paths, days, lang: str):
    """Both snapshots scored with the saved model of ``--model``: the comparison and its files."""
    from segmentti.cli.options import load_options
    from segmentti.cli.score import load_model
    from segmentti.data.loading import read_file
    from segmentti.errors import SegmenttiError
    from segmentti.project.comparison import compare_snapshots, comparison_files
    from segmentti.project.scoring import customers_to_score

    if args.customer is not None or args.customer_table:
        raise SegmenttiError("error.compare_model_maps_orders")
    saved = load_model(args.model)
    if saved.orders is None and days != (None, None):  # a customer table's figures are counted already
        raise SegmenttiError("error.rfm_compare_as_of_needs_orders")
    options = load_options(args)
    tables = {path: read_file(path, sheet=args.sheet, options=options) for path in dict.fromkeys(paths)}
    snapshots = [customers_to_score(tables[path].frame, saved, day) for path, day in zip(paths, days, strict=True)]
    comparison = compare_snapshots(*snapshots, saved, lang)
    return comparison, comparison_files(comparison, snapshots[1], lang)


def _compare_rfm(args: argparse.Namespace, paths, days, lang: str):
    """Both snapshots in the named RFM segments on the earlier one's edges: the comparison and its files.

    Order lines are given (``--customer …``) or recognised as the other commands recognise them;
    ``--customer-table`` (or a table that is not order lines) reads customers with the RFM columns.
    """
    import json
    import sys

    from segmentti.cli.counts import report_features
    from segmentti.cli.inputs import recognised_order_lines
    from segmentti.cli.options import load_options, order_mapping
    from segmentti.data.loading import read_file
    from segmentti.data.orders import build_customers
    from segmentti.engine.rfm import edges_text
    from segmentti.errors import SegmenttiError
    from segmentti.project.comparison import comparison_files
    from segmentti.project.rfm_comparison import EDGES_FILE, compare_rfm_snapshots, rfm_customers, snapshot_edges
    from segmentti.texts import translate

    if args.customer_table and args.customer is not None:
        raise SegmenttiError("error.cli_customer_table_with_orders")
    given = order_mapping(args)
    options = load_options(args)
    tables = {path: read_file(path, sheet=args.sheet, options=options) for path in dict.fromkeys(paths)}
    mappings = {}
    for path, table in tables.items():  # each file read, checked and recognised once, even at two days
        for column in table.ambiguous_dates:
            warning = translate("cli.ambiguous_dates", lang, column=column, order=table.date_order)
            print(f"warning: {warning}", file=sys.stderr)
        mappings[path] = given if given is not None or args.customer_table else recognised_order_lines(table, lang)
    snapshots = []
    for path, day in zip(paths, days, strict=True):
        table, mapping = tables[path], mappings[path]
        if mapping is None:
            snapshots.append(rfm_customers(table.frame, None, day))
            continue
        built = build_customers(table.frame, mapping, day)
        report_features(built, lang, file=sys.stderr)
        snapshots.append(built.frame)
    edges = snapshot_edges(snapshots[0])
    comparison = compare_rfm_snapshots(*snapshots, lang, edges=edges)
    files = comparison_files(comparison, snapshots[1], lang)
    files[EDGES_FILE] = (json.dumps({key: list(values) for key, values in edges.items()}, indent=2) + "\n").encode()
    print(
        translate(
            "cli.rfm_edges_used",
            lang,
            file=EDGES_FILE,
            **{key: edges_text(values, lang) for key, values in edges.items()},
        )
    )
    return comparison, files


def _report(comparison, out: str, lang: str) -> None:
    """Customers then and now, who moved, new and gone, and each segment's change, on stdout."""
    from segmentti.texts import format_number, translate

    counts = comparison.counts
    k = len(comparison.names)
    print(
        translate(
            "cli.compare_done",
            lang,
            then=format_number(int(counts.iloc[:k].to_numpy().sum()), lang),
            now=format_number(int(counts.iloc[:, :k].to_numpy().sum()), lang),
            moved=format_number(comparison.moved, lang),
            new=format_number(int(counts.iloc[k, :k].sum()), lang),
            gone=format_number(int(counts.iloc[:k, k].sum()), lang),
            out=out,
        )
    )
    for name, row in comparison.changes.iterrows():
        change = int(row["change"])
        print(
            f"  {name}: {format_number(int(row['customers_old']), lang)} → {format_number(int(row['customers_new']), lang)} ({change:+d})"
        )
