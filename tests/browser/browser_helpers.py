"""Page helpers of the browser tests: waiting for Streamlit, navigating, charts, screenshots, downloads."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pandas as pd
from playwright.sync_api import Locator, Page, expect

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SCREENSHOTS = REPO / "docs" / "screenshots"

# The waits of Streamlit's own e2e suite: connected, script finished, no placeholders left.
CONNECTED = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
NOT_RUNNING = "[data-testid='stApp'][data-test-script-state='notRunning']"
NO_SKELETON = "() => document.querySelectorAll(\"[data-testid='stSkeleton']\").length === 0"
# Every plotly chart has drawn its SVG (plotly renders after the script run has ended).
CHARTS_DRAWN = """() => {
    const charts = document.querySelectorAll("[data-testid='stPlotlyChart']");
    return [...charts].every(chart => chart.querySelector(".js-plotly-plot .main-svg"));
}"""
SCRIPT_TIMEOUT_MS = 60_000

SEGMENTS_PAGE_CHARTS = 1
"""Charts on the Segments page as it opens: the map (sizes, profiles and one criterion are tabs drawn when opened)."""
SCAN_CHARTS = 5
"""Charts in the Segments page's score expander (closed at first) with k-means: one per score."""


def wait_for_app(page: Page, timeout: float = SCRIPT_TIMEOUT_MS) -> None:
    """Wait until the script run that the last action started has finished and its output is on screen."""
    page.wait_for_selector(CONNECTED, timeout=timeout)
    # A rerun may start a moment after the click: give it the chance to flip the state first.
    page.wait_for_timeout(150)
    page.wait_for_selector(NOT_RUNNING, timeout=timeout)
    page.wait_for_function(NO_SKELETON, timeout=timeout)
    assert_no_exception(page)


def assert_no_exception(page: Page) -> None:
    """The app showed no Python traceback (``st.exception`` box); if it did, fail with its text."""
    exceptions = page.get_by_test_id("stException")
    if exceptions.count():
        texts = "\n---\n".join(box.inner_text() for box in exceptions.all())
        raise AssertionError(f"the app shows an exception on {page.url}:\n{texts}")


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def title(page: Page) -> Locator:
    return page.get_by_test_id("stMain").locator("h1")


def nav_link(page: Page, name: str) -> Locator:
    return page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True)


def go_to(page: Page, link_name: str, expected_title: str) -> None:
    """Click a page's link in the sidebar navigation and wait for that page."""
    nav_link(page, link_name).click()
    wait_for_app(page)
    expect(title(page)).to_have_text(expected_title)


def plotly_charts(page: Page) -> Locator:
    return page.get_by_test_id("stMain").get_by_test_id("stPlotlyChart")


def wait_for_charts(page: Page, count: int) -> None:
    """Wait until ``count`` plotly charts are on the page and all of them have drawn."""
    expect(plotly_charts(page)).to_have_count(count)
    page.wait_for_function(CHARTS_DRAWN, timeout=SCRIPT_TIMEOUT_MS)
    for chart in plotly_charts(page).all():
        expect(chart.locator(".js-plotly-plot")).to_be_visible()


def set_slider_value(page: Page, label: str, value: int) -> None:
    """Move a (select_)slider with the keyboard until its thumb shows ``value``; wait for the rerun."""
    slider = page.get_by_test_id("stSlider").filter(has_text=label)
    thumb = slider.get_by_role("slider")
    shown = slider.get_by_test_id("stSliderThumbValue")
    current = int(shown.inner_text())
    thumb.focus()
    key = "ArrowRight" if value > current else "ArrowLeft"
    for _ in range(abs(value - current)):
        page.keyboard.press(key)
    expect(shown).to_have_text(str(value))
    wait_for_app(page)


def choose_option(page: Page, label: str, option_pattern: str) -> str:
    """Pick the option of selectbox ``label`` whose text matches ``option_pattern``; return its text."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label)
    box.click()
    option = page.get_by_role("option").filter(has_text=re.compile(option_pattern)).first
    text = option.inner_text()
    option.click()
    wait_for_app(page)
    expect(box.get_by_role("combobox")).to_have_value(text)
    return text


def download(page: Page, button_text: str | re.Pattern[str]) -> tuple[str, bytes, str]:
    """Click a download button; return its label, the downloaded bytes and the suggested file name."""
    button = page.get_by_test_id("stDownloadButton").get_by_role("button", name=button_text)
    label = button.inner_text()
    with page.expect_download() as info:
        button.click()
    downloaded = info.value
    path = downloaded.path()
    assert downloaded.failure() is None, downloaded.failure()
    with open(path, "rb") as handle:
        data = handle.read()
    return label, data, downloaded.suggested_filename


def read_csv(data: bytes) -> pd.DataFrame:
    """An exported CSV (UTF-8, comma) as text, so ids and numbers are compared as written."""
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


def count_in(label: str) -> int:
    """The number of customers a download button's label promises (the one number in it)."""
    numbers = re.findall(r"\d(?:[\d\u00a0 ]|,(?=\d{3}))*", label)
    assert len(numbers) == 1, f"expected one number in {label!r}"
    return int(re.sub(r"\D", "", numbers[0]))


def screenshot(page: Page, name: str, charts: int = 0) -> None:
    """Full-page screenshot of the current page, taller than the window if the page is.

    Streamlit scrolls inside ``stMain``, not the document, so Playwright's ``full_page`` alone
    would stop at the window: the window is made as tall as the content for the shot.
    """
    if charts:
        wait_for_charts(page, charts)
    size = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll(\"[data-testid='stMain'], [data-testid='stSidebarContent']\")]"
        ".map(el => el.scrollHeight))"
    )
    tall = max(size["height"], int(height) + 20)
    page.set_viewport_size({"width": size["width"], "height": tall})
    try:
        page.wait_for_timeout(400)  # let the layout and the charts settle at the new height
        if charts:
            page.wait_for_function(CHARTS_DRAWN, timeout=SCRIPT_TIMEOUT_MS)
        save_screenshot(page, name)
    finally:
        page.set_viewport_size(size)


def save_screenshot(page: Page, name: str) -> Path:
    """Screenshot to ``artifacts/<name>.png``; also to docs/screenshots when SEGMENTTI_UPDATE_SCREENSHOTS=1."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    if os.environ.get("SEGMENTTI_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, SCREENSHOTS / target.name)
    return target
