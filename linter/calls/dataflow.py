"""Follows a call's arguments through the module: what they reference, and what that carries.

From each argument it walks into the variables, constants, attributes and same-module helper
functions the value comes from (assignments, appends, updates, loops, `with ... as`), collecting
the text met on the way and the media (image or audio parts) the request carries.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from flake8_azure_face_policy.context.comments import Comment
from flake8_azure_face_policy.model import TextItem
from flake8_azure_face_policy.source.index import Binding, ModuleIndex, Scope
from flake8_azure_face_policy.source.syntax import call_arguments, config_reference, dotted_name, is_own_attribute, keyword_argument, string_text
from flake8_azure_face_policy.calls.providers import endpoint_text
from flake8_azure_face_policy.ruledata import data_file
from flake8_azure_face_policy.source.tree import children
from flake8_azure_face_policy.source.syntax import split_identifier

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
    media_typed_parts: frozenset[str]  # constructors whose media is their media type argument
    media_type_keywords: tuple[str, ...]
    media_type_kinds: tuple[tuple[str, str], ...]  # (media type prefix, media kind)

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

    def media_typed_part(self, qualified: str) -> bool:
        return any(qualified == marker or qualified.startswith(marker + ".") for marker in self.media_typed_parts)

    def kind_of_media_type(self, media_type: str | None) -> str | None:
        """The media kind a media type names; an image when the module does not show it."""
        if media_type is None or "{}" in media_type or media_type.startswith("$"):
            return "image"
        return next((kind for prefix, kind in self.media_type_kinds if media_type.lower().startswith(prefix)), None)


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
        media_typed_parts=frozenset(data["media_typed_parts"]["constructors"]),
        media_type_keywords=tuple(data["media_typed_parts"]["keywords"]),
        media_type_kinds=tuple(data["media_typed_parts"]["kinds"].items()),
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
    def __init__(
        self,
        index: ModuleIndex,
        labels: ArgumentLabels | None = None,
        markers: MediaMarkers | None = None,
        requests: frozenset[int] = frozenset(),
    ):
        self.index = index
        self.labels = labels or load_argument_labels()
        self.markers = markers or load_media_markers()
        # ids of the module's request calls: what one returns is the model's answer, not the
        # request's input, so a value read from it (reply.choices[0].message.content) is not followed into it
        self.requests = requests

    def follow(self, roots: Iterable[tuple[ast.AST, Scope, str]]) -> Flow:
        flow = Flow()
        stack: list[tuple[ast.AST | Comment, Scope, str]] = []
        for node, scope, label in roots:
            self._push_value(node, scope, label, stack)
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

    def _push_value(self, node: ast.AST, scope: Scope, label: str, stack: list) -> None:
        """A value and the comments written inside it (between the lines of a long literal)."""
        stack.append((node, scope, label))
        stack.extend((comment, scope, label) for comment in self.index.comments_inside(node))

    def _item(self, flow: Flow, kind: str, line: int, text: str) -> None:
        if text.strip():
            flow.items.append(TextItem(kind, line, text))

    def _media(self, flow: Flow, kind: str, line: int, text: str) -> None:
        flow.media.setdefault(kind, TextItem("media", line, text))

    def _visit(self, node: ast.AST | Comment, scope: Scope, label: str, flow: Flow, stack: list) -> None:
        if isinstance(node, Comment):
            if node.is_evidence:
                self._item(flow, "comment", node.line, node.text)
            return
        if isinstance(node, (ast.Call, ast.Subscript, ast.Attribute)):
            key = config_reference(node)
            if key:
                self._item(flow, "config_ref", node.lineno, key)
        text = string_text(node) if isinstance(node, (ast.Constant, ast.JoinedStr)) else None
        if text is not None:
            self._item(flow, "docstring" if id(node) in self.index.docstrings else label, node.lineno, text)
            for prefix, kind in self.markers.data_url_prefixes:
                if prefix in text:
                    self._media(flow, kind, node.lineno, prefix)
            flow.sources.update(kind for marker, kind in self.markers.url_sources if marker in text)
            if isinstance(node, ast.JoinedStr):
                for part in reversed(node.values):
                    if isinstance(part, ast.FormattedValue):
                        stack.append((part.value, scope, label))
            return
        if isinstance(node, ast.Name):
            self._item(flow, "name", node.lineno, split_identifier(node.id))
            for binding in self.index.lookup(node.id, scope):
                self._push_binding(binding, label, flow, stack)
            return
        if isinstance(node, ast.Attribute):
            dotted = dotted_name(node)
            flow.sources.update(self.markers.sources_named(dotted or ""))
            if dotted is not None:
                for binding in self.index.attribute_bindings(dotted, scope):
                    self._push_binding(binding, label, flow, stack)
            if is_own_attribute(node):
                self._item(flow, "name", node.end_lineno or node.lineno, split_identifier(node.attr))
            stack.append((node.value, scope, label))
            return
        if isinstance(node, ast.Dict):
            self._dict_media(node, flow)
        elif isinstance(node, ast.Call):
            if id(node) in self.requests:
                return
            self._call_media(node, scope, flow)
            for keyword, value in reversed(list(call_arguments(node))):
                arg_label = self.labels.label(keyword, label)
                if arg_label is not None:
                    stack.append((value, scope, arg_label))
            stack.append((node.func, scope, label))
            return
        stack.extend((child, scope, label) for child in reversed(children(node)))

    def _push_binding(self, binding: Binding, label: str, flow: Flow, stack: list) -> None:
        function = binding.function
        if function is not None:
            stack.extend((comment, function.scope, label) for comment in self.index.statement_comments(function.node))
            stack.extend((comment, function.scope, label) for comment in self.index.function_comments(function))
            stack.extend((statement, function.scope, label) for statement in reversed(function.node.body))
            return
        if binding.kind in ("import", "class"):
            return
        if binding.kind != "param":
            stack.extend((comment, binding.scope, label) for comment in self.index.statement_comments(binding.statement))
        if binding.value is not None:
            self._push_value(binding.value, binding.scope, label, stack)

    def _dict_media(self, node: ast.Dict, flow: Flow) -> None:
        for key_node, value in zip(node.keys, node.values):
            if key_node is None:  # {**other}
                continue
            key = string_text(key_node)
            if key == "type":
                kind = self.markers.part_types.get(string_text(value) or "")
                if kind:
                    self._media(flow, kind, key_node.lineno, string_text(value) or "")
            elif key in self.markers.part_keys:
                self._media(flow, self.markers.part_keys[key], key_node.lineno, key)

    def _call_media(self, node: ast.Call, scope: Scope, flow: Flow) -> None:
        name = self.index.qualify(node.func) or ""  # through imports: `P` may be an alias of a typed part
        short = name.rsplit(".", 1)[-1]
        flow.sources.update(self.markers.sources_named(name))
        typed = self.markers.typed_part(name) if name else None
        if typed is not None:
            self._media(flow, typed[0], node.lineno, typed[1])
        elif name and self.markers.media_typed_part(name):
            kind = self.markers.kind_of_media_type(self._media_type(node, scope))
            if kind:
                self._media(flow, kind, node.lineno, short)
        elif short == "dict":
            kind_argument = keyword_argument(node, ("type",))
            kind = self.markers.part_types.get(string_text(kind_argument.value) or "") if kind_argument is not None else None
            if kind:
                self._media(flow, kind, node.lineno, string_text(kind_argument.value) or "")
        if short in self.markers.live_captures or (short in self.markers.device_index_captures and self._reads_device(node, scope)):
            flow.live_captures.append(TextItem("code", node.lineno, f"{short}({self._first_arg_text(node)})"))

    def _media_type(self, node: ast.Call, scope: Scope) -> str | None:
        """Content.from_data(data, "image/png"), BinaryContent(data=..., media_type=MIME): the text, if the module shows it."""
        named = keyword_argument(node, self.markers.media_type_keywords)
        value = named.value if named is not None else (node.args[1] if len(node.args) > 1 else None)
        return endpoint_text(value, scope, self.index) if value is not None else None

    def _reads_device(self, node: ast.Call, scope: Scope) -> bool:
        """VideoCapture(0) or VideoCapture(CAMERA_INDEX) with an int: a live camera, not a file."""
        if not node.args:
            return False
        value = node.args[0]
        if isinstance(value, ast.Name):
            bound = [b.value for b in self.index.lookup(value.id, scope) if b.value is not None]
            value = bound[0] if len(bound) == 1 else value
        return _is_integer(value)

    @staticmethod
    def _first_arg_text(node: ast.Call) -> str:
        if not node.args:
            return ""
        value = node.args[0]
        if _is_integer(value):
            return str(value.value)
        return dotted_name(value) or "..."


def _is_integer(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int
