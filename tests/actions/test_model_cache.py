"""The on-disk cache of fitted models: a server start reuses a fit only when nothing it was
fitted from has changed, and a bad cache never stops a server."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions import model_cache
from actions.safety.learned import fit as fit_safety

EXAMPLES = [
    ("hes outside my door right now", "danger"),
    ("someone is trying to get in rn", "danger"),
    ("i want to end it all", "self_harm"),
    ("i cant go on anymore", "self_harm"),
    ("he followed me last week", "other"),
    ("how do i block a number", "other"),
    ("she keeps messaging me", "other"),
]


class CountingFit:
    def __init__(self, examples: list[tuple[str, str]]) -> None:
        self.examples = examples
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return fit_safety(self.examples)


@pytest.fixture
def code(tmp_path: Path) -> Path:
    source = tmp_path / "fitting_code.py"
    source.write_text("STRENGTH = 8\n")
    return source


@pytest.fixture(autouse=True)
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("SIGNPOST_MODEL_CACHE", str(directory))
    return directory


def test_a_second_start_loads_the_fit_and_answers_the_same(code: Path) -> None:
    first_fit = CountingFit(EXAMPLES)
    first = model_cache.fitted("safety", EXAMPLES, [code], first_fit)
    second_fit = CountingFit(EXAMPLES)
    second = model_cache.fitted("safety", EXAMPLES, [code], second_fit)
    assert (first_fit.calls, second_fit.calls) == (1, 0)
    for text in ("he is at my window now", "i want to die", "what is a stalking order"):
        assert second.probabilities(text) == pytest.approx(first.probabilities(text))


def test_changed_examples_are_fitted_again(code: Path) -> None:
    model_cache.fitted("safety", EXAMPLES, [code], CountingFit(EXAMPLES))
    more = [*EXAMPLES, ("theres someone in my garden now", "danger")]
    refit = CountingFit(more)
    model_cache.fitted("safety", more, [code], refit)
    assert refit.calls == 1


def test_changed_fitting_code_is_fitted_again(code: Path) -> None:
    model_cache.fitted("safety", EXAMPLES, [code], CountingFit(EXAMPLES))
    code.write_text("STRENGTH = 4\n")
    refit = CountingFit(EXAMPLES)
    model_cache.fitted("safety", EXAMPLES, [code], refit)
    assert refit.calls == 1


def test_a_damaged_file_is_fitted_again_and_replaced(code: Path, cache_in: Path) -> None:
    model_cache.fitted("safety", EXAMPLES, [code], CountingFit(EXAMPLES))
    (stored,) = cache_in.glob("safety-*.pickle")
    stored.write_bytes(stored.read_bytes()[:100])
    refit = CountingFit(EXAMPLES)
    model = model_cache.fitted("safety", EXAMPLES, [code], refit)
    assert refit.calls == 1
    assert model.probabilities("hes outside my door right now")[0] > 0.5
    again = CountingFit(EXAMPLES)
    model_cache.fitted("safety", EXAMPLES, [code], again)
    assert again.calls == 0


def test_a_cache_that_cannot_be_written_still_gives_the_model(
    code: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file-not-a-directory"
    blocked.write_text("")
    monkeypatch.setenv("SIGNPOST_MODEL_CACHE", str(blocked / "cache"))
    model = model_cache.fitted("safety", EXAMPLES, [code], CountingFit(EXAMPLES))
    assert model.probabilities("someone is trying to get in rn")[0] > 0.5


def test_fitting_code_that_cannot_be_read_still_gives_the_model(tmp_path: Path) -> None:
    model = model_cache.fitted(
        "safety", EXAMPLES, [tmp_path / "missing.py"], CountingFit(EXAMPLES)
    )
    assert model.probabilities("someone is trying to get in rn")[0] > 0.5


def test_none_turns_the_cache_off(code: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNPOST_MODEL_CACHE", "none")
    fits = [CountingFit(EXAMPLES) for _ in range(2)]
    for counting in fits:
        model_cache.fitted("safety", EXAMPLES, [code], counting)
    assert [f.calls for f in fits] == [1, 1]


def test_only_the_newest_fits_of_a_model_are_kept(code: Path, cache_in: Path) -> None:
    for extra in range(model_cache.KEEP_PER_MODEL + 2):
        examples = [*EXAMPLES, (f"question number {extra}", "other")]
        model_cache.fitted("safety", examples, [code], CountingFit(examples))
    model_cache.fitted("other", EXAMPLES, [code], CountingFit(EXAMPLES))
    assert len(list(cache_in.glob("safety-*.pickle"))) == model_cache.KEEP_PER_MODEL
    assert len(list(cache_in.glob("other-*.pickle"))) == 1
    assert not [p for p in cache_in.iterdir() if not p.name.endswith(".pickle")]
