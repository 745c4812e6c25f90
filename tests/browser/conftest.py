"""The website widget in a real browser: Debian's Chromium driven by Playwright for Python.

The assistant is the real one, started by the e2e fixture in tests/e2e/conftest.py (reused, not
copied). Here it is package-scoped, so it stops when the browser tests end and the e2e tests can
start their own on the same ports. A small local web server stands in for the neutral site the
quick exit goes to, since tests have no internet. Screenshots go to results/screenshots/.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browser.widget_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    NEUTRAL_TITLE,
    Opened,
    open_page,
)
from tests.e2e import conftest as e2e
from tests.e2e.conftest import sender  # noqa: F401  (the fixture, reused)

NEUTRAL_PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
    f"<title>{NEUTRAL_TITLE}</title></head><body><h1>{NEUTRAL_TITLE}</h1>"
    "<p>Sunny spells.</p></body></html>"
).encode()


@pytest.fixture(scope="package")
def servers(tmp_path_factory) -> Iterator[e2e.Servers]:
    """The e2e fixture's servers (its own code), stopped when this package's tests end."""
    yield from e2e.servers.__wrapped__(tmp_path_factory)


class NeutralSite(BaseHTTPRequestHandler):
    """The quick exit's destination; /slow answers after a pause, to look at the page we left."""

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        if self.path.startswith("/slow"):
            time.sleep(2)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(NEUTRAL_PAGE)))
        self.end_headers()
        self.wfile.write(NEUTRAL_PAGE)

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Site:
    url: str

    def page(self, path: str = "/weather") -> str:
        return self.url + path


@pytest.fixture(scope="session")
def neutral_site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), NeutralSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="package")
def browser():
    """Package scope: Playwright's sync API keeps an event loop running in this thread while it
    is open, which would break asyncio.run() in the tests that come after this package."""
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: run `bash scripts/install_browser.sh` first")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=20_000)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def opened(browser) -> Iterator[Opened]:
    """A fresh desktop-sized page; fails the test on any script error or alert."""
    found = open_page(browser)
    try:
        yield found
    finally:
        found.context.close()
    assert not found.errors, found.errors
    assert not found.dialogs, found.dialogs
