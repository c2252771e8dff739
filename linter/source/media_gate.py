"""The second gate, after the text prefilter and before the module is indexed: can this file hold a
vision call at all?

A vision call needs media, and the analysis finds media only through markers written in the file:
an image or audio part's `type` or key, a typed part's name, a data URL, a speaker-reference argument
or a constructor whose media type says the kind (`rules/media.yaml`, `rules/openai_sdk.yaml`). Every
marker holds one of the gate's words (`image`, `audio`, `video`, or is a gate word itself), so a file that spells none of them, in any case, cannot
hold one. A string spells a word without writing it out only through an escape (`"\\x69mage"`) or
by implicit concatenation or a line continuation inside it (`"im" "age"`): the gate reads the words
across such joins and lets every file holding an escape through.

A file that names no marker still passes when a project module it imports (or one that module
imports, and so on) spells one: a whole-project reading may bring an image part from there
(`project_files.imports_media`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from flake8_azure_face_policy.ruledata import data_file

# Where implicit concatenation or a continuation line can join two pieces of one string's text.
_JOIN = r"""(?:["'](?:\s|\\\r?\n)*[rRbBuUfF]{0,2}["']|\\\r?\n)"""
_MAYBE_JOINED = re.compile(r"""["'](?:\s|\\\r?\n)*[rbuf]{0,2}["']|\\\r?\n""")
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{|[0-7])")


def media_markers() -> list[str]:
    """Every text through which the analysis can find media in a file."""
    media = data_file("media.yaml")
    markers = [value for section in ("part_types", "part_keys", "typed_parts", "data_url_prefixes") for values in media[section].values() for value in values]
    return markers + list(media["media_typed_parts"]["constructors"]) + list(data_file("openai_sdk.yaml")["speaker_reference_arguments"])


def gate_words() -> list[str]:
    """The gate's words, and each marker that holds none of them (a dotted one by its last name, which
    the file writes however it imports the rest)."""
    words = list(data_file("media.yaml")["gate_words"])
    names = [marker.rsplit(".", 1)[-1] if "." in marker and not marker.startswith("data:") else marker for marker in media_markers()]
    return words + list(dict.fromkeys(name for name in names if not any(word in name.lower() for word in words)))


@lru_cache(maxsize=None)
def _joined_words() -> re.Pattern[str]:
    """The gate's words with a join allowed between any two letters (in lowercased text)."""
    join = f"(?:{_JOIN})?"
    return re.compile("|".join(join.join(re.escape(letter) for letter in word.lower()) for word in gate_words()))


def can_spell_media(source: str) -> bool:
    text = source.lower()
    if any(word in text for word in _words()):
        return True
    if _MAYBE_JOINED.search(text) is not None and _joined_words().search(text) is not None:
        return True
    return _ESCAPE.search(source) is not None


@lru_cache(maxsize=None)
def _words() -> tuple[str, ...]:
    return tuple(word.lower() for word in gate_words())
