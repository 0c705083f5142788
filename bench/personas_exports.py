"""Benchmark: personas and every export for 100,000 customers, against plain pandas CSV writing as the baseline.

Run: .venv/bin/python bench/personas_exports.py [--customers 100000] [--retail PATH]

Prints seconds and output sizes per step. The baseline (``DataFrame.to_csv`` of the same
labelled table, measured in the same run) shows what any export of this size costs.
With the UCI Online Retail file (default ../shared/realdata/online_retail.csv.gz) it also
builds the per-customer order features (the column names the loading step uses) and prints
the personas' KPIs and actions: a real-data check of the KPI and rule code.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from segmentti.data.samples import load_sample  # noqa: E402
from segmentti.engine.workflow import segment_table  # noqa: E402
from segmentti.insight.personas import describe_trait, format_kpi, personas_from_result  # noqa: E402
from segmentti.outputs.run import (  # noqa: E402
    FINNISH_CSV,
    LISTS_ZIP,
    PERSONAS_MD,
    REPORT_HTML,
    SEGMENTS_CSV,
    SUMMARY_JSON,
    WORKBOOK,
    Pilot,
    assemble_run,
)

QUICK_ARGS = ["--customers", "2000"]  # for bench/run.py --quick: every step runs, in seconds
REALDATA = ROOT.parent / "shared" / "realdata" / "online_retail.csv.gz"


def timed(label: str, action):
    start = time.perf_counter()
    value = action()
    seconds = time.perf_counter() - start
    size = f"{len(value) / 1e6:8.1f} MB" if isinstance(value, bytes | str) else ""
    print(f"  {label:<42} {seconds:7.2f} s  {size}")
    return value, seconds


def synthetic_customers(count: int, seed: int = 0) -> pd.DataFrame:
    """The consumer sample resampled to ``count`` rows with unique emails and order features."""
    sample = load_sample("b2c_customers").frame
    rng = np.random.default_rng(seed)
    frame = sample.iloc[rng.integers(0, len(sample), count)].reset_index(drop=True)
    frame["customer_id"] = [f"C{index:07d}" for index in range(count)]
    frame["email"] = [f"customer{index}@example.fi" for index in range(count)]
    orders = rng.poisson(4, count) + 1
    frame["orders"] = orders
    frame["total_spend"] = np.round(orders * rng.gamma(2.0, 40.0, count), 2)
    frame["avg_order_value"] = np.round(frame["total_spend"] / orders, 2)
    frame["recency_days"] = rng.integers(0, 720, count)
    frame["returns"] = rng.poisson(0.3, count)
    shares = rng.dirichlet(np.ones(4), count)
    for position, category in enumerate(["Fishing", "Running", "Home", "Electronics"]):
        frame[f"category_share_{category}"] = np.round(shares[:, position], 4)
    return frame


def bench_exports(count: int) -> None:
    print(f"Exports for {count:,} customers (k = 5, criteria: the suggested ones)")
    frame = synthetic_customers(count)
    result, _ = timed("segment (k-means, for context)", lambda: segment_table(frame, None, 5, lang="fi"))
    personas, _ = timed("build personas", lambda: personas_from_result(frame, result, "fi"))
    run, _ = timed(
        "assemble the run (nothing built yet)",
        lambda: assemble_run(frame, result, personas, "fi", source="synthetic", pilot=Pilot(10, 0)),
    )
    timed("customers with their segment (labelled table)", lambda: run.labelled)
    _, baseline = timed("BASELINE DataFrame.to_csv (all customers)", lambda: run.labelled.to_csv(index=False).encode())
    _, csv = timed("segments.csv (all, formulas inert)", lambda: run[SEGMENTS_CSV])
    _, finnish = timed("segments_excel_fi.csv (all)", lambda: run[FINNISH_CSV])
    timed("contact lists (consent, dedupe, 10 % control)", lambda: run.lists)
    timed("lists.zip (every list)", lambda: run[LISTS_ZIP])
    timed("report.html", lambda: run[REPORT_HTML])
    timed("personas.md", lambda: run[PERSONAS_MD])
    timed("summary.json", lambda: run[SUMMARY_JSON])
    _, workbook = timed("segments.xlsx (XlsxWriter + Arrow rows)", lambda: run[WORKBOOK])
    print(
        f"  relative to the baseline: CSV {csv / baseline:.1f}×, Finnish CSV {finnish / baseline:.1f}×, workbook {workbook / baseline:.1f}×"
    )
    print(f"  peak resident memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def retail_features(path: Path) -> pd.DataFrame:
    """Per-customer order features of the UCI Online Retail lines (cancellations ``C…`` count as returns)."""
    lines = pd.read_csv(path, dtype={"InvoiceNo": str, "CustomerID": "Int64"}, parse_dates=["InvoiceDate"])
    lines = lines.dropna(subset=["CustomerID"])
    lines["amount"] = lines["Quantity"] * lines["UnitPrice"]
    cancelled = lines["InvoiceNo"].str.startswith("C")
    end = lines["InvoiceDate"].max()
    sales = lines[~cancelled]
    per = sales.groupby("CustomerID").agg(
        orders=("InvoiceNo", "nunique"),
        lines=("InvoiceNo", "size"),
        total_spend=("amount", "sum"),
        last_purchase=("InvoiceDate", "max"),
        first_purchase=("InvoiceDate", "min"),
        country=("Country", "first"),
    )
    per["avg_order_value"] = per["total_spend"] / per["orders"]
    per["recency_days"] = (end - per["last_purchase"]).dt.days
    per["tenure_days"] = (end - per["first_purchase"]).dt.days
    per["returns"] = lines[cancelled].groupby("CustomerID")["InvoiceNo"].nunique().reindex(per.index).fillna(0)
    uk = per["country"].eq("United Kingdom")
    per["channel_share_uk"] = uk.astype(float)
    per["channel_share_abroad"] = (~uk).astype(float)
    return per.reset_index().rename(columns={"CustomerID": "customer_id"})


def check_retail(path: Path) -> None:
    start = time.perf_counter()
    customers = retail_features(path)
    print(f"\nOnline Retail: {len(customers):,} customers with order features ({time.perf_counter() - start:.1f} s)")
    criteria = ["recency_days", "orders", "total_spend", "avg_order_value"]
    logged = customers.copy()
    for name in criteria:
        logged[name] = np.log1p(logged[name].clip(lower=0))
    result = segment_table(logged, criteria, 4, lang="en")
    personas = personas_from_result(customers, result, "en")
    for persona in personas:
        revenue = f"{persona.revenue_share:.0%}" if persona.revenue_share is not None else "–"
        print(f"  {persona.number}. {persona.name}: {persona.size} customers ({persona.share:.0%}), revenue {revenue}")
        print(
            "     KPIs: "
            + ", ".join(
                f"{k.key} {format_kpi(k.key, k.segment_value)} (all {format_kpi(k.key, k.overall_value)})"
                for k in persona.kpis
            )
        )
        print("     top trait: " + (describe_trait(persona.listed_traits[0], "en") if persona.listed_traits else "-"))
        print("     actions: " + ", ".join(action.rule for action in persona.actions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--retail", type=Path, default=REALDATA)
    args = parser.parse_args()
    bench_exports(args.customers)
    if args.retail.exists():
        check_retail(args.retail)
    else:
        print(f"\n(real-data check skipped: {args.retail} not present)")


if __name__ == "__main__":
    main()
