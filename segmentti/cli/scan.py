"""``segmentti scan INPUT``: how well each number of segments fits, and the k we recommend."""

from __future__ import annotations

import argparse
import json
import math
from typing import TYPE_CHECKING

from segmentti.cli.options import K_LIMIT, add_customer_table_options, integer
from segmentti.cli.parsing import EXIT_OK, help_text
from segmentti.cli.projects import add_project_option
from segmentti.errors import SegmenttiError
from segmentti.texts import format_number, translate

if TYPE_CHECKING:
    from segmentti.engine.scanning import KScan

HELP = "cli.help_scan"


def add_arguments(command: argparse.ArgumentParser, lang: str) -> None:
    from segmentti.choices import K_MAX, K_MIN

    add_customer_table_options(command, lang)
    command.add_argument("--k-min", default=str(K_MIN), help=help_text("cli.help_k_min", lang, k=K_MIN))
    command.add_argument("--k-max", default=str(K_MAX), help=help_text("cli.help_k_max", lang, k=K_MAX))
    command.add_argument("--json", action="store_true", help=help_text("cli.help_json", lang))
    add_project_option(command, lang)


def run(args: argparse.Namespace, lang: str) -> int:
    from segmentti.cli.process import libraries_loading

    with libraries_loading():
        from segmentti.cli.engine import engine_features
        from segmentti.cli.inputs import load_customers, read_input
        from segmentti.cli.projects import merged_load_options, read_project, sheet_of
        from segmentti.engine.methods import K_METHODS
        from segmentti.engine.scanning import scan_k

    seed = integer(args.seed, "--seed")
    k_min, k_max = integer(args.k_min, "--k-min"), integer(args.k_max, "--k-max")
    if k_min < 2 or k_max < k_min or k_max > K_LIMIT:
        raise SegmenttiError("error.bad_k_range", k_min=k_min, k_max=k_max)
    project = read_project(args)
    if project is not None:  # the project's reading of INPUT, criteria, kinds and weights
        from segmentti.project.replay import project_customers, project_features

        if project.method not in K_METHODS:
            raise SegmenttiError("error.scan_method", method=project.method)
        options, sheet = merged_load_options(args, project), sheet_of(args, project)
        table = read_input(args, lang, options=options, sheet=sheet)
        features = project_features(project_customers(table.frame, project), project)
        args.method, seed = project.method, project.seed
    else:
        table = load_customers(args, lang, quiet=args.json)
        if args.method not in K_METHODS:
            raise SegmenttiError("error.scan_method", method=args.method)
        _, features = engine_features(args, table.frame)
    scan = scan_k(features, k_min, k_max, seed, method=args.method, background_reference=True)
    if args.json:
        print(json.dumps(scan_json(scan) | {"criteria": list(features.criteria)}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(translate("cli.scan_header", lang, criteria=", ".join(features.criteria)))
    print(format_scan_table(scan, lang))
    print(translate("cli.scan_recommended", lang, k=scan.recommended_k))
    print(scan.explain(lang))
    return EXIT_OK


def scan_json(scan: KScan) -> dict:
    """A scan's choice and every k's scores as JSON values (``None`` where a score is not a number)."""
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
                "bic": _rounded(score.bic),
                "smallest_size": score.smallest_size,
                "reference_silhouette": _rounded(score.reference_silhouette),
                "reference_spread": _rounded(score.reference_spread),
                "excess_over_reference": _rounded(score.excess),
                "weakest_silhouette": _rounded(score.weakest_silhouette),
                "separation": _rounded(score.separation),
            }
            for score in scan.scores
        ],
    }


def _rounded(value: float) -> float | None:
    """``value`` rounded for JSON, ``None`` when it is not a finite number (JSON has no NaN or infinity)."""
    return round(value, 6) if math.isfinite(value) else None


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
