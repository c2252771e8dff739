"""Where a project's imports lead on disk, and whether a module can lead to a request at all.

Kept free of the engine's imports: the flake8 plugin asks `imports_may_send` of every file that
names no client itself (a module calling the project's own wrapper names none), so this costs a
regular expression over the file, a few `stat` calls per import, and one read of each imported
project module per process.

An import is followed only into the project: from the importing file's package (its folder, or the
folder above its outermost `__init__.py` folder), the project root, `<root>/src`, then each folder
from the file's up to the root, the first of `name.py` or `name/__init__.py` that exists under the
project root. Star imports and dynamic
imports are never followed; installed packages (the standard library, anything under a
`site-packages` folder) are never read.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from flake8_azure_face_policy.source.media_gate import can_spell_media
from flake8_azure_face_policy.source.prefilter import might_send_media

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "tox.ini", ".flake8", ".git")
MAX_MODULE_BYTES = 1024 * 1024  # a larger module is generated code or data, not a prompt library
INSTALLED = frozenset({"site-packages", "dist-packages"})  # folders of installed packages, never read

_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n;#]*)|import[ \t]+([^\n;#]+))",
    re.MULTILINE,
)


def find_root(folder: Path) -> Path:
    """The nearest folder from `folder` upward holding a root marker; `folder` itself if none does."""
    marked = _marked_folder(str(folder))
    return Path(marked) if marked is not None else folder


@lru_cache(maxsize=16384)
def _marked_folder(folder: str) -> str | None:
    """The nearest folder from `folder` upward holding a root marker: each folder is looked at once
    per process, however many files below it are analysed."""
    if any(os.path.lexists(os.path.join(folder, marker)) for marker in ROOT_MARKERS):
        return folder
    parent = os.path.dirname(folder)
    return _marked_folder(parent) if parent != folder else None


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
    for match in _import_matches(source):
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


def _import_matches(source: str) -> Iterator[re.Match[str]]:
    """The matches `_IMPORT.finditer` gives, tried only at the start of lines that spell `import` (every
    statement's keyword is on its first line): a search for the word is many times faster than the
    pattern's scan of each line."""
    end, line_tried = 0, -1
    position = source.find("import")
    while position >= 0:
        line = source.rfind("\n", 0, position) + 1
        if line != line_tried and line >= end:
            line_tried = line
            match = _IMPORT.match(source, line)
            if match is not None:
                end = match.end()
                yield match
        position = source.find("import", position + 6)


@lru_cache(maxsize=4096)
def package_base(folder: str) -> str:
    """The folder absolute imports of a file in `folder` start from: above its outermost package."""
    current = folder
    while os.path.isfile(os.path.join(current, "__init__.py")) and os.path.dirname(current) != current:
        current = os.path.dirname(current)
    return current


@lru_cache(maxsize=1024)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder).rstrip(os.sep) + os.sep


def _installed(path: str) -> bool:
    """Inside an installed package (a virtual environment inside the project, or flake8 run over
    site-packages, where a package with no root marker is its own root)."""
    return not INSTALLED.isdisjoint(path.split(os.sep))


def _in_project(path: str, root: str) -> bool:
    """Under the root, and not an installed package."""
    return path.startswith(_real_folder(root)) and not _installed(path)


@lru_cache(maxsize=16384)
def _module_file(base: str, dotted: str, root: str) -> str | None:
    parts = dotted.split(".")
    if not all(part.isidentifier() for part in parts):
        return None
    stem = os.path.join(base, *parts)
    for candidate in (stem + ".py", os.path.join(stem, "__init__.py")):
        if os.path.isfile(candidate):
            resolved = os.path.realpath(candidate)
            return resolved if _in_project(resolved, root) else None
    return None


def module_file(importer_folder: Path | str, root: Path | str, level: int, dotted: str) -> Path | None:
    """The project file an import names, or None (outside the project, an installed package, absent)."""
    if not level and (not dotted or dotted.partition(".")[0] in sys.stdlib_module_names):
        return None  # the standard library is installed code; most imports end here, for nothing
    found = _cached_module_file(str(importer_folder), str(root), level, dotted)
    return Path(found) if found else None


