"""SARIF 2.1.0 for GitHub code scanning: rules from the rule data and pages, evidence as related locations."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from urllib.parse import quote
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin

from flake8_azure_face_policy import __version__
from flake8_azure_face_policy.report.messages import describe
from flake8_azure_face_policy.model import Evidence, Finding
from flake8_azure_face_policy.context.project import project_root
from flake8_azure_face_policy.ruledata import data_file, load_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "azureFacePolicyCall/v1"
_MARKDOWN_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+)\)", re.IGNORECASE)


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


def sarif_rules() -> list[dict]:
    base = data_file("rules.yaml")["documentation"]
    rules = []
    for rule in load_rules():
        page = rule_page(rule.code)
        tags = ["compliance", "azure-openai"] + ([rule.clause] if rule.clause != "none" else [])
        rules.append(
            {
                "id": rule.code,
                "name": _pascal(rule.name),
                "shortDescription": {"text": rule.title},
                "fullDescription": {"text": _summary(page)},
                "helpUri": f"{base}{rule.code}.md",
                "help": {"text": _summary(page), "markdown": absolute_links(page, f"{base}{rule.code}.md")},
                "defaultConfiguration": {"level": "warning" if rule.code == "AFP900" else "error"},
                "properties": {"tags": tags, "precision": "high"},
            }
        )
    return rules


def _uri(path: Path, cwd: Path) -> str:
    """A relative URI reference: the path's bytes percent-encoded (spaces, `#`, `%`, newlines and
    file names that are not UTF-8 included), `/` kept."""
    return quote(os.fsencode(Path(os.path.relpath(path, cwd)).as_posix()), safe="/")


def _related(evidence: Evidence, number: int, file_uri: str, analysed: Path, cwd: Path) -> dict:
    location: dict = {"id": number, "message": {"text": describe(evidence)}}
    if not evidence.source and not evidence.path:
        artifact = file_uri
    elif evidence.kind in ("context", "jurisdiction") and evidence.source != "pyproject":
        # an --afp-* option (flake8's or the command's) has no place in a file: name the option
        location["logicalLocations"] = [{"name": f"--{evidence.key}", "kind": "parameter", "fullyQualifiedName": f"{evidence.source} --{evidence.key}"}]
        return location
    else:  # a configuration file, or another module of the project: both named from the project root
        root = project_root(analysed)
        artifact = _uri(root / (evidence.path or ("pyproject.toml" if evidence.source == "pyproject" else evidence.source)), cwd)
    physical: dict = {"artifactLocation": {"uri": artifact, "uriBaseId": "%SRCROOT%"}}
    if evidence.line and not evidence.source:
        physical["region"] = {"startLine": evidence.line}
    location["physicalLocation"] = physical
    return location


def sarif_document(findings: list[tuple[str, Finding]], cwd: Path) -> dict:
    """`findings` as (path as given, finding), sorted. Fingerprints hash the call's own text, plus an
    occurrence number for identical calls in one file, so they survive lines moving above them."""
    rules = sarif_rules()
    index_of = {rule["id"]: position for position, rule in enumerate(rules)}
    seen: dict[tuple[str, str, str], int] = {}
    results = []
    for path, finding in findings:
        analysed = Path(path)
        uri = _uri(analysed.resolve(), cwd.resolve())
        occurrence_key = (uri, finding.code, finding.fingerprint)
        seen[occurrence_key] = seen.get(occurrence_key, 0) + 1
        result = {
            "ruleId": finding.code,
            "ruleIndex": index_of[finding.code],
            "level": rules[index_of[finding.code]]["defaultConfiguration"]["level"],
            "message": {"text": f"{finding.code} {finding.message}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": finding.line, "startColumn": finding.column + 1},
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: f"{finding.fingerprint or finding.code}:{seen[occurrence_key]}"},
        }
        related = [_related(item, number, uri, analysed, cwd.resolve()) for number, item in enumerate(finding.evidence, start=1)]
        if related:
            result["relatedLocations"] = related
        results.append(result)
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
                        "informationUri": data_file("rules.yaml")["documentation"].rsplit("/rules/", 1)[0],
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": cwd.resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
