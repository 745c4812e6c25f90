"""Decides "danger now" and "self-harm" from the guard's patterns and the learned safety model.

Runs after the intent classifier, whose danger guess it replaces: the learned safety model
(``actions/safety/learned.py``, trained on far more messages) and the guard's patterns decide
together. A danger cue stands unless the model is very sure it is calm (then the person is
asked, with 999 in the question); a message the guard reads as past or negated needs a confident
model to raise the alarm; otherwise the model decides. A self-harm cue always gives the crisis
answer. If the learned model cannot be built, the guard and the intent classifier decide as
before: a clear cue wins, a demoted guess is replaced, a weak guess asks.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from actions.behaviours import recognise
from actions.safety.danger import Assessment, Verdict, assess
from actions.safety.learned import Call, danger_call, is_crisis, learned_safety
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
        learned_safety()  # fitted now, while the server starts, not on someone's first message

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get("text")
            if text:
                self._guard(message, text)
        return messages

    def _guard(self, message: Message, text: str) -> None:
        verdict = assess(text)
        model = learned_safety()
        if model is None:
            self._guard_without_model(message, text, verdict)
            return
        danger, self_harm = model.probabilities(text)
        call = danger_call(verdict, danger, text)
        learned, _ = _learned_intent(message)
        top = (message.get("intent") or {}).get("name")
        crisis = is_crisis(verdict.self_harm, self_harm, classifier_says_crisis=top == CRISIS)
        if call is Call.EMERGENCY and (verdict.danger is Verdict.DANGER or not crisis):
            _force(message, DANGER, "danger now")
        elif crisis:
            # "theres a noose in my room": the crisis answer (999 and Samaritans) fits better
            _force(message, CRISIS, "crisis")
        elif call is Call.ASK:
            _force(message, UNSURE, "danger cue the model doubts, ask")
        elif learned == DANGER:
            self._demote_danger(message, text, "not danger now")
        elif top == CRISIS:
            _demote(message, CRISIS, self.demoted_min, "negated crisis")

    def _guard_without_model(self, message: Message, text: str, verdict: Assessment) -> None:
        top = (message.get("intent") or {}).get("name")
        learned, confidence = _learned_intent(message)
        if verdict.danger is Verdict.DANGER:
            _force(message, DANGER, "guard: danger")
        elif verdict.self_harm is Verdict.DANGER:
            _force(message, CRISIS, "guard: crisis")
        elif learned == DANGER and verdict.danger is Verdict.NOT_NOW:
            if top == DANGER:
                self._demote_danger(message, text, "guard: not now")
        elif learned == DANGER and (top == FALLBACK or confidence < self.threshold):
            _force(message, UNSURE, "guard: weak danger, ask")
        elif top == CRISIS and verdict.self_harm is Verdict.NOT_NOW:
            _demote(message, CRISIS, self.demoted_min, "guard: negated crisis")

    def _demote_danger(self, message: Message, text: str, reason: str) -> None:
        # Nothing else confident left: an account of what happened if it names a behaviour.
        instead = DESCRIBE if recognise(text) else FALLBACK
        _demote(message, DANGER, self.demoted_min, reason, instead)


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
