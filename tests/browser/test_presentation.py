"""The presentation view in a real browser on a projector's screen (1280×720, 1024×768), in Finnish, and its share link."""

from __future__ import annotations

import re
from collections.abc import Callable

from browser_helpers import plotly_charts, save_screenshot, title, wait_for_app, wait_for_charts
from playwright.sync_api import Page, expect

PROJECTOR = {"width": 1280, "height": 720}
OLD_PROJECTOR = {"width": 1024, "height": 768}


def _heading(page: Page):
    return page.get_by_test_id("stMain").locator("h3").first


def _button(page: Page, name: str):
    return page.get_by_test_id("stMain").get_by_role("button", name=re.compile(name))


def _on_first_screen(page: Page, locator, screen: dict) -> None:
    box = locator.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= screen["height"], (box, screen)
    assert box["x"] >= 0 and box["x"] + box["width"] <= screen["width"], (box, screen)


def _smallest_chart_text(page: Page) -> float:
    """The smallest font size (px) of the chart's axis ticks, axis titles and legend."""
    return page.evaluate(
        """() => Math.min(...[...document.querySelectorAll(
            "[data-testid='stPlotlyChart'] .xtick text, [data-testid='stPlotlyChart'] .ytick text, "
            + "[data-testid='stPlotlyChart'] .g-xtitle text, [data-testid='stPlotlyChart'] .legendtext")]
            .map(el => parseFloat(getComputedStyle(el).fontSize)))"""
    )


def test_presentation_at_1280x720_in_finnish_with_a_share_link(
    open_page: Callable[[str], Page], app_url: str, requests_log
) -> None:
    page = open_page("fi-FI")
    page.set_viewport_size(PROJECTOR)
    page.goto(f"{app_url}/?present=1&lang=fi")
    wait_for_app(page)
    expect(_heading(page)).to_have_text("Vaihe 1/5 · Aineisto")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(re.compile(r"5\s000"))

    _button(page, "Seuraava").click()
    wait_for_app(page)
    expect(_heading(page)).to_have_text("Vaihe 2/5 · Montako segmenttiä?")
    wait_for_charts(page, 1)
    _button(page, "Seuraava").click()
    wait_for_app(page)
    expect(_heading(page)).to_have_text("Vaihe 3/5 · Asiakaskartta")
    wait_for_charts(page, 1)
    page.wait_for_timeout(300)
    assert _smallest_chart_text(page) >= 16
    for part in (plotly_charts(page).first, _button(page, "Seuraava"), _button(page, "Edellinen")):
        _on_first_screen(page, part, PROJECTOR)
    save_screenshot(page, "presentation_fi")
    assert re.search(r"/present(\?|$)|present=1", page.url)  # a reload stays in the presentation

    page.set_viewport_size(OLD_PROJECTOR)
    page.wait_for_timeout(500)
    for part in (plotly_charts(page).first, _button(page, "Seuraava"), _button(page, "Edellinen")):
        _on_first_screen(page, part, OLD_PROJECTOR)
    save_screenshot(page, "presentation_fi_1024")
    page.set_viewport_size(PROJECTOR)

    _button(page, "Jaa tämä näkymä").click()
    popover = page.get_by_test_id("stPopoverBody")
    expect(popover.get_by_test_id("stImage")).to_be_visible()  # the QR code, drawn by the app itself
    link = popover.get_by_test_id("stCode").inner_text().strip()
    assert link.startswith(app_url) and "present=1" in link and "step=map" in link and "lang=fi" in link
    page.keyboard.press("Escape")

    participant = open_page("en-US")  # another laptop: its own session, the link's language
    participant.set_viewport_size(PROJECTOR)
    participant.goto(link)
    wait_for_app(participant)
    expect(_heading(participant)).to_have_text("Vaihe 3/5 · Asiakaskartta")
    wait_for_charts(participant, 1)

    _button(page, "Lopeta esitys").click()
    wait_for_app(page)
    expect(title(page)).to_have_text("Segmentit")
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    requests_log.assert_only_local()
