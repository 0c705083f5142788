"""Generate customer tables with planted groups (or none) to test how many segments the scan recommends.

The groups differ the way real customer groups do: several numbers at once (age, log-normal
spend and income, order counts, recency, scores) and the levels they prefer of a few categories,
with unequal sizes down to a fraction of a per cent. Structureless tables draw the same kinds of
columns with no groups at all (one Gaussian blob, a uniform square, correlated log-normal money,
independent mixed columns).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

NUMERIC_DRIVERS = ("age", "income", "total_spend", "orders", "recency_days", "score_a", "score_b")
CATEGORIES = {
    "channel": ("web", "store", "phone"),
    "region": ("Uusimaa", "Pirkanmaa", "Varsinais-Suomi", "Pohjois-Pohjanmaa", "Lappi"),
    "favourite": ("sport", "home", "outdoors", "tech", "culture", "garden"),
}


@dataclass(frozen=True)
class Case:
    """One generated table: ``frame`` (one row per customer), the planted ``groups`` (1 = no structure), ``truth``."""

    name: str
    frame: pd.DataFrame
    groups: int
    truth: np.ndarray


def group_sizes(groups: int, rows: int, smallest: float, rng: np.random.Generator) -> np.ndarray:
    """Unequal group sizes summing to ``rows``; the smallest group holds ``smallest`` of the rows."""
    if groups == 1:
        return np.array([rows])
    rest = rng.dirichlet(np.full(groups - 1, 2.0)) * (1 - smallest)
    rest = np.maximum(rest, smallest)  # the planted smallest stays the smallest
    shares = np.concatenate([[smallest], rest / rest.sum() * (1 - smallest)])
    sizes = np.floor(shares * rows).astype(int)
    sizes[1] += rows - sizes.sum()
    return sizes


def _centres(groups: int, dims: int, separation: float, rng: np.random.Generator) -> np.ndarray:
    """Group centres in noise units, every pair at least ``separation`` apart (rejection sampling)."""
    for _ in range(10_000):
        centres = rng.normal(0.0, separation * 0.75, size=(groups, dims))
        gaps = np.sqrt(((centres[:, None] - centres[None]) ** 2).sum(axis=2))
        if groups == 1 or gaps[np.triu_indices(groups, 1)].min() >= separation:
            return centres
    raise RuntimeError("could not place the groups")


def planted_customers(
    groups: int,
    rows: int,
    seed: int,
    *,
    smallest: float = 0.05,
    separation: float = 8.0,
    categorical: bool = True,
) -> Case:
    """Customers in ``groups`` planted groups with mixed columns.

    Parameters
    ----------
    groups : int
        Number of planted groups (1 = no structure: every customer from one distribution).
    rows : int
        Customers.
    seed : int
        Random seed; the same arguments give the same table.
    smallest : float, default 0.05
        Share of the smallest group (e.g. 0.006).
    separation : float, default 8.0
        Least distance between two group centres, in units of the within-group spread,
        over the seven numeric drivers.
    categorical : bool, default True
        Add the categorical columns ``channel``, ``region`` and ``favourite`` (each group
        prefers its own level 90 % of the time).

    Returns
    -------
    Case
        ``frame`` has ``customer_id``, ``age``, ``income``, ``total_spend`` (log-normal),
        ``orders``, ``recency_days``, ``score_a``, ``score_b`` and the categories.
    """
    rng = np.random.default_rng(seed)
    sizes = group_sizes(groups, rows, smallest, rng)
    truth = np.repeat(np.arange(groups), sizes)
    rng.shuffle(truth)
    centres = _centres(groups, len(NUMERIC_DRIVERS), separation, rng)
    latent = centres[truth] + rng.normal(size=(rows, len(NUMERIC_DRIVERS)))
    columns: dict[str, np.ndarray] = {"customer_id": np.arange(1, rows + 1)}
    columns["age"] = np.round(np.clip(45 + 5 * latent[:, 0], 18, 95))
    columns["income"] = np.round(np.exp(np.log(38_000) + 0.25 * latent[:, 1]), -2)
    columns["total_spend"] = np.round(np.exp(np.log(300) + 0.45 * latent[:, 2]), 2)
    columns["orders"] = 1.0 + rng.poisson(np.exp(1.6 + 0.3 * latent[:, 3]))
    columns["recency_days"] = np.round(np.exp(np.log(60) + 0.35 * latent[:, 4]))
    columns["score_a"] = np.round(50 + 6 * latent[:, 5], 1)
    columns["score_b"] = np.round(10 + 2 * latent[:, 6], 2)
    frame = pd.DataFrame(columns)
    if categorical:
        for name, levels in CATEGORIES.items():
            preferred = rng.integers(len(levels), size=groups)
            if groups == 1:
                chosen = rng.integers(len(levels), size=rows)
            else:
                chosen = np.where(rng.random(rows) < 0.9, preferred[truth], rng.integers(len(levels), size=rows))
            frame[name] = np.asarray(levels, dtype=object)[chosen]
    return Case(f"planted g={groups} n={rows} smallest={smallest:.3f} seed={seed}", frame, groups, truth)


def structureless(kind: str, rows: int, seed: int) -> Case:
    """A table with no groups at all.

    ``kind`` is ``"blob"`` (one round Gaussian, 4 columns), ``"correlated"`` (one Gaussian
    with correlated columns), ``"uniform"`` (a uniform square), ``"money"`` (correlated
    log-normal spend, orders and income) or ``"mixed"`` (the planted generator's columns
    with one group).
    """
    rng = np.random.default_rng(seed)
    if kind == "blob":
        frame = pd.DataFrame(rng.normal(size=(rows, 4)), columns=["a", "b", "c", "d"])
    elif kind == "correlated":
        mix = np.array([[1.0, 0.8, 0.5], [0.0, 0.6, 0.3], [0.0, 0.0, 0.8]])
        frame = pd.DataFrame(rng.normal(size=(rows, 3)) @ mix, columns=["a", "b", "c"])
    elif kind == "uniform":
        frame = pd.DataFrame(rng.uniform(0, 100, size=(rows, 2)), columns=["x", "y"])
    elif kind == "money":
        base = rng.normal(size=rows)
        frame = pd.DataFrame(
            {
                "total_spend": np.round(np.exp(5.5 + 0.9 * base + 0.5 * rng.normal(size=rows)), 2),
                "orders": 1.0 + rng.poisson(np.exp(1.2 + 0.4 * base)),
                "income": np.round(np.exp(10.5 + 0.4 * rng.normal(size=rows)), -2),
            }
        )
    elif kind == "mixed":
        return Case(
            f"structureless mixed n={rows} seed={seed}", planted_customers(1, rows, seed).frame, 1, np.zeros(rows, int)
        )
    else:
        raise ValueError(kind)
    frame.insert(0, "customer_id", np.arange(1, rows + 1))
    return Case(f"structureless {kind} n={rows} seed={seed}", frame, 1, np.zeros(rows, dtype=int))
