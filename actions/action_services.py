"""Rasa glue: who can I talk to now, and when closed services mentioned in advice open."""

from __future__ import annotations

import logging
import os
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.directory import DirectoryError, load_directory, now_london
from actions.directory.chat import closed_notes, priorities_for, services_messages

logger = logging.getLogger(__name__)


def institution() -> str:
    return os.environ.get("SIGNPOST_INSTITUTION", "generic")


# Checked when the action server starts: a typo in a deployer's file stops the start with a
# message naming the file, the service and the field, instead of failing a person at 2 a.m.
load_directory(institution())


class ActionShowServices(Action):
    def name(self) -> str:
        return "action_show_services"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            directory = load_directory(institution())
        except DirectoryError as error:  # reported at start-up too; never a silent dead end
            logger.error("service directory unavailable: %s", error)
            dispatcher.utter_message(response="utter_services_unavailable")
            return []
        priorities = priorities_for(
            tracker.get_slot("behaviours") or [], tracker.get_slot("relationship")
        )
        for text in services_messages(directory, now_london(), priorities):
            dispatcher.utter_message(text=text)
        dispatcher.utter_message(response="utter_services_next")
        return []


def last_bot_text(tracker: Tracker) -> str:
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return event.get("text") or ""
    return ""


def closed_service_notes(text: str) -> list[str]:
    """Notes on closed services that ``text`` mentions; nothing if the directory is unavailable."""
    try:
        directory = load_directory(institution())
    except DirectoryError:
        return []
    return closed_notes(directory, now_london(), text)


class ActionNoteClosedServices(Action):
    """After a static answer that names a service: if it is closed, when it opens and what
    is open instead."""

    def name(self) -> str:
        return "action_note_closed_services"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        for note in closed_service_notes(last_bot_text(tracker)):
            dispatcher.utter_message(text=note)
        return []
