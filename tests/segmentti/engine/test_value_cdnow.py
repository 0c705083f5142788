"""The published CDNOW figures (Fader, Hardie & Lee 2005) from the 1/10 sample, read as it is through the loader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from segmentti.data.loading import read_file
from segmentti.data.orders import OrderMapping
from segmentti.engine.value.history import purchase_days, summarize_history
from segmentti.engine.value.holdout import check_holdout
from segmentti.engine.value.prediction import estimate_value

CDNOW = Path(__file__).resolve().parents[4] / "shared" / "realdata" / "cdnow"
PUBLISHED_BGNBD = {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}
PUBLISHED_GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "v": 15.45}


@pytest.fixture(scope="module")
def cdnow_days() -> pd.DataFrame:
    """The purchase days of CDNOW_sample.txt (whitespace-separated, no header, yyyymmdd dates)."""
    path = CDNOW / "CDNOW_sample.txt"
    if not path.exists():
        pytest.skip(f"shared real data not present at {path}")
    table = read_file(path)
    # columns: master id, sample id, date, number of CDs, dollar value
    assert len(table.frame) == 6919 and pd.api.types.is_datetime64_any_dtype(table.frame["column_3"])
    return purchase_days(table.frame, OrderMapping("column_2", "column_3", amount="column_5"))


def test_the_summary_at_30_september_1997_is_the_published_one(cdnow_days: pd.DataFrame) -> None:
    history = summarize_history(cdnow_days, "1997-09-30", "weeks").frame
    published = pd.read_csv(CDNOW / "cdnow_customers_summary_with_transactions.csv").set_index("ID")
    assert len(history) == 2357
    assert history.index.astype(int).tolist() == published.index.tolist()  # ids read as written: "0001" …
    history = history.set_axis(published.index)
    assert history["frequency"].tolist() == published["x"].tolist()
    assert np.abs(history["recency"].round(2) - published["t_x"]).max() < 1e-9
    assert np.abs(history["T"].round(2) - published["T"]).max() < 1e-9
    assert np.abs(history["monetary_value"] - published["zbar"]).max() <= 0.005 + 1e-9  # published to the cent
    assert (history["frequency"] > 0).sum() == 946


def test_the_fit_gives_the_published_parameters(cdnow_days: pd.DataFrame) -> None:
    value = estimate_value(summarize_history(cdnow_days, "1997-09-30", "weeks"), 365)
    for name, published in PUBLISHED_BGNBD.items():
        assert getattr(value.bgnbd, name) == pytest.approx(published, rel=0.01), name
    assert value.bgnbd.log_likelihood == pytest.approx(-9582.4, abs=0.1)
    for name, published in PUBLISHED_GAMMA_GAMMA.items():
        assert getattr(value.gamma_gamma, name) == pytest.approx(published, rel=0.01), name
    assert value.warnings == ()


def test_the_holdout_check_follows_the_paper(cdnow_days: pd.DataFrame) -> None:
    """39 weeks to fit, 39 to check: per number of calibration purchases the prediction tracks what was bought."""
    check = check_holdout(cdnow_days, "1997-09-30", "1998-06-30", "weeks")
    table = check.table
    assert table.index.tolist() == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert table["customers"].sum() == 2357 and table.loc["0", "customers"] == 1411
    assert check.actual_total == 1882  # the repeat purchases of weeks 40–78
    assert table.loc["0", "actual"] == pytest.approx(0.237, abs=5e-4)
    assert table.loc["0", "predicted"] == pytest.approx(0.225, abs=5e-3)
    assert (np.diff(table["predicted"].to_numpy()) > 0).all()  # more purchases before, more expected after
    assert np.abs(table["predicted"] - table["actual"]).max() < 0.4