@lru_cache(maxsize=16384)
def _cached_module_file(folder: str, root: str, level: int, dotted: str) -> str | None:
    if level:
        base = folder
        for _ in range(level - 1):
            base = os.path.dirname(base)
        if not dotted:  # `from . import name`: the package itself first
            package = os.path.realpath(os.path.join(base, "__init__.py"))
            return package if _in_project(package, root) and os.path.isfile(package) else None
        return _module_file(base, dotted, root)
    if not _in_project(os.path.join(folder, "x.py"), root):
        return None  # installed code imports installed code
    for base in dict.fromkeys((package_base(folder), root, os.path.join(root, "src"), *_folders_up(folder, root))):
        found = _module_file(base, dotted, root)
        if found:
            return found
    return None


def _folders_up(folder: str, root: str) -> list[str]:
    """The folders from `folder` up to the root: where a script's own folder, or a folder a deployment
    puts on the path (a service's `src/` beside a shared `common/`), lets an absolute import land."""
    folders = []
    while folder.startswith(root) and folder != root:
        folders.append(folder)
        folder = os.path.dirname(folder)
    return folders


def read_module_text(path: Path) -> str | None:
    """A module's text for reading its imports and names, or None when it cannot be a module worth reading."""
    try:
        if os.path.getsize(path) > MAX_MODULE_BYTES:
            return None
        return path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None


def _imports(folder: Path, root: Path, source: str) -> list[tuple[Path, tuple[tuple[str, str], ...]]]:
    """The project modules a text imports, each with the (name, local name) pairs its imports bind:
    the name is what the module defines, or "" for the module itself (`import app.m as m`)."""
    if _installed(str(folder)):
        return []  # installed code is no project, and none of its imports leads into one
    found: dict[Path, tuple[tuple[str, str], ...]] = {}
    for statement in imported_modules(source):
        module = statement.module
        named = (module, [("", statement.local)] if statement.local else list(statement.names))
        submodules = [(f"{module}.{name}" if module else name, [("", local)]) for name, local in statement.names]
        for dotted, bound in (named, *submodules):
            target = module_file(folder, root, statement.level, dotted)
            if target is not None:
                found[target] = (*found.get(target, ()), *bound)
    return list(found.items())


def _import_targets(folder: Path, root: Path, source: str) -> list[Path]:
    return [target for target, _ in _imports(folder, root, source)]


@lru_cache(maxsize=8192)
def _module_node(key: tuple[str, int, int], root: Path) -> tuple[bool, tuple[Path, ...]]:
    """Whether the module's own text names a client family, and the project modules it imports."""
    path = Path(key[0])
    text = read_module_text(path)
    if text is None:
        return False, ()
    return might_send_media(text), tuple(_import_targets(path.parent, root, text))


def module_may_send(path: Path, root: Path) -> bool:
    """Whether the module, or a project module it imports, names a client family: a caller's import
    of a wrapper, or of a module that makes instances of a wrapper imported from a third (deeper
    chains of modules are not looked for, so that a large tree's import graph is never walked)."""
    key = file_key(path)
    if key is None:
        return False
    sends, targets = _module_node(key, root)
    return sends or any(_module_node(target_key, root)[0] for target in targets if (target_key := file_key(target)) is not None)


@lru_cache(maxsize=2)  # the plugin's gate and the engine's both ask it of the file being analysed
def sending_imports(source: str, path: str) -> tuple[tuple[Path, tuple[tuple[str, str], ...]], ...]:
    """The project modules a file imports that can lead to a client, with the (name, local name)
    pairs it binds from each (the name "" for the module itself)."""
    folder = os.path.dirname(os.path.abspath(path))
    root = find_root(Path(folder))
    folder = Path(folder)
    return tuple((target, local) for target, local in _imports(folder, root, source) if module_may_send(target, root))


def imports_may_send(source: str, path: str) -> bool:
    """Whether a file that names no client imports a project module that can lead to one."""
    return bool(sending_imports(source, path))


@lru_cache(maxsize=8192)
def _spells_media(key: tuple[str, int, int]) -> bool:
    text = read_module_text(Path(key[0]))
    return text is not None and can_spell_media(text)


def imports_media(source: str, path: str) -> bool:
    """Whether a project module the file imports, or one that module imports, can spell a media
    marker (as deep as `module_may_send` looks for a client)."""
    folder = os.path.dirname(os.path.abspath(path))
    root = find_root(Path(folder))
    for target, _ in _imports(Path(folder), root, source):
        key = file_key(target)
        if key is None:
            continue
        if _spells_media(key) or any(_spells_media(inner) for inner_target in _module_node(key, root)[1] if (inner := file_key(inner_target)) is not None):
            return True
    return False
