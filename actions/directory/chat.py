"""What the assistant says when someone asks "who can I talk to now?" (plain Python).

Composed from ``open_now_summary`` so the answer is always computed from the clock: open services
first (most relevant to what the person described), then when the closed ones reopen.
999 and 101 are always said; out of hours is said plainly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from .model import Directory, Service
from .text import describe_opening, open_now_summary

ALWAYS_SAID = ("police_emergency", "police_non_emergency")

# What the person has told us, mapped to the services that fit best (tags or ids).
_PRIORITY_BY_BEHAVIOUR = {
    "threats": "high_risk",
    "posting_information": "revenge_porn_helpline",
    "spyware": "stalking_specialist",
    "location_tracking": "stalking_specialist",
}


def priorities_for(behaviours: Iterable[str], relationship: str | None) -> list[str]:
    """Tags or ids to rank first, from the situation the person has described."""
    wanted = ["domestic_abuse"] if relationship == "partner_ex" else []
    for behaviour in behaviours:
        tag = _PRIORITY_BY_BEHAVIOUR.get(behaviour)
        if tag and tag not in wanted:
            wanted.append(tag)
    return [*wanted, "stalking_specialist", "students", "emotional_support"]


def contact_line(record: dict[str, Any]) -> str:
    contact = record["contact"]
    how = contact.get("phone") or contact.get("chat") or contact.get("web") or contact.get("text")
    return f"{record['name']}: {how}" if how else record["name"]


def services_messages(
    directory: Directory, now: datetime, priorities: Sequence[str] = ()
) -> list[str]:
    """Short messages: what is open now, when others open, and always 999 and 101."""
    summary = open_now_summary(directory, now, priorities)
    open_now = [r for r in summary["open"] if r["id"] not in ALWAYS_SAID]
    closed = [r for r in summary["closed"] if r["id"] not in ALWAYS_SAID]
    lead = (
        "It's out of hours for the specialist stalking services right now, but you can talk "
        "to someone now:"
        if summary["out_of_hours"]
        else "Open right now:"
    )
    messages = [
        "In an emergency, call 999. To report to the police, call 101.",
        lead + "\n" + "\n".join(f"- {contact_line(r)} ({r['description']})" for r in open_now),
    ]
    if closed:
        messages.append(
            "Opening later:\n"
            + "\n".join(f"- {contact_line(r)}: {r['description']}" for r in closed)
        )
    return messages


def closed_notes(directory: Directory, now: datetime, text: str) -> list[str]:
    """For each closed service a message mentions (by phone number or name), when it opens
    and what is open instead, so advice never sends someone to a line nobody answers."""
    statuses = directory.status_at(now)
    instead = next(
        (
            s.service
            for s in statuses
            if s.open and {"always_open", "emotional_support"} <= set(s.service.tags)
        ),
        None,
    )
    notes = []
    for status in statuses:
        service = status.service
        phone = service.contact.get("phone")
        if status.open is not False or not ((phone and phone in text) or service.name in text):
            continue
        short_name = service.name.split(" (")[0]
        note = f"{short_name} is closed right now and {describe_opening(status, now)}."
        if instead is not None:
            note += f" {instead.name} is open now: {contact_line_for(instead)}."
        notes.append(note)
    return notes


def contact_line_for(service: Service) -> str:
    contact = service.contact
    return contact.get("phone") or contact.get("chat") or contact.get("web") or service.name
