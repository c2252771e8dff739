from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from corpus import CORPUS

ROOT = Path(__file__).resolve().parent.parent


FLAKE8 = str(Path(sys.executable).parent / "flake8")


def run_flake8(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Real flake8 in a subprocess, as users run it."""
    return subprocess.run(
        [FLAKE8, *args],
        cwd=cwd or ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def corpus_report() -> dict[Path, set[tuple[int, str]]]:
    """One flake8 run over the whole corpus: {file: {(line, code)}}."""
    result = run_flake8("--isolated", "--select=AFP", "--format=%(path)s|%(row)d|%(code)s", str(CORPUS))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    report: dict[Path, set[tuple[int, str]]] = defaultdict(set)
    for line in result.stdout.splitlines():
        path, row, code = line.rsplit("|", 2)
        report[Path(path).resolve()].add((int(row), code))
    return report


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """The analysis never reaches the network: any socket connection in the test process fails."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the analysis tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
