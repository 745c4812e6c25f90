"""The incident diary as a person meets it: through the REST channel, the trained model, the
action server and a real (SQLite) diary database."""

from __future__ import annotations

import base64
import sqlite3
import uuid

import pytest

from tests import diary_script as script
from tests.diary_script import CODE, QUESTIONS, new_code
from tests.helpers import EMERGENCY, buttons, texts

pytestmark = pytest.mark.e2e



def consent(servers, sender: str) -> str:
    return script.consent(lambda message: servers.say(sender, message))


def start_entry(servers, sender: str) -> str:
    return script.start_entry(lambda message: servers.say(sender, message))


def full_entry(servers, sender: str) -> list[dict]:
    return script.full_entry(lambda message: servers.say(sender, message))


def diary_rows(servers) -> int:
    with sqlite3.connect(servers.tmp / "diary.sqlite3") as db:
        return db.execute("select count(*) from diary_entries").fetchone()[0]


def test_consent_declined_stores_nothing(servers, sender) -> None:
    before = diary_rows(servers) if (servers.tmp / "diary.sqlite3").exists() else 0
    consent(servers, sender)
    said = texts(servers.say(sender, "no thanks"))
    assert "Nothing has been saved" in said
    assert QUESTIONS[0] not in said
    if (servers.tmp / "diary.sqlite3").exists():
        assert diary_rows(servers) == before


def test_full_entry_gives_a_code_once_that_reopens_the_diary(servers, sender) -> None:
    saved = full_entry(servers, sender)
    code = new_code(saved)
    assert "only this once" in texts(saved)
    # Later, in another conversation, the code opens the diary.
    other = f"e2e-{uuid.uuid4().hex[:12]}"
    opened = servers.say(other, code.upper().replace(" ", "-"))
    assert "Your diary is open. It has 1 entries" in texts(opened)
    assert "/diary_summary" in buttons(opened)
    summary = texts(servers.say(other, "/diary_summary"))
    assert "1 incident" in summary and "following you" in summary
    assert code not in texts(servers.say(other, "/diary_summary"))  # never shown again


def test_skipping_every_question(servers, sender) -> None:
    start_entry(servers, sender)
    for _ in QUESTIONS[:-1]:
        servers.say(sender, "/skip")
    said = texts(servers.say(sender, "skip"))
    assert "nothing to save" in said and "Nothing was saved" in said


def test_skipped_questions_still_save_the_rest(servers, sender) -> None:
    start_entry(servers, sender)
    servers.say(sender, "/skip")  # when
    servers.say(sender, "at my halls")  # where
    for _ in QUESTIONS[2:]:
        replies = servers.say(sender, "/skip")
    assert CODE.search(texts(replies))


def test_stop_mid_form_keeps_nothing_unless_they_choose(servers, sender) -> None:
    start_entry(servers, sender)
    servers.say(sender, "last tuesday")
    servers.say(sender, "yes")
    servers.say(sender, "in the car park at work")
    stopped = servers.say(sender, "stop")
    assert "Nothing has been saved yet" in texts(stopped)
    assert buttons(stopped) == ["/diary_save", "/diary_discard"]
    rows = diary_rows(servers) if (servers.tmp / "diary.sqlite3").exists() else 0
    assert "haven't saved" in texts(servers.say(sender, "/diary_discard"))
    if (servers.tmp / "diary.sqlite3").exists():
        assert diary_rows(servers) == rows
    # Choosing to save what they have, in another conversation:
    other = f"e2e-{uuid.uuid4().hex[:12]}"
    start_entry(servers, other)
    servers.say(other, "/skip")
    servers.say(other, "outside my flat")
    servers.say(other, "/stop_form")
    assert CODE.search(texts(servers.say(other, "/diary_save")))


def test_danger_mid_form_gets_the_emergency_answer_then_can_resume(servers, sender) -> None:
    start_entry(servers, sender)
    servers.say(sender, "/skip")
    servers.say(sender, "outside my halls")
    interrupted = servers.say(sender, "hes outside my door right now")
    said = texts(interrupted)
    assert EMERGENCY in said
    assert "/diary_resume" in buttons(interrupted)
    assert QUESTIONS[2] in texts(servers.say(sender, "/diary_resume"))  # where was kept
    servers.say(sender, "he turned up at my door")
    for _ in QUESTIONS[3:]:
        replies = servers.say(sender, "/skip")
    assert CODE.search(texts(replies))


def test_wrong_code_gets_one_generic_answer(servers, sender) -> None:
    servers.say(sender, "open my diary")
    said = texts(servers.say(sender, "apple river stone cloud table lamp"))
    assert "couldn't open a diary with that code" in said


def test_export_sends_text_and_files(servers, sender) -> None:
    code = new_code(full_entry(servers, sender))
    other = f"e2e-{uuid.uuid4().hex[:12]}"
    assert "six-word" in texts(servers.say(other, "export my diary"))
    replies = servers.say(other, code)
    said = texts(replies)
    assert "outside the library on campus" in said and "kept with Signpost" in said
    files = {r["custom"]["signpost_file"]["filename"].rsplit(".", 1)[1]: r["custom"]
             ["signpost_file"] for r in replies if "signpost_file" in (r.get("custom") or {})}
    assert set(files) == {"pdf", "csv"}
    assert base64.b64decode(files["pdf"]["base64"]).startswith(b"%PDF")
    assert b"outside the library" in base64.b64decode(files["csv"]["base64"])


def test_delete_really_deletes(servers, sender) -> None:
    code = new_code(full_entry(servers, sender))
    rows = diary_rows(servers)
    prompt = servers.say(sender, "delete my diary")
    assert "can't be undone" in texts(prompt)
    assert "deleted from the database" in texts(servers.say(sender, "/diary_delete_confirm"))
    assert diary_rows(servers) == rows - 1
    other = f"e2e-{uuid.uuid4().hex[:12]}"
    assert "couldn't open a diary" in texts(servers.say(other, code))
