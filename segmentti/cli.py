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

from segmentti.data.columns import Family, Kind, Overrides, describe_columns
from segmentti.data.criteria import Preset, preset_criteria
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
from segmentti.texts import DEFAULT_LANGUAGE, LANGUAGES, format_number, language_from_locale, translate

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2
_K_LIMIT = 50


class _Parser(argparse.ArgumentParser):
    """An argument parser in one language whose usage errors are one ``error:`` line and exit status 2."""

    def __init__(self, *args, lang: str = DEFAULT_LANGUAGE, **kwargs) -> None:
        formatter = type("_Formatter", (_Formatter,), {"usage_prefix": translate("cli.usage", lang)})
        super().__init__(*args, formatter_class=formatter, add_help=False, **kwargs)
        self.lang = lang
        # argparse's own headings and -h come in English only: name them in the chosen language
        self._positionals.title = translate("cli.positional", lang)
        self._optionals.title = translate("cli.options", lang)
        self.add_argument("-h", "--help", action="help", help=translate("cli.help_help", lang))

    def error(self, message: str) -> NoReturn:
        see = translate("cli.see_help", self.lang, command=self.prog.split()[-1])
        print(f"error: {message} ({see})", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout with a translated ``usage:``."""

    usage_prefix = "usage: "

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


def language_of(argv: Sequence[str]) -> str:
    """The language of the command line: ``--lang`` wherever it stands in ``argv``, else LC_ALL or LANG, else en.

    Read before parsing so that ``--help`` and usage errors already speak it.
    """
    chosen = None
    for position, word in enumerate(argv):
        value = None
        if word == "--lang" and position + 1 < len(argv):
            value = argv[position + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            chosen = value  # the last one wins, as it does for argparse
    return chosen or language_from_locale(os.environ.get("LC_ALL") or os.environ.get("LANG"))


def build_parser(lang: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The parser of the command line, with its subcommands, its help in ``lang`` ("fi" or "en")."""

    def tr(key: str, **params: object) -> str:
        # argparse expands % in help texts: a literal percent sign has to be doubled
        return translate(key, lang, **params).replace("%", "%%")

    parser = _Parser(prog="segmentti", description=tr("cli.help_description"), lang=lang)
    # --lang before the subcommand too (`segmentti --lang fi scan ...`); the subcommand's own --lang
    # leaves the value alone unless given (SUPPRESS), so either place works
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("cli.help_lang"))
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, title=tr("cli.commands"), metavar="{segment,scan,features}"
    )

    def add_lang(command: argparse.ArgumentParser) -> None:
        command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=tr("cli.help_lang"))

    def add_common(command: argparse.ArgumentParser) -> None:
        command.add_argument("input", help=tr("cli.help_input"))
        _add_order_options(command, required=False, lang=lang)
        _add_load_options(command, lang)
        chosen = command.add_mutually_exclusive_group()
        chosen.add_argument("--criteria", help=tr("cli.help_criteria"))
        chosen.add_argument("--preset", choices=[preset.value for preset in Preset], help=tr("cli.help_preset"))
        command.add_argument("--kinds", help=tr("cli.help_kinds"))
        command.add_argument("--seed", default="0", help=tr("cli.help_seed"))
        command.add_argument("--sheet", help=tr("cli.help_sheet"))
        add_lang(command)
        _add_engine_options(command, lang)

    segment = commands.add_parser("segment", help=tr("cli.help_segment"), description=tr("cli.help_segment"), lang=lang)
    add_common(segment)
    segment.add_argument("--out", required=True, help=tr("cli.help_out_segment"))
    segment.add_argument("--k", default="auto", help=tr("cli.help_k"))

    scan = commands.add_parser("scan", help=tr("cli.help_scan"), description=tr("cli.help_scan"), lang=lang)
    add_common(scan)
    scan.add_argument("--k-min", default=str(K_MIN), help=tr("cli.help_k_min", k=K_MIN))
    scan.add_argument("--k-max", default=str(K_MAX), help=tr("cli.help_k_max", k=K_MAX))
    scan.add_argument("--json", action="store_true", help=tr("cli.help_json"))

    features = commands.add_parser(
        "features", help=tr("cli.help_features"), description=tr("cli.help_features"), lang=lang
    )
    features.add_argument("input", help=tr("cli.help_input_orders"))
    _add_order_options(features, required=True, lang=lang)
    _add_load_options(features, lang)
    features.add_argument("--sheet", help=tr("cli.help_sheet"))
    features.add_argument("--out", required=True, help=tr("cli.help_out_features"))
    add_lang(features)
    return parser


def _add_order_options(command: argparse.ArgumentParser, required: bool, lang: str) -> None:
    """The options that read INPUT as order lines and build one row per customer first."""
    group = command.add_argument_group(
        translate("cli.help_order_group" if required else "cli.help_order_group_optional", lang)
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
        group.add_argument(option, required=required and option == "--customer", help=translate(key, lang))
    group.add_argument("--as-of", dest="as_of", help=translate("cli.help_as_of", lang))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input or usage)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = language_of(argv)
    args = build_parser(lang).parse_args(argv)
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
    print(
        translate(
            "cli.segment_done", lang, rows=format_number(len(frame), lang), k=result.segmentation.k, out=str(args.out)
        )
    )
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
    print(format_scan_table(scan, lang))
    print(translate("cli.scan_recommended", lang, k=scan.recommended_k))
    print(scan.explain(lang))
    return EXIT_OK


