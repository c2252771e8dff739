"""Turns the text around a call into signals, each tagged with how close to the call it was found."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from flake8_azure_face_policy.budget import WorkBudget
from flake8_azure_face_policy.calls.dataflow import Flow
from flake8_azure_face_policy.model import Evidence, Level, Settings, Signal, TextItem
from flake8_azure_face_policy.source.index import CallCandidate, ModuleIndex, Owner
from flake8_azure_face_policy.context import scorer
from flake8_azure_face_policy.context.project import ProjectContext
from flake8_azure_face_policy.context.structure import StructuralPurpose, load_structure_words, structural_purpose
from flake8_azure_face_policy.context.vocabulary import Vocabulary, load_vocabulary, normalise
from flake8_azure_face_policy.source.secrets import without_credentials
from flake8_azure_face_policy.source.syntax import split_identifier

US_CODES = frozenset({"US", "USA"})


@dataclass(frozen=True)
class ConfigValue:
    label: str  # the config file, relative to the project root
    key: str
    value: str


def _key_forms(key: str) -> list[str]:
    """Lookup forms of a key or of a reference to one: `PATROL_CAMERA_SOURCE` is also found as
    `camera_source` (a pydantic-settings field under env_prefix), `app.camera.source` as `camera.source`."""
    key = key.lower().replace("__", ".").replace("-", "_")
    parts = key.split(".")
    forms = [".".join(parts[i:]) for i in range(len(parts))]
    words = parts[-1].split("_")
    forms += ["_".join(words[i:]) for i in range(1, len(words) - 1)]
    return [form for form in dict.fromkeys(forms) if form]


@lru_cache(maxsize=4096)
def _reference_forms(reference: str) -> list[str]:
    forms = _key_forms(reference)
    # a lone word from a longer reference (`response.choices` -> `choices`) is too loose to link
    return tuple(form for form in forms if form == forms[0] or "." in form or "_" in form)


@lru_cache(maxsize=256)
def config_links(project: ProjectContext) -> dict[str, tuple[ConfigValue, ...]]:
    links: dict[str, list[ConfigValue]] = {}
    for config in project.config_files:
        label = config_label(project, config.path)
        for entry in config.entries:
            if entry.value:
                for form in _key_forms(entry.key):
                    links.setdefault(form, []).append(ConfigValue(label, entry.key, entry.value))
    return {form: tuple(values) for form, values in links.items()}


def config_label(project: ProjectContext, path) -> str:
    """The config file's path from the project root, as found (under the root by construction)."""
    try:
        return path.relative_to(project.root).as_posix()
    except ValueError:
        return path.name


def signal_order(signal: Signal) -> tuple:
    """Closest first; the order every decision reads signals in."""
    return (signal.evidence.sort_key(), signal.name)


def first_of_each(signals: Iterable[Signal]) -> tuple[Signal, ...]:
    """The signals sorted closest first, keeping the first of each (level, signal, negated): all that
    a decision or the inventory reads (the closest stated purpose, trait and context at each
    level). However long a function or module is, what its calls share stays this small."""
    kept: dict[tuple[Level, str, bool], Signal] = {}
    for signal in sorted(signals, key=signal_order):
        kept.setdefault((signal.evidence.level, signal.name, signal.negated), signal)
    return tuple(kept.values())


