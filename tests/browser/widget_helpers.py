"""Helpers for the browser tests of the website widget (fixtures live in conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
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
SCREENSHOTS = ROOT / "results" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
NEUTRAL_TITLE = "Weather forecast"
WIDGET_JS = ROOT / "connectors" / "widget_static" / "signpost.js"

# The element that has focus, looking inside shadow roots.
ACTIVE = """() => {
  let node = document.activeElement;
  while (node && node.shadowRoot && node.shadowRoot.activeElement) {
    node = node.shadowRoot.activeElement;
  }
  return node ? {tag: node.tagName.toLowerCase(), id: node.id, text: node.textContent.trim(),
    focusVisible: node.matches(':focus-visible'),
    outline: getComputedStyle(node).outlineStyle + ' ' + getComputedStyle(node).outlineWidth}
    : null;
}"""

# Everything the page could have stored for this origin.
STORED = """async () => ({
  cookie: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
})"""
NOTHING_STORED = {"cookie": "", "local": 0, "session": 0, "databases": 0}


@dataclass
class Opened:
    """A fresh browser context (no cookies or storage from other tests) with one page."""

    page: Any
    context: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(browser, **options: Any) -> Opened:
    context = browser.new_context(
        viewport=options.pop("viewport", DESKTOP), locale="en-GB", **options
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    opened = Opened(page, context)
    page.on("pageerror", lambda error: opened.errors.append(str(error)))

    def dialog(shown) -> None:
        opened.dialogs.append(shown.message)
        shown.dismiss()

    page.on("dialog", dialog)
    return opened


def demo_url(server_url: str, exit_url: str | None = None, **settings: str) -> str:
    """The demo page, with widget settings (`text_colour` becomes `text-colour`)."""
    query = {name.replace("_", "-"): value for name, value in settings.items()}
    if exit_url:
        query["exit-url"] = exit_url
    params = "&".join(f"{name}={quote(value, safe='')}" for name, value in query.items())
    return f"{server_url}/webhooks/widget/demo" + (f"?{params}" if params else "")


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def active(page) -> dict[str, Any] | None:
    return page.evaluate(ACTIVE)


def stored(page) -> dict[str, Any]:
    return page.evaluate(STORED)


def widget_text(page) -> str:
    """All the text in the widget (its shadow root), or '' when it is not on the page."""
    return page.evaluate(
        """() => { const host = document.getElementById('signpost-widget');
                  return host ? host.shadowRoot.textContent : ''; }"""
    )
