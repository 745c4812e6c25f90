"""A whole conversation through the widget on the demo page, at desktop and phone sizes."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.widget_helpers import (
    DESKTOP,
    NOTHING_STORED,
    PHONE,
    demo_url,
    open_page,
    screenshot,
    stored,
)

pytestmark = pytest.mark.e2e


def converse(page) -> None:
    """Greeting, safety check, a described behaviour, advice stepped through with a button."""
    page.get_by_role("button", name="Chat to Signpost").click()
    log = page.get_by_role("log", name="Conversation")
    expect(log).to_contain_text("not a person, and not an emergency service")
    expect(log).to_contain_text("are you in danger right now?")
    expect(page.get_by_role("button", name="I'm in danger now")).to_be_visible()
    page.get_by_role("button", name="I'm safe right now").click()
    expect(log.locator(".sp-msg--user").last).to_have_text("You said: I'm safe right now")
    expect(log).to_contain_text("what has been happening?")
    page.get_by_label("Type your message").fill("they keep turning up outside my lectures")
    page.get_by_label("Type your message").press("Enter")
    expect(log).to_contain_text("turning up where you are")
    expect(log).to_contain_text("stalking is a crime")
    page.get_by_role("button", name="Yes, show me advice").click()
    next_tip = page.get_by_role("button", name="Next tip", disabled=False)
    expect(next_tip).to_be_visible()
    bot = log.locator(".sp-msg--bot")
    first_tip, shown = bot.nth(-2).inner_text(), bot.count()
    next_tip.click()
    expect(log.locator(".sp-msg--user").last).to_have_text("You said: Next tip")
    expect(bot).to_have_count(shown + 2)  # the next tip, and "what would you like next?"
    second_tip = bot.nth(-2).inner_text()
    assert second_tip and second_tip != first_tip


def test_full_conversation_on_the_demo_page(servers, opened) -> None:
    page = opened.page
    sent: list[dict] = []
    page.on(
        "request",
        lambda request: sent.append(json.loads(request.post_data))
        if request.url.endswith("/webhooks/rest/webhook") else None,
    )
    page.goto(demo_url(servers.url, institution="kent"))
    converse(page)
    log = page.get_by_role("log", name="Conversation")
    # Earlier choices are retired; only the latest buttons can be pressed.
    expect(log.get_by_role("button", name="I'm safe right now")).to_be_disabled()
    # One random id for the whole page load, made in memory; the institution goes as metadata.
    senders = {message["sender"] for message in sent}
    assert len(senders) == 1 and re.fullmatch(r"web-[0-9a-f]{32}", senders.pop())
    assert [message["message"] for message in sent] == [
        "/greet", "/safe_now", "they keep turning up outside my lectures", "/ask_advice",
        "/next_tip",
    ]
    assert all(message["metadata"] == {"institution": "kent"} for message in sent)
    # Nothing in the browser at any point.
    assert stored(page) == NOTHING_STORED
    assert opened.context.cookies() == []
    screenshot(page, "conversation-desktop-1280x800")


def test_another_page_load_is_another_conversation(servers, opened) -> None:
    page = opened.page
    page.goto(demo_url(servers.url))
    page.get_by_role("button", name="Chat to Signpost").click()
    page.get_by_role("button", name="I'm safe right now").click()
    expect(page.get_by_role("log")).to_contain_text("what has been happening?")
    page.reload()
    page.get_by_role("button", name="Chat to Signpost").click()
    log = page.get_by_role("log")
    expect(log).to_contain_text("are you in danger right now?")
    assert "what has been happening?" not in log.inner_text()


NO_SIDEWAYS_SCROLL = """() => [document.documentElement.scrollWidth, window.innerWidth,
  document.getElementById('signpost-widget').shadowRoot.querySelector('.sp-log').scrollWidth,
  document.getElementById('signpost-widget').shadowRoot.querySelector('.sp-log').clientWidth]"""


@pytest.mark.parametrize(
    ("size", "name"), [(PHONE, "phone-360x740"), (DESKTOP, "desktop-1280x800")]
)
def test_fits_the_screen_with_no_sideways_scrolling(servers, browser, size, name) -> None:
    opened = open_page(browser, viewport=size)
    page = opened.page
    try:
        page.goto(demo_url(servers.url))
        expect(page.get_by_role("button", name="Chat to Signpost")).to_be_visible()
        for button in ("Chat to Signpost", "Leave this site"):
            box = page.get_by_role("button", name=button).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], button
        screenshot(page, f"closed-{name}")
        converse(page)
        page_width, viewport, log_width, log_visible = page.evaluate(NO_SIDEWAYS_SCROLL)
        assert page_width <= viewport and log_width <= log_visible
        panel = page.locator(".sp-panel").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= size["width"]
        assert panel["y"] >= 0 and panel["y"] + panel["height"] <= size["height"]
        expect(page.get_by_role("button", name="Leave this site")).to_be_in_viewport()
        screenshot(page, f"conversation-{name}")
        page.get_by_role("button", name="Staying safe online").click()
        expect(page.get_by_role("heading", name="Staying safe online")).to_be_visible()
        screenshot(page, f"safety-note-{name}")
        assert not opened.errors
    finally:
        opened.context.close()
