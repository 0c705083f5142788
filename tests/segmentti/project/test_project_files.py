"""A project remembers every file of a join and how each was read and joined; opening it again rebuilds the join."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from segmentti.data.assembly import Part, assemble
from segmentti.data.loading import load_table
from segmentti.data.orders import OrderMapping
from segmentti.errors import SegmenttiError
from segmentti.project.project_file import (
    Project,
    SourceFile,
    assemble_project,
    project_from_bytes,
    project_to_bytes,
)


def _files() -> dict[str, bytes]:
    """A Finnish CRM export (``;``, decimal comma), order lines and a survey, joined on differently named ids."""
    rng = np.random.default_rng(8)
    ids = [f"A{number:03d}" for number in range(60)]
    crm = pd.DataFrame(
        {
            "asiakasnro": ids,
            "ika": rng.integers(20, 80, 60),
            "kunta": rng.choice(["Hämeenlinna", "Jyväskylä", "Espoo"], 60),
            "tulot": [f"{value:.1f}".replace(".", ",") for value in rng.normal(3000, 500, 60)],
        }
    )
    lines = pd.DataFrame(
        {
            "tilaus": [f"T{n:04d}" for n in range(400)],
            "asiakas": rng.choice(ids, 400),
            "pvm": (pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 300, 400), unit="D")).strftime(
                "%d.%m.%Y"
            ),
            "summa": rng.lognormal(3, 0.5, 400).round(2),
        }
    )
    survey = pd.DataFrame({"tunnus": ids[::2], "tyytyvaisyys": rng.integers(1, 6, 30)})
    return {
        "crm.csv": crm.to_csv(sep=";", index=False).encode("cp1252"),
        "tilaukset.csv": lines.to_csv(index=False).encode(),
        "kysely.csv": survey.to_csv(index=False).encode(),
    }


MAPPING = OrderMapping("asiakas", "pvm", amount="summa", order="tilaus")


def _parts(files: dict[str, bytes]) -> list[Part]:
    crm, lines, survey = (load_table(data, name) for name, data in files.items())
    return [
        Part(crm, "crm", "customers", "asiakasnro"),
        Part(lines, "lines", "orders", "asiakas", MAPPING, "2025-09-30"),
        Part(survey, "survey", "customers", "tunnus"),
    ]


def test_every_file_of_a_join_is_recorded_and_opening_the_project_rebuilds_the_join() -> None:
    files = _files()
    parts = _parts(files)
    joined = assemble(parts).table.frame
    project = Project(files=tuple(SourceFile.of_part(part) for part in parts), k=3)
    document = json.loads(project_to_bytes(project))
    recorded = document["data"]["files"]
    assert [entry["name"] for entry in recorded] == ["crm.csv", "tilaukset.csv", "kysely.csv"]
    assert [entry["kind"] for entry in recorded] == ["customers", "orders", "customers"]
    assert [entry["id_column"] for entry in recorded] == ["asiakasnro", "asiakas", "tunnus"]
    assert recorded[0]["separator"] == ";" and recorded[0]["encoding"] == "cp1252"
    assert recorded[1]["orders"]["date"] == "pvm" and recorded[1]["as_of"] == "2025-09-30"
    opened = project_from_bytes(project_to_bytes(project))
    assert opened == project
    again = assemble_project(opened, files).table.frame
    pd.testing.assert_frame_equal(again, joined)
    assert "tyytyvaisyys" in again.columns and "recency_days" in again.columns and len(again) == 60


def test_opening_without_every_file_names_the_missing_ones() -> None:
    files = _files()
    project = Project(files=tuple(SourceFile.of_part(part) for part in _parts(files)))
    with pytest.raises(SegmenttiError) as raised:
        assemble_project(project, {"crm.csv": files["crm.csv"]})
    message = raised.value.message("fi")
    assert raised.value.key == "error.project_files_missing"
    assert message.endswith("Puuttuu: tilaukset.csv, kysely.csv.")


def test_a_version_one_file_is_still_read_and_bad_join_details_are_named() -> None:
    document = json.loads(project_to_bytes(Project(files=(SourceFile("crm.csv", separator=";"),), k=4)))
    document["version"] = 1
    for entry in document["data"]["files"]:
        for key in ("kind", "id_column", "orders", "as_of"):
            del entry[key]
    opened = project_from_bytes(json.dumps(document).encode())
    assert opened.files == (SourceFile("crm.csv", separator=";"),) and opened.k == 4
    document["version"] = 2
    document["data"]["files"][0]["kind"] = "survey"
    with pytest.raises(SegmenttiError) as raised:
        project_from_bytes(json.dumps(document).encode())
    assert raised.value.message("en").count("data.files[1].kind") == 1
    document["data"]["files"][0].update(kind="orders", orders={"customer": "asiakas"})
    with pytest.raises(SegmenttiError) as raised:
        project_from_bytes(json.dumps(document).encode())
    assert "data.files[1].orders.date" in raised.value.message("en")
