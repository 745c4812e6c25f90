"""Adds `behaviour` and `relationship` entities from the plain-Python behaviour catalogue.

Working in the NLU pipeline (not the action server) means every message is read for behaviours,
whatever the intent, and `/model/parse` shows them, which is how bench/quality.py measures them.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from actions.behaviours import recognise, relationship
from actions.behaviours.learned import learned_model
from components.base import StatelessComponent, force_intent

EXTRACTOR = "BehaviourExtractor"
FALLBACK = "nlu_fallback"
DESCRIBE = "describe_behaviour"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class BehaviourExtractor(StatelessComponent):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        learned_model()  # fitted at load (seconds), not while the first message waits

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get("text")
            if not text:
                continue
            found = [_entity("behaviour", b, text) for b in recognise(text)]
            who = relationship(text)
            if who:
                found.append(_entity("relationship", who, text))
            if found:
                entities = [*(message.get("entities") or []), *found]
                message.set("entities", entities, add_to_output=True)
            top = (message.get("intent") or {}).get("name")
            if top == FALLBACK and any(e["entity"] == "behaviour" for e in found):
                # The classifier could not place it, but it names what someone is doing: it is
                # an account of what is happening, so reflect it back rather than "say it again".
                force_intent(message, DESCRIBE)
        return messages


def _entity(name: str, value: str, text: str) -> dict[str, Any]:
    return {
        "entity": name,
        "value": value,
        "start": 0,
        "end": len(text),
        "confidence_entity": 1.0,
        "extractor": EXTRACTOR,
    }
