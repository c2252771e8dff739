"""Where a project's imports lead on disk, and whether a module can lead to a request at all.

Kept free of the engine's imports: the flake8 plugin asks `imports_may_send` of every file that
names no client itself (a module calling the project's own wrapper names none), so this costs a
regular expression over the file, a few `stat` calls per import, and one read of each imported
project module per process.

An import is followed only into the project: from the importing file's package (its folder, or the
folder above its outermost `__init__.py` folder), the project root and `<root>/src`, the first of
`name.py` or `name/__init__.py` that exists under the project root. Star imports and dynamic
imports are never followed; installed packages are never read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flake8_azure_face_policy.source.prefilter import might_send_media

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "tox.ini", ".flake8", ".git")
MAX_MODULE_BYTES = 1024 * 1024  # a larger module is generated code or data, not a prompt library

_DEFINITION = re.compile(r"^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)", re.MULTILINE)
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n;#]*)|import[ \t]+([^\n;#]+))",
    re.MULTILINE,
)


def find_root(folder: Path) -> Path:
    """The nearest folder from `folder` upward holding a root marker; `folder` itself if none does."""
    for candidate in (folder, *folder.parents):
        if any(os.path.lexists(candidate / marker) for marker in ROOT_MARKERS):
            return candidate
    return folder


def file_key(path: Path) -> tuple[str, int, int] | None:
    """(path, mtime, size): what a per-process cache of a file's contents is keyed by."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (str(path), info.st_mtime_ns, info.st_size)


@dataclass(frozen=True)
class ImportStatement:
    level: int  # the leading dots of a relative import
    module: str  # `a.b` of `from ..a.b import c` or of `import a.b as m`
    names: tuple[tuple[str, str], ...]  # (imported name, local name) of a `from` import
    local: str = ""  # the name `import a.b as m` binds (`a` without `as`)


def imported_modules(source: str) -> list[ImportStatement]:
    """Each import statement in the text. Read from the text, so that a file is judged before it is
    parsed; an import written in a string costs a lookup, never a finding."""
    found = []
    for match in _IMPORT.finditer(source):
        dots, module, names, plain = match.groups()
        if plain is not None:
            for item in plain.split(","):
                words = item.split()
                if words:
                    found.append(ImportStatement(0, words[0], (), words[2] if len(words) > 2 and words[1] == "as" else words[0].split(".")[0]))
            continue
        listed = []
        for item in names.strip("()\\ \t").replace("\\", " ").split(","):
            words = item.split()
            if words:
                listed.append((words[0], words[2] if len(words) > 2 and words[1] == "as" else words[0]))
        if all(name != "*" for name, _ in listed):
            found.append(ImportStatement(len(dots), module, tuple(listed)))
    return found


@lru_cache(maxsize=4096)
def package_base(folder: str) -> str:
    """The folder absolute imports of a file in `folder` start from: above its outermost package."""
    current = Path(folder)
    while os.path.isfile(current / "__init__.py") and current.parent != current:
        current = current.parent
    return str(current)


@lru_cache(maxsize=16384)
def _module_file(base: str, dotted: str, root: str) -> str | None:
    parts = dotted.split(".")
    if not all(part.isidentifier() for part in parts):
        return None
    stem = os.path.join(base, *parts)
    for candidate in (stem + ".py", os.path.join(stem, "__init__.py")):
        if os.path.isfile(candidate):
            resolved = os.path.realpath(candidate)
            return resolved if resolved.startswith(os.path.realpath(root).rstrip(os.sep) + os.sep) else None
    return None


def module_file(importer_folder: Path, root: Path, level: int, dotted: str) -> Path | None:
    """The project file an import names, or None (outside the project, an installed package, absent)."""
    if level:
        base = importer_folder
        for _ in range(level - 1):
            base = base.parent
        if not dotted:  # `from . import name`: the package itself first
            package = os.path.realpath(base / "__init__.py")
            inside = package.startswith(os.path.realpath(root).rstrip(os.sep) + os.sep)
            return Path(package) if inside and os.path.isfile(package) else None
        found = _module_file(str(base), dotted, str(root))
        return Path(found) if found else None
    if not dotted:
        return None
    for base in dict.fromkeys((package_base(str(importer_folder)), str(root), str(root / "src"))):
        found = _module_file(base, dotted, str(root))
        if found:
            return Path(found)
    return None


