"""The one analysis every front end shares: source -> vision calls -> decisions -> findings."""

from __future__ import annotations

import ast
import warnings
from functools import lru_cache
from pathlib import Path

from flake8_azure_face_policy.budget import WorkBudget, WorkBudgetExceeded
from flake8_azure_face_policy.calls.families import CallShape, ClientResolver, client_families
from flake8_azure_face_policy.calls.families.base import unresolved_shape
from flake8_azure_face_policy.calls.dataflow import Flow, FlowFollower
from flake8_azure_face_policy.calls.wrappers import Wrappers
from flake8_azure_face_policy.decisions.decide import decide
from flake8_azure_face_policy.context.evidence import EvidenceReader, collect_signals
from flake8_azure_face_policy.report.messages import format_message
from flake8_azure_face_policy.report.safe_text import safe_text
from flake8_azure_face_policy.model import Finding, Settings, VisionCall
from flake8_azure_face_policy.source.index import CallCandidate, FunctionInfo, ModuleIndex, build_index
from flake8_azure_face_policy.source.project_files import file_key, imports_may_send, sending_imports
from flake8_azure_face_policy.source.project_index import ModuleView, ProjectIndex, load_module
from flake8_azure_face_policy.source.project_files import imports_media
from flake8_azure_face_policy.source.media_gate import can_spell_media
from flake8_azure_face_policy.context.comments import CommentsUnreadable, ModuleComments
from flake8_azure_face_policy.source.tree import DEFINITIONS, FUNCTIONS, descendants, first_line
from flake8_azure_face_policy.source.syntax import call_arguments, dotted_name, keyword_argument, source_lines
from flake8_azure_face_policy.calls.providers import endpoint_text
from flake8_azure_face_policy.source.prefilter import might_send_media
from flake8_azure_face_policy.source.pruning import TopLevelText
from flake8_azure_face_policy.context.project import configuration_problems, project_context
from flake8_azure_face_policy.report.noqa import unreasoned_noqa_findings
from flake8_azure_face_policy.ruledata import data_file, load_rules, rule_by_code
from flake8_azure_face_policy.context.vocabulary import load_vocabulary

FAILURE_CODE = "AFP900"
_WRAPPER_DEPTH = 4  # wrappers of wrappers within one module, found by name before indexing
_READ_BY_ITSELF = frozenset({"camera", "stream", "upload"})  # image sources a function reads rather than is given
CONFIGURATION_CODE = "AFP902"


class AnalysisFailure(Exception):
    """The file cannot be analysed; the message is the reason shown with AFP900."""


@lru_cache(maxsize=None)
def request_method_names() -> frozenset[str]:
    """Every method or function name that sends a request in some client family."""
    return frozenset().union(*(family.request_method_names for family in client_families()))


@lru_cache(maxsize=None)
def not_requests() -> frozenset[str]:
    return frozenset(data_file("clients.yaml")["not_requests"])


@lru_cache(maxsize=None)
def mutating_methods() -> frozenset[str]:
    return frozenset(data_file("dataflow.yaml")["mutating_methods"])


@lru_cache(maxsize=None)
def plain_decorators() -> frozenset[str]:
    return frozenset(data_file("dataflow.yaml")["plain_decorators"])


def parse(source: str, tree: ast.Module | None) -> ast.Module:
    """The module's `ast` tree: the caller's when it has one (flake8 has), else parsed here."""
    if tree is not None:
        return tree
    try:
        with warnings.catch_warnings():  # SyntaxWarnings are about the user's code, not this report
            warnings.simplefilter("ignore")
            return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise AnalysisFailure(f"Python could not parse it ({type(error).__name__}: {error})") from error


