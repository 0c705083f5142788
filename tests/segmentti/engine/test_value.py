"""Customer value: the purchase history, the BG/NBD and Gamma-Gamma fits, predictions, bands and the holdout check."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from segmentti.data.orders import OrderMapping
from segmentti.engine.value.history import purchase_days, summarize_history
from segmentti.engine.value.holdout import check_holdout
from segmentti.engine.value.models import BgNbd, _bgnbd_objective, fit_bgnbd, fit_gamma_gamma
from segmentti.engine.value.prediction import (
    ONCE,
    estimate_value,
    purchases_column,
    risk_bands,
    value_bands,
    value_from_orders,
)
from segmentti.errors import SegmenttiError

MAPPING = OrderMapping("customer", "date", amount="amount")


def _lines(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["customer", "date", "amount"])


def test_lines_of_one_day_are_one_purchase_and_returns_are_not_purchases() -> None:
    lines = _lines(
        [
            ("a", "2025-01-01 09:00", 10.0),
            ("a", "2025-01-01 17:30", 5.0),  # same day: one purchase of 15
            ("a", "2025-01-08", -4.0),  # a return: no purchase
            ("a", "2025-01-15", 0.0),  # a free item: the customer came back
            ("b", "2025-01-03", 20.0),
            (" ", "2025-01-03", 20.0),  # no id
        ]
    )
    days = purchase_days(lines, MAPPING)
    assert days[["customer", "spend"]].to_records(index=False).tolist() == [("a", 15.0), ("a", 0.0), ("b", 20.0)]
    history = summarize_history(days, "2025-01-29", "weeks").frame
    assert history.loc["a", "frequency"] == 1
    assert history.loc["a", "recency"] == pytest.approx(2.0)
    assert history.loc["a", "T"] == pytest.approx(4.0)
    assert history.loc["a", "monetary_value"] == 0.0  # the repeat purchase's spend, the first left out
    assert history.loc["b", "T"] == pytest.approx(26 / 7)
    in_days = summarize_history(days, "2025-01-29", "days").frame
    assert in_days.loc["a", "T"] == 28.0
    before = summarize_history(days, "2025-01-10", "days").frame  # the later purchase is not yet seen
    assert before.loc["a", "frequency"] == 0 and before.loc["a", "T"] == 9.0


def test_a_customer_without_history_expects_what_a_new_customer_does() -> None:
    """Equation (10) with no purchases and no age is equation (9): two formulas, one number."""
    model = BgNbd(r=0.2426, alpha=4.4135, a=0.7929, b=2.4258, log_likelihood=0.0, iterations=0)
    none = np.zeros(1)
    for t in (1.0, 39.0, 78.0):
        assert model.expected_purchases(t, none, none, none)[0] == pytest.approx(model.population_purchases(t))
    # the paper's worked example: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks
    assert model.expected_purchases(39.0, np.array([2]), np.array([30.43]), np.array([38.86]))[0] == pytest.approx(
        1.226, abs=5e-4
    )
    alive = model.p_alive(np.array([0, 3, 3]), np.array([0.0, 10.0, 30.0]), np.array([40.0, 40.0, 40.0]))
    assert alive[0] == 1.0 and alive[1] < alive[2] < 1.0  # a recent last purchase is a sign of life


def test_the_gradient_is_the_likelihood_s_slope() -> None:
    x, t_x, age = np.array([0.0, 1.0, 4.0]), np.array([0.0, 3.0, 20.0]), np.array([10.0, 30.0, 25.0])
    objective = _bgnbd_objective(x, t_x, age, np.array([1.0, 2.0, 1.0]))
    point = np.log([0.5, 3.0, 0.8, 2.0])
    _, gradient = objective(point)
    for i in range(4):
        step = np.zeros(4)
        step[i] = 1e-6
        slope = (objective(point + step)[0] - objective(point - step)[0]) / 2e-6
        assert gradient[i] == pytest.approx(slope, rel=1e-5, abs=1e-8)


def _simulated(count: int, seed: int) -> tuple[np.ndarray, ...]:
    """Customers drawn from BG/NBD (r=0.5, alpha=6, a=0.8, b=3) and Gamma-Gamma (p=5, q=4, v=20) over 52 weeks."""
    rng = np.random.default_rng(seed)
    rate = rng.gamma(0.5, 1 / 6.0, count)
    dropout = rng.beta(0.8, 3.0, count)
    age = rng.uniform(20, 52, count)
    x, t_x = np.zeros(count), np.zeros(count)
    for i in range(count):
        clock = 0.0
        while True:
            clock += rng.exponential(1 / rate[i])
            if clock > age[i]:
                break
            x[i] += 1
            t_x[i] = clock
            if rng.random() < dropout[i]:
                break
    nu = rng.gamma(4.0, 1 / 20.0, count)
    spend = np.array([rng.gamma(5.0, 1 / nu[i], int(n)).mean() if n else 0.0 for i, n in enumerate(x)])
    return x, t_x, age, spend


def test_the_fits_recover_the_parameters_the_customers_were_drawn_from() -> None:
    x, t_x, age, spend = _simulated(8000, seed=3)
    model = fit_bgnbd(x, t_x, age)
    assert model.r == pytest.approx(0.5, rel=0.15)
    assert model.alpha == pytest.approx(6.0, rel=0.25)
    assert model.a == pytest.approx(0.8, rel=0.3)
    assert model.b == pytest.approx(3.0, rel=0.35)
    spend_model = fit_gamma_gamma(x, spend)
    assert spend_model.mean_spend == pytest.approx(5.0 * 20.0 / 3.0, rel=0.1)
    assert spend_model.p == pytest.approx(5.0, rel=0.2)


def test_bands_say_risk_in_words_and_keep_one_time_buyers_apart() -> None:
    bands = risk_bands(np.array([0.95, 0.5, 0.2, 0.05, 1.0]), np.array([3, 3, 3, 3, 0]))
    assert bands.tolist() == ["active", "slipping", "at_risk", "lost", ONCE]
    ranks = value_bands(np.arange(10, dtype=float))
    assert ranks.tolist() == ["low"] * 5 + ["middle"] * 3 + ["top"] * 2


def _two_years(seed: int = 1, customers: int = 400) -> pd.DataFrame:
    x, t_x, age, spend = _simulated(customers, seed)
    rows = []
    start = pd.Timestamp("2024-01-01")
    for i in range(customers):
        first = start + pd.Timedelta(days=int((52 - age[i]) * 7))
        rows.append((f"c{i}", first, 30.0))
        times = np.sort(np.random.default_rng(i).uniform(0, t_x[i], int(x[i]) - 1)) if x[i] > 1 else []
        for time in [*times, t_x[i]] if x[i] else []:
            rows.append((f"c{i}", first + pd.Timedelta(days=int(time * 7) + 1), float(max(spend[i], 1.0))))
    return pd.DataFrame(rows, columns=["customer", "date", "amount"])


def test_value_per_customer_from_order_lines() -> None:
    lines = _two_years()
    value = value_from_orders(lines, MAPPING, horizon_days=180, discount=0.1)
    table = value.table
    assert len(table) == lines["customer"].nunique()
    assert {purchases_column(days) for days in (30, 90, 180, 365)} <= set(table.columns)
    assert table["p_alive"].between(0, 1).all()
    assert (table[purchases_column(30)] <= table[purchases_column(90)]).all()
    assert (table["predicted_value"] >= 0).all()
    undiscounted = estimate_value(value.history, 180, 0.0).table["predicted_value"]
    assert (table["predicted_value"] <= undiscounted + 1e-9).all() and table[
        "predicted_value"
    ].sum() < undiscounted.sum()
    summary = value.summary()
    assert summary["customers"] == len(table) and set(summary["gamma_gamma"]) >= {"p", "q", "v"}
    assert summary["predicted_value"] == pytest.approx(table["predicted_value"].sum())
    figures = value.parameter_figures()
    assert figures["r"] == f"{value.bgnbd.r:.4g}" and figures["v"] == f"{value.gamma_gamma.v:.4g}"
    # without the spend model the page and the command line show a dash, not a failure
    assert estimate_value(value.history, 180, with_spend=False).parameter_figures()["p"] == "–"
    assert value.parameter_figures("fi")["r"] == figures["r"].replace(".", ",")


@pytest.mark.parametrize(
    ("rows", "key"),
    [
        ([("a", "2025-01-01", 5.0), ("b", "2025-01-01", 7.0), ("a", "2025-01-01", 1.0)], "error.value_too_short"),
        ([("a", "2025-01-01", 5.0), ("b", "2025-01-02", 7.0)], "error.value_no_repeat"),
        ([("a", "2025-01-01", -5.0), ("a", "2025-01-02", -7.0)], "error.no_purchases"),
    ],
)
def test_data_the_models_cannot_use_is_refused_in_words(rows: list, key: str) -> None:
    with pytest.raises(SegmenttiError) as raised:
        value_from_orders(_lines(rows), MAPPING)
    assert raised.value.key == key


def test_a_holdout_shorter_than_a_week_is_refused() -> None:
    days = purchase_days(_two_years(customers=60), MAPPING)
    last = pd.Timestamp(days["day"].max())
    with pytest.raises(SegmenttiError) as raised:
        check_holdout(days, last - pd.Timedelta(days=3))
    assert raised.value.key == "error.value_holdout_short"


def test_each_persona_shows_its_segment_s_value_share_of_future_revenue_and_share_at_risk() -> None:
    from segmentti.engine.value.views import segment_value
    from segmentti.engine.workflow import segment_table
    from segmentti.insight.personas import format_kpi, personas_from_result

    frame = pd.DataFrame(
        {
            "customer_id": [f"c{i}" for i in range(40)],
            "age": [25 + i % 3 for i in range(20)] + [65 + i % 3 for i in range(20)],
            "predicted_value": [100.0] * 20 + [10.0] * 20,
            "churn_risk": ["active"] * 20 + ["at_risk"] * 10 + ["lost"] * 5 + ["once"] * 5,
        }
    )
    figures = segment_value(frame, np.array([0] * 20 + [1] * 20), 2)
    assert figures.loc[0].tolist() == pytest.approx([100.0, 2000 / 2200, 0.0])
    assert figures.loc[1].tolist() == pytest.approx([10.0, 200 / 2200, 0.75])
    assert figures.loc[-1].tolist() == pytest.approx([55.0, 1.0, 0.375])
    personas = personas_from_result(frame, segment_table(frame, ["age"], 2), "fi")
    by_size = {persona.number: {kpi.key: kpi for kpi in persona.kpis} for persona in personas}
    shares = sorted(kpis["future_revenue_share"].segment_value for kpis in by_size.values())
    assert shares == pytest.approx([200 / 2200, 2000 / 2200])
    assert sorted(kpis["at_risk_share"].segment_value for kpis in by_size.values()) == pytest.approx([0.0, 0.75])
    assert format_kpi("at_risk_share", 0.75, "fi") == "75,0\u00a0%"
    risky = [persona for persona in personas if "value_at_risk" in [action.rule for action in persona.actions]]
    assert len(risky) == 1  # 75 % at risk against 37.5 % overall; the other segment has none
    reason = next(action.reason for action in risky[0].actions if action.rule == "value_at_risk")
    assert "75,0\u00a0%" in reason and "37,5\u00a0%" in reason
    assert format_kpi("predicted_value", 1234.4, "fi") == "1\u00a0234\u00a0€"
