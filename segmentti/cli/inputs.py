"""INPUT as the commands read it: the file with the user's corrections, order lines made one row per customer."""

from __future__ import annotations

import argparse
import re
import shlex
import sys

from segmentti.cli.counts import report_features
from segmentti.cli.options import as_of, load_options, order_mapping
from segmentti.data.loading import LoadOptions, Table, read_file
from segmentti.data.order_detection import guess_order_lines
from segmentti.data.orders import OrderMapping, build_customers
from segmentti.errors import SegmenttiError
from segmentti.texts import format_number, translate

_PLAIN_WORD = re.compile(r"[\w@%+=:,./-]+")


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
    """INPUT as one row per customer: built from order lines (given or recognised), or read as it is.

    Order lines are recognised the way the app recognises them unless ``--customer-table`` says
    INPUT is customers already; the columns used are said on stderr with the options that change them.
    """
    return customers_and_mapping(args, lang, quiet)[0]


def customers_and_mapping(
    args: argparse.Namespace, lang: str, quiet: bool = False
) -> tuple[Table, OrderMapping | None]:
    """:func:`load_customers` and the order-line mapping it used (``None`` when INPUT was customers already)."""
    as_customers = getattr(args, "customer_table", False)
    if as_customers and args.customer is not None:
        raise SegmenttiError("error.cli_customer_table_with_orders")
    mapping = order_mapping(args)
    table = read_input(args, lang)
    if mapping is None and not as_customers:
        mapping = recognised_order_lines(table, lang)
    if mapping is None:
        if getattr(args, "as_of", None) is not None:  # an as-of day means order lines, and these were not recognised
            raise SegmenttiError("error.cli_needs_customer")
        return table, None
    built = build_customers(table.frame, mapping, as_of(args.as_of))
    if not quiet:
        report_features(built, lang, file=sys.stderr)
    customers = Table(built.frame, table.source_name, table.file_format, table.separator, table.encoding, table.sheet)
    return customers, mapping


def recognised_order_lines(table: Table, lang: str) -> OrderMapping | None:
    """The columns of order lines recognised in ``table`` (said on stderr with how to override), or ``None``."""
    guess = guess_order_lines(table.frame)
    if not guess.is_order_lines or guess.mapping is None:
        return None
    print(
        translate(
            "cli.orders_recognised",
            lang,
            name=table.source_name,
            per=format_number(guess.lines_per_customer, lang, 1),
            options=mapping_options(guess.mapping),
        ),
        file=sys.stderr,
    )
    return guess.mapping


def mapping_options(mapping: OrderMapping) -> str:
    """The command-line options that give ``mapping`` (``--customer CustomerID --date InvoiceDate …``)."""
    fields = ("customer", "date", "amount", "quantity", "price", "category", "channel", "order")
    given = [(field, getattr(mapping, field)) for field in fields if getattr(mapping, field) is not None]
    return " ".join(f"--{field} {_shell_word(str(column))}" for field, column in given)


def _shell_word(text: str) -> str:
    """``text`` as one shell word: quoted only when it holds spaces or shell characters (``päivämäärä`` stays as it is)."""
    return text if _PLAIN_WORD.fullmatch(text) else shlex.quote(text)
