"""Follows a call's arguments through the project: what they reference, and what that carries.

From each argument it walks into the variables, constants, attributes and helper functions the value
comes from (assignments, appends, updates, loops, `with ... as`), in the module or, through imports,
in another module of the project, collecting the text met on the way and the media (image or audio
parts) the request carries. A helper function the flow passes through, in the module or another one,
brings what it gives (its strings, parts, the values it builds) as the call's own, and its docstring,
comments and names at the enclosing-function level (`Flow.helpers`); another module's header counts
at module level (`Flow.modules`). Inside a wrapper of the project, parameters can be bound
to the arguments of a call of it (`frames`), so that the caller's prompt and image are followed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from flake8_azure_face_policy.budget import WorkBudget
from flake8_azure_face_policy.model import TextItem
from flake8_azure_face_policy.source.index import Binding, FunctionInfo, Owner, Scope
from flake8_azure_face_policy.source.project_index import ProjectIndex
from flake8_azure_face_policy.source.syntax import SELF_NAMES, call_arguments, config_reference, dotted_name, is_own_attribute, keyword_argument, string_text
from flake8_azure_face_policy.calls.providers import endpoint_text
from flake8_azure_face_policy.ruledata import data_file
from flake8_azure_face_policy.source.tree import children
from flake8_azure_face_policy.source.syntax import split_identifier

# Bounds one argument's walk; real data flows reach a few hundred nodes. The walks of all a file's
# calls together are bounded by the file's work budget, which each visit and push is charged to.
NODE_BUDGET = 20_000
VISIT_UNITS = 8  # a visit costs about eight times a push (or a character scanned by the vocabulary)


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
    parameters: set[tuple[int, str]] = field(default_factory=set)  # (function scope, parameter) reached unbound
    helpers: dict[int, tuple[Owner, str]] = field(default_factory=dict)  # functions and classes passed through (helpers, wrappers)
    helper_scopes: set[int] = field(default_factory=set)  # their scopes: the names written there are their context, not the call's
    modules: dict[int, tuple[Owner, str]] = field(default_factory=dict)  # other modules passed through, by their module owner
    image_parts: list[ast.AST] = field(default_factory=list)  # each image part met (a dict or a constructor call)
    image_part_scopes: list[Scope] = field(default_factory=list)  # where each of them is written
    calls: list[ast.Call] = field(default_factory=list)  # the calls met, for parts built by a helper
    # Where comments belong to the flow: ("inside", expression) | ("statement", statement), each
    # with its scope. libcst reads them only once the file is known to
    # hold a vision call (`add_comments` turns them into text).
    comment_requests: list[tuple[str, ast.AST, Scope]] = field(default_factory=list)

    def add_comments(self, project: ProjectIndex) -> None:
        """The requested comments as text items, each once per scope (as the walk visits each node),
        from the comments of each request's module (`ModuleIndex.comments`, read by then)."""
        seen: set[tuple[int, int]] = set()
        asked: set[tuple[str, int, int]] = set()
        for kind, node, scope in self.comment_requests:
            if (kind, id(node), id(scope)) in asked:
                continue
            asked.add((kind, id(node), id(scope)))
            view = project.view_of(scope)
            comments = view.index.comments
            found = comments.inside(node) if kind == "inside" else comments.statement_comments(node)
            for comment in found:
                if (comment.line, id(scope)) not in seen and comment.is_evidence:
                    seen.add((comment.line, id(scope)))
                    self.items.append(TextItem("comment", comment.line, comment.text, view.label))


@dataclass(frozen=True)
class Frame:
    """A call of a project function: its parameters stand for the call's arguments."""

    call: ast.Call
    scope: Scope  # where the call is written
    function: FunctionInfo
    bound: bool  # called on an instance: the first parameter is `self`

    def arguments(self, parameter: str) -> list[ast.expr] | None:
        """The argument values given for a parameter, or None when the call gives none (its default applies)."""
        spec = self.function.node.args
        positional = [arg.arg for arg in (*spec.posonlyargs, *spec.args)][int(self.bound) :]
        named = set(positional) | {arg.arg for arg in spec.kwonlyargs}
        given: dict[str, list[ast.expr]] = {}
        rest: list[ast.expr] = []
        for position, value in enumerate(self.call.args):
            if isinstance(value, ast.Starred) or position >= len(positional):
                rest.append(value.value if isinstance(value, ast.Starred) else value)
            else:
                given.setdefault(positional[position], []).append(value)
        extra = [keyword.value for keyword in self.call.keywords if keyword.arg not in named]
        given.update((keyword.arg, [keyword.value]) for keyword in self.call.keywords if keyword.arg in named)
        if spec.vararg is not None and rest:
            given[spec.vararg.arg] = rest
        if spec.kwarg is not None and extra:
            given[spec.kwarg.arg] = extra
        return given.get(parameter)


