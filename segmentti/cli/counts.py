"""What building customers from order lines counted and left out, said alike for every engine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmentti.texts import format_number, translate

if TYPE_CHECKING:  # a run on DuckDB reports its counts without importing pandas
    from segmentti.data.customer_sql import LineCounts
    from segmentti.data.orders import CustomerFeatures


def report_features(built: CustomerFeatures | LineCounts, lang: str, file=None) -> None:
    """What building customers from order lines counted and left out, in the user's number format.

    The same report for every engine: in memory (``CustomerFeatures``), DuckDB or Spark (``LineCounts``).
    """
    print(
        translate(
            "cli.features_done",
            lang,
            lines=format_number(built.lines, lang),
            customers=format_number(built.customers, lang),
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
