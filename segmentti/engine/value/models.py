"""The BG/NBD (purchases and dropout) and Gamma-Gamma (spend per purchase) models: maximum-likelihood fits and predictions.

The published likelihoods (Fader, Hardie & Lee 2005, "Counting your customers the easy way" and
"RFM and CLV", with Hardie's notes on the Gamma-Gamma model) fitted with scipy's L-BFGS-B on
the logarithms of the parameters, with exact gradients. Customers with the same summary are
counted once with a weight, so the cost grows with the distinct summaries, not the customers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, special

from segmentti.errors import SegmenttiError

PARAMETER_RANGE = (1e-6, 1e6)
"""A fitted parameter outside this range means the data does not pin the model down: no numbers are given."""


@dataclass(frozen=True)
class BgNbd:
    """A fitted BG/NBD model: purchase rates gamma(r, alpha), dropout probabilities beta(a, b).

    Times (``recency``, ``T``, ``t``) are in the unit the model was fitted in.
    """

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    """Total log-likelihood of the customers it was fitted on."""
    iterations: int

    def p_alive(self, frequency: np.ndarray, recency: np.ndarray, T: np.ndarray) -> np.ndarray:
        """Probability that each customer is still active at ``T`` (1 for a customer without repeat purchases)."""
        x, t_x, age = _floats(frequency, recency, T)
        return 1.0 / (1.0 + self._dropout_odds(x, t_x, age))

    def expected_purchases(
        self,
        t: float,
        frequency: np.ndarray,
        recency: np.ndarray,
        T: np.ndarray,
    ) -> np.ndarray:
        """Expected purchases of each customer in the next ``t`` time units, given their history.

        Equation (10) of Fader, Hardie & Lee (2005).
        """
        x, t_x, age = _floats(frequency, recency, T)
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        if t <= 0:
            return np.zeros_like(x)
        # the hypergeometric term depends on the purchases and the age only: computed once per distinct pair
        pairs, first = _distinct(x, age)
        ux, uage = x[first], age[first]
        hyper = special.hyp2f1(r + ux, b + ux, a + b + ux - 1.0, t / (alpha + uage + t))
        ratio = np.exp((r + ux) * (np.log(alpha + uage) - np.log(alpha + uage + t)))
        first_term = ((a + b + ux - 1.0) / (a - 1.0) * (1.0 - ratio * hyper))[pairs]
        return first_term / (1.0 + self._dropout_odds(x, t_x, age))

    def population_purchases(self, t: np.ndarray) -> np.ndarray:
        """Expected purchases in ``t`` time units of a customer just acquired (equation 9)."""
        t = np.asarray(t, dtype=float)
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        hyper = special.hyp2f1(r, b, a + b - 1.0, t / (alpha + t))
        return (a + b - 1.0) / (a - 1.0) * (1.0 - (alpha / (alpha + t)) ** r * hyper)

    def _dropout_odds(self, x: np.ndarray, t_x: np.ndarray, age: np.ndarray) -> np.ndarray:
        repeat = x > 0
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            odds = (
                self.a
                / np.maximum(self.b + x - 1.0, 1e-300)
                * np.exp((self.r + x) * (np.log(self.alpha + age) - np.log(self.alpha + t_x)))
            )
        return np.where(repeat, odds, 0.0)


@dataclass(frozen=True)
class GammaGamma:
    """A fitted Gamma-Gamma model of spend per purchase: shape ``p``, and gamma(q, v) over customers."""

    p: float
    q: float
    v: float
    log_likelihood: float
    iterations: int

    @property
    def mean_spend(self) -> float:
        """The population's mean spend per purchase, ``p v / (q - 1)``."""
        return self.p * self.v / (self.q - 1.0)

    def expected_spend(self, frequency: np.ndarray, monetary_value: np.ndarray) -> np.ndarray:
        """Expected spend per purchase of each customer: their mean pulled toward the population's.

        A customer without repeat purchases gets the population mean.
        """
        x = np.asarray(frequency, dtype=float)
        m = np.where(x > 0, np.asarray(monetary_value, dtype=float), 0.0)
        return self.p * (self.v + x * m) / (self.p * x + self.q - 1.0)


