from __future__ import annotations

import math
import re

import pytest

from actions.diary.codes import (
    CODE_WORDS,
    entropy_bits,
    generate_code,
    normalise_code,
    wordlist,
)


def test_wordlist_is_big_unique_and_plain() -> None:
    words = wordlist()
    assert len(words) >= 2048
    assert len(set(words)) == len(words)
    assert all(re.fullmatch(r"[a-z]{3,8}", w) for w in words)


def test_entropy_is_at_least_66_bits() -> None:
    assert entropy_bits() == pytest.approx(CODE_WORDS * math.log2(len(wordlist())))
    assert entropy_bits() >= 66


@pytest.mark.parametrize(
    "word", ["kill", "gun", "stalk", "abuse", "blood", "victim", "attack", "diary", "police"]
)
def test_wordlist_avoids_alarming_or_revealing_words(word: str) -> None:
    assert word not in wordlist()


def test_generated_codes_are_six_known_words_and_differ() -> None:
    codes = {generate_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code.split(" ")) == 6
        assert normalise_code(code) == code


@pytest.mark.parametrize(
    "typed",
    [
        "Apple Bread Candle Desk Earth Flag",
        "  apple   bread candle\tdesk earth flag  ",
        "apple-bread-candle-desk-earth-flag",
        "APPLE_BREAD.CANDLE, desk / earth + flag",
    ],
)
def test_codes_are_normalised(typed: str) -> None:
    assert normalise_code(typed) == "apple bread candle desk earth flag"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "apple bread candle desk earth",  # five words
        "apple bread candle desk earth flag flag",  # seven
        "apple bread candle desk earth zzzzz",  # not in the list
        "applebread candle desk earth flag x",
        "apple " * 300,
        None,
        123,
    ],
)
def test_malformed_codes_are_rejected(bad: object) -> None:
    assert normalise_code(bad) is None  # type: ignore[arg-type]
