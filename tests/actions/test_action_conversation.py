from __future__ import annotations

from rasa_sdk.events import AllSlotsReset

from actions.action_conversation import ActionContinueAfterSafe, ActionStartAgain
from tests.helpers import make_tracker, responses


def test_start_again_forgets_the_conversation(dispatcher) -> None:
    events = ActionStartAgain().run(
        dispatcher, make_tracker(slots={"behaviours": ["following"]}), {}
    )
    assert events == [AllSlotsReset()]
    assert responses(dispatcher) == ["utter_start_again"]


def test_safe_with_known_behaviours_offers_advice(dispatcher) -> None:
    ActionContinueAfterSafe().run(dispatcher, make_tracker(slots={"behaviours": ["threats"]}), {})
    assert responses(dispatcher) == ["utter_offer_advice"]


def test_safe_with_nothing_known_asks_what_is_happening(dispatcher) -> None:
    ActionContinueAfterSafe().run(dispatcher, make_tracker(intent="safe_now"), {})
    assert responses(dispatcher) == ["utter_ask_what_happening"]
