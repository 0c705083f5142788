"""segment writes model.json and project.json; --project replays them; score and compare work from the model."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pandas as pd
import pytest

from segmentti.cli import main


@pytest.fixture(scope="module")
def january(tmp_path_factory: pytest.TempPathFactory, b2c_subset_path: Path) -> tuple[Path, Path]:
    """A segment run of the 1,000-customer subset with k = 3: its folder and the input."""
    out = tmp_path_factory.mktemp("january")
    assert (
        main(["segment", str(b2c_subset_path), "--out", str(out), "--k", "3", "--criteria", "age,gender,region"]) == 0
    )
    return out, b2c_subset_path


def test_segment_writes_the_model_and_the_project(january) -> None:
    out, _ = january
    project = json.loads((out / "project.json").read_text())
    assert project["format"] == "segmentti-project" and project["k"] == 3
    assert set(project["criteria"]) == {"age", "gender", "region"}
    model = json.loads((out / "model.json").read_text())
    assert model["format"] == "segmentti-model"
    summary = json.loads((out / "summary.json").read_text())
    assert model["model"]["names"] == [segment["name"] for segment in summary["segments"]]


def test_segment_with_the_project_reproduces_segments_and_names(january, tmp_path: Path) -> None:
    out, source = january
    again = tmp_path / "again"
    assert (
        main(["segment", str(source), "--out", str(again), "--project", str(out / "project.json"), "--lang", "fi"]) == 0
    )
    first = pd.read_csv(out / "segments.csv")
    second = pd.read_csv(again / "segments.csv")
    assert (first["segment"] == second["segment"]).all()
    assert (first["segment_name"] == second["segment_name"]).all()  # the names travel in the project, in any language


def test_scan_takes_the_project(january, capsys) -> None:
    out, source = january
    assert main(["scan", str(source), "--project", str(out / "project.json"), "--json", "--k-max", "4"]) == 0
    assert set(json.loads(capsys.readouterr().out)["criteria"]) == {"age", "gender", "region"}


def test_score_writes_what_segment_writes_with_the_saved_names(january, tmp_path: Path) -> None:
    out, _ = january
    first = pd.read_csv(out / "segments.csv")
    new = tmp_path / "new.csv"
    first.drop(columns=["segment", "segment_name"]).iloc[::2].to_csv(new, index=False)
    scored = tmp_path / "scored"
    assert main(["score", str(new), "--model", str(out / "model.json"), "--out", str(scored)]) == 0
    result = pd.read_csv(scored / "segments.csv")
    assert (result["segment_name"].to_numpy() == first["segment_name"].iloc[::2].to_numpy()).all()
    assert {"summary.json", "report.html", "segments.xlsx", "personas.md"} <= {p.name for p in scored.iterdir()}
    assert any((scored / "lists").iterdir())


def test_score_names_missing_criteria_and_refuses_a_pickle(january, tmp_path: Path, capsys) -> None:
    out, source = january
    table = pd.read_csv(source).drop(columns=["region"])
    new = tmp_path / "new.csv"
    table.to_csv(new, index=False)
    assert main(["score", str(new), "--model", str(out / "model.json"), "--out", str(tmp_path / "x")]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error:") and "region" in line
    marker = tmp_path / "ran.txt"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    evil = tmp_path / "model.json"
    evil.write_bytes(pickle.dumps(Payload()))
    assert main(["score", str(source), "--model", str(evil), "--out", str(tmp_path / "y"), "--lang", "fi"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error:") and "pickle" in line and not marker.exists()


def test_compare_writes_the_migration_the_movers_and_their_lists(january, tmp_path: Path) -> None:
    out, source = january
    old = pd.read_csv(source)
    new = old.iloc[100:].copy()
    seniors = new["age"] >= 65
    movers = new.index[~seniors][:10]
    new.loc[movers, "age"] = 75  # ten customers age into the seniors' segment, if it is one
    old_path, new_path = tmp_path / "old.csv", tmp_path / "new.csv"
    old.to_csv(old_path, index=False)
    new.to_csv(new_path, index=False)
    result = tmp_path / "cmp"
    assert (
        main(["compare", str(old_path), str(new_path), "--model", str(out / "model.json"), "--out", str(result)]) == 0
    )
    migration = pd.read_csv(result / "migration.csv")
    assert list(migration.columns) == ["from_segment", "to_segment", "customers"]
    assert migration["customers"].sum() == len(old)  # 900 in both + 100 gone, nobody new
    assert migration.loc[migration["to_segment"] == "Gone", "customers"].sum() == 100
    moved = pd.read_csv(result / "movers.csv")
    assert len(moved) > 0 and (moved["from_segment"] != moved["to_segment"]).all()
    assert set(moved["customer_id"]) <= set(old.loc[movers, "customer_id"])
    assert (result / "lists").is_dir()


def test_order_lines_recognised_at_fitting_are_turned_into_customers_when_scoring(tmp_path: Path) -> None:
    import numpy as np

    rng = np.random.default_rng(4)
    lines = pd.DataFrame(
        {
            "order_id": [f"O{n:05d}" for n in range(3000)],
            "customer_id": rng.choice([f"C{n:04d}" for n in range(300)], 3000),
            "order_date": (pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 360, 3000), unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "amount_eur": rng.lognormal(3.5, 0.8, 3000).round(2),
        }
    )
    source = tmp_path / "orders.csv"
    lines.to_csv(source, index=False)
    out, scored = tmp_path / "out", tmp_path / "scored"
    assert main(["segment", str(source), "--out", str(out), "--k", "3"]) == 0  # recognised as order lines
    assert json.loads((out / "model.json").read_text())["model"]["orders"]["customer"] == "customer_id"
    assert main(["score", str(source), "--model", str(out / "model.json"), "--out", str(scored)]) == 0
    fitted, again = pd.read_csv(out / "segments.csv"), pd.read_csv(scored / "segments.csv")
    assert len(again) == len(fitted) == lines["customer_id"].nunique()
    assert (fitted.set_index("customer_id")["segment"] == again.set_index("customer_id")["segment"]).all()
