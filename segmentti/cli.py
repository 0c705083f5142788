"""The command line: ``python -m segmentti segment|scan INPUT ...`` for monthly jobs and automation."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import pandas as pd

from segmentti.data.columns import Family, describe_columns
from segmentti.data.loading import DATE_ORDERS, ENCODINGS, LoadOptions, Table, read_file
from segmentti.data.orders import CustomerFeatures, OrderMapping, build_customers
from segmentti.engine.clustering import K_MAX, K_METHODS, K_MIN, METHODS
from segmentti.engine.features import FeatureMatrix, build_features, combine_weights, resolve_criteria
from segmentti.engine.rfm import FREQUENCY, MONETARY, RECENCY, has_rfm_columns, score_rfm, summarize_orders
from segmentti.engine.rules import rules_from_json
from segmentti.engine.scanning import KScan, scan_k
from segmentti.engine.workflow import SegmentationResult, segment_by_rfm, segment_by_rules, segment_features
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import personas_from_result
from segmentti.outputs.run import assemble_run, write_outputs
from segmentti.outputs.tables import to_csv_bytes
from segmentti.texts import LANGUAGES, format_number, language_from_locale, translate

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2
_K_LIMIT = 50


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one ``error:`` line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        print(f"error: {message} (see: python -m segmentti {self.prog.split()[-1]} --help)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The parser of the command line, with its two subcommands."""
    parser = _Parser(prog="segmentti", description="Customer segmentation: segment a customer table or scan k.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add_common(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "input", help="customer table (or order lines, see --customer): .csv, .tsv, .txt, .csv.gz, .zip or .xlsx"
        )
        _add_order_options(command, required=False)
        _add_load_options(command)
        command.add_argument(
            "--criteria",
            help="columns to segment on, comma-separated (default: the usable "
            "numeric and categorical columns; never ids, names, emails or free text)",
        )
        command.add_argument("--seed", default="0", help="random seed (default 0)")
        command.add_argument("--sheet", help="Excel sheet to read (default: the first)")
        command.add_argument(
            "--lang", choices=LANGUAGES, help="language of messages and segment names (default: from LANG, else en)"
        )
        _add_engine_options(command)

    segment = commands.add_parser("segment", help="segment customers and write segments.csv and summary.json")
    add_common(segment)
    segment.add_argument("--out", required=True, help="folder to write segments.csv and summary.json into")
    segment.add_argument(
        "--k", default="auto", help="number of segments 2–50, or auto (default: the recommended k of a scan over 2–10)"
    )

    scan = commands.add_parser("scan", help="score k = k-min … k-max and recommend one")
    add_common(scan)
    scan.add_argument("--k-min", default=str(K_MIN), help=f"smallest k (default {K_MIN})")
    scan.add_argument("--k-max", default=str(K_MAX), help=f"largest k (default {K_MAX})")
    scan.add_argument("--json", action="store_true", help="print the scores as JSON")

    features = commands.add_parser(
        "features", help="turn order lines into one row per customer (recency, orders, spend, returns, shares)"
    )
    features.add_argument("input", help="order lines: .csv, .tsv, .txt, .csv.gz, .zip or .xlsx")
    _add_order_options(features, required=True)
    _add_load_options(features)
    features.add_argument("--sheet", help="Excel sheet to read (default: the first)")
    features.add_argument("--out", required=True, help="CSV file to write the customers to")
    features.add_argument("--lang", choices=LANGUAGES, help="language of messages (default: from LANG, else en)")
    return parser


