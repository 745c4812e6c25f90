"""Shared test data for the directory tests."""

from __future__ import annotations

from typing import Any


def make_service(**fields: Any) -> dict[str, Any]:
    """A valid service entry; keyword arguments replace fields."""
    service = {
        "id": "test_service",
        "name": "Test service",
        "purpose": "For tests.",
        "contact": {"phone": "01632 960001"},
        "tags": ["students"],
        "hours": {"mon": ["09:00-17:00"]},
        "closed_on_bank_holidays": True,
        "source": "tests",
        "last_checked": "2026-11-21",
    }
    service.update(fields)
    return service
