"""The project around an analysed file: its root, the configuration files near it, and the
context the team declared in `[tool.azure-face-policy]`.

Nothing above the project root is read. The root and the folders searched are found from the path
as given, never through a folder link resolved first (`proj/linked -> /elsewhere`: the files in
`/elsewhere` are outside `proj`, and skipped). Each configuration file is parsed once per process
and cached by (path, mtime, size), so thousands of modules under one `.env` cost one parse; a
project's configuration is bounded in files, bytes and entries, and what is left unread is listed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flake8_azure_face_policy.context.config_files import MAX_BYTES, ConfigFile, Skipped, config_format, read_config_file
from flake8_azure_face_policy.model import Settings
from flake8_azure_face_policy.source.project_files import file_key, find_root

PYPROJECT_TABLE = "azure-face-policy"
# Per analysed file's project, nearest folder first: beyond these, files are listed as skipped, unread.
MAX_PROJECT_FILES = 64
MAX_PROJECT_BYTES = 4 * 1024 * 1024
MAX_PROJECT_ENTRIES = 20_000
MAX_PROJECT_NODES = 200_000


@dataclass(frozen=True)
class ProjectContext:
    root: Path
    config_files: tuple[ConfigFile, ...]  # nearest folder first
    skipped: tuple[Skipped, ...]
    declared: Settings  # from pyproject.toml


def project_root(analysed_file: Path | str) -> Path:
    """The project root of a file, from its path as given (absolute, `..` removed, links not followed)."""
    return find_root(Path(os.path.abspath(analysed_file)).parent)


@lru_cache(maxsize=4096)
def _cached_read(key: tuple[str, int, int], root: Path, kind: str | None) -> ConfigFile | Skipped:
    return read_config_file(Path(key[0]), root, kind)


def _read(path: Path, root: Path, kind: str | None = None) -> ConfigFile | Skipped:
    key = file_key(path)
    if key is None:  # a dangling link or a file that vanished
        return read_config_file(path, root, kind)
    return _cached_read(key, root, kind)


@lru_cache(maxsize=4096)
def _config_names(folder: str, mtime_ns: int) -> tuple[str, ...]:
    try:
        names = os.listdir(folder)
    except OSError:
        return ()
    return tuple(sorted(name for name in names if config_format(name) is not None))


def _folders_up_to(folder: Path, root: Path) -> list[Path]:
    folders = [folder]
    while folder != root and root in folder.parents:
        folder = folder.parent
        folders.append(folder)
    return folders


def read_declared(root: Path) -> tuple[Settings, Skipped | None]:
    """`[tool.azure-face-policy]` of the root pyproject.toml: `context` and `jurisdiction`."""
    path = root / "pyproject.toml"
    if not os.path.lexists(path):
        return Settings(source="pyproject"), None
    result = _read(path, root, "toml")
    if isinstance(result, Skipped):
        return Settings(source="pyproject"), result
    prefix = f"tool.{PYPROJECT_TABLE}."
    context = " ".join(entry.value for entry in result.entries if entry.key == prefix + "context")
    jurisdictions = tuple(entry.value.strip().upper() for entry in result.entries if entry.key == prefix + "jurisdiction" and entry.value.strip())
    return Settings(context, jurisdictions, "pyproject"), None


class _ProjectBudget:
    """What one project's configuration may cost, spent nearest folder first."""

    def __init__(self) -> None:
        self.files, self.bytes, self.entries, self.nodes = 0, 0, 0, 0

    def refusal(self, path: Path) -> str | None:
        """Why `path` is not read, or None (and then it is counted)."""
        key = file_key(path)
        size = key[2] if key is not None and key[2] <= MAX_BYTES else 0  # a larger file is refused unread
        if self.files >= MAX_PROJECT_FILES:
            return f"not read: the project has more than {MAX_PROJECT_FILES} configuration files"
        if self.bytes + size > MAX_PROJECT_BYTES:
            return f"not read: the project's configuration files hold more than {MAX_PROJECT_BYTES // (1024 * 1024)} MiB"
        if self.entries >= MAX_PROJECT_ENTRIES:
            return f"not read: the project's configuration files hold more than {MAX_PROJECT_ENTRIES} entries"
        if self.nodes >= MAX_PROJECT_NODES:
            return f"not read: the project's configuration files hold more than {MAX_PROJECT_NODES} nodes"
        self.files += 1
        self.bytes += size
        return None


def project_context(analysed_file: Path) -> ProjectContext:
    """Configuration files in the file's folder and each parent up to the project root."""
    folder = Path(os.path.abspath(analysed_file)).parent
    root = find_root(folder)
    budget = _ProjectBudget()
    files: list[ConfigFile] = []
    skipped: list[Skipped] = []
    for current in _folders_up_to(folder, root):
        try:
            mtime = os.stat(current).st_mtime_ns
        except OSError:
            continue
        for name in _config_names(str(current), mtime):
            path = current / name
            refusal = budget.refusal(path)
            if refusal is not None:
                skipped.append(Skipped(path, refusal))
                continue
            result = _read(path, root)
            if isinstance(result, Skipped):
                skipped.append(result)
                continue
            room = MAX_PROJECT_ENTRIES - budget.entries
            if len(result.entries) > room:
                result = ConfigFile(result.path, result.entries[:room], f"the project's entry bound ({MAX_PROJECT_ENTRIES}) reached; read the first {room} entries")
            budget.entries += len(result.entries)
            budget.nodes += result.nodes
            files.append(result)
            if result.unread:
                skipped.append(Skipped(path, f"partly read: {result.unread}"))
    declared, problem = read_declared(root)
    if problem is not None:
        skipped.append(problem)
    return ProjectContext(root, tuple(files), tuple(skipped), declared)