class FlowFollower:
    def __init__(
        self,
        project: ProjectIndex,
        labels: ArgumentLabels | None = None,
        markers: MediaMarkers | None = None,
        requests: set[int] | None = None,
        budget: WorkBudget | None = None,
    ):
        self.project = project
        self.budget = budget or WorkBudget.for_source("")
        self.labels = labels or load_argument_labels()
        self.markers = markers or load_media_markers()
        # ids of the request calls met (the analysis adds each it recognises): what one returns is the
        # model's answer, not the request's input, so a value read from it (reply.choices[0].message.content)
        # is not followed into it
        self.requests = requests if requests is not None else set()
        # the project methods a call like `prompt.to_content()` calls (on an instance, a typed parameter):
        # set by the analysis, which knows the project's classes
        self.methods_called: Callable[[ast.expr, Scope], list[tuple[FunctionInfo, bool]]] | None = None

    def follow(self, roots: Iterable[tuple[ast.AST, Scope, str]], frames: dict[int, Frame] | None = None) -> Flow:
        """`frames`: calls standing for parameters, by the called function's scope."""
        frames = frames or {}
        flow = Flow(helper_scopes=set(frames))
        stack: list[tuple[ast.AST, Scope, str]] = []
        for node, scope, label in roots:
            self._push_value(node, scope, label, flow, stack)
        stack.reverse()
        visited: set[tuple[int, int]] = set()
        visits = 0
        charge = self.budget.charge
        while stack and visits < NODE_BUDGET:
            node, scope, label = stack.pop()
            key = (id(node), id(scope))
            if key in visited:
                continue
            visited.add(key)
            visits += 1
            pending = len(stack)
            self._visit(node, scope, label, flow, stack, frames)
            charge("data flow", VISIT_UNITS + max(0, len(stack) - pending))
        return flow

    def _push_value(self, node: ast.AST, scope: Scope, label: str, flow: Flow, stack: list) -> None:
        """A value and the comments written inside it (between the lines of a long literal)."""
        stack.append((node, scope, label))
        flow.comment_requests.append(("inside", node, scope))

    def _item(self, flow: Flow, kind: str, line: int, text: str, scope: Scope) -> None:
        path = self.project.label_of(scope)
        if kind == "name" and (path or id(scope) in flow.helper_scopes):  # a helper's names are its context (`Flow.helpers`)
            return
        if text.strip():
            flow.items.append(TextItem(kind, line, text, path))

    def _media(self, flow: Flow, kind: str, line: int, text: str, scope: Scope, part: ast.AST | None = None) -> None:
        flow.media.setdefault(kind, TextItem("media", line, text, self.project.label_of(scope)))
        if part is not None and kind == "image":
            flow.image_parts.append(part)
            flow.image_part_scopes.append(scope)

    def _visit(self, node: ast.AST, scope: Scope, label: str, flow: Flow, stack: list, frames: dict[int, Frame]) -> None:
        if isinstance(node, (ast.Call, ast.Subscript, ast.Attribute)):
            key = config_reference(node)
            if key:
                self._item(flow, "config_ref", node.lineno, key, scope)
        text = string_text(node) if isinstance(node, (ast.Constant, ast.JoinedStr)) else None
        if text is not None:
            docstring = id(node) in self.project.view_of(scope).index.docstrings
            self._item(flow, "docstring" if docstring else label, node.lineno, text, scope)
            for prefix, kind in self.markers.data_url_prefixes:
                if prefix in text:
                    self._media(flow, kind, node.lineno, prefix, scope)
            flow.sources.update(kind for marker, kind in self.markers.url_sources if marker in text)
            if isinstance(node, ast.JoinedStr):
                for part in reversed(node.values):
                    if isinstance(part, ast.FormattedValue):
                        stack.append((part.value, scope, label))
            return
        if isinstance(node, ast.Name):
            self._item(flow, "name", node.lineno, split_identifier(node.id), scope)
            for binding in self.project.lookup(node.id, scope):
                if binding.kind == "param":
                    frame = frames.get(id(binding.scope))
                    given = frame.arguments(node.id) if frame is not None else None
                    if given is not None:
                        stack.extend((value, frame.scope, label) for value in reversed(given))
                        continue
                    if frame is None and node.id not in SELF_NAMES:
                        flow.parameters.add((id(binding.scope), node.id))
                self._push_binding(binding, label, flow, stack, scope)
            return
        if isinstance(node, ast.Attribute):
            dotted = dotted_name(node)
            flow.sources.update(self.markers.sources_named(dotted or ""))
            if dotted is not None:
                for binding in self.project.attribute_bindings(dotted, scope):
                    self._push_binding(binding, label, flow, stack, scope)
            if is_own_attribute(node):
                self._item(flow, "name", node.end_lineno or node.lineno, split_identifier(node.attr), scope)
            stack.append((node.value, scope, label))
            return
        if isinstance(node, ast.Dict):
            self._dict_media(node, flow, scope)
        elif isinstance(node, ast.Call):
            if id(node) in self.requests:
                return
            flow.calls.append(node)
            self._call_media(node, scope, flow)
            if isinstance(node.func, ast.Attribute) and self.methods_called is not None:
                for function, _ in self.methods_called(node.func, scope):
                    self._push_binding(Binding("function", function.node, None, function.scope, function=function), label, flow, stack, scope)
            for keyword, value in reversed(list(call_arguments(node))):
                arg_label = self.labels.label(keyword, label)
                if arg_label is not None:
                    stack.append((value, scope, arg_label))
            stack.append((node.func, scope, label))
            return
        stack.extend((child, scope, label) for child in reversed(children(node)))

    def _push_binding(self, binding: Binding, label: str, flow: Flow, stack: list, scope: Scope) -> None:
        view = self.project.view_of(binding.scope)
        foreign = view is not self.project.view_of(scope) and view.label != ""
        if foreign:
            flow.modules.setdefault(id(view.index.module_owner), (view.index.module_owner, view.label))
        function = binding.function
        if function is not None:  # a helper: its own words are context of the enclosing-function level
            self.passed_through(flow, function.owner, view.label)
            flow.helper_scopes.add(id(function.scope))
            body = function.node.body
            if body and id(getattr(body[0], "value", None)) in view.index.docstrings:
                body = body[1:]
            stack.extend((statement, function.scope, label) for statement in reversed(body))
            return
        if binding.kind in ("import", "class", "module"):
            return
        if binding.kind != "param" and binding.statement is not None and id(binding.scope) not in flow.helper_scopes:
            flow.comment_requests.append(("statement", binding.statement, binding.scope))  # a helper's are its own context
        if binding.value is not None:
            self._push_value(binding.value, binding.scope, label, flow, stack)

    @staticmethod
    def passed_through(flow: Flow, owner: Owner, label: str) -> None:
        """A function (and the classes around it) whose docstring, comments and names are context."""
        current: Owner | None = owner
        while current is not None and current.kind != "module":
            flow.helpers.setdefault(id(current), (current, label))
            current = current.parent

    def _dict_media(self, node: ast.Dict, flow: Flow, scope: Scope) -> None:
        for key_node, value in zip(node.keys, node.values):
            if key_node is None:  # {**other}
                continue
            key = string_text(key_node)
            if key == "type":
                kind = self.markers.part_types.get(string_text(value) or "")
                if kind:
                    self._media(flow, kind, key_node.lineno, string_text(value) or "", scope, node)
            elif key in self.markers.part_keys:
                self._media(flow, self.markers.part_keys[key], key_node.lineno, key, scope, node)

    def _call_media(self, node: ast.Call, scope: Scope, flow: Flow) -> None:
        name = self.project.qualify(node.func, scope) or ""  # through imports: `P` may be an alias of a typed part
        short = name.rsplit(".", 1)[-1]
        flow.sources.update(self.markers.sources_named(name))
        typed = self.markers.typed_part(name) if name else None
        if typed is not None:
            self._media(flow, typed[0], node.lineno, typed[1], scope, node)
        elif name and self.markers.media_typed_part(name):
            kind = self.markers.kind_of_media_type(self._media_type(node, scope))
            if kind:
                self._media(flow, kind, node.lineno, short, scope, node)
        elif short == "dict":
            kind_argument = keyword_argument(node, ("type",))
            kind = self.markers.part_types.get(string_text(kind_argument.value) or "") if kind_argument is not None else None
            if kind:
                self._media(flow, kind, node.lineno, string_text(kind_argument.value) or "", scope, node)
        if short in self.markers.live_captures or (short in self.markers.device_index_captures and self._reads_device(node, scope)):
            flow.live_captures.append(TextItem("code", node.lineno, f"{short}({self._first_arg_text(node)})", self.project.label_of(scope)))

    def _media_type(self, node: ast.Call, scope: Scope) -> str | None:
        """Content.from_data(data, "image/png"), BinaryContent(data=..., media_type=MIME): the text, if the module shows it."""
        named = keyword_argument(node, self.markers.media_type_keywords)
        value = named.value if named is not None else (node.args[1] if len(node.args) > 1 else None)
        return endpoint_text(value, scope, self.project) if value is not None else None

    def _reads_device(self, node: ast.Call, scope: Scope) -> bool:
        """VideoCapture(0) or VideoCapture(CAMERA_INDEX) with an int: a live camera, not a file."""
        if not node.args:
            return False
        value = node.args[0]
        if isinstance(value, ast.Name):
            bound = [b.value for b in self.project.lookup(value.id, scope) if b.value is not None]
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
