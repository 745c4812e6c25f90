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


def looks_like_code(text: str) -> bool:
    """True when a message is a diary code, or a code with one word mistyped, missing or
    extra: five to seven words, all but at most one from the wordlist. Ordinary sentences
    almost never qualify, as the wordlist has no pronouns or articles ("he", "my", "the")."""
    if not isinstance(text, str) or len(text) > 200:
        return False
    words = [w for w in _SEPARATORS.split(text.strip().lower()) if w]
    if not CODE_WORDS - 1 <= len(words) <= CODE_WORDS + 1:
        return False
    known = sum(w in _word_set() for w in words)
    return known >= CODE_WORDS - 1 and len(words) - known <= 1
