"""``segmentti compare OLD NEW --model FILE --out DIR``: who moved between segments from one snapshot to the next."""

from __future__ import annotations

import argparse

from segmentti.cli.options import add_load_options
from segmentti.cli.parsing import EXIT_OK, help_text

HELP = "cli.help_compare"


def add_arguments(command: argparse.ArgumentParser, lang: str) -> None:
    command.add_argument("old", help=help_text("cli.help_old", lang))
    command.add_argument("new", help=help_text("cli.help_new", lang))
    command.add_argument("--model", required=True, help=help_text("cli.help_model", lang))
    command.add_argument("--out", required=True, help=help_text("cli.help_out_compare", lang))
    command.add_argument("--as-of-old", dest="as_of_old", help=help_text("cli.help_as_of_old", lang))
    command.add_argument("--as-of-new", dest="as_of_new", help=help_text("cli.help_as_of_new", lang))
    command.add_argument("--sheet", help=help_text("cli.help_sheet", lang))
    add_load_options(command, lang)


def run(args: argparse.Namespace, lang: str) -> int:
    from pathlib import Path

    from segmentti.cli.options import as_of, load_options, write_file
    from segmentti.cli.score import load_model
    from segmentti.data.loading import read_file
    from segmentti.project.comparison import compare_snapshots, comparison_files
    from segmentti.project.scoring import customers_to_score
    from segmentti.texts import format_number, translate

    saved = load_model(args.model)
    options = load_options(args)
    snapshots = []
    for path, day in ((args.old, args.as_of_old), (args.new, args.as_of_new)):
        table = read_file(path, sheet=args.sheet, options=options)
        snapshots.append(customers_to_score(table.frame, saved, as_of(day)))
    comparison = compare_snapshots(*snapshots, saved, lang)
    files = comparison_files(comparison, snapshots[1], lang)
    for name, data in files.items():
        write_file(Path(args.out) / name, data)
    write_file(Path(args.out) / "lists" / ".keep", b"")  # the folder is there even when nobody moved
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
            out=args.out,
        )
    )
    for name, row in comparison.changes.iterrows():
        change = int(row["change"])
        print(
            f"  {name}: {format_number(int(row['customers_old']), lang)} → {format_number(int(row['customers_new']), lang)} ({change:+d})"
        )
    return EXIT_OK