def read_module_text(path: Path) -> str | None:
    """A module's text for reading its imports and names, or None when it cannot be a module worth reading."""
    try:
        if os.path.getsize(path) > MAX_MODULE_BYTES:
            return None
        return path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None


def _import_targets(folder: Path, root: Path, source: str) -> list[Path]:
    targets = []
    for statement in imported_modules(source):
        module = statement.module
        for dotted in (module, *(f"{module}.{name}" if module else name for name, _ in statement.names)):
            found = module_file(folder, root, statement.level, dotted)
            if found is not None:
                targets.append(found)
    return list(dict.fromkeys(targets))


@lru_cache(maxsize=8192)
def _module_node(key: tuple[str, int, int], root: Path) -> tuple[bool, tuple[Path, ...]]:
    """Whether the module's own text names a client family, and the project modules it imports."""
    path = Path(key[0])
    text = read_module_text(path)
    if text is None:
        return False, ()
    return might_send_media(text), tuple(_import_targets(path.parent, root, text))


_answers: dict[tuple[Path, Path], bool] = {}  # (module, root) -> whether it leads to a client


def module_may_send(path: Path, root: Path) -> bool:
    """Whether the module, or a project module it imports (and so on), names a client family.

    A search that finds none has seen everything its modules reach, so all of them are answered."""
    stack, seen = [path], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        known = _answers.get((current, root))
        if known is not None:
            if known:
                break
            continue
        key = file_key(current)
        if key is None:
            continue
        sends, targets = _module_node(key, root)
        if sends:
            _answers[(current, root)] = True
            break
        stack.extend(targets)
    else:
        _answers.update(((module, root), False) for module in seen)
        return False
    _answers[(path, root)] = True
    return True


def imports_may_send(source: str, path: str) -> bool:
    """Whether a file that names no client imports a project module that can lead to one."""
    folder = Path(os.path.abspath(path)).parent
    root = find_root(folder)
    return any(module_may_send(target, root) for target in _import_targets(folder, root, source))


@lru_cache(maxsize=8192)
def _defined_functions(key: tuple[str, int, int]) -> frozenset[str]:
    text = read_module_text(Path(key[0]))
    return frozenset(_DEFINITION.findall(text)) if text is not None else frozenset()


def wrapper_names(source: str, path: str) -> frozenset[str]:
    """Names under which this file can call the project's own wrappers of a client: the names it
    imports from project modules that lead to a client, and the functions and methods defined in
    those modules and the ones they import. More than the wrappers (costs time, never findings),
    read from the text alone, so that the file's calls of them are kept and indexed."""
    folder = Path(os.path.abspath(path)).parent.resolve()
    root = find_root(folder)
    names: set[str] = set()
    pending: list[Path] = []
    for statement in imported_modules(source):
        module = module_file(folder, root, statement.level, statement.module) if statement.module or statement.level else None
        if module is not None and module_may_send(module, root):
            names.update([statement.local] if statement.local else [local for _, local in statement.names])
            pending.append(module)
        for name, local in statement.names:
            submodule = module_file(folder, root, statement.level, f"{statement.module}.{name}" if statement.module else name)
            if submodule is not None and module_may_send(submodule, root):
                names.add(local)
                pending.append(submodule)
    seen: set[Path] = set()
    while pending:
        module = pending.pop()
        key = file_key(module)
        if module in seen or key is None:
            continue
        seen.add(module)
        names |= _defined_functions(key)
        pending.extend(target for target in _module_node(key, root)[1] if module_may_send(target, root))
    names.discard("")
    return frozenset(names)
