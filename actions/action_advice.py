"""Rasa glue: advice in short steps, chosen by actions/advice/plan.py."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.action_services import closed_service_notes
from actions.advice import PIECES, advice_plan

CONTINUING_INTENTS = frozenset({"next_tip", "affirm"})


def response_text(domain: dict[str, Any], response: str) -> str:
    variants = (domain.get("responses") or {}).get(response) or [{}]
    return variants[0].get("text") or ""


class ActionNextAdvice(Action):
    """Shows the next piece of advice; asking for advice afresh starts the plan again."""

    def name(self) -> str:
        return "action_next_advice"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        queue = [p for p in tracker.get_slot("advice_queue") or [] if p in PIECES]
        if intent not in CONTINUING_INTENTS or not queue:
            started = tracker.get_slot("advice_queue") is not None
            if intent in CONTINUING_INTENTS and started:
                dispatcher.utter_message(response="utter_advice_done")
                return [SlotSet("advice_queue", None)]
            queue = advice_plan(tracker.get_slot("behaviours") or [])
        piece, rest = queue[0], queue[1:]
        dispatcher.utter_message(response=f"utter_advice_{piece}")
        for note in closed_service_notes(response_text(domain, f"utter_advice_{piece}")):
            dispatcher.utter_message(text=note)
        if rest:
            dispatcher.utter_message(response="utter_advice_step_buttons")
            return [SlotSet("advice_queue", rest)]
        dispatcher.utter_message(response="utter_advice_done")
        return [SlotSet("advice_queue", None)]
