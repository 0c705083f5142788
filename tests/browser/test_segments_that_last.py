"""Segments that last, in a real browser: save the model and the project, then score February and see who moved."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from browser_helpers import (
    REPO,
    SEGMENTS_PAGE_CHARTS,
    download,
    go_to,
    open_app,
    read_csv,
    screenshot,
    wait_for_app,
    wait_for_charts,
)
from playwright.sync_api import Page, expect

SAMPLE = REPO / "sample_data" / "b2c_customers.csv"


def _upload(page: Page, label: str, path: Path) -> None:
    uploader = page.get_by_test_id("stFileUploader").filter(has_text=label)
    uploader.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    wait_for_app(page)


@pytest.mark.browser
def test_january_model_scores_february_and_shows_the_movers(
    app_url: str, page_en: Page, requests_log, tmp_path: Path
) -> None:
    page = page_en
    open_app(page, app_url)
    go_to(page, "3 Segments", "Segments")
    wait_for_charts(page, SEGMENTS_PAGE_CHARTS)
    go_to(page, "4 Personas", "Personas")
    expect(page.get_by_test_id("stMain")).to_contain_text("How to find this segment in your CRM or email tool")
    _, model_bytes, model_name = download(page, "Save the model (model.json)")
    assert model_name == "model.json" and json.loads(model_bytes)["format"] == "segmentti-model"
    model = tmp_path / "model.json"
    model.write_bytes(model_bytes)

    page.get_by_test_id("stSidebar").get_by_text("Project", exact=True).click()
    _, project_bytes, _ = download(page, "Save the project (project.json)")
    project = json.loads(project_bytes)
    assert project["format"] == "segmentti-project" and project["data"]["sample"] == "b2c_customers"

    january = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    february = january.iloc[500:].copy()
    movers = february.index[:40]
    february.loc[movers, "age"] = "78"  # forty customers age into the seniors
    february.loc[movers, "occupation"] = "retired"
    old, new = tmp_path / "january.csv", tmp_path / "february.csv"
    january.to_csv(old, index=False)
    february.to_csv(new, index=False)

    go_to(page, "Compare snapshots", "Compare snapshots")
    page.get_by_test_id("stRadio").get_by_text("A model file (model.json)").click()
    wait_for_app(page)
    _upload(page, "Model file", model)
    _upload(page, "Earlier snapshot", old)
    _upload(page, "New snapshot", new)
    wait_for_charts(page, 1)
    expect(page.get_by_test_id("stMetric").filter(has_text="Gone")).to_contain_text("500")
    _, movers_bytes, _ = download(page, re.compile(r"^Every mover"))
    moved = read_csv(movers_bytes)
    assert 0 < len(moved) <= 40 and set(moved["customer_id"]) <= set(february.loc[movers, "customer_id"])
    screenshot(page, "compare_en", charts=1)

    # the same page in RFM segments: June's order lines against December's, scored on June's edges
    orders = pd.read_csv(REPO / "sample_data" / "b2c_orders.csv.gz", dtype=str, keep_default_na=False)
    june, december = tmp_path / "orders_june.csv", tmp_path / "orders_december.csv"
    orders[orders["order_date"] <= "2025-06-30"].to_csv(june, index=False)
    orders.to_csv(december, index=False)
    page.get_by_test_id("stRadio").get_by_text("RFM segments").click()
    wait_for_app(page)
    _upload(page, "Earlier snapshot", june)
    _upload(page, "New snapshot", december)
    wait_for_charts(page, 1)
    expect(page.get_by_test_id("stMain")).to_contain_text("Edges from the earlier snapshot: recency")
    _, migration_bytes, _ = download(page, "migration.csv")
    migration = read_csv(migration_bytes)
    assert {"Champions", "At Risk"} <= set(migration["from_segment"]) and "Gone" not in set(migration["to_segment"])
    customers = int(migration["customers"].astype(int).sum())
    assert customers == orders.loc[orders["amount_eur"].astype(float) > 0, "customer_id"].nunique()
    screenshot(page, "compare_rfm_en", charts=1)

    go_to(page, "Score new customers", "Score new customers")
    page.get_by_test_id("stRadio").get_by_text("A model file (model.json)").click()
    wait_for_app(page)
    _upload(page, "Model file", model)
    _upload(page, "New customers (CSV or Excel)", new)
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("4,500 customers placed into 4 segments")
    _, scored_bytes, _ = download(page, "All customers with segments (CSV)")
    assert len(read_csv(scored_bytes)) == 4500
    screenshot(page, "score_en")
    requests_log.assert_only_local()
