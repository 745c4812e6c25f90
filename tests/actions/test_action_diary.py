"""The diary's Rasa glue: consent, the form's validators, saving, codes, and failures."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from sqlalchemy.exc import OperationalError

import actions.action_diary as glue
from actions.diary import AttemptLimiter, DiaryStore, Entry
from actions.diary.answers import SKIPPED
from actions.diary.crypto import INSECURE_TEST_KDF_ENV
from tests.helpers import make_tracker, responses

NOW = "2026-11-19T21:30:00+00:00"  # a Thursday evening


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNPOST_NOW", NOW)


@pytest.fixture
def diary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> DiaryStore:
    monkeypatch.setenv(INSECURE_TEST_KDF_ENV, "1")
    store = DiaryStore(f"sqlite:///{tmp_path / 'diary.sqlite3'}", limiter=AttemptLimiter(3))
    monkeypatch.setattr(glue, "store", lambda: store)
    return store


def run(action: Any, dispatcher: Any, tracker: Any) -> list[dict[str, Any]]:
    result = action.run(dispatcher, tracker, {})
    return asyncio.run(result) if asyncio.iscoroutine(result) else result


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def texts_of(dispatcher: Any) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


# --- consent ---------------------------------------------------------------------------------


def test_new_diary_asks_consent_first(dispatcher) -> None:
    run(glue.ActionDiaryStart(), dispatcher, make_tracker())
    assert responses(dispatcher) == ["utter_diary_consent"]


def test_open_diary_just_asks_to_add(dispatcher) -> None:
    run(glue.ActionDiaryStart(), dispatcher, make_tracker(slots={"diary_code": "a b c d e f"}))
    assert responses(dispatcher) == ["utter_diary_add_to_open"]


# --- the form's validators -------------------------------------------------------------------


def validate(slot: str, value: Any, dispatcher: Any, **slots: Any) -> dict[str, Any]:
    form = glue.ValidateDiaryEntryForm()
    return getattr(form, f"validate_{slot}")(value, dispatcher, make_tracker(slots=slots), {})


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        ("yesterday about 6pm", "Wednesday 18 November 2026 at 18:00"),
        ("last Tuesday", "Tuesday 17 November 2026"),
        ("tonight at 8", "Thursday 19 November 2026 at 20:00"),
        ("14/11 around 11pm", "Saturday 14 November 2026 at 23:00"),
        ("this morning", "Thursday 19 November 2026, in the morning"),
    ],
)
def test_when_is_read_and_said_back(dispatcher, typed: str, phrase: str) -> None:
    assert validate("diary_when", typed, dispatcher) == {
        "diary_when": typed, "diary_when_phrase": phrase
    }


@pytest.mark.parametrize("typed", ["next friday", "31/02", "the day of the party"])
def test_unreadable_or_future_when_keeps_their_words_for_confirmation(dispatcher, typed) -> None:
    result = validate("diary_when", typed, dispatcher)
    assert result["diary_when"] == typed
    assert typed in result["diary_when_phrase"] and "your words" in result["diary_when_phrase"]


def test_when_skipped_drops_the_confirmation(dispatcher) -> None:
    assert validate("diary_when", "dont know", dispatcher)["diary_when"] == SKIPPED
    required = asyncio.run(
        glue.ValidateDiaryEntryForm().required_slots(
            ["diary_when", "diary_when_ok", "diary_place"],
            dispatcher,
            make_tracker(slots={"diary_when": SKIPPED}),
            {},
        )
    )
    assert required == ["diary_when", "diary_place"]


def test_no_to_the_date_asks_again(dispatcher) -> None:
    result = validate("diary_when_ok", False, dispatcher, diary_when="last tuesday")
    assert result == {"diary_when_ok": None, "diary_when": None, "diary_when_phrase": None}
    assert responses(dispatcher) == ["utter_diary_when_again"]


def test_a_corrected_date_instead_of_yes_or_no(dispatcher) -> None:
    result = validate("diary_when_ok", "no it was monday", dispatcher)
    assert result["diary_when_ok"] is None and result["diary_when"] == "no it was monday"


def test_free_text_answers_skip_and_length(dispatcher) -> None:
    assert validate("diary_place", " by Tesco ", dispatcher) == {"diary_place": "by Tesco"}
    assert validate("diary_place", "/skip", dispatcher) == {"diary_place": SKIPPED}
    assert validate("diary_witnesses", "idk", dispatcher) == {"diary_witnesses": SKIPPED}
    assert validate("diary_what", "x" * 2000, dispatcher) == {"diary_what": "x" * 2000}
    assert validate("diary_place", "x" * 501, dispatcher) == {"diary_place": None}
    assert responses(dispatcher) == ["utter_diary_too_long"]
    assert dispatcher.messages[0]["limit"] == 500


# --- saving ----------------------------------------------------------------------------------

ANSWERS = {
    "diary_when": "yesterday about 6pm",
    "diary_when_ok": True,
    "diary_place": "outside my halls",
    "diary_what": "they followed me back from the library",
    "diary_person": SKIPPED,
    "diary_vehicle": "no",
    "diary_evidence": "screenshots",
    "diary_witnesses": SKIPPED,
    "diary_impact": "scared",
}


def test_save_creates_a_diary_and_shows_the_code_once(dispatcher, diary) -> None:
    events = run(glue.ActionDiarySave(), dispatcher, make_tracker(slots=ANSWERS))
    code = slots_of(events)["diary_code"]
    assert responses(dispatcher) == ["utter_diary_new_code"]
    assert dispatcher.messages[0]["code"] == code
    assert all(slots_of(events)[slot] is None for slot in ANSWERS)  # answers cleared
    [entry] = diary.open_diary(code)
    assert entry.place == "outside my halls" and entry.behaviours == ("following",)
    assert entry.occurred_at.hour == 18 and entry.vehicle is None


def test_save_into_an_open_diary(dispatcher, diary) -> None:
    code = diary.create_diary(Entry(place="gym"))
    events = run(
        glue.ActionDiarySave(), dispatcher, make_tracker(slots={**ANSWERS, "diary_code": code})
    )
    assert responses(dispatcher) == ["utter_diary_saved"]
    assert dispatcher.messages[0]["count"] == 2
    assert "diary_code" not in slots_of(events)
    assert len(diary.open_diary(code)) == 2


def test_nothing_to_save(dispatcher, diary) -> None:
    run(glue.ActionDiarySave(), dispatcher, make_tracker(slots=dict.fromkeys(ANSWERS, SKIPPED)))
    assert responses(dispatcher) == ["utter_diary_nothing_to_save"]


def test_database_down_saves_nothing_and_keeps_the_answers(dispatcher, monkeypatch) -> None:
    class Down:
        def create_diary(self, entry: Entry) -> str:
            raise OperationalError("connect", {}, Exception("refused"))

    monkeypatch.setattr(glue, "store", lambda: Down())
    events = run(glue.ActionDiarySave(), dispatcher, make_tracker(slots=ANSWERS))
    assert responses(dispatcher) == ["utter_diary_save_failed"]
    assert events == []  # answers kept for "try again"


def test_stop_with_answers_asks_whether_to_save(dispatcher) -> None:
    run(glue.ActionDiaryStopped(), dispatcher, make_tracker(slots={"diary_place": "gym"}))
    assert responses(dispatcher) == ["utter_diary_ask_save_partial"]


def test_stop_with_nothing_says_nothing_was_saved(dispatcher) -> None:
    events = run(glue.ActionDiaryStopped(), dispatcher, make_tracker(slots={"diary_when": SKIPPED}))
    assert responses(dispatcher) == ["utter_diary_nothing_saved"]
    assert slots_of(events)["diary_when"] is None


# --- codes -----------------------------------------------------------------------------------


def test_a_typed_code_opens_the_diary_and_does_what_was_asked(dispatcher, diary) -> None:
    code = diary.create_diary(Entry(place="gym", behaviours=("turning_up",)))
    tracker = make_tracker(code.upper().replace(" ", "-"), "enter_diary_code",
                           slots={"diary_pending": "summary"})
    events = run(glue.ActionDiaryUseCode(), dispatcher, tracker)
    assert slots_of(events) == {"diary_code": code, "diary_pending": None}
    assert "1 incident" in texts_of(dispatcher) and "turning up" in texts_of(dispatcher)


def test_wrong_codes_get_one_answer_then_are_slowed(dispatcher, diary) -> None:
    for _ in range(3):
        events = run(glue.ActionDiaryUseCode(), dispatcher,
                     make_tracker("apple river stone cloud table lamp", "enter_diary_code"))
        assert slots_of(events) == {"diary_code": None}
    assert responses(dispatcher) == ["utter_diary_wrong_code"] * 3
    run(glue.ActionDiaryUseCode(), dispatcher,
        make_tracker("apple river stone cloud table lamp", "enter_diary_code"))
    assert responses(dispatcher)[-1] == "utter_diary_too_many"


def test_summary_without_an_open_diary_asks_for_the_code(dispatcher, diary) -> None:
    events = run(glue.ActionDiarySummary(), dispatcher, make_tracker())
    assert responses(dispatcher) == ["utter_diary_ask_code"]
    assert slots_of(events) == {"diary_pending": "summary"}


def test_export_sends_text_pdf_and_csv(dispatcher, diary) -> None:
    code = diary.create_diary(Entry(place="outside the gym", what_happened="waited for me"))
    run(glue.ActionDiaryExport(), dispatcher, make_tracker(slots={"diary_code": code}))
    files = [m["custom"]["signpost_file"] for m in dispatcher.messages if m.get("custom")]
    assert [f["mime_type"] for f in files] == ["application/pdf", "text/csv"]
    assert "outside the gym" in texts_of(dispatcher)


def test_delete_deletes_and_closes(dispatcher, diary) -> None:
    code = diary.create_diary(Entry(place="gym"))
    events = run(glue.ActionDiaryDelete(), dispatcher, make_tracker(slots={"diary_code": code}))
    assert responses(dispatcher) == ["utter_diary_deleted"]
    assert slots_of(events)["diary_code"] is None
    run(glue.ActionDiarySummary(), dispatcher, make_tracker(slots={"diary_code": code}))
    assert responses(dispatcher)[-1] == "utter_diary_gone"


def test_close_forgets_the_code(dispatcher) -> None:
    events = run(glue.ActionDiaryClose(), dispatcher, make_tracker(slots={"diary_code": "x"}))
    assert slots_of(events)["diary_code"] is None


def test_consent_is_remembered(dispatcher) -> None:
    assert run(glue.ActionDiaryConsented(), dispatcher, make_tracker()) == [
        SlotSet("diary_consent", True)
    ]
