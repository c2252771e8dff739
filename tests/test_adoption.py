"""Adopting the linter on an existing codebase: `--add-noqa REASON` and `--baseline` (docs/adoption.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_flake8
from corpus import CORPUS
from flake8_azure_face_policy.add_noqa import merged_comment

COMMAND = str(Path(sys.executable).parent / "azure-face-policy")
VIOLATION = (CORPUS / "springfield_pd_patrol" / "patrol_assist" / "recorded_review.py").read_text()
CALL_LINE = "    reply = client.chat.completions.create(\n"  # line 14 of VIOLATION: AFP101 there


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    ("existing", "codes", "expected"),
    [
        (None, ["AFP101"], "# noqa: AFP101  why"),
        ("# noqa: E501", ["AFP101", "AFP102"], "# noqa: E501, AFP101, AFP102  why"),
        ("# noqa:E501,W291", ["AFP101"], "# noqa:E501,W291, AFP101  why"),
        ("# type: ignore[arg-type]", ["AFP201"], "# type: ignore[arg-type]  # noqa: AFP201  why"),
        ("# noqa: E501  # type: ignore", ["AFP201"], "# noqa: E501, AFP201  why  # type: ignore"),
        ("# noqa: AFP201", [], "# noqa: AFP201  why"),  # AFP901: the reason is filled in
        ("# noqa: AFP201  reviewed by J.", ["AFP201"], None),
        ("# noqa: AFP2  reviewed by J.", ["AFP201"], None),  # a prefix silences it, as in flake8
        ("# noqa: AFP201  reviewed by J.", ["AFP101"], "# noqa: AFP201, AFP101  reviewed by J."),
        ("# noqa", ["AFP101"], None),
    ],
)
def test_merging_with_the_comment_already_there(existing, codes, expected):
    assert merged_comment(existing, codes, "why") == expected


def project(tmp_path: Path, files: dict[str, bytes]) -> Path:
    (tmp_path / "setup.cfg").write_text("[flake8]\n")
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    return tmp_path


def test_add_noqa_changes_only_the_comments_and_is_idempotent(tmp_path):
    crlf_bom = ("\ufeff" + VIOLATION).replace("\n", "\r\n").encode("utf-8")
    latin = ("# -*- coding: latin-1 -*-\n# Überwachung\n" + VIOLATION).encode("latin-1")
    existing = VIOLATION.replace(CALL_LINE, CALL_LINE.rstrip("\n") + "  # noqa: E501  # pragma: no cover\n").encode()
    unreasoned = VIOLATION.replace(CALL_LINE, CALL_LINE.rstrip("\n") + "  # noqa: AFP101\n").encode()
    folder = project(tmp_path, {"crlf_bom.py": crlf_bom, "latin.py": latin, "existing.py": existing, "unreasoned.py": unreasoned})
    before = {path.name: path.read_bytes() for path in folder.glob("*.py")}
    assert run("check", ".", cwd=folder).returncode == 1

    result = run("check", "--add-noqa", "reviewed 2026-11 (A. Auditor): court-ordered review, case 4411", ".", cwd=folder)
    assert result.returncode == 0, result.stderr
    after = {path.name: path.read_bytes() for path in folder.glob("*.py")}
    for name, content in before.items():
        old_lines, new_lines = content.splitlines(keepends=True), after[name].splitlines(keepends=True)
        assert len(old_lines) == len(new_lines)
        changed = [(old, new) for old, new in zip(old_lines, new_lines) if old != new]
        assert len(changed) == 1, name
        old, new = changed[0]
        code = old.split(b"#")[0].rstrip()
        assert new.startswith(code) and b"# noqa" in new[len(code):] and new.endswith(b"\r\n" if b"\r\n" in old else b"\n"), (name, new)
    assert after["crlf_bom.py"].startswith(b"\xef\xbb\xbf") and after["crlf_bom.py"].count(b"\r\n") == crlf_bom.count(b"\r\n")
    assert "# Überwachung".encode("latin-1") in after["latin.py"]
    assert b"# noqa: E501, AFP101  reviewed 2026-11 (A. Auditor): court-ordered review, case 4411  # pragma: no cover" in after["existing.py"]
    assert b"# noqa: AFP101  reviewed 2026-11" in after["unreasoned.py"]

    assert run("check", ".", cwd=folder).returncode == 0
    assert run_flake8("--select=AFP", ".", cwd=folder).stdout == ""
    again = run("check", "--add-noqa", "a second reason", ".", cwd=folder)
    assert again.returncode == 0 and {path.name: path.read_bytes() for path in folder.glob("*.py")} == after


MULTILINE = '''"""Springfield Police Department detective tools."""
from openai import AzureOpenAI

client = AzureOpenAI(api_version="2024-10-21")


def identify(url):
    return client.chat.completions.create(model="d", messages=[{"role": "user", "content": [{"type": "text", "text": """Identify
