from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.action_advice import ActionNextAdvice
from actions.advice import PIECES, advice_plan
from tests.helpers import make_tracker, responses


def test_online_behaviours_get_digital_advice_before_the_general_advice() -> None:
    plan = advice_plan(["spyware", "online_monitoring"])
    assert plan[0] == "no_contact"
    assert plan.index("devices") < plan.index("online") < plan.index("record")
    assert "routine" not in plan


def test_physical_behaviours_get_routine_and_safe_places() -> None:
    plan = advice_plan(["following", "loitering"])
    assert "routine" in plan and "safe_places" in plan
    assert "online" not in plan and "devices" not in plan


def test_contact_and_gifts_get_call_advice_and_keeping_items() -> None:
    plan = advice_plan(["unwanted_contact", "gifts"])
    assert "calls" in plan and "keep_items" in plan


def test_every_plan_ends_with_record_report_and_support() -> None:
    for behaviours in ([], ["threats"], ["fake_accounts"], ["gifts"]):
        plan = advice_plan(behaviours)
        assert plan[-4:] == ["record", "report", "legal", "support"]
        assert set(plan) <= set(PIECES)


def test_every_piece_has_a_response(domain) -> None:
    for piece in PIECES:
        assert f"utter_advice_{piece}" in domain["responses"]


def test_advice_comes_one_piece_at_a_time(dispatcher) -> None:
    tracker = make_tracker(
        "what should i do", intent="ask_advice", slots={"behaviours": ["following"]}
    )
    events = ActionNextAdvice().run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_advice_no_contact", "utter_advice_step_buttons"]
    queue = events[0]["value"]
    assert queue == advice_plan(["following"])[1:]


def test_next_tip_continues_the_plan(dispatcher) -> None:
    tracker = make_tracker("next", intent="next_tip", slots={"advice_queue": ["record", "support"]})
    events = ActionNextAdvice().run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_advice_record", "utter_advice_step_buttons"]
    assert events == [SlotSet("advice_queue", ["support"])]


def test_the_last_piece_says_so_and_offers_a_way_on(dispatcher) -> None:
    tracker = make_tracker("next", intent="next_tip", slots={"advice_queue": ["support"]})
    events = ActionNextAdvice().run(dispatcher, tracker, {})
    assert responses(dispatcher) == ["utter_advice_support", "utter_advice_done"]
    assert events == [SlotSet("advice_queue", None)]


def test_asking_again_starts_afresh(dispatcher) -> None:
    tracker = make_tracker("advice", intent="ask_advice", slots={"advice_queue": ["support"]})
    ActionNextAdvice().run(dispatcher, tracker, {})
    assert responses(dispatcher)[0] == "utter_advice_no_contact"
