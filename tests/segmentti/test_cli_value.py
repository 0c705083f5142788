"""The ``value`` command: CDNOW's published parameters from the file as it is, a row per customer, bad input in words."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from segmentti.cli import main
from segmentti.texts import translate
from tests.conftest import REALDATA

CDNOW = REALDATA / "cdnow" / "CDNOW_sample.txt"
CDNOW_MAPPING = ["--customer", "column_2", "--date", "column_3", "--amount", "column_5"]


def test_value_on_cdnow_prints_the_published_parameters_and_writes_a_row_per_customer(tmp_path, capsys) -> None:
    if not CDNOW.exists():
        pytest.skip(f"shared real data not present at {CDNOW}")
    out = tmp_path / "value.csv"
    args = ["value", str(CDNOW), *CDNOW_MAPPING, "--as-of", "1997-09-30", "--horizon", "180", "--out", str(out)]
    assert main([*args, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["customers"] == 2357 and summary["repeat_buyers"] == 946 and summary["unit"] == "weeks"
    published = {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}
    assert summary["bgnbd"] == pytest.approx({**published, "log_likelihood": -9582.43}, rel=0.01)
    assert {name: summary["gamma_gamma"][name] for name in "pqv"} == pytest.approx(
        {"p": 6.25, "q": 3.74, "v": 15.45}, rel=0.01
    )
    frame = pd.read_csv(out, dtype={"column_2": "str"})
    assert len(frame) == 2357 and frame["column_2"].is_unique
    assert {"p_alive", "expected_purchases_180d", "expected_purchases_365d", "predicted_value", "churn_risk"} <= set(
        frame.columns
    )
    assert frame["predicted_value"].sum() == pytest.approx(summary["predicted_value"])
    assert main([*args, "--lang", "fi"]) == 0
    printed = capsys.readouterr().out
    assert "r = 0,2426" in printed and translate("value.risk_at_risk", "fi") in printed


def _lines(tmp_path, rows: list[str]) -> str:
    path = tmp_path / "lines.csv"
    path.write_text("customer,date,amount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("rows", "key"),
    [
        (["a,2025-01-01,5", "b,2025-01-02,7", "c,2025-01-03,9"], "error.value_no_repeat"),
        (["a,2025-01-01,5", "b,2025-01-01,7", "a,2025-01-01,2"], "error.value_too_short"),
        (["a,2025-01-01,-5", "a,2025-01-02,-7", "b,2025-01-03,-1"], "error.no_purchases"),
    ],
)
def test_data_the_models_cannot_use_is_one_error_line_and_exit_2(tmp_path, capsys, rows: list[str], key: str) -> None:
    out = tmp_path / "value.csv"
    mapping = ["--customer", "customer", "--date", "date", "--amount", "amount"]
    assert main(["value", _lines(tmp_path, rows), *mapping, "--out", str(out), "--lang", "fi"]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith("error: ")
    assert translate(key, "fi", column="amount").split(".")[0] in error[0]
    assert not out.exists()


def test_a_horizon_that_is_not_a_number_is_refused(tmp_path, capsys) -> None:
    rows = ["a,2025-01-01,5", "a,2025-02-01,7", "b,2025-01-03,9"]
    args = ["value", _lines(tmp_path, rows), "--customer", "customer", "--date", "date", "--amount", "amount"]
    assert main([*args, "--horizon", "vuosi", "--out", str(tmp_path / "v.csv")]) == 2
    assert capsys.readouterr().err.count("error:") == 1
