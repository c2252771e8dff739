"""Matches evidence text against the vocabularies of rules/vocabulary.yaml, with negation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flake8_azure_face_policy.source.syntax import CAMEL_BOUNDARY
from flake8_azure_face_policy.ruledata import RuleDataError, data_file, signal_roles

_FRAGMENT = re.compile(r"<(\w+)>")
_CLAUSE_END = re.compile(r"[.;!?\n,:()\[\]{}]")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
NEGATION_WINDOW_WORDS = 5


@dataclass(frozen=True)
class Match:
    signal: str
    role: str
    text: str
    negated: bool
    line_offset: int  # lines between the start of the scanned text and the match


def normalise(text: str) -> str:
    """Prose keeps its words; underscores and camelCase joins become spaces."""
    return CAMEL_BOUNDARY.sub(" ", text.replace("_", " "))


def _expand(pattern: str, fragments: dict[str, str], where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise RuleDataError(f"{where}: unknown fragment <{name}>")
        return fragments[name]

    return _FRAGMENT.sub(replace, pattern)


def _compile(patterns: list[str], where: str) -> re.Pattern[str]:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as error:
        raise RuleDataError(f"{where}: invalid regular expression: {error}") from error


class Vocabulary:
    """All signals compiled once; `scan` returns every signal a text carries."""

    def __init__(self, data: dict[str, Any]):
        roles = signal_roles(data)
        fragments = {
            name: _expand(value, {}, f"vocabulary.yaml fragment {name}")
            for name, value in (data.get("fragments") or {}).items()
        }
        self._signals: list[tuple[str, str, re.Pattern[str]]] = []
        for name, spec in data["signals"].items():
            where = f"vocabulary.yaml {name}"
            by_language = spec.get("patterns")
            if not isinstance(by_language, dict) or not by_language:
                raise RuleDataError(f"{where}: expected patterns by language")
            languages = {}
            for language, items in by_language.items():
                if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
                    raise RuleDataError(f"{where} {language}: expected a list of patterns")
                languages[language] = [_expand(item, fragments, f"{where} {language}") for item in items]
            try:
                pattern = _compile([item for items in languages.values() for item in items], where)
            except RuleDataError:
                for language, items in languages.items():  # so that the error names the language
                    _compile(items, f"{where} {language}")
                raise
            self._signals.append((name, roles[name], pattern))
        negation = data.get("negation") or {}
        self._negation_before = _compile(list((negation.get("before") or {}).values()), "vocabulary.yaml negation.before")
        self._negation_after = _compile(list((negation.get("after") or {}).values()), "vocabulary.yaml negation.after")
        self._detection_after = _compile(list((negation.get("detection_after") or {}).values()), "vocabulary.yaml negation.detection_after")

    @property
    def signal_names(self) -> tuple[str, ...]:
        return tuple(name for name, _, _ in self._signals)

    def scan(self, text: str) -> tuple[Match, ...]:
        found = []
        for name, role, pattern in self._signals:
            for hit in pattern.finditer(text):
                negated = self._is_negated(text, hit.start(), hit.end()) or (name == "identity" and self._is_detection(text, hit.end()))
                found.append(Match(name, role, hit.group(0), negated, text.count("\n", 0, hit.start())))
        return tuple(found)

    @staticmethod
    def _rest_of_clause(text: str, end: int) -> str:
        clause_end = _CLAUSE_END.search(text, end)
        return text[end : clause_end.start() if clause_end else len(text)]

    def _is_detection(self, text: str, end: int) -> bool:
        return bool(self._detection_after.search(self._rest_of_clause(text, end)))

    def _is_negated(self, text: str, start: int, end: int) -> bool:
        clause_start = 0
        for boundary in _CLAUSE_END.finditer(text, 0, start):
            clause_start = boundary.end()
        words = list(_WORD.finditer(text, clause_start, start))
        window_start = words[-NEGATION_WINDOW_WORDS].start() if len(words) >= NEGATION_WINDOW_WORDS else clause_start
        if self._negation_before.search(text[window_start:end]):
            return True
        return bool(self._negation_after.search(self._rest_of_clause(text, end)))


@lru_cache(maxsize=None)
def load_vocabulary() -> Vocabulary:
    return Vocabulary(data_file("vocabulary.yaml"))
