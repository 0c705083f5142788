"""``segmentti features ORDER_LINES --customer C --date D --amount A --out customers.csv``: one row per customer."""

from __future__ import annotations

import argparse

from segmentti.cli.large import add_large_options
from segmentti.cli.options import add_load_options, add_order_options
from segmentti.cli.parsing import EXIT_OK, help_text

HELP = "cli.help_features"


def add_arguments(command: argparse.ArgumentParser, lang: str) -> None:
    command.add_argument("input", help=help_text("cli.help_input_orders", lang))
    add_order_options(command, required=True, lang=lang)
    add_load_options(command, lang)
    command.add_argument("--sheet", help=help_text("cli.help_sheet", lang))
    command.add_argument("--out", required=True, help=help_text("cli.help_out_features", lang))
    add_large_options(command, lang, features=True)


def run(args: argparse.Namespace, lang: str) -> int:
    from segmentti.cli.large import chosen_engine, run_features

    engine = chosen_engine(args, features=True)
    if engine != "pandas":  # DuckDB reads a large file faster, and streams one larger than memory; Spark: a cluster
        done = run_features(args, lang, engine, may_fall_back=args.engine == "auto")
        if done is not None:
            return done
    from segmentti.cli.counts import report_features
    from segmentti.cli.inputs import read_input
    from segmentti.cli.options import as_of, order_mapping, write_file
    from segmentti.data.orders import build_customers
    from segmentti.outputs.tables import to_csv_bytes
    from segmentti.texts import translate

    mapping = order_mapping(args)
    table = read_input(args, lang)
    built = build_customers(table.frame, mapping, as_of(args.as_of))  # type: ignore[arg-type]
    write_file(args.out, to_csv_bytes(built.frame))
    report_features(built, lang)
    print(translate("cli.features_written", lang, out=str(args.out)))
    return EXIT_OK
