from __future__ import annotations

import json

import pytest

from connectors.rest import MAX_MESSAGE_CHARS, RequestError, clean_text, parse_request


def body(**fields) -> bytes:
    return json.dumps(fields).encode()


def test_a_normal_message() -> None:
    assert parse_request(body(sender="abc", message="hello")) == ("abc", "hello", None)


def test_button_payloads_pass_but_typed_commands_become_text() -> None:
    assert clean_text("/safe_now") == "/safe_now"
    assert clean_text('/safe_now{"slot": 1}') == 'safe_now{"slot": 1}'
    assert clean_text("//restart") == "restart"


def test_control_characters_go_and_long_text_is_cut() -> None:
    assert clean_text("he\x00llo\x1b") == "he llo"
    assert len(clean_text("a" * 10_000)) == MAX_MESSAGE_CHARS
    assert clean_text("line one\nline two") == "line one\nline two"


@pytest.mark.parametrize(
    "raw",
    [b"{", b"[]", b"null", body(message="x"), body(sender="", message="x"),
     body(sender="s", message=["x"]), body(sender="s", message="x", metadata="m"),
     "\udcff".encode("utf-8", "surrogatepass"), b"x" * 70_000],
)
def test_malformed_requests_are_refused(raw: bytes) -> None:
    with pytest.raises(RequestError):
        parse_request(raw)


def test_missing_message_is_empty_not_an_error() -> None:
    assert parse_request(body(sender="s"))[1] == ""
