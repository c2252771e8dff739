"""Follows a call's arguments through the project: what they reference, and what that carries.

From each argument it walks into the variables, constants, attributes and helper functions the value
comes from (assignments, appends, updates, loops, `with ... as`), in the module or, through imports,
in another module of the project, collecting the text met on the way and the media (image or audio
parts) the request carries. A helper function the flow passes through, in the module or another one,
brings what it gives (its strings, parts, the values it builds) as the call's own, and its docstring,
comments and names at the enclosing-function level (`Flow.helpers`); another module's header counts
at module level (`Flow.modules`). Inside a wrapper of the project, parameters can be bound
to the arguments of a call of it (`frames`), so that the caller's prompt and image are followed.

What a name's or attribute's bindings carry is followed once per analysis and reused whole, in its
place, by every later walk that meets the reference and has visited none of its nodes (`_Followed`):
N sends of a list built by N appends walk the appends once, and the evidence and structure read
from a reused flow are read once too. The result of each walk is the one a walk of its own gives.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from flake8_azure_face_policy.budget import WorkBudget
from flake8_azure_face_policy.model import TextItem
from flake8_azure_face_policy.source.index import Binding, FunctionInfo, Owner, Scope
from flake8_azure_face_policy.source.project_index import ProjectIndex
from flake8_azure_face_policy.source.syntax import SELF_NAMES, call_arguments, config_reference, dotted_name, is_own_attribute, keyword_argument, string_text
from flake8_azure_face_policy.calls.providers import endpoint_text
from flake8_azure_face_policy.ruledata import data_file
from flake8_azure_face_policy.source.tree import children
from flake8_azure_face_policy.source.syntax import is_key, split_identifier

# Bounds one argument's walk (a reused flow counts its visits); real data flows reach a few hundred
# nodes. The walks of all a file's calls together are bounded by the file's work budget, which each
# visit, push and reuse is charged to.
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


# Sequences of a flow whose reused flows are kept in place (see `Flow.pieces`), in this order in each mark.
_MARKED = ("items", "image_parts", "image_part_scopes", "calls", "comment_requests")


@dataclass(eq=False)  # compared and hashed by identity: a reused flow is one object shared by many
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
    # with its scope. libcst reads them only once the file is known to hold a vision call
    # (`add_comments` turns them into `comments`).
    comment_requests: list[tuple[str, ast.AST, Scope]] = field(default_factory=list)
    comments: list[TextItem] = field(default_factory=list)
    comment_keys: set[tuple[int, int]] = field(default_factory=set)  # (line, scope id) of `comments`
    # What a reference's bindings carry, followed once and kept whole by every flow that meets the
    # reference (N sends of one list walk its N appends once): each reused flow with the lengths of
    # the own `_MARKED` sequences when it was met, so the walk's order is kept. The small collections
    # (media, sources, parameters, helpers and their scopes, modules, live captures) are merged in instead.
    reused: list[tuple[tuple[int, ...], "Flow"]] = field(default_factory=list)
    comments_merged: bool = False  # reused flows' comments overlapped: all are in `comments`
    _comments_read: bool = field(default=False, repr=False)
    _first_text: dict[str, str | None] = field(default_factory=dict, repr=False)

    def reuse(self, other: "Flow") -> int:
        """Keeps a followed flow in place; returns the entries merged (the work)."""
        self.reused.append((tuple(len(getattr(self, name)) for name in _MARKED), other))
        for kind, item in other.media.items():
            self.media.setdefault(kind, item)
        self.live_captures += other.live_captures
        self.sources |= other.sources
        self.parameters |= other.parameters
        self.helper_scopes |= other.helper_scopes
        for key, value in other.helpers.items():
            self.helpers.setdefault(key, value)
        for key, value in other.modules.items():
            self.modules.setdefault(key, value)
        return len(other.media) + len(other.live_captures) + len(other.sources) + len(other.parameters) + len(other.helper_scopes) + len(other.helpers) + len(other.modules)

    def pieces(self, name: str) -> Iterator["list | Flow"]:
        """One of the `_MARKED` sequences in the walk's order: runs of own entries, and reused flows."""
        own = getattr(self, name)
        position = _MARKED.index(name)
        start = 0
        for marks, other in self.reused:
            if marks[position] > start:
                yield own[start : marks[position]]
                start = marks[position]
            yield other
        if start < len(own):
            yield own[start:] if start else own

    def every(self, name: str) -> Iterator:
        """Each entry of one of the `_MARKED` sequences, reused flows' included, in the walk's order."""
        for piece in self.pieces(name):
            yield from (piece.every(name) if isinstance(piece, Flow) else piece)

    def parts(self) -> Iterator["Flow"]:
        """The flow and the flows it reuses."""
        yield self
        for _, other in self.reused:
            yield from other.parts()

    def first_text(self, kind: str) -> str | None:
        """The text of the first item of a kind (the model of a client), once per flow."""
        if kind not in self._first_text:
            found = None
            for piece in self.pieces("items"):
                found = piece.first_text(kind) if isinstance(piece, Flow) else next((item.text for item in piece if item.kind == kind), None)
                if found is not None:
                    break
            self._first_text[kind] = found
        return self._first_text[kind]

    def comment_pieces(self) -> Iterator["list[TextItem] | Flow"]:
        """The comments read for the flow: its own, and its reused flows' (unless merged into its own)."""
        yield self.comments
        if not self.comments_merged:
            for _, other in self.reused:
                yield other

    def add_comments(self, project: ProjectIndex) -> None:
        """The requested comments as text items, each once per scope (as the walk visits each node),
        from the comments of each request's module (`ModuleIndex.comments`, read by then). A reused
        flow reads its own once for every flow that keeps it."""
        if self._comments_read:
            return
        self._comments_read = True
        for _, other in self.reused:
            other.add_comments(project)
        self.comments, self.comment_keys = _read_comments(self.comment_requests, project)
        commented = [other.comment_keys for _, other in self.reused if other.comment_keys]
        seen = set(self.comment_keys)
        for position, keys in enumerate(commented):
            if not seen.isdisjoint(keys):  # a comment met twice is kept once: read them all in order
                self.comments, self.comment_keys = _read_comments(self.every("comment_requests"), project)
                self.comments_merged = True
                return
            if position < len(commented) - 1:
                seen |= keys


