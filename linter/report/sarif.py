"""SARIF 2.1.0 for GitHub code scanning: rules from the rule data and pages, evidence as related
locations linked from the message, suppressed and baselined results kept and marked as such.

Artifact URIs are relative to the repository root (the nearest folder holding `.git` from the working
directory upward, else the working directory), under `uriBaseId` `%SRCROOT%`, so a report made in a
subfolder, or on a sibling path, names files as the repository does. GitHub identifies an alert by
repository, file path, rule and `partialFingerprints.primaryLocationLineHash`, which its upload
action computes from the checked-out lines when a report has none; `azureFacePolicyCall/v1` (a hash
of the call's own text) is for other SARIF consumers, and GitHub does not read it."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote, urljoin

from flake8_azure_face_policy import __version__
from flake8_azure_face_policy.context.project import project_root
from flake8_azure_face_policy.model import Evidence, Finding, Result
from flake8_azure_face_policy.report.messages import describe
from flake8_azure_face_policy.ruledata import data_file, load_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "azureFacePolicyCall/v1"
_MARKDOWN_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+)\)", re.IGNORECASE)
SOURCE_ROOT = "%SRCROOT%"
NOTIFIED_CODES = ("AFP900", "AFP902")  # the analysis could not run as configured: a tool notification too


@lru_cache(maxsize=None)
def rule_page(code: str) -> str:
    return resources.files("flake8_azure_face_policy.rule_docs").joinpath(f"{code}.md").read_text(encoding="utf-8")


def _summary(page: str) -> str:
    """The first paragraph of the page's "What it does" section, as plain text."""
    section = page.split("## What it does", 1)[-1].strip().split("\n\n", 1)[0]
    return " ".join(section.split())


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def absolute_links(markdown: str, page_url: str) -> str:
    """A rule page's relative links (`../policy.md#...`) resolved against the page's published URL:
    code scanning shows the help text away from the repository's docs folder."""
    return _MARKDOWN_LINK.sub(lambda link: f"]({urljoin(page_url, link.group(1))})", markdown)


def _sarif_data() -> dict[str, dict]:
    return {entry["code"]: entry.get("sarif", {}) for entry in data_file("rules.yaml")["rules"]}


def sarif_rules() -> list[dict]:
    base = data_file("rules.yaml")["documentation"]
    shown = _sarif_data()
    rules = []
    for rule in load_rules():
        page = rule_page(rule.code)
        data = shown.get(rule.code, {})
        prohibited_use = "security-severity" in data
        tags = (["security"] if prohibited_use else []) + ["compliance", "azure-openai"] + ([rule.clause] if rule.clause != "none" else [])
        properties = {"tags": tags, "precision": data.get("precision", "high")}
        if prohibited_use:
            properties["security-severity"] = str(data["security-severity"])
        rules.append(
            {
                "id": rule.code,
                "name": _pascal(rule.name),
                "shortDescription": {"text": rule.title},
                "fullDescription": {"text": _summary(page)},
                "helpUri": f"{base}{rule.code}.md",
                "help": {"text": _summary(page), "markdown": absolute_links(page, f"{base}{rule.code}.md")},
                "defaultConfiguration": {"level": data.get("level", "error")},
                "properties": properties,
            }
        )
    return rules


