"""The command line's criteria options: the default suggestion, --preset and --kinds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from segmentti.cli import build_parser, main
from segmentti.cli.engine import engine_features


def _wholesale_csv(tmp_path: Path) -> Path:
    """440 customers with coded Channel (1/2) and Region (1/2/3), spend per product line, a response flag."""
    rng = np.random.default_rng(5)
    rows = 440
    frame = pd.DataFrame(
        {
            "Channel": rng.choice([1, 2], rows, p=[0.68, 0.32]),
            "Region": rng.choice([1, 2, 3], rows, p=[0.17, 0.11, 0.72]),
            "Fresh": np.round(np.exp(rng.normal(8.7, 1.5, rows))),
            "Milk": np.round(np.exp(rng.normal(8.0, 1.0, rows))),
            "Year_Birth": rng.integers(1950, 1995, rows),
            "Response": (rng.random(rows) < 0.15).astype(int),
        }
    )
    path = tmp_path / "wholesale.csv"
    frame.to_csv(path, index=False)
    return path


def test_scan_json_default_criteria_leave_out_the_response(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _wholesale_csv(tmp_path)
    assert main(["scan", str(path), "--json", "--k-max", "3"]) == 0
    criteria = json.loads(capsys.readouterr().out)["criteria"]
    assert set(criteria) == {"Channel", "Region", "Fresh", "Milk", "Year_Birth"}


def test_preset_chooses_the_criteria_and_an_empty_preset_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _wholesale_csv(tmp_path)
    assert main(["scan", str(path), "--json", "--k-max", "3", "--preset", "who"]) == 0
    assert json.loads(capsys.readouterr().out)["criteria"] == ["Year_Birth", "Region"]  # numbers first
    assert main(["scan", str(path), "--preset", "think", "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: The data has no usable column for the preset think. Choose the criteria yourself or correct "
        "the columns' families on the data page."
    )
    with pytest.raises(SystemExit) as caught:
        main(["scan", str(path), "--preset", "how", "--criteria", "Fresh"])
    assert caught.value.code == 2


def test_kinds_decide_how_a_coded_column_enters_the_clustering(tmp_path: Path, capsys) -> None:
    path = _wholesale_csv(tmp_path)
    frame = pd.read_csv(path)
    args = build_parser().parse_args(["scan", str(path), "--criteria", "Channel,Milk"])
    _, detected = engine_features(args, frame)
    assert detected.categorical == ("Channel",) and {"Channel_1", "Channel_2"} <= set(detected.feature_names)
    args = build_parser().parse_args(["scan", str(path), "--criteria", "Channel,Milk", "--kinds", "Channel=numeric"])
    _, chosen = engine_features(args, frame)
    assert chosen.numeric == ("Channel", "Milk") and chosen.categorical == ()
    assert main(["scan", str(path), "--kinds", "Channel=number", "--lang", "en"]) == 2
    assert "--kinds expects COLUMN=kind" in capsys.readouterr().err
