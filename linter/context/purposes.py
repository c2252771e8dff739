"""Reads what a call asks the model to do from the frames of rules/purposes.yaml.

A text is split into words (accents and case folded, positions kept); each frame's templates are
sequences of word classes matched over those words within one sentence. Slots are word sets and
templates are indexed by their first word, so loading is a few dictionary builds (no regular
expression compilation) and a text costs one look-up per word plus the templates that can start
there.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Iterable, Iterator

from flake8_azure_face_policy.budget import Charge, no_charge
from flake8_azure_face_policy.ruledata import RuleDataError, compiled_data, compiled_name

_WORD = re.compile(r"[^\W_]+")  # snake_case keys are words too: "same_person", "NO_MATCH"
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n\s*\n|[.;!?]\W*$")
_LIST_ITEM = re.compile(r"\n\s*[-*•·]\s")  # a numbered item is split already: "1" is a word, ". " ends it
_CLAUSE_MARK = re.compile(r"[,:;.!?()\[\]{}\"\n]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_GAP = re.compile(r"~(\d+)$")
# Words after which a full stop ends an abbreviation, not a sentence ("Dr. Pierce", "Sr. Rossi").
_ABBREVIATIONS = frozenset("dr mr mrs ms prof st sr sra srta mme mlle m dott sig dhr mevr hr fr nr no vs etc ca".split())
_PHRASE = re.compile(r"(?:\*\w+|\w+\*?)(?:_\w+\*?)*")
MAX_PHRASE_WORDS = 6
CACHE_LIMIT = 50_000  # word forms remembered per word class; a project's vocabulary stays well below
LARGE_SLOT = 64  # words of a template's first position above which the index asks the slot instead


def fold(text: str) -> str:
    """Accents and typographic quotes removed, one character for one, so positions stay the text's."""
    if text.isascii():
        return text
    text = text.translate(_QUOTES)
    return "".join(unicodedata.normalize("NFD", char)[0] if not char.isascii() else char for char in text)


@dataclass(frozen=True)
class Words:
    """A text's words: folded lower-case forms, character spans, sentence of each word, and
    whether a clause mark (comma, colon, bracket, sentence end) follows it."""

    text: str
    forms: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    sentence: tuple[int, ...]
    clause_after: tuple[bool, ...]
    capitalised: tuple[bool, ...]
    aside: tuple[bool, ...] = ()  # inside brackets: "(photos attached with their card numbers)"; empty if none


def split_words(text: str, list_items: bool = False) -> Words:
    """The text's words; with `list_items`, each item of a bulleted or numbered list is a sentence of
    its own ("Check only technical quality:\n- single person, face visible" states two things)."""
    folded = fold(text)
    found = list(_WORD.finditer(folded))
    forms, spans, sentence, clause_after, capitalised = [], [], [], [], []
    current = 0
    asides: list[bool] | None = [] if "(" in folded or "[" in folded else None
    depth = _bracket_change(folded[: found[0].start()] if found else "", 0)  # followed only when the text has brackets
    for position, word in enumerate(found):
        following = found[position + 1].start() if position + 1 < len(found) else len(folded)
        between = folded[word.end() : following]
        forms.append(word.group(0).lower())
        spans.append(word.span())
        sentence.append(current)
        capitalised.append(word.group(0)[:1].isupper())
        if asides is not None:
            asides.append(depth > 0)
            depth = 0 if _SENTENCE_END.search(between) else _bracket_change(between, depth)
        if between == " " and position + 1 < len(found):  # most gaps: no punctuation to look at
            clause_after.append(False)
            continue
        clause_after.append(bool(_CLAUSE_MARK.search(between)) or position + 1 == len(found))
        if _SENTENCE_END.search(between) and not (between.startswith(". ") and forms[-1] in _ABBREVIATIONS):
            current += 1
        elif list_items and _LIST_ITEM.search(between):
            current += 1
    return Words(text, tuple(forms), tuple(spans), tuple(sentence), tuple(clause_after), tuple(capitalised), tuple(asides or ()))


def _bracket_change(between: str, depth: int) -> int:
    return max(0, depth + between.count("(") + between.count("[") - between.count(")") - between.count("]"))


