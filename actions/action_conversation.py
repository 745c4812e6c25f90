"""Rasa glue: starting again, and carrying on once the person says they are safe."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset
from rasa_sdk.executor import CollectingDispatcher

from actions.action_diary import has_answers


class ActionStartAgain(Action):
    """Forgets what was said in this conversation (slots), then the rule greets afresh."""

    def name(self) -> str:
        return "action_start_again"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_start_again")
        return [AllSlotsReset()]


class ActionContinueAfterSafe(Action):
    """After "I'm safe": advice if we already know what is happening, else ask what is."""

    def name(self) -> str:
        return "action_continue_after_safe"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if has_answers(tracker):  # a diary entry was paused by the emergency
            dispatcher.utter_message(response="utter_diary_paused")
        elif tracker.get_slot("behaviours"):
            dispatcher.utter_message(response="utter_offer_advice")
        else:
            dispatcher.utter_message(response="utter_ask_what_happening")
        return []
