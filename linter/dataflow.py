"""Follows a call's arguments through the module: what they reference, and what that carries.

From each argument it walks into the variables, constants, attributes and same-module helper
functions the value comes from (assignments, appends, updates, loops, `with ... as`), collecting
the text met on the way and the media (image or audio parts) the request carries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import libcst as cst

from linter.model import TextItem
from linter.module_index import (
    Binding,
    ModuleIndex,
    Scope,
    comment_text,
    config_reference,
    dotted_name,
    is_evidence_comment,
    is_own_attribute,
    statement_comments,
    string_text,
)
from linter.ruledata import data_file
from linter.tree import children
from linter.vocabulary import split_identifier

# Bounds the walk on pathological modules; real data flows reach a few hundred nodes.
NODE_BUDGET = 20_000


@dataclass(frozen=True)
class MediaMarkers:
    part_types: dict[str, str]
    part_keys: dict[str, str]
    typed_parts: dict[str, str]
    data_url_prefixes: tuple[tuple[str, str], ...]
    device_index_captures: frozenset[str]
    live_captures: frozenset[str]
    source_names: dict[str, str]  # call or attribute segment -> image source kind
    url_sources: tuple[tuple[str, str], ...]  # (text in a string, image source kind)

    def sources_named(self, dotted: str) -> set[str]:
        """Image sources a dotted name points to: `cv2.VideoCapture` -> camera, `request.files` -> upload."""
        return {self.source_names[segment] for segment in dotted.split(".") if segment in self.source_names}

    def typed_part(self, qualified: str) -> tuple[str, str] | None:
        """(media kind, marker) when a call's qualified name constructs an image or audio part."""
        segments = qualified.split(".")
        for marker, kind in self.typed_parts.items():
            if "." in marker:
                if qualified == marker or qualified.startswith(marker + "."):
                    return kind, marker
            elif marker in segments:
                return kind, marker
        return None


def _by_kind(section: dict[str, list[str]]) -> dict[str, str]:
    return {value: kind for kind, values in section.items() for value in values}


@lru_cache(maxsize=None)
def load_media_markers() -> MediaMarkers:
    data = data_file("media.yaml")
    return MediaMarkers(
        part_types=_by_kind(data["part_types"]),
        part_keys=_by_kind(data["part_keys"]),
        typed_parts=_by_kind(data["typed_parts"]),
        data_url_prefixes=tuple((prefix, kind) for kind, prefixes in data["data_url_prefixes"].items() for prefix in prefixes),
        device_index_captures=frozenset(data["live_capture"]["device_index"]),
        live_captures=frozenset(data["live_capture"]["always"]),
        source_names=_by_kind(data["image_sources"]),
        url_sources=tuple((marker, kind) for kind, markers in data["url_sources"].items() for marker in markers),
    )


@lru_cache(maxsize=None)
def load_argument_labels() -> "ArgumentLabels":
    arguments = data_file("clients.yaml")["arguments"]
    return ArgumentLabels(frozenset(arguments["deployment"]), frozenset(arguments["endpoint"]), frozenset(arguments["secret"]))


@dataclass(frozen=True)
class ArgumentLabels:
    """How a keyword argument's text is labelled in evidence; secrets are not read at all."""

    model: frozenset[str]
    endpoint: frozenset[str]
    secret: frozenset[str]

    def label(self, keyword: str | None, current: str) -> str | None:
        if keyword is None:
            return current
        if keyword in self.secret:
            return None
        if keyword in self.model:
            return "model"
        if keyword in self.endpoint:
            return "endpoint"
        return current


@dataclass
class Flow:
    items: list[TextItem] = field(default_factory=list)
    media: dict[str, TextItem] = field(default_factory=dict)  # media kind -> where first seen
    live_captures: list[TextItem] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)  # camera, stream, upload, file, url, inline


