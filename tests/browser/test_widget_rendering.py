"""What the bot says is shown as text: no HTML injection, safe links, files as Blob downloads,
and a plain message with 999 when the server cannot be reached. The bot's replies here come
from a fake route in the browser, so they can say things the real assistant never would."""

from __future__ import annotations

import base64
import json

import pytest
from playwright.sync_api import expect

from tests.browser.widget_helpers import NOTHING_STORED, demo_url, open_page, stored

pytestmark = pytest.mark.e2e

WEBHOOK = "**/webhooks/rest/webhook"
HOSTILE = (
    'Look: <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>\n'
    "A **bold** word, a link https://www.example.org/help?a=1&b=2. and javascript:alert(1)\n\n"
    "Call 999, 0808 802 0300 or 116 123. [click](javascript:window.__pwned=3) "
    '<a href="javascript:window.__pwned=4">a</a> <svg onload="window.__pwned=5"></svg>'
)


class FakeBot:
    """Answers every message with the next list of replies, and remembers what was sent."""

    def __init__(self, page, *answers: list[dict]) -> None:
        self.answers = list(answers)
        self.sent: list[dict] = []
        page.route(WEBHOOK, self.handle)

    def handle(self, route) -> None:
        self.sent.append(json.loads(route.request.post_data))
        replies = self.answers.pop(0) if self.answers else []
        route.fulfill(status=200, content_type="application/json", body=json.dumps(replies))


def open_chat(page, servers) -> None:
    page.goto(demo_url(servers.url))
    page.get_by_role("button", name="Chat to Signpost").click()


def test_html_in_bot_messages_and_buttons_is_shown_as_text(servers, opened) -> None:
    page = opened.page
    bot = FakeBot(
        page,
        [{"text": HOSTILE, "buttons": [
            {"title": "<b onmouseover=alert(1)>Hi</b>", "payload": "/greet"},
            {"title": "", "payload": "/menu"},
            {"title": "No payload"},
        ]}],
        [{"text": "ok"}],
    )
    open_chat(page, servers)
    log = page.get_by_role("log")
    expect(log).to_contain_text('<img src=x onerror="window.__pwned=1">')
    expect(log).to_contain_text("<script>window.__pwned=2</script>")
    expect(log).to_contain_text('<svg onload="window.__pwned=5"></svg>')
    assert page.evaluate("() => window.__pwned") is None
    bubble = log.locator(".sp-msg--bot").first
    assert bubble.locator("img, script, svg, b, iframe").count() == 0
    expect(bubble.locator("strong")).to_have_text("bold")
    hrefs = bubble.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == [
        "https://www.example.org/help?a=1&b=2", "tel:999", "tel:08088020300", "tel:116123"
    ]
    external = bubble.get_by_role("link", name="https://www.example.org/help?a=1&b=2")
    expect(external).to_have_attribute("rel", "noopener noreferrer")
    expect(external).to_have_attribute("target", "_blank")
    # Two lines in the first paragraph, then a second paragraph.
    assert bubble.locator("p").count() == 2 and bubble.locator("p br").count() == 1
    # Only the well-formed button is shown; its title is text and it sends its payload.
    buttons = log.get_by_role("button")
    expect(buttons).to_have_count(1)
    expect(buttons).to_have_text("<b onmouseover=alert(1)>Hi</b>")
    buttons.click()
    expect(log.locator(".sp-msg--user")).to_have_text("You said: <b onmouseover=alert(1)>Hi</b>")
    expect(log).to_contain_text("ok")
    assert [message["message"] for message in bot.sent] == ["/greet", "/greet"]
    assert page.evaluate("() => window.__pwned") is None


def test_typed_html_is_shown_as_text(servers, opened) -> None:
    page = opened.page
    bot = FakeBot(page, [{"text": "Hello"}], [{"text": "Thanks"}])
    open_chat(page, servers)
    typed = '<img src=x onerror="window.__pwned=6"> **not bold** https://x.example'
    page.get_by_label("Type your message").fill(typed)
    page.get_by_role("button", name="Send").click()
    mine = page.get_by_role("log").locator(".sp-msg--user")
    expect(mine).to_have_text("You said: " + typed)
    assert mine.locator("img, strong, a").count() == 0
    assert bot.sent[-1]["message"] == typed
    assert page.evaluate("() => window.__pwned") is None