def _read_comments(requests: Iterable[tuple[str, ast.AST, Scope]], project: ProjectIndex) -> tuple[list[TextItem], set[tuple[int, int]]]:
    found: list[TextItem] = []
    seen: set[tuple[int, int]] = set()
    asked: set[tuple[str, int, int]] = set()
    for kind, node, scope in requests:
        if (kind, id(node), id(scope)) in asked:
            continue
        asked.add((kind, id(node), id(scope)))
        view = project.view_of(scope)
        comments = view.index.comments
        read = comments.inside(node) if kind == "inside" else comments.statement_comments(node)
        for comment in read:
            if (comment.line, id(scope)) not in seen and comment.is_evidence:
                seen.add((comment.line, id(scope)))
                found.append(TextItem("comment", comment.line, comment.text, view.label))
    return found, seen


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


@dataclass(frozen=True)
class _Reference:
    """A name or attribute whose bindings a walk expands when it pops this (an attribute's after its
    object, as the bindings' values were pushed below it)."""

    kind: str  # name | attribute
    text: str  # the name, or the attribute's dotted name


@dataclass(frozen=True)
class _Followed:
    """What a reference's bindings carry, followed from them alone: reusable by any walk that has
    visited none of its nodes (then its walk would have met exactly these), gives the same answers
    to what it asked of the walk around it (`_Walk.asked`), and has room for its visits."""

    flow: Flow
    visited: frozenset[tuple[int, int]]
    visits: int
    cut_at: int | None  # the visit bound that stopped it, or None: followed to its end
    answers: tuple  # what it asked, answered (frames kept, for their ids: see `_Walk.answers`)

    def fits(self, room: int) -> bool:
        return self.visits <= room if self.cut_at is None else self.cut_at == room


