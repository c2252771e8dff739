"""The one analysis every front end shares: source -> vision calls -> decisions -> findings."""

from __future__ import annotations

import ast
import hashlib
import warnings
from functools import lru_cache
from pathlib import Path

from flake8_azure_face_policy.calls.families import CallShape, ClientFamily, ClientResolver, client_families
from flake8_azure_face_policy.calls.dataflow import Flow, FlowFollower
from flake8_azure_face_policy.decisions.decide import decide
from flake8_azure_face_policy.context.evidence import EvidenceReader, collect_signals
from flake8_azure_face_policy.report.messages import format_message
from flake8_azure_face_policy.report.safe_text import safe_text
from flake8_azure_face_policy.model import Finding, Settings, VisionCall
from flake8_azure_face_policy.source.index import CallCandidate, build_index
from flake8_azure_face_policy.source.syntax import call_arguments, keyword_argument, source_lines
from flake8_azure_face_policy.calls.providers import endpoint_text
from flake8_azure_face_policy.source.prefilter import might_send_media
from flake8_azure_face_policy.source.pruning import relevant_statements
from flake8_azure_face_policy.context.project import project_context
from flake8_azure_face_policy.ruledata import data_file, load_rules, rule_by_code
from flake8_azure_face_policy.context.vocabulary import load_vocabulary

FAILURE_CODE = "AFP900"


class AnalysisFailure(Exception):
    """The file cannot be analysed; the message is the reason shown with AFP900."""


@lru_cache(maxsize=None)
def request_method_names() -> frozenset[str]:
    """Every method or function name that sends a request in some client family."""
    return frozenset().union(*(family.request_method_names for family in client_families()))


@lru_cache(maxsize=None)
def mutating_methods() -> frozenset[str]:
    return frozenset(data_file("dataflow.yaml")["mutating_methods"])


def parse(source: str, tree: ast.Module | None) -> ast.Module:
    """The module's `ast` tree: the caller's when it has one (flake8 has), else parsed here."""
    if tree is not None:
        return tree
    try:
        with warnings.catch_warnings():  # SyntaxWarnings are about the user's code, not this report
            warnings.simplefilter("ignore")
            return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise AnalysisFailure(f"Python could not parse it ({type(error).__name__}: {error})") from error


def vision_calls(
    source: str,
    path: str | None = None,
    settings: Settings = Settings(),
    tree: ast.Module | None = None,
    other_providers: bool = False,
) -> list[VisionCall]:
    """Every vision call in the source that is not provably sent to another provider (with
    `other_providers`, those too, for the inventory).

    `path` (the file's path, or flake8's --stdin-display-name) locates the project whose
    configuration files and declared context are read; None reads none. `tree` is the source's
    `ast` tree when the caller has it (flake8 does)."""
    source = source.lstrip("\ufeff")
    if not might_send_media(source):
        return []
    families = client_families()
    names = request_method_names()
    tree = parse(source, tree)
    kept = relevant_statements(source, tree, names)
    if kept is None:
        return []
    index = build_index(tree, source_lines(source), kept, names, mutating_methods())
    if not index.candidates:
        return []
    resolver = ClientResolver(index)
    shapes = {id(candidate.node): shape for candidate in index.candidates if (shape := _shape(candidate, families, resolver)) is not None}
    follower = FlowFollower(index, requests=frozenset(shapes))
    reader: EvidenceReader | None = None
    calls = []
    for candidate in index.candidates:
        shape = shapes.get(id(candidate.node))
        if shape is None or (shape.provider.status == "not_azure" and not other_providers):
            continue
        arguments = follower.follow(
            (value, candidate.scope, label)
            for keyword, value in call_arguments(candidate.node)
            if (label := follower.labels.label(keyword, "prompt")) is not None
        )
        client = follower.follow([(shape.receiver, candidate.scope, "string")]) if shape.receiver is not None else Flow()
        media = frozenset(arguments.media) | frozenset(client.media) | shape.implied_media
        if not media:
            continue
        if reader is None:  # configuration is read only for files that hold a vision call
            reader = EvidenceReader(load_vocabulary(), project_context(Path(path)) if path else None)
        signals = collect_signals(reader, index, candidate, [arguments, client], settings) + shape.implied_signals
        calls.append(
            VisionCall(
                family=shape.family,
                method=shape.method,
                line=index.line_of(candidate.node),
                column=index.column_of(candidate.node),
                media=media,
                provider=shape.provider,
                signals=tuple(sorted(signals, key=lambda signal: (signal.evidence.sort_key(), signal.name))),
                fingerprint=hashlib.sha256(" ".join(index.source_of(candidate.node).split()).encode()).hexdigest()[:20],
                deployment=deployment_of(candidate, follower),
                sources=frozenset(arguments.sources | client.sources),
            )
        )
    return sorted(calls, key=lambda call: (call.line, call.column))


def _shape(candidate: CallCandidate, families: tuple[ClientFamily, ...], resolver: ClientResolver) -> CallShape | None:
    return next((found for family in families if (found := family.match(candidate, resolver)) is not None), None)


def deployment_of(candidate: CallCandidate, follower: FlowFollower) -> str:
    """The deployment (model) argument as far as the module shows it: a literal, `$ENV_VAR`, an f-string."""
    argument = keyword_argument(candidate.node, follower.labels.model)
    return (endpoint_text(argument.value, candidate.scope, follower.index) or "") if argument is not None else ""


def findings_for(call: VisionCall) -> list[Finding]:
    if call.provider.status == "not_azure":
        return []
    return [
        Finding(
            call.line,
            call.column,
            decision.rule.code,
            format_message(decision.rule.message, decision.rule.clause, decision.evidence),
            decision.evidence,
            call.fingerprint,
        )
        for decision in decide(call, load_rules())
    ]


def failure(reason: str) -> Finding:
    rule = rule_by_code(FAILURE_CODE)
    return Finding(1, 0, FAILURE_CODE, f"{rule.message}: {safe_text(' '.join(reason.split())[:200])}")


def failure_reason(error: BaseException) -> str:
    if isinstance(error, AnalysisFailure):
        return str(error)
    return f"internal error {type(error).__name__}: {error}"


def analyse(source: str, path: str | None = None, settings: Settings = Settings(), tree: ast.Module | None = None) -> list[Finding]:
    """All findings for one file's source. Never raises: a failure becomes one AFP900 finding.

    `tree` is the source's `ast` tree when the caller has it (flake8 passes it to plugins)."""
    try:
        return [finding for call in vision_calls(source, path, settings, tree) for finding in findings_for(call)]
    except Exception as error:  # a bug of ours must not abort the user's whole flake8 run
        return [failure(failure_reason(error))]
