"""The command at its edges: bad values for every option, paths that are not Python, output folders
that do not exist, configuration errors (AFP902), and every SARIF and CycloneDX document it can
write, validated against the official schemas."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import CORPUS

COMMAND = str(Path(sys.executable).parent / "azure-face-policy")
SCHEMA = Path(os.environ.get("AFP_SARIF_SCHEMA", Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-schema-2.1.0.json"))
VIOLATION = (CORPUS / "springfield_pd_patrol" / "patrol_assist" / "recorded_review.py").read_text()
PLAIN = VIOLATION.replace("Detective bureau tool", "Review tool").replace("Springfield Police Department investigations unit", "records team")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture()
def project(tmp_path) -> Path:
    (tmp_path / "setup.cfg").write_text("[flake8]\n")
    (tmp_path / "patrol.py").write_text(VIOLATION)
    (tmp_path / "notes.txt").write_text("not python\n")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.md").write_text("# nothing here\n")
    (tmp_path / "bad.json").write_text("{")
    (tmp_path / "old.json").write_text('{"version": 0, "findings": []}')
    (tmp_path / "folder").mkdir()
    return tmp_path


BAD_USES = [
    ("check", "--format", "xml", "patrol.py"),
    ("inventory", "--format", "sarif", "patrol.py"),
    ("check", "--jobs", "many", "patrol.py"),
    ("check", "--jobs", "-3", "patrol.py"),
    ("check", "--output", "folder", "patrol.py"),
    ("inventory", "-o", "folder", "patrol.py"),
    ("check", "--per-file-ignores", "nonsense", "patrol.py"),
    ("check", "--config", "missing.cfg", "patrol.py"),
    ("check", "--append-config", "missing.cfg", "patrol.py"),
    ("check", "--baseline", "missing.json", "patrol.py"),
    ("check", "--baseline", "bad.json", "patrol.py"),
    ("check", "--baseline", "old.json", "patrol.py"),
    ("check", "--write-baseline", "folder", "patrol.py"),
    ("check", "--add-noqa=", "patrol.py"),
    ("check", "--add-noqa", "  ", "patrol.py"),
    ("check", "--unknown-option", "patrol.py"),
    ("check", "--isolated=yes", "patrol.py"),
    ("check", "--disable-noqa=1", "patrol.py"),
    ("inventory", "--add-noqa", "reason", "patrol.py"),
    ("inventory", "--baseline", "old.json", "patrol.py"),
    ("check", "--output", "patrol.py/report.sarif", "patrol.py"),
    ("check", "no_such_file.py"),
    ("check",),
    ("inventory",),
    ("lint", "patrol.py"),
    (),
]


@pytest.mark.parametrize("args", BAD_USES, ids=lambda args: " ".join(args) or "no arguments")
def test_every_bad_use_exits_2_with_one_line(project, args):
    result = run(*args, cwd=project)
    assert result.returncode == 2, result
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.startswith("azure-face-policy")


def test_output_into_a_folder_that_does_not_exist_is_created(project):
    for command, output_format in (("check", "sarif"), ("check", "json"), ("inventory", "json"), ("inventory", "markdown")):
        target = project / "reports" / "nested" / f"{command}.{output_format}"
        result = run(command, "--format", output_format, "-o", str(target.relative_to(project)), "patrol.py", cwd=project)
        assert result.returncode in (0, 1) and target.stat().st_size > 0, result.stderr


def test_a_file_that_is_not_python_is_reported_as_skipped(project):
    result = run("check", "notes.txt", "patrol.py", cwd=project)
    assert result.returncode == 1 and "patrol.py:14:13: AFP101" in result.stdout
    assert "skipped notes.txt: not a Python file" in result.stderr
    inventory = json.loads(run("inventory", "--format", "json", "notes.txt", cwd=project).stdout)
    assert {"path": "notes.txt", "reason": "not a Python file"} in inventory["skipped"]


def test_a_folder_without_python_files_says_so(project):
    result = run("check", "empty", cwd=project)
    assert result.returncode == 0 and result.stdout == "" and "no Python files to analyse in empty" in result.stderr


def test_a_configuration_file_stands_for_the_python_files_under_its_folder(project):
    (project / "app").mkdir()
    (project / "app" / "field.py").write_text(PLAIN)
    (project / "app" / ".env").write_text("CUSTOMER=Pima County Sheriff's Department\n")
    result = run("check", "app/.env", cwd=project)
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["app/field.py"]
    assert "skipped" not in result.stderr
    whole = run("check", "pyproject.toml" if (project / "pyproject.toml").exists() else "setup.cfg", cwd=project)
    assert {line.split(":")[0] for line in whole.stdout.splitlines()} == {"patrol.py", "app/field.py"}


def test_json_documents_are_objects_with_a_version(project):
    check = json.loads(run("check", "--format", "json", "patrol.py", cwd=project).stdout)
    inventory = json.loads(run("inventory", "--format", "json", "patrol.py", cwd=project).stdout)
    assert check["version"] == inventory["version"] == 1
    assert [item["code"] for item in check["findings"]] == ["AFP101"] and check["suppressed"] == []
    assert [call["rules"] for call in inventory["calls"]] == [["AFP101"]] and inventory["skipped"] == []


CONFIGURATIONS = {
    'jurisdiction = "US, CA"': [],
    'jurisdiction = ["US", "CA"]': [],
    'jurisdiction = "USA"': ["jurisdiction: 'USA' is not an ISO 3166 alpha-2 country code"],
    'jurisdiction = ["US", 3]': ["jurisdiction: expected strings in the list"],
    "jurisdiction = 1": ["jurisdiction: expected a string or a list of strings, got int"],
    "context = 5": ["context: expected a string, got int"],
    'jurisdictions = "US"': ["jurisdictions: unknown key (known: context, jurisdiction)"],
}


@pytest.mark.parametrize("table", list(CONFIGURATIONS))
def test_invalid_configuration_is_afp902_on_each_file_that_uses_it(tmp_path, table):
    context = "" if table.startswith("context") else 'context = "for the county sheriff"\n'
    (tmp_path / "pyproject.toml").write_text(f"[tool.azure-face-policy]\n{context}{table}\n")
    (tmp_path / "field.py").write_text(PLAIN)
    (tmp_path / "unrelated.py").write_text("print('no vision call here')\n")
    findings = json.loads(run("check", "--format", "json", ".", cwd=tmp_path).stdout)["findings"]
    problems = [item["message"] for item in findings if item["code"] == "AFP902"]
    assert [message.split("] ", 1)[1] for message in problems] == CONFIGURATIONS[table]
    assert all(message.startswith("invalid azure-face-policy configuration: pyproject.toml [tool.azure-face-policy] ") for message in problems)
    assert all(item["path"] == "field.py" and item["line"] == 1 for item in findings if item["code"] == "AFP902")
    codes = {item["code"] for item in findings}
    assert "AFP101" in codes or "us" not in table.lower(), "the rest of the configuration still applies"
    assert "AFP201" not in codes or "context = 5" in table


def test_a_jurisdiction_option_that_is_not_a_country_is_afp902(project):
    findings = json.loads(run("check", "--format", "json", "--afp-jurisdiction", "US,XX", "patrol.py", cwd=project).stdout)["findings"]
    assert [(item["code"], item["line"]) for item in findings] == [("AFP902", 1), ("AFP101", 14)]
    assert findings[0]["message"].endswith("flake8 option afp-jurisdiction: 'XX' is not an ISO 3166 alpha-2 country code")


def test_lists_are_read_the_same_way_everywhere(tmp_path):
    (tmp_path / "field.py").write_text(PLAIN.replace('"""Review tool', '"""Review tool for the county sheriff'))
    spellings = [
        ("pyproject.toml", '[tool.azure-face-policy]\njurisdiction = "CA, US"\n', ()),
        ("pyproject.toml", '[tool.azure-face-policy]\njurisdiction = ["CA", "US"]\n', ()),
        ("setup.cfg", "[flake8]\nafp-jurisdiction = CA, US\n", ()),
        ("setup.cfg", "[flake8]\nafp-jurisdiction =\n    CA\n    US\n", ()),
        ("setup.cfg", "[flake8]\n", ("--afp-jurisdiction", "CA,US")),
    ]
    for name, text, options in spellings:
        for stale in ("pyproject.toml", "setup.cfg"):
            (tmp_path / stale).unlink(missing_ok=True)
        (tmp_path / name).write_text(text)
        codes = [item["code"] for item in json.loads(run("check", "--format", "json", *options, "field.py", cwd=tmp_path).stdout)["findings"]]
        assert codes == ["AFP101"], (name, text, options, codes)


def sarif_documents(tmp_path: Path) -> list[dict]:
    """Every kind of SARIF the command writes: findings, none, suppressed, baselined, AFP900 and AFP902
    notifications, and started from a subfolder and from a sibling folder."""
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    (repository / "service" / "app").mkdir(parents=True)
    (repository / "service" / "pyproject.toml").write_text('[tool.azure-face-policy]\njurisdiction = "XX"\n')
    (repository / "service" / "app" / "patrol.py").write_text(VIOLATION)
    (repository / "service" / "app" / "reviewed.py").write_text(VIOLATION.replace("create(\n", "create(  # noqa: AFP101  reviewed 2026-11: fixture\n", 1))
    (repository / "service" / "app" / "broken.py").write_text("import openai\nx = " + "(" * 300 + ")" * 300 + "\n")
    (repository / "tools").mkdir()
    documents = []
    for cwd, target in ((repository, "service"), (repository / "service" / "app", "."), (repository / "tools", "../service/app")):
        documents.append(json.loads(run("check", "--format", "sarif", target, cwd=cwd).stdout))
    documents.append(json.loads(run("check", "--format", "sarif", "tools", cwd=repository).stdout))
    assert run("check", "--write-baseline", "baseline.json", "service/app/patrol.py", cwd=repository).returncode == 0
    documents.append(json.loads(run("check", "--format", "sarif", "--baseline", "baseline.json", "service", cwd=repository).stdout))
    return documents


def test_sarif_uris_are_relative_to_the_repository_however_the_command_is_started(tmp_path):
    started_at_root, in_subfolder, from_sibling, empty, with_baseline = sarif_documents(tmp_path)
    uris = [sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}) for document in (started_at_root, in_subfolder, from_sibling)]
    assert uris[0] == uris[1] == uris[2] == ["service/app/broken.py", "service/app/patrol.py", "service/app/reviewed.py"]
    for document in (started_at_root, in_subfolder, from_sibling):
        run_ = document["runs"][0]
        assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (tmp_path / "repository").as_uri() + "/"
        assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%" for r in run_["results"])
    assert empty["runs"][0]["results"] == []
    states = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r.get("baselineState") for r in with_baseline["runs"][0]["results"]}
    assert states[("service/app/patrol.py", "AFP101")] == "unchanged" and states[("service/app/broken.py", "AFP900")] == "new"


def test_sarif_links_evidence_and_notifies_configuration_and_analysis_failures(tmp_path):
    document = sarif_documents(tmp_path)[0]
    run_ = document["runs"][0]
    patrol = next(r for r in run_["results"] if r["ruleId"] == "AFP101" and "suppressions" not in r)
    assert re.search(r"Evidence: \[prompt L17 '[^']+'\]\(1\), \[docstring L1 'Detective'\]\(2\)", patrol["message"]["text"])
    assert {location["id"] for location in patrol["relatedLocations"]} >= {1, 2}
    notified = {(n["descriptor"]["id"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for n in run_["invocations"][0]["toolExecutionNotifications"]}
    assert ("AFP902", "service/app/patrol.py") in notified and ("AFP900", "service/app/broken.py") in notified
    rules = {rule["id"]: rule for rule in run_["tool"]["driver"]["rules"]}
    assert {"security", "compliance", "COC-US-POLICE-FR"} <= set(rules["AFP101"]["properties"]["tags"])
    assert float(rules["AFP101"]["properties"]["security-severity"]) >= 9.0 and rules["AFP101"]["properties"]["precision"] == "medium"
    assert "security" not in rules["AFP901"]["properties"]["tags"] and "security-severity" not in rules["AFP901"]["properties"]


@pytest.mark.skipif(not SCHEMA.exists(), reason=f"SARIF schema not found at {SCHEMA} (set AFP_SARIF_SCHEMA)")
def test_every_sarif_the_command_writes_validates_against_the_schema(tmp_path):
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    documents = sarif_documents(tmp_path)
    documents.append(json.loads(run("check", "--format", "sarif", "--disable-noqa", ".", cwd=CORPUS).stdout))
    for document in documents:
        jsonschema.validate(document, schema)


def test_cyclonedx_inventory_validates_with_the_librarys_own_validator():
    pytest.importorskip("cyclonedx")
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    result = run("inventory", "--format", "cyclonedx", ".", cwd=CORPUS)
    assert result.returncode == 0, result.stderr
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(result.stdout) is None
    document = json.loads(result.stdout)
    assert document["specVersion"] == "1.6" and document["services"]
    assert run("inventory", "--format", "cyclonedx", ".", cwd=CORPUS).stdout == result.stdout, "the same tree gives the same document"
    properties = {p["name"].rsplit(":", 1)[-1] for service in document["services"] for p in service["properties"]}
    assert {"location", "media", "rules", "client"} <= properties
    staffing = [service for service in document["services"] if service.get("endpoints")]
    assert staffing and all(endpoint.startswith("https://") and "?" not in endpoint for service in staffing for endpoint in service["endpoints"])
    assert "SECRET" not in run("inventory", "--format", "cyclonedx", "cfg_secrets_never_printed", cwd=CORPUS).stdout


def test_cyclonedx_lists_suppressed_codes_with_their_reasons(tmp_path):
    pytest.importorskip("cyclonedx")
    (tmp_path / "setup.cfg").write_text("[flake8]\n")
    (tmp_path / "reviewed.py").write_text(VIOLATION.replace("create(\n", "create(  # noqa: AFP101  reviewed 2026-11: fixture\n", 1))
    document = json.loads(run("inventory", "--format", "cyclonedx", ".", cwd=tmp_path).stdout)
    values = [p["value"] for service in document["services"] for p in service["properties"] if p["name"].endswith(":suppressed")]
    assert values == ["AFP101 suppressed: reviewed 2026-11: fixture"]


def test_a_named_script_without_suffix_is_python_when_its_first_line_says_so(project):
    (project / "bin").mkdir()
    (project / "bin" / "patrol").write_text("#!/usr/bin/env python3\n" + VIOLATION)
    (project / "bin" / "Makefile").write_text("all:\n\ttrue\n")
    result = run("check", "bin/patrol", "bin/Makefile", cwd=project)
    assert result.returncode == 1 and result.stdout.startswith("bin/patrol:15:13: AFP101")
    assert "skipped bin/Makefile: not a Python file" in result.stderr
