"""The learned safety model and how its reading is weighed against the guard's patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.safety import learned
from actions.safety.danger import Assessment, Verdict, assess
from actions.safety.learned import (
    Call,
    danger_call,
    fit,
    is_crisis,
    learned_safety,
    load_example_lists,
    load_intent_examples,
)

SHORT = "hes outside"
LONG = " ".join(["word"] * learned.LONG_MESSAGE_WORDS)


def judged(danger: Verdict, reason: str = "pattern") -> Assessment:
    return Assessment(danger=danger, self_harm=Verdict.NONE, reason=reason)


def test_a_danger_cue_always_stands_in_a_short_message() -> None:
    assert danger_call(judged(Verdict.DANGER), 0.0, SHORT) is Call.EMERGENCY


def test_a_danger_cue_the_model_doubts_in_a_long_message_asks() -> None:
    assert danger_call(judged(Verdict.DANGER), 0.05, LONG) is Call.ASK
    assert danger_call(judged(Verdict.DANGER), 0.5, LONG) is Call.EMERGENCY
    # a reading of the whole message is not doubted
    assert danger_call(judged(Verdict.DANGER, "arriving message"), 0.05, LONG) is Call.EMERGENCY


def test_only_a_tense_reading_in_a_long_message_can_be_overruled() -> None:
    past = judged(Verdict.NOT_NOW, "past, habitual or hypothetical")
    assert danger_call(past, 0.95, LONG) is Call.EMERGENCY
    assert danger_call(past, 0.95, SHORT) is Call.NONE  # "he has been following me for weeks"
    assert danger_call(past, 0.5, LONG) is Call.NONE
    harmless = judged(Verdict.NOT_NOW, "false alarm")  # "... oh its the postman"
    assert danger_call(harmless, 0.99, LONG) is Call.NONE
    hypothetical = judged(Verdict.NOT_NOW, "hypothetical")
    assert danger_call(hypothetical, 0.99, LONG) is Call.EMERGENCY


def test_with_no_cue_the_model_decides_and_needs_more_in_a_short_message() -> None:
    assert danger_call(judged(Verdict.NONE), learned.ALARM_FROM, LONG) is Call.EMERGENCY
    assert danger_call(judged(Verdict.NONE), learned.ALARM_FROM - 0.01, LONG) is Call.NONE
    assert danger_call(judged(Verdict.NONE), learned.ALARM_FROM, SHORT) is Call.NONE
    assert danger_call(judged(Verdict.NONE), learned.ALARM_FROM_IN_SHORT, SHORT) is Call.EMERGENCY


def test_a_self_harm_cue_always_counts_and_a_negated_one_never() -> None:
    assert is_crisis(Verdict.DANGER, 0.0)
    assert not is_crisis(Verdict.NOT_NOW, 1.0)
    assert is_crisis(Verdict.NONE, 0.9)
    assert not is_crisis(Verdict.NONE, 0.1)


def test_the_intent_classifiers_self_harm_needs_some_weight_from_the_model() -> None:
    # "im dying for a holiday": the classifier alone answered idioms with the crisis message
    assert not is_crisis(Verdict.NONE, 0.05, classifier_says_crisis=True)
    assert is_crisis(Verdict.NONE, learned.CLASSIFIER_CRISIS_FROM, classifier_says_crisis=True)
    assert not is_crisis(Verdict.NOT_NOW, 0.9, classifier_says_crisis=True)


# My own wordings, in no example file: what the patterns do not know and the model does.
DANGER_ONLY_THE_MODEL_READS = [
    "he is standing by the bins looking up at my flat",
    "i can see his van from my window and its not moving",
]
# The messages a stalking service hears most: none is danger now.
EVERYDAY = [
    "he has been following me for weeks",
    "she keeps turning up at my work",
    "he followed me home on tuesday night",
    "she turned up at my house",
    "my old boss is stalking me",
    "what are the police able to do about it",
    "is it stalking if he messages me every day",
    "he was outside my door yesterday but hes gone",
    "im not in danger right now",
]
CRISIS_ONLY_THE_MODEL_READS = [
    "i keep thinking everyone would be happier without me",
    "i dont see a way out except not being here",
]


def call(text: str) -> Call:
    model = learned_safety()
    assert model is not None
    return danger_call(assess(text), model.probabilities(text)[0], text)


def training_texts() -> set[str]:
    return {t.lower() for t, _ in load_example_lists() + load_intent_examples()}


def test_the_wordings_here_are_not_training_examples() -> None:
    mine = DANGER_ONLY_THE_MODEL_READS + EVERYDAY + CRISIS_ONLY_THE_MODEL_READS
    assert not {t.lower() for t in mine} & training_texts()


@pytest.mark.parametrize("text", DANGER_ONLY_THE_MODEL_READS)
def test_danger_the_patterns_miss_gets_the_emergency_answer(text: str) -> None:
    assert assess(text).danger is Verdict.NONE
    assert call(text) is Call.EMERGENCY


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_messages_raise_no_alarm(text: str) -> None:
    assert call(text) is Call.NONE


@pytest.mark.parametrize("text", CRISIS_ONLY_THE_MODEL_READS)
def test_crisis_the_patterns_miss_is_read_by_the_model(text: str) -> None:
    model = learned_safety()
    assert model is not None
    assert assess(text).self_harm is Verdict.NONE
    assert is_crisis(Verdict.NONE, model.probabilities(text)[1])


def test_fitting_is_deterministic() -> None:
    examples = load_example_lists()[:600] + load_intent_examples()[:600]
    text = "hes outside my window and wont go"
    assert fit(examples).probabilities(text) == fit(examples).probabilities(text)


def test_a_bad_example_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text('danger:\n  - context: first\n')
    with pytest.raises(ValueError, match="bad.yml: danger item 1"):
        load_example_lists(tmp_path)


def test_a_broken_example_file_leaves_the_guard_deciding(tmp_path: Path, caplog) -> None:
    (tmp_path / "local.yml").write_text("danger:\n  - just a string\n")
    assert learned_safety(tmp_path) is None
    assert "learned safety model not used" in caplog.text


def test_every_written_example_file_loads() -> None:
    kinds = {kind for _, kind in load_example_lists()}
    assert kinds == {learned.DANGER, learned.SELF_HARM, learned.OTHER}
