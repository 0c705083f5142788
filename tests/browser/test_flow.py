"""The app's main flow in a real browser: data → criteria → segments → export, in English and Finnish.

Every test also checks that the page asked nothing from any host but this machine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from browser_helpers import (
    SEGMENTS_PAGE_CHARTS,
    choose_option,
    count_in,
    download,
    go_to,
    nav_link,
    open_app,
    read_csv,
    screenshot,
    set_slider_value,
    title,
    wait_for_app,
    wait_for_charts,
)
from playwright.sync_api import Page, expect

from segmentti.texts import translate

REPO = Path(__file__).resolve().parents[2]
SAMPLE_EN = REPO / "sample_data" / "b2c_customers.csv"
SAMPLE_FI = REPO / "sample_data" / "b2c_customers_fi.csv"

NAV = {
    "en": ["1 Data", "2 Criteria", "3 Segments", "4 Personas", "5 Export"],
    "fi": ["1 Aineisto", "2 Kriteerit", "3 Segmentit", "4 Persoonat", "5 Vienti"],
}
TITLES = {
    "en": ["Customer data", "Segmentation criteria", "Segments", "Export segment lists"],
    "fi": ["Asiakasaineisto", "Segmentointikriteerit", "Segmentit", "Vie segmenttilistat"],
}


@pytest.fixture(scope="module")
def sample_en() -> pd.DataFrame:
    return pd.read_csv(SAMPLE_EN, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def sample_fi() -> pd.DataFrame:
    return pd.read_csv(SAMPLE_FI, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def main(page: Page):
    return page.get_by_test_id("stMain")


def chosen_criteria(page: Page):
    """The tags of the criteria multiselect (one per chosen column)."""
    return page.get_by_test_id("stMultiSelect").get_by_test_id("stMultiSelectTagsContainer").locator("[data-tag]")


def expect_nav(page: Page, lang: str) -> None:
    for name in NAV[lang]:
        expect(nav_link(page, name)).to_be_visible()


def to_segments_with_k(page: Page, lang: str, label: str) -> int:
    """On the Segments page: wait for the charts, move k off the recommendation, wait again; return k."""
    wait_for_charts(page, SEGMENTS_PAGE_CHARTS)
    k_slider = page.get_by_test_id("stSlider").filter(has_text=label)
    recommended = int(k_slider.get_by_test_id("stSliderThumbValue").inner_text())
    k = 5 if recommended != 5 else 6
    set_slider_value(page, label, k)
    count_label = translate("segments.count", lang)
    expect(page.get_by_test_id("stMetric").filter(has_text=count_label)).to_contain_text(str(k))
    wait_for_charts(page, SEGMENTS_PAGE_CHARTS)
    return k


def check_segment_csv(
    data: bytes, label: str, chosen: str, source: pd.DataFrame, id_column: str, segment_column: str, name_column: str
) -> pd.DataFrame:
    """The downloaded segment file: its rows, its one segment, its ids and its columns."""
    exported = read_csv(data)
    number = int(re.match(r"\d+", chosen).group())
    assert len(exported) == count_in(label), "row count differs from the button's label"
    size = re.search(r"\(([\d,\u00a0 ]+)\)$", chosen).group(1)
    assert len(exported) == int(re.sub(r"\D", "", size)), "row count differs from the option's size"
    assert list(exported.columns) == [*source.columns, segment_column, name_column]
    assert set(exported[segment_column]) == {str(number)}
    assert exported[name_column].nunique() == 1
    assert exported[name_column].iloc[0] == re.sub(r"^\d+\.\s*|\s*\([\d,\u00a0 ]+\)$", "", chosen), (
        "segment name differs from the option"
    )
    assert exported[id_column].is_unique
    assert set(exported[id_column]) <= set(source[id_column])
    return exported


@pytest.mark.browser
def test_english_flow(app_url: str, page_en: Page, requests_log, sample_en: pd.DataFrame) -> None:
    page = page_en
    open_app(page, app_url)

    # 1 Data: the sample is loaded without asking.
    expect(title(page)).to_have_text("Customer data")
    expect_nav(page, "en")
    expect(main(page)).to_contain_text("In use: b2c_customers.csv")
    expect(main(page)).to_contain_text(f"{len(sample_en)} rows × {len(sample_en.columns)} columns")
    expect(page.get_by_test_id("stDataFrame")).to_have_count(2)
    screenshot(page, "data_en")

    # 1b Quality: the report of the sample, nothing to fix by force.
    go_to(page, "1b Quality", "Data quality")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "quality_en")

    # 2 Criteria: the suggestion is chosen.
    go_to(page, "2 Criteria", "Segmentation criteria")
    expect(main(page)).to_contain_text("Data: b2c_customers.csv — 5000 rows, 21 columns")
    expect(chosen_criteria(page).first).to_be_visible()
    assert chosen_criteria(page).count() >= 2
    expect(page.get_by_test_id("stAlert")).to_contain_text("criteria:")
    screenshot(page, "criteria_en")

    # 3 Segments: the map first; k moved with the keyboard; each other view drawn when its tab opens.
    go_to(page, "3 Segments", "Segments")
    k = to_segments_with_k(page, "en", "Number of segments (k)")
    screenshot(page, "segments_en", charts=SEGMENTS_PAGE_CHARTS)
    for tab, chart_title in (
        ("Sizes and names", "Segment sizes"),
        ("Profiles", "Segment profiles"),
        ("By criterion", "by segment"),
        ("Customer map", "Customer map"),
    ):
        page.get_by_role("tab", name=tab).click()
        wait_for_app(page)
        wait_for_charts(page, 1)
        expect(main(page).locator(".gtitle").first).to_contain_text(chart_title)

    # 5 Export: one segment, then everyone.
    go_to(page, "5 Export", "Export segment lists")
    expect(main(page)).to_contain_text(f"The customers are in {k} segments.")
    chosen_option = choose_option(page, "Segment", r"^3\. ")
    label, data, file_name = download(page, re.compile(r"^Download the segment's [\d,\u00a0 ]+ customers"))
    assert file_name == "b2c_customers_segment_3.csv"
    check_segment_csv(data, label, chosen_option, sample_en, "customer_id", "segment", "segment_name")

    label, data, file_name = download(page, re.compile(r"^Download all [\d,\u00a0 ]+ customers"))
    assert file_name == "b2c_customers_all_segments.csv"
    everyone = read_csv(data)
    assert len(everyone) == count_in(label) == len(sample_en)
    assert list(everyone.columns) == [*sample_en.columns, "segment", "segment_name"]
    assert list(everyone["customer_id"]) == list(sample_en["customer_id"])
    assert set(everyone["segment"]) == {str(n) for n in range(1, k + 1)}
    screenshot(page, "export_en")

    requests_log.assert_only_local()


@pytest.mark.browser
def test_finnish_flow_with_uploaded_file(app_url: str, page_fi: Page, requests_log, sample_fi: pd.DataFrame) -> None:
    page = page_fi
    open_app(page, app_url)

    # The browser says fi-FI: the app is in Finnish by itself.
    expect(title(page)).to_have_text("Asiakasaineisto")
    expect_nav(page, "fi")
    page.get_by_test_id("stRadio").get_by_text("Oma tiedosto", exact=True).click()
    wait_for_app(page)
    page.get_by_test_id("stMain").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(SAMPLE_FI))
    wait_for_app(page)
    expect(main(page)).to_contain_text("Käytössä: b2c_customers_fi.csv")
    expect(main(page)).to_contain_text(f"{len(sample_fi)} riviä × {len(sample_fi.columns)} saraketta")
    expect(main(page)).to_contain_text("erotin: puolipiste (;)")
    expect(page.get_by_test_id("stAlert")).to_have_count(0)
    screenshot(page, "data_fi")

    go_to(page, "1b Laatu", "Aineiston laatu")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "quality_fi")

    go_to(page, "2 Kriteerit", "Segmentointikriteerit")
    expect(main(page)).to_contain_text("Aineisto: b2c_customers_fi.csv — 5000 riviä, 21 saraketta")
    expect(chosen_criteria(page).first).to_be_visible()
    assert chosen_criteria(page).count() >= 2
    screenshot(page, "criteria_fi")

    go_to(page, "3 Segmentit", "Segmentit")
    expect(main(page)).to_contain_text("Aineisto: b2c_customers_fi.csv")
    k = to_segments_with_k(page, "fi", "Segmenttien määrä (k)")
    screenshot(page, "segments_fi", charts=SEGMENTS_PAGE_CHARTS)

    go_to(page, "4 Persoonat", "Persoonat")
    wait_for_charts(page, k + 1)  # a trait chart per persona and the share chart
    screenshot(page, "personas_fi", charts=k + 1)

    go_to(page, "5 Vienti", "Vie segmenttilistat")
    expect(main(page)).to_contain_text(f"Asiakkaat on jaettu {k} segmenttiin.")
    chosen_option = choose_option(page, "Segmentti", r"^2\. ")
    label, data, file_name = download(page, re.compile(r"^Lataa segmentin [\d,\u00a0 ]+ asiakasta"))
    assert file_name == "b2c_customers_fi_segmentti_2.csv"
    exported = check_segment_csv(data, label, chosen_option, sample_fi, "asiakasnumero", "segmentti", "segmentin_nimi")
    assert {"segmentti", "segmentin_nimi"} <= set(exported.columns)

    label, data, _ = download(page, re.compile(r"^Lataa kaikki [\d,\u00a0 ]+ asiakasta"))
    everyone = read_csv(data)
    assert len(everyone) == count_in(label) == len(sample_fi)
    assert list(everyone.columns) == [*sample_fi.columns, "segmentti", "segmentin_nimi"]
    screenshot(page, "export_fi")

    requests_log.assert_only_local()


@pytest.mark.browser
def test_language_switch(app_url: str, page_en: Page, requests_log) -> None:
    page = page_en
    open_app(page, app_url)
    expect(title(page)).to_have_text("Customer data")
    sidebar = page.get_by_test_id("stSidebar")

    go_to(page, "2 Criteria", "Segmentation criteria")
    sidebar.get_by_role("radio", name="Suomi", exact=True).click()
    wait_for_app(page)
    expect(title(page)).to_have_text("Segmentointikriteerit")  # same page, other language
    expect_nav(page, "fi")
    expect(sidebar).to_contain_text(translate("app.privacy", "fi"))

    go_to(page, "1 Aineisto", "Asiakasaineisto")
    expect(main(page)).to_contain_text("Käytössä: b2c_customers.csv")

    sidebar.get_by_role("radio", name="English", exact=True).click()
    wait_for_app(page)
    expect(title(page)).to_have_text("Customer data")
    expect_nav(page, "en")
    expect(main(page)).to_contain_text("In use: b2c_customers.csv")
    expect(sidebar).to_contain_text(translate("app.privacy", "en"))

    requests_log.assert_only_local()


@pytest.mark.browser
@pytest.mark.parametrize("locale", ["en-US", "fi-FI"])
def test_empty_upload_keeps_the_data(
    app_url: str, open_page: Callable[[str], Page], requests_log, locale: str, tmp_path: Path
) -> None:
    lang = locale[:2]
    page = open_page(locale)
    open_app(page, app_url)
    expect(title(page)).to_have_text(TITLES[lang][0])
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")

    page.get_by_test_id("stRadio").get_by_text(translate("data.source_upload", lang), exact=True).click()
    wait_for_app(page)
    page.get_by_test_id("stMain").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(empty))
    wait_for_app(page)

    expect(page.get_by_test_id("stException")).to_have_count(0)
    alerts = page.get_by_test_id("stAlert")
    expect(alerts.filter(has_text=translate("error.empty_file", lang, name="empty.csv"))).to_have_count(1)
    expect(alerts.filter(has_text=translate("data.kept_previous", lang, name="b2c_customers.csv"))).to_have_count(1)
    expect(main(page)).to_contain_text(translate("data.loaded", lang, name="b2c_customers.csv"))

    # The other pages still work on the sample.
    go_to(page, NAV[lang][1], TITLES[lang][1])
    expect(main(page)).to_contain_text(
        translate("app.using_data", lang, name="b2c_customers.csv", rows=5000, columns=21)
    )
    expect(page.get_by_test_id("stException")).to_have_count(0)

    requests_log.assert_only_local()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["criteria", "segments", "export"])
def test_link_to_a_page_on_a_fresh_server(
    app_server, open_page: Callable[[str], Page], requests_log, path: str
) -> None:
    """A bookmarked or reloaded page URL works even as the first visit after the server (re)started."""
    app_server.restart()
    page = open_page("en-US")
    open_app(page, f"{app_server.url}/{path}")
    titles = dict(zip(["criteria", "segments", "export"], TITLES["en"][1:], strict=True))
    expect(title(page)).to_have_text(titles[path])
    expect_nav(page, "en")
    expect(main(page)).to_contain_text("Data: b2c_customers.csv — 5000 rows, 21 columns")

    requests_log.assert_only_local()
