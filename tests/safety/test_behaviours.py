"""Recognising behaviours in people's own words (catalogue in content/behaviours.yml)."""

from __future__ import annotations

import pytest

from actions.behaviours import BEHAVIOUR_IDS, describe, relationship
from actions.behaviours.catalogue import load_catalogue, recognise, recognise_patterns


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
    assert recognise_patterns(text) == expected


# Families of wording beyond the obvious verbs: each a general shape, with negatives for precision.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # turning_up: things on a screen pop up, people turn up; looking at a door is watching
        ("his name keeps popping up in my suggested friends", []),
        ("he posted a photo of me in my work hoodie", ["posting_information"]),
        ("she was staring at my front door from her car", ["watching"]),
        # loitering: where people hang about, and for how long
        ("a man keeps standing on the corner of my road", ["loitering"]),
        ("he sat in the stairwell of my block for hours", ["loitering"]),
        ("i was sitting at the bus stop reading", []),
        # watching: rooms described with more words, and knowing what you have on
        ("she peers up at my kitchen window every morning", ["watching"]),
        ("he messages me what i am wearing each day", ["watching", "unwanted_contact"]),
        ("he asked me what i am wearing tonight", []),
        # unwanted_contact: sent to where I live, notes, bare "he texted", accounts made to reach me
        ("he posts cards to my nans address where i am staying", ["unwanted_contact"]),
        ("i told my mum and she said it was stalking", []),
        ("i found weird handwritten notes under my wiper", ["unwanted_contact"]),
        ("she got a second number to ring me", ["unwanted_contact"]),
        ("he keeps phoning my dad at his work", ["contacting_others"]),
        ("my ex keeps ringing my work mobile", ["unwanted_contact"]),
        ("he left a teddy with a card on my car", ["gifts"]),
        ("he sent me one text saying he would stab me", ["threats"]),
        # property_damage: throwing or pouring things over property
        ("someone tipped bleach all over my car", ["property_damage"]),
        ("i spilled tea on my laptop", []),
        # online_monitoring: every one of my posts, logging in to keep an eye, follow requests
        ("she reacts to each and every one of my reels", ["online_monitoring"]),
        ("he sees every single post i make", ["online_monitoring"]),
        ("a random account sent a request to follow my locked twitter", []),
        # fake_accounts: tell-tale empty accounts
        (
            "a profile with zero posts keeps watching my stories",
            ["online_monitoring", "fake_accounts"],
        ),
        # spyware: sign-in alerts, logging into any account, knowing what was sent
        ("i keep getting sign in codes i never asked for", ["spyware"]),
        ("he signs into my amazon to see what i buy", ["online_monitoring", "spyware"]),
        ("she knows what i was texting my best friend last night", ["spyware"]),
        # location_tracking: tracking gadgets, running apps, knowing when you are somewhere
        ("there was a tracking chip stuck inside my handbag", ["location_tracking"]),
        ("my ex looks at my map my run routes", ["location_tracking"]),
        ("he somehow knows when i am at my sisters", ["location_tracking"]),
        # posting_information: new kinds of information and destinations, telling everyone
        ("she put my work address on her page", ["posting_information"]),
        ("he told the entire year group chat i was pregnant", ["posting_information"]),
        ("my ex said he will post our chats unless i meet him", ["threats"]),
        # contacting_others: adjectives before the people contacted
        ("she keeps texting my old flatmates about me", ["contacting_others"]),
        # threats without the word threat
        ("he said hell snap my neck", ["threats"]),
        ("she messaged that i will not live to see christmas", ["threats"]),
        ("he said i would end up in hospital if i carried on", ["threats"]),
        ("he knows where my kids go to nursery", ["threats"]),
        ("she will leak my videos if i do not pay her", ["threats"]),
        ("my whole class knows where i live now", []),
    ],
)
def test_recognise_wording_families(text: str, expected: list[str]) -> None:
    assert recognise_patterns(text) == expected


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she keeps sending me screenshots of my own whatsapps", "spyware"),
        ("found a little black box taped under my car bumper", "location_tracking"),
        ("theres an apple tag in my handbag that isnt mine", "location_tracking"),
        ("someone left a funeral wreath on my doorstep", "threats"),
        ("a card came saying you better be careful", "threats"),
        ("he posted that i deserve whats coming", "threats"),
    ],
)
def test_signs_found_rather_than_named(text: str, expected: str) -> None:
    assert expected in recognise_patterns(text)


def test_a_kind_card_is_not_a_threat() -> None:
    assert "threats" not in recognise_patterns("got a birthday card from my nan saying be happy")


# Near misses (content/behaviours.yml, not_done_to_them and nothing_done_to_them): what the person
# does, what an animal does, or what their own people do with their agreement or to be kind.
@pytest.mark.parametrize(
    "text",
    [
        "i still watch her stories sometimes, is that weird",
        "i have been checking his twitter to see if he has moved on",
        "our dog follows me everywhere round the house",
        "my dad can see where i am on life360, we agreed it after the last time",
        "i turned on location sharing with my flatmates so they know i got home",
        "my best friend turned up with cake for my birthday",
        "she used to leave notes on my car when we were dating, it was sweet",
        "loads of scam texts about parcels today",
        "my laptop did a system update and now the settings look different",
    ],
)
def test_near_misses_describe_no_behaviour(text: str) -> None:
    assert recognise(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause about them is still read
        ("i still follow him on insta but he keeps turning up at my work", "turning_up"),
        ("i found a tracking app on my phone that i never installed", "spyware"),
        ("he follows all my friends on insta so he can see pictures of me", "online_monitoring"),
    ],
)
def test_what_they_do_survives_beside_a_near_miss(text: str, expected: str) -> None:
    assert expected in recognise(text)


def test_a_brick_through_the_window_is_damage_and_an_ordered_parcel_is_no_gift() -> None:
    assert "property_damage" in recognise_patterns("someone lobbed a stone at our windscreen")
    assert recognise("the parcel i ordered came today, left by the bins") == []
