"""One behaviour in every front end: flake8 with the plugin and `azure-face-policy check` (text,
JSON, SARIF) and the inventory report the same findings for the same tree, with the same settings
read from the working directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, run_flake8
from corpus import CORPUS

COMMAND = str(Path(sys.executable).parent / "azure-face-policy")
FLAKE8_FORMAT = "--format=%(path)s|%(row)d|%(col)d|%(code)s"

CALL = '''\
def {name}(url):
    return client.chat.completions.create(model="d", messages=[{{"role": "user", "content": [{comment}
        {{"type": "text", "text": "Identify the person in this photo."}},
        {{"type": "image_url", "image_url": {{"url": url}}}}]}}])
'''
HEADER = '"""{doc}"""\nfrom openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-10-21")\n\n\n'
POLICE = "Springfield Police Department patrol tools."


def module(doc: str, *comments: str, prefix: str = "") -> str:
    calls = "\n\n".join(CALL.format(name=f"identify_{number}", comment=comment) for number, comment in enumerate(comments))
    return prefix + HEADER.format(doc=doc) + calls


MULTILINE_STRING_CALL = HEADER.format(doc=POLICE) + textwrap.dedent(
    '''\
    def identify(url):
        return client.chat.completions.create(model="d", messages=[{"role": "user", "content": [{"type": "text", "text": """Identify
    the person in this photo."""},  # noqa: AFP101  reviewed: flake8 reads this noqa for every line of the string
            {"type": "image_url", "image_url": {"url": url}}]}])
    '''
)

TREE = {
    "setup.cfg": textwrap.dedent(
        """\
        [flake8]
        afp-context = built for the county sheriff
        afp-jurisdiction = US, CA
        extend-exclude = generated
        per-file-ignores =
            legacy/*.py: AFP101
        """
    ),
    "pyproject.toml": '[tool.azure-face-policy]\njurisdiction = "US, XX"\ncolour = "blue"\n',
    "app/__init__.py": "",
    "app/patrol.py": module(POLICE, ""),
    "app/field.py": module("Field tools.", ""),  # AFP101 only through the declared context
    "app/reviewed.py": module(POLICE, "  # noqa: AFP101  reviewed 2026-11: court-ordered, see ticket", "  # noqa: AFP101"),
    "app/bare.py": module(POLICE, "  # noqa"),
    "app/other_code.py": module(POLICE, "  # noqa: E501  long line, not this finding"),
    "app/prefix.py": module(POLICE, "  # noqa:AFP1"),
    "app/lower_case.py": module(POLICE, "  # noqa: afp101  flake8 compares codes as written"),
    "app/whole_file.py": module(POLICE, "", prefix="# flake8: noqa\n"),
    "app/string.py": MULTILINE_STRING_CALL,
    "app/no_call.py": "x = 1  # noqa: AFP201\n",
    "legacy/old.py": module(POLICE, ""),
    "generated/gen.py": module(POLICE, ""),
}


def flake8_findings(target: str, cwd: Path) -> set[tuple[str, int, int, str]]:
    result = run_flake8("--select=AFP", FLAKE8_FORMAT, target, cwd=cwd)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    found = set()
    for line in result.stdout.splitlines():
        path, row, column, code = line.rsplit("|", 3)
        found.add((os.path.normpath(path), int(row), int(column), code))
    return found


def check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, "check", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def command_findings(target: str, cwd: Path) -> set[tuple[str, int, int, str]]:
    result = check("--format", "json", target, cwd=cwd)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result.stderr
    return {(os.path.normpath(item["path"]), item["line"], item["column"], item["code"]) for item in json.loads(result.stdout)["findings"]}


def sarif_unsuppressed(target: str, cwd: Path) -> set[tuple[str, int, int, str]]:
    document = json.loads(check("--format", "sarif", target, cwd=cwd).stdout)
    base = Path(document["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].removeprefix("file://"))
    found = set()
    for result in document["runs"][0]["results"]:
        if result.get("suppressions"):
            continue
        location = result["locations"][0]["physicalLocation"]
        path = os.path.relpath(base / location["artifactLocation"]["uri"], cwd)
        found.add((os.path.normpath(path), location["region"]["startLine"], location["region"]["startColumn"], result["ruleId"]))
    return found


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("parity")
    for name, text in TREE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_whole_corpus_gives_the_same_findings():
    by_flake8 = flake8_findings("test_corpus", ROOT)
    assert by_flake8, "the corpus has findings"
    assert command_findings("test_corpus", ROOT) == by_flake8
    assert sarif_unsuppressed("test_corpus", ROOT) == by_flake8


def test_a_tree_with_noqa_per_file_ignores_excludes_and_options_gives_the_same_findings(tree):
    by_flake8 = flake8_findings(".", tree)
    assert command_findings(".", tree) == by_flake8
    assert sarif_unsuppressed(".", tree) == by_flake8
    text = check(".", cwd=tree).stdout
    assert {(os.path.normpath(path), int(row), int(column), code.split()[0]) for path, row, column, code in (line.split(":", 3) for line in text.splitlines())} == by_flake8
    # and what that means, so the equality above is not two empty sets
    codes_by_file: dict[str, set[str]] = {}
    for path, _, _, code in by_flake8:
        codes_by_file.setdefault(path, set()).add(code)
    assert {"AFP101", "AFP902"} <= codes_by_file["app/patrol.py"]
    assert "AFP101" in codes_by_file["app/field.py"], "afp-context and afp-jurisdiction from setup.cfg"
    assert codes_by_file["app/reviewed.py"] >= {"AFP901"} and "AFP101" not in codes_by_file["app/reviewed.py"]
    assert "AFP101" in codes_by_file["app/other_code.py"] and "AFP101" in codes_by_file["app/lower_case.py"]
    for silenced in ("app/bare.py", "app/whole_file.py", "app/string.py", "app/prefix.py", "legacy/old.py"):
        assert "AFP101" not in codes_by_file.get(silenced, set()), silenced
    assert "generated/gen.py" not in codes_by_file
    assert codes_by_file["app/no_call.py"] == {"AFP901"}


def test_files_named_one_by_one_give_the_same_findings_as_flake8(tree):
    """As pre-commit passes them: exclude and per-file-ignores still apply to named files."""
    for name in ("generated/gen.py", "legacy/old.py", "app/reviewed.py", "app/string.py"):
        assert command_findings(name, tree) == flake8_findings(name, tree), name


def test_the_inventory_shows_what_flake8_silences_and_why(tree):
    document = json.loads(subprocess.run([COMMAND, "inventory", "--format", "json", "app", "legacy"], cwd=tree, capture_output=True, text=True, timeout=600).stdout)
    by_file: dict[str, list[dict]] = {}
    for call in document["calls"]:
        by_file.setdefault(call["path"], []).append(call)
    reviewed = by_file["app/reviewed.py"]
    assert [call["suppressions"] for call in reviewed] == [
        [{"code": "AFP101", "kind": "inSource", "reason": "reviewed 2026-11: court-ordered, see ticket"}],
        [{"code": "AFP101", "kind": "inSource", "reason": None}],
    ]
    assert by_file["app/bare.py"][0]["suppressions"] == [{"code": "AFP101", "kind": "inSource", "reason": None}]
    assert by_file["legacy/old.py"][0]["suppressions"][0]["kind"] == "external"
    assert by_file["app/patrol.py"][0]["suppressions"] == []
    assert by_file["app/patrol.py"][0]["rules"] == ["AFP101"]
    markdown = subprocess.run([COMMAND, "inventory", "app"], cwd=tree, capture_output=True, text=True, timeout=600).stdout
    assert "AFP101 suppressed: reviewed 2026-11: court-ordered, see ticket" in markdown and "AFP101 suppressed: no reason given" in markdown


def test_sarif_keeps_suppressed_results_with_the_reason(tree):
    results = json.loads(check("--format", "sarif", "app", cwd=tree).stdout)["runs"][0]["results"]
    suppressed = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"], r["suppressions"]) for r in results if r.get("suppressions")]
    assert ("app/bare.py", "AFP101", [{"kind": "inSource", "status": "accepted"}]) in suppressed
    assert ("app/reviewed.py", "AFP101", [{"kind": "inSource", "status": "accepted", "justification": "reviewed 2026-11: court-ordered, see ticket"}]) in suppressed


def test_disable_noqa_and_isolated_are_flake8s(tree):
    assert command_findings(".", tree) != set()
    result = check("--format", "json", "--disable-noqa", "app/bare.py", cwd=tree)
    assert "AFP101" in {item["code"] for item in json.loads(result.stdout)["findings"]}
    isolated = check("--format", "json", "--isolated", "app/field.py", cwd=tree)
    assert "AFP101" not in {item["code"] for item in json.loads(isolated.stdout)["findings"]}
    assert run_flake8("--isolated", "--select=AFP", "app/field.py", cwd=tree).stdout.count("AFP101") == 0
