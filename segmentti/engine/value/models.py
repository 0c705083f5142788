"""The BG/NBD (purchases and dropout) and Gamma-Gamma (spend per purchase) models: maximum-likelihood fits and predictions.

The published likelihoods (Fader, Hardie & Lee 2005, "Counting your customers the easy way" and
"RFM and CLV", with Hardie's notes on the Gamma-Gamma model) fitted with scipy's L-BFGS-B on
the logarithms of the parameters, with exact gradients. Customers with the same summary are
counted once with a weight, so the cost grows with the distinct summaries, not the customers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, special
from threadpoolctl import threadpool_limits

from segmentti.errors import SegmenttiError

THREADS = 1
"""Native (BLAS) threads while fitting: the likelihood's dot products are small, and on a machine shared with
other work two BLAS threads made the 100,000-customer fit ten times slower (5.5 s against 0.5 s)."""

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
        return self.purchase_curve([t], frequency, recency, T)[0]

    def purchase_curve(
        self,
        times: Sequence[float],
        frequency: np.ndarray,
        recency: np.ndarray,
        T: np.ndarray,
    ) -> list[np.ndarray]:
        """:meth:`expected_purchases` for each of ``times``, sharing the work that does not depend on the time."""
        x, t_x, age = _floats(frequency, recency, T)
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        alive = 1.0 / (1.0 + self._dropout_odds(x, t_x, age))
        # the hypergeometric term depends on the purchases and the age only: computed once per distinct pair
        pairs, first = _distinct(x, age)
        ux, uage = x[first], age[first]
        scale = (a + b + ux - 1.0) / (a - 1.0)
        curve = []
        for t in times:
            if t <= 0:
                curve.append(np.zeros_like(x))
                continue
            hyper = special.hyp2f1(r + ux, b + ux, a + b + ux - 1.0, t / (alpha + uage + t))
            ratio = np.exp((r + ux) * (np.log(alpha + uage) - np.log(alpha + uage + t)))
            curve.append((scale * (1.0 - ratio * hyper))[pairs] * alive)
        return curve

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
    """The mean negative log-likelihood of BG/NBD and its gradient in the logarithms of (r, alpha, a, b).

    Terms of the purchase count alone are summed once per distinct count (weighted by how many
    customers have it), so each evaluation costs a few passes over the distinct customers.
    """
    repeat = x > 0
    total = weight.sum()
    counts, at = _by_value(x)
    per_count = np.bincount(at, weights=weight)
    count_shift = np.where(counts > 0, counts - 1.0, 1.0)  # b + x - 1 for repeat buyers (unused otherwise)

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        r, alpha, a, b = np.exp(log_params)
        rx = r + x
        log_age, log_tx = np.log(alpha + age), np.log(alpha + t_x)
        log_shift = np.log(b + count_shift)
        # the two ways of having bought x times by T: still alive (A3), or gone after the last purchase (A4)
        gone = np.where(repeat, np.log(a) - log_shift[at] + rx * (log_age - log_tx), -np.inf)
        softplus = np.logaddexp(0.0, gone)
        share_gone = special.expit(gone) * weight
        by_count = (
            special.gammaln(r + counts)
            - special.gammaln(r)
            + r * np.log(alpha)
            + special.gammaln(a + b)
            + special.gammaln(b + counts)
            - special.gammaln(b)
            - special.gammaln(a + b + counts)
        )
        log_likelihood = per_count @ by_count + weight @ (softplus - rx * log_age)
        psi_ab = special.digamma(a + b) - special.digamma(a + b + counts)
        d_r = per_count @ (special.digamma(r + counts) - special.digamma(r) + np.log(alpha))
        d_r -= weight @ log_age + share_gone @ (log_tx - log_age)
        inv_age, inv_tx = 1.0 / (alpha + age), 1.0 / (alpha + t_x)
        d_alpha = total * r / alpha - (weight * rx) @ inv_age - (share_gone * rx) @ (inv_tx - inv_age)
        d_a = per_count @ psi_ab + share_gone.sum() / a
        d_b = per_count @ (psi_ab + special.digamma(b + counts) - special.digamma(b))
        d_b -= share_gone @ (1.0 / (b + count_shift))[at]
        gradient = np.array([d_r * r, d_alpha * alpha, d_a * a, d_b * b])
        return -float(log_likelihood) / total, -gradient / total

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
    with threadpool_limits(limits=THREADS):
        result = optimize.minimize(
            objective, start, jac=True, method="L-BFGS-B", options={"maxiter": 500, "gtol": 1e-9}
        )
    params = np.exp(result.x)
    _check_fit(result, params, "BG/NBD")
    r, alpha, a, b = (float(value) for value in params)
    return BgNbd(r, alpha, a, b, -float(result.fun) * float(weight.sum()), int(result.nit))


def _gamma_gamma_objective(x: np.ndarray, m: np.ndarray, weight: np.ndarray) -> Callable:
    """The mean negative log-likelihood of Gamma-Gamma and its gradient in the logarithms of (p, q, v).

    Sums that do not involve the parameters are taken once; terms of the count alone once per distinct count.
    """
    total = weight.sum()
    counts, at = _by_value(x)
    per_count = np.bincount(at, weights=weight)
    spent = x * m
    weight_x = weight * x
    log_m, log_x = np.log(m), np.log(x)
    fixed_x = weight_x @ (log_m + log_x)  # sum of w x (log m + log x)
    fixed_m = weight @ log_m

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        p, q, v = np.exp(log_params)
        spread = np.log(spent + v)
        inverse = 1.0 / (spent + v)
        pu = p * counts
        by_count = special.gammaln(pu + q) - special.gammaln(pu) - special.gammaln(q) + q * np.log(v)
        spread_x, spread_1 = weight_x @ spread, weight @ spread
        log_likelihood = per_count @ by_count + p * fixed_x - fixed_m - p * spread_x - q * spread_1
        psi = special.digamma(pu + q)
        d_p = per_count @ (counts * (psi - special.digamma(pu))) + fixed_x - spread_x
        d_q = per_count @ (psi - special.digamma(q)) + total * np.log(v) - spread_1
        d_v = total * q / v - p * (weight_x @ inverse) - q * (weight @ inverse)
        gradient = np.array([d_p * p, d_q * q, d_v * v])
        return -float(log_likelihood) / total, -gradient / total

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
    with threadpool_limits(limits=THREADS):
        result = optimize.minimize(
            objective, start, jac=True, method="L-BFGS-B", options={"maxiter": 500, "gtol": 1e-9}
        )
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