# -- word classes ------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _alternative(text: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(exact | prefix | suffix, first word, further words) of one alternative; None if malformed.
    The same words recur in many templates, so each is read once."""
    folded = fold(text).lower()
    words = folded.split("_")
    if len(words) > MAX_PHRASE_WORDS or not _PHRASE.fullmatch(folded):
        return None
    first, rest = words[0], tuple(words[1:])
    if first.startswith("*"):
        return "suffix", first[1:], rest
    if first.endswith("*"):
        return "prefix", first[:-1], rest
    return "exact", first, rest


_SINGLE_WORD: tuple[tuple[str, ...], ...] = ((),)  # the further words of a one-word alternative, shared by all


class WordClass:
    """Alternatives of one template position: words, phrases (`account_holder`), prefixes (`identif*`,
    any word of a phrase may be one). A word's further words are tuples, shared when classes merge:
    slots are large and recur in many positions."""

    def __init__(self) -> None:
        self.exact: dict[str, tuple[tuple[str, ...], ...]] = {}  # first word -> the phrases' further words
        self.prefixes: list[tuple[str, tuple[str, ...]]] = []
        self.suffixes: list[tuple[str, tuple[str, ...]]] = []  # `*fotos`: the end of a compound (Mieterfotos)
        self._affixed: dict[str, tuple[tuple[str, ...], ...]] = {}  # per word form, with prefixes and compound ends

    def add(self, alternative: str, where: str) -> None:
        parsed = _alternative(alternative)
        if parsed is None:
            raise RuleDataError(f"{where}: '{alternative}' is not a word or phrase")
        kind, first, rest = parsed
        if kind == "suffix":
            self.suffixes.append((first, rest))
        elif kind == "prefix":
            self.prefixes.append((first, rest))
        else:
            self._add_exact(first, _SINGLE_WORD if not rest else (rest,))

    def _add_exact(self, first: str, rests: tuple[tuple[str, ...], ...]) -> None:
        mine = self.exact.get(first)
        if mine is None:
            self.exact[first] = rests
        elif mine is not rests:
            self.exact[first] = mine + tuple(rest for rest in rests if rest not in mine)

    def merge(self, other: "WordClass") -> None:
        for first, rests in other.exact.items():
            self._add_exact(first, rests)
        self.prefixes.extend(other.prefixes)
        self.suffixes.extend(other.suffixes)

    def first_words(self) -> tuple[set[str], list[str], list[str]]:
        return set(self.exact), [prefix for prefix, _ in self.prefixes], [suffix for suffix, _ in self.suffixes]

    def starts(self, form: str) -> bool:
        """Whether an alternative can start with the word form."""
        return bool(self._rests(form))

    def _rests(self, form: str) -> tuple[tuple[str, ...], ...]:
        """The further words of every alternative that can start with the word form."""
        rests = self.exact.get(form, ())
        if not self.prefixes and not self.suffixes:
            return rests
        affixed = self._affixed.get(form)
        if affixed is None:  # once per word form: prefixes and compound ends are lists to walk
            affixed = rests + tuple(rest for prefix, rest in self.prefixes if form.startswith(prefix))
            affixed += tuple(rest for suffix, rest in self.suffixes if form.endswith(suffix))
            if len(self._affixed) > CACHE_LIMIT:
                self._affixed.clear()
            self._affixed[form] = affixed
        return affixed

    def ends(self, words: Words, at: int, sentence: int) -> Iterator[int]:
        """Where a match of this class starting at word `at` can end (longest first)."""
        if at >= len(words.forms) or words.sentence[at] != sentence:
            return
        rests = self._rests(words.forms[at])
        if not rests:
            return
        if rests is _SINGLE_WORD:  # most words: no phrase to read on
            yield at + 1
            return
        ends = set()
        for rest in rests:
            end = at + 1 + len(rest)
            if end <= len(words.forms) and words.sentence[end - 1] == sentence and all(map(_word_fits, words.forms[at + 1 : end], rest)):
                ends.add(end)
        yield from sorted(ends, reverse=True)


def _word_fits(form: str, word: str) -> bool:
    return form == word or (word.endswith("*") and form.startswith(word[:-1]))


@dataclass
class Element:
    kind: str  # word | gap | not | followed | capital | not_capital | start
    words: WordClass | None = None
    optional: bool = False
    gap: int = 0
    at_clause_end: bool = False  # for `followed`: `$` also accepts the end of a clause
    # folded word -> the ways it must be written ("è!": "è", not the conjunction "e"); empty if none
    accented: dict[str, frozenset[str]] = field(default_factory=dict)


def _word_class(spec: str, slots: SlotTable, where: str, built: dict[str, tuple[WordClass, bool]] | None = None) -> tuple[WordClass, bool]:
    """The word class of a template position; `built` holds those already made for the same slots
    (a spec such as `<title>|<person>` recurs, and merging large slots is the cost of loading)."""
    if spec.startswith("<") and spec.endswith(">") and "|" not in spec and spec[1:-1] in slots:
        return slots[spec[1:-1]], False  # shared, not copied: slots are large and used often
    if built is not None and spec in built:
        return built[spec]
    words = WordClass()
    clause_end = False
    for alternative in spec.split("|"):
        if alternative == "$":
            clause_end = True
        elif alternative.startswith("<") and alternative.endswith(">"):
            if alternative[1:-1] not in slots:
                raise RuleDataError(f"{where}: unknown slot {alternative}")
            words.merge(slots[alternative[1:-1]])
        else:
            words.add(alternative.removesuffix("!"), where)
    if built is not None:
        built[spec] = (words, clause_end)
    return words, clause_end


def _accented(spec: str) -> dict[str, frozenset[str]]:
    """`è!|era|sia`: the alternatives marked with `!` count only as written with their accent
    (Italian "è" is "is", "e" is "and": "Milano e Lione" names no one), or as a capital followed by an
    apostrophe, the way "È" is often typed ("E' Mario Rossi?")."""
    found = {}
    for alternative in spec.split("|"):
        if alternative.endswith("!"):
            written = unicodedata.normalize("NFC", alternative[:-1].lower())
            found[fold(written)] = frozenset({written, fold(written).upper() + "'"})
    return found


def _written_as(words: Words, at: int, accented: dict[str, frozenset[str]]) -> bool:
    ways = accented.get(words.forms[at]) if at < len(words.forms) else None
    if ways is None:
        return True
    start, end = words.spans[at]
    written = unicodedata.normalize("NFC", words.text[start:end]).lower()
    return written in ways or words.text[start : end + 1].translate(_QUOTES) in ways


def _element(token: str, slots: SlotTable, where: str, built: dict[str, tuple[WordClass, bool]] | None) -> Element:
    gap = _GAP.match(token)
    if gap:
        return Element("gap", gap=int(gap.group(1)))
    if token in ("@cap", "(@cap)"):  # "is this Taylor (Swift)"
        return Element("capital", optional=token != "@cap")
    if token == "!@cap":  # "a professora Luciana": a role followed by a name is someone's title
        return Element("not_capital")
    if token == "^":
        return Element("start")
    if token[0] in "!=":
        words, clause_end = _word_class(token[1:], slots, where, built)
        return Element("not" if token[0] == "!" else "followed", words, at_clause_end=clause_end)
    if token.startswith("(") and token.endswith(")"):
        return Element("word", _word_class(token[1:-1], slots, where, built)[0], optional=True, accented=_accented(token[1:-1]))
    return Element("word", _word_class(token, slots, where, built)[0], accented=_accented(token))


def _required_first(template: str, first: Element | None, where: str) -> Element:
    if first is None or first.kind != "word" or first.optional:
        raise RuleDataError(f"{where}: '{template}' must start with a required word")
    return first


def parse_template(
    template: str, slots: SlotTable, where: str, anchored: bool = False, built: dict[str, tuple[WordClass, bool]] | None = None
) -> list[Element]:
    """`who|whom is (the|this) ~1 <person> !of` (see the header of rules/purposes.yaml). A frame's
    template starts with a required word (its index key); an `anchored` phrase, matched at a given
    place, may start with a gap."""
    elements = [_element(token, slots, where, built) for token in template.split()]
    if not elements or not anchored:
        keyed = elements[1:] if elements and elements[0].kind == "start" else elements
        _required_first(template, keyed[0] if keyed else None, where)
    return elements


def first_element(template: str, slots: SlotTable, where: str, built: dict[str, tuple[WordClass, bool]]) -> Element:
    """A frame template's first element, its index key: the rest is parsed when a text first reaches it."""
    tokens = template.split(maxsplit=2)
    if tokens and tokens[0] == "^":  # "^ que <person> …": the clause starts here; indexed by its first word
        tokens = tokens[1:]
    return _required_first(template, _element(tokens[0], slots, where, built) if tokens else None, where)


