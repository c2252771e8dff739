"""Small readers of `ast` syntax shared by every stage: dotted names, string text, call arguments,
environment and configuration reads, and the source's lines."""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from typing import Iterator

from flake8_azure_face_policy.source.secrets import without_credentials

_ENV_READERS = frozenset({"os.environ.get", "os.getenv", "environ.get", "getenv", "os.environ.setdefault"})
_ENV_READER_NAMES = frozenset(name.rsplit(".", 1)[-1] for name in _ENV_READERS)
_ENVIRON = frozenset({"os.environ", "environ"})
SELF_NAMES = frozenset({"self", "cls"})
CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def dotted_name(node: ast.AST) -> str | None:
    """`a.b.c` for a chain of names, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def string_text(node: ast.AST | None) -> str | None:
    """The text of a string literal, f-string (placeholders as {}) or implicit concatenation, with
    the credentials of any URL in it removed: what is read from code is never a secret."""
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, str):
            return without_credentials(value)
        return without_credentials(value.decode("latin-1")) if isinstance(value, bytes) else None
    if isinstance(node, ast.JoinedStr):
        return without_credentials("".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values))
    return None


def call_arguments(call: ast.Call) -> Iterator[tuple[str | None, ast.expr]]:
    """(keyword or None, value) for each argument, positional ones first."""
    for value in call.args:
        yield None, (value.value if isinstance(value, ast.Starred) else value)
    for keyword in call.keywords:
        yield keyword.arg, keyword.value


def keyword_argument(call: ast.Call, names: tuple[str, ...] | frozenset[str]) -> ast.keyword | None:
    return next((keyword for keyword in call.keywords if keyword.arg in names), None)


def _last_name(node: ast.AST) -> str | None:
    """`get` of `os.environ.get`: a cheap test before the whole dotted name is built."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def _subscript_key(node: ast.Subscript) -> str | None:
    return None if isinstance(node.slice, (ast.Slice, ast.Tuple)) else string_text(node.slice)


def environment_read(node: ast.AST) -> tuple[str, ast.expr | None] | None:
    """`os.environ["K"]`, `os.getenv("K", default)`, `os.environ.get(...)`: the variable's name (empty
    when it is not a literal) and the default, if any."""
    if isinstance(node, ast.Call) and _last_name(node.func) in _ENV_READER_NAMES and dotted_name(node.func) in _ENV_READERS:
        values = [value for _, value in call_arguments(node)]
        return (string_text(values[0]) or "", values[1] if len(values) > 1 else None) if values else None
    if isinstance(node, ast.Subscript) and _last_name(node.value) == "environ" and dotted_name(node.value) in _ENVIRON:
        return None if isinstance(node.slice, (ast.Slice, ast.Tuple)) else (string_text(node.slice) or "", None)
    return None


def config_reference(node: ast.AST) -> str | None:
    """The configuration key an expression reads: `os.environ["CAMERA_SOURCE"]`, `os.getenv(...)`,
    `config["camera"]["source"]` (camera.source), `settings.camera_source` (settings.camera_source)."""
    read = environment_read(node)
    if read is not None:
        return read[0] or None
    if isinstance(node, ast.Subscript):
        keys = []
        while isinstance(node, ast.Subscript):
            key = _subscript_key(node)
            if key is None:
                return None
            keys.append(key)
            node = node.value
        return ".".join(reversed(keys))
    if isinstance(node, ast.Attribute):
        dotted = dotted_name(node)
        if dotted is not None and "." in dotted:
            return dotted.split(".", 1)[1]
    return None


def is_own_attribute(node: ast.Attribute) -> bool:
    """`self.face_gallery`: an attribute the author named, unlike a library method such as `.read_text`."""
    return isinstance(node.value, ast.Name) and node.value.id in SELF_NAMES


def source_lines(source: str) -> list[str]:
    """The source's lines as Python numbers them (only CR, LF and CRLF end a line)."""
    return _LINE.findall(source)


def is_key(text: str) -> bool:
    """A string written as a snake_case identifier (`"full_name"`): a key or a label, which names
    something and states nothing."""
    return text.isidentifier() and "_" in text.strip("_")


@lru_cache(maxsize=4096)
def split_identifier(name: str) -> str:
    """`identifySuspect_face` -> `identify Suspect face`: identifiers read as words."""
    return CAMEL_BOUNDARY.sub(" ", name.replace("_", " ")).strip()
