"""The pre-commit hook, installed and run by the real pre-commit against this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import CORPUS

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = str(Path(sys.executable).parent / "pre-commit")

pytestmark = pytest.mark.skipif(
    not (ROOT / ".git").exists() or shutil.which("git") is None or not Path(PRE_COMMIT).exists(),
    reason="needs git, pre-commit and a git checkout of this repository",
)


@pytest.fixture(scope="module")
def hook_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")  # shared: the hook's environment is built once


def try_repo(folder: Path, cache: Path, file_name: str) -> subprocess.CompletedProcess:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    subprocess.run([*git, "-C", str(folder), "add", "."], check=True)
    environment = {**os.environ, "PRE_COMMIT_HOME": str(cache)}
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), "azure-face-policy", "--files", file_name],
        cwd=folder, env=environment, capture_output=True, text=True, timeout=900,
    )


def test_hook_fails_on_a_violation(tmp_path, hook_cache):
    (tmp_path / "patrol.py").write_text((CORPUS / "springfield_pd_patrol/patrol_assist/recorded_review.py").read_text())
    result = try_repo(tmp_path, hook_cache, "patrol.py")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "patrol.py:14:13: AFP101" in result.stdout


def test_hook_passes_on_a_clean_file(tmp_path, hook_cache):
    (tmp_path / "shelf.py").write_text((CORPUS / "retail_loss_prevention/store/shelf_audit.py").read_text())
    result = try_repo(tmp_path, hook_cache, "shelf.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_honours_a_reviewed_noqa(tmp_path, hook_cache):
    source = (CORPUS / "springfield_pd_patrol/patrol_assist/recorded_review.py").read_text().splitlines(keepends=True)
    source[13] = source[13].rstrip("\n") + "  # noqa: AFP101  reviewed 2026-11: court-ordered identification, case 4411\n"
    (tmp_path / "patrol.py").write_text("".join(source))
    result = try_repo(tmp_path, hook_cache, "patrol.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_changed_configuration_file_rechecks_the_python_files_under_its_folder(tmp_path, hook_cache):
    """Only `.env` is staged: the hook still runs, on the Python files whose analysis reads it."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "field.py").write_text(
        (CORPUS / "springfield_pd_patrol/patrol_assist/recorded_review.py").read_text().replace("Springfield", "Field").replace("Detective", "Reviewer")
    )
    (tmp_path / "app" / ".env").write_text("CUSTOMER=Pima County Sheriff's Department\nJURISDICTION=US\n")
    result = try_repo(tmp_path, hook_cache, "app/.env")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "app/field.py:" in result.stdout
