from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.action_behaviours import ActionNoteBehaviours, ActionReflectBehaviours
from tests.helpers import behaviour_entities, make_tracker, responses


def test_behaviours_accumulate_across_the_conversation(dispatcher) -> None:
    tracker = make_tracker(
        "he also sends me flowers",
        slots={"behaviours": ["following"]},
        entities=behaviour_entities("gifts"),
    )
    events = ActionNoteBehaviours().run(dispatcher, tracker, {})
    assert SlotSet("behaviours", ["following", "gifts"]) in events


def test_only_canonical_values_reach_the_slot(dispatcher) -> None:
    tracker = make_tracker("x", entities=behaviour_entities("stalking", "following"))
    events = ActionNoteBehaviours().run(dispatcher, tracker, {})
    assert events == [SlotSet("behaviours", ["following"])]


def test_nothing_new_sets_nothing(dispatcher) -> None:
    tracker = make_tracker("hello", slots={"behaviours": ["watching"]})
    assert ActionNoteBehaviours().run(dispatcher, tracker, {}) == []


def test_partner_or_ex_is_remembered(dispatcher) -> None:
    tracker = make_tracker(
        "my ex texts me", entities=behaviour_entities("unwanted_contact", relationship="partner_ex")
    )
    events = ActionNoteBehaviours().run(dispatcher, tracker, {})
    assert SlotSet("relationship", "partner_ex") in events


def test_reflects_what_it_heard_explains_once_and_checks_safety_first(dispatcher) -> None:
    tracker = make_tracker(
        "he follows me and watches me",
        slots={"behaviours": ["following", "watching"]},
        entities=behaviour_entities("following", "watching"),
    )
    events = ActionReflectBehaviours().run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_reflect", "utter_explain_stalking", "utter_ask_safety"]
    assert dispatcher.messages[0]["heard"] == "following you and watching you"
    assert SlotSet("pattern_explained", True) in events


def test_after_safety_check_it_offers_advice_and_does_not_repeat_the_explanation(
    dispatcher,
) -> None:
    tracker = make_tracker(
        "he also sends me gifts",
        slots={"behaviours": ["gifts"], "pattern_explained": True, "safety_status": "safe"},
        entities=behaviour_entities("gifts"),
    )
    ActionReflectBehaviours().run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_reflect", "utter_offer_advice"]


def test_partner_or_ex_gets_the_domestic_abuse_angle_once(dispatcher) -> None:
    slots = {
        "behaviours": ["unwanted_contact"],
        "relationship": "partner_ex",
        "pattern_explained": True,
        "safety_status": "safe",
    }
    tracker = make_tracker("my ex", slots=slots, entities=behaviour_entities("unwanted_contact"))
    events = ActionReflectBehaviours().run(dispatcher, tracker, {})
    assert "utter_partner_ex" in responses(dispatcher)
    assert SlotSet("partner_explained", True) in events


def test_nothing_recognised_asks_gently_for_more(dispatcher) -> None:
    ActionReflectBehaviours().run(dispatcher, make_tracker("it's hard to explain"), {})
    assert responses(dispatcher) == ["utter_not_heard"]