class FlowFollower:
    def __init__(self, index: ModuleIndex, labels: ArgumentLabels | None = None, markers: MediaMarkers | None = None):
        self.index = index
        self.labels = labels or load_argument_labels()
        self.markers = markers or load_media_markers()

    def follow(self, roots: Iterable[tuple[cst.CSTNode, Scope, str]]) -> Flow:
        flow = Flow()
        stack = list(roots)
        stack.reverse()
        visited: set[tuple[int, int]] = set()
        budget = NODE_BUDGET
        while stack and budget > 0:
            node, scope, label = stack.pop()
            key = (id(node), id(scope))
            if key in visited:
                continue
            visited.add(key)
            budget -= 1
            self._visit(node, scope, label, flow, stack)
        return flow

    def _item(self, flow: Flow, kind: str, node: cst.CSTNode, text: str) -> None:
        if text.strip():
            flow.items.append(TextItem(kind, self.index.line_of(node), text))

    def _media(self, flow: Flow, kind: str, node: cst.CSTNode, text: str) -> None:
        flow.media.setdefault(kind, TextItem("media", self.index.line_of(node), text))

    def _visit(self, node: cst.CSTNode, scope: Scope, label: str, flow: Flow, stack: list) -> None:
        if isinstance(node, (cst.Call, cst.Subscript, cst.Attribute)):
            key = config_reference(node)
            if key:
                self._item(flow, "config_ref", node, key)
        if isinstance(node, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)):
            text = string_text(node) or ""
            self._item(flow, "docstring" if id(node) in self.index.docstrings else label, node, text)
            for prefix, kind in self.markers.data_url_prefixes:
                if prefix in text:
                    self._media(flow, kind, node, prefix)
            flow.sources.update(kind for marker, kind in self.markers.url_sources if marker in text)
            if isinstance(node, cst.FormattedString):
                for part in reversed(node.parts):
                    if isinstance(part, cst.FormattedStringExpression):
                        stack.append((part.expression, scope, label))
            return
        if isinstance(node, cst.Name):
            self._item(flow, "name", node, split_identifier(node.value))
            for binding in self.index.lookup(node.value, scope):
                self._push_binding(binding, label, flow, stack)
            return
        if isinstance(node, cst.Attribute):
            dotted = dotted_name(node)
            flow.sources.update(self.markers.sources_named(dotted or ""))
            if dotted is not None:
                for binding in self.index.attribute_bindings(dotted, scope):
                    self._push_binding(binding, label, flow, stack)
            if is_own_attribute(node):
                self._item(flow, "name", node.attr, split_identifier(node.attr.value))
            stack.append((node.value, scope, label))
            return
        if isinstance(node, cst.Comment):
            if is_evidence_comment(node):
                self._item(flow, "comment", node, comment_text(node))
            return
        if isinstance(node, cst.Dict):
            self._dict_media(node, flow)
        elif isinstance(node, cst.Call):
            self._call_media(node, scope, flow)
            for arg in reversed(node.args):
                keyword = arg.keyword.value if arg.keyword is not None else None
                arg_label = self.labels.label(keyword, label)
                if arg_label is not None:
                    stack.append((arg.value, scope, arg_label))
            stack.append((node.func, scope, label))
            return
        stack.extend((child, scope, label) for child in reversed(children(node)))

    def _push_binding(self, binding: Binding, label: str, flow: Flow, stack: list) -> None:
        if binding.function is not None:
            for comment in statement_comments(binding.function.node):
                stack.append((comment, binding.function.scope, label))
            stack.append((binding.function.node.body, binding.function.scope, label))
            return
        if binding.kind in ("import", "class"):
            return
        for comment in statement_comments(binding.statement if binding.kind != "param" else None):
            stack.append((comment, binding.scope, label))
        if binding.value is not None:
            stack.append((binding.value, binding.scope, label))

    def _dict_media(self, node: cst.Dict, flow: Flow) -> None:
        for element in node.elements:
            if not isinstance(element, cst.DictElement):
                continue
            key = string_text(element.key)
            if key == "type":
                kind = self.markers.part_types.get(string_text(element.value) or "")
                if kind:
                    self._media(flow, kind, element, string_text(element.value) or "")
            elif key in self.markers.part_keys:
                self._media(flow, self.markers.part_keys[key], element, key)

    def _call_media(self, node: cst.Call, scope: Scope, flow: Flow) -> None:
        name = self.index.qualify(node.func) or ""  # through imports: `P` may be an alias of a typed part
        short = name.rsplit(".", 1)[-1]
        flow.sources.update(self.markers.sources_named(name))
        typed = self.markers.typed_part(name) if name else None
        if typed is not None:
            self._media(flow, typed[0], node, typed[1])
        elif short == "dict":
            for arg in node.args:
                if arg.keyword is not None and arg.keyword.value == "type":
                    kind = self.markers.part_types.get(string_text(arg.value) or "")
                    if kind:
                        self._media(flow, kind, node, string_text(arg.value) or "")
        if short in self.markers.live_captures or (short in self.markers.device_index_captures and self._reads_device(node, scope)):
            flow.live_captures.append(TextItem("code", self.index.line_of(node), f"{short}({self._first_arg_text(node)})"))

    def _reads_device(self, node: cst.Call, scope: Scope) -> bool:
        """VideoCapture(0) or VideoCapture(CAMERA_INDEX) with an int: a live camera, not a file."""
        if not node.args:
            return False
        value = node.args[0].value
        if isinstance(value, cst.Name):
            bound = [b.value for b in self.index.lookup(value.value, scope) if b.value is not None]
            value = bound[0] if len(bound) == 1 else value
        return isinstance(value, cst.Integer)

    @staticmethod
    def _first_arg_text(node: cst.Call) -> str:
        if not node.args:
            return ""
        value = node.args[0].value
        if isinstance(value, cst.Integer):
            return value.value
        return dotted_name(value) or "..."
