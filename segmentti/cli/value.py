"""``segmentti value ORDER_LINES --customer C --date D --amount A --out value.csv``: P(alive), expected purchases, value."""

from __future__ import annotations

import argparse
import json
import sys

from segmentti.cli.options import add_load_options, add_order_options, integer
from segmentti.cli.parsing import EXIT_OK, help_text
from segmentti.errors import SegmenttiError

HELP = "cli.help_value"


def add_arguments(command: argparse.ArgumentParser, lang: str) -> None:
    command.add_argument("input", help=help_text("cli.help_input_orders", lang))
    add_order_options(command, required=True, lang=lang)
    add_load_options(command, lang)
    command.add_argument("--sheet", help=help_text("cli.help_sheet", lang))
    command.add_argument("--unit", choices=["weeks", "days"], default="weeks", help=help_text("cli.help_unit", lang))
    command.add_argument("--horizon", default="365", help=help_text("cli.help_horizon", lang))
    command.add_argument("--discount", default="0", help=help_text("cli.help_discount", lang))
    command.add_argument("--out", required=True, help=help_text("cli.help_out_value", lang))
    command.add_argument("--json", action="store_true", help=help_text("cli.help_value_json", lang))


def _rate(value: str) -> float:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise SegmenttiError("error.value_discount", discount=value) from None


def run(args: argparse.Namespace, lang: str) -> int:
    from segmentti.cli.inputs import read_input
    from segmentti.cli.options import as_of, order_mapping, write_file
    from segmentti.engine.value.history import purchase_days, summarize_history
    from segmentti.engine.value.prediction import RISK_KEYS, estimate_value, risk_name
    from segmentti.outputs.tables import to_csv_bytes
    from segmentti.texts import format_number, translate

    horizon = integer(args.horizon, "--horizon")
    discount = _rate(args.discount)
    mapping = order_mapping(args)
    table = read_input(args, lang)
    history = summarize_history(purchase_days(table.frame, mapping), as_of(args.as_of), args.unit)  # type: ignore[arg-type]
    value = estimate_value(history, horizon, discount)
    rows = value.table.reset_index()
    rows["churn_risk_name"] = [risk_name(key, lang) for key in rows["churn_risk"]]
    write_file(args.out, to_csv_bytes(rows))
    for key in value.warnings:
        print("warning: " + translate(key, lang), file=sys.stderr)
    if args.json:
        print(json.dumps(value.summary(), ensure_ascii=False))
        return EXIT_OK
    print(
        translate(
            "cli.value_done",
            lang,
            customers=format_number(len(rows), lang),
            repeat=format_number(history.repeat_buyers, lang),
            as_of=history.as_of.date().isoformat(),
            unit=translate(f"value.unit_{args.unit}", lang),
            **value.parameter_figures(lang),
        )
    )
    print(
        translate(
            "cli.value_totals",
            lang,
            days=format_number(horizon, lang),
            purchases=format_number(rows[value.purchases_column].sum(), lang),
            value=format_number(rows["predicted_value"].sum(), lang, 2),
        )
    )
    counts = rows["churn_risk"].value_counts()
    bands = ", ".join(f"{risk_name(key, lang)} {format_number(int(counts.get(key, 0)), lang)}" for key in RISK_KEYS)
    print(translate("cli.value_risk", lang, bands=bands))
    print(translate("cli.value_written", lang, out=str(args.out)))
    return EXIT_OK
