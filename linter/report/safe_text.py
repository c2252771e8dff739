"""The one gate every text passes on its way out: paths, configuration labels, keys, snippets,
reasons. What comes out is printable on one line in any UTF-8 output and cannot move a terminal's
cursor: control characters, line and paragraph separators, bidirectional overrides and lone
surrogates (the undecodable bytes of a file name, as Python keeps them) become visible escapes."""

from __future__ import annotations

import re
from typing import Any

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xDC80 <= code <= 0xDCFF:  # a byte a file name held that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def safe_text(text: str) -> str:
    """`text` with every character that could break or forge an output line escaped."""
    return _UNSAFE.sub(_escape, text)


def safe_json(value: Any) -> Any:
    """A JSON-ready document with `safe_text` applied to every string in it, keys included."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {safe_json(key): safe_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [safe_json(item) for item in value]
    return value
