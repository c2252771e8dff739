"""Matches evidence text against the vocabularies of rules/vocabulary.yaml and the purpose frames of
rules/purposes.yaml, with negation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flake8_azure_face_policy.context.purposes import PurposeReader, fold, split_words
from flake8_azure_face_policy.source.syntax import CAMEL_BOUNDARY
from flake8_azure_face_policy.ruledata import RuleDataError, data_file, signal_roles

_FRAGMENT = re.compile(r"<(\w+)>")
_CLAUSE_END = re.compile(r"[.;!?\n,:()\[\]{}]")
# A negation reaches over a comma ("Versuch nicht, sie zu identifizieren"), not over a sentence end.
_NEGATION_REACH_END = re.compile(r"[.;!?\n()\[\]{}]")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
NEGATION_WINDOW_WORDS = 5
# A URL or a file path: place names inside one are part of a name, not where the project is used.
_PATH = re.compile(r"[^\s\"'()<>]*[/\\][^\s\"'()<>]*|[^\s\"'()<>]+\.(?:jpe?g|png|gif|bmp|webp|tiff?|heic|mp4|mov|avi|mkv|wav|mp3|json|csv|ya?ml|txt|pdf)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    signal: str
    role: str
    text: str
    negated: bool
    line_offset: int  # lines between the start of the scanned text and the match
    frame: str = ""  # for purposes: the frame of rules/purposes.yaml that matched


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
        return re.compile("|".join(f"(?:{fold(p)})" for p in patterns), re.IGNORECASE)
    except re.error as error:
        raise RuleDataError(f"{where}: invalid regular expression: {error}") from error


class Vocabulary:
    """All signals compiled once; `scan` returns every signal a text carries."""

    def __init__(self, data: dict[str, Any], purposes: PurposeReader | None = None):
        self.purposes = purposes
        roles = signal_roles(data)
        fragments = {
            name: _expand(value, {}, f"vocabulary.yaml fragment {name}")
            for name, value in (data.get("fragments") or {}).items()
        }
        self._signals: list[tuple[str, str, re.Pattern[str], bool]] = []  # (name, role, pattern, in paths too)
        for name, spec in data["signals"].items():
            where = f"vocabulary.yaml {name}"
            self._signals.append((name, roles[name], self._signal_pattern(spec.get("patterns"), fragments, where), True))
            if spec.get("not_in_paths"):
                self._signals.append((name, roles[name], self._signal_pattern(spec["not_in_paths"], fragments, f"{where} not_in_paths"), False))
        negation = data.get("negation") or {}
        # every language's negations count (a prompt's language is not known), except words that
        # are no negation in the language of the statement they precede
        self._negation_before = _compile(list((negation.get("before") or {}).values()), "vocabulary.yaml negation.before")
        self._negation_after = _compile(list((negation.get("after") or {}).values()), "vocabulary.yaml negation.after")
        self._not_negation = {language: frozenset(fold(word).lower() for word in words) for language, words in (negation.get("not_negation") or {}).items()}
        self._contrast = _compile(list((negation.get("contrast") or {}).values()) or ["(?!)"], "vocabulary.yaml negation.contrast")

    @staticmethod
    def _signal_pattern(by_language: Any, fragments: dict[str, str], where: str) -> re.Pattern[str]:
        if not isinstance(by_language, dict) or not by_language:
            raise RuleDataError(f"{where}: expected patterns by language")
        languages = {}
        for language, items in by_language.items():
            if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
                raise RuleDataError(f"{where} {language}: expected a list of patterns")
            languages[language] = [_expand(item, fragments, f"{where} {language}") for item in items]
        try:
            return _compile([item for items in languages.values() for item in items], where)
        except RuleDataError:
            for language, items in languages.items():  # so that the error names the language
                _compile(items, f"{where} {language}")
            raise

    @property
    def signal_names(self) -> tuple[str, ...]:
        purposes = tuple(self.purposes.purposes) if self.purposes is not None else ()
        return purposes + tuple(dict.fromkeys(name for name, _, _, _ in self._signals))

    def scan(self, text: str) -> tuple[Match, ...]:
        """Every signal in the text; `text` as written (matching ignores accents, evidence keeps them)."""
        folded = fold(text)
        found = []
        if self.purposes is not None:
            for hit in self.purposes.scan(split_words(text)):
                negated = hit.countered or self._is_negated(folded, hit.start, hit.end, hit.language)
                found.append(Match(hit.purpose, "purpose", text[hit.start : hit.end], negated, text.count("\n", 0, hit.start), hit.frame))
        paths: list[tuple[int, int]] | None = None
        for name, role, pattern, in_paths in self._signals:
            for hit in pattern.finditer(folded):
                if not in_paths:
                    paths = paths if paths is not None else [path.span() for path in _PATH.finditer(folded)]
                    if any(start <= hit.start() and hit.end() <= end for start, end in paths):
                        continue
                negated = self._is_negated(folded, hit.start(), hit.end())
                found.append(Match(name, role, text[hit.start() : hit.end()], negated, text.count("\n", 0, hit.start())))
        return tuple(found)

    @staticmethod
    def _rest_of_clause(text: str, end: int) -> str:
        clause_end = _CLAUSE_END.search(text, end)
        return text[end : clause_end.start() if clause_end else len(text)]

    def _is_negated(self, text: str, start: int, end: int, language: str | None = None) -> bool:
        clause_start = 0
        for boundary in _NEGATION_REACH_END.finditer(text, 0, start):
            clause_start = boundary.end()
        words = list(_WORD.finditer(text, clause_start, start))
        window_start = words[-NEGATION_WINDOW_WORDS].start() if len(words) >= NEGATION_WINDOW_WORDS else clause_start
        ignored = self._not_negation.get(language or "", frozenset())
        negations = [hit for hit in self._negation_before.finditer(text, window_start, end) if hit.group(0).lower() not in ignored]
        if negations and not self._contrast.search(text, negations[-1].end(), start):  # "don't count them, just tell me who"
            return True
        return bool(self._negation_after.search(self._rest_of_clause(text, end)))


@lru_cache(maxsize=None)
def load_vocabulary() -> Vocabulary:
    return Vocabulary(data_file("vocabulary.yaml"), PurposeReader(data_file("purposes.yaml")))