def _floats(*arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    return tuple(np.asarray(values, dtype=float) for values in arrays)


def _grouped(*columns: np.ndarray) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
    """The distinct rows of ``columns`` and how many times each occurs."""
    counts = pd.DataFrame({str(i): values for i, values in enumerate(columns)}).value_counts(sort=False)
    return tuple(counts.index.get_level_values(i).to_numpy(dtype=float) for i in range(len(columns))), counts.to_numpy(
        dtype=float
    )


def _distinct(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row the number of its distinct ``(x, y)`` pair, and the first row of each pair.

    ``x`` holds whole numbers of 0 or more and ``y`` numbers of 0 or more, so ``x * (max(y) + 1) + y``
    names each pair by one number.
    """
    codes, _ = pd.factorize(x * (float(np.max(y, initial=0.0)) + 1.0) + y)
    first = np.full(codes.max() + 1, -1, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    return codes, first


def _by_value(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``values`` and each row's position among them (functions of them are computed once each)."""
    distinct, positions = np.unique(values, return_inverse=True)
    return distinct, positions


def _bgnbd_objective(x: np.ndarray, t_x: np.ndarray, age: np.ndarray, weight: np.ndarray) -> Callable:
    repeat = x > 0
    total = weight.sum()
    counts, at = _by_value(x)

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        r, alpha, a, b = np.exp(log_params)
        # gamma functions of the purchase counts: a few distinct values, each computed once
        ln_r, ln_b, ln_ab = (special.gammaln(shift + counts)[at] for shift in (r, b, a + b))
        psi_r, psi_b, psi_ab = (special.digamma(shift + counts)[at] for shift in (r, b, a + b))
        a1 = ln_r - special.gammaln(r) + r * np.log(alpha)
        a2 = special.gammaln(a + b) + ln_b - special.gammaln(b) - ln_ab
        a3 = -(r + x) * np.log(alpha + age)
        a4 = np.where(
            repeat, np.log(a) - np.log(np.where(repeat, b + x - 1.0, 1.0)) - (r + x) * np.log(alpha + t_x), -np.inf
        )
        top = np.logaddexp(a3, a4)
        w3, w4 = np.exp(a3 - top), np.exp(a4 - top)
        log_likelihood = a1 + a2 + top
        d_r = psi_r - special.digamma(r) + np.log(alpha) - w3 * np.log(alpha + age)
        d_r -= w4 * np.log(alpha + t_x)
        d_alpha = r / alpha - w3 * (r + x) / (alpha + age) - w4 * (r + x) / (alpha + t_x)
        d_a = special.digamma(a + b) - psi_ab + w4 / a
        d_b = special.digamma(a + b) + psi_b - special.digamma(b) - psi_ab
        d_b -= w4 / np.where(repeat, b + x - 1.0, 1.0)
        gradient = np.array([d_r @ weight * r, d_alpha @ weight * alpha, d_a @ weight * a, d_b @ weight * b])
        return -float(log_likelihood @ weight) / total, -gradient / total

    return objective


def fit_bgnbd(frequency: np.ndarray, recency: np.ndarray, T: np.ndarray) -> BgNbd:
    """Fit the BG/NBD model by maximum likelihood.

    Parameters
    ----------
    frequency, recency, T : numpy.ndarray
        Per customer: repeat purchases, time from first to last purchase, time from first
        purchase to the end of the history (one unit for all), as in
        :func:`segmentti.engine.value.history.summarize_history`.

    Returns
    -------
    BgNbd

    Raises
    ------
    SegmenttiError
        When no customer has a repeat purchase, the history has no length, or the fit does not
        converge to parameters the data pins down (``error.value_no_repeat``,
        ``error.value_too_short``, ``error.value_not_converged``).
    """
    x, t_x, age = _floats(frequency, recency, T)
    if not (x > 0).any():
        raise SegmenttiError("error.value_no_repeat")
    if not (age > 0).any():
        raise SegmenttiError("error.value_too_short")
    (gx, gt, gage), weight = _grouped(x, t_x, age)
    objective = _bgnbd_objective(gx, gt, gage, weight)
    start = np.log([1.0, max(float(np.mean(age)), 1e-3), 1.0, 1.0])
    result = optimize.minimize(objective, start, jac=True, method="L-BFGS-B", options={"maxiter": 500, "gtol": 1e-9})
    params = np.exp(result.x)
    _check_fit(result, params, "BG/NBD")
    r, alpha, a, b = (float(value) for value in params)
    return BgNbd(r, alpha, a, b, -float(result.fun) * float(weight.sum()), int(result.nit))


def _gamma_gamma_objective(x: np.ndarray, m: np.ndarray, weight: np.ndarray) -> Callable:
    log_m, log_x, total = np.log(m), np.log(x), weight.sum()
    counts, at = _by_value(x)

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        p, q, v = np.exp(log_params)
        px = p * x
        spread = np.log(x * m + v)
        ln_pxq, ln_px = special.gammaln(p * counts + q)[at], special.gammaln(p * counts)[at]
        psi_pxq, psi_px = special.digamma(p * counts + q)[at], special.digamma(p * counts)[at]
        log_likelihood = (
            ln_pxq - ln_px - special.gammaln(q) + q * np.log(v) + (px - 1.0) * log_m + px * log_x - (px + q) * spread
        )
        d_p = x * (psi_pxq - psi_px + log_m + log_x - spread)
        d_q = psi_pxq - special.digamma(q) + np.log(v) - spread
        d_v = q / v - (px + q) / (x * m + v)
        gradient = np.array([d_p @ weight * p, d_q @ weight * q, d_v @ weight * v])
        return -float(log_likelihood @ weight) / total, -gradient / total

    return objective


def fit_gamma_gamma(frequency: np.ndarray, monetary_value: np.ndarray) -> GammaGamma:
    """Fit the Gamma-Gamma model of spend per purchase on the customers with repeat purchases.

    Parameters
    ----------
    frequency, monetary_value : numpy.ndarray
        Per customer: repeat purchases and the mean spend of those purchases; customers without
        a repeat purchase or with a mean spend of 0 or less are left out of the fit.

    Returns
    -------
    GammaGamma

    Raises
    ------
    SegmenttiError
        Without repeat buyers with spend (``error.value_no_repeat_spend``), or when the fit does
        not converge or gives no finite mean spend (q ≤ 1: ``error.value_not_converged``).
    """
    x, m = _floats(frequency, monetary_value)
    used = (x > 0) & (m > 0) & np.isfinite(m)
    if not used.any():
        raise SegmenttiError("error.value_no_repeat_spend")
    (gx, gm), weight = _grouped(x[used], m[used])
    objective = _gamma_gamma_objective(gx, gm, weight)
    start = np.log([1.0, 2.0, max(float(np.mean(m[used])), 1e-6)])
    result = optimize.minimize(objective, start, jac=True, method="L-BFGS-B", options={"maxiter": 500, "gtol": 1e-9})
    params = np.exp(result.x)
    _check_fit(result, params, "Gamma-Gamma")
    p, q, v = (float(value) for value in params)
    if q <= 1.0:
        raise SegmenttiError("error.value_not_converged", model="Gamma-Gamma")
    return GammaGamma(p, q, v, -float(result.fun) * float(weight.sum()), int(result.nit))


def _check_fit(result: optimize.OptimizeResult, params: np.ndarray, model: str) -> None:
    low, high = PARAMETER_RANGE
    converged = result.success or "REL_REDUCTION_OF_F" in str(result.message).upper()
    if not converged or not np.isfinite(result.fun) or np.any(params < low) or np.any(params > high):
        raise SegmenttiError("error.value_not_converged", model=model)
