"""Rasa glue for the incident diary (actions/diary/ holds the store, crypto and wording).

Nothing is written without a yes to the consent message; the form's answers live only in
this conversation's slots until "save", and are cleared once saved or discarded. The code of
an open diary is kept in the `diary_code` slot for the rest of the conversation (which
expires), so that the person can add, summarise, export or delete without retyping it.
Slow calls (argon2id, the database) run in a worker thread. Nothing here logs diary text.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.behaviours import behaviour, recognise
from actions.behaviours.learned import learned_model
from actions.diary import (
    DiaryError,
    DiaryNotFound,
    DiaryStore,
    EmptyEntry,
    Entry,
    FieldTooLong,
    TooManyAttempts,
    export_csv,
    export_pdf,
    export_text,
    normalise_code,
    parse_when,
)
from actions.diary.answers import SKIPPED, entry_from_answers, is_skip
from actions.diary.chat import summary_text
from actions.diary.entries import TEXT_LIMIT, WHAT_HAPPENED_LIMIT
from actions.diary.limiter import limiter_from_env
from actions.directory import now_london

# Fit the learned behaviour model now, not inside the first save (it takes seconds and would
# hold up every conversation on this action server while it ran).
learned_model()

logger = logging.getLogger(__name__)
T = TypeVar("T")

FORM = "diary_entry_form"
# Form slot -> key in actions.diary.answers.entry_from_answers
ANSWERS = {
    "diary_when": "when",
    "diary_place": "place",
    "diary_what": "what",
    "diary_person": "person",
    "diary_vehicle": "vehicle",
    "diary_evidence": "evidence",
    "diary_witnesses": "witnesses",
    "diary_impact": "impact",
}
FORM_SLOTS = [*ANSWERS, "diary_when_ok", "diary_when_phrase"]
TEXT_ANSWERS = [slot for slot in ANSWERS if slot != "diary_when"]
LIMITS = {"diary_what": WHAT_HAPPENED_LIMIT}
UNAVAILABLE = (SQLAlchemyError, OSError)


@cache
def store() -> DiaryStore:
    """One store per action server ($SIGNPOST_DIARY_URL, else a local SQLite file); its
    wrong-code limiter is shared in Redis if $SIGNPOST_DIARY_LIMITER_REDIS_URL is set."""
    return DiaryStore(limiter=limiter_from_env(os.environ))


def caller(tracker: Tracker) -> str:
    """The wrong-code limiter's key: a hash, so sender ids are not kept in its memory."""
    return hashlib.sha256(tracker.sender_id.encode()).hexdigest()[:32]


async def run_in_thread(work: Callable[[], T]) -> T:
    return await asyncio.to_thread(work)


def clear_form() -> list[dict[str, Any]]:
    return [SlotSet(slot, None) for slot in FORM_SLOTS] + [SlotSet("requested_slot", None)]


def has_answers(tracker: Tracker) -> bool:
    return any(
        (value := tracker.get_slot(slot)) and value != SKIPPED for slot in ANSWERS
    )


# --- the consent and the form ----------------------------------------------------------------


class ActionDiaryStart(Action):
    """Consent first for a new diary; with a diary already open, just ask to add to it."""

    def name(self) -> str:
        return "action_diary_start"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("diary_code"):
            dispatcher.utter_message(response="utter_diary_add_to_open")
        else:
            dispatcher.utter_message(response="utter_diary_consent")
        return []


class ActionDiaryConsented(Action):
    """Remembers the yes, so that an entry paused by an emergency can carry on."""

    def name(self) -> str:
        return "action_diary_consented"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        return [SlotSet("diary_consent", True)]


