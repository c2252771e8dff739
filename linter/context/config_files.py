"""Reads one configuration file near the analysed code into (key path, value) entries.

Formats: dotenv (python-dotenv's parser), YAML (PyYAML's safe loader), JSON, TOML (tomllib / tomli) and
INI (configparser). Secrets (rules/secrets.yaml: values of keys that name one, values that are one,
and the credentials inside URLs) are dropped here, before anything else sees them. Anything
unreadable, binary, oversized, malformed or not a regular file is skipped with a reason, never
raised; what a file holds past the entry and node bounds is left unread, and said so.
"""

from __future__ import annotations

import configparser
import datetime
import io
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, Iterator

import yaml

from flake8_azure_face_policy.ruledata import SAFE_YAML_LOADER
from flake8_azure_face_policy.source.files import NotRead, read_regular_file
from flake8_azure_face_policy.source.secrets import load_secret_vocabulary

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_BYTES = 1024 * 1024
MAX_ENTRIES = 5000  # per file
MAX_NODES = 50_000  # per file: mappings, lists and scalars walked, each alias counted every time it is met
MAX_KEY_LENGTH = 256  # a dotted key path longer than this names nothing a reader would write
# Names of configuration files, with the format each is read as.
_PATTERNS = (
    (".env", "dotenv"),
    (".env.*", "dotenv"),
    ("appsettings*.json", "json"),
    ("local.settings.json", "json"),
    ("config.*", None),
    ("settings.*", None),
)
_BY_EXTENSION = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml", ".ini": "ini", ".cfg": "ini", ".env": "dotenv"}
_SCALARS = (str, float, datetime.date, datetime.time)
MAX_INTEGER_BITS = 64  # a longer integer names nothing, and Python refuses to print one past 4300 digits


@dataclass(frozen=True)
class ConfigEntry:
    key: str  # a dotted path for nested keys: camera.source
    value: str


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    entries: tuple[ConfigEntry, ...]
    unread: str = ""  # what of the file was left unread, and why; empty when it was read whole
    nodes: int = 0  # mappings, lists and scalars walked to read it


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


def config_format(name: str) -> str | None:
    """The format a file of this name is read as, or None when it is not a configuration file."""
    for pattern, fixed in _PATTERNS:
        if fnmatch(name, pattern):
            return fixed or _BY_EXTENSION.get(os.path.splitext(name)[1].lower())
    return None


def _scalar_text(value: Any) -> str | None:
    """A leaf's text; None for what carries no words (null, binary data, integers too long to name anything)."""
    if isinstance(value, int):  # bool included
        return str(value) if value.bit_length() <= MAX_INTEGER_BITS else None
    return str(value) if isinstance(value, _SCALARS) else None


def _json_integer(digits: str) -> int | None:
    """Python refuses to convert more than 4300 digits; such a number is left out, not the whole file."""
    return int(digits) if len(digits) <= 20 else None


def _children(prefix: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            name = _scalar_text(key) or type(key).__name__
            yield (f"{prefix}.{name}" if prefix else name), item
    elif isinstance(value, (set, frozenset)):  # unordered: sorted, so the output does not depend on hashing
        yield from ((prefix, text) for text in sorted(filter(None, map(_scalar_text, value))))
    else:
        yield from ((prefix, item) for item in value)


def _leaves(data: Any) -> tuple[list[ConfigEntry], str, int]:
    """(dotted key path, text) of every leaf, what was left unread, and the nodes walked. Iterative and bounded in
    nodes, not only in entries: a YAML alias bomb shares its nodes, and with null leaves it yields
    no entry at all however far it is walked."""
    entries: list[ConfigEntry] = []
    stack: list[Iterator[tuple[str, Any]]] = [iter([("", data)])]
    nodes = 0
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        nodes += 1
        if nodes > MAX_NODES:
            return entries, f"more than {MAX_NODES} nodes; read the first {len(entries)} entries", nodes
        prefix, value = child
        if len(prefix) > MAX_KEY_LENGTH:
            continue
        if isinstance(value, (Mapping, list, tuple, set, frozenset)):
            stack.append(_children(prefix, value))
            continue
        text = _scalar_text(value)
        if text is not None and prefix:
            entries.append(ConfigEntry(prefix, text))
            if len(entries) >= MAX_ENTRIES:
                return entries, f"more than {MAX_ENTRIES} entries; read the first {MAX_ENTRIES}", nodes
    return entries, "", nodes


def _without_secrets(entry: ConfigEntry) -> ConfigEntry:
    """The key still tells; a secret value is never kept, and URLs lose their credentials."""
    secrets = load_secret_vocabulary()
    if secrets.is_secret_key(entry.key) or secrets.is_secret_value(entry.value):
        return ConfigEntry(entry.key, "")
    return ConfigEntry(entry.key, secrets.without_credentials(entry.value))


def _parse(text: str, kind: str) -> Any:
    if kind == "yaml":
        return yaml.load(text, Loader=SAFE_YAML_LOADER)
    if kind == "json":
        return json.loads(text, parse_int=_json_integer)
    if kind == "toml":
        return tomllib.loads(text)
    if kind == "ini":
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.read_string(text)
        # sections as live views: copying each would copy the DEFAULT section into every one of them
        return {section: parser[section] for section in parser.sections()}
    from dotenv.parser import parse_stream  # only for projects with a .env: it costs each process ~9 ms to import

    bindings = [binding for binding in parse_stream(io.StringIO(text)) if binding.key and not binding.error]
    return {binding.key: binding.value for binding in bindings}


def load_document(path: Path, root: Path, kind: str) -> Any | Skipped:
    """The parsed content of a file of the project rooted at `root`, read as `kind`, or why it was
    skipped. Never raises."""
    try:
        resolved = path.resolve(strict=True)
        real_root = root.resolve()
    except RuntimeError:  # a symlink loop, on Python before 3.13
        return Skipped(path, "unreadable (symlink loop)")
    except OSError as error:
        return Skipped(path, f"unreadable ({error.strerror or type(error).__name__})")
    if resolved != real_root and real_root not in resolved.parents:
        return Skipped(path, "links outside the project root")
    try:
        raw = read_regular_file(resolved, MAX_BYTES)
    except NotRead as reason:
        return Skipped(path, str(reason))
    if b"\x00" in raw:
        return Skipped(path, "binary content")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Skipped(path, "not UTF-8 text")
    try:
        return _parse(text, kind)
    except (yaml.YAMLError, json.JSONDecodeError, tomllib.TOMLDecodeError, configparser.Error, ValueError, RecursionError) as error:
        return Skipped(path, f"malformed {kind} ({type(error).__name__})")


def read_config_file(path: Path, root: Path, kind: str | None = None) -> ConfigFile | Skipped:
    """Parses a configuration file of the project rooted at `root`; `kind` forces a format. Never raises."""
    kind = kind or config_format(path.name)
    if kind is None:
        return Skipped(path, "not a configuration format this linter reads")
    data = load_document(path, root, kind)
    if isinstance(data, Skipped):
        return data
    entries, unread, nodes = _leaves(data)
    return ConfigFile(path, tuple(_without_secrets(entry) for entry in entries), unread, nodes)
