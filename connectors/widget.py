"""The website chat widget, served by the Rasa server itself (docs/widget.md).

`GET /webhooks/widget/signpost.js` and `/webhooks/widget/signpost.css` are the widget; a
university adds it to any page with one `<script>` tag. `GET /webhooks/widget/demo` is a plain
page with that tag, under a strict Content-Security-Policy. The widget talks to the REST channel
(`connectors/rest.py`), so this channel receives no messages itself.

The demo page takes a few settings from its query string so that a university can preview its
colours, and so that tests can point the quick exit at a local page: `colour`, `text-colour`
(`#rgb` or `#rrggbb`), `institution` (a slug), `open` (`true`), and `exit-url`, which is
accepted only for a loopback host (localhost, 127.0.0.1, [::1]) so that nobody can hand out a
link to the official demo whose "Leave this site" button goes somewhere of their choosing.
Turn the demo page off with `demo: false` under the channel in credentials.yml.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

STATIC = Path(__file__).resolve().parent / "widget_static"

# The widget's URL carries no version (one script tag, never edited), so browsers keep it for a
# short while and then revalidate with the ETag: a fix reaches every page within ten minutes.
ASSET_CACHE = "public, max-age=600"
DEMO_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
SLUG = re.compile(r"^[a-z0-9_-]{1,40}$")
LOOPBACK = {"localhost", "127.0.0.1", "::1"}
MAX_URL_CHARS = 500


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str
    etag: str


def load_asset(name: str, content_type: str) -> Asset:
    body = (STATIC / name).read_bytes()
    return Asset(body, content_type, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


def serve_asset(request: Request, asset: Asset) -> HTTPResponse:
    """The file with its type, caching headers and ETag; 304 when the browser has it already."""
    headers = {
        **COMMON_HEADERS,
        "Cache-Control": ASSET_CACHE,
        "ETag": asset.etag,
        # Universities whose pages send Cross-Origin-Embedder-Policy can still load it.
        "Cross-Origin-Resource-Policy": "cross-origin",
    }
    sent = request.headers.get("If-None-Match", "")
    if asset.etag in (tag.strip() for tag in sent.split(",")) or sent.strip() == "*":
        return HTTPResponse(status=304, headers=headers)
    return HTTPResponse(asset.body, headers=headers, content_type=asset.content_type)


def loopback_url(value: str) -> str | None:
    """An http(s) URL on this machine, or None."""
    if not value or len(value) > MAX_URL_CHARS:
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or host not in LOOPBACK:
        return None
    return value


def demo_settings(query: Mapping[str, str]) -> dict[str, str]:
    """The widget's data- attributes for the demo page, from checked query parameters only."""
    settings: dict[str, str] = {}
    for name in ("colour", "text-colour"):
        if COLOUR.match(query.get(name, "")):
            settings[name] = query[name]
    if SLUG.match(query.get("institution", "")):
        settings["institution"] = query["institution"]
    if query.get("open") == "true":
        settings["open"] = "true"
    exit_url = loopback_url(query.get("exit-url", ""))
    if exit_url:
        settings["exit-url"] = exit_url
    return settings


def render_demo(template: str, settings: Mapping[str, str], origin: str) -> str:
    attributes = "".join(
        f' data-{name}="{html.escape(value, quote=True)}"' for name, value in settings.items()
    )
    return template.replace("{{WIDGET_ATTRIBUTES}}", attributes).replace(
        "{{ORIGIN}}", html.escape(origin, quote=True)
    )


def single_values(request: Request) -> dict[str, str]:
    return {name: values[0] for name, values in request.args.items() if values}


class WidgetInput(InputChannel):
    """Serves the widget's files and demo page; messages go through the REST channel."""

    def __init__(self, demo: bool = True) -> None:
        self.demo = demo

    @classmethod
    def name(cls) -> str:
        return "widget"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(demo=credentials.get("demo", True) is not False)

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        widget = Blueprint("signpost_widget", __name__)
        script = load_asset("signpost.js", "text/javascript; charset=utf-8")
        style = load_asset("signpost.css", "text/css; charset=utf-8")
        demo_style = load_asset("demo.css", "text/css; charset=utf-8")
        demo_template = (STATIC / "demo.html").read_text(encoding="utf-8")
        demo_enabled = self.demo

        @widget.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"}, headers=COMMON_HEADERS)

        @widget.route("/signpost.js", methods=["GET"])
        async def serve_script(request: Request) -> HTTPResponse:
            return serve_asset(request, script)

        @widget.route("/signpost.css", methods=["GET"])
        async def serve_style(request: Request) -> HTTPResponse:
            return serve_asset(request, style)

        @widget.route("/demo.css", methods=["GET"])
        async def serve_demo_style(request: Request) -> HTTPResponse:
            if not demo_enabled:
                return response.text("Not found", status=404, headers=COMMON_HEADERS)
            return serve_asset(request, demo_style)

        @widget.route("/demo", methods=["GET"])
        async def demo(request: Request) -> HTTPResponse:
            if not demo_enabled:
                return response.text("Not found", status=404, headers=COMMON_HEADERS)
            page = render_demo(
                demo_template,
                demo_settings(single_values(request)),
                f"{request.scheme}://{request.host}",
            )
            headers = {
                **COMMON_HEADERS,
                "Content-Security-Policy": DEMO_CSP,
                "Cache-Control": "no-store",
                "X-Frame-Options": "DENY",
                "Cross-Origin-Opener-Policy": "same-origin",
            }
            return response.html(page, headers=headers)

        return widget
