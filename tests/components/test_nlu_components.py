"""The NLU components on real Rasa Message objects, as the pipeline hands them over."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from actions.safety import learned
from actions.safety.danger import Verdict, assess
from components import safety_guard
from components.behaviour_extractor import BehaviourExtractor
from components.safety_guard import SafetyGuard


def parsed(text: str, *ranking: tuple[str, float]) -> Message:
    message = Message(data={"text": text})
    intents = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message.set("intent", intents[0] if intents else None)
    message.set("intent_ranking", intents)
    return message


def guard(message: Message) -> str:
    SafetyGuard({"learned_danger_threshold": 0.7}).process([message])
    return message.get("intent")["name"]


def test_clear_danger_wins_over_whatever_the_model_said() -> None:
    message = parsed("hes outside my door", ("describe_behaviour", 0.99), ("greet", 0.01))
    assert guard(message) == "immediate_danger"
    assert message.get("intent")["confidence"] == 1.0


def test_clear_danger_wins_over_a_fallback() -> None:
    message = parsed(
        "someones trying to get in", ("nlu_fallback", 0.45), ("immediate_danger", 0.44)
    )
    assert guard(message) == "immediate_danger"


def test_a_past_event_the_model_took_for_danger_is_demoted() -> None:
    message = parsed(
        "he was outside my flat last night", ("immediate_danger", 0.9), ("describe_behaviour", 0.1)
    )
    assert guard(message) == "describe_behaviour"


def test_a_demoted_prediction_with_nothing_confident_left_asks_to_rephrase() -> None:
    # The model put everything on danger; what is left is noise, not an intent to act on.
    message = parsed(
        "i kept checking the window", ("immediate_danger", 0.999), ("stop_form", 1e-9)
    )
    assert guard(message) == "nlu_fallback"
    negated = parsed("im not suicidal", ("self_harm", 0.999), ("diary_close", 0.001))
    assert guard(negated) == "nlu_fallback"


def test_danger_the_patterns_cannot_read_is_caught_by_the_learned_model() -> None:
    text = "he is standing by the bins looking up at my flat"
    assert assess(text).danger is Verdict.NONE  # no pattern knows this wording
    assert guard(parsed(text, ("describe_behaviour", 0.9), ("greet", 0.1))) == "immediate_danger"


def test_the_intent_classifiers_danger_guess_alone_raises_no_alarm() -> None:
    # The learned safety model, trained on far more messages, decides instead.
    message = parsed("what do i write in my diary", ("immediate_danger", 0.8), ("diary_start", 0.2))
    assert guard(message) == "diary_start"


def test_a_danger_cue_the_learned_model_doubts_asks_with_999(monkeypatch, domain) -> None:
    monkeypatch.setattr(learned, "CUE_DOUBTED_BELOW", 1.01)  # as if the model were sure
    text = "someone is outside my door and i have been sitting here for ages wondering what to do"
    assert guard(parsed(text, ("greet", 0.9))) == "unsure_safety"
    assert "999" in domain["responses"]["utter_unsure_safety"][0]["text"]


def test_without_the_learned_model_the_guard_and_classifier_decide(monkeypatch) -> None:
    monkeypatch.setattr(safety_guard, "learned_safety", lambda: None)
    assert guard(parsed("hes outside my door", ("greet", 0.9))) == "immediate_danger"
    weak = parsed("it feels off tonight", ("immediate_danger", 0.55), ("greet", 0.2))
    assert guard(weak) == "unsure_safety"
    strong = parsed("something unfamiliar", ("immediate_danger", 0.95), ("greet", 0.05))
    assert guard(strong) == "immediate_danger"
    past = parsed("he was outside last night", ("immediate_danger", 0.9), ("greet", 0.1))
    assert guard(past) == "greet"


def test_self_harm_is_forced_and_negated_self_harm_demoted() -> None:
    assert guard(parsed("i want to die", ("describe_behaviour", 0.9))) == "self_harm"
    message = parsed("im not suicidal just scared", ("self_harm", 0.8), ("unsure_safety", 0.2))
    assert guard(message) == "unsure_safety"


def test_ordinary_messages_are_left_alone() -> None:
    assert guard(parsed("what is stalking", ("faq_what_is_stalking", 0.97))) == (
        "faq_what_is_stalking"
    )


def test_behaviours_and_relationship_become_entities() -> None:
    message = parsed("my ex keeps following me and sending flowers")
    BehaviourExtractor({}).process([message])
    found = {(e["entity"], e["value"]) for e in message.get("entities")}
    assert found == {
        ("behaviour", "following"),
        ("behaviour", "gifts"),
        ("relationship", "partner_ex"),
    }


def test_a_description_the_classifier_could_not_place_is_still_a_description() -> None:
    message = parsed("they keep turning up outside my lectures", ("nlu_fallback", 0.45))
    BehaviourExtractor({}).process([message])
    assert message.get("intent")["name"] == "describe_behaviour"
    nothing = parsed("blue sky thinking", ("nlu_fallback", 0.45))
    BehaviourExtractor({}).process([nothing])
    assert nothing.get("intent")["name"] == "nlu_fallback"


def test_a_typed_diary_code_is_recognised_but_danger_still_wins() -> None:
    from actions.diary import generate_code
    from components.diary_code_detector import DiaryCodeDetector

    message = parsed(generate_code(), ("greet", 0.6), ("inform", 0.4))
    DiaryCodeDetector({}).process([message])
    assert message.get("intent")["name"] == "enter_diary_code"
    message = parsed("hes outside my door", ("greet", 0.6))
    DiaryCodeDetector({}).process([message])
    assert guard(message) == "immediate_danger"


def test_a_crisis_outranks_a_danger_only_the_learned_model_reads() -> None:
    text = "theres a noose in my room"
    assert assess(text).danger is not Verdict.DANGER
    assert guard(parsed(text, ("immediate_danger", 0.9), ("greet", 0.1))) == "self_harm"


@pytest.mark.parametrize(
    "text", ["i could murder a bacon roll right now", "im dying to see the new film"]
)
def test_an_idiom_the_classifier_takes_for_self_harm_is_not_a_crisis(text: str) -> None:
    assert guard(parsed(text, ("self_harm", 0.9), ("greet", 0.1))) != "self_harm"
