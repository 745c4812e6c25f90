"""Plain-English opening times and the "what is open now" summary the chat shows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from .hours import to_london
from .model import Directory, Service, ServiceStatus


def _day(day: date, today: date) -> str:
    gap = (day - today).days
    if gap == 0:
        return "today"
    if gap == 1:
        return "tomorrow"
    # Within a week a weekday name is unambiguous; beyond that add the date.
    return f"{day:%A}" if gap < 7 else f"{day:%A} {day.day} {day:%B}"


def describe_opening(status: ServiceStatus, now: datetime) -> str:
    """Opening time in words, e.g. "open now until 16:00" or "opens tomorrow at 09:30".

    Unverified hours give "opening hours not confirmed", never a guess.
    """
    today = to_london(now).date()
    if status.service.hours.kind == "always":
        return "open 24 hours"
    if status.open is None:
        return "opening hours not confirmed"
    if status.open and status.closes_at:
        ends = status.closes_at
        day = "" if ends.date() == today else f"{_day(ends.date(), today)} at "
        return f"open now until {day}{ends:%H:%M}"
    if status.opens_next:
        opens = status.opens_next
        return f"opens {_day(opens.date(), today)} at {opens:%H:%M}"
    return "open now" if status.open else "closed"


def status_record(status: ServiceStatus, now: datetime) -> dict[str, Any]:
    """A status as JSON-ready data (ISO 8601 times with offset) for the chat and CLI."""
    service = status.service
    return {
        "id": service.id,
        "name": service.name,
        "purpose": service.purpose,
        "contact": service.contact,
        "tags": list(service.tags),
        "open": status.open,
        "opens_next": status.opens_next.isoformat() if status.opens_next else None,
        "closes_at": status.closes_at.isoformat() if status.closes_at else None,
        "description": describe_opening(status, now),
    }


def relevance(service: Service, priorities: Sequence[str]) -> tuple[bool, int, bool]:
    """Sort key, most relevant first.

    1. 999 always leads: whatever the situation, danger comes first.
    2. Then services matching the person's situation, in the order the caller ranks it
       (``priorities`` holds tags or ids, e.g. "domestic_abuse" when the stalker is an
       ex, "high_risk" when there are threats).
    3. Then stalking specialists, who know this crime best.
    Ties keep data-file order (sorting is stable), which the content editors control.
    """
    keys = {service.id, *service.tags}
    match = next((i for i, wanted in enumerate(priorities) if wanted in keys), len(priorities))
    return (service.id != "police_emergency", match, "stalking_specialist" not in service.tags)


def open_now_summary(
    directory: Directory, now: datetime, priorities: Sequence[str] = ()
) -> dict[str, Any]:
    """Every service sorted by ``relevance`` and split into "open", "closed" (with when
    it reopens) and "hours_unknown", so 999, 101 and the 24/7 lines are always present.

    ``out_of_hours`` is True when no stalking specialist is known to be open: the chat
    can then say so plainly and point to the 24/7 lines instead.
    """
    statuses = sorted(
        directory.status_at(now), key=lambda status: relevance(status.service, priorities)
    )
    groups: dict[str, list[dict[str, Any]]] = {"open": [], "closed": [], "hours_unknown": []}
    for status in statuses:
        group = {True: "open", False: "closed", None: "hours_unknown"}[status.open]
        groups[group].append(status_record(status, now))
    specialist_open = any(
        status.open for status in statuses if "stalking_specialist" in status.service.tags
    )
    return {"at": to_london(now).isoformat(), "out_of_hours": not specialist_open, **groups}
