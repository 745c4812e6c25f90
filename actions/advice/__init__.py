"""Which advice fits which behaviours (plain Python)."""

from actions.advice.plan import PIECES, advice_plan

__all__ = ["PIECES", "advice_plan"]
