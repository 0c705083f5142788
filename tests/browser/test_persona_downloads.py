"""Personas and exports in a real browser: edit a persona's name, then download the ZIP of lists and the workbook."""

from __future__ import annotations

import io
import re
import zipfile

import pandas as pd
import pytest
from browser_helpers import (
    REPO,
    SEGMENTS_PAGE_CHARTS,
    download,
    go_to,
    open_app,
    screenshot,
    title,
    wait_for_app,
    wait_for_charts,
)
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

SAMPLE = pd.read_csv(REPO / "sample_data" / "b2c_customers.csv", dtype=str, keep_default_na=False)
NEW_NAME = "Helsinki sporty teachers"


def _rename_first_persona(page: Page, name: str) -> str:
    field = page.get_by_test_id("stTextInput").first.locator("input")
    suggested = field.input_value()
    field.fill(name)
    field.press("Enter")
    wait_for_app(page)
    expect(page.get_by_test_id("stMain").locator("h3").first).to_contain_text(f"1. {name}")
    return suggested


@pytest.mark.browser
def test_personas_then_zip_and_workbook(app_url: str, page_en: Page, requests_log) -> None:
    page = page_en
    open_app(page, app_url)
    go_to(page, "3 Segments", "Segments")
    wait_for_charts(page, SEGMENTS_PAGE_CHARTS)

    go_to(page, "4 Personas", "Personas")
    cards = page.get_by_test_id("stTextInput")
    expect(cards).to_have_count(4)
    suggested = _rename_first_persona(page, NEW_NAME)
    assert suggested and suggested != NEW_NAME
    expect(page.get_by_test_id("stMain")).to_contain_text("Suggested channels and actions")
    expect(page.get_by_test_id("stMain")).to_contain_text("Try a small pilot campaign first")
    screenshot(page, "personas_en", charts=4 + 1)  # a trait chart per persona and the share chart

    go_to(page, "5 Export", "Export segment lists")
    expect(page.get_by_test_id("stMain")).to_contain_text("customers on the lists")

    _, data, file_name = download(page, re.compile(r"^Download every segment's list"))
    assert file_name == "b2c_customers_segment_lists.zip"
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert len(names) == 4 and names[0] == "01_Helsinki_sporty_teachers.csv"
    lists = [pd.read_csv(archive.open(name), dtype=str, keep_default_na=False) for name in names]
    assert all(list(frame.columns) == ["Email Address", "First Name", "Last Name", "Tags"] for frame in lists)
    assert set(lists[0]["Tags"]) == {NEW_NAME}
    listed = pd.concat(lists)
    consenting = SAMPLE[SAMPLE["newsletter_consent"] == "yes"]
    assert sorted(listed["Email Address"]) == sorted(consenting["email"])  # every consenting address, once
    expect(page.get_by_test_id("stMain")).to_contain_text(f"{len(listed):,} customers on the lists")

    _, data, file_name = download(page, "Download the Excel workbook (.xlsx)")
    assert file_name == "b2c_customers_segments.xlsx"
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[:3] == ["Summary", "Personas", f"1 {NEW_NAME}"] and len(book.sheetnames) == 6
    assert book["Personas"]["B2"].value == NEW_NAME
    assert sum(sheet.max_row - 1 for sheet in book.worksheets[2:]) == len(SAMPLE)
    first = book.worksheets[2]
    assert first.freeze_panes == "A2" and first.auto_filter.ref.startswith("A1:")

    _, data, _ = download(page, "Download the persona report (HTML, printable)")
    report = data.decode("utf-8")
    assert (
        NEW_NAME in report
        and "<script" not in report
        and "http://" not in report.replace("http://www.w3.org/2000/svg", "")
    )

    # the edit survives a visit elsewhere
    go_to(page, "4 Personas", "Personas")
    expect(page.get_by_test_id("stTextInput").first.locator("input")).to_have_value(NEW_NAME)
    expect(title(page)).to_have_text("Personas")
    requests_log.assert_only_local()
