"""Generated order lines at data-lake size, written by DuckDB itself (streaming: no size limit but the disk).

Shared by the larger-than-memory and Spark benchmarks. Every line is a pure function of its
number, so a size always gives the same file. Orders of four lines; customers in four kinds
that differ in how often they buy, how much and through which channel, so the segments have
something to find; about 3 % of lines are returns.
"""

from __future__ import annotations

from pathlib import Path

CATEGORIES = [f"category_{letter}" for letter in "abcdefghijklmnopqrst"]
CHANNELS = ["web", "store", "phone"]
LINES_PER_CUSTOMER = 20
COLUMNS = "customer_id,order_date,order_id,category,channel,amount"
"""The generated columns: the mapping options are ``--customer customer_id --date order_date ...``."""


def write_big_lines(lines: int, path: Path, *, form: str = "parquet", threads: int = 2) -> int:
    """Write ``lines`` order lines to ``path`` (``form`` "parquet" or "csv"); return the number of customers.

    About ``lines / 20`` customers: with 100 million lines, 5 million customers.
    """
    import duckdb

    customers = max(1, lines // LINES_PER_CUSTOMER)
    categories = "[" + ", ".join(f"'{name}'" for name in CATEGORIES) + "]"
    channels = "[" + ", ".join(f"'{name}'" for name in CHANNELS) + "]"
    # kind 0: frequent small baskets on the web; 1: rare big store baskets; 2: phone; 3: mixed, many returns
    sql = f"""
    WITH numbered AS (
      SELECT i, i // 4 AS order_no, hash(i // 4) AS order_hash, hash(i) AS line_hash FROM range({lines}) t(i)
    ), placed AS (
      SELECT i, order_no, line_hash,
        CAST(CASE WHEN order_hash % 10 < 5 THEN (order_hash // 10) % {max(customers // 4, 1)}
             ELSE (order_hash // 10) % {customers} END AS BIGINT) AS customer,
        order_hash
      FROM numbered
    )
    SELECT
      customer AS customer_id,
      TIMESTAMP '2024-01-01' + to_hours(CAST((order_hash // 7) % (730 * 24) AS BIGINT)) AS order_date,
      order_no AS order_id,
      {categories}[1 + CAST((line_hash // 3 + customer % 4 * 5) % 20 AS INTEGER)] AS category,
      {channels}[1 + CAST(CASE customer % 4 WHEN 0 THEN 0 WHEN 1 THEN 1 WHEN 2 THEN 2
                          ELSE order_hash % 3 END AS INTEGER)] AS channel,
      round((CASE WHEN line_hash % 100 < CASE WHEN customer % 4 = 3 THEN 9 ELSE 2 END THEN -1 ELSE 1 END)
            * (2 + (line_hash // 100) % 5000 / 100.0) * (1 + (customer % 4) * 1.5), 2) AS amount
    FROM placed
    """
    connection = duckdb.connect(config={"memory_limit": "2GB", "threads": threads, "preserve_insertion_order": False})
    connection.execute("SET enable_progress_bar = false")
    options = "(FORMAT parquet, ROW_GROUP_SIZE 1000000)" if form == "parquet" else "(FORMAT csv, HEADER true)"
    connection.execute(f"COPY ({sql}) TO '{path}' {options}")
    connection.close()
    return customers
