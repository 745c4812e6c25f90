"""Choosing and ordering advice for the behaviours a person has described.

The words live in domain.yml (one response per piece, ``utter_advice_<piece>``) so they work and
can be reviewed without the action server; this module only decides which pieces, in what order.
Sources: seeds 000 (Kent), 001 (Suzy Lamplugh Trust), 002 (Leicester), 004 (Cheshire Police).
"""

from __future__ import annotations

from collections.abc import Iterable

from actions.behaviours.catalogue import BEHAVIOUR_IDS, behaviour

PIECES: tuple[str, ...] = (
    "no_contact",  # do not engage or confront
    "devices",  # check devices and accounts; trackers
    "online",  # privacy settings, passwords, location sharing, reporting to platforms
    "blocking",  # evidence first; blocking is their choice (sources differ)
    "routine",  # vary routine, buddy system, tell people
    "safe_places",  # safe places, alarm, locks
    "calls",  # handling unwanted calls
    "keep_items",  # keep letters, parcels, messages as evidence
    "record",  # keep a record
    "report",  # 999/101, Crimestoppers, Report + Support
    "legal",  # formal complaint, Stalking Protection Order, civil injunction
    "support",  # emotional support
)

_DEVICE_BEHAVIOURS = frozenset({"spyware", "location_tracking"})
_CALL_BEHAVIOURS = frozenset({"unwanted_contact"})
_ITEM_BEHAVIOURS = frozenset({"gifts", "unwanted_contact"})


def advice_plan(behaviours: Iterable[str]) -> list[str]:
    """Pieces of advice, most specific first, always ending with recording, reporting, support.

    With nothing recognised the person still gets the general advice every seed gives.
    """
    known = [b for b in behaviours if b in BEHAVIOUR_IDS]
    kinds = {behaviour(b).kind for b in known}
    plan = ["no_contact"]
    if not known:
        plan += ["routine", "online", "record", "report", "legal", "support"]
        return plan
    if _DEVICE_BEHAVIOURS & set(known):
        plan.append("devices")
    if "online" in kinds:
        plan += ["online", "blocking"]
    if "physical" in kinds:
        plan += ["routine", "safe_places"]
    if _CALL_BEHAVIOURS & set(known):
        plan.append("calls")
    if _ITEM_BEHAVIOURS & set(known):
        plan.append("keep_items")
    if "contact" in kinds and "blocking" not in plan:
        plan.append("blocking")
    plan += ["record", "report", "legal", "support"]
    return plan
