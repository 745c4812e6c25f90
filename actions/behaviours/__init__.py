"""The behaviour catalogue: which stalking behaviours a message describes (plain Python)."""

from actions.behaviours.catalogue import (
    BEHAVIOUR_IDS,
    Behaviour,
    behaviour,
    describe,
    recognise,
    relationship,
)

__all__ = ["BEHAVIOUR_IDS", "Behaviour", "behaviour", "describe", "recognise", "relationship"]