def test_a_file_from_the_bot_is_a_blob_download_and_is_not_stored(servers, opened) -> None:
    page = opened.page
    content = "12 March: he was outside the library.\n<b>not html</b>\n"
    FakeBot(page, [{
        "text": "Here is your diary.",
        "custom": {"signpost_file": {
            "filename": "../incident diary.txt",
            "mime_type": "text/html",
            "base64": base64.b64encode(content.encode()).decode(),
        }},
    }])
    # Watch which Blob types the page makes (the demo's CSP rightly stops fetch() of blob: URLs).
    page.add_init_script(
        "(() => { const make = URL.createObjectURL; window.__blobTypes = [];"
        " URL.createObjectURL = blob => { window.__blobTypes.push(blob.type);"
        " return make.call(URL, blob); }; })()"
    )
    open_chat(page, servers)
    link = page.get_by_role("link", name="Download")
    expect(link).to_have_attribute("download", "_incident diary.txt")
    assert link.get_attribute("href").startswith("blob:")
    # A type a browser could run as a page in this site's origin is never used.
    assert page.evaluate("() => window.__blobTypes") == ["application/octet-stream"]
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "_incident diary.txt"
    with open(download.value.path(), encoding="utf-8") as saved:
        assert saved.read() == content
    assert stored(page) == NOTHING_STORED


@pytest.mark.parametrize("failure", ["refused", "500", "not json"])
def test_server_trouble_gives_a_plain_message_with_999(servers, opened, failure) -> None:
    page = opened.page

    def broken(route) -> None:
        if failure == "refused":
            route.abort("connectionrefused")
        elif failure == "500":
            route.fulfill(status=500, content_type="text/plain",
                          body='Traceback (most recent call last):\n  File "rasa/server.py"')
        else:
            route.fulfill(status=200, content_type="text/html", body="<h1>Bad gateway</h1>")

    page.route(WEBHOOK, broken)
    open_chat(page, servers)
    log = page.get_by_role("log")
    expect(log).to_contain_text("Sorry, I can't reach Signpost right now.")
    expect(log.get_by_role("link", name="999")).to_have_attribute("href", "tel:999")
    text = log.inner_text()
    for leak in ("Traceback", "rasa", "500", "Error", "Bad gateway", "JSON"):
        assert leak not in text
    # Back up: "Try again" resends, and the real assistant answers.
    page.unroute(WEBHOOK)
    page.get_by_role("button", name="Try again").click()
    expect(log).to_contain_text("are you in danger right now?")
    expect(page.get_by_role("button", name="Try again")).to_be_disabled()


def test_rate_limit_reply_is_shown_as_the_bot_said_it(servers, opened) -> None:
    page = opened.page
    slow_down = "You're sending messages very quickly. If you are in danger now, call 999."
    page.route(WEBHOOK, lambda route: route.fulfill(
        status=429, content_type="application/json", headers={"Retry-After": "5"},
        body=json.dumps([{"recipient_id": "x", "text": slow_down}]),
    ))
    open_chat(page, servers)
    log = page.get_by_role("log")
    expect(log).to_contain_text("sending messages very quickly")
    assert "can't reach" not in log.inner_text()


def test_colours_that_fail_contrast_fall_back_to_the_defaults(servers, browser) -> None:
    opened = open_page(browser)
    try:
        opened.page.goto(demo_url(servers.url, colour="#ffff00", text_colour="#ffffff"))
        colour = opened.page.evaluate(
            "() => getComputedStyle(document.getElementById('signpost-widget'))"
            ".getPropertyValue('--sp-colour').trim()"
        )
        assert colour == "#1f3d63"
        opened.page.goto(demo_url(servers.url, colour="#ffdd00", text_colour="#0b0c0c"))
        expect(opened.page.get_by_role("button", name="Chat to Signpost")).to_have_css(
            "background-color", "rgb(255, 221, 0)"
        )
    finally:
        opened.context.close()
