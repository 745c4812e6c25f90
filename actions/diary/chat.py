"""What the assistant says about a diary that depends on its contents: plain Python.

Fixed sentences live in domain.yml; only the summary, which is built from the entries, is
written here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .entries import Entry, summary
from .when import describe


def summary_text(entries: Sequence[Entry], label: Callable[[str], str]) -> str:
    """How many incidents, over which dates, what kinds; from two on, the course of conduct
    and a gentle next step. ``label`` turns a behaviour id into plain words."""
    found = summary(entries)
    if not found.count:
        return "Your diary has no entries yet."
    parts = []
    if found.count == 1:
        when = f" on {describe(found.first)}" if found.first else ""
        parts.append(f"Your diary has 1 incident{when}.")
    else:
        span = ""
        if found.first and found.last and found.first != found.last:
            span = f", from {describe(found.first)} to {describe(found.last)}"
        elif found.first:
            span = f", all on {describe(found.first)}"
        parts.append(f"Your diary has {found.count} incidents{span}.")
    if found.behaviours:
        kinds = _join(label(b) for b in found.behaviours)
        parts.append(f"What you recorded includes: {kinds}.")
    if found.course_of_conduct:
        parts.append(
            "Two or more incidents can form a \"course of conduct\", which is how the law "
            "recognises stalking and harassment. If you feel ready, the National Stalking "
            "Helpline (0808 802 0300) can talk it through with you, or you can report to the "
            "police on 101 (999 in an emergency). Your diary can help either of them."
        )
    return "\n\n".join(parts)


def _join(items: object) -> str:
    words = list(items)  # type: ignore[call-overload]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
