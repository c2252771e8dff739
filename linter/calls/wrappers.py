"""The project's own wrappers around clients: functions and methods that pass their parameters into a
request, directly or through other wrappers.

A wrapper's summary lists its routes (the chain of calls from the wrapper down to a request of a
client family) and which of its parameters reach the request's content. A call of a wrapper is then
followed as the request it leads to, with the wrapper's parameters standing for the call's arguments,
so the caller's prompt and image are the request's own; the provider is the one the request sends
to. Wrappers are found through plain names, imports, `self`, instances (module-level ones too, in
another module), factories that return an instance, and methods inherited from the project's base
classes (in resolution order).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Callable, Iterator

from flake8_azure_face_policy.calls.dataflow import FlowFollower, Frame
from flake8_azure_face_policy.calls.families.base import CallShape
from flake8_azure_face_policy.calls.resolve import returned_values
from flake8_azure_face_policy.source.index import Binding, CallCandidate, ClassInfo, FunctionInfo, Scope
from flake8_azure_face_policy.source.project_index import ModuleView, ProjectIndex
from flake8_azure_face_policy.source.syntax import call_arguments, dotted_name
from flake8_azure_face_policy.source.tree import DEFINITIONS, descendants

_MAX_DEPTH = 8  # instances through assignments and factories


@dataclass(frozen=True)
class Route:
    """One way from a wrapper to a request: the calls in between, and the request."""

    steps: tuple[Frame, ...]  # each call inside a wrapper of a further wrapper, outermost first
    request: CallCandidate
    shape: CallShape


@dataclass(frozen=True)
class Summary:
    function: FunctionInfo
    routes: tuple[Route, ...]
    parameters: frozenset[str]  # the parameters that reach a request's messages, prompt or input


def is_method(function: FunctionInfo) -> bool:
    """Called on an instance, so its first parameter is the instance (not a static method)."""
    parent = function.owner.parent
    decorators = {dotted_name(decorator) for decorator in function.node.decorator_list}
    return parent is not None and parent.kind == "class" and "staticmethod" not in decorators


class Wrappers:
    """Summaries of the project functions one analysis meets, each computed once."""

    def __init__(self, project: ProjectIndex, follower: FlowFollower, shape_of: Callable[[CallCandidate, ModuleView], CallShape | None]):
        self.project = project
        self.follower = follower
        self.shape_of = shape_of
        self._summaries: dict[int, Summary | None] = {}
        self._candidates: dict[int, dict[int, list[CallCandidate]]] = {}
        self._instances: dict[tuple[int, int], list[ClassInfo]] = {}

    def content_roots(self, request: CallCandidate, scope: Scope) -> list[tuple[ast.AST, Scope, str]]:
        """The request's arguments that carry what is sent (not the model, endpoint or secrets)."""
        labels = self.follower.labels
        return [(value, scope, "prompt") for keyword, value in call_arguments(request.node) if labels.label(keyword, "prompt") == "prompt"]

    def _reached(self, roots: list[tuple[ast.AST, Scope, str]], function: FunctionInfo) -> set[str]:
        flow = self.follower.follow(roots, within=function.scope)
        return {name for scope, name in flow.parameters if scope == id(function.scope)}

    def _requests_in(self, function: FunctionInfo) -> list[CallCandidate]:
        view = self.project.view_of(function.scope)
        by_scope = self._candidates.get(id(view.index))
        if by_scope is None:
            by_scope = self._candidates[id(view.index)] = {}
            for candidate in view.index.candidates:
                by_scope.setdefault(id(candidate.scope), []).append(candidate)
        return by_scope.get(id(function.scope), [])

    def summary(self, function: FunctionInfo) -> Summary | None:
        """The function's routes to requests its parameters reach; None when it is no wrapper."""
        key = id(function.node)
        if key in self._summaries:
            return self._summaries[key]
        self._summaries[key] = None  # a recursive wrapper leads nowhere new
        view = self.project.view_of(function.scope)
        routes: list[Route] = []
        parameters: set[str] = set()
        requests = set()
        for candidate in self._requests_in(function):
            shape = self.shape_of(candidate, view)
            if shape is None:
                continue
            requests.add(id(candidate.node))
            reached = self._reached(self.content_roots(candidate, function.scope), function)
            if reached:
                routes.append(Route((), candidate, shape))
                parameters |= reached
        for call in _calls_in(function):
            if id(call) in requests:
                continue
            for frame, inner in self.wrapped(call, function.scope):
                roots = [(value, function.scope, "prompt") for name in inner.parameters for value in frame.arguments(name) or ()]
                reached = self._reached(roots, function)
                if reached:
                    routes.extend(Route((frame, *route.steps), route.request, route.shape) for route in inner.routes)
                    parameters |= reached
        found = Summary(function, tuple(routes), frozenset(parameters)) if routes else None
        self._summaries[key] = found
        return found

    def exported(self, name: str | None = None) -> frozenset[str]:
        """The names under which other modules can call the analysed module's wrappers, for one of its
        top-level names or (None) for all: its wrapper functions, classes with wrapper methods and
        instances of them (with those methods' names), and what it imports of them (re-exports)."""
        bindings = self.project.analysed.index.module_scope.bindings
        found: set[str] = set()
        for exported in list(bindings) if name is None else [name] if name in bindings else []:
            found |= self._exported_as(exported)
        return frozenset(found)

    def _exported_as(self, name: str) -> set[str]:
        index = self.project.analysed.index
        found: set[str] = set()
        for binding in self.project.lookup(name, index.module_scope):
            if binding.function is not None and self.summary(binding.function) is not None:
                found.add(name)
                continue
            if binding.kind == "class":
                info = self.project.class_info(binding)
                classes = [info] if info is not None else []
            elif binding.kind == "assign" and binding.value is not None:
                classes = self.instance_classes(binding.value, binding.scope)
            else:
                continue
            methods = {
                method
                for info in classes
                for method in {listed for base in self.project.class_chain(info) for listed in base.methods}
                if (function := self.project.method_of(info, method)) is not None and self.summary(function) is not None
            }
            if methods:
                found |= methods | {name}
        return found

    def wrapped(self, call: ast.Call, scope: Scope) -> Iterator[tuple[Frame, Summary]]:
        """The wrappers a call calls, each with the frame binding its parameters to the call's arguments."""
        for function, bound in self.callees(call.func, scope):
            summary = self.summary(function)
            if summary is not None:
                yield Frame(call, scope, function, bound), summary

    def callees(self, func: ast.expr, scope: Scope) -> list[tuple[FunctionInfo, bool]]:
        """Project functions a call's callee names: `ask`, `self.ask`, `module.ask`, `client.ask`
        (an instance, made here, in another module, or by a factory)."""
        if isinstance(func, ast.Name):
            return [(binding.function, False) for binding in self.project.lookup(func.id, scope) if binding.function is not None]
        if not isinstance(func, ast.Attribute):
            return []
        dotted = dotted_name(func)
        if dotted is not None:
            functions = [binding.function for binding in self.project.attribute_bindings(dotted, scope) if binding.function is not None]
            if functions:
                return [(function, is_method(function)) for function in functions]
        found = []
        for info in self.instance_classes(func.value, scope):
            method = self.project.method_of(info, func.attr)
            if method is not None:
                found.append((method, is_method(method)))
        return found

    def instance_classes(self, node: ast.AST, scope: Scope, depth: int = 0) -> list[ClassInfo]:
        """The project classes an expression can be an instance of, each expression's answer computed
        once (attributes of `self` assigned from one another branch at every step)."""
        key = (id(node), id(scope))
        known = self._instances.get(key)
        if known is not None:
            return known
        if depth > _MAX_DEPTH:
            return []
        self._instances[key] = []  # an assignment cycle adds nothing
        found = self._instance_classes(node, scope, depth)
        self._instances[key] = found
        return found

    def _instance_classes(self, node: ast.AST, scope: Scope, depth: int) -> list[ClassInfo]:
        if isinstance(node, ast.Await):
            return self.instance_classes(node.value, scope, depth + 1)
        if isinstance(node, ast.Call):
            found: list[ClassInfo] = []
            for binding in self._bindings(node.func, scope):
                if binding.kind == "class":
                    info = self.project.class_info(binding)
                    found.extend([info] if info is not None else [])
                elif binding.function is not None:  # a factory
                    for value in returned_values(binding.function.node):
                        found.extend(self.instance_classes(value, binding.function.scope, depth + 1))
            return found
        found = []
        for binding in self._bindings(node, scope):
            if binding.kind in ("assign", "with") and binding.value is not None:
                found.extend(self.instance_classes(binding.value, binding.scope, depth + 1))
            elif binding.kind == "param" and binding.annotation is not None:
                found.extend(
                    info
                    for annotated in self._bindings(binding.annotation, binding.scope)
                    if annotated.kind == "class" and (info := self.project.class_info(annotated)) is not None
                )
        return found

    def _bindings(self, node: ast.AST, scope: Scope) -> list[Binding]:
        if isinstance(node, ast.Name):
            return self.project.lookup(node.id, scope)
        dotted = dotted_name(node) if isinstance(node, ast.Attribute) else None
        return self.project.attribute_bindings(dotted, scope) if dotted else []


def _calls_in(function: FunctionInfo) -> Iterator[ast.Call]:
    """The calls in a function's own body (not in functions or classes defined inside it)."""
    for statement in function.node.body:
        if isinstance(statement, DEFINITIONS):
            continue
        for node in descendants(statement, stop=DEFINITIONS):
            if isinstance(node, ast.Call):
                yield node
