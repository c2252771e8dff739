"""Loads and validates the data in `rules/` (shipped as `flake8_azure_face_policy.rules`), once per process."""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

CODE_PATTERN = re.compile(r"^AFP\d{3}$")
MEDIA_KINDS = frozenset({"image", "audio"})
TRAITS = frozenset({"face", "other", "any"})
ROLES = frozenset({"purpose", "trait", "context"})


class RuleDataError(ValueError):
    """The shipped rule data is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Requirements:
    media: frozenset[str]
    purpose: str
    trait: str
    context: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    title: str
    clause: str
    message: str
    requires: Requirements | None
    unless_fired: tuple[str, ...]

# libyaml's loader when PyYAML was built with it (its wheels are): several times faster, equally safe.
SAFE_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def rule_text(name: str) -> str:
    """A file of `rules/` as shipped."""
    return resources.files("flake8_azure_face_policy.rules").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def rule_digest(name: str) -> str:
    """A checksum of a file of `rules/` (CRC-32 and length): data compiled from it names the file as it
    was compiled from, to notice an edit. Not hashlib: OpenSSL's library costs every flake8 process
    a few MiB, for a check that guards against mistakes, not tampering."""
    data = rule_text(name).encode("utf-8")
    return f"{zlib.crc32(data):08x}-{len(data)}"


def read_yaml(name: str) -> dict[str, Any]:
    text = rule_text(name)
    data = yaml.load(text, Loader=SAFE_YAML_LOADER)
    if not isinstance(data, dict):
        raise RuleDataError(f"{name}: expected a mapping at the top level")
    return data


def compiled_name(name: str) -> str:
    """The file a YAML file of `rules/` is compiled to: `purposes.yaml` -> `purposes.compiled.json`."""
    return name.rsplit(".", 1)[0] + ".compiled.json"


@lru_cache(maxsize=None)
def compiled_data(name: str) -> dict[str, Any] | None:
    """What tools/compile_purposes.py made of a YAML file of `rules/` (its data as JSON, and what is
    built from it), when made from the file as shipped; None when there is none or it was made from
    other data (an edited YAML file is then read as written: the same data, read more slowly)."""
    target = compiled_name(name)
    try:
        text = rule_text(target)
    except FileNotFoundError:
        return None
    try:
        compiled = json.loads(text)
        current = compiled["source_checksum"] == rule_digest(name)
        valid = isinstance(compiled["data"], dict)
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise RuleDataError(f"{target}: malformed ({error}); rewrite it with tools/compile_purposes.py") from error
    if not valid:
        raise RuleDataError(f"{target}: malformed data; rewrite it with tools/compile_purposes.py")
    return compiled if current else None


@lru_cache(maxsize=None)
def data_file(name: str) -> dict[str, Any]:
    """A YAML file's data, from its compiled JSON when that is current (several times faster to read)."""
    compiled = compiled_data(name)
    return compiled["data"] if compiled is not None else read_yaml(name)


def _require(condition: bool, where: str, problem: str) -> None:
    if not condition:
        raise RuleDataError(f"{where}: {problem}")


def _string_list(value: Any, where: str) -> tuple[str, ...]:
    _require(isinstance(value, list) and all(isinstance(v, str) for v in value), where, "expected a list of strings")
    return tuple(value)


def parse_rules(data: dict[str, Any], signal_roles: dict[str, str]) -> tuple[Rule, ...]:
    """Builds rules from rules.yaml data, checking every reference against the vocabulary."""
    entries = data.get("rules")
    _require(isinstance(entries, list) and entries, "rules.yaml", "expected a non-empty list under 'rules'")
    rules: list[Rule] = []
    for position, entry in enumerate(entries):
        where = f"rules.yaml rule #{position + 1}"
        _require(isinstance(entry, dict), where, "expected a mapping")
        for key in ("code", "name", "title", "clause", "message"):
            _require(isinstance(entry.get(key), str) and entry[key], where, f"missing text field '{key}'")
        code = entry["code"]
        where = f"rules.yaml {code}"
        _require(bool(CODE_PATTERN.match(code)), where, "code must look like AFP123")
        requires = None
        if "requires" in entry:
            spec = entry["requires"]
            _require(isinstance(spec, dict), where, "'requires' must be a mapping")
            media = frozenset(_string_list(spec.get("media", []), f"{where} requires.media"))
            _require(bool(media) and media <= MEDIA_KINDS, where, f"requires.media must be some of {sorted(MEDIA_KINDS)}")
            purpose = spec.get("purpose")
            _require(signal_roles.get(purpose) == "purpose", where, f"requires.purpose '{purpose}' is not a purpose signal")
            trait = spec.get("trait")
            _require(trait in TRAITS, where, f"requires.trait must be one of {sorted(TRAITS)}")
            context = _string_list(spec.get("context", []), f"{where} requires.context")
            for signal in context:
                _require(signal_roles.get(signal) == "context", where, f"context signal '{signal}' is not defined")
            requires = Requirements(media, purpose, trait, context)
        unless = _string_list(entry.get("unless_fired", []), f"{where} unless_fired")
        rules.append(Rule(code, entry["name"], entry["title"], entry["clause"], entry["message"], requires, unless))
    codes = [rule.code for rule in rules]
    _require(len(set(codes)) == len(codes), "rules.yaml", "duplicate rule codes")
    for rule in rules:
        for other in rule.unless_fired:
            _require(other in codes and other != rule.code, f"rules.yaml {rule.code}", f"unless_fired names unknown code {other}")
    return tuple(sorted(rules, key=lambda rule: rule.code))


def signal_roles(vocabulary: dict[str, Any], purposes: dict[str, Any] | None = None) -> dict[str, str]:
    """Each signal's role: those of vocabulary.yaml, and the purposes of purposes.yaml."""
    roles = {name: "purpose" for name in ((purposes or {}).get("purposes") or {})}
    signals = vocabulary.get("signals")
    _require(isinstance(signals, dict) and signals, "vocabulary.yaml", "expected a mapping under 'signals'")
    for name, spec in signals.items():
        _require(isinstance(spec, dict) and spec.get("role") in ROLES, f"vocabulary.yaml {name}", f"role must be one of {sorted(ROLES)}")
        roles[name] = spec["role"]
    return roles


@lru_cache(maxsize=None)
def load_rules() -> tuple[Rule, ...]:
    return parse_rules(data_file("rules.yaml"), signal_roles(data_file("vocabulary.yaml"), data_file("purposes.yaml")))


def rule_by_code(code: str) -> Rule:
    for rule in load_rules():
        if rule.code == code:
            return rule
    raise KeyError(code)
