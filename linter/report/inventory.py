"""The audit view: every vision call, the context inferred for it, and what fired or why nothing did."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from flake8_azure_face_policy import __version__
from flake8_azure_face_policy.decisions.decide import closest_context, decide, stated_purpose
from flake8_azure_face_policy.report.messages import describe, snippet
from flake8_azure_face_policy.report.safe_text import safe_json, safe_text
from flake8_azure_face_policy.model import Evidence, Suppression, VisionCall
from flake8_azure_face_policy.ruledata import load_rules


_URL = re.compile(r"https?://[^\s'\"()<>]+")


@dataclass(frozen=True)
class InventoryEntry:
    path: str
    line: int
    column: int  # 1-based, as shown to people
    family: str
    method: str
    provider: str
    provider_evidence: str
    deployment: str
    media: tuple[str, ...]
    image_sources: tuple[str, ...]
    purpose: str
    purpose_evidence: str
    context: tuple[str, ...]
    rules: tuple[str, ...]
    why_no_rule: str
    evidence: tuple[str, ...]
    unresolved: bool = False  # a possible vision call: its client is not known (why_no_rule says why)
    endpoint: str = ""  # the service URL when the code names a literal one (no credentials, query or fragment)
    suppressions: tuple[Suppression, ...] = ()  # of codes in `rules`: what flake8 would not show, and why

    def with_suppressions(self, suppressions: list[Suppression]) -> "InventoryEntry":
        return replace(self, suppressions=tuple(suppressions))


def endpoint_url(evidence: Evidence) -> str:
    """The endpoint's URL as the code writes it, reduced to scheme, host, port and path."""
    match = _URL.search(evidence.text) if evidence.kind == "endpoint" else None
    if match is None:
        return ""
    try:
        parts = urlsplit(match.group(0))
        host, port = parts.hostname, parts.port
    except ValueError:
        return ""
    if not host or "{" in parts.netloc:
        return ""
    return f"{parts.scheme}://{host}{f':{port}' if port else ''}{parts.path}"


def _why_no_rule(call: VisionCall, purpose_name: str | None, purpose_evidence: str) -> str:
    if call.unresolved:
        return f"possible vision call, {call.unresolved}"
    if call.provider.status == "not_azure":
        return f"not sent to Azure ({describe(call.provider.evidence)})"
    if call.image_from_callers:
        return f"the image is given by the callers of {call.image_from_callers}, each decided at its call"
    if purpose_name is None:
        return "no purpose stated anywhere in its context"
    if purpose_name != "identity":
        return f"stated purpose is not identification ({purpose_evidence})"
    return "identification by face, but only audio is sent"


def inventory_entry(call: VisionCall, path: str) -> InventoryEntry:
    purpose = stated_purpose(call.signals)
    purpose_evidence = describe(purpose.evidence) if purpose.evidence else ""
    decisions = [] if call.provider.status == "not_azure" or call.unresolved or call.image_from_callers else decide(call, load_rules())
    context = closest_context(call.signals)
    if decisions:
        evidence = tuple(dict.fromkeys(describe(item) for decision in decisions for item in decision.evidence))
    else:
        evidence = tuple(dict.fromkeys([purpose_evidence] * bool(purpose_evidence) + [describe(item) for item in context.values()] + [describe(call.provider.evidence)]))
    return InventoryEntry(
        path=path,
        line=call.line,
        column=call.column + 1,
        family=call.family,
        method=call.method,
        provider=call.provider.status,
        provider_evidence=describe(call.provider.evidence),
        deployment=snippet(call.deployment),
        media=tuple(sorted(call.media)),
        image_sources=tuple(sorted(call.sources)),
        purpose=purpose.name or "none stated",
        purpose_evidence=purpose_evidence,
        context=tuple(sorted(context)),
        rules=tuple(decision.rule.code for decision in decisions),
        why_no_rule="" if decisions else _why_no_rule(call, purpose.name, purpose_evidence),
        evidence=evidence,
        unresolved=bool(call.unresolved),
        endpoint=endpoint_url(call.provider.evidence),
    )


def suppression_text(item: Suppression) -> str:
    return f"{item.code} suppressed: {item.justification or 'no reason given'}"


