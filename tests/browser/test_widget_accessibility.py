"""Keyboard-only use, focus, screen-reader structure, contrast and reduced motion."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.widget_helpers import active, demo_url, open_page, screenshot

pytestmark = pytest.mark.e2e


def tab_to(page, text: str, key: str = "Tab", limit: int = 25) -> dict:
    for _ in range(limit):
        page.keyboard.press(key)
        now = active(page)
        if now and now["text"] == text:
            return now
    raise AssertionError(f"{text!r} not reached with {key}")


def test_keyboard_only_conversation(servers, opened) -> None:
    page = opened.page
    page.goto(demo_url(servers.url))
    page.locator("body").click(position={"x": 5, "y": 300})  # start from the page itself
    tab_to(page, "Chat to Signpost")
    page.keyboard.press("Enter")
    # Opened from the keyboard: focus goes straight to the labelled input.
    assert active(page)["id"] == "sp-input"
    log = page.get_by_role("log")
    expect(page.get_by_role("button", name="I'm safe right now")).to_be_visible()
    focused = tab_to(page, "I'm safe right now", key="Shift+Tab")
    assert focused["focusVisible"] and not focused["outline"].startswith("none")
    page.keyboard.press("Enter")
    expect(log).to_contain_text("what has been happening?")
    # No new buttons: focus is back in the input, so the person can just type.
    expect(page.get_by_label("Type your message")).to_be_focused()
    page.keyboard.type("they keep turning up outside my lectures")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Yes, show me advice")).to_be_visible()
    expect(page.get_by_label("Type your message")).to_be_focused()
    tab_to(page, "Yes, show me advice", key="Shift+Tab")
    page.keyboard.press("Space")
    # New buttons after a button pressed from the keyboard: focus moves to the first of them.
    next_tip = page.get_by_role("button", name="Next tip", disabled=False)
    expect(next_tip).to_be_focused()
    screenshot(page, "keyboard-focus-desktop-1280x800")
    shown = log.locator(".sp-msg--bot").count()
    page.keyboard.press("Enter")
    expect(log.locator(".sp-msg--user").last).to_have_text("You said: Next tip")
    expect(log.locator(".sp-msg--bot")).to_have_count(shown + 2)
    expect(next_tip).to_be_focused()
    # The safety note, and back.
    tab_to(page, "Staying safe online")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Staying safe online")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Staying safe online")).to_be_focused()
    # Escape hides the chat and gives focus back to the launcher; the conversation stays.
    page.keyboard.press("Escape")
    launcher = page.get_by_role("button", name="Chat to Signpost")
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(log).to_contain_text("turning up where you are")


def test_screen_reader_structure(servers, opened) -> None:
    page = opened.page
    page.goto(demo_url(servers.url))
    page.get_by_role("button", name="Chat to Signpost").click()
    log = page.get_by_role("log", name="Conversation")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(log).to_contain_text("Signpost said: Hi, I'm Signpost.")
    expect(page.get_by_role("region", name="Signpost")).to_be_visible()
    expect(page.get_by_role("textbox", name="Type your message")).to_have_attribute(
        "autocomplete", "off"
    )
    expect(page.get_by_role("group", name="Reply options")).to_have_count(1)
    expect(page.get_by_role("button", name="Leave this site")).to_have_accessible_description(
        "Leaves this site at once and clears this chat from the screen. "
        "You can also press the Shift key 3 times."
    )


CONTRASTS = """() => {
  const root = document.getElementById('signpost-widget').shadowRoot;
  const parse = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = node => {
    while (node) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
      node = node.parentElement || node.getRootNode().host || null;
    }
    return [255, 255, 255];
  };
  const ratio = node => {
    const a = lum(parse(getComputedStyle(node).color)), b = lum(background(node));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const out = {};
  for (const selector of ['.sp-title', '.sp-exit--head', '.sp-close', '.sp-notice',
      '.sp-notice a', '.sp-msg--bot .sp-bubble p', '.sp-msg--user .sp-bubble p',
      '.sp-choice:not(:disabled)', '.sp-label', '.sp-send', '.sp-link']) {
    const node = root.querySelector(selector);
    out[selector] = node ? Math.round(ratio(node) * 100) / 100 : null;
  }
  return out;
}"""


def test_text_contrast_meets_wcag_aa(servers, opened) -> None:
    page = opened.page
    page.goto(demo_url(servers.url))
    page.get_by_role("button", name="Chat to Signpost").click()
    page.get_by_role("button", name="I'm safe right now").click()
    expect(page.get_by_role("log")).to_contain_text("what has been happening?")
    page.get_by_label("Type your message").fill("he sends me messages all the time")
    page.get_by_label("Type your message").press("Enter")
    expect(page.get_by_role("button", name="Yes, show me advice")).to_be_visible()
    ratios = page.evaluate(CONTRASTS)
    assert all(ratio is not None and ratio >= 4.5 for ratio in ratios.values()), ratios


@pytest.mark.parametrize(
    ("motion", "animation"), [("reduce", "none"), ("no-preference", "sp-pulse")]
)
def test_typing_dots_respect_reduced_motion(servers, browser, motion, animation) -> None:
    opened = open_page(browser, reduced_motion=motion)
    page = opened.page
    held = []
    try:
        # No answer until we give one: the typing dots show meanwhile.
        page.route("**/webhooks/rest/webhook", lambda route: held.append(route))
        page.goto(demo_url(servers.url))
        page.get_by_role("button", name="Chat to Signpost").click()
        dot = page.locator(".sp-typing span").first
        expect(dot).to_be_visible()
        expect(dot).to_have_css("animation-name", animation)
        held[0].fulfill(status=200, content_type="application/json",
                        body='[{"text": "Hello"}]')
        expect(dot).to_be_hidden()
    finally:
        opened.context.close()
