"""Customer value in a real browser, in Finnish: the sample's value and risk, the list downloaded, value into the personas."""

from __future__ import annotations

import re

import pytest
from browser_helpers import (
    SCRIPT_TIMEOUT_MS,
    SEGMENTS_PAGE_CHARTS,
    count_in,
    download,
    go_to,
    open_app,
    plotly_charts,
    read_csv,
    screenshot,
    wait_for_app,
    wait_for_charts,
)
from playwright.sync_api import Page, expect

from segmentti.texts import translate

VALUE_PAGE_CHARTS = 5
"""Risk bands, predicted value, the P(alive) matrix, RFM × value bands and the holdout check."""


@pytest.mark.browser
def test_sample_value_downloaded_and_added_to_the_personas(app_url: str, page_fi: Page, requests_log) -> None:
    page = page_fi
    open_app(page, app_url)
    go_to(page, translate("page.value", "fi"), translate("value.title", "fi"))
    wait_for_charts(page, VALUE_PAGE_CHARTS)
    main = page.get_by_test_id("stMain")
    # the bundled order lines have no customers leaving: the page says so instead of inventing risk
    expect(main).to_contain_text(translate("value.warn_no_dropout", "fi"))
    expect(main).to_contain_text(translate("value.holdout_heading", "fi"))
    screenshot(page, "value_fi", charts=VALUE_PAGE_CHARTS)

    label, data, file_name = download(page, re.compile("^" + translate("value.download_all", "fi", count="")[:20]))
    rows = read_csv(data)
    assert file_name == "b2c_customers_value.csv" and len(rows) == count_in(label) > 4000
    assert {"customer_id", "p_alive", "expected_purchases_90d", "predicted_value", "churn_risk_name"} <= set(
        rows.columns
    )
    assert set(rows["churn_risk_name"]) <= {
        translate(f"value.risk_{key}", "fi") for key in ("active", "slipping", "once")
    }

    page.get_by_role("button", name=translate("value.add", "fi")).click()
    wait_for_app(page)
    expect(main).to_contain_text(translate("value.added", "fi")[:40])

    go_to(page, "3 Segmentit", translate("segments.title", "fi"))
    # new columns are new data: the segments are computed afresh (a scan over k), which takes a while on a busy machine
    expect(plotly_charts(page)).to_have_count(SEGMENTS_PAGE_CHARTS, timeout=SCRIPT_TIMEOUT_MS * 2)
    wait_for_charts(page, SEGMENTS_PAGE_CHARTS)
    go_to(page, "4 Persoonat", translate("personas.title", "fi"))
    expect(main).to_contain_text(translate("kpi.future_revenue_share", "fi"))
    expect(main).to_contain_text(translate("kpi.at_risk_share", "fi"))

    go_to(page, "5 Vienti", "Vie segmenttilistat")
    label, data, _ = download(page, re.compile(r"^Lataa kaikki [\d,\u00a0 ]+ asiakasta"))
    everyone = read_csv(data)
    assert len(everyone) == count_in(label) == 5000  # every customer; those who never ordered have empty value cells
    assert {"p_alive", "predicted_value", "churn_risk", "predicted_value_band"} <= set(everyone.columns)
    assert (everyone["predicted_value"] != "").sum() == len(rows)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    requests_log.assert_only_local()
