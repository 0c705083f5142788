"""The run assembler: every file of a run by name, built only when read, written as the command line writes it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from segmentti.cli import main
from segmentti.data.loading import read_file
from segmentti.engine.features import build_features, resolve_criteria
from segmentti.engine.scanning import scan_fit
from segmentti.engine.workflow import segment_features, segment_table
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import personas_from_result
from segmentti.outputs import run as run_module
from segmentti.outputs.contacts import ContactColumns
from segmentti.outputs.run import Pilot, assemble_run, write_outputs

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "sample_data" / "b2c_customers.csv"


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": [f"c{i}" for i in range(8)],
            "spend": [10.0, 11.0, 12.0, 13.0, 100.0, 101.0, 102.0, 103.0],
            "email": [f"p{i}@example.fi" for i in range(7)] + ["not-an-email"],
            "newsletter_consent": ["yes", "yes", "no", "yes", "yes", "yes", "yes", "yes"],
        }
    )


def _run(**options):
    frame = _frame()
    result = segment_table(frame, ["spend"], 2)
    personas = personas_from_result(frame, result, "en", {2: {"name": "Big, spenders"}})
    return assemble_run(frame, result, personas, "en", source="shop.csv", **options)


def test_a_run_has_every_file_by_name() -> None:
    run = _run(k_selection="fixed")
    stems = [f"{persona.number:02d}_" for persona in run.personas]
    names = list(run)
    assert names[:6] == [
        "segments.csv",
        "summary.json",
        "personas.md",
        "report.html",
        "segments.xlsx",
        "segments_excel_fi.csv",
    ]
    assert [name[:9] for name in names[6:8]] == [f"lists/{stem}" for stem in stems] and names[-1] == "lists.zip"
    segments = pd.read_csv(io.BytesIO(run["segments.csv"]))
    assert segments["segment"].tolist() == [1, 1, 1, 1, 2, 2, 2, 2]
    assert set(segments.loc[segments["segment"] == 2, "segment_name"]) == {"Big, spenders"}
    summary = json.loads(run["summary.json"])
    assert list(summary) == [
        "k",
        "k_selection",
        "method",
        "seed",
        "criteria",
        "n_customers",
        "segments",
        "metrics",
        "dropped_criteria",
    ]
    assert summary["k_selection"] == "fixed" and summary["segments"][1]["name"] == "Big, spenders"
    assert [(s["id"], s["size"], s["share"]) for s in summary["segments"]] == [(1, 4, 0.5), (2, 4, 0.5)]
    # consent "no" and the invalid address are left off; the tag has no comma for Mailchimp to split at
    first, second = (pd.read_csv(io.BytesIO(run[name])) for name in names[6:8])
    assert first["Email Address"].tolist() == ["p0@example.fi", "p1@example.fi", "p3@example.fi"]
    assert set(second["Tags"]) == {"Big spenders"} and len(second) == 3
    archive = zipfile.ZipFile(io.BytesIO(run["lists.zip"]))
    assert {f"lists/{entry}": archive.read(entry) for entry in archive.namelist()} == {
        name: run[name] for name in names[6:8]
    }
    finnish = pd.read_csv(io.BytesIO(run["segments_excel_fi.csv"]), sep=";", decimal=",", encoding="utf-8-sig")
    assert finnish["spend"].tolist() == _frame()["spend"].tolist()
    assert run.segment_csv(2) == run["segments.csv"].split(b"\n", 1)[0] + b"\n" + b"".join(
        line + b"\n" for line in run["segments.csv"].split(b"\n")[5:9]
    )


def test_asking_for_one_file_builds_only_that_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was built")

    monkeypatch.setattr(run_module, "build_workbook", refuse)
    run = _run()
    assert run["report.html"].startswith(b"<!DOCTYPE html>")
    assert run["segments.csv"] and run["lists.zip"] and run["personas.md"]
    with pytest.raises(AssertionError, match="workbook"):
        run["segments.xlsx"]
    with pytest.raises(KeyError):
        run["nothing.txt"]


def test_a_pilot_adds_its_column_and_control_lists_and_the_report_says_so() -> None:
    run = _run(pilot=Pilot(50, seed=1))
    segments = pd.read_csv(io.BytesIO(run["segments.csv"]))
    assert segments["pilot_group"].value_counts().to_dict() == {"test": 4, "control": 4}
    assert sum(name.endswith("_control.csv") for name in run) == 2
    assert "50% of every segment drawn into a control group (seed 1)" in run["report.html"].decode()
    with pytest.raises(SegmenttiError):
        _run(pilot=Pilot(95))


def test_without_an_email_column_there_are_no_lists_and_headers_can_be_translated() -> None:
    run = _run(contact_columns=ContactColumns(None), segment_column="segmentti", name_column="nimi")
    assert run.lists is None and not any(name.startswith("lists") for name in run)
    assert list(pd.read_csv(io.BytesIO(run["segments.csv"])).columns)[-2:] == ["segmentti", "nimi"]


def test_a_mixture_adds_each_customers_membership() -> None:
    frame = _frame()
    result = segment_table(frame, ["spend"], 2, method="gmm")
    run = assemble_run(frame, result, personas_from_result(frame, result, "en"), "en")
    membership = pd.read_csv(io.BytesIO(run["segments.csv"]))["membership"]
    np.testing.assert_allclose(membership, np.round(result.segmentation.membership, 4))


def test_write_outputs_writes_every_file_but_the_zip(tmp_path: Path) -> None:
    run = _run()
    written = write_outputs(tmp_path / "out", run)
    assert [path.relative_to(tmp_path / "out").as_posix() for path in written] == run.folder_names()
    assert "lists.zip" not in run.folder_names()
    assert all(path.read_bytes() == run[name] for path, name in zip(written, run.folder_names(), strict=True))
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(SegmenttiError):
        write_outputs(blocked, run)


def test_the_command_line_writes_the_assemblers_bytes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["segment", str(SAMPLE), "--k", "3", "--lang", "en", "--out", str(out)]) == 0
    table = read_file(SAMPLE)
    features = build_features(table.frame, resolve_criteria(table.frame, None))
    result = segment_features(table.frame, features, 3, 0, "en", fitted=scan_fit(features, 3, 0))  # as --k 3 fits
    run = assemble_run(
        table.frame,
        result,
        personas_from_result(table.frame, result, "en"),
        "en",
        source=table.source_name,
        k_selection="fixed",
    )
    written = sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())
    assert written == sorted([*run.folder_names(), "model.json", "project.json"])  # and the model, the project
    for name in run.folder_names():
        if name == "segments.xlsx":  # the file records when it was written: compare the cells
            mine, theirs = (
                load_workbook(io.BytesIO(data), read_only=True) for data in (run[name], (out / name).read_bytes())
            )
            assert mine.sheetnames == theirs.sheetnames
            assert all(list(mine[sheet].values) == list(theirs[sheet].values) for sheet in mine.sheetnames[:2])
        else:
            assert (out / name).read_bytes() == run[name], name