def vision_calls(
    source: str,
    path: str | None = None,
    settings: Settings = Settings(),
    tree: ast.Module | None = None,
    other_providers: bool = False,
    unresolved: bool = False,
    budget: WorkBudget | None = None,
) -> list[VisionCall]:
    """Every vision call in the source that is not provably sent to another provider (with
    `other_providers`, those too, for the inventory; with `unresolved`, also the calls named like a
    request that carry an image but whose client no family recognises, marked with the reason).

    `path` (the file's path, or flake8's --stdin-display-name) locates the project whose modules,
    configuration files and declared context are read; None reads none. `tree` is the source's
    `ast` tree when the caller has it (flake8 does). `budget` counts the work (by default the
    file's own budget): past it, WorkBudgetExceeded."""
    source = source.lstrip("\ufeff")
    budget = budget or WorkBudget.for_source(source)
    names_client = might_send_media(source)
    if not names_client and not (path and imports_may_send(source, path)):
        return []
    media = can_spell_media(source) or bool(path and imports_media(source, path))
    tree = parse(source, tree)  # a file that can lead to a client and cannot be parsed is reported
    if not media:
        return []  # the second gate: neither it nor a project module it imports can spell media
    wrappers = imported_wrapper_names(source, path) if path else frozenset()
    if not wrappers and not names_client:
        return []
    names = request_method_names() | wrappers
    text = TopLevelText(source, tree)
    names, kept = own_wrapper_names(text, names)
    if kept is None:
        return []
    index = build_index(tree, source_lines(source), kept, names, mutating_methods())
    if not index.candidates:
        return []
    return Analysis(index, path, settings, other_providers, unresolved, budget).vision_calls()


def imported_wrapper_names(source: str, path: str) -> frozenset[str]:
    """Names under which the file can call wrappers of the project modules it imports."""
    names: set[str] = set()
    for module, bound in sending_imports(source, path):
        key = file_key(module)
        for name, local in bound if key is not None else ():
            exported = _exported_wrapper_names(key, name or None)
            if exported:
                names |= exported | {local}
    return frozenset(names)


@lru_cache(maxsize=4096)
def _exported_wrapper_names(key: tuple[str, int, int], name: str | None) -> frozenset[str]:
    """What one top-level name of a project module (None: the whole module) exports of wrappers."""
    analysis = _module_analysis(key)
    if analysis is None:
        return frozenset()
    analysis.budget.charge("exports")  # a module whose budget an earlier name spent stops every later one
    return analysis.wrappers.exported(name)


@lru_cache(maxsize=256)
def _module_analysis(key: tuple[str, int, int]) -> Analysis | None:
    """A project module analysed for what it exports, once per process: the names other files import
    from it share the summaries of its wrappers."""
    index = load_module(Path(key[0]), request_method_names(), mutating_methods())
    return Analysis(index, key[0], Settings(), False) if index is not None else None


def own_wrapper_names(text: TopLevelText, names: frozenset[str]) -> tuple[frozenset[str], list[ast.stmt] | None]:
    """The names of the module's own functions and methods that can wrap a request, added until
    none is new, so that calls of them (and of wrappers of them) are kept and indexed; and the
    top-level statements to index."""
    kept = text.relevant_statements(names)
    for _ in range(_WRAPPER_DEPTH):
        if kept is None:
            break
        defined = frozenset(name for statement in kept if isinstance(statement, DEFINITIONS) for name in _definition_names(statement))
        if defined <= names:
            break
        names |= defined
        kept = text.relevant_statements(names)
    return names, kept


def _definition_names(statement: ast.stmt) -> list[str]:
    if isinstance(statement, ast.ClassDef):
        return [item.name for item in statement.body if isinstance(item, FUNCTIONS)]
    return [statement.name]  # type: ignore[attr-defined]


