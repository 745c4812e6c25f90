"""Turning the answers someone gives the diary form into an Entry: plain Python, no Rasa.

The form asks one short question per field and every question can be skipped, so an answer
is either text, or SKIPPED. People answer in their own words ("a silver ford, reg AB12 CDE",
"tall, grey hoodie, he said his name was Sam"); the parsers pull out what they safely can
and always keep the person's own words, so nothing they wrote is lost to a wrong guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from .entries import Entry, Person, Vehicle
from .when import parse_when

SKIPPED = "__skipped__"

# What people type to pass over a question. "no"/"none" also mean "nothing to record" for
# the person and the vehicle; for evidence and witnesses they are kept (they are an answer).
_SKIP_WORDS = {
    "skip", "skip it", "skip this", "skip that", "pass", "next", "next question",
    "dont know", "don't know", "do not know", "idk", "dunno", "not sure", "no idea",
    "rather not say", "id rather not say", "i'd rather not say", "prefer not to say",
    "n/a", "na", "-", "?", "no comment", "cant remember", "can't remember",
    "i dont know", "i don't know", "i cant remember", "i can't remember",
}  # fmt: skip
_NOTHING_WORDS = {
    "no", "none", "nothing", "nope", "nah", "no one", "nobody", "no vehicle", "no car",
    "on foot", "they were on foot", "he was on foot", "she was on foot", "didnt see one",
    "didn't see one", "didnt see", "didn't see", "no they were walking", "walking",
}  # fmt: skip

_CLEAN = re.compile(r"[^\w/'?\- ]+")


def _plain(text: str) -> str:
    return " ".join(_CLEAN.sub(" ", text.lower()).split())


def is_skip(text: str) -> bool:
    """True when the answer means "skip this question"."""
    typed = text.strip().removeprefix("/")  # "/skip", as a typed button payload
    return _plain(typed) in _SKIP_WORDS or typed in _SKIP_WORDS


def means_nothing(text: str) -> bool:
    """True for "no", "none", "on foot": nothing to record for the person or the vehicle."""
    return _plain(text) in _NOTHING_WORDS


# -- the person -------------------------------------------------------------------------------

_NAME = re.compile(
    r"\b(?:(?:his|her|their) name(?:'s| is| was)|name(?:'s| is| was)|called|named|goes by)"
    r"\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)"
)
_CLOTHING = re.compile(
    r"\b(?:wearing|wore|dressed in|had on|in (?:a|an|his|her|their))\s+([^.;,\n]+)", re.I
)


def parse_person(text: str) -> Person:
    """Name and clothing when they are said plainly; the whole answer is the description."""
    name = _NAME.search(text)
    clothing = _CLOTHING.search(text)
    return Person(
        name=name.group(1) if name else None,
        description=text,
        clothing=clothing.group(1).strip() if clothing else None,
    )


# -- the vehicle ------------------------------------------------------------------------------

# Current UK plates (AB12 CDE), and prefix/suffix styles still on the road (A123 BCD, ABC 123D).
_REGISTRATION = re.compile(
    r"\b([A-Z]{2}[0-9]{2}\s?[A-Z]{3}|[A-Z][0-9]{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?[0-9]{1,3}[A-Z])\b",
    re.I,
)
_COLOURS = (
    "black", "white", "silver", "grey", "gray", "blue", "red", "green", "yellow", "orange",
    "brown", "beige", "gold", "purple", "maroon", "navy", "dark", "light", "pink", "bronze",
)  # fmt: skip
_COLOUR = re.compile(
    r"\b((?:(?:dark|light|navy|metallic)\s+)?(?:" + "|".join(_COLOURS) + r"))\b", re.I
)
_FILLER = re.compile(
    r"\b(?:a|an|the|it was|it's|its|reg(?:istration)?(?: number| plate)?|plate|number"
    r"|colour|color|make|model|car|and|with)\b|[:,.;]",
    re.I,
)


def parse_vehicle(text: str) -> Vehicle:
    """Registration and colour when recognisable; the rest of the words are the make."""
    registration = _REGISTRATION.search(text)
    colour = _COLOUR.search(text)
    rest = text
    if registration:
        rest = rest.replace(registration.group(0), " ")
    if colour:
        rest = rest.replace(colour.group(0), " ", 1)
    make = " ".join(_FILLER.sub(" ", rest).split())
    if not (registration or colour):
        make = text  # nothing recognised: keep their words as they are
    return Vehicle(
        make=make or None,
        colour=colour.group(1).lower() if colour else None,
        registration=re.sub(r"\s+", " ", registration.group(1)).upper() if registration else None,
    )


# -- the whole entry --------------------------------------------------------------------------


def occurred(when_text: str | None, now: datetime) -> tuple[datetime | date | None, str | None]:
    """What to store for "when": the parsed date or time if it can be read, and the words."""
    if not when_text or when_text == SKIPPED:
        return None, None
    parsed = parse_when(when_text, now)
    return (parsed.value if parsed else None), when_text


def entry_from_answers(
    answers: Mapping[str, Any], now: datetime, behaviours: Iterable[str] = ()
) -> Entry:
    """An Entry from the form's answers (keys: when, place, what, person, vehicle, evidence,
    witnesses, impact). Skipped and empty answers are left out. Raises EmptyEntry when
    nothing at all was recorded and FieldTooLong for an answer over its limit."""

    def given(key: str) -> str | None:
        value = answers.get(key)
        if not isinstance(value, str) or value == SKIPPED or not value.strip():
            return None
        return value

    when, when_words = occurred(given("when"), now)
    person = given("person")
    vehicle = given("vehicle")
    return Entry(
        occurred_at=when,
        occurred_text=when_words,
        place=given("place"),
        what_happened=given("what"),
        person=parse_person(person) if person and not means_nothing(person) else None,
        vehicle=parse_vehicle(vehicle) if vehicle and not means_nothing(vehicle) else None,
        evidence=given("evidence"),
        witnesses=given("witnesses"),
        impact=given("impact"),
        behaviours=tuple(behaviours),
    )
