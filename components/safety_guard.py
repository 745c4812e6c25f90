"""Makes the danger and crisis intents deterministic where it matters.

Runs after the learned intent classifier. A clear sign of danger now (or of self-harm) sets the
intent with confidence 1.0 whatever the model said, so a retrain can never lose the obvious cases;
a danger prediction that the guard can see is past, negated, habitual or hypothetical is
demoted to the next intent; a weak danger prediction with nothing the guard recognises becomes
``unsure_safety``, which asks the person rather than raising an alarm or staying silent.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from actions.behaviours import recognise
from actions.safety.danger import Verdict, assess
from components.base import StatelessComponent, force_intent

logger = logging.getLogger(__name__)

DANGER = "immediate_danger"
CRISIS = "self_harm"
UNSURE = "unsure_safety"
FALLBACK = "nlu_fallback"
DESCRIBE = "describe_behaviour"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyGuard(StatelessComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Below this confidence a learned danger prediction with no recognisable cue asks instead.
        # A demoted prediction whose next intent is below demoted_min_confidence was all the
        # model had: it becomes nlu_fallback (a rephrase request), not an action on noise.
        return {"learned_danger_threshold": 0.7, "demoted_min_confidence": 0.05}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.threshold = float(config["learned_danger_threshold"])
        self.demoted_min = float(config.get("demoted_min_confidence", 0.05))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get("text")
            if text:
                self._guard(message, text)
        return messages

    def _guard(self, message: Message, text: str) -> None:
        verdict = assess(text)
        top = (message.get("intent") or {}).get("name")
        learned, confidence = _learned_intent(message)
        if verdict.danger is Verdict.DANGER:
            _force(message, DANGER, "guard: danger")
        elif verdict.self_harm is Verdict.DANGER:
            _force(message, CRISIS, "guard: crisis")
        elif learned == DANGER and verdict.danger is Verdict.NOT_NOW:
            if top == DANGER:
                # Told afterwards and nothing else confident: it is an account of what happened.
                instead = DESCRIBE if recognise(text) else FALLBACK
                _demote(message, DANGER, self.demoted_min, "guard: not now", instead)
        elif learned == DANGER and (top == FALLBACK or confidence < self.threshold):
            _force(message, UNSURE, "guard: weak danger, ask")
        elif top == CRISIS and verdict.self_harm is Verdict.NOT_NOW:
            _demote(message, CRISIS, self.demoted_min, "guard: negated crisis")


def _learned_intent(message: Message) -> tuple[str | None, float]:
    """The classifier's best real intent, looking past an nlu_fallback put on top of it."""
    for candidate in [message.get("intent") or {}, *(message.get("intent_ranking") or [])]:
        if candidate.get("name") and candidate["name"] != FALLBACK:
            return candidate["name"], float(candidate.get("confidence") or 0.0)
    return None, 0.0


def _force(message: Message, intent: str, reason: str) -> None:
    force_intent(message, intent)
    logger.debug("SafetyGuard set intent %s (%s)", intent, reason)


def _demote(
    message: Message, intent: str, min_confidence: float, reason: str, instead: str = FALLBACK
) -> None:
    """Take ``intent`` out; if nothing confident is left, ``instead`` (by default nlu_fallback)."""
    ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != intent]
    if not ranking:
        return
    if float(ranking[0].get("confidence") or 0.0) < min_confidence or (
        ranking[0].get("name") == FALLBACK and instead != FALLBACK
    ):
        ranking = [r for r in ranking if r.get("name") != instead]
        ranking.insert(0, {"name": instead, "confidence": 1.0 - min_confidence})
    message.set("intent", dict(ranking[0]), add_to_output=True)
    message.set("intent_ranking", ranking, add_to_output=True)
    logger.debug("SafetyGuard demoted %s to %s (%s)", intent, ranking[0]["name"], reason)
