"""One libcst pass over a module: scopes and bindings, text per owner, and request-call candidates.

Only positions are taken from libcst's metadata; names are resolved here from the module's own
imports and assignments, which is all the decisions need (scope providers cost several times more).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Mapping

import libcst as cst

from linter.model import TextItem
from linter.positions import node_starts
from linter.tree import is_node_type, walk
from linter.vocabulary import split_identifier

# Comments that annotate the corpus or silence flake8 are never evidence.
_NOT_EVIDENCE_COMMENT = re.compile(r"^#\s*(?:ruleid|ok|todoruleid|todook)\s*:|^#\s*noqa\b|#\s*noqa\b", re.IGNORECASE)
_ENV_READERS = frozenset({"os.environ.get", "os.getenv", "environ.get", "getenv", "os.environ.setdefault"})
_ENVIRON = frozenset({"os.environ", "environ"})
_SELF_NAMES = frozenset({"self", "cls"})

_STATEMENT = (cst.SimpleStatementLine, cst.BaseCompoundStatement)


@dataclass(eq=False)
class Binding:
    """One thing a name is bound to: an assigned value, a parameter, an import, a function."""

    kind: str  # assign | mutation | param | import | loop | with | function | class
    value: cst.CSTNode | None
    statement: cst.CSTNode | None
    scope: "Scope"
    annotation: cst.BaseExpression | None = None
    qualified: str | None = None  # for imports: the imported dotted name
    function: "FunctionInfo | None" = None
    via: str | None = None  # for mutations made by a method call: the method (append, add_service)


@dataclass(eq=False)
class Owner:
    """A module, class or function body; its text items are context at one level."""

    kind: str  # module | class | function
    node: cst.CSTNode
    parent: "Owner | None"
    items: list[TextItem] = field(default_factory=list)
    seen_names: set[str] = field(default_factory=set)
    class_info: "ClassInfo | None" = None


@dataclass(eq=False)
class ClassInfo:
    node: cst.ClassDef
    owner: Owner
    attributes: dict[str, list[Binding]] = field(default_factory=dict)  # "client" for self.client
    methods: dict[str, "FunctionInfo"] = field(default_factory=dict)


@dataclass(eq=False)
class Scope:
    owner: Owner
    parent: "Scope | None"
    class_info: ClassInfo | None
    bindings: dict[str, list[Binding]] = field(default_factory=dict)


@dataclass(eq=False)
class FunctionInfo:
    node: cst.FunctionDef
    scope: Scope  # the function's own scope
    owner: Owner


@dataclass(eq=False)
class CallCandidate:
    node: cst.Call
    scope: Scope
    owner: Owner
    statement: cst.CSTNode | None


def dotted_name(node: cst.CSTNode) -> str | None:
    """`a.b.c` for a chain of names, else None."""
    parts = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return ".".join(reversed(parts))


def string_text(node: cst.CSTNode) -> str | None:
    """The text of a string literal, f-string (placeholders as {}) or implicit concatenation."""
    if isinstance(node, cst.SimpleString):
        try:
            value = node.evaluated_value
        except Exception:  # odd escapes: the raw text still reads
            return node.raw_value
        return value.decode("latin-1") if isinstance(value, bytes) else value
    if isinstance(node, cst.FormattedString):
        return "".join(part.value if isinstance(part, cst.FormattedStringText) else "{}" for part in node.parts)
    if isinstance(node, cst.ConcatenatedString):
        left, right = string_text(node.left), string_text(node.right)
        return None if left is None or right is None else left + right
    return None


def environment_read(node: cst.CSTNode) -> tuple[str, cst.BaseExpression | None] | None:
    """`os.environ["K"]`, `os.getenv("K", default)`, `os.environ.get(...)`: the variable's name (empty
    when it is not a literal) and the default, if any."""
    if isinstance(node, cst.Call) and dotted_name(node.func) in _ENV_READERS and node.args:
        return string_text(node.args[0].value) or "", node.args[1].value if len(node.args) > 1 else None
    if isinstance(node, cst.Subscript) and dotted_name(node.value) in _ENVIRON and len(node.slice) == 1:
        element = node.slice[0].slice
        return (string_text(element.value) or "", None) if isinstance(element, cst.Index) else None
    return None


def config_reference(node: cst.CSTNode) -> str | None:
    """The configuration key an expression reads: `os.environ["CAMERA_SOURCE"]`, `os.getenv(...)`,
    `config["camera"]["source"]` (camera.source), `settings.camera_source` (settings.camera_source)."""
    read = environment_read(node)
    if read is not None:
        return read[0] or None
    if isinstance(node, cst.Subscript):
        keys = []
        while isinstance(node, cst.Subscript):
            element = node.slice[0].slice if len(node.slice) == 1 else None
            key = string_text(element.value) if isinstance(element, cst.Index) else None
            if key is None:
                return None
            keys.append(key)
            node = node.value
        return ".".join(reversed(keys))
    if isinstance(node, cst.Attribute):
        dotted = dotted_name(node)
        if dotted is not None and "." in dotted:
            return dotted.split(".", 1)[1]
    return None


def is_own_attribute(node: cst.Attribute) -> bool:
    """`self.face_gallery`: an attribute the author named, unlike a library method such as `.read_text`."""
    return isinstance(node.value, cst.Name) and node.value.value in _SELF_NAMES


def statement_comments(statement: cst.CSTNode | None) -> Iterator[cst.Comment]:
    """Comments on the lines above a statement and at the end of its first line."""
    if statement is None:
        return
    for line in getattr(statement, "leading_lines", ()):
        if line.comment is not None:
            yield line.comment
    trailing = getattr(statement, "trailing_whitespace", None)
    if trailing is None:
        body = getattr(statement, "body", None)
        trailing = getattr(body, "header", None)
    if trailing is not None and trailing.comment is not None:
        yield trailing.comment


def is_evidence_comment(comment: cst.Comment) -> bool:
    return not _NOT_EVIDENCE_COMMENT.search(comment.value)


def comment_text(comment: cst.Comment) -> str:
    return comment.value.lstrip("#").strip()


def _docstring_node(body: cst.CSTNode) -> cst.CSTNode | None:
    statements = body.body if isinstance(body, (cst.Module, cst.IndentedBlock)) else ()
    if statements and isinstance(statements[0], cst.SimpleStatementLine):
        first = statements[0].body[0] if statements[0].body else None
        if isinstance(first, cst.Expr) and isinstance(first.value, (cst.SimpleString, cst.ConcatenatedString)):
            return first.value
    return None


class ModuleIndex:
    """What one pass over the module learned, with helpers to resolve names against it."""

    def __init__(self, module: cst.Module, positions: Mapping[cst.CSTNode, tuple[int, int]], line_map: tuple[int, ...] | None = None):
        self.module = module
        self.positions = positions
        self.line_map = line_map  # the file's line of each parsed line, when pruning left lines out
        self.imports: dict[str, str] = {}
        self.docstrings: set[int] = set()
        self.module_owner = Owner("module", module, None)
        self.module_scope = Scope(self.module_owner, None, None)
        self.candidates: list[CallCandidate] = []

    def line_of(self, node: cst.CSTNode) -> int:
        position = self.positions.get(node)
        if position is None:
            return 1
        return self.line_map[position[0] - 1] if self.line_map else position[0]

    def column_of(self, node: cst.CSTNode) -> int:
        position = self.positions.get(node)
        return position[1] if position else 0

    def qualify(self, node: cst.CSTNode) -> str | None:
        """The dotted name an expression refers to, through the module's imports."""
        name = dotted_name(node)
        if name is None:
            return None
        head, _, rest = name.partition(".")
        if head in self.imports:
            head = self.imports[head]
        return f"{head}.{rest}" if rest else head

    def lookup(self, name: str, scope: Scope) -> list[Binding]:
        """Bindings of a name seen from a scope: the nearest scope that assigns it, plus mutations."""
        found: list[Binding] = []
        current: Scope | None = scope
        while current is not None:
            bindings = current.bindings.get(name, ())
            found.extend(bindings)
            if any(binding.kind != "mutation" for binding in bindings):
                break
            current = current.parent
        return found

    def attribute_bindings(self, dotted: str, scope: Scope) -> list[Binding]:
        """Bindings of `self.x` (from every method of the class) or of a dotted global like `openai.api_type`."""
        head, _, rest = dotted.partition(".")
        if head in _SELF_NAMES and scope.class_info is not None:
            attribute = rest.split(".")[0]
            found = list(scope.class_info.attributes.get(attribute, ()))
            method = scope.class_info.methods.get(attribute)
            if method is not None and "." not in rest:
                found.append(Binding("function", method.node, None, method.scope, function=method))
            return found
        return self.lookup(dotted, scope)


