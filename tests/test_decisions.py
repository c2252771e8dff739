"""Rule decisions from signals: closest purpose wins, context adds up, AFP2xx only without AFP1xx."""

from __future__ import annotations

from flake8_azure_face_policy.decisions.decide import decide, stated_purpose
from flake8_azure_face_policy.model import Evidence, Level, Provider, Signal, VisionCall
from flake8_azure_face_policy.ruledata import load_rules

ROLES = {"identity": "purpose", "benign": "purpose", "face": "trait", "other_trait": "trait"}


def signal(name: str, level: Level, negated: bool = False, line: int = 1) -> Signal:
    return Signal(name, ROLES.get(name, "context"), negated, Evidence("string", line, name, level))


def call_with(*signals: Signal, media=frozenset({"image"})) -> VisionCall:
    provider = Provider("azure", Evidence("client", 1, "AzureOpenAI", Level.CALL))
    ordered = tuple(sorted(signals, key=lambda s: s.evidence.sort_key()))
    return VisionCall("openai", "chat.completions.create", 1, 0, frozenset(media), provider, ordered)


def codes(call: VisionCall) -> list[str]:
    return [decision.rule.code for decision in decide(call, load_rules())]


def test_closest_purpose_wins_over_farther_identity():
    call = call_with(signal("benign", Level.CALL), signal("identity", Level.FUNCTION), signal("identity", Level.MODULE))
    assert stated_purpose(call.signals).name == "benign"
    assert codes(call) == []


def test_nearest_stated_purpose_counts_when_call_states_none():
    assert codes(call_with(signal("identity", Level.MODULE))) == ["AFP201"]


def test_negated_identity_is_a_benign_statement():
    call = call_with(signal("identity", Level.CALL, negated=True), signal("identity", Level.MODULE))
    assert codes(call) == []


def test_all_applicable_le_rules_fire_and_silence_the_general_ones():
    call = call_with(
        signal("identity", Level.CALL),
        signal("law_enforcement", Level.MODULE),
        signal("us_jurisdiction", Level.DECLARED),
        signal("mobile_camera", Level.FUNCTION),
        signal("live", Level.CALL),
        signal("gallery", Level.CALL),
    )
    assert codes(call) == ["AFP101", "AFP102", "AFP103"]


def test_mobile_rule_needs_live_use():
    call = call_with(signal("identity", Level.CALL), signal("law_enforcement", Level.MODULE), signal("mobile_camera", Level.MODULE))
    assert codes(call) == ["AFP201"]


def test_negated_context_does_not_count():
    call = call_with(signal("identity", Level.CALL), signal("law_enforcement", Level.MODULE, negated=True), signal("us_jurisdiction", Level.MODULE))
    assert codes(call) == ["AFP201"]


def test_other_trait_gives_afp202_and_not_afp101():
    call = call_with(signal("identity", Level.CALL), signal("other_trait", Level.CALL), signal("law_enforcement", Level.MODULE), signal("us_jurisdiction", Level.MODULE))
    assert codes(call) == ["AFP202"]


def test_gallery_rule_applies_to_any_trait():
    call = call_with(signal("identity", Level.CALL), signal("other_trait", Level.CALL), signal("gallery", Level.FUNCTION))
    assert codes(call) == ["AFP103"]


def test_audio_identity_defaults_to_voice():
    assert codes(call_with(signal("identity", Level.CALL), media={"audio"})) == ["AFP202"]


def test_no_purpose_no_finding():
    assert codes(call_with(signal("law_enforcement", Level.CALL), signal("mobile_camera", Level.CALL), signal("live", Level.CALL))) == []


def test_message_evidence_lists_each_condition_and_the_provider():
    call = call_with(signal("identity", Level.CALL, line=5), signal("gallery", Level.FUNCTION, line=3))
    (decision,) = decide(call, load_rules())
    assert [e.text for e in decision.evidence] == ["identity", "gallery", "AzureOpenAI"]