# the scan table's columns: heading key, score attribute, decimals
_SCAN_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("cli.scan_k", "k", 0),
    ("cli.scan_inertia", "inertia", 2),
    ("cli.scan_silhouette", "silhouette", 4),
    ("cli.scan_calinski_harabasz", "calinski_harabasz", 2),
    ("cli.scan_davies_bouldin", "davies_bouldin", 4),
    ("cli.scan_stability", "stability", 3),
)


def format_scan_table(scan: KScan, lang: str) -> str:
    """The scores of a scan as a right-aligned text table in ``lang``, the recommended k marked ``*``.

    Headings and numbers follow the language (``0,5547`` in Finnish, ``0.5547`` in English); scripts
    read the same scores from ``scan --json``.

    Parameters
    ----------
    scan : KScan
        The scan to show, one row per scored k.
    lang : str
        ``"fi"`` or ``"en"``.
    """
    headings = [translate(key, lang) for key, _, _ in _SCAN_COLUMNS]
    rows = [
        [format_number(getattr(score, name), lang, decimals) for _, name, decimals in _SCAN_COLUMNS]
        for score in scan.scores
    ]
    widths = [max(len(cell) for cell in column) for column in zip(headings, *rows, strict=True)]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(headings, widths, strict=True))]
    for score, row in zip(scan.scores, rows, strict=True):
        mark = "  *" if score.k == scan.recommended_k else ""
        lines.append("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) + mark)
    return "\n".join(lines)


def _add_load_options(command: argparse.ArgumentParser, lang: str) -> None:
    """Options that correct what is detected when reading INPUT (default: detect each)."""
    group = command.add_argument_group(translate("cli.help_load_group", lang))
    group.add_argument(
        "--separator", choices=["comma", "semicolon", "tab", "bar"], help=translate("cli.help_separator", lang)
    )
    group.add_argument("--encoding", choices=list(ENCODINGS), help=translate("cli.help_encoding", lang))
    group.add_argument("--decimal", choices=["dot", "comma"], help=translate("cli.help_decimal", lang))
    group.add_argument("--header-row", dest="header_row", help=translate("cli.help_header_row", lang))
    group.add_argument(
        "--date-order", dest="date_order", choices=list(DATE_ORDERS), help=translate("cli.help_date_order", lang)
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


def _add_engine_options(command: argparse.ArgumentParser, lang: str) -> None:
    command.add_argument("--method", choices=ENGINE_METHODS, default="kmeans", help=translate("cli.help_method", lang))
    families = ", ".join(family.value for family in Family)
    command.add_argument("--weights", help=translate("cli.help_weights", lang, families=families))
    command.add_argument("--rules", help=translate("cli.help_rules", lang))


def _parse_weights(
    value: str | None, frame: pd.DataFrame, criteria: list[str], overrides: Overrides | None = None
) -> dict[str, float]:
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
    family_of = {info.name: info.family.value for info in describe_columns(frame[criteria], overrides)}
    return combine_weights(family_of, family_weights, column_weights)


def _kind_overrides(value: str | None, frame: pd.DataFrame) -> Overrides:
    """``--kinds COLUMN=numeric|categorical,...`` → the column corrections the library takes."""
    if not value:
        return {}
    kinds = {kind.value for kind in Kind}
    overrides: Overrides = {}
    for part in (piece.strip() for piece in value.split(",") if piece.strip()):
        name, equals, kind = (text.strip() for text in part.rpartition("="))
        if not equals or not name or kind not in kinds:
            raise SegmenttiError("error.bad_kinds_option", value=value, kinds=", ".join(sorted(kinds)))
        if name not in frame.columns:
            raise SegmenttiError("error.unknown_criteria", columns=name, available=", ".join(map(str, frame.columns)))
        overrides[name] = {"role": kind}
    return overrides


def _engine_features(args: argparse.Namespace, frame: pd.DataFrame) -> tuple[pd.DataFrame, FeatureMatrix]:
    """The frame to segment (RFM from order lines replaces it by one row per customer) and its features.

    The criteria are ``--criteria``, the ``--preset``'s or the suggested default; ``--kinds``
    sets how a column enters the clustering (else the detected kind: codes are categories).
    """
    criteria = _criteria(args.criteria)
    if getattr(args, "method", "kmeans") == "rfm" and not has_rfm_columns(frame):
        if not {"customer_id", "order_date", "amount_eur"} <= set(frame.columns):
            raise SegmenttiError(
                "error.rfm_missing_columns",
                columns=f"{RECENCY}, {FREQUENCY}, {MONETARY} (customer_id, order_date, amount_eur)",
                missing=", ".join(name for name in (RECENCY, FREQUENCY, MONETARY) if name not in frame.columns),
            )
        frame = summarize_orders(frame).reset_index()
    overrides = _kind_overrides(getattr(args, "kinds", None), frame)
    if criteria is None and getattr(args, "preset", None):
        criteria = preset_criteria(frame, args.preset, overrides)
    if getattr(args, "method", "kmeans") == "rfm":
        criteria = criteria or [RECENCY, FREQUENCY, MONETARY]
    chosen = resolve_criteria(frame, criteria, overrides)
    weights = _parse_weights(getattr(args, "weights", None), frame, chosen, overrides)
    return frame, build_features(frame, chosen, weights=weights, overrides=overrides)


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