class EvidenceReader:
    """Scans text items once each (owners' items are shared by every call in them), charging the
    work to the file's budget."""

    def __init__(self, vocabulary: Vocabulary, project: ProjectContext | None = None, budget: WorkBudget | None = None):
        self.vocabulary = vocabulary
        self.project = project
        self.budget = budget or WorkBudget.for_source("")
        self._links = config_links(project) if project is not None else {}
        self._cache: dict[tuple[bool, str], tuple] = {}
        self._owner_signals: dict[tuple[int, Level, bool], list[Signal]] = {}
        self._condensed: dict[tuple[int, Level, bool], tuple[Signal, ...]] = {}
        self._surrounding: dict[int, tuple[Signal, ...]] = {}  # id(owner) -> its calls' levels 2-5, condensed
        self._reused_signals: dict[tuple[Flow, str], list[Signal]] = {}  # (reused flow, items | comments) -> level 1
        self._structures: dict[tuple, StructuralPurpose | None] = {}
        self._scored: dict[tuple[TextItem, ...], Signal | None] = {}

    def owner_signals(self, owner: Owner, level: Level, path: str = "", header_only: bool = False) -> list[Signal]:
        """An owner's signals, built once per file however many calls it holds (no work quadratic in module size).

        `path`: the module it is in when that is another one; `header_only`: its docstring and comments only
        (another module's header, whose names and constants are not context)."""
        key = (id(owner), level, header_only)
        if key not in self._owner_signals:
            items = [item for item in owner.items if item.kind in ("docstring", "comment")] if header_only else owner.items
            self._owner_signals[key] = self.signals(items, level, path)
        return self._owner_signals[key]

    def condensed_signals(self, owner: Owner, level: Level, path: str = "", header_only: bool = False) -> tuple[Signal, ...]:
        """`owner_signals` condensed by `first_of_each`, once per owner: what each call through a
        helper or another module adds stays small however long they are."""
        key = (id(owner), level, header_only)
        if key not in self._condensed:
            self._condensed[key] = first_of_each(self.owner_signals(owner, level, path, header_only))
        return self._condensed[key]

    def surrounding_signals(self, owner: Owner, settings: Settings) -> tuple[Signal, ...]:
        """Levels 2 to 5 of a call in `owner`: its enclosing functions and classes, the module, the
        configuration and the declared context, condensed by `first_of_each`. Built once per owner
        from its parent's (never per call, never re-copying a long function's signals)."""
        chain: list[Owner] = []
        current: Owner | None = owner
        while current is not None and id(current) not in self._surrounding:
            chain.append(current)
            current = current.parent
        tail = self._surrounding[id(current)] if current is not None else ()
        for current in reversed(chain):
            if current.kind == "module":
                own = self.owner_signals(current, Level.MODULE) + list(project_signals(self.project)) + declared_signals(settings, self)
            else:
                own = self.owner_signals(current, Level.FUNCTION)
            self.budget.charge("evidence", len(own) + len(tail))
            tail = first_of_each([*own, *tail])
            self._surrounding[id(current)] = tail
        return tail

    def flow_signals(self, flow: Flow) -> list[Signal]:
        """Level 1 from a flow: its items, then its comments. A flow it reuses (what a reference's
        bindings carry) is scanned once for all the calls that keep it, as its structure is read once."""
        return self._sequence_signals(flow, "items") + self._sequence_signals(flow, "comments")

    def _sequence_signals(self, flow: Flow, sequence: str) -> list[Signal]:
        found: list[Signal] = []
        for piece in flow.pieces("items") if sequence == "items" else flow.comment_pieces():
            if isinstance(piece, Flow):
                key = (piece, sequence)
                if key not in self._reused_signals:
                    self._reused_signals[key] = self._sequence_signals(piece, sequence)
                found += self._reused_signals[key]
            else:
                found += self.signals(piece, Level.CALL)
        return found

    def structural_purpose(self, index: ModuleIndex, flow: Flow) -> StructuralPurpose | None:
        """The purpose the flow's images show by their structure, once per set of images (and calls)."""
        key = tuple(tuple(piece if isinstance(piece, Flow) else tuple(piece) for piece in flow.pieces(name)) for name in ("image_parts", "calls"))
        if key not in self._structures:
            self._structures[key] = structural_purpose(index, flow, load_structure_words())
        return self._structures[key]

    def scored_purpose(self, flows: list[Flow]) -> Signal | None:
        """Identification stated by the scorer over the prose the call sends (its prompt strings, not
        its names, comments or docstrings), when it scores above the model's threshold."""
        prompts = tuple(dict.fromkeys(item for flow in flows for item in flow.every("items") if item.kind == "prompt" and scorer.is_prose(item.text)))
        if not prompts:
            return None
        if prompts not in self._scored:
            model = scorer.load_purpose_scorer()
            texts = [without_credentials(item.text) for item in prompts]
            self.budget.charge("scorer", sum(len(text) for text in texts))
            score = model.score(texts) if model.covers(texts) else None
            signal = None
            if score is not None and score.probability >= model.threshold:
                item = prompts[score.text_index]
                words = ", ".join(score.decisive)
                signal = Signal("identity", "purpose", False, Evidence("scorer", item.line, f"{score.probability:.2f}: {words}", Level.CALL, path=item.path))
            self._scored[prompts] = signal
        return self._scored[prompts]

    def _scan(self, kind: str, text: str) -> tuple:
        key = (kind == "name", text)  # a prompt and the string it is read from are one scan
        matches = self._cache.get(key)
        if matches is None:  # comments too: no credential in a URL is ever a word of evidence
            text = without_credentials(text)
            matches = self.vocabulary.scan(text if kind == "name" else normalise(text), self.budget)
            self._cache[key] = matches
        return matches

    def signals(self, items: Iterable[TextItem], level: Level, path: str = "") -> list[Signal]:
        """`path`: the module the items were read from, for items that do not name one."""
        found = []
        for item in items:
            if item.kind == "config_ref":
                if self._links:
                    found.extend(self._linked_config(item, level))
                continue
            for match in self._scan(item.kind, item.text):
                line = item.line + match.line_offset if item.line else None
                evidence = Evidence(item.kind, line, match.text, level, path=item.path or path)
                found.append(Signal(match.signal, match.role, match.negated, evidence))
        return found

    def _linked_config(self, item: TextItem, level: Level) -> list[Signal]:
        """A key the code reads brings its configured value in at the closeness of the read."""
        for form in _reference_forms(item.text):
            values = self._links.get(form)
            if values:
                return [
                    Signal(match.signal, match.role, match.negated, Evidence("config", item.line, match.text, level, value.label, value.key))
                    for value in values
                    for match in self._scan("config", value.value)
                ]
        return []

    def text_signals(self, text: str, level: Level, source: str, key: str, kind: str = "config") -> list[Signal]:
        return [Signal(m.signal, m.role, m.negated, Evidence(kind, None, m.text, level, source, key)) for m in self._scan(kind, text)]