class Analysis:
    """One file's vision calls: its own requests, and its calls of the project's wrappers."""

    def __init__(self, index: ModuleIndex, path: str | None, settings: Settings, other_providers: bool, unresolved: bool = False, budget: WorkBudget | None = None):
        self.index = index
        self.budget = budget or WorkBudget.for_source("")
        self.path = path
        self.settings = settings
        self.other_providers = other_providers
        self.unresolved = unresolved
        self.project = ProjectIndex(index, path, request_method_names(), mutating_methods())
        self.follower = FlowFollower(self.project, budget=self.budget)
        self.families = client_families()
        self._resolvers: dict[int, ClientResolver] = {}
        self.wrappers = Wrappers(self.project, self.follower, self.shape_of)
        self.follower.methods_called = self.wrappers.callees
        self.reader: EvidenceReader | None = None
        self._called: frozenset[int] | None = None  # the functions this module calls
        self._handed: dict[str, bool] = {}  # name -> whether the module uses it other than by calling it

    def shape_of(self, candidate: CallCandidate, view: ModuleView) -> CallShape | None:
        """The request a candidate makes, if a client family recognises it; its answer is not its input."""
        resolver = self.resolver(view)
        shape = next((found for family in self.families if (found := family.match(candidate, resolver)) is not None), None)
        if shape is not None:
            self.follower.add_request(candidate.node)
        return shape

    def resolver(self, view: ModuleView) -> ClientResolver:
        resolver = self._resolvers.get(id(view.index))
        if resolver is None:
            resolver = self._resolvers[id(view.index)] = ClientResolver(view.index, self.project)
        return resolver

    def vision_calls(self) -> list[VisionCall]:
        shapes = [(candidate, self.shape_of(candidate, self.project.analysed)) for candidate in self.index.candidates]
        found = []
        for candidate, shape in shapes:
            call = self.request_call(candidate, shape) if shape is not None else self.wrapper_call(candidate) or (self.unresolved_call(candidate) if self.unresolved else None)
            if call is not None:
                found.append(call)
        if not found:
            return []
        self.read_comments(found)
        calls = [self._vision_call(*call) for call in found]
        return sorted(calls, key=lambda call: (call.line, call.column))

    def read_comments(self, found: list[tuple]) -> None:
        """libcst reads the comments, once per module, of the statements that can hold the vision
        calls' evidence: in this file, the pieces holding module-level code, the calls and what their
        data flow reaches; the other project modules the flows pass through, whole (once per process)."""
        analysed = self.project.analysed
        wanted: list[int] = []
        others: dict[int, ModuleView] = {}
        asked: set[int] = set()  # each flow once, however many calls reuse it
        for candidate, _, flows, _, request, *_ in found:
            wanted += [candidate.node.lineno, request.node.lineno]
            for flow in flows:
                for part in flow.parts():
                    if id(part) in asked:
                        continue
                    asked.add(id(part))
                    for _, node, scope in part.comment_requests:
                        view = self.project.view_of(scope)
                        if view is analysed:
                            wanted.append(node.lineno)
                        else:
                            others[id(view)] = view
                for owner, label in (*flow.helpers.values(), *flow.modules.values()):
                    view = self.project.view_labelled(label)
                    if view is analysed:  # a helper of this module: its comments are its context
                        wanted.append(owner.node.lineno)
                    elif view is not None:
                        others[id(view)] = view
        try:
            self.index.add_comments(ModuleComments(self.index.tree, self.index.lines, wanted))
            for view in others.values():
                if view.index.comments is None:
                    view.index.add_comments(ModuleComments(view.index.tree, view.index.lines, (), whole_module=True))
        except CommentsUnreadable as error:
            raise AnalysisFailure(str(error)) from error
        for candidate, _, flows, *_ in found:
            candidate.comments = self.index.comments.statement_comments(candidate.statement)
            for flow in flows:
                flow.add_comments(self.project)

    def request_call(self, candidate: CallCandidate, shape: CallShape) -> VisionCall | None:
        """A request of a client family written in this file."""
        if shape.provider.status == "not_azure" and not self.other_providers:
            return None
        arguments, client = self._follow(candidate, shape, {})
        return self._with_media(candidate, shape, [arguments, client], shape.method, candidate, self.image_giver(candidate, arguments, {}))

    def unresolved_call(self, candidate: CallCandidate) -> VisionCall | None:
        """A call named like a request that no family recognises: a possible vision call if it carries an image."""
        func = candidate.node.func
        if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)) not in request_method_names():
            return None  # a call of one of the project's own functions that leads to no request
        shape = unresolved_shape(candidate, self.resolver(self.project.analysed), not_requests())
        if shape is None:
            return None
        arguments, client = self._follow(candidate, shape, {})
        return self._with_media(candidate, shape, [arguments, client], shape.method, candidate, "")

    def wrapper_call(self, candidate: CallCandidate) -> VisionCall | None:
        """A call of one of the project's wrappers: followed as the requests it leads to."""
        flows: list[Flow] = []
        shapes: list[CallShape] = []
        givers: set[str] = set()
        request: CallCandidate | None = None
        for frame, summary in self.wrappers.wrapped(candidate.node, candidate.scope):
            if not any(frame.arguments(name) for name in summary.parameters):
                continue  # `run()`: the call gives nothing the wrapper sends
            for route in summary.routes:
                steps = (frame, *route.steps)
                frames = {id(step.function.scope): step for step in steps}
                arguments, client = self._follow(route.request, route.shape, frames)
                givers.add(self.image_giver(candidate, arguments, frames))
                for step in steps:
                    self.follower.passed_through(arguments, step.function.owner, self.project.label_of(step.function.scope))
                flows += [arguments, client]
                shapes.append(route.shape)
                request = request or route.request
        if not shapes or request is None:
            return None
        shape = next((found for found in shapes if found.provider.status != "not_azure"), shapes[0])
        if shape.provider.status == "not_azure" and not self.other_providers:
            return None
        wrapper = _function_label(self.wrappers.callees(candidate.node.func, candidate.scope)[0][0])
        giver = givers.pop() if len(givers) == 1 else ""
        return self._with_media(candidate, shape, flows, f"{wrapper} -> {shape.method}", request, giver)

    def image_giver(self, candidate: CallCandidate, arguments: Flow, frames: dict) -> str:
        """The wrapper whose callers give this call its image, so that it is decided at each of
        those calls instead of here: the function holding the call, when it is a wrapper this module
        calls and every image part the call sends is built from its parameters (not read by it from
        a camera, stream or upload). "" when the image is the call's own: also when no caller is
        visible here (a route, a tool, a library's function, or one called only from other modules,
        which a module cannot see)."""
        owner = candidate.scope.owner
        if owner.kind != "function" or next(arguments.every("image_parts"), None) is None:
            return ""
        function = FunctionInfo(owner.node, candidate.scope, owner)  # type: ignore[arg-type]
        if not self._called_here(function) or self.wrappers.summary(function) is None:
            return ""
        for part, scope in zip(arguments.every("image_parts"), arguments.every("image_part_scopes")):
            reached = self.follower.follow([(part, scope, "prompt")], frames)
            if reached.sources & _READ_BY_ITSELF or all(where != id(function.scope) for where, _ in reached.parameters):
                return ""
        return _function_label(function)

    def _called_here(self, function: FunctionInfo) -> bool:
        """Whether this module visibly gives the function its arguments: it calls it, and nothing
        else does (no framework decorator, not handed out as a callback, a tool or a route)."""
        decorators = (decorator.func if isinstance(decorator, ast.Call) else decorator for decorator in function.node.decorator_list)
        if any((dotted_name(decorator) or "").rsplit(".", 1)[-1] not in plain_decorators() for decorator in decorators):
            return False
        if self._called is None:
            self._called = frozenset(id(callee.node) for candidate in self.index.candidates for callee, _ in self.wrappers.callees(candidate.node.func, candidate.scope))
        return id(function.node) in self._called and not self._handed_out(function.node.name)

    def _handed_out(self, name: str) -> bool:
        """Whether the module uses the name other than by calling it (a callback, a tool, a route).
        Only the top-level statements whose lines spell the name are walked."""
        if name not in self._handed:
            lines = self.index.lines
            self._handed[name] = False
            for statement in self.index.tree.body:
                if name in "".join(lines[first_line(statement) - 1 : statement.end_lineno]):
                    nodes = list(descendants(statement))
                    callees = {id(node.func) for node in nodes if isinstance(node, ast.Call)}
                    if any(
                        isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Load) and id(node) not in callees
                        and (node.id if isinstance(node, ast.Name) else node.attr) == name
                        for node in nodes
                    ):
                        self._handed[name] = True
                        break
        return self._handed[name]

    def _follow(self, request: CallCandidate, shape: CallShape, frames: dict) -> tuple[Flow, Flow]:
        follower = self.follower
        arguments = follower.follow(
            ((value, request.scope, label) for keyword, value in call_arguments(request.node) if (label := follower.labels.label(keyword, "prompt")) is not None),
            frames,
        )
        client = follower.follow([(shape.receiver, request.scope, "string")], frames) if shape.receiver is not None else Flow()
        return arguments, client

    @staticmethod
    def _with_media(candidate: CallCandidate, shape: CallShape, flows: list[Flow], method: str, request: CallCandidate, giver: str) -> tuple | None:
        """A vision call found (its evidence is read once all are found), or None when it sends no media."""
        media = frozenset(kind for flow in flows for kind in flow.media) | shape.implied_media
        return (candidate, shape, flows, method, request, media, giver) if media else None

    def _vision_call(self, candidate: CallCandidate, shape: CallShape, flows: list[Flow], method: str, request: CallCandidate, media: frozenset[str], giver: str) -> VisionCall:
        if self.reader is None:  # configuration is read only for files that hold a vision call
            self.reader = EvidenceReader(load_vocabulary(), project_context(Path(self.path)) if self.path else None, self.budget)
        signals = collect_signals(self.reader, self.index, candidate, flows, self.settings, shape.implied_signals)
        index = self.index
        return VisionCall(
            family=shape.family,
            method=method,
            line=index.line_of(candidate.node),
            column=index.column_of(candidate.node),
            media=media,
            provider=shape.provider,
            signals=signals,
            call_text=" ".join(index.source_of(candidate.node).split()),
            deployment=self.deployment_of(request, flows),
            sources=frozenset(source for flow in flows for source in flow.sources),
            unresolved=shape.unresolved,
            image_from_callers=giver,
        )

    def deployment_of(self, request: CallCandidate, flows: list[Flow]) -> str:
        """The deployment (model) argument as far as the project shows it: a literal, `$ENV_VAR`, an
        f-string; else the first one given to the client or agent the request goes through
        (`OpenAIChatClient(model="gpt-4o")` behind `agent.run(...)`)."""
        argument = keyword_argument(request.node, self.follower.labels.model)
        if argument is not None:
            return endpoint_text(argument.value, request.scope, self.project) or ""
        return next((text for flow in reversed(flows) if (text := flow.first_text("model")) is not None), "")


