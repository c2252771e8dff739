"""Measures the grammar alone and the grammar with the scorer, leaving one purpose bank out at a time.

For each bank, a scorer is trained on the other three banks and the examples
(tools/train_purpose_scorer.py), and every prompt of the left-out bank runs through the real engine
on the minimal vision call of tests/purpose_bank.py with that scorer in place of the shipped one.
The scorer is asked only where the engine asks it (the call's words state no purpose the frames
read); its score is recorded, so one run gives the result at every threshold: a prompt the
grammar leaves silent is flagged when the scorer was asked and scored at or above the threshold.
The threshold is chosen on the pooled left-out folds (and, per fold, on the other folds only).
`python tools/measure_purpose_scorer.py` prints the tables of docs/purposes.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent / "tests")]

from purpose_bank import Score, count, table, vision_call_source  # noqa: E402
from train_purpose_scorer import BANKS, bank_entries, entry_texts, trained_model  # noqa: E402

from flake8_azure_face_policy.context import scorer  # noqa: E402
from flake8_azure_face_policy.engine import analyse  # noqa: E402

THRESHOLDS = tuple(round(0.5 + 0.025 * step, 3) for step in range(20))
# The rule for choosing: the lowest threshold at which precision, pooled over the left-out folds,
# stays at the overall target the bank test holds the grammar to.
PRECISION_TARGET = 0.97


@dataclass(frozen=True)
class Outcome:
    entry: dict
    grammar_codes: frozenset[str]
    asked: bool  # the engine consulted the scorer
    probability: float


class RecordingScorer(scorer.PurposeScorer):
    """The fold's model, never firing, remembering each score it gave."""

    def __init__(self, weights: dict[str, float], bias: float, max_words: int):
        super().__init__(weights, bias, threshold=2.0, max_words=max_words)
        self.scores: list[float] = []

    def score(self, texts: list[str]) -> scorer.Score:
        result = super().score(texts)
        self.scores.append(result.probability)
        return result


def fold_outcomes(left_out: str) -> list[Outcome]:
    model = RecordingScorer(*trained_model(tuple(bank for bank in BANKS if bank != left_out)))
    outcomes = []
    with mock.patch.object(scorer, "load_purpose_scorer", return_value=model):
        for entry in bank_entries(left_out):
            model.scores.clear()
            codes = frozenset(finding.code for finding in analyse(vision_call_source(entry)))
            outcomes.append(Outcome(entry, codes, bool(model.scores), max(model.scores, default=0.0)))
    return outcomes


def codes_at(outcome: Outcome, threshold: float | None) -> frozenset[str]:
    """What fires with the scorer at a threshold (None: the grammar alone); a scored identity on
    the bank's minimal image call is AFP201 or AFP202, counted alike."""
    if threshold is not None and not outcome.grammar_codes and outcome.asked and outcome.probability >= threshold:
        return frozenset({"AFP201"})
    return outcome.grammar_codes


def scores(outcomes: list[Outcome], threshold: float | None) -> dict[str, Score]:
    by_language: dict[str, Score] = {}
    for outcome in outcomes:
        count(by_language, outcome.entry, codes_at(outcome, threshold))
    return by_language


def added(outcomes: list[Outcome], threshold: float) -> tuple[int, int]:
    """(identification, benign) prompts the scorer flags that the grammar left silent."""
    flagged = [outcome for outcome in outcomes if not outcome.grammar_codes and codes_at(outcome, threshold)]
    right = sum(outcome.entry["label"] == "identify" for outcome in flagged)
    return right, len(flagged) - right


def choose_threshold(outcomes: list[Outcome]) -> float:
    for threshold in THRESHOLDS:
        if scores(outcomes, threshold)["all"].precision >= PRECISION_TARGET:
            return threshold
    return THRESHOLDS[-1]


def pair(before: Score, after: Score) -> str:
    return f"{before.precision:.3f} / {before.recall:.3f} | {after.precision:.3f} / {after.recall:.3f}"


def cost() -> str:
    """CPU time of loading the shipped model (20 loads) and of scoring each bank prompt once."""
    loads = []
    for _ in range(20):
        scorer.load_purpose_scorer.cache_clear()
        start = time.process_time()
        scorer.load_purpose_scorer()
        loads.append(time.process_time() - start)
    model = scorer.load_purpose_scorer()
    texts = [train_texts for bank in BANKS for train_texts in map(entry_texts, bank_entries(bank))]
    start = time.process_time()
    for prompts in texts:
        model.score(prompts)
    per_call = (time.process_time() - start) / len(texts)
    return (
        f"Load: best {min(loads) * 1000:.1f} ms, median {statistics.median(loads) * 1000:.1f} ms ({len(model.weights)} weights); "
        f"scoring: {per_call * 1e6:.0f} µs a call over {len(texts)} bank prompts"
    )


def main() -> int:
    folds = {bank: fold_outcomes(bank) for bank in BANKS}
    pooled = [outcome for outcomes in folds.values() for outcome in outcomes]
    print("Threshold sweep, pooled over the left-out folds (added flags: identification / benign):\n")
    print("| threshold | precision | recall | added identify | added benign |\n| --- | --- | --- | --- | --- |")
    for threshold in THRESHOLDS:
        overall = scores(pooled, threshold)["all"]
        print(f"| {threshold:.3f} | {overall.precision:.3f} | {overall.recall:.3f} | {added(pooled, threshold)[0]} | {added(pooled, threshold)[1]} |")
    chosen = choose_threshold(pooled)
    print(f"\nChosen on the pooled folds: {chosen:.3f}\n")
    for bank, outcomes in folds.items():
        others = choose_threshold([outcome for other, rest in folds.items() if other != bank for outcome in rest])
        before, after, nested = scores(outcomes, None), scores(outcomes, chosen), scores(outcomes, others)
        print(f"Left out: {bank} ({len(outcomes)} prompts; scorer asked on {sum(o.asked for o in outcomes)}); "
              f"threshold chosen on the other folds: {others:.3f}, there {nested['all'].precision:.3f} / {nested['all'].recall:.3f}\n")
        print(f"| language | grammar alone | with the scorer at {chosen:.3f} |\n| --- | --- | --- |")
        for language in sorted(before, key=lambda key: (key == "all", key)):
            print(f"| {language} | {pair(before[language], after[language])} |")
        print()
    print("Pooled over the four left-out folds:\n")
    print(table(scores(pooled, chosen)))
    print(f"\n{cost()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