the person in this photo."""},
        {"type": "image_url", "image_url": {"url": url}}]}])
'''


def test_add_noqa_places_the_comment_where_flake8_reads_it(tmp_path):
    """A call whose first line opens a multi-line string: flake8 reads the noqa at the string's end."""
    folder = project(tmp_path, {"patrol.py": MULTILINE.encode()})
    assert run("check", "patrol.py", cwd=folder).returncode == 1
    assert run("check", "--add-noqa", "reviewed: fixture", "patrol.py", cwd=folder).returncode == 0
    assert 'the person in this photo."""},  # noqa: AFP101  reviewed: fixture\n' in (folder / "patrol.py").read_text()
    assert run_flake8("--select=AFP", "patrol.py", cwd=folder).stdout == ""


def test_add_noqa_refuses_without_a_reason(tmp_path):
    folder = project(tmp_path, {"patrol.py": VIOLATION.encode()})
    for reason in ("", "   "):
        result = run("check", f"--add-noqa={reason}", "patrol.py", cwd=folder)
        assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and "reason" in result.stderr
    assert (folder / "patrol.py").read_text() == VIOLATION


def tracked_copy(destination: Path) -> Path:
    """A copy of this repository's tracked files: a real codebase with the corpus inside."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True, check=True).stdout
    destination.mkdir()
    subprocess.run(["tar", "-x", "-C", str(destination)], input=archive, check=True)
    return destination


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs git and a checkout")
def test_add_noqa_on_a_copy_of_this_repository_silences_everything_and_only_touches_comments(tmp_path):
    copy = tracked_copy(tmp_path / "repo")
    originals = {path: path.read_bytes() for path in copy.rglob("*.py")}
    before = json.loads(run("check", "--format", "json", ".", cwd=copy).stdout)["findings"]
    assert len(before) > 50
    result = run("check", "--add-noqa", "reviewed during adoption: see docs/adoption.md", ".", cwd=copy)
    assert result.returncode == 0, result.stderr
    for path, content in originals.items():
        new = path.read_bytes()
        if new == content:
            continue
        for old_line, new_line in zip(content.splitlines(), new.splitlines(), strict=True):
            assert new_line == old_line or (new_line.startswith(old_line.split(b"#")[0].rstrip()) and b"# noqa" in new_line), path
    after = run("check", "--format", "json", ".", cwd=copy)
    assert after.returncode == 0 and json.loads(after.stdout)["findings"] == []
    assert run_flake8("--select=AFP", "test_corpus", cwd=copy).stdout == ""


def test_baseline_reports_only_new_findings_and_survives_moved_lines(tmp_path):
    folder = project(tmp_path, {"old.py": VIOLATION.encode()})
    written = run("check", "--write-baseline", "audit/baseline.json", ".", cwd=folder)
    assert written.returncode == 0 and "recorded 1 findings" in written.stderr
    recorded = json.loads((folder / "audit" / "baseline.json").read_text())
    assert recorded["version"] == 1 and [entry["code"] for entry in recorded["findings"]] == ["AFP101"]

    (folder / "old.py").write_text("# a header added later\nimport sys\n\n" + VIOLATION)
    quiet = run("check", "--baseline", "audit/baseline.json", ".", cwd=folder)
    assert quiet.returncode == 0 and quiet.stdout == ""

    (folder / "new.py").write_text(VIOLATION)
    noisy = run("check", "--baseline", "audit/baseline.json", ".", cwd=folder)
    assert noisy.returncode == 1 and [line.split(":")[0] for line in noisy.stdout.splitlines()] == ["new.py"]
    document = json.loads(run("check", "--baseline", "audit/baseline.json", "--format", "json", ".", cwd=folder).stdout)
    assert [item["path"] for item in document["findings"]] == ["new.py"] and [item["path"] for item in document["baselined"]] == ["old.py"]
    sarif = json.loads(run("check", "--baseline", "audit/baseline.json", "--format", "sarif", ".", cwd=folder).stdout)
    states = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r["baselineState"] for r in sarif["runs"][0]["results"]}
    assert states == {"old.py": "unchanged", "new.py": "new"}


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs git and a checkout")
def test_baseline_on_a_copy_of_this_repository(tmp_path):
    copy = tracked_copy(tmp_path / "repo")
    assert run("check", "--write-baseline", "baseline.json", ".", cwd=copy).returncode == 0
    assert run("check", "--baseline", "baseline.json", ".", cwd=copy).returncode == 0
    shutil.copy(CORPUS / "springfield_pd_patrol" / "patrol_assist" / "recorded_review.py", copy / "test_corpus" / "springfield_pd_patrol" / "patrol_assist" / "copied.py")
    result = run("check", "--baseline", "baseline.json", ".", cwd=copy)
    assert result.returncode == 1 and {line.split(":")[0] for line in result.stdout.splitlines()} == {"test_corpus/springfield_pd_patrol/patrol_assist/copied.py"}