def _function_label(function: FunctionInfo) -> str:
    """`ask`, or `VisionClient.ask` for a method."""
    parent = function.owner.parent
    return f"{parent.node.name}.{function.node.name}" if parent is not None and parent.kind == "class" else function.node.name  # type: ignore[attr-defined]


def findings_for(call: VisionCall) -> list[Finding]:
    if call.provider.status == "not_azure" or call.image_from_callers:
        return []
    return [
        Finding(
            call.line,
            call.column,
            decision.rule.code,
            format_message(decision.rule.message, decision.rule.clause, decision.evidence),
            decision.evidence,
            call.call_text,
        )
        for decision in decide(call, load_rules())
    ]


def failure(reason: str) -> Finding:
    rule = rule_by_code(FAILURE_CODE)
    return Finding(1, 0, FAILURE_CODE, f"{rule.message}: {safe_text(' '.join(reason.split())[:200])}")


def failure_reason(error: BaseException) -> str:
    if isinstance(error, (AnalysisFailure, WorkBudgetExceeded)):
        return str(error)
    return f"internal error {type(error).__name__}: {error}"


def configuration_findings(path: str | None, settings: Settings) -> list[Finding]:
    """AFP902 at line 1, once per problem, for a file whose analysis used the configuration."""
    project = project_context(Path(path)) if path else None
    message = rule_by_code(CONFIGURATION_CODE).message
    return [Finding(1, 0, CONFIGURATION_CODE, f"{message}: {problem}") for problem in configuration_problems(settings, project)]


def analyse(source: str, path: str | None = None, settings: Settings = Settings(), tree: ast.Module | None = None) -> list[Finding]:
    """All findings for one file's source. Never raises: a failure becomes one AFP900 finding.

    `tree` is the source's `ast` tree when the caller has it (flake8 passes it to plugins). A file
    with a vision call used the configuration, so it also gets AFP902 for what is wrong there."""
    try:
        findings = unreasoned_noqa_findings(source)
        calls = vision_calls(source, path, settings, tree)
        if calls:
            findings += configuration_findings(path, settings)
        findings += [finding for call in calls for finding in findings_for(call)]
        return sorted(findings, key=lambda finding: (finding.line, finding.column, finding.code))
    except Exception as error:  # a bug of ours must not abort the user's whole flake8 run
        return [failure(failure_reason(error))]