def match_elements(elements: list[Element], words: Words, index: int, at: int, sentence: int) -> int | None:
    """The end of the first match of elements[index:] at word `at` (gaps take as few words as they can)."""
    if index == len(elements):
        return at
    element = elements[index]
    if element.kind == "gap":
        # a gap that starts outside brackets passes over an aside in them whole, without counting it
        outside = not (0 < at <= len(words.aside) and words.aside[at - 1])
        taken = counted = 0
        while counted <= element.gap:
            if taken and (at + taken > len(words.forms) or words.sentence[at + taken - 1] != sentence):
                break
            if outside and at + taken < len(words.aside) and words.aside[at + taken]:
                taken += 1
                continue
            end = match_elements(elements, words, index + 1, at + taken, sentence)
            if end is not None:
                return end
            taken += 1
            counted += 1
        return None
    if element.kind == "start":
        if at == 0 or words.sentence[at - 1] != sentence or words.clause_after[at - 1]:
            return match_elements(elements, words, index + 1, at, sentence)
        return None
    if element.kind in ("not", "followed"):
        inside = at < len(words.forms) and words.sentence[at] == sentence
        found = inside and next(element.words.ends(words, at, sentence), None) is not None
        if element.kind == "followed" and element.at_clause_end and (not inside or words.clause_after[at - 1]):
            found = True
        if found != (element.kind == "followed"):
            return None
        return match_elements(elements, words, index + 1, at, sentence)
    if element.kind == "not_capital":
        if _capitalised(words, at, sentence):
            return None
        return match_elements(elements, words, index + 1, at, sentence)
    if element.kind == "capital":
        if _capitalised(words, at, sentence):
            found = match_elements(elements, words, index + 1, at + 1, sentence)
            if found is not None:
                return found
        return match_elements(elements, words, index + 1, at, sentence) if element.optional else None
    if not element.accented or _written_as(words, at, element.accented):
        for end in element.words.ends(words, at, sentence):
            found = match_elements(elements, words, index + 1, end, sentence)
            if found is not None:
                return found
    if element.optional:
        return match_elements(elements, words, index + 1, at, sentence)
    return None


