"""The holdout check: fit on a calibration period, predict the next period, compare with what customers really bought."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
import pandas as pd

from segmentti.data.orders import as_of_day
from segmentti.engine.value.history import UNITS, PurchaseHistory, summarize_history
from segmentti.engine.value.models import BgNbd, fit_bgnbd
from segmentti.errors import SegmenttiError

TOP_FREQUENCY = 7
"""Calibration repeat purchases from this many up are one group (``7+``), as in Fader, Hardie & Lee (2005)."""

MIN_HOLDOUT_DAYS = 7
"""A holdout period shorter than this says nothing: refused."""


@dataclass(frozen=True, eq=False)
class HoldoutCheck:
    """Predicted against actual repeat purchases in a holdout period.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per number of repeat purchases in the calibration period (``0`` … ``6``, ``7+``;
        the index, as text): ``customers``, ``actual`` and ``predicted`` (mean purchases per
        customer in the holdout period).
    calibration : PurchaseHistory
        The history up to the end of the calibration period.
    bgnbd : BgNbd
        The model fitted on it.
    end : pandas.Timestamp
        The last day of the holdout period.
    actual_total, predicted_total : float
        Purchases of all calibration customers in the holdout period, bought and predicted.
    """

    table: pd.DataFrame
    calibration: PurchaseHistory
    bgnbd: BgNbd
    end: pd.Timestamp
    actual_total: float
    predicted_total: float

    @property
    def holdout_days(self) -> int:
        """Length of the holdout period in days."""
        return int((self.end - self.calibration.as_of).days)


def default_calibration_end(days: pd.DataFrame) -> pd.Timestamp:
    """The middle day between the first and the last purchase: half the history to fit, half to check."""
    first, last = pd.Timestamp(days["day"].min()), pd.Timestamp(days["day"].max())
    return (first + (last - first) / 2).normalize()


def check_holdout(
    days: pd.DataFrame,
    calibration_end: str | pd.Timestamp | datetime.date | None = None,
    end: str | pd.Timestamp | datetime.date | None = None,
    unit: str = "weeks",
) -> HoldoutCheck:
    """Fit BG/NBD on the purchases up to ``calibration_end`` and compare its prediction for the rest with the truth.

    Customers whose first purchase is on or before ``calibration_end`` are followed; their
    purchase days after it, up to ``end``, are the actual holdout purchases.

    Parameters
    ----------
    days : pandas.DataFrame
        :func:`segmentti.engine.value.history.purchase_days` of the order lines.
    calibration_end : str, date or Timestamp, optional
        Last day of the calibration period (its purchases included). Default
        :func:`default_calibration_end`.
    end : str, date or Timestamp, optional
        Last day of the holdout period. Default the last purchase day.
    unit : {"weeks", "days"}

    Returns
    -------
    HoldoutCheck

    Raises
    ------
    SegmenttiError
        When the holdout period is shorter than :data:`MIN_HOLDOUT_DAYS` (``error.value_holdout_short``),
        or the calibration period has no repeat buyers or does not fit (see :func:`fit_bgnbd`).
    """
    cut = as_of_day(calibration_end) if calibration_end is not None else default_calibration_end(days)
    last = as_of_day(end) if end is not None else pd.Timestamp(days["day"].max())
    if (last - cut).days < MIN_HOLDOUT_DAYS:
        raise SegmenttiError("error.value_holdout_short", days=str(MIN_HOLDOUT_DAYS))
    calibration = summarize_history(days, cut, unit)
    frame = calibration.frame
    x, t_x, age = (frame[name].to_numpy(dtype=float) for name in ("frequency", "recency", "T"))
    model = fit_bgnbd(x, t_x, age)
    later = days[(days["day"] > cut) & (days["day"] <= last)]
    actual = later.groupby("customer").size().reindex(frame.index, fill_value=0).to_numpy(dtype=float)
    predicted = model.expected_purchases((last - cut).days / UNITS[unit], x, t_x, age)
    group = np.minimum(frame["frequency"].to_numpy(), TOP_FREQUENCY)
    labels = [str(count) for count in range(TOP_FREQUENCY)] + [f"{TOP_FREQUENCY}+"]
    grouped = pd.DataFrame({"group": group, "actual": actual, "predicted": predicted}).groupby("group")
    table = pd.DataFrame(
        {"customers": grouped.size(), "actual": grouped["actual"].mean(), "predicted": grouped["predicted"].mean()}
    )
    table.index = [labels[int(index)] for index in table.index]
    table.index.name = "frequency"
    return HoldoutCheck(table, calibration, model, last, float(actual.sum()), float(predicted.sum()))
