"""A learned reading of "danger now" and "self-harm", weighed against the guard's patterns.

The guard (``danger.py``) is exact about the wordings someone thought of, but on four sets
nobody had read (2026-11-22) it caught 70-95% of danger messages and called 7-10% of calm ones
danger. A linear classifier over word and character n-grams, fitted on about 23,000 messages
people wrote to test Signpost (``content/written_examples/``) and the intent examples in
``data/nlu/``, caught 98-100% at 3-9% on the same sets, but is easily fooled by short everyday
messages ("he has been following me for weeks"). ``danger_call`` combines the two.

Fitted from the files the first time it is needed (20-30 s on two cores, no download,
deterministic; kept in ``models/fitted/`` until the files change: ``actions/model_cache.py``),
like the behaviour model, so an institution that adds examples needs no extra training step.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

from actions.example_files import read_example_file
from actions.model_cache import FEATURE_CODE, fitted
from actions.safety.danger import TENSE_READINGS, Assessment, Verdict
from actions.safety.ngrams import NgramFeatures, fit_features

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
WRITTEN_DIR = ROOT / "content" / "written_examples"
INTENT_EXAMPLES_DIR = ROOT / "data" / "nlu"

DANGER, SELF_HARM, OTHER = "danger", "self_harm", "other"
# Which list of an example file, or which intent, is which kind of message.
_KIND_OF_LIST = {"danger": DANGER, "self_harm": SELF_HARM}
_KIND_OF_INTENT = {"immediate_danger": DANGER, "self_harm": SELF_HARM}

# The guard reads a message clause by clause; in a long message it can miss the context that
# changes everything ("there's a man at my window... cleaning it lol"), which the model, reading
# the whole message, weighs. In a short one the patterns are the better judge: the model took
# "he has been following me for weeks" for danger and "call 999 now please" for calm.
LONG_MESSAGE_WORDS = 17
# In a long message, a clause's danger cue the model is this sure is calm becomes a question (with
# 999 in it), never silence.
CUE_DOUBTED_BELOW = 0.2
# In a long message read as past or hypothetical, the model overrules the reading from here
# ("idk if thatll help bc like hes in the house rn": the "if" belongs to another thought).
OVERRULE_TENSE_FROM = 0.7
# With no cue either way, the model alone raises the alarm from here; a short message needs more
# ("he turned up at my door" is usually an account, and scored 0.52).
ALARM_FROM = 0.5
ALARM_FROM_IN_SHORT = 0.7
# Self-harm with no cue in the guard; and when the intent classifier says self_harm.
CRISIS_FROM = 0.5
CLASSIFIER_CRISIS_FROM = 0.1


class Call(str, Enum):
    EMERGENCY = "emergency"  # the emergency answer
    ASK = "ask"  # ask whether they are in danger now, with 999 in the question
    NONE = "none"  # not danger now: the rest of the pipeline decides


@dataclass(frozen=True)
class LearnedSafety:
    features: NgramFeatures
    danger: LogisticRegression
    self_harm: LogisticRegression

    def probabilities(self, text: str) -> tuple[float, float]:
        """(danger now, self-harm) probabilities for one message."""
        features = self.features.transform([text])
        return (
            float(self.danger.predict_proba(features)[0, 1]),
            float(self.self_harm.predict_proba(features)[0, 1]),
        )


def danger_call(assessment: Assessment, probability: float, text: str) -> Call:
    """The guard's verdict, weighed with the model's probability of danger now.

    Chosen on the twenty sets written in session 10 (v52-v59, v64-v75), each read only after its
    first measurement, with the model fitted without them: 1,993 of 2,000 danger messages
    caught and 45 of 2,000 calm ones alarmed, where the guard alone had 1,797 and 72 (after
    reading them) and the model alone at 0.5 had 1,982 and 73.
    """
    long = len(text.split()) >= LONG_MESSAGE_WORDS
    if assessment.danger is Verdict.DANGER:
        # Only a clause's pattern can be doubted; a whole-message reading ("he just messaged 'see
        # you in 5'") already weighed the rest of the message.
        doubted = long and assessment.reason == "pattern" and probability < CUE_DOUBTED_BELOW
        return Call.ASK if doubted else Call.EMERGENCY
    if assessment.danger is Verdict.NOT_NOW:
        overruled = long and assessment.reason in TENSE_READINGS
        return Call.EMERGENCY if overruled and probability >= OVERRULE_TENSE_FROM else Call.NONE
    alarm_from = ALARM_FROM if long else ALARM_FROM_IN_SHORT
    return Call.EMERGENCY if probability >= alarm_from else Call.NONE


def is_crisis(verdict: Verdict, probability: float, classifier_says_crisis: bool = False) -> bool:
    """A self-harm cue always counts; a negated one ("i'd never hurt myself") never does.

    The intent classifier's ``self_harm`` counts only if the model gives it some weight: alone it
    answered idioms ("im dying for a holiday", "gonna kill it at my interview") with the crisis
    message, 54 times in 557 near misses on 24 sets, and at 0.1 it caught the same 651 of 651.
    """
    if verdict is Verdict.DANGER:
        return True
    if verdict is not Verdict.NONE:
        return False
    return probability >= CRISIS_FROM or (
        classifier_says_crisis and probability >= CLASSIFIER_CRISIS_FROM
    )


def load_example_lists(directory: Path = WRITTEN_DIR) -> list[tuple[str, str]]:
    """(text, kind) from every list of every file: danger, self_harm, the rest are ``other``."""
    examples = []
    for path in sorted(directory.glob("*.yml")):
        data = read_example_file(path)
        for key, items in data.items():
            for number, item in enumerate(items or [], start=1):
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError(f"{path.name}: {key} item {number} has no text")
                examples.append((item["text"], _KIND_OF_LIST.get(key, OTHER)))
    return examples


def load_intent_examples(directory: Path = INTENT_EXAMPLES_DIR) -> list[tuple[str, str]]:
    """(text, kind) from the NLU training files (plain YAML: no Rasa needed to read them)."""
    examples = []
    for path in sorted(directory.glob("*.yml")):
        data = read_example_file(path)
        for block in data.get("nlu") or []:
            kind = _KIND_OF_INTENT.get(block.get("intent"), OTHER)
            for line in str(block.get("examples") or "").splitlines():
                if line.strip().startswith("- "):
                    examples.append((line.strip()[2:], kind))
    return examples


def fit(examples: list[tuple[str, str]], strength: float = 8.0) -> LearnedSafety:
    features, matrix = fit_features([text for text, _ in examples], longest_phrase=3)

    def classifier(kind: str) -> LogisticRegression:
        target = np.array([k == kind for _, k in examples], dtype=int)
        # liblinear shuffles: a fixed seed keeps the same examples giving the same answers
        model = LogisticRegression(
            C=strength, solver="liblinear", class_weight="balanced", random_state=0
        )
        return model.fit(matrix, target)

    return LearnedSafety(features, classifier(DANGER), classifier(SELF_HARM))


@lru_cache(maxsize=2)
def learned_safety(
    written: Path = WRITTEN_DIR, intents: Path = INTENT_EXAMPLES_DIR
) -> LearnedSafety | None:
    """The fitted model, or None: then the guard and the intent classifier decide alone.

    A broken example file (an institution's edit, say) must not stop the server that gives the
    emergency answer, so it is logged; CI's tests load every file and fail on a bad one.
    """
    try:
        examples = load_example_lists(written) + load_intent_examples(intents)
        kinds = {kind for _, kind in examples}
        if not {DANGER, SELF_HARM, OTHER} <= kinds:
            raise ValueError(f"examples of every kind are needed, found only {sorted(kinds)}")
        # inside: a fitting error must not stop the server either
        return fitted("safety", examples, (Path(__file__), *FEATURE_CODE), lambda: fit(examples))
    except (OSError, ValueError, AttributeError, yaml.YAMLError) as error:
        logger.error("learned safety model not used (%s): %s", type(error).__name__, error)
        return None
