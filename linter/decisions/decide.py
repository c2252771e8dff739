"""Which rules fire on a vision call, with the evidence for each condition.

Purpose and context are weighed differently (CONTRACT.md, "The rules"): the purpose comes from the
closest level that states one, so a call whose own prompt says "describe the vehicle" is not
overridden by identity words farther away; context adds up from every level.
"""

from __future__ import annotations

from dataclasses import dataclass

from flake8_azure_face_policy.model import Evidence, Signal, VisionCall
from flake8_azure_face_policy.ruledata import Rule

_TRAIT_OF_SIGNAL = {"face": "face", "other_trait": "other"}


@dataclass(frozen=True)
class Decision:
    rule: Rule
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Purpose:
    name: str | None  # a purpose signal (identity, benign), or None when nothing states one
    evidence: Evidence | None


def stated_purpose(signals: tuple[Signal, ...]) -> Purpose:
    """The closest stated purpose. At one level an affirmed identity purpose outweighs benign ones;
    a negated identity statement ("never identify anyone") counts as a benign statement."""
    purpose_signals = [signal for signal in signals if signal.role == "purpose"]
    for level in sorted({signal.evidence.level for signal in purpose_signals}):
        here = [signal for signal in purpose_signals if signal.evidence.level == level]
        affirmed_identity = [s for s in here if s.name == "identity" and not s.negated]
        if affirmed_identity:  # the first line that states it, in its fewest words
            return Purpose("identity", min(affirmed_identity, key=lambda s: (s.evidence.line or 0, len(s.evidence.text))).evidence)
        stated = [s for s in here if s.name != "identity" and not s.negated] or here
        return Purpose("benign", stated[0].evidence)
    return Purpose(None, None)


def identity_traits(signals: tuple[Signal, ...], media: frozenset[str]) -> tuple[frozenset[str], tuple[Evidence, ...]]:
    """Traits named at the closest level that names any; by default the face for images, the voice for audio."""
    trait_signals = [s for s in signals if s.role == "trait" and not s.negated]
    if trait_signals:
        level = min(s.evidence.level for s in trait_signals)
        here = [s for s in trait_signals if s.evidence.level == level]
        traits = frozenset(_TRAIT_OF_SIGNAL[s.name] for s in here)
        evidence = tuple(next(s.evidence for s in here if _TRAIT_OF_SIGNAL[s.name] == trait) for trait in sorted(traits))
        return traits, evidence
    return (frozenset({"face"}) if "image" in media else frozenset({"other"})), ()


def closest_context(signals: tuple[Signal, ...]) -> dict[str, Evidence]:
    context: dict[str, Evidence] = {}
    for signal in signals:  # sorted closest first
        if signal.role == "context" and not signal.negated:
            context.setdefault(signal.name, signal.evidence)
    return context


def decide(call: VisionCall, rules: tuple[Rule, ...]) -> list[Decision]:
    purpose = stated_purpose(call.signals)
    traits, trait_evidence = identity_traits(call.signals, call.media)
    context = closest_context(call.signals)
    decisions: list[Decision] = []
    fired: set[str] = set()
    for rule in rules:  # sorted by code, so AFP1xx are decided before AFP2xx
        requires = rule.requires
        if requires is None or purpose.evidence is None:
            continue
        if not requires.media & call.media or purpose.name != requires.purpose:
            continue
        if requires.trait != "any" and requires.trait not in traits:
            continue
        if any(signal not in context for signal in requires.context) or fired & set(rule.unless_fired):
            continue
        evidence = [purpose.evidence]
        if requires.trait == "other":
            evidence += [e for e, trait in zip(trait_evidence, sorted(traits)) if trait == "other"]
        evidence += [context[signal] for signal in requires.context]
        evidence.append(call.provider.evidence)
        decisions.append(Decision(rule, tuple(dict.fromkeys(evidence))))
        fired.add(rule.code)
    return decisions