def render_json(entries: list[InventoryEntry], skipped: list[tuple[str, str]], version: int) -> str:
    """{"version", "tool", "calls": [...], "unresolved": [...], "skipped": [...]}: possible vision calls,
    whose client is not known, in a list of their own."""
    possible = [
        {
            "path": entry.path,
            "line": entry.line,
            "column": entry.column,
            "method": entry.method,
            "media": list(entry.media),
            "image_sources": list(entry.image_sources),
            "purpose": entry.purpose,
            "purpose_evidence": entry.purpose_evidence,
            "reason": entry.why_no_rule,
        }
        for entry in entries
        if entry.unresolved
    ]
    calls = [
        {
            "path": entry.path,
            "line": entry.line,
            "column": entry.column,
            "family": entry.family,
            "method": entry.method,
            "provider": entry.provider,
            "provider_evidence": entry.provider_evidence,
            "deployment": entry.deployment,
            "endpoint": entry.endpoint or None,
            "media": list(entry.media),
            "image_sources": list(entry.image_sources),
            "purpose": entry.purpose,
            "purpose_evidence": entry.purpose_evidence,
            "context": list(entry.context),
            "rules": list(entry.rules),
            "why_no_rule": entry.why_no_rule,
            "evidence": list(entry.evidence),
            "suppressions": [{"code": item.code, "kind": item.kind, "reason": item.justification or None} for item in entry.suppressions],
        }
        for entry in entries
        if not entry.unresolved
    ]
    document = {
        "version": version,
        "tool": f"flake8-azure-face-policy {__version__}",
        "calls": calls,
        "unresolved": possible,
        "skipped": [{"path": path, "reason": reason} for path, reason in skipped],
    }
    return json.dumps(safe_json(document), indent=2, ensure_ascii=False) + "\n"


def _cell(text: str) -> str:
    return safe_text(text).replace("|", "\\|") or "-"


def render_markdown(all_entries: list[InventoryEntry], skipped: list[tuple[str, str]]) -> str:
    entries = [entry for entry in all_entries if not entry.unresolved]
    possible = [entry for entry in all_entries if entry.unresolved]
    flagged = sum(1 for entry in entries if entry.rules)
    suppressed = sum(1 for entry in entries if entry.suppressions)
    lines = [
        "# Vision call inventory",
        "",
        f"{len(entries)} vision calls, {flagged} flagged, {len(possible)} possible vision calls (client not resolved), {len(skipped)} files skipped;"
        f" {suppressed} with suppressed codes.",
        "",
        "| location | client | provider | deployment | media | image source | purpose | context | rules |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for entry in entries:
        rules = ", ".join(entry.rules) if entry.rules else f"none: {entry.why_no_rule}"
        if entry.suppressions:
            rules += "; " + "; ".join(suppression_text(item) for item in entry.suppressions)
        lines.append(
            "| "
            + " | ".join(
                _cell(text)
                for text in (
                    f"{entry.path}:{entry.line}:{entry.column}",
                    f"{entry.family} `{entry.method}`",
                    f"{entry.provider} ({entry.provider_evidence})",
                    entry.deployment,
                    ", ".join(entry.media),
                    ", ".join(entry.image_sources),
                    f"{entry.purpose} {entry.purpose_evidence}".strip(),
                    ", ".join(entry.context),
                    rules,
                )
            )
            + " |"
        )
    if possible:
        lines += [
            "",
            "## Possible vision calls, client not resolved",
            "",
            "These calls carry an image, but the client that sends it could not be followed; no rule is decided for them.",
            "",
            "| location | call | media | image source | purpose | why |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += [
            "| "
            + " | ".join(
                _cell(text)
                for text in (
                    f"{entry.path}:{entry.line}:{entry.column}",
                    f"`{entry.method}`",
                    ", ".join(entry.media),
                    ", ".join(entry.image_sources),
                    f"{entry.purpose} {entry.purpose_evidence}".strip(),
                    entry.why_no_rule.removeprefix("possible vision call, "),
                )
            )
            + " |"
            for entry in possible
        ]
    if skipped:
        lines += ["", "## Skipped", "", "| path | reason |", "| --- | --- |"]
        lines += [f"| {_cell(path)} | {_cell(reason)} |" for path, reason in skipped]
    return "\n".join(lines) + "\n"