class _Walk:
    """One depth-first walk: each node is visited once per scope, at most `bound` visits. The walk
    of a reference alone (`around`: the walk it is reused in) asks that walk for the frames of
    function scopes and whether a scope is a helper's, and records what it asked."""

    def __init__(self, frames: dict[int, Frame], bound: int, around: "_Walk | None" = None, within: Scope | None = None):
        self.flow = Flow(helper_scopes=set(frames) if around is None else set())
        self.within = within  # a walk kept to one function: the bindings of its own scopes alone
        self.stack: list[tuple[ast.AST | _Reference, Scope, str]] = []
        self.frames = frames
        self.bound = bound
        self.around = around
        self.asked: dict[tuple[str, int], Frame | bool | None] = {}  # ("frame" | "helper", scope id) -> answer
        self.visits = 0
        self.overlapped = False  # a reference's walk that met a node of the walk around (stopped there)
        self.visited: set[tuple[int, int]] = set()
        self.visited_apart: list[frozenset[tuple[int, int]]] = []  # large reused flows' nodes, not copied

    def frame(self, scope: int) -> Frame | None:
        found = self.frames.get(scope)
        if self.around is not None:
            self.asked.setdefault(("frame", scope), found)
        return found

    def is_helper_scope(self, scope: int) -> bool:
        """A scope of a helper the flow passed through: its names and comments are the helper's context."""
        if scope in self.flow.helper_scopes:
            return True
        if self.around is None:
            return False
        return self.asked.setdefault(("helper", scope), scope in self.around.flow.helper_scopes)  # type: ignore[return-value]

    def answers(self, questions: tuple[tuple[str, int], ...]) -> tuple:
        """This walk's answers to the questions a reference's walk asked, comparable with its `_Followed.answers`."""
        return tuple(id(self.frames.get(scope)) if kind == "frame" else scope in self.flow.helper_scopes for kind, scope in questions)

    @staticmethod
    def recorded(asked: dict[tuple[str, int], Frame | bool | None]) -> tuple:
        return tuple(id(answer) if kind == "frame" else answer for (kind, _), answer in asked.items())

    def has_visited(self, key: tuple[int, int]) -> bool:
        return key in self.visited or any(key in nodes for nodes in self.visited_apart)

    def can_reuse(self, followed: _Followed) -> bool:
        nodes = followed.visited
        return self.visited.isdisjoint(nodes) and all(other.isdisjoint(nodes) for other in self.visited_apart)

    def reuse(self, followed: _Followed) -> int:
        """Keeps a followed reference's flow and counts its nodes as visited; returns the work."""
        work = 1 + min(len(self.visited), len(followed.visited)) + sum(min(len(other), len(followed.visited)) for other in self.visited_apart)
        if len(followed.visited) > _COPIED_NODES:
            self.visited_apart.append(followed.visited)
        else:
            self.visited.update(followed.visited)
            work += len(followed.visited)
        self.visits += followed.visits
        return work + self.flow.reuse(followed.flow)


_COPIED_NODES = 64  # a reused flow with more nodes keeps its own set (checked, not copied, by each walk)


