"""Matches evidence text against the vocabularies of rules/vocabulary.yaml and the purpose frames of
rules/purposes.yaml, with negation."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from flake8_azure_face_policy.budget import WorkBudget, no_charge
from flake8_azure_face_policy.context.purposes import PurposeReader, fold, shipped_compiled_index, split_words
from flake8_azure_face_policy.source.syntax import CAMEL_BOUNDARY
from flake8_azure_face_policy.ruledata import RuleDataError, data_file, signal_roles

_FRAGMENT = re.compile(r"<(\w+)>")
_CLAUSE_END = re.compile(r"[.;!?\n,:()\[\]{}]")
# A negation reaches over a comma ("Versuch nicht, sie zu identifizieren"), not over a sentence end.
_NEGATION_REACH_END = re.compile(r"[.;!?\n()\[\]{}]")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
NEGATION_WINDOW_WORDS = 5
# A negation further back still reaches a statement joined to what it negates by "or" ("never
# compare the photo with anyone or say who it is"), up to this many words back.
COORDINATED_NEGATION_WORDS = 14
# Words after a match that the `after` patterns can reach (at most seven)
AFTER_WINDOW_WORDS = 10
# Negations that open or sit in a question without refusing ("¿No es …?", "Non sai chi è?", "Is dat
# niet die …?"), and the pronouns between a negated auxiliary and what it asks ("Can't you tell me …").
_ASKING_NEGATIONS = frozenset({"no", "non", "nao", "niet", "nicht", "not"})
# What such a question asks with: a copula or a verb of knowing ("¿No es …?", "Non sai chi …?"); "Non
# identificare le persone, va bene?" refuses.
_ASKING_VERBS = frozenset({"is", "es", "e", "est", "ist", "sai", "sais", "sabes", "sabe", "weisst", "weet", "conosci", "conoces", "conhece", "kennst", "ken", "kent"})
_ASKED_PRONOUNS = frozenset({"you", "tu", "du", "jij", "je", "u", "vous", "usted", "voce", "voi", "it", "this", "that", "he", "she", "er", "sie", "es", "hij", "zij"})
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


class _Layout:
    """Where a text's clauses, words and lines start, found once per text so that each match is
    placed by bisection: the scan stays linear however many matches one long clause holds."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def reach_ends(self) -> list[int]:
        return [match.start() for match in _NEGATION_REACH_END.finditer(self.text)]

    @cached_property
    def clause_ends(self) -> list[int]:
        return [match.start() for match in _CLAUSE_END.finditer(self.text)]

    @cached_property
    def word_starts(self) -> list[int]:
        return [match.start() for match in _WORD.finditer(self.text)]

    @cached_property
    def line_ends(self) -> list[int]:
        return [match.start() for match in re.finditer("\n", self.text)]

    def window_before(self, start: int, reach: int = NEGATION_WINDOW_WORDS) -> int:
        """Where the negation window before a match starts: `reach` words back, not past a sentence end."""
        reach_start = self.sentence_start(start)
        words = self.word_starts
        last = bisect_left(words, start)
        first = bisect_left(words, reach_start)
        return words[last - reach] if last - first >= reach else reach_start

    def window_after(self, end: int) -> int:
        """Where the text read after a match stops: the clause's end, or AFTER_WINDOW_WORDS words on."""
        after = bisect_left(self.clause_ends, end)
        clause_end = self.clause_ends[after] if after < len(self.clause_ends) else len(self.text)
        word = bisect_left(self.word_starts, end) + AFTER_WINDOW_WORDS
        return min(clause_end, self.word_starts[word]) if word < len(self.word_starts) else clause_end

    def sentence_start(self, position: int) -> int:
        before = bisect_left(self.reach_ends, position)
        return self.reach_ends[before - 1] + 1 if before else 0

    def sentence_end(self, position: int) -> int:
        after = bisect_left(self.reach_ends, position)
        return self.reach_ends[after] if after < len(self.reach_ends) else len(self.text)

    def line_offset(self, position: int) -> int:
        return bisect_left(self.line_ends, position)


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
        self._negation_after_clause = _compile(list((negation.get("after_clause") or {}).values()) or ["(?!)"], "vocabulary.yaml negation.after_clause")
        self._not_negation = {language: frozenset(fold(word).lower() for word in words) for language, words in (negation.get("not_negation") or {}).items()}
        self._contrast = _compile(list((negation.get("contrast") or {}).values()) or ["(?!)"], "vocabulary.yaml negation.contrast")
        # a negation reaches further over what it joins with "or" and into what a negated "say" would say
        joins = [*(negation.get("disjunction") or {}).values(), *(negation.get("complement") or {}).values()]
        self._joins = _compile(joins or ["(?!)"], "vocabulary.yaml negation.disjunction and complement")

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

    def scan(self, text: str, budget: WorkBudget | None = None) -> tuple[Match, ...]:
        """Every signal in the text; `text` as written (matching ignores accents, evidence keeps them).
        With a budget, the work is charged: each pattern runs over the text once, and each match
        reads a window of a few words around it."""
        folded = fold(text)
        layout = _Layout(folded)
        charge = budget.charge if budget is not None else no_charge
        found = []
        if self.purposes is not None:
            charge("vocabulary", len(text))
            for hit in self.purposes.scan(split_words(text, list_items=True), charge):
                negated = hit.countered or self._is_negated(layout, hit.start, hit.end, charge, hit.language)
                found.append(Match(hit.purpose, "purpose", text[hit.start : hit.end], negated, layout.line_offset(hit.start), hit.frame))
        paths: list[tuple[int, int]] | None = None
        for name, role, pattern, in_paths in self._signals:
            charge("vocabulary", len(text))
            for hit in pattern.finditer(folded):
                if not in_paths:
                    if paths is None:
                        paths = [path.span() for path in _PATH.finditer(folded)]
                    enclosing = paths[max(0, bisect_left(paths, (hit.start() + 1, -1)) - 1)] if paths else (0, -1)
                    if enclosing[0] <= hit.start() and hit.end() <= enclosing[1]:
                        continue
                negated = self._is_negated(layout, hit.start(), hit.end(), charge)
                found.append(Match(name, role, text[hit.start() : hit.end()], negated, layout.line_offset(hit.start())))
        return tuple(found)

    def _is_negated(self, layout: _Layout, start: int, end: int, charge, language: str | None = None) -> bool:
        text = layout.text
        window_start, window_end = layout.window_before(start), layout.window_after(end)
        charge("vocabulary", window_end - window_start)
        ignored = self._not_negation.get(language or "", frozenset())
        negations = self._negations(text, window_start, end, ignored)
        if negations and self._rhetorical(layout, negations, start, end):
            negations = []
        if negations and not self._contrast.search(text, negations[-1].end(), start):  # "don't count them, just tell me who"
            return True
        if self._negation_after.search(text[end:window_end]):
            return True
        if text.startswith(",", window_end) and self._negation_after_clause.match(text, window_end, layout.sentence_end(window_end)):
            return True  # "Wer das ist, spielt keine Rolle"
        return self._negated_across_disjunction(layout, start, window_start, ignored, charge)

    @staticmethod
    def _rhetorical(layout: _Layout, negations: list[re.Match[str]], start: int, end: int) -> bool:
        """A question that opens with its negation ("¿No es este el tipo que nos robó?", "Non sai chi
        è?", "Can't you tell me who this is?") or holds it in the asking words ("Is dat niet die vent
        …?") asks, it does not refuse: the negation is the sentence's first word and the statement
        follows it at once (a copula or a verb of knowing) or after one pronoun, or it stands inside a
        statement that opens the question. "Don't identify anyone?" still refuses."""
        text = layout.text
        sentence_end = layout.sentence_end(end)
        if not text.startswith("?", sentence_end):
            return False
        sentence_start = layout.sentence_start(start)
        negation = negations[0]
        first = _WORD.match(text, start)
        asks = first is not None and first.group(0).lower() in _ASKING_VERBS  # "es este …", not "identificare …"
        if len(negations) > 1 or _WORD.search(text, sentence_start, negation.start()):
            # not the first word: only a negation inside a statement that opens the question
            return asks and start <= negation.start() and not _WORD.search(text, sentence_start, start) and negation.group(0).lower() in _ASKING_NEGATIONS
        between = _WORD.findall(text, negation.end(), start)
        if not between:
            return asks and negation.group(0).lower() in _ASKING_NEGATIONS
        return len(between) == 1 and between[0].lower() in _ASKED_PRONOUNS

    def _negations(self, text: str, start: int, end: int, ignored: frozenset[str]) -> list[re.Match[str]]:
        """The negation words between `start` and `end`, but the language's words that only look like one."""
        return [hit for hit in self._negation_before.finditer(text, start, end) if hit.group(0).lower() not in ignored]

    def _negated_across_disjunction(self, layout: _Layout, start: int, window_start: int, ignored: frozenset[str], charge) -> bool:
        """"You never compare the photo with anyone or say who it is", "niemanden erkennen, benennen
        oder vergleichen": the negation reaches each statement it joins with "or", and what a negated
        verb of saying would say ("never say whether the two photos show the same person")."""
        text = layout.text
        wide_start = layout.window_before(start, COORDINATED_NEGATION_WORDS)
        if wide_start >= window_start:
            return False
        charge("vocabulary", window_start - wide_start)
        negations = self._negations(text, wide_start, window_start, ignored)
        if not negations:
            return False
        joins = list(self._joins.finditer(text, negations[-1].end(), start))
        # the match must belong to the joined phrase: no clause starts between "or" and it ("Non
        # descrivere la stanza o lo sfondo, dimmi chi è" asks who)
        return bool(joins) and not _CLAUSE_END.search(text, joins[-1].end(), start) and not self._contrast.search(text, negations[-1].end(), start)


@lru_cache(maxsize=None)
def load_vocabulary() -> Vocabulary:
    return Vocabulary(data_file("vocabulary.yaml"), PurposeReader(data_file("purposes.yaml"), shipped_compiled_index()))
