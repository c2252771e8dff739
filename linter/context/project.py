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

from flake8_azure_face_policy.context.config_files import MAX_BYTES, ConfigFile, Skipped, config_format, load_document, read_config_file
from flake8_azure_face_policy.model import Settings, split_codes
from flake8_azure_face_policy.ruledata import data_file
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
def _cached_read(key: tuple[str, int, int], root: Path) -> ConfigFile | Skipped:
    return read_config_file(Path(key[0]), root)


@lru_cache(maxsize=256)
def _cached_document(key: tuple[str, int, int], root: Path) -> object:
    return load_document(Path(key[0]), root, "toml")


def _read_document(path: Path, root: Path) -> object:
    key = file_key(path)
    return load_document(path, root, "toml") if key is None else _cached_document(key, root)


def _read(path: Path, root: Path) -> ConfigFile | Skipped:
    key = file_key(path)
    if key is None:  # a dangling link or a file that vanished
        return read_config_file(path, root)
    return _cached_read(key, root)


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


DECLARED_KEYS = ("context", "jurisdiction")


def declared_from_table(table: object, where: str) -> Settings:
    """`[tool.azure-face-policy]` as Settings; each unknown key or value of the wrong type is left
    out and named in `problems` (the rest still applies)."""
    if not isinstance(table, dict):
        return Settings(source="pyproject", problems=(f"{where}: expected a table, got {type(table).__name__}",))
    problems = [f"{where} {key}: unknown key (known: {', '.join(DECLARED_KEYS)})" for key in table if key not in DECLARED_KEYS]
    context = table.get("context", "")
    if not isinstance(context, str):
        problems.append(f"{where} context: expected a string, got {type(context).__name__}")
        context = ""
    jurisdiction = table.get("jurisdiction", ())
    if isinstance(jurisdiction, list) and not all(isinstance(item, str) for item in jurisdiction):
        problems.append(f"{where} jurisdiction: expected strings in the list")
        jurisdiction = [item for item in jurisdiction if isinstance(item, str)]
    elif not isinstance(jurisdiction, (str, list, tuple)):
        problems.append(f"{where} jurisdiction: expected a string or a list of strings, got {type(jurisdiction).__name__}")
        jurisdiction = ()
    return Settings(context, split_codes(jurisdiction), "pyproject", tuple(problems))


def read_declared(root: Path) -> tuple[Settings, Skipped | None]:
    """`[tool.azure-face-policy]` of the root pyproject.toml: `context` and `jurisdiction`."""
    path = root / "pyproject.toml"
    if not os.path.lexists(path):
        return Settings(source="pyproject"), None
    document = _read_document(path, root)
    if isinstance(document, Skipped):
        return Settings(source="pyproject"), document
    table = document.get("tool", {}).get(PYPROJECT_TABLE) if isinstance(document.get("tool"), dict) else None
    if table is None:
        return Settings(source="pyproject"), None
    return declared_from_table(table, f"{display_path(path)} [tool.{PYPROJECT_TABLE}]"), None


@lru_cache(maxsize=None)
def iso_country_codes() -> frozenset[str]:
    return frozenset(data_file("jurisdictions.yaml")["officially_assigned"].split())


def jurisdiction_problems(codes: tuple[str, ...], where: str) -> list[str]:
    return [f"{where}: '{code}' is not an ISO 3166 alpha-2 country code" for code in codes if code not in iso_country_codes()]


def configuration_problems(settings: Settings, project: ProjectContext | None) -> list[str]:
    """Everything wrong with the configuration a file's analysis used (flake8 options, then pyproject)."""
    problems = list(settings.problems) + jurisdiction_problems(settings.jurisdictions, "flake8 option afp-jurisdiction")
    if project is not None:
        declared = project.declared
        where = f"{display_path(project.root / 'pyproject.toml')} [tool.{PYPROJECT_TABLE}] jurisdiction"
        problems += list(declared.problems) + jurisdiction_problems(declared.jurisdictions, where)
    return problems


def display_path(path: Path) -> str:
    """A path as the user's tools show it: relative to the working directory when below it."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive, on Windows
        return path.as_posix()


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
