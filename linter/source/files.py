"""Finding the Python files under the paths given to the command line, and reading them safely."""

from __future__ import annotations

import codecs
import io
import os
import stat
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pathspec

MAX_SOURCE_BYTES = 10 * 1024 * 1024
MAX_IGNORE_FILE_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
# Codecs whose decoding time grows with the square of the input: a cookie naming one is not obeyed
_QUADRATIC_CODECS = frozenset({"punycode", "idna"})
ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache"})


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


class NotRead(Exception):
    """Why a file was not read; the message is the reason shown to people."""


def _size_text(size: int) -> str:
    return f"{size // (1024 * 1024)} MiB" if size >= 10 * 1024 * 1024 else f"{size // 1024} KiB"


def read_regular_file(path: Path | str, limit: int) -> bytes:
    """At most `limit` bytes of a regular file, or NotRead. The open never blocks (a FIFO named like
    a source or config file), a device or folder behind a link is refused after the open (no race
    between a check and the read), and the read stops past `limit` whatever `st_size` claims."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise NotRead(f"unreadable ({error.strerror or type(error).__name__})") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRead("not a regular file")
        if info.st_size > limit:
            raise NotRead(f"larger than {_size_text(limit)}")
        chunks, total = [], 0
        while chunk := os.read(descriptor, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew, or st_size lied (procfs, FUSE)
                raise NotRead(f"larger than {_size_text(limit)}")
        return b"".join(chunks)
    except OSError as error:
        raise NotRead(f"unreadable ({error.strerror or type(error).__name__})") from None
    finally:
        os.close(descriptor)


def _ignore_spec(folder: Path) -> pathspec.GitIgnoreSpec | None:
    if not os.path.lexists(folder / ".gitignore"):
        return None
    try:
        lines = read_regular_file(folder / ".gitignore", MAX_IGNORE_FILE_BYTES).decode("utf-8", errors="replace").splitlines()
    except NotRead:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, pathspec.GitIgnoreSpec]]) -> bool:
    """As git decides: the deepest `.gitignore` with a pattern matching the path wins, and in it the
    last matching pattern, so `!keep.py` in a subfolder keeps what a parent's `*.py` ignores."""
    for base, spec in reversed(specs):
        relative = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        decided = spec.check_file(relative).include
        if decided is not None:
            return decided
    return False


def python_files(paths: list[str], excluded: Callable[[str], bool] = lambda path: False) -> list[Path]:
    """Files named on the command line are taken as they are; folders are walked for `*.py`,
    honouring `.gitignore` files met on the way. `excluded` (flake8's exclude test) drops paths,
    named or met, as flake8 does. Sorted, without duplicates."""
    found: set[Path] = set()
    for given in paths:
        root = Path(given)
        if excluded(given):
            continue
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
                if name in ALWAYS_SKIPPED or excluded(str(child)) or _ignored(child, True, specs):
                    continue
                specs_by_folder[child] = specs
                kept.append(name)
            dirnames[:] = kept
            for name in filenames:
                child = here / name
                if name.endswith(".py") and not excluded(str(child)) and not _ignored(child, False, specs):
                    found.add(child)
    return sorted(found, key=lambda path: path.as_posix())


def is_python_script(path: Path) -> bool:
    """A file without the .py suffix that names Python in its `#!` line, as pre-commit's `python` type does."""
    try:
        first = read_regular_file(path, MAX_SOURCE_BYTES).split(b"\n", 1)[0]
    except NotRead:
        return False
    return first.startswith(b"#!") and b"python" in first


def read_source(path: Path) -> str | SkippedFile:
    """The file's text, decoded as Python does (coding cookie, BOM, else UTF-8; Latin-1 as a last
    resort, as flake8 does), or why it was skipped."""
    try:
        raw = read_regular_file(path, MAX_SOURCE_BYTES)
    except NotRead as reason:
        return SkippedFile(str(path), str(reason))
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        codec = codecs.lookup(encoding)
        if not codec._is_text_encoding or codec.name in _QUADRATIC_CODECS:  # `hex`, `zlib`: Python refuses these too
            raise LookupError(encoding)
        return raw.decode(encoding)
    except (SyntaxError, LookupError, UnicodeError, ValueError, TypeError):  # any codec's own failure (punycode: UnicodeError)
        return raw.decode("latin-1")
