"""Synthetic tables with the shape of two public customer files: a marketing-campaign export and a wholesale table.

The columns, their kinds and the shares of the flags follow the originals (2,240 customers of a
campaign export; 440 wholesale customers with coded Channel and Region); the values are drawn
from a fixed seed, so nothing of the real files is copied.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def campaign_export(rows: int = 2240, seed: int = 0) -> pd.DataFrame:
    """A customer table shaped like the campaign export: birth year … spend per category … responses."""
    rng = np.random.default_rng(seed)
    income = rng.normal(52_000, 21_000, rows).clip(2_000, 160_000)
    wealth = (income - 52_000) / 21_000
    kids = rng.choice([0, 1, 2], rows, p=[0.58, 0.40, 0.02])

    def spend(typical: float) -> np.ndarray:
        return np.round(np.exp(rng.normal(np.log(typical) + 0.9 * wealth - 0.4 * kids, 1.0))).astype(int)

    def flag(share: float) -> np.ndarray:
        return (rng.random(rows) < share).astype(int)

    return pd.DataFrame(
        {
            "ID": rng.permutation(11_200)[:rows],
            "Year_Birth": rng.integers(1940, 1997, rows),
            "Education": rng.choice(
                ["Graduation", "PhD", "Master", "2n Cycle", "Basic"], rows, p=[0.5, 0.22, 0.16, 0.09, 0.03]
            ),
            "Marital_Status": rng.choice(
                ["Married", "Together", "Single", "Divorced", "Widow"], rows, p=[0.39, 0.26, 0.21, 0.1, 0.04]
            ),
            "Income": np.round(income),
            "Kidhome": kids,
            "Teenhome": rng.choice([0, 1, 2], rows, p=[0.52, 0.46, 0.02]),
            "Dt_Customer": pd.Timestamp("2012-07-30") + pd.to_timedelta(rng.integers(0, 700, rows), unit="D"),
            "Recency": rng.integers(0, 100, rows),
            "MntWines": spend(170),
            "MntFruits": spend(8),
            "MntMeatProducts": spend(60),
            "MntFishProducts": spend(12),
            "MntSweetProducts": spend(8),
            "MntGoldProds": spend(24),
            "NumDealsPurchases": rng.poisson(2.3, rows),
            "NumWebPurchases": rng.poisson(4.0, rows),
            "NumCatalogPurchases": rng.poisson(2.6, rows),
            "NumStorePurchases": rng.poisson(5.8, rows),
            "NumWebVisitsMonth": rng.poisson(5.3, rows),
            "AcceptedCmp3": flag(0.073),
            "AcceptedCmp4": flag(0.075),
            "AcceptedCmp5": flag(0.073),
            "AcceptedCmp1": flag(0.064),
            "AcceptedCmp2": flag(0.013),
            "Complain": flag(0.009),
            "Z_CostContact": 3,
            "Z_Revenue": 11,
            "Response": flag(0.149),
        }
    )


def wholesale_table(rows: int = 440, seed: int = 0) -> pd.DataFrame:
    """A table shaped like the wholesale customers: coded Channel (1/2) and Region (1/2/3), spend per product line.

    Detergents_Paper follows Grocery closely (as in the original, where they correlate above 0.9).
    """
    rng = np.random.default_rng(seed)
    channel = rng.choice([1, 2], rows, p=[0.68, 0.32])
    size = rng.normal(0, 1, rows)
    grocery = np.round(np.exp(8.7 + 0.9 * size + 0.8 * (channel == 2)))
    return pd.DataFrame(
        {
            "Channel": channel,
            "Region": rng.choice([1, 2, 3], rows, p=[0.17, 0.11, 0.72]),
            "Fresh": np.round(np.exp(rng.normal(8.7, 1.5, rows))),
            "Milk": np.round(np.exp(8.0 + 0.7 * size + rng.normal(0, 0.6, rows))),
            "Grocery": grocery,
            "Frozen": np.round(np.exp(rng.normal(7.3, 1.3, rows))),
            "Detergents_Paper": np.round(grocery * np.exp(rng.normal(-1.2, 0.15, rows))),
            "Delicassen": np.round(np.exp(rng.normal(6.6, 1.3, rows))),
        }
    )