def _add_order_options(command: argparse.ArgumentParser, required: bool) -> None:
    """The options that read INPUT as order lines and build one row per customer first."""
    group = command.add_argument_group(
        "order lines" + ("" if required else " (give --customer to read INPUT as order lines)")
    )
    group.add_argument("--customer", required=required, help="customer id column of the order lines")
    group.add_argument("--date", help="order date column")
    group.add_argument("--amount", help="line amount column (or give --quantity and --price)")
    group.add_argument("--quantity", help="quantity column, multiplied by --price")
    group.add_argument("--price", help="unit price column")
    group.add_argument("--category", help="product category column (share of spend per top category)")
    group.add_argument("--channel", help="sales channel column (share of spend per channel)")
    group.add_argument("--order", help="order or invoice id column (default: one order per purchase time)")
    group.add_argument(
        "--as-of", dest="as_of", help="YYYY-MM-DD recency is counted to (default: the day after the last order)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input or usage)."""
    args = build_parser().parse_args(argv)
    lang = args.lang or language_from_locale(os.environ.get("LC_ALL") or os.environ.get("LANG"))
    try:
        if args.command == "segment":
            return _run_segment(args, lang)
        if args.command == "features":
            return _run_features(args, lang)
        return _run_scan(args, lang)
    except SegmenttiError as error:
        print(f"error: {error.message(lang)}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # a bug of ours: say so in one line instead of a traceback
        if os.environ.get("SEGMENTTI_DEBUG"):
            raise
        print(f"error: {translate('cli.internal_error', lang, error=repr(error))}", file=sys.stderr)
        return EXIT_INTERNAL


def _integer(value: str, option: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise SegmenttiError("error.bad_integer", option=option, value=value) from None


def _criteria(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    return names or None


def _run_segment(args: argparse.Namespace, lang: str) -> int:
    seed = _integer(args.seed, "--seed")
    if args.k != "auto":
        k = _integer(args.k, "--k")
        if not 2 <= k <= _K_LIMIT:
            raise SegmenttiError("error.bad_k_option", value=args.k)
    table = _load_customers(args, lang)
    frame, features = _engine_features(args, table.frame)
    scan = None
    if args.k == "auto" and args.method in K_METHODS:
        scan = scan_k(features, K_MIN, K_MAX, seed, method=args.method)
        k = scan.recommended_k
    elif args.k == "auto":
        k = K_MIN  # hdbscan, rfm and rules decide the number of segments themselves
    result = _engine_segment(args, frame, features, k, seed, lang)
    # one set of names everywhere: segments.csv, summary.json, the lists, workbook and report
    personas = personas_from_result(frame, result, lang)
    run = assemble_run(
        frame,
        result,
        personas,
        lang,
        source=table.source_name,
        k_selection="auto" if scan else ("fixed" if args.method in K_METHODS else "method"),
        scan=_scan_json(scan) if scan else None,
    )
    write_outputs(args.out, run)
    print(translate("cli.segment_done", lang, rows=len(frame), k=result.segmentation.k, out=str(args.out)))
    if features.dropped:
        print(translate("cli.dropped", lang, columns=", ".join(features.dropped)))
    for view in run.views:  # the figures as the reports show them, in the user's number format
        print(f"  {view.size_text:>7}  {view.share_text:>6}  {view.title}")
    return EXIT_OK


def _scan_json(scan: KScan) -> dict:
    return {
        "recommended_k": scan.recommended_k,
        "recommendation_reason": scan.reason,
        "clear_structure": scan.clear_structure,
        "best_k": scan.best_k,
        "method": scan.method,
        "silhouette_sample_size": scan.silhouette_sample_size,
        "scores": [
            {
                "k": score.k,
                "inertia": round(score.inertia, 6),
                "silhouette": round(score.silhouette, 6),
                "calinski_harabasz": round(score.calinski_harabasz, 6),
                "davies_bouldin": round(score.davies_bouldin, 6),
                "stability": round(score.stability, 6),
                "bic": None if score.bic != score.bic else round(score.bic, 6),
                "smallest_size": score.smallest_size,
                "reference_silhouette": _rounded(score.reference_silhouette),
                "reference_spread": _rounded(score.reference_spread),
                "excess_over_reference": _rounded(score.excess),
            }
            for score in scan.scores
        ],
    }


def _rounded(value: float) -> float | None:
    """``value`` rounded for JSON, ``None`` when it is not a number (JSON has no NaN)."""
    return None if value != value else round(value, 6)


def _run_scan(args: argparse.Namespace, lang: str) -> int:
    seed = _integer(args.seed, "--seed")
    k_min, k_max = _integer(args.k_min, "--k-min"), _integer(args.k_max, "--k-max")
    if k_min < 2 or k_max < k_min or k_max > _K_LIMIT:
        raise SegmenttiError("error.bad_k_range", k_min=k_min, k_max=k_max)
    table = _load_customers(args, lang, quiet=args.json)
    if args.method not in K_METHODS:
        raise SegmenttiError("error.scan_method", method=args.method)
    _, features = _engine_features(args, table.frame)
    scan = scan_k(features, k_min, k_max, seed, method=args.method)
    if args.json:
        print(json.dumps(_scan_json(scan) | {"criteria": list(features.criteria)}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(translate("cli.scan_header", lang, criteria=", ".join(features.criteria)))
    print(
        f"{'k':>3}  {'inertia':>14}  {'silhouette':>10}  {'calinski_harabasz':>17}  {'davies_bouldin':>14}  "
        f"{'stability':>9}"
    )
    for score in scan.scores:
        mark = "  *" if score.k == scan.recommended_k else ""
        print(
            f"{score.k:>3}  {score.inertia:>14.2f}  {score.silhouette:>10.4f}  "
            f"{score.calinski_harabasz:>17.2f}  {score.davies_bouldin:>14.4f}  {score.stability:>9.3f}{mark}"
        )
    print(f"recommended_k: {scan.recommended_k}")
    print(scan.explain(lang))
    return EXIT_OK


def _add_load_options(command: argparse.ArgumentParser) -> None:
    """Options that correct what is detected when reading INPUT (default: detect each)."""
    group = command.add_argument_group("reading the file (default: detected)")
    group.add_argument("--separator", choices=["comma", "semicolon", "tab", "bar"], help="field separator")
    group.add_argument("--encoding", choices=list(ENCODINGS), help="text encoding")
    group.add_argument("--decimal", choices=["dot", "comma"], help="decimal mark of numbers")
    group.add_argument("--header-row", dest="header_row", help="line (or Excel row) of the header, from 1")
    group.add_argument(
        "--date-order", dest="date_order", choices=list(DATE_ORDERS), help="dmy (31.12.2025) or mdy (12/31/2025)"
    )


_SEPARATOR_NAMES = {"comma": ",", "semicolon": ";", "tab": "\t", "bar": "|"}


def _load_options(args: argparse.Namespace) -> LoadOptions:
    header_row = None if args.header_row is None else _integer(args.header_row, "--header-row")
    return LoadOptions(
        separator=_SEPARATOR_NAMES.get(args.separator) if args.separator else None,
        encoding=args.encoding,
        decimal={"dot": ".", "comma": ","}.get(args.decimal) if args.decimal else None,
        header_row=header_row,
        date_order=args.date_order,
    )


def _read_input(args: argparse.Namespace, lang: str) -> Table:
    """INPUT read with the user's corrections; dates whose day/month order is open are pointed out."""
    table = read_file(args.input, sheet=args.sheet, options=_load_options(args))
    for column in table.ambiguous_dates:
        print(
            "warning: " + translate("cli.ambiguous_dates", lang, column=column, order=table.date_order),
            file=sys.stderr,
        )
    return table


def _order_mapping(args: argparse.Namespace) -> OrderMapping | None:
    """The order-line columns given on the command line, or ``None`` when INPUT is a customer table."""
    given = [args.date, args.amount, args.quantity, args.price, args.category, args.channel, args.order, args.as_of]
    if args.customer is None:
        if any(value is not None for value in given):
            raise SegmenttiError("error.cli_needs_customer")
        return None
    if args.date is None:
        raise SegmenttiError("error.cli_needs_date")
    if args.amount is not None and (args.quantity is not None or args.price is not None):
        raise SegmenttiError("error.cli_amount_or_quantity")
    if args.amount is None and (args.quantity is None or args.price is None):
        raise SegmenttiError("error.no_amount_mapping")
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


def _as_of(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise SegmenttiError("error.bad_as_of", value=value) from None


def _load_customers(args: argparse.Namespace, lang: str, quiet: bool = False) -> Table:
    """INPUT as one row per customer: read as it is, or built from order lines when --customer is given."""
    mapping = _order_mapping(args)
    table = _read_input(args, lang)
    if mapping is None:
        return table
    built = build_customers(table.frame, mapping, _as_of(args.as_of))
    if not quiet:
        _report_features(built, lang, file=sys.stderr)
    return Table(built.frame, table.source_name, table.file_format, table.separator, table.encoding, table.sheet)


def _report_features(built: CustomerFeatures, lang: str, file=None) -> None:
    print(
        translate(
            "cli.features_done",
            lang,
            lines=built.lines,
            customers=len(built.frame),
            purchase_lines=built.purchase_lines,
            return_lines=built.return_lines,
            spend=format_number(built.total_spend, lang, 2),
            as_of=built.as_of.date().isoformat(),
        ),
        file=file,
    )
    left_out = {
        "cli.left_out_no_id": built.lines_without_id,
        "cli.left_out_no_date": built.lines_without_date,
        "cli.left_out_no_amount": built.lines_without_amount,
        "cli.left_out_after_as_of": built.lines_after_as_of,
        "cli.left_out_only_returns": built.customers_without_purchase,
    }
    for key, count in left_out.items():
        if count:
            print("  " + translate(key, lang, count=count), file=file)


def _run_features(args: argparse.Namespace, lang: str) -> int:
    mapping = _order_mapping(args)
    table = _read_input(args, lang)
    built = build_customers(table.frame, mapping, _as_of(args.as_of))  # type: ignore[arg-type]
    out = Path(args.out)
    try:
        if out.parent != Path():
            out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(to_csv_bytes(built.frame))
    except OSError as exc:
        raise SegmenttiError("error.cannot_write", path=str(out), reason=exc.strerror or str(exc)) from None
    _report_features(built, lang)
    print(translate("cli.features_written", lang, out=str(out)))
    return EXIT_OK


# --- the segmentation engine's options: --method, --weights, --rules ---------------------------

ENGINE_METHODS: tuple[str, ...] = (*METHODS, "rfm", "rules")


def _add_engine_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--method",
        choices=ENGINE_METHODS,
        default="kmeans",
        help="kmeans (default), gmm, ward, hdbscan; for segment also rfm (needs recency_days, orders, "
        "total_spend or order lines customer_id, order_date, amount_eur) and rules (needs --rules)",
    )
    command.add_argument(
        "--weights",
        help="weights per criteria family or column, e.g. behavioural=2,age=0.5 "
        "(families: " + ", ".join(family.value for family in Family) + "; 0 leaves out)",
    )
    command.add_argument("--rules", help="rules JSON file for --method rules (as saved by the app's Rules page)")


def _parse_weights(value: str | None, frame: pd.DataFrame, criteria: list[str]) -> dict[str, float]:
    """``FAMILY=W,COLUMN=W`` → one weight per criterion (family weight × column weight)."""
    if not value:
        return {}
    family_weights: dict[str, float] = {}
    column_weights: dict[str, float] = {}
    families = {family.value for family in Family}
    for part in (piece.strip() for piece in value.split(",") if piece.strip()):
        name, equals, number = part.rpartition("=")
        try:
            weight = float(number.replace(",", "."))
        except ValueError:
            raise SegmenttiError("error.bad_weights_option", value=value) from None
        name = name.strip()
        if not equals or not name:
            raise SegmenttiError("error.bad_weights_option", value=value)
        if name in families:
            family_weights[name] = weight
        elif name in frame.columns:
            column_weights[name] = weight
        else:
            raise SegmenttiError("error.unknown_weight_name", name=name, families=", ".join(sorted(families)))
    family_of = {info.name: info.family.value for info in describe_columns(frame[criteria])}
    return combine_weights(family_of, family_weights, column_weights)


def _engine_features(args: argparse.Namespace, frame: pd.DataFrame) -> tuple[pd.DataFrame, FeatureMatrix]:
    """The frame to segment (RFM from order lines replaces it by one row per customer) and its features."""
    criteria = _criteria(args.criteria)
    if getattr(args, "method", "kmeans") == "rfm":
        if not has_rfm_columns(frame):
            if not {"customer_id", "order_date", "amount_eur"} <= set(frame.columns):
                raise SegmenttiError(
                    "error.rfm_missing_columns",
                    columns=f"{RECENCY}, {FREQUENCY}, {MONETARY} (customer_id, order_date, amount_eur)",
                    missing=", ".join(name for name in (RECENCY, FREQUENCY, MONETARY) if name not in frame.columns),
                )
            frame = summarize_orders(frame).reset_index()
        criteria = criteria or [RECENCY, FREQUENCY, MONETARY]
    chosen = resolve_criteria(frame, criteria)
    weights = _parse_weights(getattr(args, "weights", None), frame, chosen)
    return frame, build_features(frame, chosen, weights=weights)


def _engine_segment(
    args: argparse.Namespace, frame: pd.DataFrame, features: FeatureMatrix, k: int, seed: int, lang: str
) -> SegmentationResult:
    """Segment with the method of ``--method``."""
    if args.method == "rfm":
        return segment_by_rfm(frame, score_rfm(frame), features, lang)
    if args.method == "rules":
        if not args.rules:
            raise SegmenttiError("error.rules_none")
        try:
            text = Path(args.rules).read_bytes()
        except OSError as exc:
            raise SegmenttiError("error.file_unreadable", path=args.rules, reason=exc.strerror or str(exc)) from None
        return segment_by_rules(frame, rules_from_json(text), features, lang)
    return segment_features(frame, features, k, seed, lang, method=args.method)
