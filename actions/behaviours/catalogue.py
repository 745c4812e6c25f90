"""Recognising stalking behaviours in a person's own words.

The catalogue is data (content/behaviours.yml) so wording can be reviewed without reading code.
Matching is per clause on normalised text, so "he texts me but also messages my friends" gives
unwanted_contact and contacting_others, each from its own clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from actions.behaviours.ids import BEHAVIOUR_IDS
from actions.behaviours.learned import CONFIDENT, LearnedBehaviours, learned_model
from actions.safety.text import any_match, clauses, normalise

CATALOGUE_FILE = Path(__file__).resolve().parents[2] / "content" / "behaviours.yml"

KINDS = frozenset({"physical", "contact", "online"})


@dataclass(frozen=True)
class Behaviour:
    id: str
    label: str  # plain words, reflected back: "following you"
    kind: str  # physical, contact or online: chooses the advice
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Catalogue:
    behaviours: tuple[Behaviour, ...]
    relationships: dict[str, tuple[re.Pattern[str], ...]]
    # near misses (see content/behaviours.yml): a clause, or a whole message, about no one
    # doing anything to the person
    not_done_to_them: tuple[re.Pattern[str], ...] = ()
    nothing_done_to_them: tuple[re.Pattern[str], ...] = ()


def _compile(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p) for p in patterns)
    except re.error as error:
        raise ValueError(f"{CATALOGUE_FILE.name}: {where}: bad pattern: {error}") from error


@lru_cache(maxsize=1)
def load_catalogue(path: Path = CATALOGUE_FILE) -> Catalogue:
    """Load and check the catalogue once; a bad file fails at start-up, not mid-conversation."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    behaviours = []
    for entry in data["behaviours"]:
        where = f"behaviour {entry.get('id')!r}"
        if entry.get("id") not in BEHAVIOUR_IDS:
            raise ValueError(f"{path.name}: {where}: id is not a canonical behaviour")
        if entry.get("kind") not in KINDS:
            raise ValueError(f"{path.name}: {where}: kind must be one of {sorted(KINDS)}")
        behaviours.append(
            Behaviour(
                id=entry["id"],
                label=entry["label"],
                kind=entry["kind"],
                patterns=_compile(entry["patterns"], where),
                unless=_compile(entry.get("unless", []), where),
            )
        )
    missing = set(BEHAVIOUR_IDS) - {b.id for b in behaviours}
    if missing:
        raise ValueError(f"{path.name}: behaviours missing: {sorted(missing)}")
    relationships = {
        name: _compile(patterns, f"relationship {name!r}")
        for name, patterns in (data.get("relationships") or {}).items()
    }
    return Catalogue(
        tuple(behaviours),
        relationships,
        _compile(data.get("not_done_to_them") or [], "not_done_to_them"),
        _compile(data.get("nothing_done_to_them") or [], "nothing_done_to_them"),
    )


def behaviour(behaviour_id: str) -> Behaviour:
    for item in load_catalogue().behaviours:
        if item.id == behaviour_id:
            return item
    raise KeyError(behaviour_id)


def recognise(text: str) -> list[str]:
    """Canonical ids of the behaviours ``text`` describes, in catalogue order.

    The catalogue's patterns, plus any label the learned model is confident of (learned.py).
    """
    return recognise_with(text, learned_model())


def recognise_with(
    text: str, model: LearnedBehaviours | None, threshold: float = CONFIDENT
) -> list[str]:
    """``recognise`` with a given model (None: patterns only); bench/behaviour_eval.py uses it."""
    kept, whole, trimmed = _about_them(text)
    parts = [*kept, whole] if kept else []
    found = _pattern_matches(parts)
    if model is not None and parts:
        # The model reads only what is left once near misses are set aside: "i still follow him
        # on insta" says nothing about what he does.
        likely, unlikely = model.likely_and_unlikely(whole if trimmed else text, threshold)
        found -= unlikely
        for label in likely:
            # A catalogue veto holds for the model too: "he followed me on instagram".
            if not any(any_match(behaviour(label).unless, clause) for clause in parts):
                found.add(label)
    return [b for b in BEHAVIOUR_IDS if b in found]


def recognise_patterns(text: str) -> list[str]:
    """The catalogue's patterns alone: precise, reviewable, and what the unit cases pin down."""
    kept, whole, _ = _about_them(text)
    found = _pattern_matches([*kept, whole] if kept else [])
    return [b for b in BEHAVIOUR_IDS if b in found]


def _about_them(text: str) -> tuple[list[str], str, bool]:
    """The clauses that may say what someone does to the person, the text to read whole
    ("presents and letters" spans a clause break), and whether near-miss clauses were set aside.
    Nothing at all for a message that is a near miss as a whole."""
    catalogue = load_catalogue()
    whole = normalise(text)
    if any_match(catalogue.nothing_done_to_them, whole):
        return [], "", True
    parts = clauses(text)
    kept = [c for c in parts if not any_match(catalogue.not_done_to_them, c)]
    trimmed = len(kept) < len(parts)
    return kept, " ".join(kept) if trimmed else whole, trimmed


def _pattern_matches(parts: list[str]) -> set[str]:
    found: set[str] = set()
    for item in load_catalogue().behaviours:
        for clause in parts:
            if any_match(item.patterns, clause) and not any_match(item.unless, clause):
                found.add(item.id)
                break
    return found


def relationship(text: str) -> str | None:
    """'partner_ex' when the person doing it is a partner or ex-partner, else None."""
    parts = clauses(text)
    for name, patterns in load_catalogue().relationships.items():
        if any(any_match(patterns, clause) for clause in parts):
            return name
    return None


def describe(behaviour_ids: list[str]) -> str:
    """'following you, watching you and turning up where you are'."""
    labels = [behaviour(b).label for b in behaviour_ids if b in BEHAVIOUR_IDS]
    if not labels:
        return ""
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " and " + labels[-1]
