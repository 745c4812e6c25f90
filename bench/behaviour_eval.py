"""Behaviour recognition offline, without a server: patterns alone, the learned model alone, both.

    .venv/bin/python bench/behaviour_eval.py bench/heldout_v19.yml [more sets...]
        [--threshold 0.6] [--leave-out behaviours_c.yml] [--verbose]

Prints micro precision/recall/F1 per set for each recogniser. `--leave-out FILE` fits the learned
model without one example file and also scores that file, an estimate of how the model does on
wording written by someone else. bench/quality.py remains the end-to-end figure (REST channel).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from actions.behaviours import catalogue, learned  # noqa: E402

Recogniser = Callable[[str], set[str]]
Scored = list[tuple[set[str], set[str]]]  # (recognised, expected) per text


def micro(scored: Scored) -> tuple[float, float, float]:
    true_pos = sum(len(got & want) for got, want in scored)
    false_pos = sum(len(got - want) for got, want in scored)
    false_neg = sum(len(want - got) for got, want in scored)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def recognisers(model: learned.LearnedBehaviours, threshold: float) -> dict[str, Recogniser]:
    """Patterns alone, the model alone, and both combined exactly as the product combines them."""
    return {
        "patterns": lambda text: set(catalogue.recognise_patterns(text)),
        "learned": lambda text: set(model.recognise(text, threshold)),
        "both": lambda text: set(catalogue.recognise_with(text, model, threshold)),
    }


def report(scored: dict[str, Scored]) -> None:
    for name, pairs in scored.items():
        p, r, f = micro(pairs)
        print(f"  {name:9s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def bench_items(path: Path) -> list[tuple[str, set[str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(item["text"], set(item["expect"])) for item in data["behaviours"]]


def cross_validate(examples: list, folds: int, threshold: float) -> None:
    """Every example scored by a model fitted without its fold (shuffled with a fixed seed)."""
    order = random.Random(7).sample(range(len(examples)), len(examples))
    scored: dict[str, Scored] = {"patterns": [], "learned": [], "both": []}
    for fold in range(folds):
        held = {i for n, i in enumerate(order) if n % folds == fold}
        model = learned.fit(
            [ex for i, ex in enumerate(examples) if i not in held], catalogue.BEHAVIOUR_IDS
        )
        for name, recognise in recognisers(model, threshold).items():
            scored[name] += [(recognise(examples[i][0]), set(examples[i][1])) for i in held]
    print(f"{folds}-fold cross-validation on the examples ({len(examples)})")
    report(scored)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--threshold", type=float, default=learned.CONFIDENT)
    parser.add_argument("--leave-out", default=None)
    parser.add_argument("--folds", type=int, default=0, help="also cross-validate on the examples")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    examples_by_file = {
        path.name: learned.load_examples_file(path)
        for path in sorted(learned.EXAMPLES_DIR.glob("*.yml"))
    } | {
        path.name: learned.load_examples_file(path, "behaviours", "expect")
        for path in sorted(learned.WRITTEN_DIR.glob("*.yml"))
    }
    kept = [ex for name, exs in examples_by_file.items() if name != args.leave_out for ex in exs]
    model = learned.fit(kept, catalogue.BEHAVIOUR_IDS)

    recognise = recognisers(model, args.threshold)
    named: list[tuple[str, list[tuple[str, set[str]]]]] = [
        (p.name, bench_items(p)) for p in args.sets
    ]
    if args.leave_out:
        left = examples_by_file[args.leave_out]
        named.append((f"{args.leave_out} (left out)", [(t, set(ls)) for t, ls in left]))
    print(f"learned model: {len(kept)} examples, threshold {args.threshold}")
    if args.folds:
        cross_validate(kept, args.folds, args.threshold)
    for name, items in named:
        print(f"{name} ({len(items)} items)")
        report({label: [(r(text), want) for text, want in items] for label, r in recognise.items()})
        if args.verbose:
            for text, expected in items:
                got = recognise["both"](text)
                if got != expected:
                    print(f"    miss {sorted(expected)} got {sorted(got)}: {text}")


if __name__ == "__main__":
    main()
