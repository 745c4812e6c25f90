"""The faster check of action server replies accepts and rejects exactly what Rasa's does."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from connectors.action_replies import validate_action_replies_once

VALID = [
    {"events": [{"event": "slot", "name": "behaviours", "value": ["following"]}], "responses": []},
    {"events": [], "responses": [{"response": "utter_menu"}]},
    {},
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"event": "slot", "name": 3}]},
    {"responses": "nope"},
    {"events": [{"no_event_key": True}]},
]


def rasa_original(result: dict) -> str | None:
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    except jsonschema.ValidationError as error:
        return error.message
    return None


@pytest.fixture(scope="module")
def remote() -> RemoteAction:
    validate_action_replies_once()
    return RemoteAction("action_x", None)


@pytest.mark.parametrize("result", VALID)
def test_valid_replies_pass(remote, result) -> None:
    assert rasa_original(result) is None
    assert remote._validate_action_result(result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_replies_fail_with_rasas_message(remote, result) -> None:
    expected = rasa_original(result)
    assert expected is not None
    with pytest.raises(jsonschema.ValidationError) as caught:
        remote._validate_action_result(result)
    assert caught.value.message.startswith(expected)
    assert "Failed to validate Action server response" in caught.value.message
