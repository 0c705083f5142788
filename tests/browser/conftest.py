"""Fixtures of the browser tests: the app in a real server, Debian's chromium driven by Playwright.

The app is started once per test session on a free local port; every test gets a fresh browser
context (so a fresh Streamlit session), and every request the page makes is recorded so the
tests can check that nothing leaves the machine.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, sync_playwright

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
STARTUP_TIMEOUT_S = 60
VIEWPORT = {"width": 1400, "height": 900}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip this directory's tests where chromium is missing, but only outside CI (there it must fail)."""
    if CHROMIUM.exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


class AppServer:
    """``streamlit run app.py`` on a free local port, one process at a time."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.url = ""

    def output(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def start(self) -> None:
        port = _free_port()
        command = [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.address", "127.0.0.1",
            "--server.port", str(port),
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if self.process.poll() is not None:
                pytest.fail(f"the app server exited with code {self.process.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.read().decode().strip() == "ok":
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(
                    f"the app server did not answer {self.url}/_stcore/health in {STARTUP_TIMEOUT_S} s:\n"
                    f"{self.output()}"
                )
            time.sleep(0.25)

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)
            self.process = None

    def restart(self) -> None:
        """A fresh server process: for what only a process's first sessions see."""
        self.stop()
        self.start()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The app's server for the whole session; stopped (terminate, wait, kill) at the end."""
    server = AppServer(tmp_path_factory.mktemp("server") / "streamlit.log")
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def app_url(app_server: AppServer) -> str:
    """The base URL of the running app (looked up per test: a test may restart the server)."""
    return app_server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless, with its own calls home switched off."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


class RequestLog:
    """Every URL the page asked for, to prove that nothing left the machine."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

    def assert_only_local(self) -> None:
        """Fail if the page asked anything from another host (a CDN, telemetry, a font or icon server)."""
        foreign = self.foreign()
        assert not foreign, (
            f"the page made {len(foreign)} request(s) to hosts other than this machine: {sorted(set(foreign))}"
        )

    def foreign(self) -> list[str]:
        """The requests that went to a host other than this machine (data: and blob: URLs stay local)."""
        out = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname not in LOCAL_HOSTS:
                out.append(url)
        return out


def _context(browser: Browser, locale: str) -> BrowserContext:
    context = browser.new_context(locale=locale, viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(30_000)
    return context


@pytest.fixture
def requests_log() -> RequestLog:
    return RequestLog()


@pytest.fixture
def open_page(browser: Browser, requests_log: RequestLog) -> Iterator[Callable[[str], Page]]:
    """Open a fresh page (its own context, so its own Streamlit session) in a browser of a given locale."""
    contexts: list[BrowserContext] = []

    def make(locale: str) -> Page:
        context = _context(browser, locale)
        contexts.append(context)
        page = context.new_page()
        page.on("request", requests_log.record)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page_en(open_page: Callable[[str], Page]) -> Page:
    """A fresh page in a browser whose locale is en-US (the app starts in English)."""
    return open_page("en-US")


@pytest.fixture
def page_fi(open_page: Callable[[str], Page]) -> Page:
    """A fresh page in a browser whose locale is fi-FI (the app starts in Finnish)."""
    return open_page("fi-FI")
