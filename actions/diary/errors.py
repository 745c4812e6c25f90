"""Exceptions of the diary. Messages are safe to show in the chat: they never hold a
code or text."""

from __future__ import annotations


class DiaryError(Exception):
    """Base class; ``str(error)`` is a sentence the assistant can say as it is."""


class DiaryNotFound(DiaryError):
    """The code opens no diary. Deliberately one error for wrong, deleted and malformed
    codes, so that nobody can learn whether a code ever existed."""

    def __init__(self) -> None:
        super().__init__(
            "I couldn't open a diary with that code. " "Please check the six words and try again."
        )


class TooManyAttempts(DiaryError):
    """Too many wrong codes recently: try again after ``minutes`` minutes."""

    def __init__(self, minutes: int) -> None:
        self.minutes = minutes
        unit = "minute" if minutes == 1 else "minutes"
        super().__init__(
            f"There have been too many wrong diary codes. Please wait {minutes} {unit} "
            "and try again."
        )


class FieldTooLong(DiaryError):
    """A field of an entry is over its length limit."""

    def __init__(self, field: str, limit: int) -> None:
        self.field = field
        self.limit = limit
        label = FIELD_LABELS.get(field, field.replace("_", " "))
        super().__init__(
            f"{label} is too long: please keep it to {limit} characters or fewer. "
            "You can add the rest as another entry."
        )


class EmptyEntry(DiaryError):
    """An entry must record at least one thing."""

    def __init__(self) -> None:
        super().__init__("An entry needs at least one detail, such as when or what happened.")


class DiaryCorrupt(DiaryError):
    """A stored entry failed authentication: someone altered or moved it in the database.
    (A changed pepper gives DiaryNotFound instead: the lookup no longer matches.)"""

    def __init__(self) -> None:
        super().__init__("Part of this diary could not be read. Please contact the Signpost team.")


FIELD_LABELS: dict[str, str] = {
    "occurred_text": "When it happened",
    "place": "The place",
    "what_happened": "What happened",
    "person.name": "The person's name",
    "person.description": "The person's description",
    "person.clothing": "The person's clothing",
    "vehicle.make": "The vehicle's make",
    "vehicle.colour": "The vehicle's colour",
    "vehicle.registration": "The vehicle's registration",
    "evidence": "The evidence",
    "witnesses": "The witnesses",
    "impact": "How it affected you",
    "behaviours": "A behaviour",
}
