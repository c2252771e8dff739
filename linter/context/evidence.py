"""Turns the text around a call into signals, each tagged with how close to the call it was found."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from flake8_azure_face_policy.calls.dataflow import Flow
from flake8_azure_face_policy.model import Evidence, Level, Settings, Signal, TextItem
from flake8_azure_face_policy.source.index import CallCandidate, ModuleIndex, Owner
from flake8_azure_face_policy.context.project import ProjectContext
from flake8_azure_face_policy.context.structure import load_structure_words, structural_purpose
from flake8_azure_face_policy.context.vocabulary import Vocabulary, normalise
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


class EvidenceReader:
    """Scans text items once each (owners' items are shared by every call in them)."""

    def __init__(self, vocabulary: Vocabulary, project: ProjectContext | None = None):
        self.vocabulary = vocabulary
        self.project = project
        self._links = config_links(project) if project is not None else {}
        self._cache: dict[tuple[str, str], tuple] = {}
        self._owner_signals: dict[tuple[int, Level], list[Signal]] = {}
        self._outer_signals: list[Signal] | None = None

    def owner_signals(self, owner: Owner, level: Level, path: str = "", header_only: bool = False) -> list[Signal]:
        """An owner's signals, built once per file however many calls it holds (no work quadratic in module size).

        `path`: the module it is in when that is another one; `header_only`: its docstring and comments only
        (another module's header, whose names and constants are not context)."""
        key = (id(owner), level, header_only)
        if key not in self._owner_signals:
            items = [item for item in owner.items if item.kind in ("docstring", "comment")] if header_only else owner.items
            self._owner_signals[key] = self.signals(items, level, path)
        return self._owner_signals[key]

    def outer_signals(self, settings: Settings) -> list[Signal]:
        """Configuration and declared context: the same for every call of the file."""
        if self._outer_signals is None:
            self._outer_signals = project_signals(self) + declared_signals(settings, self)
        return self._outer_signals

    def _scan(self, kind: str, text: str) -> tuple:
        key = (kind, text)
        matches = self._cache.get(key)
        if matches is None:
            matches = self.vocabulary.scan(text if kind == "name" else normalise(text))
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


def call_items(index: ModuleIndex, candidate: CallCandidate, flows: Iterable[Flow]) -> list[TextItem]:
    """Level 1: what the call's arguments and client reference, and comments on the call's statement."""
    items = [item for flow in flows for item in flow.items]
    for comment in index.statement_comments(candidate.statement):
        if comment.is_evidence:
            items.append(TextItem("comment", comment.line, comment.text))
    return items


def enclosing_owners(candidate: CallCandidate) -> list[Owner]:
    """Level 2: the enclosing functions and classes, innermost first (not the module)."""
    owners: list[Owner] = []
    owner = candidate.owner
    while owner is not None and owner.kind != "module":
        owners.append(owner)
        owner = owner.parent
    return owners


def project_signals(reader: EvidenceReader) -> list[Signal]:
    """Level 4: every key path and value of the configuration files near the analysed file."""
    project = reader.project
    if project is None:
        return []
    signals = []
    for config in project.config_files:
        label = config_label(project, config.path)
        for entry in config.entries:
            signals += reader.text_signals(split_identifier(entry.key.replace(".", " ")), Level.CONFIG, label, entry.key)
            if entry.value:
                signals += reader.text_signals(entry.value, Level.CONFIG, label, entry.key)
    return signals


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
) -> tuple[Signal, ...]:
    """Every signal around the call, unordered (the engine sorts them, closest first)."""
    signals = reader.signals(call_items(index, candidate, flows), Level.CALL)
    if flows and not any(signal.role == "purpose" for signal in signals):  # the call's words state none
        structure = structural_purpose(index, flows[0], load_structure_words())
        if structure is not None:
            signals.append(Signal("identity", "purpose", False, Evidence("structure", structure.line, structure.text, Level.CALL)))
    for flow in flows:
        for capture in flow.live_captures:
            signals.append(Signal("live", "context", False, Evidence("code", capture.line, capture.text, Level.CALL, path=capture.path)))
    for owner in enclosing_owners(candidate):
        signals += reader.owner_signals(owner, Level.FUNCTION)
    for owner, path in {key: value for flow in flows for key, value in flow.helpers.items()}.values():
        signals += reader.owner_signals(owner, Level.FUNCTION, path)
    signals += reader.owner_signals(index.module_owner, Level.MODULE)
    for owner, path in {key: value for flow in flows for key, value in flow.modules.items()}.values():
        signals += reader.owner_signals(owner, Level.MODULE, path, header_only=True)
    signals += reader.outer_signals(settings)
    return tuple(signals)
