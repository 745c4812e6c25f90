"""Rasa glue: remembering and reflecting back the behaviours a person describes."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.behaviours import BEHAVIOUR_IDS, describe


def entity_values(tracker: Tracker, entity: str) -> list[str]:
    """Values of ``entity`` in the latest message, in order, without repeats."""
    values: list[str] = []
    for item in tracker.latest_message.get("entities") or []:
        value = item.get("value")
        if item.get("entity") == entity and isinstance(value, str) and value not in values:
            values.append(value)
    return values


def new_behaviours(tracker: Tracker) -> list[str]:
    return [b for b in entity_values(tracker, "behaviour") if b in BEHAVIOUR_IDS]


class ActionNoteBehaviours(Action):
    """Slot mapping run after every message: behaviours accumulate over the whole conversation."""

    def name(self) -> str:
        return "action_note_behaviours"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        events = []
        known = list(tracker.get_slot("behaviours") or [])
        merged = [b for b in BEHAVIOUR_IDS if b in known or b in new_behaviours(tracker)]
        if merged != known:
            events.append(SlotSet("behaviours", merged))
        who = entity_values(tracker, "relationship")
        if who and who[0] != tracker.get_slot("relationship"):
            events.append(SlotSet("relationship", who[0]))
        return events


class ActionReflectBehaviours(Action):
    """Says back in plain words what we heard, explains once, then checks safety or offers help."""

    def name(self) -> str:
        return "action_reflect_behaviours"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        heard = new_behaviours(tracker)
        known = tracker.get_slot("behaviours") or []
        if not heard and not known:
            dispatcher.utter_message(response="utter_not_heard")
            return []
        events: list[dict[str, Any]] = []
        if heard:
            dispatcher.utter_message(response="utter_reflect", heard=describe(heard))
        if tracker.get_slot("relationship") == "partner_ex" and not tracker.get_slot(
            "partner_explained"
        ):
            dispatcher.utter_message(response="utter_partner_ex")
            events.append(SlotSet("partner_explained", True))
        if not tracker.get_slot("pattern_explained"):
            dispatcher.utter_message(response="utter_explain_stalking")
            events.append(SlotSet("pattern_explained", True))
        if tracker.get_slot("safety_status") is None:
            dispatcher.utter_message(response="utter_ask_safety")
        else:
            dispatcher.utter_message(response="utter_offer_advice")
        return events
