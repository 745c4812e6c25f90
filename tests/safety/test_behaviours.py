"""Recognising behaviours in people's own words (catalogue in content/behaviours.yml)."""

from __future__ import annotations

import pytest

from actions.behaviours import BEHAVIOUR_IDS, describe, recognise, relationship
from actions.behaviours.catalogue import load_catalogue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he keeps turning up at my halls and leaving flowers", ["turning_up", "gifts"]),
        ("my ex keeps texting me from new accounts", ["unwanted_contact", "fake_accounts"]),
        ("someone put an airtag in my bag", ["location_tracking"]),
        ("he messages my friends asking about me", ["contacting_others"]),
        ("he slashed my tyres", ["property_damage"]),
        ("she watches all my stories", ["online_monitoring"]),
        ("he follows me home from the library", ["following"]),
        ("he followed me on instagram", ["online_monitoring"]),
        ("i think he hacked my snapchat", ["spyware"]),
        ("he waits outside my lectures", ["loitering"]),
        ("a guy from my course stares at me in every seminar", ["watching"]),
        ("he posted my address online", ["posting_information"]),
        ("he said he would hurt me", ["threats"]),
        ("i dont know if this counts as stalking", []),
        ("hello", []),
    ],
)
def test_recognise(text: str, expected: list[str]) -> None:
    assert recognise(text) == expected


def test_every_canonical_behaviour_is_in_the_catalogue_with_a_label() -> None:
    ids = [b.id for b in load_catalogue().behaviours]
    assert sorted(ids) == sorted(BEHAVIOUR_IDS)
    assert all(b.label and b.patterns for b in load_catalogue().behaviours)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my ex keeps messaging me", "partner_ex"),
        ("my boyfriend checks my phone", "partner_ex"),
        ("someone i dated last year won't stop", "partner_ex"),
        ("a stranger on the bus", None),
        ("my friend is being stalked", None),
    ],
)
def test_relationship(text: str, expected: str | None) -> None:
    assert relationship(text) == expected


def test_describe_reads_naturally() -> None:
    assert describe(["following"]) == "following you"
    assert describe(["following", "watching", "gifts"]) == (
        "following you, watching you and sending or leaving you gifts or things you did not ask for"
    )
    assert describe([]) == ""
