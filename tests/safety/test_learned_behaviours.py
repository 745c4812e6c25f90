"""The learned second opinion on behaviours (learned.py), seen through recognise().

None of these texts is in content/behaviour_examples/ (a test below checks), so they show the
model reading wordings it has not seen, which the catalogue's patterns alone miss.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.behaviours import recognise
from actions.behaviours.catalogue import BEHAVIOUR_IDS, recognise_patterns, recognise_with
from actions.behaviours.learned import fit, learned_model, load_examples, load_examples_file

INDIRECT = [
    ("every time i look out of my window her car is parked there with the engine running",
     "loitering"),
    ("somehow he always knows which library i am revising in", "location_tracking"),
    ("my wing mirror has been snapped off for the third time", "property_damage"),
    ("she replies to every single thing i put on my story within seconds", "online_monitoring"),
    ("my flatmate's cousin says a guy keeps asking her what my timetable is", "contacting_others"),
    ("he said i would regret ever leaving him", "threats"),
]
ORDINARY = [
    "hello there",
    "thank you so much",
    "menu",
    "what does a stalking protection order actually do",
    "is there anyone i can talk to tonight",
    "i feel so tired of all this",
    "my mum shares her location with me and i like it",
]


def test_the_examples_here_are_not_training_examples() -> None:
    seen = {text.lower() for text, _ in load_examples()}
    assert not {text.lower() for text, _ in INDIRECT} & seen
    assert not {text.lower() for text in ORDINARY} & seen


@pytest.mark.parametrize(("text", "label"), INDIRECT)
def test_indirect_wordings_are_recognised(text: str, label: str) -> None:
    assert label not in recognise_patterns(text)  # what the model adds
    assert label in recognise(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_describe_no_behaviour(text: str) -> None:
    assert recognise(text) == []


def test_a_catalogue_veto_also_holds_for_the_model() -> None:
    assert "following" not in recognise("he followed me on instagram")


@pytest.mark.parametrize(
    "text",
    ["he keeps following me home", "she sends me flowers every week and texts all night"],
)
def test_the_model_never_removes_what_the_patterns_found(text: str) -> None:
    assert set(recognise_patterns(text)) <= set(recognise(text))


def test_fitting_is_deterministic() -> None:
    examples = load_examples()[:400]
    first = fit(examples, BEHAVIOUR_IDS).probabilities("he waits by my car after work")
    second = fit(examples, BEHAVIOUR_IDS).probabilities("he waits by my car after work")
    assert first == second


def test_a_bad_label_fails_loudly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text('examples:\n  - text: "he follows me"\n    labels: [stalking]\n')
    with pytest.raises(ValueError, match="bad.yml: example 1"):
        load_examples_file(bad)


def test_a_broken_example_file_leaves_the_patterns_working(tmp_path: Path, caplog) -> None:
    (tmp_path / "local.yml").write_text('examples:\n  - text: "x"\n    labels: [stalking]\n')
    assert learned_model(tmp_path) is None
    assert "behaviour examples not used" in caplog.text
    assert recognise_patterns("he keeps following me home") == ["following"]


def test_every_label_has_examples() -> None:
    model = learned_model()
    assert model is not None
    assert all(classifier is not None for classifier in model.classifiers)


def test_a_keyword_the_model_is_sure_does_not_apply_is_dropped() -> None:
    text = "i saw a gps advert online"
    assert text.lower() not in {t.lower() for t, _ in load_examples()}
    assert "location_tracking" in recognise_patterns(text)  # the keyword alone
    assert "location_tracking" not in recognise(text)


def test_the_model_only_drops_labels_it_has_examples_for() -> None:
    model = fit([("he tracks my phone with gps", ("location_tracking",)), ("hello", ())],
                BEHAVIOUR_IDS)
    likely, unlikely = model.likely_and_unlikely("he sends me parcels")
    assert "gifts" not in unlikely  # no gifts examples: no opinion
    assert "gifts" in recognise_with("he sends me parcels", model)
