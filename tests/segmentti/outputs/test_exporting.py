"""Exports: segment columns, CSV and Finnish CSV that read back the same, contact lists, pilot groups, ZIP, inert formulas."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pandas as pd
import pytest

from segmentti.engine.workflow import segment_table
from segmentti.errors import SegmenttiError
from segmentti.insight.personas import apply_edits, build_personas
from segmentti.outputs.contacts import (
    CONTACT_HEADERS,
    ContactColumns,
    build_contact_lists,
    build_lists_zip,
    file_stem,
    find_contact_columns,
)
from segmentti.outputs.tables import (
    build_summary,
    cut_at_word,
    draw_control_group,
    label_customers,
    label_with_personas,
    neutralize_formulas,
    to_csv_bytes,
    to_finnish_csv_bytes,
)


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d", "e", "f"],
            "spend": [10.5, 11.0, 9.5, 100.0, 101.5, 99.0],
            "note": ['=HYPERLINK("x")', "-3", "@SUM(A1)", "+1+1", "plain", "-dash"],
        }
    )


def test_labelled_csv_reads_back_with_the_same_rows_and_numbers() -> None:
    frame = _frame()
    result = segment_table(frame, ["spend"], 2)
    labelled = label_customers(frame, result.segmentation, result.profile)
    back = pd.read_csv(io.BytesIO(to_csv_bytes(labelled)), dtype={"note": str})
    assert list(back.columns) == ["customer_id", "spend", "note", "segment", "segment_name"]
    assert back["customer_id"].tolist() == frame["customer_id"].tolist()
    np.testing.assert_allclose(back["spend"], frame["spend"])
    assert sorted(back["segment"].unique()) == [1, 2]
    assert back.groupby("segment")["spend"].mean().round(1).tolist() == [10.3, 100.2]


def test_formulas_are_made_inert_but_numbers_stay() -> None:
    safe = neutralize_formulas(_frame())
    assert safe["note"].tolist() == ['\'=HYPERLINK("x")', "-3", "'@SUM(A1)", "'+1+1", "plain", "'-dash"]
    assert safe["spend"].tolist() == _frame()["spend"].tolist()


def test_summary_has_the_documented_fields() -> None:
    result = segment_table(_frame(), ["spend"], 2)
    summary = build_summary(result.segmentation, result.profile, ["spend"])
    assert summary["k"] == 2 and summary["method"] == "kmeans" and summary["n_customers"] == 6
    assert [(s["id"], s["size"], s["share"]) for s in summary["segments"]] == [(1, 3, 0.5), (2, 3, 0.5)]
    assert 0.9 < summary["metrics"]["silhouette"] <= 1.0


# --- contact lists, pilot, Finnish CSV, ZIP ----------------------------------------------------------------------


def _customers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "asiakasnumero": ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"],
            "etunimi": ["Aino", "=cmd|' /C calc'!A0", "Eero", "Liisa", "Matti", "Outi", "Pekka", "Sari"],
            "sukunimi": ["Aalto", "Berg", "Heino", "Kivi", "Laine", "Mäki", "Nurmi", "Oja"],
            "sähköposti": [
                "aino@example.fi",
                "b@example.fi",
                "not-an-email",
                "AINO@example.fi ",
                "matti@example.fi",
                None,
                "pekka@example.fi",
                "sari@example.fi",
            ],
            "markkinointilupa": ["kyllä", "kyllä", "kyllä", "kyllä", "ei", "kyllä", "kyllä", "kyllä"],
            "ikä": [25.5, 31.0, 44.25, 52.0, 23.0, 61.0, 38.0, -1.5],
            "liittynyt": pd.to_datetime(["2024-01-31"] * 4 + ["2025-12-01"] * 4),
        }
    )


LABELS8 = np.array([0, 0, 0, 0, 1, 1, 1, 1])


def _personas(frame: pd.DataFrame, names: dict[int, str] | None = None):
    values = frame[["ikä"]].to_numpy(dtype=float)
    personas = build_personas(frame, LABELS8, values, None, ("ikä",), "fi")
    return apply_edits(personas, {number: {"name": name} for number, name in (names or {}).items()})


def test_contact_columns_are_found_from_finnish_headers() -> None:
    found = find_contact_columns(_customers())
    assert found == ContactColumns("sähköposti", "etunimi", "sukunimi", "markkinointilupa")


def test_contact_lists_keep_valid_consenting_unique_addresses_and_count_the_rest() -> None:
    frame = _customers()
    personas = _personas(frame, {1: "Nuoret, aktiivit", 2: '=HYPERLINK("http://x")'})
    lists = build_contact_lists(frame, LABELS8, personas, find_contact_columns(frame))
    first, second = lists.lists
    assert list(first.columns) == list(CONTACT_HEADERS)
    assert first["Email Address"].tolist() == ["aino@example.fi", "b@example.fi"]
    assert first["First Name"].tolist() == ["Aino", "=cmd|' /C calc'!A0"]
    assert set(first["Tags"]) == {"Nuoret aktiivit"}  # one tag: no comma for Mailchimp to split at
    assert second["Email Address"].tolist() == ["pekka@example.fi", "sari@example.fi"]
    # a3 and a6 have no valid address, a5 has no consent, a4 repeats aino@ in another case
    assert lists.left_out == {"invalid_email": 2, "no_consent": 1, "duplicate": 1}
    assert lists.kept == 4 and lists.in_control == 0
    everyone = build_contact_lists(frame, LABELS8, personas, find_contact_columns(frame), only_consenting=False)
    assert everyone.left_out["no_consent"] == 0 and everyone.kept == 5


def test_contact_list_csv_and_zip_read_back_with_formulas_made_inert() -> None:
    frame = _customers()
    personas = _personas(frame, {2: '=HYPERLINK("http://x")'})
    lists = build_contact_lists(frame, LABELS8, personas, find_contact_columns(frame))
    archive = zipfile.ZipFile(io.BytesIO(build_lists_zip(lists, personas, "fi")))
    names = archive.namelist()
    assert len(names) == 2 and names[0].startswith("01_") and names[1].startswith("02_")
    first = pd.read_csv(archive.open(names[0]), dtype=str, keep_default_na=False)
    assert first["Email Address"].tolist() == lists.lists[0]["Email Address"].tolist()
    assert first["First Name"].tolist() == ["Aino", "'=cmd|' /C calc'!A0"]
    second = pd.read_csv(archive.open(names[1]), dtype=str)
    assert set(second["Tags"]) == {'\'=HYPERLINK("http://x")'}


def test_control_groups_are_the_chosen_share_of_every_segment_and_reproducible() -> None:
    labels = np.repeat([0, 1, 2], [100, 50, 7])
    control = draw_control_group(labels, 10, seed=3)
    assert [int(control[labels == s].sum()) for s in range(3)] == [10, 5, 1]
    assert np.array_equal(control, draw_control_group(labels, 10, seed=3))
    assert not np.array_equal(control, draw_control_group(labels, 10, seed=4))
    assert not draw_control_group(labels, 0).any()
    with pytest.raises(SegmenttiError, match="0–90"):
        draw_control_group(labels, 95)


def test_control_group_goes_to_its_own_lists_and_column() -> None:
    frame = _customers()
    personas = _personas(frame)
    control = np.array([False, True, False, False, False, False, True, False])
    lists = build_contact_lists(frame, LABELS8, personas, find_contact_columns(frame), control=control)
    assert lists.lists[0]["Email Address"].tolist() == ["aino@example.fi"]
    assert lists.controls[0]["Email Address"].tolist() == ["b@example.fi"]
    assert lists.controls[1]["Email Address"].tolist() == ["pekka@example.fi"]
    names = zipfile.ZipFile(io.BytesIO(build_lists_zip(lists, personas, "en"))).namelist()
    assert [name.endswith("_control.csv") for name in names] == [False, True, False, True]
    labelled = label_with_personas(frame, LABELS8, personas, "en", control)
    assert labelled["pilot_group"].tolist() == ["test", "control", *["test"] * 4, "control", "test"]


def test_finnish_csv_reads_back_with_semicolon_and_decimal_comma() -> None:
    frame = _customers()
    personas = _personas(frame, {1: "Nuoret; aktiivit"})
    labelled = label_with_personas(frame, LABELS8, personas, "fi", segment_column="segmentti", name_column="nimi")
    data = to_finnish_csv_bytes(labelled)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    text = data.decode("utf-8-sig")
    assert "25,5" in text and "-1,5" in text and "31.01.2024" in text and "'=cmd" in text
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", dtype={"asiakasnumero": str})
    assert list(back.columns) == list(labelled.columns)
    assert back["asiakasnumero"].tolist() == frame["asiakasnumero"].tolist()
    np.testing.assert_allclose(back["ikä"], frame["ikä"])
    assert back["segmentti"].tolist() == (LABELS8 + 1).tolist()
    assert back["nimi"].tolist()[:4] == ["Nuoret; aktiivit"] * 4
    dates = pd.to_datetime(back["liittynyt"], format="%d.%m.%Y")
    assert dates.tolist() == frame["liittynyt"].tolist()


def test_headers_that_look_like_formulas_are_made_inert_too() -> None:
    frame = pd.DataFrame({"=1+1": ["x"], "-5": [1]})
    assert list(neutralize_formulas(frame).columns) == ["'=1+1", "-5"]


def test_long_names_are_cut_between_words_in_file_names() -> None:
    assert cut_at_word("lapsed high spenders in Uusimaa", 26) == "lapsed high spenders in"
    assert cut_at_word("short", 26) == "short"
    assert cut_at_word("Supercalifragilistic", 5) == "Super"  # one long word: cut inside it
    persona = _personas(_customers(), {2: "Frequent small baskets · web shoppers · Uusimaa region"})[1]
    assert file_stem(persona) == "02_Frequent_small_baskets_web_shoppers"
