"""Diary codes: six words drawn with ``secrets`` from the shipped wordlist.

The wordlist (``wordlist.txt``) holds 2372 common, short, inoffensive English words, so
a code carries 6 * log2(2372) = 67.3 bits of entropy. It was built offline from the
BIP-39 English list and hand-written additions, checked against a British English
dictionary, with words that could alarm or upset someone who is being stalked (violence,
crime, surveillance, illness) removed.
"""

from __future__ import annotations

import math
import re
import secrets
from functools import cache
from importlib import resources

CODE_WORDS = 6
_SEPARATORS = re.compile(r"[\s\-_.,;:/+]+")


@cache
def wordlist() -> tuple[str, ...]:
    text = resources.files(__package__).joinpath("wordlist.txt").read_text("utf-8")
    return tuple(text.split())


@cache
def _word_set() -> frozenset[str]:
    return frozenset(wordlist())


def entropy_bits() -> float:
    return CODE_WORDS * math.log2(len(wordlist()))


def generate_code() -> str:
    """A fresh code, words joined by single spaces."""
    words = wordlist()
    return " ".join(secrets.choice(words) for _ in range(CODE_WORDS))


def normalise_code(code: str) -> str | None:
    """Canonical form of a code (lower case, one space between words), or None if it
    cannot be a code. People type codes with capitals, hyphens, dots or extra spaces;
    all read the same."""
    if not isinstance(code, str) or len(code) > 200:
        return None
    words = [w for w in _SEPARATORS.split(code.strip().lower()) if w]
    if len(words) != CODE_WORDS or not all(w in _word_set() for w in words):
        return None
    return " ".join(words)
