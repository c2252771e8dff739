"""Finding the Python files under the paths given to the command line, and reading them safely."""

from __future__ import annotations

import io
import os
import tokenize
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import pathspec

MAX_SOURCE_BYTES = 10 * 1024 * 1024
ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache"})


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


def _excluded(path: Path, patterns: tuple[str, ...]) -> bool:
    """flake8's --exclude: a glob matched against the base name or the path."""
    text = path.as_posix()
    return any(fnmatch(path.name, pattern) or fnmatch(text, pattern) or fnmatch(text, f"*/{pattern}") for pattern in patterns)


def _ignore_spec(folder: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, pathspec.GitIgnoreSpec]]) -> bool:
    for base, spec in specs:
        relative = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        if spec.match_file(relative):
            return True
    return False


def python_files(paths: list[str], excludes: tuple[str, ...] = ()) -> list[Path]:
    """Files named on the command line are taken as they are; folders are walked for `*.py`,
    honouring `.gitignore` files met on the way and the --exclude globs. Sorted, without duplicates."""
    found: set[Path] = set()
    for given in paths:
        root = Path(given)
        if root.is_file():
            found.add(root)
            continue
        specs_by_folder: dict[Path, list[tuple[Path, pathspec.GitIgnoreSpec]]] = {}
        for folder, dirnames, filenames in os.walk(root):
            here = Path(folder)
            inherited = specs_by_folder.get(here, [])
            spec = _ignore_spec(here)
            specs = inherited + ([(here, spec)] if spec is not None else [])
            kept = []
            for name in sorted(dirnames):
                child = here / name
                if name in ALWAYS_SKIPPED or _excluded(child, excludes) or _ignored(child, True, specs):
                    continue
                specs_by_folder[child] = specs
                kept.append(name)
            dirnames[:] = kept
            for name in filenames:
                child = here / name
                if name.endswith(".py") and not _excluded(child, excludes) and not _ignored(child, False, specs):
                    found.add(child)
    return sorted(found, key=lambda path: path.as_posix())


def read_source(path: Path) -> str | SkippedFile:
    """The file's text, decoded as Python does (coding cookie, BOM, else UTF-8; Latin-1 as a last
    resort, as flake8 does), or why it was skipped."""
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            return SkippedFile(str(path), f"larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB")
        raw = path.read_bytes()
    except OSError as error:
        return SkippedFile(str(path), f"unreadable ({error.strerror or type(error).__name__})")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        return raw.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return raw.decode("latin-1")