def repository_root(cwd: Path) -> Path:
    """The nearest folder from the working directory upward that holds `.git`, else the working directory."""
    for candidate in (cwd, *cwd.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return cwd


def artifact_location(path: Path, root: Path) -> dict:
    """Relative to the repository root under %SRCROOT%; a file outside it by its absolute file URI."""
    resolved = Path(os.path.abspath(path))
    if resolved == root or root in resolved.parents:
        # a relative URI reference: the path's bytes percent-encoded (spaces, `#`, `%`, newlines and
        # file names that are not UTF-8 included), `/` kept
        return {"uri": quote(os.fsencode(resolved.relative_to(root).as_posix()), safe="/"), "uriBaseId": SOURCE_ROOT}
    return {"uri": "file://" + quote(os.fsencode(resolved.as_posix()), safe="/")}


def _escaped(text: str) -> str:
    """Message text in which brackets are literal, not the start of a link."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _related(evidence: Evidence, number: int, analysed: Path, root: Path) -> dict:
    location: dict = {"id": number, "message": {"text": describe(evidence)}}
    if not evidence.source:  # the analysed file, or another module of the project (named from the project root)
        physical: dict = {"artifactLocation": artifact_location(project_root(analysed) / evidence.path if evidence.path else analysed, root)}
        if evidence.line:
            physical["region"] = {"startLine": evidence.line}
    elif evidence.kind in ("context", "jurisdiction") and evidence.source != "pyproject":
        # an --afp-* option (flake8's or the command's) has no place in a file: name the option
        location["logicalLocations"] = [{"name": f"--{evidence.key}", "kind": "parameter", "fullyQualifiedName": f"{evidence.source} --{evidence.key}"}]
        return location
    else:  # a configuration file, named from the project root
        project = project_root(analysed)
        physical = {"artifactLocation": artifact_location(project / ("pyproject.toml" if evidence.source == "pyproject" else evidence.source), root)}
    location["physicalLocation"] = physical
    return location


def _message(finding: Finding, related: list[dict]) -> str:
    """`AFP101 <what> (<clause>). Evidence: [prompt L17 'who is the'](1), ...`: each piece of evidence
    that has a place links to its related location, as GitHub shows them."""
    evidence_text = ", ".join(describe(item) for item in finding.evidence)
    head = finding.message.removesuffix(f" [evidence: {evidence_text}]") if finding.evidence else finding.message
    parts = [
        f"[{_escaped(location['message']['text'])}]({location['id']})" if "physicalLocation" in location else _escaped(location["message"]["text"])
        for location in related
    ]
    text = f"{finding.code} {_escaped(head)}"
    return f"{text}. Evidence: {', '.join(parts)}" if parts else text


def _suppressions(result: Result) -> list[dict]:
    suppression = result.suppression
    if suppression is None:
        return []
    entry = {"kind": suppression.kind, "status": "accepted"}
    if suppression.justification:
        entry["justification"] = suppression.justification
    return [entry]


def _notification(result: Result, location: dict) -> dict:
    return {
        "level": "error" if result.finding.code == "AFP902" else "warning",
        "message": {"text": f"{result.finding.code} {result.finding.message}"},
        "descriptor": {"id": result.finding.code},
        "locations": [location],
    }


def sarif_document(results: list[Result], cwd: Path) -> dict:
    """`results` in report order (by path, then line). Fingerprints hash the call's own text, plus an
    occurrence number for identical calls in one file, so they survive lines moving above them."""
    rules = sarif_rules()
    index_of = {rule["id"]: position for position, rule in enumerate(rules)}
    root = repository_root(Path(os.path.abspath(cwd)))
    seen: dict[tuple[str, str, str], int] = {}
    sarif_results, notifications = [], []
    for result in results:
        finding = result.finding
        analysed = Path(result.path)
        artifact = artifact_location(analysed, root)
        occurrence_key = (artifact["uri"], finding.code, finding.fingerprint)
        seen[occurrence_key] = seen.get(occurrence_key, 0) + 1
        related = [_related(item, number, analysed, root) for number, item in enumerate(finding.evidence, start=1)]
        location = {"physicalLocation": {"artifactLocation": artifact, "region": {"startLine": finding.line, "startColumn": finding.column + 1}}}
        entry: dict = {
            "ruleId": finding.code,
            "ruleIndex": index_of[finding.code],
            "level": rules[index_of[finding.code]]["defaultConfiguration"]["level"],
            "message": {"text": _message(finding, related)},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT_KEY: f"{finding.fingerprint or finding.code}:{seen[occurrence_key]}"},
        }
        if related:
            entry["relatedLocations"] = related
        if result.suppression is not None:
            entry["suppressions"] = _suppressions(result)
        if result.baseline_state is not None:
            entry["baselineState"] = result.baseline_state
        sarif_results.append(entry)
        if finding.code in NOTIFIED_CODES:
            notifications.append(_notification(result, location))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "flake8-azure-face-policy",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": data_file("rules.yaml")["documentation"].rsplit("/blob/", 1)[0],
                        "rules": rules,
                    }
                },
                "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
