"""Reads one configuration file near the analysed code into (key path, value) entries.

Formats: dotenv (python-dotenv's parser), YAML (PyYAML's safe loader), JSON, TOML (tomllib / tomli) and
INI (configparser). Values of keys that name a secret are dropped here, before anything else sees
them. Anything unreadable, binary, oversized, malformed or not a regular file is skipped with a
reason, never raised.
"""

from __future__ import annotations

import configparser
import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, Iterator

import yaml

from flake8_azure_face_policy.ruledata import SAFE_YAML_LOADER

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_BYTES = 1024 * 1024
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
_SECRET_WORDS = re.compile(
    r"(?:^|[^a-z])(?:key|keys|apikey|secret|secrets|token|tokens|password|passwords|passwd|pwd|credential|credentials|"
    r"sas|connectionstrings?|private|signature|auth)(?:$|[^a-z])",
    re.IGNORECASE,
)
_SECRET_VALUE = re.compile(r"AccountKey=|SharedAccessSignature|[?&]sig=|-----BEGIN", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
MAX_ENTRIES = 5000


@dataclass(frozen=True)
class ConfigEntry:
    key: str  # a dotted path for nested keys: camera.source
    value: str


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    entries: tuple[ConfigEntry, ...]


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


def is_secret_key(key: str) -> bool:
    words = _CAMEL.sub("_", key).replace("-", "_").replace(".", "_")
    return bool(_SECRET_WORDS.search(words)) or "connectionstring" in key.lower().replace("_", "").replace(".", "")


def _flatten(value: Any, prefix: str = "") -> Iterator[ConfigEntry]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for item in value:
            yield from _flatten(item, prefix)
    elif value is not None and prefix:
        yield ConfigEntry(prefix, str(value))


def _parse(text: str, kind: str) -> Any:
    if kind == "yaml":
        return yaml.load(text, Loader=SAFE_YAML_LOADER)
    if kind == "json":
        return json.loads(text)
    if kind == "toml":
        return tomllib.loads(text)
    if kind == "ini":
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.read_string(text)
        return {section: dict(parser.items(section, raw=True)) for section in parser.sections()}
    from dotenv.parser import parse_stream  # only for projects with a .env: it costs each process ~9 ms to import

    bindings = [binding for binding in parse_stream(io.StringIO(text)) if binding.key and not binding.error]
    return {binding.key: binding.value for binding in bindings}


def read_config_file(path: Path, root: Path, kind: str | None = None) -> ConfigFile | Skipped:
    """Parses a configuration file of the project rooted at `root` (resolved); `kind` forces a format."""
    kind = kind or config_format(path.name)
    if kind is None:
        return Skipped(path, "not a configuration format this linter reads")
    try:
        resolved = path.resolve(strict=True)
        if resolved != root and root not in resolved.parents:
            return Skipped(path, "links outside the project root")
        info = os.stat(resolved)
        if not stat.S_ISREG(info.st_mode):  # a folder, FIFO or device named like a config file
            return Skipped(path, "not a regular file")
        if info.st_size > MAX_BYTES:
            return Skipped(path, f"larger than {MAX_BYTES // 1024} KiB")
        with open(resolved, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except RuntimeError:  # a symlink loop, on Python before 3.13
        return Skipped(path, "unreadable (symlink loop)")
    except OSError as error:
        return Skipped(path, f"unreadable ({error.strerror or type(error).__name__})")
    if b"\x00" in raw:
        return Skipped(path, "binary content")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Skipped(path, "not UTF-8 text")
    try:
        data = _parse(text, kind)
    except (yaml.YAMLError, json.JSONDecodeError, tomllib.TOMLDecodeError, configparser.Error, ValueError, RecursionError) as error:
        return Skipped(path, f"malformed {kind} ({type(error).__name__})")
    entries = []
    try:
        for entry in _flatten(data):  # bounded: a YAML alias bomb expands lazily and stops here
            if is_secret_key(entry.key) or _SECRET_VALUE.search(entry.value):
                entries.append(ConfigEntry(entry.key, ""))  # the key still tells; the value is never kept
            else:
                entries.append(entry)
            if len(entries) >= MAX_ENTRIES:
                break
    except RecursionError:
        return Skipped(path, f"malformed {kind} (nested too deeply)")
    return ConfigFile(path, tuple(entries))
