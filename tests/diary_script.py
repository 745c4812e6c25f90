"""The diary conversation as a person types it, shared by the suites that run it through real
servers (tests/e2e on SQLite, tests/production across two Rasa servers on PostgreSQL).

Each function takes ``say``: send one message in one conversation, return the bot's replies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.helpers import texts

Say = Callable[[str], list[dict[str, Any]]]

CODE = re.compile(r"\n\n([a-z]+(?: [a-z]+){5})\n\n")
QUESTIONS = [
    "When did it happen?",
    "Where did it happen?",
    "What happened?",
    "What can you say about the person?",
    "Was there a vehicle?",
    "Did you keep any evidence?",
    "Did anyone else see or hear it?",
    "How did it affect you?",
]


def consent(say: Say) -> str:
    said = texts(say("I want to write down what happened"))
    assert "only you will have" in said and "lose the code" in said
    assert "Nothing is sent to the police" in said and "delete it" in said
    return said


def start_entry(say: Say) -> str:
    consent(say)
    return texts(say("yes"))


def new_code(replies: list[dict[str, Any]]) -> str:
    found = CODE.search(texts(replies))
    assert found, texts(replies)
    return found.group(1)


def answer_every_question(say: Say) -> list[dict[str, Any]]:
    """Answers an entry already started (the first question asked); returns the last replies."""
    confirm = texts(say("yesterday about 6pm"))
    assert "at 18:00. Is that right?" in confirm
    assert QUESTIONS[1] in texts(say("yes"))
    assert QUESTIONS[2] in texts(say("outside the library on campus"))
    assert QUESTIONS[3] in texts(
        say("he followed me from the library to the bus stop and watched me")
    )
    assert QUESTIONS[4] in texts(say("tall, grey hoodie, his name is Sam"))
    assert QUESTIONS[5] in texts(say("silver ford fiesta AB12 CDE"))
    assert QUESTIONS[6] in texts(say("screenshots of his messages"))
    assert QUESTIONS[7] in texts(say("my friend Jo saw it"))
    return say("scared to go to the library now")


def full_entry(say: Say) -> list[dict[str, Any]]:
    assert QUESTIONS[0] in start_entry(say)
    return answer_every_question(say)
