"""The Rasa server serves the widget: types, caching, the demo page's headers and settings."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from email.message import Message

import pytest
import yaml

from tests.browser.widget_helpers import ROOT, WIDGET_JS, demo_url

pytestmark = pytest.mark.e2e

WIDGET = "/webhooks/widget"


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, Message, str]:
    """Status, headers (case-insensitive) and body."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.headers, reply.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("signpost.js", "text/javascript; charset=utf-8"),
        ("signpost.css", "text/css; charset=utf-8"),
    ],
)
def test_widget_files_have_their_type_and_cache_for_ten_minutes_then_revalidate(
    servers, path, content_type
) -> None:
    status, headers, body = fetch(f"{servers.url}{WIDGET}/{path}")
    assert status == 200 and body
    assert headers["Content-Type"] == content_type
    assert headers["Cache-Control"] == "public, max-age=600"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert re.fullmatch(r'"[0-9a-f]{32}"', headers["ETag"])
    again, _, unchanged = fetch(
        f"{servers.url}{WIDGET}/{path}", {"If-None-Match": headers["ETag"]}
    )
    assert again == 304 and unchanged == ""


def test_demo_page_has_a_strict_content_security_policy_and_is_not_cached(servers) -> None:
    status, headers, page = fetch(demo_url(servers.url))
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["Cache-Control"] == "no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert '<script src="/webhooks/widget/signpost.js"' in page
    assert "<style" not in page and " style=" not in page and "onclick" not in page


def test_demo_settings_are_checked_and_escaped(servers) -> None:
    _, _, page = fetch(
        demo_url(
            servers.url,
            exit_url='http://127.0.0.1:9/"><script>alert(1)</script>',
            colour="#123456",
            text_colour="red",
            institution="kent",
            title="<b>x</b>",
        )
    )
    tag = re.search(r"<script src=\"/webhooks/widget/signpost.js\"[^>]*>", page).group(0)
    assert 'data-colour="#123456"' in tag and 'data-institution="kent"' in tag
    assert "text-colour" not in tag and "data-title" not in tag
    assert 'data-exit-url="http://127.0.0.1:9/&quot;&gt;&lt;script&gt;' in tag
    assert "<script>alert(1)" not in page


def test_demo_exit_url_elsewhere_than_this_machine_is_ignored(servers) -> None:
    _, _, page = fetch(demo_url(servers.url, exit_url="https://evil.example/"))
    assert "evil.example" not in page


def test_widget_channel_is_in_credentials_after_rest() -> None:
    channels = list(yaml.safe_load((ROOT / "credentials.yml").read_text()))
    rest = channels.index("connectors.rest.SignpostRestInput")
    assert channels.index("connectors.widget.WidgetInput") == rest + 1


def test_widget_source_never_writes_html_or_stores_anything() -> None:
    code = re.sub(r"/\*.*?\*/", "", WIDGET_JS.read_text(), flags=re.S)
    source = re.sub(r"^\s*//.*$", "", code, flags=re.M)
    for forbidden in (
        "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
        "localStorage", "sessionStorage", "indexedDB", "document.cookie", "new Function",
    ):
        assert forbidden not in source, forbidden
    assert "crypto.getRandomValues" in source and "location.replace" in source
