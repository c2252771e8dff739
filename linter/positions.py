"""Start line and column of every node, from one lean code-generation pass.

libcst's PositionProvider builds two position objects per node and splits every token with a
regular expression; on vision-heavy files it cost four times the parse itself. The analysis only
needs where nodes start, so this records a (line, column) pair as code generation enters each node.
It uses libcst's code-generation hooks (not public API); if they change, it falls back to
PositionProvider, and a test checks that both agree on every node whose position the linter reports.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

try:
    from libcst._nodes.internal import CodegenState
except ImportError:  # pragma: no cover - a libcst without these internals
    CodegenState = None  # type: ignore[assignment,misc]

_LINE_BREAK = re.compile(r"\r\n?|\n")

if CodegenState is not None:

    class _StartRecorder(CodegenState):  # type: ignore[misc,valid-type]
        """Tracks line and column like PositionProvider, keeping no tokens and no end positions."""

        def __init__(self, module: cst.Module):
            super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
            self.line = 1
            self.column = 0
            self.starts: dict[cst.CSTNode, tuple[int, int]] = {}

        def add_indent_tokens(self) -> None:
            for token in self.indent_tokens:
                self.add_token(token)

        def add_token(self, value: str) -> None:
            if "\n" in value or "\r" in value:
                segments = _LINE_BREAK.split(value)
                self.line += len(segments) - 1
                self.column = len(segments[-1])
            else:
                self.column += len(value)

        def before_codegen(self, node: cst.CSTNode) -> None:
            self.starts[node] = (self.line, self.column)

        def pop_trailing_newline(self) -> None:
            pass  # positions of earlier nodes do not depend on the file's last newline


def provider_starts(module: cst.Module) -> Mapping[cst.CSTNode, tuple[int, int]]:
    """The same starts from libcst's public PositionProvider (slower)."""
    ranges: Any = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    return {node: (code_range.start.line, code_range.start.column) for node, code_range in ranges.items()}


def node_starts(module: cst.Module) -> Mapping[cst.CSTNode, tuple[int, int]]:
    if CodegenState is not None:
        try:
            recorder = _StartRecorder(module)
            module._codegen(recorder)
            return recorder.starts
        except (AttributeError, TypeError):  # pragma: no cover - internals changed shape
            pass
    return provider_starts(module)
