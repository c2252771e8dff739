"""Turns the text around a call into signals, each tagged with how close to the call it was found."""

from __future__ import annotations

from typing import Iterable

from linter.dataflow import Flow
from linter.model import Evidence, Level, Settings, Signal, TextItem
from linter.module_index import CallCandidate, ModuleIndex, is_evidence_comment, statement_comments
from linter.vocabulary import Vocabulary, normalise

US_CODES = frozenset({"US", "USA"})


class EvidenceReader:
    """Scans text items once each (owners' items are shared by every call in them)."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._cache: dict[tuple[str, str], tuple] = {}

    def signals(self, items: Iterable[TextItem], level: Level, source: str = "") -> list[Signal]:
        found = []
        for item in items:
            key = (item.kind, item.text)
            matches = self._cache.get(key)
            if matches is None:
                matches = self.vocabulary.scan(item.text if item.kind == "name" else normalise(item.text))
                self._cache[key] = matches
            for match in matches:
                line = item.line + match.line_offset if item.line else None
                evidence = Evidence(item.kind, line, match.text, level, source)
                found.append(Signal(match.signal, match.role, match.negated, evidence))
        return found


def call_items(index: ModuleIndex, candidate: CallCandidate, flows: Iterable[Flow]) -> list[TextItem]:
    """Level 1: what the call's arguments and client reference, and comments on the call's statement."""
    items = [item for flow in flows for item in flow.items]
    for comment in statement_comments(candidate.statement):
        if is_evidence_comment(comment):
            items.append(TextItem("comment", index.line_of(comment), comment.value.lstrip("#").strip()))
    return items


def enclosing_items(candidate: CallCandidate) -> list[TextItem]:
    """Level 2: the enclosing functions and classes, innermost first (not the module)."""
    items: list[TextItem] = []
    owner = candidate.owner
    while owner is not None and owner.kind != "module":
        items.extend(owner.items)
        owner = owner.parent
    return items


def declared_signals(settings: Settings, reader: EvidenceReader) -> list[Signal]:
    """Level 5: the context the team declared (--afp-context, --afp-jurisdiction)."""
    signals = []
    if settings.context:
        signals.extend(reader.signals([TextItem("context", 0, settings.context)], Level.DECLARED, "declared"))
    for code in settings.jurisdictions:
        if code.upper() in US_CODES:
            signals.append(Signal("us_jurisdiction", "context", False, Evidence("jurisdiction", None, code, Level.DECLARED, "declared")))
    return signals


def collect_signals(
    reader: EvidenceReader,
    index: ModuleIndex,
    candidate: CallCandidate,
    flows: list[Flow],
    settings: Settings,
) -> tuple[Signal, ...]:
    signals = reader.signals(call_items(index, candidate, flows), Level.CALL)
    for flow in flows:
        for capture in flow.live_captures:
            signals.append(Signal("live", "context", False, Evidence("code", capture.line, capture.text, Level.CALL)))
    signals += reader.signals(enclosing_items(candidate), Level.FUNCTION)
    signals += reader.signals(index.module_owner.items, Level.MODULE)
    signals += declared_signals(settings, reader)
    return tuple(sorted(signals, key=lambda signal: (signal.evidence.sort_key(), signal.name)))
