"""The small frozen records passed between the stages of the analysis."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Iterable, NamedTuple


class Level(IntEnum):
    """How close a piece of evidence is to the call (lower is closer)."""

    CALL = 1  # the call, its arguments, and whatever they reference (data flow)
    FUNCTION = 2  # the enclosing function(s) and class
    MODULE = 3  # module docstring, top-level comments, names and constants
    CONFIG = 4  # configuration files near the analysed file
    DECLARED = 5  # [tool.azure-face-policy] or --afp-* options


# The records made in the thousands per file are named tuples: they are built several times faster
# than frozen dataclasses.
class TextItem(NamedTuple):
    """A piece of text in the source: a comment, string, docstring or identifier."""

    kind: str  # comment | docstring | prompt | string | name | model | endpoint | client | code
    line: int
    text: str
    path: str = ""  # another module of the project it was read from, relative to the project root


class Evidence(NamedTuple):
    kind: str
    line: int | None  # None for evidence that lives outside the analysed file
    text: str  # the matched words, as written
    level: Level
    source: str = ""  # where non-file evidence came from: a config file, "pyproject" or "flake8"
    key: str = ""  # the config key or declared setting it came from
    path: str = ""  # for code evidence from another module of the project: that file, relative to the project root

    def sort_key(self) -> tuple:
        return (self.level, self.path, self.line or 0, self.kind, self.text)


class Signal(NamedTuple):
    name: str  # a vocabulary signal: identity, benign, face, law_enforcement, ...
    role: str  # purpose | trait | context
    negated: bool
    evidence: Evidence


@dataclass(frozen=True)
class Provider:
    status: str  # azure | not_azure | unknown
    evidence: Evidence


@dataclass(frozen=True)
class VisionCall:
    """A call that sends an image or audio to a model, with everything known about its context."""

    family: str
    method: str
    line: int
    column: int  # 0-based, as flake8 expects from plugins
    media: frozenset[str]
    provider: Provider
    signals: tuple[Signal, ...]
    call_text: str = ""  # the call's own source text, whitespace-normalised: what its findings' fingerprint hashes
    deployment: str = ""
    sources: frozenset[str] = frozenset()  # where the image comes from: camera, stream, upload, file, url, inline
    unresolved: str = ""  # why the sending client is not known: a possible vision call, listed by the inventory only
    image_from_callers: str = ""  # the wrapper whose callers give the image: decided at each of those calls, not here


@dataclass(frozen=True)
class Finding:
    line: int
    column: int
    code: str
    message: str  # without the code
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    call_text: str = ""  # the sending call's own source text, whitespace-normalised ("" when not about a call)

    @property
    def fingerprint(self) -> str:
        """A hash of the sending call's own source text: stable when lines above it move."""
        return text_fingerprint(self.call_text) if self.call_text else ""


@dataclass(frozen=True)
class Suppression:
    """Why a finding is not shown: a `# noqa` in the source with the reviewer's reason (SARIF kind
    inSource), or the flake8 configuration (`external`: per-file-ignores, ignore)."""

    code: str
    kind: str  # inSource | external
    justification: str  # "" for a `# noqa` without a reason


@dataclass(frozen=True)
class Result:
    """A finding as a front end reports it: in which file, whether flake8 would silence it, and
    whether a baseline already records it."""

    path: str  # relative to the working directory
    finding: Finding
    suppression: Suppression | None = None
    baseline_state: str | None = None  # "new" or "unchanged" when a baseline was given

    @property
    def shown(self) -> bool:
        return self.suppression is None and self.baseline_state != "unchanged"


@dataclass(frozen=True)
class Settings:
    """Declared context: free text read like a comment, and ISO 3166 alpha-2 jurisdictions.

    Comes from the --afp-* options (source "flake8") or [tool.azure-face-policy] ("pyproject")."""

    context: str = ""
    jurisdictions: tuple[str, ...] = ()
    source: str = "flake8"
    problems: tuple[str, ...] = ()  # what was wrong in the configuration (AFP902), each naming file and key


def text_fingerprint(text: str) -> str:
    """A short stable hash of a text: a call's source, or the message of a finding not about a call."""
    import hashlib  # here, not at import: OpenSSL's library costs every flake8 process memory, and flake8 never shows it

    return hashlib.sha256(text.encode()).hexdigest()[:20]


def split_codes(value: str | Iterable[str]) -> tuple[str, ...]:
    """Codes written as `"US, CA"`, `"US CA"` or `["US", "CA"]`, upper-cased: one reading for every front end."""
    items = [value] if isinstance(value, str) else value
    return tuple(code.upper() for item in items for code in re.split(r"[,\s]+", item) if code)
