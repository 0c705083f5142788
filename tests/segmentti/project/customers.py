"""Small customer tables for the project tests: every kind of criterion the feature pipeline has a part for."""

from __future__ import annotations

import numpy as np
import pandas as pd


def mixed_customers(rows: int = 600, seed: int = 3) -> pd.DataFrame:
    """Three planted groups with a plain number (some empty), a skewed amount, order counts with one-order
    customers (an empty interval by construction), a category with a rare level and an email per customer."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, 3, rows)
    age = np.array([25.0, 45.0, 68.0])[group] + rng.normal(0, 3, rows)
    age[rng.random(rows) < 0.05] = np.nan
    spend = np.array([80.0, 900.0, 4000.0])[group] * rng.lognormal(0, 0.5, rows)
    orders = np.array([1, 4, 12])[group] + rng.integers(0, 3, rows)
    between = np.where(orders > 1, rng.lognormal(3, 1.2, rows) * 12 / orders, np.nan)  # skewed: logged
    region = np.array(["Uusimaa", "Pirkanmaa", "Lappi"])[group].astype(object)
    region[:3] = "Ahvenanmaa"  # a rare level, grouped as (other)
    return pd.DataFrame(
        {
            "customer_id": [f"C{number:05d}" for number in range(rows)],
            "email": [f"asiakas{number}@example.fi" for number in range(rows)],
            "age": age,
            "total_spend": spend.round(2),
            "orders": orders,
            "mean_days_between_orders": between,
            "region": region,
            "truth": group,
        }
    )


CRITERIA = ["age", "total_spend", "orders", "mean_days_between_orders", "region"]