class _Indexer:
    """Dispatches `visit_<Node>` / `leave_<Node>` as the tree walk enters and leaves nodes."""

    _handlers: dict[tuple[str, type], object] = {}

    def __init__(self, index: ModuleIndex, request_method_names: frozenset[str], mutating_methods: frozenset[str]):
        self.index = index
        self.request_method_names = request_method_names
        self.mutating_methods = mutating_methods
        self.owners: list[Owner] = [index.module_owner]
        self.scopes: list[Scope] = [index.module_scope]
        self.statements: list[cst.CSTNode] = []
        self.not_names: set[int] = set()  # Name nodes that are not names the author chose

    # -- bookkeeping -------------------------------------------------------------------------
    def _handler(self, prefix: str, node_type: type):
        key = (prefix, node_type)
        if key not in self._handlers:
            self._handlers[key] = getattr(type(self), prefix + node_type.__name__, None)
        return self._handlers[key]

    def enter(self, node: cst.CSTNode) -> bool:
        if is_node_type(type(node), _STATEMENT):
            self.statements.append(node)
        handler = self._handler("visit_", type(node))
        return handler(self, node) is not False if handler is not None else True

    def leave(self, node: cst.CSTNode) -> None:
        handler = self._handler("leave_", type(node))
        if handler is not None:
            handler(self, node)
        if is_node_type(type(node), _STATEMENT):
            self.statements.pop()

    @property
    def owner(self) -> Owner:
        return self.owners[-1]

    @property
    def scope(self) -> Scope:
        return self.scopes[-1]

    @property
    def statement(self) -> cst.CSTNode | None:
        return self.statements[-1] if self.statements else None

    def record(self, kind: str, node: cst.CSTNode, text: str) -> None:
        if text.strip():
            self.owner.items.append(TextItem(kind, self.index.line_of(node), text))

    def bind(self, name: str, binding: Binding, scope: Scope | None = None) -> None:
        (scope or self.scope).bindings.setdefault(name, []).append(binding)

    def mark_docstring(self, body: cst.CSTNode) -> None:
        node = _docstring_node(body)
        if node is not None:
            self.index.docstrings.add(id(node))

    # -- owners and scopes -------------------------------------------------------------------
    def visit_Module(self, node: cst.Module) -> None:
        self.mark_docstring(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.bind(node.name.value, Binding("class", node, self.statement, self.scope))
        owner = Owner("class", node, self.owner)
        owner.class_info = ClassInfo(node, owner)
        self.owners.append(owner)
        self.mark_docstring(node.body)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.owners.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        parent_owner = self.owner
        class_info = parent_owner.class_info if parent_owner.kind == "class" else self.scope.class_info
        owner = Owner("function", node, parent_owner)
        scope = Scope(owner, self.scope, class_info)
        info = FunctionInfo(node, scope, owner)
        if parent_owner.kind == "class" and parent_owner.class_info is not None:
            parent_owner.class_info.methods[node.name.value] = info
        else:
            self.bind(node.name.value, Binding("function", node, node, self.scope, function=info))
        self.owners.append(owner)
        self.scopes.append(scope)
        self.mark_docstring(node.body)
        for param in (*node.params.posonly_params, *node.params.params, *node.params.kwonly_params):
            self.bind(param.name.value, Binding("param", param.default, node, scope, annotation=getattr(param.annotation, "annotation", None)))
        for star in (node.params.star_arg, node.params.star_kwarg):
            if isinstance(star, cst.Param):
                self.bind(star.name.value, Binding("param", None, node, scope))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.owners.pop()
        self.scopes.pop()

    # -- text --------------------------------------------------------------------------------
    def visit_Comment(self, node: cst.Comment) -> None:
        if is_evidence_comment(node):
            self.record("comment", node, comment_text(node))

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        text = string_text(node)
        if text is not None:
            self.record("docstring" if id(node) in self.index.docstrings else "string", node, text)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        self.record("string", node, string_text(node) or "")

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> bool:
        text = string_text(node)
        if text is not None:
            self.record("docstring" if id(node) in self.index.docstrings else "string", node, text)
        return False

    def record_config_reference(self, node: cst.CSTNode) -> None:
        key = config_reference(node)
        if key:
            self.record("config_ref", node, key)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self.record_config_reference(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.record_config_reference(node)
        if not is_own_attribute(node):  # library APIs (`.read_text()`, `.describe()`) are not the author's names
            self.not_names.add(id(node.attr))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:  # `detail=`, `model=`: the API's parameter names
            self.not_names.add(id(node.keyword))

    def visit_Name(self, node: cst.Name) -> None:
        if id(node) in self.not_names:
            return
        if node.value not in self.owner.seen_names:
            self.owner.seen_names.add(node.value)
            self.record("name", node, split_identifier(node.value))

    # -- bindings ----------------------------------------------------------------------------
    def bind_target(self, target: cst.BaseExpression, value: cst.CSTNode | None, kind: str, annotation=None) -> None:
        if isinstance(target, cst.Name):
            self.bind(target.value, Binding(kind, value, self.statement, self.scope, annotation=annotation))
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.bind_target(element.value, value, kind)
        elif isinstance(target, cst.StarredElement):
            self.bind_target(target.value, value, kind)
        elif isinstance(target, cst.Attribute):
            self.bind_dotted(target, value, kind)
        elif isinstance(target, cst.Subscript):
            self.bind_mutation(target.value, value)

    def bind_dotted(self, target: cst.BaseExpression, value: cst.CSTNode | None, kind: str, via: str | None = None) -> None:
        dotted = dotted_name(target)
        if dotted is None:
            return
        head, _, rest = dotted.partition(".")
        binding = Binding(kind, value, self.statement, self.scope, via=via)
        if head in _SELF_NAMES and rest and self.scope.class_info is not None:
            self.scope.class_info.attributes.setdefault(rest.split(".")[0], []).append(binding)
        elif head in self.index.imports:  # openai.api_type = "azure" sets the module for everyone
            self.bind(dotted, binding, self.index.module_scope)
        else:
            self.bind(dotted, binding)

    def bind_mutation(self, receiver: cst.BaseExpression, value: cst.CSTNode | None, via: str | None = None) -> None:
        while isinstance(receiver, cst.Subscript):
            receiver = receiver.value
        if isinstance(receiver, cst.Attribute):
            self.bind_dotted(receiver, value, "mutation", via)
        elif isinstance(receiver, cst.Name):
            self.bind(receiver.value, Binding("mutation", value, self.statement, self.scope, via=via))

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self.bind_target(target.target, node.value, "assign")

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.bind_target(node.target, node.value, "assign", annotation=node.annotation.annotation)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.bind_mutation(node.target, node.value)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.bind_target(node.target, node.value, "assign")

    def visit_For(self, node: cst.For) -> None:
        self.bind_target(node.target, node.iter, "loop")

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            if item.asname is not None:
                self.bind_target(item.asname.name, item.item, "with")

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            full = dotted_name(alias.name)
            if full is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local, qualified = alias.asname.name.value, full
            else:
                local = qualified = full.split(".")[0]
            self.index.imports[local] = qualified
            self.bind(local, Binding("import", None, self.statement, self.scope, qualified=qualified))
        return False  # imported names are other people's names, not evidence

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if node.module is None or isinstance(node.names, cst.ImportStar):
            return False
        module = dotted_name(node.module)
        if module is None:
            return False
        for alias in node.names:
            name = dotted_name(alias.name)
            if name is None:
                continue
            local = alias.asname.name.value if alias.asname is not None and isinstance(alias.asname.name, cst.Name) else name
            self.index.imports[local] = f"{module}.{name}"
            self.bind(local, Binding("import", None, self.statement, self.scope, qualified=f"{module}.{name}"))
        return False

    def visit_Call(self, node: cst.Call) -> None:
        self.record_config_reference(node)
        func = node.func
        if isinstance(func, cst.Name):  # completion(...), urlopen(...)
            if func.value in self.request_method_names:
                self.index.candidates.append(CallCandidate(node, self.scope, self.owner, self.statement))
            return
        if not isinstance(func, cst.Attribute):
            return
        method = func.attr.value
        if method in self.mutating_methods:
            for arg in node.args:
                self.bind_mutation(func.value, arg.value, method)
        if method in self.request_method_names:
            self.index.candidates.append(CallCandidate(node, self.scope, self.owner, self.statement))


def build_index(
    module: cst.Module, line_map: tuple[int, ...] | None, request_method_names: frozenset[str], mutating_methods: frozenset[str]
) -> ModuleIndex:
    index = ModuleIndex(module, node_starts(module), line_map)
    indexer = _Indexer(index, request_method_names, mutating_methods)
    walk(module, indexer.enter, indexer.leave)
    return index