def _capitalised(words: Words, at: int, sentence: int) -> bool:
    """Whether the word at `at` is capitalised and in the same sentence (a name, for `@cap` and `!@cap`)."""
    return at < len(words.forms) and words.sentence[at] == sentence and words.capitalised[at]


# -- frames ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PurposeMatch:
    purpose: str  # identity | benign
    frame: str
    language: str
    start: int  # character span in the text
    end: int
    countered: bool  # an identity match that detection, redaction or a role cue turns against


class Template:
    """A frame's template in one language, read when it is first needed: its first element when the
    frames are indexed from the YAML data (not when a compiled index is loaded), the rest when a
    text first holds that word (most templates never meet their first word)."""

    def __init__(
        self,
        frame: str,
        purpose: str,
        restrictable: bool,
        language: str,
        text: str,
        slots: SlotTable,
        where: str,
        built: dict[str, tuple[WordClass, bool]],
        countered_by: frozenset[str] = frozenset(),
        reaches_back: bool = False,
    ):
        self.frame = frame
        self.purpose = purpose
        self.restrictable = restrictable
        self.language = language
        self.text = text
        self._slots = slots
        self._where = where
        self._built = built  # the word classes already made for the language's positions, shared
        self.countered_by = countered_by  # benign frames that, in the same sentence, turn it against
        self.reaches_back = reaches_back  # a benign statement that also speaks for the sentence before

    @cached_property
    def first(self) -> Element:
        return first_element(self.text, self._slots, self._where, self._built)

    @cached_property
    def elements(self) -> list[Element]:
        return parse_template(self.text, self._slots, self._where, built=self._built)


class _WrittenNumbers(dict):
    """A compiled index's table: word -> template numbers as written ("3 17 250"), read when a word
    form first asks for them (reading thousands of lists at load costs more than the few asked)."""

    def get(self, key: str, default: Any = ()) -> Any:
        written = dict.get(self, key)
        return default if written is None else [int(number) for number in written.split()]


