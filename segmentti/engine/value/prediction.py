"""Per customer: probability of being alive, expected purchases and spend, predicted value and a churn-risk band."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.data.orders import OrderMapping
from segmentti.engine.value.history import UNITS, PurchaseHistory, purchase_days, summarize_history
from segmentti.engine.value.models import BgNbd, GammaGamma, fit_bgnbd, fit_gamma_gamma
from segmentti.errors import SegmenttiError
from segmentti.texts import translate

HORIZONS: tuple[int, ...] = (30, 90, 365)
"""Days ahead for which expected purchases are always given."""

DEFAULT_HORIZON = 365
"""Days ahead of the predicted value unless the user sets another horizon."""

STEP_DAYS = 30
"""With a discount rate, purchases are discounted per step of this many days (monthly, as is usual for CLV)."""

RISK_BANDS: tuple[tuple[str, float], ...] = (("active", 0.7), ("slipping", 0.4), ("at_risk", 0.15), ("lost", 0.0))
"""Churn-risk bands of repeat buyers by probability of being alive: the first band whose floor it reaches.
Texts ``value.risk_<key>``."""

ONCE = "once"
"""The band of customers with one purchase only: BG/NBD gives them P(alive) = 1 by construction, so no risk is told."""

AT_RISK: tuple[str, ...] = ("at_risk", "lost")
"""The bands counted as at risk (a persona's share at risk, the list of valuable customers at risk)."""

RISK_KEYS: tuple[str, ...] = (*(key for key, _ in RISK_BANDS), ONCE)
"""Every churn-risk band key, in display order."""

VALUE_BANDS: tuple[tuple[str, float], ...] = (("top", 0.8), ("middle", 0.5), ("low", 0.0))
"""Predicted-value bands by the customer's rank: the top 20 %, the next 30 %, the lower half. Texts ``value.band_<key>``."""

VALUE_COLUMNS: tuple[str, ...] = ("p_alive", "expected_spend", "predicted_value", "churn_risk", "predicted_value_band")
"""The per-customer columns a customer table gets (besides ``expected_purchases_<n>d``)."""

MIN_REPEAT_BUYERS = 50
"""Below this many repeat buyers the fit is shown with a warning: the parameters are uncertain."""

MIN_HISTORY_DAYS = 90
"""A history from the first purchase to the as-of day shorter than this is too short to trust (a warning)."""

MIN_DROPOUT = 0.01
"""Below this mean dropout probability per purchase, ``a / (a + b)``, the history shows (almost) no customer
leaving: P(alive) is near 1 for nearly everyone and a warning says churn risk cannot be told apart yet."""

CORRELATION_LIMIT = 0.3
"""Gamma-Gamma assumes spend per purchase does not depend on how often a customer buys: above this
correlation (repeat buyers) a warning says so."""


@dataclass(frozen=True, eq=False)
class CustomerValue:
    """The value models fitted to a purchase history and what they predict per customer.

    Attributes
    ----------
    table : pandas.DataFrame
        Index the customer id. Columns: ``frequency``, ``recency``, ``T``, ``monetary_value``,
        ``spend`` (of the history), ``p_alive`` (0–1), ``expected_purchases_<n>d`` for each of
        :data:`HORIZONS` and the horizon, ``expected_spend`` (per purchase; NaN without a
        Gamma-Gamma fit), ``predicted_value`` (over the horizon, discounted; NaN without a
        Gamma-Gamma fit), ``churn_risk`` (a key of :data:`RISK_KEYS`) and ``predicted_value_band`` (a key
        of :data:`VALUE_BANDS`; empty without a Gamma-Gamma fit).
    history : PurchaseHistory
    bgnbd : BgNbd
    gamma_gamma : GammaGamma or None
        ``None`` when the data has no spend (only BG/NBD is fitted).
    horizon_days : int
    discount : float
        Yearly discount rate used for ``predicted_value`` (0 = none).
    warnings : tuple of str
        Keys ``value.warn_<name>`` of what the user must know before trusting the numbers.
    """

    table: pd.DataFrame
    history: PurchaseHistory
    bgnbd: BgNbd
    gamma_gamma: GammaGamma | None
    horizon_days: int
    discount: float
    warnings: tuple[str, ...]

    @property
    def purchases_column(self) -> str:
        """The column of expected purchases over the horizon."""
        return purchases_column(self.horizon_days)

    def parameter_figures(self, lang: str = "en") -> dict[str, str]:
        """The fitted parameters as people read them: four significant digits, a decimal comma in Finnish.

        Keys ``r``, ``alpha``, ``a``, ``b`` (BG/NBD) and ``p``, ``q``, ``v`` (Gamma-Gamma, ``–``
        without it): the page and the command line fill the same text with them.
        """

        def figure(value: float) -> str:
            text = f"{value:.4g}"
            return text.replace(".", ",") if lang == "fi" else text

        spend = self.gamma_gamma
        figures = {name: figure(getattr(self.bgnbd, name)) for name in ("r", "alpha", "a", "b")}
        figures |= {name: "–" if spend is None else figure(getattr(spend, name)) for name in ("p", "q", "v")}
        return figures

    def summary(self) -> dict:
        """The fitted parameters and totals as plain numbers (the CLI's ``--json``)."""
        table = self.table
        result: dict = {
            "customers": len(table),
            "repeat_buyers": self.history.repeat_buyers,
            "as_of": self.history.as_of.date().isoformat(),
            "unit": self.history.unit,
            "horizon_days": self.horizon_days,
            "discount": self.discount,
            "bgnbd": {
                "r": self.bgnbd.r,
                "alpha": self.bgnbd.alpha,
                "a": self.bgnbd.a,
                "b": self.bgnbd.b,
                "log_likelihood": self.bgnbd.log_likelihood,
            },
            "expected_purchases": float(table[self.purchases_column].sum()),
            "mean_p_alive": float(table["p_alive"].mean()),
            "risk": {key: int((table["churn_risk"] == key).sum()) for key in RISK_KEYS},
            "warnings": [key.removeprefix("value.warn_") for key in self.warnings],
        }
        if self.gamma_gamma is not None:
            gg = self.gamma_gamma
            result["gamma_gamma"] = {"p": gg.p, "q": gg.q, "v": gg.v, "log_likelihood": gg.log_likelihood}
            result["predicted_value"] = float(table["predicted_value"].sum())
        return result


def purchases_column(days: int) -> str:
    """The name of the column of expected purchases in the next ``days`` days."""
    return f"expected_purchases_{int(days)}d"


def estimate_value(
    history: PurchaseHistory,
    horizon_days: int = DEFAULT_HORIZON,
    discount: float = 0.0,
    *,
    with_spend: bool = True,
) -> CustomerValue:
    """Fit BG/NBD (and Gamma-Gamma) to ``history`` and predict each customer's value over ``horizon_days``.

    Parameters
    ----------
    history : PurchaseHistory
        :func:`segmentti.engine.value.history.summarize_history`.
    horizon_days : int, default 365
        Days ahead of the predicted value (expected purchases are also given for 30, 90 and 365).
    discount : float, default 0
        Yearly discount rate (0.1 = 10 %): purchases expected later are worth less today; applied
        per 30-day step.
    with_spend : bool, default True
        Fit Gamma-Gamma and predict value; ``False`` when the amounts mean nothing (counts only).

    Returns
    -------
    CustomerValue

    Raises
    ------
    SegmenttiError
        For a horizon under one day or a discount rate outside 0–1, when the history has a
        single purchase day, no repeat buyers, or a fit does not converge.
    """
    if not 1 <= int(horizon_days) <= 3650:
        raise SegmenttiError("error.value_horizon", horizon=str(horizon_days))
    if not 0.0 <= float(discount) < 1.0:
        raise SegmenttiError("error.value_discount", discount=str(discount))
    frame = history.frame
    if history.first_day == history.last_day:
        raise SegmenttiError("error.value_too_short")
    x, t_x, age = (frame[name].to_numpy(dtype=float) for name in ("frequency", "recency", "T"))
    bgnbd = fit_bgnbd(x, t_x, age)
    unit = UNITS[history.unit]
    table = frame[["frequency", "recency", "T", "monetary_value", "spend"]].copy()
    table["p_alive"] = bgnbd.p_alive(x, t_x, age)
    horizons = list(dict.fromkeys((*HORIZONS, int(horizon_days))))
    for days, purchases in zip(
        horizons, bgnbd.purchase_curve([days / unit for days in horizons], x, t_x, age), strict=True
    ):
        table[purchases_column(days)] = purchases
    gamma_gamma = None
    if with_spend:
        gamma_gamma = fit_gamma_gamma(x, frame["monetary_value"].to_numpy(dtype=float))
        table["expected_spend"] = gamma_gamma.expected_spend(x, frame["monetary_value"].to_numpy(dtype=float))
        purchases = _discounted_purchases(bgnbd, int(horizon_days), unit, float(discount), x, t_x, age)
        table["predicted_value"] = purchases * table["expected_spend"].to_numpy()
        table["predicted_value_band"] = value_bands(table["predicted_value"].to_numpy())
    else:
        table["expected_spend"] = np.nan
        table["predicted_value"] = np.nan
        table["predicted_value_band"] = ""
    table["churn_risk"] = risk_bands(table["p_alive"].to_numpy(), x)
    if not np.all(np.isfinite(table[purchases_column(horizon_days)].to_numpy())):
        raise SegmenttiError("error.value_not_converged", model="BG/NBD")
    return CustomerValue(
        table, history, bgnbd, gamma_gamma, int(horizon_days), float(discount), _warnings(history, bgnbd, with_spend)
    )


def value_from_orders(
    frame: pd.DataFrame,
    mapping: OrderMapping,
    as_of: str | pd.Timestamp | datetime.date | None = None,
    unit: str = "weeks",
    horizon_days: int = DEFAULT_HORIZON,
    discount: float = 0.0,
) -> CustomerValue:
    """Order lines → :class:`CustomerValue` in one call (:func:`purchase_days`, :func:`summarize_history`, :func:`estimate_value`)."""
    history = summarize_history(purchase_days(frame, mapping), as_of, unit)
    return estimate_value(history, horizon_days, discount)


def risk_bands(p_alive: np.ndarray, frequency: np.ndarray) -> np.ndarray:
    """The churn-risk band key of each customer (:data:`RISK_BANDS`; :data:`ONCE` without repeat purchases)."""
    p_alive = np.asarray(p_alive, dtype=float)
    bands = np.full(p_alive.shape, RISK_BANDS[-1][0], dtype=object)
    for key, floor in reversed(RISK_BANDS[:-1]):
        bands[p_alive >= floor] = key
    bands[np.asarray(frequency) <= 0] = ONCE
    return bands


def risk_name(key: str, lang: str) -> str:
    """The churn-risk band ``key`` in words, in ``lang``."""
    return translate(f"value.risk_{key}", lang)


def band_name(key: str, lang: str) -> str:
    """The predicted-value band ``key`` in words, in ``lang`` (``""`` stays empty)."""
    return translate(f"value.band_{key}", lang) if key else ""


def value_bands(predicted: np.ndarray) -> np.ndarray:
    """The predicted-value band key of each customer by rank (:data:`VALUE_BANDS`); ties share a band."""
    predicted = np.asarray(predicted, dtype=float)
    ranks = pd.Series(predicted).rank(method="max", pct=True).to_numpy()
    bands = np.full(predicted.shape, VALUE_BANDS[-1][0], dtype=object)
    for key, floor in reversed(VALUE_BANDS[:-1]):
        bands[ranks > floor] = key
    return bands


def _discounted_purchases(
    model: BgNbd, horizon_days: int, unit: float, discount: float, *history: np.ndarray
) -> np.ndarray:
    if discount == 0.0:
        return model.expected_purchases(horizon_days / unit, *history)
    ends = [*range(STEP_DAYS, horizon_days, STEP_DAYS), horizon_days]
    total = np.zeros(len(history[0]))
    previous = np.zeros(len(history[0]))
    for end, cumulative in zip(ends, model.purchase_curve([end / unit for end in ends], *history), strict=True):
        total += (cumulative - previous) / (1.0 + discount) ** (end / 365.0)
        previous = cumulative
    return total


def _warnings(history: PurchaseHistory, bgnbd: BgNbd, with_spend: bool) -> tuple[str, ...]:
    found = []
    if bgnbd.a / (bgnbd.a + bgnbd.b) < MIN_DROPOUT:
        found.append("value.warn_no_dropout")
    if history.repeat_buyers < MIN_REPEAT_BUYERS:
        found.append("value.warn_few_repeat_buyers")
    if (history.as_of - history.first_day).days < MIN_HISTORY_DAYS:
        found.append("value.warn_short_history")
    frame = history.frame
    repeat = frame[frame["frequency"] > 0]
    if with_spend and len(repeat) > 2:
        correlation = np.corrcoef(repeat["frequency"], repeat["monetary_value"])[0, 1]
        if np.isfinite(correlation) and abs(correlation) > CORRELATION_LIMIT:
            found.append("value.warn_spend_follows_frequency")
    return tuple(found)
