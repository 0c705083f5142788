"""Data in, in a real browser: customers and their order lines uploaded together, joined, checked and segmented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser_helpers import SEGMENTS_PAGE_CHARTS, go_to, open_app, title, wait_for_app, wait_for_charts
from playwright.sync_api import Page, expect

from segmentti.texts import translate

REPO = Path(__file__).resolve().parents[2]
CUSTOMERS = REPO / "sample_data" / "b2c_customers.csv"
ORDERS = REPO / "sample_data" / "b2c_orders.csv.gz"
BAD_INPUTS = REPO / "tests" / "data" / "bad_inputs"


def _main(page: Page):
    return page.get_by_test_id("stMain")


def _upload(page: Page, lang: str, *paths: Path) -> None:
    page.get_by_test_id("stRadio").get_by_text(translate("data.source_upload", lang), exact=True).click()
    wait_for_app(page)
    page.get_by_test_id("stMain").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [str(path) for path in paths]
    )
    wait_for_app(page)


@pytest.mark.browser
def test_customers_and_order_lines_joined_then_quality_criteria_and_segments(
    app_url: str, page_en: Page, requests_log
) -> None:
    page = page_en
    open_app(page, app_url)
    _upload(page, "en", CUSTOMERS, ORDERS)

    main = _main(page)
    expect(main).to_contain_text("In use: b2c_customers.csv + b2c_orders.csv")
    expect(main).to_contain_text("This looks like order lines")
    expect(main.get_by_test_id("stAlertContentSuccess")).to_contain_text("customers (")
    expect(main).to_contain_text("b2c_orders.csv joined:")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)

    go_to(page, "1b Quality", "Data quality")
    expect(main).to_contain_text("Data: b2c_customers.csv + b2c_orders.csv — 5000 rows")

    go_to(page, "2 Criteria", "Segmentation criteria")
    tags = page.get_by_test_id("stMultiSelect").get_by_test_id("stMultiSelectTagsContainer")
    expect(tags).to_contain_text("total_spend")

    go_to(page, "3 Segments", "Segments")
    wait_for_charts(page, SEGMENTS_PAGE_CHARTS)
    expect(page.get_by_test_id("stException")).to_have_count(0)

    requests_log.assert_only_local()


@pytest.mark.browser
def test_password_protected_workbook_gets_a_finnish_message_and_the_data_stays(
    app_url: str, open_page: Callable[[str], Page], requests_log
) -> None:
    page = open_page("fi-FI")
    open_app(page, app_url)
    expect(title(page)).to_have_text("Asiakasaineisto")
    _upload(page, "fi", BAD_INPUTS / "password_protected.xlsx")
    message = translate("error.excel_protected", "fi", name="password_protected.xlsx")
    expect(page.get_by_test_id("stAlert").filter(has_text=message)).to_have_count(1)
    expect(_main(page)).to_contain_text("Käytössä: b2c_customers.csv")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    requests_log.assert_only_local()