class TemplateIndex:
    """Templates by the words they can start with, as template numbers (their order of reading). A
    template that starts with a large slot (`<person>`, a few hundred words) is filed under the slot,
    which is asked once per word form: indexing each of its words would cost more at load than all
    other templates. A compiled index (`compiled`, `from_compiled`) files every word, slots' too."""

    def __init__(self, templates: list[Template]) -> None:
        self.templates = templates
        self.by_word: dict[str, list[int]] = {}
        # by the prefix (`identif*`) or compound end (`*fotos`): a form is looked up by each of its own
        # beginnings and ends, a few look-ups instead of a walk over hundreds of affixes
        self.by_prefix: dict[str, list[int]] = {}
        self.by_suffix: dict[str, list[int]] = {}
        self.longest_affix = 0  # a form's beginnings and ends are looked up up to this length only
        self.by_slot: dict[int, tuple[WordClass, list[int]]] = {}
        self._starting: dict[str, list[Template]] = {}

    @classmethod
    def of(cls, templates: list[Template]) -> "TemplateIndex":
        """Indexed by reading each template's first element."""
        index = cls(templates)
        for number, template in enumerate(templates):
            words = template.first.words
            if len(words.exact) >= LARGE_SLOT:
                index.by_slot.setdefault(id(words), (words, []))[1].append(number)
            else:
                index._file(number, *words.first_words())
        return index

    @classmethod
    def from_compiled(cls, compiled: dict[str, Any], templates: list[Template]) -> "TemplateIndex":
        """Indexed from `compiled()` data of the same templates: no template is read."""
        index = cls(templates)
        index.by_word, index.by_prefix, index.by_suffix = (_WrittenNumbers(compiled[key]) for key in ("by_word", "by_prefix", "by_suffix"))
        index.longest_affix = compiled["longest_affix"]
        return index

    def _file(self, number: int, exact: Iterable[str], prefixes: list[str], suffixes: list[str]) -> None:
        for word in exact:
            self.by_word.setdefault(word, []).append(number)
        for prefix in prefixes:
            self.by_prefix.setdefault(prefix, []).append(number)
        for suffix in suffixes:
            self.by_suffix.setdefault(suffix, []).append(number)
        self.longest_affix = max([self.longest_affix, *map(len, prefixes), *map(len, suffixes)])

    def compiled(self) -> dict[str, Any]:
        """The index as data, each slot's words filed too, for `from_compiled`."""
        flat = TemplateIndex(self.templates)
        flat.by_word = {word: list(numbers) for word, numbers in self.by_word.items()}
        flat.by_prefix = {prefix: list(numbers) for prefix, numbers in self.by_prefix.items()}
        flat.by_suffix = {suffix: list(numbers) for suffix, numbers in self.by_suffix.items()}
        flat.longest_affix = self.longest_affix
        for words, numbers in self.by_slot.values():
            for number in numbers:
                flat._file(number, *words.first_words())
        written = {
            key: {word: " ".join(map(str, sorted(set(numbers)))) for word, numbers in sorted(table.items())}
            for key, table in (("by_word", flat.by_word), ("by_prefix", flat.by_prefix), ("by_suffix", flat.by_suffix))
        }
        return {**written, "longest_affix": flat.longest_affix}

    def starting(self, form: str) -> list[Template]:
        cached = self._starting.get(form)
        if cached is not None:
            return cached
        found = list(self.by_word.get(form, ()))
        longest = min(len(form), self.longest_affix)  # not quadratic in a megabyte-long word
        for end in range(1, longest + 1):
            found += self.by_prefix.get(form[:end], ())
        for start in range(len(form) - longest, len(form)):
            found += self.by_suffix.get(form[start:], ())
        for words, numbers in self.by_slot.values():
            if words.starts(form):
                found += numbers
        if len(self._starting) > CACHE_LIMIT:
            self._starting.clear()
        cached = self._starting[form] = [self.templates[number] for number in sorted(set(found))]
        return cached

    def matches(self, words: Words, charge: Charge) -> Iterator[tuple[Template, int, int]]:
        """(template, first word, end word) for every place a template matches, leftmost first,
        one match per template and start."""
        for at, form in enumerate(words.forms):
            templates = self.starting(form)
            charge("purposes", 1 + len(templates))
            for template in templates:
                end = match_elements(template.elements, words, 0, at, words.sentence[at])
                if end is not None and end > at:
                    yield template, at, end