def call_comments(candidate: CallCandidate) -> list[TextItem]:
    """Level 1 besides the flows: the comments on the call's statement."""
    return [TextItem("comment", comment.line, comment.text) for comment in candidate.comments if comment.is_evidence]


@lru_cache(maxsize=256)
def project_signals(project: ProjectContext | None) -> tuple[Signal, ...]:
    """Level 4: every key path and value of the configuration files near the analysed file. Once
    per project, not per file: its size is bounded by the project's configuration budget."""
    if project is None:
        return ()
    vocabulary = load_vocabulary()
    signals = []
    for config in project.config_files:
        label = config_label(project, config.path)
        for entry in config.entries:
            texts = [normalise(split_identifier(entry.key.replace(".", " ")))] + ([normalise(entry.value)] if entry.value else [])
            for text in texts:
                signals += [Signal(m.signal, m.role, m.negated, Evidence("config", None, m.text, Level.CONFIG, label, entry.key)) for m in vocabulary.scan(text)]
    return tuple(signals)


def effective_declarations(options: Settings, project: ProjectContext | None) -> tuple[tuple[str, str], tuple[tuple[str, ...], str]]:
    """Declared context and jurisdictions, each from the flake8 options when set there, else from
    pyproject.toml: the command line and [flake8] section are more specific, as in flake8 itself."""
    declared = project.declared if project is not None else Settings(source="pyproject")
    context = (options.context, options.source) if options.context else (declared.context, declared.source)
    jurisdictions = (options.jurisdictions, options.source) if options.jurisdictions else (declared.jurisdictions, declared.source)
    return context, jurisdictions


def declared_signals(options: Settings, reader: EvidenceReader) -> list[Signal]:
    """Level 5: the context the team declared."""
    (context, context_source), (jurisdictions, jurisdiction_source) = effective_declarations(options, reader.project)
    signals = []
    if context:
        key = "context" if context_source == "pyproject" else "afp-context"
        signals += reader.text_signals(context, Level.DECLARED, context_source, key, kind="context")
    for code in jurisdictions:
        if code.upper() in US_CODES:
            key = "jurisdiction" if jurisdiction_source == "pyproject" else "afp-jurisdiction"
            signals.append(Signal("us_jurisdiction", "context", False, Evidence("jurisdiction", None, code, Level.DECLARED, jurisdiction_source, key)))
    return signals


def collect_signals(
    reader: EvidenceReader,
    index: ModuleIndex,
    candidate: CallCandidate,
    flows: list[Flow],
    settings: Settings,
    implied: tuple[Signal, ...] = (),
) -> tuple[Signal, ...]:
    """Every signal around the call that a decision reads, closest first: the call's own (level 1)
    in full; its helpers', other modules' and its owner's condensed, shared with the other calls."""
    signals = [signal for flow in flows for signal in reader.flow_signals(flow)] + reader.signals(call_comments(candidate), Level.CALL)
    if flows and not any(signal.role == "purpose" for signal in signals):  # the call's words state none
        structure = reader.structural_purpose(index, flows[0])
        if structure is not None:
            signals.append(Signal("identity", "purpose", False, Evidence("structure", structure.line, structure.text, Level.CALL)))
        elif (scored := reader.scored_purpose(flows)) is not None:
            signals.append(scored)
    for flow in flows:
        for capture in flow.live_captures:
            signals.append(Signal("live", "context", False, Evidence("code", capture.line, capture.text, Level.CALL, path=capture.path)))
    signals += implied
    for owner, path in {key: value for flow in flows for key, value in flow.helpers.items()}.values():
        signals += reader.condensed_signals(owner, Level.FUNCTION, path)
    for owner, path in {key: value for flow in flows for key, value in flow.modules.items()}.values():
        signals += reader.condensed_signals(owner, Level.MODULE, path, header_only=True)
    signals += reader.surrounding_signals(candidate.owner, settings)
    reader.budget.charge("evidence", len(signals))
    return tuple(sorted(signals, key=signal_order))
