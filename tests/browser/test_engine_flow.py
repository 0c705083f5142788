"""The segmentation engine in a real browser: method and k on the segments page, a map selection, RFM and rules."""

from __future__ import annotations

import json
import re

import pytest
from browser_helpers import (
    SCAN_CHARTS,
    SEGMENTS_PAGE_CHARTS,
    choose_option,
    download,
    go_to,
    open_app,
    plotly_charts,
    read_csv,
    set_slider_value,
    title,
    wait_for_app,
    wait_for_charts,
)
from playwright.sync_api import Page, expect


def _main(page: Page):
    return page.get_by_test_id("stMain")


@pytest.mark.browser
def test_engine_flow(app_url: str, page_en: Page, requests_log, tmp_path) -> None:
    page = page_en
    open_app(page, app_url)

    # Segments: the segments come first, the recommendation is explained, every score has its chart
    # in the expander below (closed until opened).
    go_to(page, "3 Segments", "Segments")
    wait_for_charts(page, SEGMENTS_PAGE_CHARTS)
    expect(_main(page)).to_contain_text("The recommendation is 4:")
    _main(page).get_by_text("Why this number? The scores for every k").click()
    wait_for_app(page)
    wait_for_charts(page, SEGMENTS_PAGE_CHARTS + SCAN_CHARTS)
    for heading in ("Silhouette", "Inertia", "Stability", "Calinski", "Davies"):
        expect(_main(page).locator(".gtitle", has_text=heading).first).to_be_visible()

    # k moves; then the Gaussian mixture shows each customer's membership and its BIC.
    set_slider_value(page, "Number of segments (k)", 5)
    expect(page.get_by_test_id("stMetric").filter(has_text="Segments")).to_contain_text("5")
    choose_option(page, "Method", "^Gaussian mixture")
    wait_for_charts(page, SEGMENTS_PAGE_CHARTS + SCAN_CHARTS + 1)
    expect(page.get_by_test_id("stMetric").filter(has_text="Mean membership")).to_be_visible()
    expect(_main(page).locator(".gtitle", has_text="BIC").first).to_be_visible()

    # Selecting customers on the map (a box drawn with the mouse) lists them.
    chart = plotly_charts(page).filter(has=page.locator(".gtitle", has_text="Customer map"))
    chart.scroll_into_view_if_needed()
    plot = chart.locator(".nsewdrag").first
    box = plot.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.7, steps=8)
    page.mouse.up()
    wait_for_app(page)
    expect(_main(page).get_by_text(re.compile(r"^Selected customers \(\d+\)$"))).to_be_visible()

    # RFM: the order-lines sample scores the customers; the R x F grid and the export.
    go_to(page, "RFM", "RFM segments")
    expect(_main(page).locator(".gtitle", has_text="R × F grid").first).to_be_visible()
    expect(_main(page).locator(".gtitle", has_text="RFM segments × clusters").first).to_be_visible()
    _, data, file_name = download(page, re.compile(r"^Download [\d,\u00a0 ]+ customers with their RFM segment"))
    scored = read_csv(data)
    assert file_name == "b2c_customers_rfm.csv"
    assert {"R", "F", "M", "recency_days", "orders", "total_spend"} <= set(scored.columns)
    assert scored["segment_name"].str.contains("Champions").any()

    # Rules: the persona rule, saved as JSON; a changed file loaded back changes the sizes.
    go_to(page, "Rules", "Rule-based segments")
    _, data, file_name = download(page, "Save the rules (JSON)")
    rules = json.loads(data)
    assert file_name == "segment_rules.json"
    assert [rule["name"] for rule in rules["rules"]] == ["Urban sporty women 30–40", "Seniors 65+"]
    rules["rules"] = [{"name": "Over 50", "conditions": [{"column": "age", "operator": ">=", "values": [50]}]}]
    path = tmp_path / "over50.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    page.get_by_test_id("stMain").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_for_app(page)
    expect(_main(page).get_by_test_id("stDataFrame").last).to_contain_text("Over 50")
    _, data, _ = download(page, re.compile(r"^Download [\d,\u00a0 ]+ customers with their rule segment"))
    labelled = read_csv(data)
    assert set(labelled["segment_name"]) == {"1: Over 50", "2: Others"}
    assert (labelled[labelled["segment_name"] == "1: Over 50"]["age"].astype(int) >= 50).all()
    expect(title(page)).to_have_text("Rule-based segments")

    requests_log.assert_only_local()
