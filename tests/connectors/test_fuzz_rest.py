"""Hostile input against a real Rasa server's REST webhook: whatever arrives, a 4xx or a reply,
never a 500. Hypothesis generates the bodies; the server is the trained model behind Signpost's
REST channel, started once for this module (port SIGNPOST_TEST_FUZZ_PORT, default 8006)."""

from __future__ import annotations

import http.client
import json
import os
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.connectors.fuzz_server import FUZZ, rasa_without_actions

PORT = int(os.environ.get("SIGNPOST_TEST_FUZZ_PORT", "8006"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    environment = dict(os.environ)
    environment.pop("SIGNPOST_API_TOKEN", None)
    with rasa_without_actions(tmp_path_factory.mktemp("fuzz"), PORT, "SIGNPOST_TEST_FUZZ_PORT",
                              "credentials.yml", "/webhooks/rest/", environment) as host:
        yield host


def request(host: str, body: bytes, method: str = "POST",
            headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(host, timeout=60)
    try:
        connection.request(method, "/webhooks/rest/webhook", body=body,
                           headers={"Content-Type": "application/json", **(headers or {})})
        reply = connection.getresponse()
        return reply.status, reply.read()
    finally:
        connection.close()


def check(status: int, raw: bytes) -> object:
    """Never a 5xx; a 200 is a list of messages; a 4xx explains itself in JSON."""
    assert status < 500, (status, raw[:300])
    if status == 200:
        body = json.loads(raw)
        assert isinstance(body, list), body
        return body
    assert 400 <= status < 500, status
    return None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=25,
)


@FUZZ
@given(raw=st.binary(max_size=4096))
def test_any_bytes(server: str, raw: bytes) -> None:
    check(*request(server, raw))


@FUZZ
@given(value=JSON)
def test_any_json_value(server: str, value: object) -> None:
    check(*request(server, json.dumps(value).encode()))


@FUZZ
@given(
    fields=st.fixed_dictionaries(
        {}, optional={"sender": JSON | st.text(min_size=1, max_size=200),
                      "message": JSON, "metadata": JSON, "extra": JSON}
    )
)
def test_fields_missing_or_of_the_wrong_type(server: str, fields: dict) -> None:
    check(*request(server, json.dumps(fields).encode()))


@FUZZ
@given(
    sender=st.text(min_size=1, max_size=128).filter(str.strip),
    message=st.text(max_size=600),
)
def test_any_text_gets_a_reply(server: str, sender: str, message: str) -> None:
    status, raw = request(server, json.dumps({"sender": sender, "message": message}).encode())
    body = check(status, raw)
    if status == 200:
        assert body, "every message gets an answer"
    else:
        assert status == 429  # the same sender drawn many times: the rate limit


@FUZZ
@given(prefix=st.binary(max_size=50), junk=st.binary(min_size=1, max_size=50))
def test_invalid_utf8(server: str, prefix: bytes, junk: bytes) -> None:
    invalid = prefix + b"\xff" + junk + b"\xc3"  # 0xff never appears in UTF-8
    body = b'{"sender": "fuzz", "message": "' + invalid + b'"}'
    assert check(*request(server, body)) is None


@pytest.mark.parametrize("size", [64 * 1024 + 1, 300_000, 1_100_000, 3_000_000])
def test_huge_bodies_are_refused(server: str, size: int) -> None:
    body = json.dumps({"sender": "fuzz", "message": "a" * size}).encode()
    status, _ = request(server, body)
    # the channel refuses over 64 KiB (400); Sanic refuses over 1 MiB unread (413)
    assert status == (413 if len(body) > 1024 * 1024 else 400)


@pytest.mark.parametrize("depth", [500, 5_000, 30_000])
def test_deeply_nested_json_is_refused(server: str, depth: int) -> None:
    for raw in (b"[" * depth + b"]" * depth,
                b'{"sender": "fuzz", "message": "hi", "metadata": '
                + b'{"a": ' * depth + b"1" + b"}" * (depth + 1)):
        status, _ = request(server, raw)
        assert status in (400, 413), (depth, status)


def test_an_integer_longer_than_python_parses_is_refused(server: str) -> None:
    # Python refuses int() of over 4300 digits with a plain ValueError: once a 500.
    body = b'{"sender": "fuzz", "message": "hi", "metadata": {"n": ' + b"7" * 5000 + b"}}"
    assert request(server, body)[0] == 400


@pytest.mark.parametrize(
    "body",
    [b'{"sender": "fuzz", "message": "\\ud800 lone surrogate"}',
     b'{"sender": "\\u0000", "message": "hi"}', b'{"sender": "fuzz", "message": "hi"}' * 3,
     b'\xef\xbb\xbf{"sender": "fuzz", "message": "hi"}', b"{" + b" " * 60_000 + b"}",
     b'{"sender": "fuzz", "message": "hi", "sender": 1}', b"NaN", b"1e999999"],
)
def test_odd_but_small_bodies(server: str, body: bytes) -> None:
    check(*request(server, body))


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", ""])
def test_other_content_types(server: str, content_type: str) -> None:
    body = json.dumps({"sender": f"fuzz-{uuid.uuid4().hex[:6]}", "message": "hi"}).encode()
    check(*request(server, body, headers={"Content-Type": content_type}))


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_other_methods(server: str, method: str) -> None:
    status, _ = request(server, b"{}", method=method)
    assert 400 <= status < 500


def test_the_server_still_answers_normally_afterwards(server: str) -> None:
    status, raw = request(server, json.dumps({"sender": "fuzz-after", "message": "hi"}).encode())
    assert status == 200 and "in danger right now?" in raw.decode()