class ValidateDiaryEntryForm(FormValidationAction):
    def name(self) -> str:
        return "validate_diary_entry_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("diary_when") == SKIPPED:
            return [slot for slot in domain_slots if slot != "diary_when_ok"]
        return domain_slots

    def validate_diary_when(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._when(value, dispatcher)

    def validate_diary_when_ok(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is True:
            return {"diary_when_ok": True}
        if value is False:
            dispatcher.utter_message(response="utter_diary_when_again")
            return {"diary_when_ok": None, "diary_when": None, "diary_when_phrase": None}
        # They typed a corrected date instead of yes or no.
        return {**self._when(value, dispatcher), "diary_when_ok": None}

    @staticmethod
    def _when(value: Any, dispatcher: CollectingDispatcher) -> dict[str, Any]:
        if value == SKIPPED or (isinstance(value, str) and is_skip(value)):
            return {"diary_when": SKIPPED, "diary_when_phrase": None}
        text = str(value).strip()
        if len(text) > TEXT_LIMIT:
            dispatcher.utter_message(text=str(FieldTooLong("occurred_text", TEXT_LIMIT)))
            return {"diary_when": None}
        parsed = parse_when(text, now_london())
        phrase = parsed.phrase if parsed else f"\u201c{text}\u201d (your words, as you wrote them)"
        return {"diary_when": text, "diary_when_phrase": phrase}

    def _text(self, slot: str, value: Any, dispatcher: CollectingDispatcher) -> dict[str, Any]:
        if value == SKIPPED or (isinstance(value, str) and is_skip(value)):
            return {slot: SKIPPED}
        text = str(value).strip()
        limit = LIMITS.get(slot, TEXT_LIMIT)
        if len(text) > limit:
            dispatcher.utter_message(response="utter_diary_too_long", limit=limit)
            return {slot: None}
        return {slot: text or SKIPPED}

    def __getattr__(self, name: str) -> Callable[..., dict[str, Any]]:
        """validate_diary_place, validate_diary_what, ...: the free-text answers all follow
        the same rules (skip words, length limit), so one method serves them all."""
        slot = name.removeprefix("validate_")
        if name.startswith("validate_") and slot in TEXT_ANSWERS:
            return lambda value, dispatcher, tracker, domain: self._text(slot, value, dispatcher)
        raise AttributeError(name)


class ActionDiaryStopped(Action):
    """After "stop" (or the menu, or goodbye) in the middle of an entry."""

    def name(self) -> str:
        return "action_diary_stopped"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if has_answers(tracker):
            dispatcher.utter_message(response="utter_diary_ask_save_partial")
            return [SlotSet("requested_slot", None)]
        dispatcher.utter_message(response="utter_diary_nothing_saved")
        return clear_form()


class ActionDiaryDiscard(Action):
    def name(self) -> str:
        return "action_diary_discard"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_diary_discarded")
        return clear_form()


class ActionDiarySave(Action):
    """Saves the answers as one entry: into the open diary, or a new one with a new code."""

    def name(self) -> str:
        return "action_diary_save"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        answers = {key: tracker.get_slot(slot) for slot, key in ANSWERS.items()}
        what = answers.get("what")
        found = recognise(what) if isinstance(what, str) and what != SKIPPED else []
        try:
            entry = entry_from_answers(answers, now_london(), found)
        except EmptyEntry:
            dispatcher.utter_message(response="utter_diary_nothing_to_save")
            return clear_form()
        except DiaryError as error:  # a field over its limit (the form checks first)
            dispatcher.utter_message(text=str(error))
            return clear_form()
        code = tracker.get_slot("diary_code")
        try:
            if code:
                entries = await run_in_thread(lambda: self._add(code, entry, caller(tracker)))
            else:
                new_code = await run_in_thread(lambda: store().create_diary(entry))
        except DiaryNotFound:  # deleted from another conversation meanwhile
            dispatcher.utter_message(response="utter_diary_gone")
            return [*clear_form(), SlotSet("diary_code", None)]
        except (TooManyAttempts, *UNAVAILABLE) as error:
            logger.error("diary: could not save an entry (%s)", type(error).__name__)
            dispatcher.utter_message(response="utter_diary_save_failed")
            return []  # answers kept in the conversation so that "try again" can save them
        if code:
            dispatcher.utter_message(response="utter_diary_saved", count=entries)
            return clear_form()
        dispatcher.utter_message(response="utter_diary_new_code", code=new_code)
        return [*clear_form(), SlotSet("diary_code", new_code)]

    @staticmethod
    def _add(code: str, entry: Entry, who: str) -> int:
        store().add_entry(code, entry, caller=who)
        return len(store().open_diary(code, caller=who))


# --- opening a diary and what can be done with it --------------------------------------------


class ActionDiaryAskCode(Action):
    """"Open my diary", and summary/export/delete before a diary is open: ask for the code and
    remember what was asked for, which the code then does."""

    def name(self) -> str:
        return "action_diary_ask_code"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("diary_code"):
            dispatcher.utter_message(response="utter_diary_options")
            return []
        dispatcher.utter_message(response="utter_diary_ask_code")
        return [SlotSet("diary_pending", "open")]


class DiaryAction(Action, ABC):
    """Summary, export and delete: each needs an open diary, else asks for the code first."""

    pending = ""

    @abstractmethod
    def name(self) -> str: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        code = tracker.get_slot("diary_code")
        if not code:
            dispatcher.utter_message(response="utter_diary_ask_code")
            return [SlotSet("diary_pending", self.pending)]
        return await with_diary(dispatcher, tracker, code, self.act, was_open=True)

    async def act(
        self, dispatcher: CollectingDispatcher, code: str, entries: list[Entry], who: str
    ) -> list[dict[str, Any]]:
        raise NotImplementedError


async def with_diary(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    code: str,
    act: Callable[..., Any],
    *,
    was_open: bool,
) -> list[dict[str, Any]]:
    """Open the diary and run ``act``; every failure gets a plain answer."""
    who = caller(tracker)
    try:
        entries = await run_in_thread(lambda: store().open_diary(code, caller=who))
        return await act(dispatcher, code, entries, who)
    except DiaryNotFound:
        if was_open:  # deleted from another conversation meanwhile
            dispatcher.utter_message(response="utter_diary_gone")
        else:
            dispatcher.utter_message(response="utter_diary_wrong_code")
        return [SlotSet("diary_code", None)]
    except TooManyAttempts as error:
        dispatcher.utter_message(response="utter_diary_too_many", minutes=error.minutes)
        return [SlotSet("diary_pending", None)]
    except DiaryError as error:
        dispatcher.utter_message(text=str(error))
        return []
    except UNAVAILABLE as error:
        logger.error("diary: unavailable (%s)", type(error).__name__)
        dispatcher.utter_message(response="utter_diary_unavailable")
        return []


async def show_summary(dispatcher, code, entries, who):  # type: ignore[no-untyped-def]
    dispatcher.utter_message(text=summary_text(entries, lambda b: behaviour(b).label))
    dispatcher.utter_message(response="utter_diary_options")
    return []


async def send_export(dispatcher, code, entries, who):  # type: ignore[no-untyped-def]
    if not entries:
        dispatcher.utter_message(text=summary_text(entries, str))
        return []
    now = now_london()
    dispatcher.utter_message(response="utter_diary_export_intro")
    dispatcher.utter_message(text=export_text(entries, now).data.decode("utf-8"))
    for export in (export_pdf(entries, now), export_csv(entries, now)):
        dispatcher.utter_message(
            json_message={
                "signpost_file": {
                    "filename": export.filename,
                    "mime_type": export.media_type,
                    "base64": base64.b64encode(export.data).decode("ascii"),
                }
            }
        )
    dispatcher.utter_message(response="utter_diary_export_done")
    return []


async def confirm_delete(dispatcher, code, entries, who):  # type: ignore[no-untyped-def]
    dispatcher.utter_message(response="utter_diary_confirm_delete", count=len(entries))
    return []


async def delete(dispatcher, code, entries, who):  # type: ignore[no-untyped-def]
    count = await run_in_thread(lambda: store().delete_diary(code, caller=who))
    dispatcher.utter_message(response="utter_diary_deleted", count=count)
    return [SlotSet("diary_code", None), SlotSet("diary_pending", None)]


async def opened(dispatcher, code, entries, who):  # type: ignore[no-untyped-def]
    dispatcher.utter_message(response="utter_diary_opened", count=len(entries))
    return []


PENDING = {"summary": show_summary, "export": send_export, "delete": confirm_delete}


class ActionDiarySummary(DiaryAction):
    pending = "summary"

    def name(self) -> str:
        return "action_diary_summary"

    act = staticmethod(show_summary)  # type: ignore[assignment]


class ActionDiaryExport(DiaryAction):
    pending = "export"

    def name(self) -> str:
        return "action_diary_export"

    act = staticmethod(send_export)  # type: ignore[assignment]


class ActionDiaryDeletePrompt(DiaryAction):
    pending = "delete"

    def name(self) -> str:
        return "action_diary_delete_prompt"

    act = staticmethod(confirm_delete)  # type: ignore[assignment]


class ActionDiaryDelete(DiaryAction):
    pending = "delete"

    def name(self) -> str:
        return "action_diary_delete"

    act = staticmethod(delete)  # type: ignore[assignment]


class ActionDiaryUseCode(Action):
    """A typed code (recognised by components/diary_code_detector.py) opens the diary, then
    does what was asked for before it, if anything."""

    def name(self) -> str:
        return "action_diary_use_code"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        typed = tracker.latest_message.get("text") or ""
        code = normalise_code(typed)
        then = PENDING.get(tracker.get_slot("diary_pending") or "", opened)
        succeeded = False

        async def act(dispatcher, code, entries, who):  # type: ignore[no-untyped-def]
            nonlocal succeeded
            succeeded = True
            return await then(dispatcher, code, entries, who)

        events = await with_diary(dispatcher, tracker, code or typed, act, was_open=False)
        if not succeeded:
            return events
        return [*events, SlotSet("diary_code", code), SlotSet("diary_pending", None)]


class ActionDiaryClose(Action):
    def name(self) -> str:
        return "action_diary_close"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_diary_closed")
        return [SlotSet("diary_code", None), SlotSet("diary_pending", None)]