class SlotTable:
    """One language's slots, each built when a template first names it: loading reads only what the
    templates' first words need."""

    def __init__(self, raw: dict[str, dict[str, str]], language: str):
        self._raw = raw
        self._language = language
        self._built: dict[str, WordClass] = {}
        self._building: set[str] = set()

    def __contains__(self, name: str) -> bool:
        return name in self._raw

    def __getitem__(self, name: str) -> WordClass:
        words = self._built.get(name)
        if words is not None:
            return words
        if name in self._building:
            raise RuleDataError(f"purposes.yaml slot {name}: includes itself")
        self._building.add(name)
        words = WordClass()
        spec = self._raw[name]
        for key in (self._language, "all"):
            for alternative in spec[key].split("|") if key in spec else ():
                alternative = alternative.strip()
                if alternative.startswith("<") and alternative.endswith(">"):  # a slot may include others
                    if alternative[1:-1] not in self._raw:
                        raise RuleDataError(f"purposes.yaml slot {name}: unknown slot {alternative}")
                    words.merge(self[alternative[1:-1]])
                else:
                    words.add(alternative, f"purposes.yaml slot {name} {key}")
        self._building.discard(name)
        self._built[name] = words
        return words


def _slots(data: dict[str, Any]) -> dict[str, SlotTable]:
    """Slot word classes by language (a slot's `all` words belong to every language)."""
    raw = data.get("slots") or {}
    if not isinstance(raw, dict):
        raise RuleDataError("purposes.yaml: expected a mapping under 'slots'")
    for name, spec in raw.items():
        if not isinstance(spec, dict) or not all(isinstance(value, str) for value in spec.values()):
            raise RuleDataError(f"purposes.yaml slot {name}: expected words by language")
    return {language: SlotTable(raw, language) for language in data.get("languages") or ()}


