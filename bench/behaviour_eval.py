"""Behaviour recognition offline, without a server: patterns alone, the learned model alone, both.

    .venv/bin/python bench/behaviour_eval.py bench/heldout_v4.yml [more sets...]
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


def score(items: list[tuple[str, set[str]]], recognise: Recogniser) -> tuple[float, float, float]:
    true_pos = false_pos = false_neg = 0
    for text, expected in items:
        got = recognise(text)
        true_pos += len(got & expected)
        false_pos += len(got - expected)
        false_neg += len(expected - got)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bench_items(path: Path) -> list[tuple[str, set[str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(item["text"], set(item["expect"])) for item in data["behaviours"]]


def cross_validate(examples: list, folds: int, threshold: float) -> None:
    """Every example scored by a model fitted without its fold (shuffled with a fixed seed)."""
    order = random.Random(7).sample(range(len(examples)), len(examples))
    totals = {"patterns": [0, 0, 0], "learned": [0, 0, 0], "both": [0, 0, 0]}
    for fold in range(folds):
        held = {i for n, i in enumerate(order) if n % folds == fold}
        model = learned.fit(
            [ex for i, ex in enumerate(examples) if i not in held], catalogue.BEHAVIOUR_IDS
        )
        for i in held:
            text, expected = examples[i][0], set(examples[i][1])
            by_patterns = set(catalogue.recognise_patterns(text))
            by_model = set(model.recognise(text, threshold))
            for name, got in (
                ("patterns", by_patterns),
                ("learned", by_model),
                ("both", by_patterns | by_model),
            ):
                totals[name][0] += len(got & expected)
                totals[name][1] += len(got - expected)
                totals[name][2] += len(expected - got)
    print(f"{folds}-fold cross-validation on the examples ({len(examples)})")
    for name, (tp, fp, fn) in totals.items():
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"  {name:9s} P {p:.3f}  R {r:.3f}  F1 {2 * p * r / max(p + r, 1e-9):.3f}")


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
    }
    kept = [ex for name, exs in examples_by_file.items() if name != args.leave_out for ex in exs]
    model = learned.fit(kept, catalogue.BEHAVIOUR_IDS)

    def patterns(text: str) -> set[str]:
        return set(catalogue.recognise_patterns(text))

    def learned_only(text: str) -> set[str]:
        return set(model.recognise(text, args.threshold))

    def both(text: str) -> set[str]:
        return patterns(text) | learned_only(text)

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
        for label, recogniser in (
            ("patterns", patterns),
            ("learned", learned_only),
            ("both", both),
        ):
            p, r, f = score(items, recogniser)
            print(f"  {label:9s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        if args.verbose:
            for text, expected in items:
                got = both(text)
                if got != expected:
                    print(f"    miss {sorted(expected)} got {sorted(got)}: {text}")


if __name__ == "__main__":
    main()
