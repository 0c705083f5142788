"""INPUT as the commands read it: the file with the user's corrections, order lines made one row per customer."""

from __future__ import annotations

import argparse
import sys

from segmentti.cli.options import as_of, load_options, order_mapping
from segmentti.data.loading import LoadOptions, Table, read_file
from segmentti.data.orders import CustomerFeatures, build_customers
from segmentti.texts import format_number, translate


def read_input(
    args: argparse.Namespace, lang: str, *, options: LoadOptions | None = None, sheet: str | None = None
) -> Table:
    """INPUT read with the user's corrections (or ``options`` and ``sheet``); open day/month orders are pointed out."""
    table = read_file(args.input, sheet=sheet or args.sheet, options=load_options(args) if options is None else options)
    for column in table.ambiguous_dates:
        print(
            "warning: " + translate("cli.ambiguous_dates", lang, column=column, order=table.date_order),
            file=sys.stderr,
        )
    return table


def load_customers(args: argparse.Namespace, lang: str, quiet: bool = False) -> Table:
    """INPUT as one row per customer: read as it is, or built from order lines when --customer is given."""
    mapping = order_mapping(args)
    table = read_input(args, lang)
    if mapping is None:
        return table
    built = build_customers(table.frame, mapping, as_of(args.as_of))
    if not quiet:
        report_features(built, lang, file=sys.stderr)
    return Table(built.frame, table.source_name, table.file_format, table.separator, table.encoding, table.sheet)


def report_features(built: CustomerFeatures, lang: str, file=None) -> None:
    """What building customers from order lines counted and left out, in the user's number format."""
    print(
        translate(
            "cli.features_done",
            lang,
            lines=format_number(built.lines, lang),
            customers=format_number(len(built.frame), lang),
            purchase_lines=format_number(built.purchase_lines, lang),
            return_lines=format_number(built.return_lines, lang),
            spend=format_number(built.gross_spend, lang, 2),
            returns=format_number(built.returns_value, lang, 2),
            net=format_number(built.total_spend, lang, 2),
            as_of=built.as_of.date().isoformat(),
        ),
        file=file,
    )
    left_out = {
        "cli.left_out_no_id": built.lines_without_id,
        "cli.left_out_no_date": built.lines_without_date,
        "cli.left_out_no_amount": built.lines_without_amount,
        "cli.left_out_after_as_of": built.lines_after_as_of,
        "cli.zero_lines": built.zero_lines,
        "cli.left_out_only_returns": built.customers_without_purchase,
    }
    for key, count in left_out.items():
        if count:
            print("  " + translate(key, lang, count=format_number(count, lang)), file=file)