class PurposeReader:
    """All frames built once; `scan` finds every purpose statement in a text. With `compiled`, the
    index of `compiled_index()` made from the same data, no template is read at load."""

    def __init__(self, data: dict[str, Any], compiled: dict[str, Any] | None = None):
        self.languages = tuple(data.get("languages") or ())
        self.purposes = {name: (spec or {}).get("description", "") for name, spec in (data.get("purposes") or {}).items()}
        slots = self._slots = _slots(data)
        frames = data.get("frames")
        if not isinstance(frames, list) or not frames:
            raise RuleDataError("purposes.yaml: expected a list of frames")
        self.templates: list[Template] = []
        self.frame_names: list[str] = []
        built: dict[str, dict[str, tuple[WordClass, bool]]] = {language: {} for language in self.languages}
        for position, frame in enumerate(frames):
            name = frame.get("name") if isinstance(frame, dict) else None
            where = f"purposes.yaml frame {name or '#' + str(position + 1)}"
            if not isinstance(name, str) or frame.get("purpose") not in self.purposes:
                raise RuleDataError(f"{where}: needs a name and a purpose among {sorted(self.purposes)}")
            self.frame_names.append(name)
            countered_by = frozenset(frame.get("countered_by") or ())
            restrictable, reaches_back = bool(frame.get("restrictable")), bool(frame.get("reaches_back"))
            for language, template in self._templates(frame, where):
                self.templates.append(
                    Template(name, frame["purpose"], restrictable, language, template, slots[language], f"{where} {language}", built[language], countered_by, reaches_back)
                )
        unknown = {counter for frame in frames for counter in frame.get("countered_by") or ()} - set(self.frame_names)
        if unknown:
            raise RuleDataError(f"purposes.yaml: countered_by names unknown frames {sorted(unknown)}")
        self.index = TemplateIndex.from_compiled(compiled, self.templates) if compiled is not None else TemplateIndex.of(self.templates)
        self._restriction_data = data.get("restriction_after") or {}
        cues = [
            Template("role_cue", "cue", False, language, item, slots[language], f"purposes.yaml role_cue {language}", built[language])
            for language, items in (data.get("role_cue") or {}).items()
            for item in items
        ]
        self._role_cues = TemplateIndex.of(cues)  # searched through a whole sentence, so indexed like frames

    @cached_property
    def _restriction(self) -> dict[str, list[list[Element]]]:
        return {
            language: [parse_template(item, self._slots[language], f"purposes.yaml restriction_after {language}", anchored=True) for item in items]
            for language, items in self._restriction_data.items()
        }

    def check(self) -> None:
        """Reads every template whole, so that malformed data is reported now rather than when a text
        first reaches it (the tests check the shipped frames so)."""
        for template in [*self.templates, *self._role_cues.templates]:
            template.first, template.elements
        self._restriction

    def compiled_index(self) -> dict[str, Any]:
        """The frames' index as data: tools/compile_purposes.py writes it to rules/purposes.compiled.json."""
        self.check()
        return self.index.compiled()

    def word_class(self, spec: str, where: str, language: str = "en") -> WordClass:
        """A word class written as in a template position, with that language's slots."""
        return _word_class(spec, self._slots[language], where)[0]

    def _templates(self, frame: dict[str, Any], where: str) -> Iterator[tuple[str, str]]:
        templates = frame.get("templates")
        if not isinstance(templates, dict) or not templates:
            raise RuleDataError(f"{where}: expected templates by language")
        for language, items in templates.items():
            if language not in self.languages:
                raise RuleDataError(f"{where}: language {language} is not listed under 'languages'")
            if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
                raise RuleDataError(f"{where} {language}: expected a list of templates")
            for item in items:
                yield language, item

    def scan(self, words: Words, charge: Charge = no_charge) -> list[PurposeMatch]:
        """Every frame matched in the words; the work (template attempts, role-cue scans) is charged."""
        matches = []
        seen = set()
        for template, first, end in self.index.matches(words, charge):
            if (template.purpose, first, end) not in seen:  # else the same words read by a second template (often of another language)
                seen.add((template.purpose, first, end))
                matches.append((template, first, end))
        benign_frames_by_sentence: dict[int, set[str]] = {}
        for template, first, _ in matches:
            if template.purpose != "identity":
                benign_frames_by_sentence.setdefault(words.sentence[first], set()).add(template.frame)
                if template.reaches_back:  # "Who is in the photo? A general description is enough."
                    benign_frames_by_sentence.setdefault(words.sentence[first] - 1, set()).add(template.frame)
        found = []
        role_cue_in: dict[int, bool] = {}  # per sentence, looked for once: a sentence can hold many matches
        for template, first, end in matches:
            countered = template.purpose == "identity" and (
                bool(template.countered_by & benign_frames_by_sentence.get(words.sentence[first], set()))
                or self._countered(words, template, first, end, role_cue_in, charge)
            )
            found.append(PurposeMatch(template.purpose, template.frame, template.language, words.spans[first][0], words.spans[end - 1][1], countered))
        return found

    def _countered(self, words: Words, template: Template, first: int, end: int, role_cue_in: dict[int, bool], charge: Charge) -> bool:
        sentence = words.sentence[first]
        if template.restrictable:  # every language's phrases: a prompt's language is not known
            for phrases in self._restriction.values():
                if any(match_elements(phrase, words, 0, end, sentence) is not None for phrase in phrases):
                    return True
        if sentence not in role_cue_in:
            role_cue_in[sentence] = self._holds_role_cue(words, first, sentence, charge)
        return role_cue_in[sentence]

    def _holds_role_cue(self, words: Words, inside: int, sentence: int, charge: Charge) -> bool:
        """Whether the sentence around word `inside` names a role ("which of them is the nurse")."""
        start = inside
        while start > 0 and words.sentence[start - 1] == sentence:
            start -= 1
        stop = inside
        while stop < len(words.forms) and words.sentence[stop] == sentence:
            stop += 1
        for at in range(start, stop):
            cues = self._role_cues.starting(words.forms[at])
            charge("purposes", 1 + len(cues))
            if any(match_elements(cue.elements, words, 0, at, sentence) is not None for cue in cues):
                return True
        return False


def shipped_compiled_index() -> dict[str, Any] | None:
    """The frames' index compiled with the shipped purposes.yaml (ruledata.compiled_data); None when
    there is none current (the frames are then indexed from the YAML data: the same index, read more
    slowly)."""
    compiled = compiled_data("purposes.yaml")
    if compiled is None:
        return None
    where = compiled_name("purposes.yaml")
    try:
        index = compiled["index"]
        tables = [index[key] for key in ("by_word", "by_prefix", "by_suffix")]
        valid = all(isinstance(table, dict) and all(isinstance(numbers, str) for numbers in table.values()) for table in tables)
        valid = valid and isinstance(index["longest_affix"], int)
    except (KeyError, TypeError) as error:
        raise RuleDataError(f"{where}: malformed index ({error}); rewrite it with tools/compile_purposes.py") from error
    if not valid:
        raise RuleDataError(f"{where}: malformed index; rewrite it with tools/compile_purposes.py")
    return index
