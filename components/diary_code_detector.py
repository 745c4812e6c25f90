"""Recognises a typed diary code, so that the code opens the diary from any point of any
conversation without a form or a special mode.

A code is six words from the diary's wordlist; ``looks_like_code`` also accepts a code with
one word mistyped, so that a typo gets the usual "couldn't open a diary with that code"
answer (and counts as a wrong try) instead of a confused reply. Runs before the SafetyGuard,
which therefore always has the last word.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from actions.diary.codes import looks_like_code
from components.base import StatelessComponent, force_intent

DIARY_CODE = "enter_diary_code"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DiaryCodeDetector(StatelessComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get("text")
            if text and not text.startswith("/") and looks_like_code(text):
                force_intent(message, DIARY_CODE)
        return messages
