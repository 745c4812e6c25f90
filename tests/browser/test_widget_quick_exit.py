"""The quick exit: by click and by Shift three times, the conversation goes and nothing stays."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.widget_helpers import (
    NEUTRAL_TITLE,
    NOTHING_STORED,
    demo_url,
    stored,
    widget_text,
)

pytestmark = pytest.mark.e2e

SAID = "what has been happening?"


# Runs after the widget's own handlers (they are on the button, or capture on the document), so
# it reports what is left on the page the moment the quick exit has run, before the new page.
REPORT_AFTER_EXIT = """() => {
  const report = () => console.log('after-exit ' + JSON.stringify([
    !!document.getElementById('signpost-widget'), document.body.textContent, document.title]));
  document.addEventListener('click', report);
  document.addEventListener('keyup', report);
}"""


def watch_exit(page) -> list[str]:
    reports: list[str] = []
    page.on(
        "console",
        lambda message: reports.append(message.text[len("after-exit "):])
        if message.text.startswith("after-exit ") else None,
    )
    page.evaluate(REPORT_AFTER_EXIT)
    return reports


def start_conversation(page) -> None:
    page.get_by_role("button", name="Chat to Signpost").click()
    page.get_by_role("button", name="I'm safe right now").click()
    expect(page.get_by_role("log")).to_contain_text(SAID)
    page.get_by_label("Type your message").fill("he waits outside my flat")
    page.get_by_label("Type your message").press("Enter")
    expect(page.get_by_role("log")).to_contain_text("he waits outside my flat")
    assert stored(page) == NOTHING_STORED


def assert_left_without_a_trace(opened, servers, exit_url: str) -> None:
    page = opened.page
    page.wait_for_url(exit_url)
    expect(page).to_have_title(NEUTRAL_TITLE)
    # location.replace: the chat page's history entry was replaced, so Back does not return to it.
    page.go_back()
    assert "/webhooks/widget/demo" not in page.url
    state = opened.context.storage_state(indexed_db=True)
    assert state == {"cookies": [], "origins": []}
    # Same tab, back on the site: nothing in its storage (sessionStorage is per tab) and the
    # conversation is not there.
    page.goto(demo_url(servers.url))
    assert stored(page) == NOTHING_STORED
    expect(page.get_by_role("button", name="Chat to Signpost")).to_be_visible()
    assert SAID not in widget_text(page) and "he waits outside" not in widget_text(page)


def test_click_removes_the_conversation_at_once_then_replaces_the_page(
    servers, opened, neutral_site
) -> None:
    page = opened.page
    exit_url = neutral_site.page("/slow-weather")  # answers after 2 s: time to look back
    page.goto(demo_url(servers.url, exit_url=exit_url))
    start_conversation(page)
    reports = watch_exit(page)
    page.get_by_role("button", name="Leave this site").click(no_wait_after=True)
    assert_left_without_a_trace(opened, servers, exit_url)
    # The moment it was pressed: no widget, an empty page, no title; the new page came after.
    assert reports and reports[0] == '[false,"",""]'



def test_shift_three_times_leaves_even_while_typing(servers, opened, neutral_site) -> None:
    page = opened.page
    page.goto(demo_url(servers.url, exit_url=neutral_site.page()))
    start_conversation(page)
    page.get_by_label("Type your message").fill("I think")
    page.get_by_label("Type your message").focus()
    page.keyboard.press("Shift")
    status = page.get_by_role("status")
    expect(status).to_have_text("Shift, press 2 more times to leave this site.")
    reports = watch_exit(page)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert_left_without_a_trace(opened, servers, neutral_site.page())
    assert reports[-1] == '[false,"",""]'



def test_shift_with_other_keys_does_not_count(servers, opened, neutral_site) -> None:
    page = opened.page
    demo = demo_url(servers.url, exit_url=neutral_site.page())
    page.goto(demo)
    page.get_by_role("button", name="Chat to Signpost").click()
    field = page.get_by_label("Type your message")
    field.focus()
    # Capitals and Shift+Tab use Shift with another key: they never count, and they start again.
    for key in ("Shift", "Shift", "a", "Shift", "Shift+H", "Shift+I", "Shift+Tab", "Shift"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == demo
    expect(field).to_have_value("aHI")
    page.keyboard.press("Shift")
    expect(page.get_by_role("status")).to_have_text(
        "Shift, press 1 more time to leave this site."
    )
    assert page.url == demo
    page.keyboard.press("Shift")
    page.wait_for_url(neutral_site.page())


def test_shift_three_times_works_with_the_chat_closed(servers, opened, neutral_site) -> None:
    page = opened.page
    page.goto(demo_url(servers.url, exit_url=neutral_site.page()))
    expect(page.get_by_role("button", name="Leave this site")).to_be_visible()
    page.locator("body").press("Shift")
    page.locator("body").press("Shift")
    page.locator("body").press("Shift")
    page.wait_for_url(neutral_site.page())


def test_exit_button_is_always_visible(servers, opened, neutral_site) -> None:
    page = opened.page
    page.goto(demo_url(servers.url, exit_url=neutral_site.page()))
    leave = page.get_by_role("button", name="Leave this site")
    expect(leave).to_be_in_viewport()
    page.get_by_role("button", name="Chat to Signpost").click()
    expect(leave).to_be_in_viewport()
    page.get_by_role("button", name="Staying safe online").click()
    expect(leave).to_be_in_viewport()
    expect(page.get_by_role("region", name="Staying safe online")).to_contain_text(
        "cannot remove your browser history"
    )
    leave.click()
    page.wait_for_url(neutral_site.page())