class FlowFollower:
    def __init__(
        self,
        project: ProjectIndex,
        labels: ArgumentLabels | None = None,
        markers: MediaMarkers | None = None,
        budget: WorkBudget | None = None,
    ):
        self.project = project
        self.budget = budget or WorkBudget.for_source("")
        self.labels = labels or load_argument_labels()
        self.markers = markers or load_media_markers()
        # ids of the request calls met (the analysis adds each it recognises): what one returns is the
        # model's answer, not the request's input, so a value read from it (reply.choices[0].message.content)
        # is not followed into it
        self.requests: set[int] = set()
        # the project methods a call like `prompt.to_content()` calls (on an instance, a typed parameter):
        # set by the analysis, which knows the project's classes
        self.methods_called: Callable[[ast.expr, Scope], list[tuple[FunctionInfo, bool]]] | None = None
        # (reference, scope id, label) -> what its walk asked of the walk around it -> the answers ->
        # its followed flows (one per visit bound that cut it short). All the analysis is static,
        # except that a request recognised later is not walked into: then all are dropped.
        self._followed: dict[tuple[_Reference, int, str], dict[tuple, dict[tuple, list[_Followed]]]] = {}
        self._overlapping: set[tuple[_Reference, int, str]] = set()  # references a walk could not reuse

    def add_request(self, call: ast.Call) -> None:
        if id(call) not in self.requests:
            self.requests.add(id(call))
            self._followed.clear()

    def follow(self, roots: Iterable[tuple[ast.AST, Scope, str]], frames: dict[int, Frame] | None = None, within: Scope | None = None) -> Flow:
        """`frames`: calls standing for parameters, by the called function's scope. `within`: a
        function whose parameters are all that is asked (which of them reach a request): the walk
        stays in its scopes, and reuses no reference's flow, which a full walk would."""
        walk = _Walk(frames or {}, NODE_BUDGET, within=within)
        for node, scope, label in roots:
            self._push_value(node, scope, label, walk.flow, walk.stack)
        walk.stack.reverse()
        self._run(walk)
        return walk.flow

    def _run(self, walk: _Walk) -> None:
        stack = walk.stack
        charge = self.budget.charge
        while stack and walk.visits < walk.bound:
            node, scope, label = stack.pop()
            if isinstance(node, _Reference):
                self._expand(walk, node, scope, label)
                continue
            key = (id(node), id(scope))
            if walk.has_visited(key):
                continue
            if walk.around is not None and walk.around.has_visited(key):
                walk.overlapped = True  # the walk around has met this node: it cannot reuse this flow
                return
            walk.visited.add(key)
            walk.visits += 1
            pending = len(stack)
            self._visit(node, scope, label, walk)
            charge("data flow", VISIT_UNITS + max(0, len(stack) - pending))
        if stack:  # cut short: the bindings of references still waiting were met all the same
            rest = [entry for entry in stack if isinstance(entry[0], _Reference)]
            for reference, scope, label in rest:
                self._push_bindings(walk, reference, scope, label)  # type: ignore[arg-type]

    def _expand(self, walk: _Walk, reference: _Reference, scope: Scope, label: str) -> None:
        """A reference's bindings: reused whole from an earlier walk's when this walk can, else pushed."""
        if walk.around is None and walk.within is None:  # a reference's own walk expands the references it meets
            followed = self._reference_flow(walk, reference, scope, label)
            if followed is not None and walk.can_reuse(followed):
                self.budget.charge("data flow", walk.reuse(followed))
                return
        pending = len(walk.stack)
        self._push_bindings(walk, reference, scope, label)
        self.budget.charge("data flow", 1 + len(walk.stack) - pending)

    def _reference_flow(self, walk: _Walk, reference: _Reference, scope: Scope, label: str) -> _Followed | None:
        """The reference's flow followed alone, or None when it meets a node the walk around has met (then
        that walk could not reuse it), now or in an earlier walk: the walk around it then expands it
        itself, as it would without reuse."""
        key = (reference, id(scope), label)
        if key in self._overlapping:
            return None
        room = walk.bound - walk.visits
        by_questions = self._followed.setdefault(key, {})
        for questions, by_answers in by_questions.items():
            for followed in by_answers.get(walk.answers(questions), ()):
                if followed.fits(room):
                    return followed
        alone = _Walk(walk.frames, room, walk)
        self._push_bindings(alone, reference, scope, label)
        self.budget.charge("data flow", 1 + len(alone.stack))
        self._run(alone)
        if alone.overlapped:
            self._overlapping.add(key)  # each walk meeting it (with a new frame, say) would follow it alone again for nothing
            return None
        followed = _Followed(alone.flow, frozenset(alone.visited), alone.visits, room if alone.stack else None, tuple(alone.asked.values()))
        by_questions.setdefault(tuple(alone.asked), {}).setdefault(_Walk.recorded(alone.asked), []).append(followed)
        return followed

    def _push_bindings(self, walk: _Walk, reference: _Reference, scope: Scope, label: str) -> None:
        flow, stack = walk.flow, walk.stack
        if reference.kind == "attribute":
            for binding in self.project.attribute_bindings(reference.text, scope):
                self._push_binding(binding, label, walk, scope)
            return
        for binding in self.project.lookup(reference.text, scope):
            if binding.kind == "param":
                frame = walk.frame(id(binding.scope))
                given = frame.arguments(reference.text) if frame is not None else None
                if given is not None:
                    stack.extend((value, frame.scope, label) for value in reversed(given))
                    continue
                if frame is None and reference.text not in SELF_NAMES:
                    flow.parameters.add((id(binding.scope), reference.text))
            self._push_binding(binding, label, walk, scope)

    def _push_value(self, node: ast.AST, scope: Scope, label: str, flow: Flow, stack: list) -> None:
        """A value and the comments written inside it (between the lines of a long literal)."""
        stack.append((node, scope, label))
        flow.comment_requests.append(("inside", node, scope))

    def _item(self, walk: _Walk, kind: str, line: int, text: str, scope: Scope) -> None:
        path = self.project.label_of(scope)
        if kind == "name" and (path or walk.is_helper_scope(id(scope))):  # a helper's names are its context (`Flow.helpers`)
            return
        if text.strip():
            walk.flow.items.append(TextItem(kind, line, text, path))

    def _media(self, flow: Flow, kind: str, line: int, text: str, scope: Scope, part: ast.AST | None = None) -> None:
        flow.media.setdefault(kind, TextItem("media", line, text, self.project.label_of(scope)))
        if part is not None and kind == "image":
            flow.image_parts.append(part)
            flow.image_part_scopes.append(scope)

    def _visit(self, node: ast.AST, scope: Scope, label: str, walk: _Walk) -> None:
        if isinstance(node, (ast.Raise, ast.Assert)):
            return  # a helper's error message is shown to whoever calls it, never sent with its result
        flow, stack = walk.flow, walk.stack
        if isinstance(node, (ast.Call, ast.Subscript, ast.Attribute)):
            key = config_reference(node)
            if key:
                self._item(walk, "config_ref", node.lineno, key, scope)
        text = string_text(node) if isinstance(node, (ast.Constant, ast.JoinedStr)) else None
        if text is not None:
            if is_key(text):  # `"full_name"`: a key or label names something, it states nothing
                self._item(walk, "name", node.lineno, split_identifier(text), scope)
            else:
                docstring = id(node) in self.project.view_of(scope).index.docstrings
                self._item(walk, "docstring" if docstring else label, node.lineno, text, scope)
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
            self._item(walk, "name", node.lineno, split_identifier(node.id), scope)
            stack.append((_Reference("name", node.id), scope, label))
            return
        if isinstance(node, ast.Subscript) and (selected := self._selected_entry(node, scope)) is not None:
            self._item(walk, "name", node.value.lineno, split_identifier(node.value.id), scope)  # type: ignore[attr-defined]
            stack.append((node.slice, scope, label))
            self._push_binding(selected, label, walk, scope)
            return
        if isinstance(node, ast.Attribute):
            dotted = dotted_name(node)
            flow.sources.update(self.markers.sources_named(dotted or ""))
            if is_own_attribute(node):
                self._item(walk, "name", node.end_lineno or node.lineno, split_identifier(node.attr), scope)
            if dotted is not None:  # expanded once its object is walked, as its bindings' values were pushed below it
                stack.append((_Reference("attribute", dotted), scope, label))
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
                    self._push_binding(Binding("function", function.node, None, function.scope, function=function), label, walk, scope)
            for keyword, value in reversed(list(call_arguments(node))):
                arg_label = self.labels.label(keyword, label)
                if arg_label is not None:
                    stack.append((value, scope, arg_label))
            stack.append((node.func, scope, label))
            return
        stack.extend((child, scope, label) for child in reversed(children(node)))

    def _selected_entry(self, node: ast.Subscript, scope: Scope) -> Binding | None:
        """`PROMPTS["describe"]` of a dict literal bound once, all its keys strings: the binding of the
        one entry the key selects (the others are not sent: "identify_person" beside it asks nothing)."""
        key = string_text(node.slice) if isinstance(node.slice, ast.Constant) else None
        if key is None or not isinstance(node.value, ast.Name):
            return None
        bindings = self.project.lookup(node.value.id, scope)
        if len(bindings) != 1 or bindings[0].kind != "assign" or not isinstance(bindings[0].value, ast.Dict):
            return None
        literal = bindings[0].value
        keys = [string_text(key_node) if isinstance(key_node, ast.Constant) else None for key_node in literal.keys]
        if None in keys:  # `{**BASE, ...}` or a computed key: any entry may be the one
            return None
        values = [value for entry, value in zip(keys, literal.values) if entry == key]
        return replace(bindings[0], value=values[-1]) if values else None

    def _push_binding(self, binding: Binding, label: str, walk: _Walk, scope: Scope) -> None:
        if walk.within is not None and not _inside(binding.scope, walk.within):
            return
        flow, stack = walk.flow, walk.stack
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
        if binding.kind != "param" and binding.statement is not None and not walk.is_helper_scope(id(binding.scope)):
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


def _inside(scope: Scope | None, function: Scope) -> bool:
    while scope is not None:
        if scope is function:
            return True
        scope = scope.parent
    return False


def _is_integer(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int
