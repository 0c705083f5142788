"""Options several commands share — reading INPUT, order lines, criteria, the engine — and their conversion."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from segmentti.choices import DATE_ORDERS, ENCODINGS, METHODS, Family, Preset
from segmentti.cli.parsing import help_text
from segmentti.errors import SegmenttiError

if TYPE_CHECKING:  # imported when used: parsing and --help load no pandas
    from segmentti.data.order_mapping import OrderMapping
    from segmentti.data.text_format import LoadOptions

K_LIMIT = 50  # the largest k a command accepts
ENGINE_METHODS: tuple[str, ...] = (*METHODS, "rfm", "rules")
_SEPARATOR_NAMES = {"comma": ",", "semicolon": ";", "tab": "\t", "bar": "|", "space": " "}


def add_customer_table_options(command: argparse.ArgumentParser, lang: str) -> None:
    """INPUT and what turns it into segments: order lines, reading, criteria, kinds, seed, engine."""
    command.add_argument("input", help=help_text("cli.help_input", lang))
    add_order_options(command, required=False, lang=lang)
    add_load_options(command, lang)
    chosen = command.add_mutually_exclusive_group()
    chosen.add_argument("--criteria", help=help_text("cli.help_criteria", lang))
    chosen.add_argument(
        "--preset", choices=[preset.value for preset in Preset], help=help_text("cli.help_preset", lang)
    )
    command.add_argument("--kinds", help=help_text("cli.help_kinds", lang))
    command.add_argument("--seed", default="0", help=help_text("cli.help_seed", lang))
    command.add_argument("--sheet", help=help_text("cli.help_sheet", lang))
    add_engine_options(command, lang)


def add_order_options(command: argparse.ArgumentParser, required: bool, lang: str, *, with_as_of: bool = True) -> None:
    """The options that read INPUT as order lines and build one row per customer first.

    ``with_as_of=False`` leaves out ``--as-of`` for a command with as-of days of its own (``compare``).
    """
    group = command.add_argument_group(
        help_text("cli.help_order_group" if required else "cli.help_order_group_optional", lang)
    )
    for option, key in [
        ("--customer", "cli.help_customer"),
        ("--date", "cli.help_date"),
        ("--amount", "cli.help_amount"),
        ("--quantity", "cli.help_quantity"),
        ("--price", "cli.help_price"),
        ("--category", "cli.help_category"),
        ("--channel", "cli.help_channel"),
        ("--order", "cli.help_order"),
    ]:
        group.add_argument(option, required=required and option == "--customer", help=help_text(key, lang))
    if with_as_of:
        group.add_argument("--as-of", dest="as_of", help=help_text("cli.help_as_of", lang))
    if not required:  # order lines are recognised by themselves; this says INPUT is customers after all
        group.add_argument(
            "--customer-table",
            dest="customer_table",
            action="store_true",
            help=help_text("cli.help_customer_table", lang),
        )


def add_load_options(command: argparse.ArgumentParser, lang: str) -> None:
    """Options that correct what is detected when reading INPUT (default: detect each)."""
    group = command.add_argument_group(help_text("cli.help_load_group", lang))
    group.add_argument("--separator", choices=list(_SEPARATOR_NAMES), help=help_text("cli.help_separator", lang))
    group.add_argument("--encoding", choices=list(ENCODINGS), help=help_text("cli.help_encoding", lang))
    group.add_argument("--decimal", choices=["dot", "comma"], help=help_text("cli.help_decimal", lang))
    group.add_argument("--header-row", dest="header_row", help=help_text("cli.help_header_row", lang))
    group.add_argument(
        "--date-order", dest="date_order", choices=list(DATE_ORDERS), help=help_text("cli.help_date_order", lang)
    )


def add_engine_options(command: argparse.ArgumentParser, lang: str) -> None:
    """--method, --weights and --rules."""
    command.add_argument("--method", choices=ENGINE_METHODS, default="kmeans", help=help_text("cli.help_method", lang))
    families = ", ".join(family.value for family in Family)
    command.add_argument("--weights", help=help_text("cli.help_weights", lang, families=families))
    command.add_argument("--rules", help=help_text("cli.help_rules", lang))


def integer(value: str, option: str) -> int:
    """``value`` of ``option`` as a whole number, or a message naming both."""
    try:
        return int(value)
    except ValueError:
        raise SegmenttiError("error.bad_integer", option=option, value=value) from None


def criteria_names(value: str | None) -> list[str] | None:
    """``--criteria A,B`` → ``["A", "B"]``; ``None`` when not given (the suggested default applies)."""
    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    return names or None


def load_options(args: argparse.Namespace) -> LoadOptions:
    """The user's corrections of what reading INPUT detects."""
    from segmentti.data.text_format import LoadOptions

    header_row = None if args.header_row is None else integer(args.header_row, "--header-row")
    return LoadOptions(
        separator=_SEPARATOR_NAMES.get(args.separator) if args.separator else None,
        encoding=args.encoding,
        decimal={"dot": ".", "comma": ","}.get(args.decimal) if args.decimal else None,
        header_row=header_row,
        date_order=args.date_order,
    )


def order_mapping(args: argparse.Namespace) -> OrderMapping | None:
    """The order-line columns given on the command line, or ``None`` when INPUT is a customer table."""
    given = [args.date, args.amount, args.quantity, args.price, args.category, args.channel, args.order]
    if args.customer is None:  # --as-of alone: the order lines' columns are recognised (see cli.inputs)
        if any(value is not None for value in given):
            raise SegmenttiError("error.cli_needs_customer")
        return None
    if args.date is None:
        raise SegmenttiError("error.cli_needs_date")
    if args.amount is not None and (args.quantity is not None or args.price is not None):
        raise SegmenttiError("error.cli_amount_or_quantity")
    if args.amount is None and (args.quantity is None or args.price is None):
        raise SegmenttiError("error.no_amount_mapping")
    from segmentti.data.order_mapping import OrderMapping

    return OrderMapping(
        customer=args.customer,
        date=args.date,
        amount=args.amount,
        quantity=args.quantity,
        price=args.price,
        category=args.category,
        channel=args.channel,
        order=args.order,
    )


def as_of(value: str | None) -> str | None:
    """``--as-of YYYY-MM-DD`` checked, or ``None``."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise SegmenttiError("error.bad_as_of", value=value) from None


def write_file(path: str | Path, content: bytes) -> None:
    """Write ``content`` to ``path`` (its folder made), or a message naming the path and the reason."""
    out = Path(path)
    try:
        if out.parent != Path():
            out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    except OSError as exc:
        raise SegmenttiError("error.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from None
