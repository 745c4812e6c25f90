"""Failures the production profile must ride out: a Rasa server killed under load, the action
server down, and one sender flooding the REST channel (which must never silence danger).

Each test leaves the stack whole again (killed processes restarted by run_prod.sh).
"""

from __future__ import annotations

import asyncio
import json
import signal
import time
import uuid

import aiohttp
import pytest

from tests.helpers import EMERGENCY, buttons, texts
from tests.production.stack import ACTIONS_PORT, RASA_PORTS, is_up, post, wait_until

pytestmark = pytest.mark.production

UNAVAILABLE = "part of Signpost isn't working right now"
SCRIPT = ["hi", "/safe_now", "he keeps following me home", "/ask_advice", "/next_tip",
          "can i report anonymously", "who can i talk to", "bye"]


async def converse_under_load(url: str, seconds: float, concurrency: int, kill_at: float,
                              kill) -> tuple[list[tuple[float, float, bool, int]], float]:  # noqa: ANN001
    """Closed-loop conversations through ``url``; ``kill()`` is called after ``kill_at`` s.
    Returns (started, finished, ok, status) per message, and when the kill happened."""
    results: list[tuple[float, float, bool, int]] = []
    start = time.monotonic()
    end = start + seconds
    killed_at = [0.0]

    async def worker(session: aiohttp.ClientSession, index: int) -> None:
        n = 0
        while time.monotonic() < end:
            sender = f"prodload-{index}-{n}-{uuid.uuid4().hex[:8]}"
            n += 1
            for text in SCRIPT:
                if time.monotonic() >= end:
                    return
                began = time.monotonic()
                status, body = -1, None
                try:
                    async with session.post(url, json={"sender": sender, "message": text}) as r:
                        status = r.status
                        body = json.loads(await r.read())
                except (aiohttp.ClientError, TimeoutError, json.JSONDecodeError):
                    pass
                ok = status == 200 and isinstance(body, list) and bool(body)
                results.append((began - start, time.monotonic() - start, ok, status))
                if not ok:
                    break  # the conversation's state is unknown: start a new one

    async def killer() -> None:
        await asyncio.sleep(kill_at)
        killed_at[0] = time.monotonic() - start
        kill()

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await asyncio.gather(killer(), *(worker(session, i) for i in range(concurrency)))
    return results, killed_at[0]


def test_one_rasa_server_killed_under_load_the_other_keeps_answering(stack) -> None:
    victim = f"rasa-{RASA_PORTS[1]}"
    concurrency = 8
    results, killed_at = asyncio.run(
        converse_under_load(f"{stack.front}/webhooks/rest/webhook", seconds=14,
                            concurrency=concurrency, kill_at=4,
                            kill=lambda: stack.kill(victim, signal.SIGKILL))
    )
    before = [r for r in results if r[1] < killed_at]
    after = [r for r in results if r[0] > killed_at + 1]
    errors = [r for r in results if not r[2]]
    assert sum(ok for _, _, ok, _ in before) >= 10, "too little traffic before the kill"
    assert sum(ok for _, _, ok, _ in after) >= 10, "the surviving server did not keep answering"
    # Only messages in flight on the killed server can fail (nginx does not resend a POST that
    # reached a server); everything sent after it died goes to the other one.
    assert len(errors) <= concurrency, errors
    assert all(ok for _, _, ok, _ in after), [r for r in after if not r[2]]
    assert {status for *_, status in errors} <= {502, 503, -1}, errors
    # run_prod.sh restarts the killed server
    wait_until(lambda: is_up(f"{stack.rasa(1)}/webhooks/rest/"), 300, f"{victim} restarted")


def test_with_the_action_server_down_safety_and_static_answers_still_work(stack, sender) -> None:
    """Safety, crisis, the menu and FAQs are static responses; what needs the action server
    (reflecting behaviours, advice steps, who is open) is replaced by a plain notice."""
    health = f"http://127.0.0.1:{ACTIONS_PORT}/health"
    stack.hold("actions")
    stack.kill("actions", signal.SIGTERM)
    try:
        wait_until(lambda: not is_up(health), 60, "action server stopped")
        a, b = stack.rasa(0), stack.rasa(1)
        static = [
            (a, "hes outside my door", EMERGENCY),
            (b, "i want to kill myself", "116 123"),
            (a, "menu", "Here's what I can help with"),
            (b, "can i report anonymously", "Crimestoppers"),
            (a, "what is stalking", "never your fault"),
        ]
        for n, (base, message, expected) in enumerate(static):
            said = texts(stack.say(base, f"{sender}-{n}", message))
            assert expected in said, (message, said)
            if n < 3:  # the emergency, crisis and menu answers come without the notice
                assert UNAVAILABLE not in said, (message, said)
        for base, message in ((a, "/safe_now"), (b, "he keeps following me"), (a, "/ask_advice"),
                              (b, "who can i talk to")):
            replies = stack.say(base, sender, message)
            assert UNAVAILABLE in texts(replies) and "999" in texts(replies), (message, replies)
            assert "/menu" in buttons(replies)  # never a dead end
    finally:
        stack.release("actions")
        wait_until(lambda: is_up(health), 120, "action server restarted")
    assert UNAVAILABLE not in texts(stack.say(stack.rasa(0), f"{sender}-back", "/ask_advice"))


def test_a_flooding_sender_is_slowed_down_but_danger_still_gets_the_emergency_answer(
    stack, sender
) -> None:
    a = stack.rasa(0)  # one server: each server keeps its own buckets
    statuses = [stack.send(a, sender, "hello")[0] for _ in range(30)]
    assert statuses[:15] == [200] * 15
    assert statuses.count(429) >= 5, statuses
    status, body, headers = post(
        f"{a}/webhooks/rest/webhook", json.dumps({"sender": sender, "message": "hi"}).encode()
    )
    assert status == 429 and int(headers["Retry-After"]) >= 1
    assert "sending messages very quickly" in texts(body) and "999" in texts(body)
    # over the limit, danger and crisis still get the full answers from the domain
    said = stack.say(a, sender, "hes outside my door")
    assert EMERGENCY in texts(said) and "/safe_now" in buttons(said) + buttons(
        stack.say(a, sender, "/immediate_danger"))
    assert "116 123" in texts(stack.say(a, sender, "i want to kill myself"))
    # a flood of danger messages: never silenced, never a 429
    for _ in range(15):
        status, body = stack.send(a, sender, "he is outside my house right now")
        assert status == 200 and "call 999" in texts(body), (status, body)
    # other senders are not affected
    assert stack.send(a, f"{sender}-other", "hello")[0] == 200
