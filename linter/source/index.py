"""One pass over a module's `ast` tree: scopes and bindings, text per owner, and request-call candidates.

Names are resolved here from the module's own imports and assignments, which is all the decisions
need. Comments are not here: `ast` has none, and libcst reads them only for files that hold a vision
call (`flake8_azure_face_policy.context.comments`), after this index has found the calls.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from flake8_azure_face_policy.model import TextItem
from flake8_azure_face_policy.source.syntax import SELF_NAMES, call_arguments, config_reference, dotted_name, is_own_attribute, string_text
from flake8_azure_face_policy.source.tree import first_line, walk
from flake8_azure_face_policy.source.syntax import is_key, split_identifier

if TYPE_CHECKING:
    from flake8_azure_face_policy.context.comments import Comment, ModuleComments


@dataclass(eq=False)
class Binding:
    """One thing a name is bound to: an assigned value, a parameter, an import, a function."""

    kind: str  # assign | mutation | param | import | loop | with | function | class
    value: ast.AST | None
    statement: ast.stmt | None
    scope: "Scope"
    annotation: ast.expr | None = None
    qualified: str | None = None  # for imports: the imported dotted name
    function: "FunctionInfo | None" = None
    via: str | None = None  # for mutations made by a method call: the method (append, add_service)


@dataclass(eq=False)
class Owner:
    """A module, class or function body; its text items are context at one level."""

    kind: str  # module | class | function
    node: ast.AST
    parent: "Owner | None"
    texts: list[TextItem] = field(default_factory=list)  # as read so far: see `items`
    names: dict[str, int] = field(default_factory=dict)  # identifier -> first line
    class_info: "ClassInfo | None" = None
    index: "ModuleIndex | None" = None  # the module whose text is read when first asked for

    @property
    def items(self) -> list[TextItem]:
        """Its strings, docstrings, names, configuration reads and comments."""
        if self.index is not None:
            self.index.read_texts()
        return self.texts


@dataclass(eq=False)
class ClassInfo:
    node: ast.ClassDef
    owner: Owner
    scope: "Scope"  # where the class statement is, for its base classes' names
    attributes: dict[str, list[Binding]] = field(default_factory=dict)  # "client" for self.client
    methods: dict[str, "FunctionInfo"] = field(default_factory=dict)


def member_bindings(classes: Iterable[ClassInfo], member: str) -> list[Binding]:
    """Bindings of `self.<member>` on an instance of the first class, given with its base classes in
    resolution order: every assignment of the attribute in any of them, and the first method of that name."""
    attribute = member.split(".")[0]
    classes = list(classes)
    found = [binding for info in classes for binding in info.attributes.get(attribute, ())]
    method = next((info.methods[attribute] for info in classes if attribute in info.methods), None)
    if method is not None and "." not in member:
        found.append(Binding("function", method.node, None, method.scope, function=method))
    return found


@dataclass(eq=False)
class Scope:
    owner: Owner
    parent: "Scope | None"
    class_info: ClassInfo | None
    bindings: dict[str, list[Binding]] = field(default_factory=dict)


@dataclass(eq=False)
class FunctionInfo:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    scope: Scope  # the function's own scope
    owner: Owner


@dataclass(eq=False)
class CallCandidate:
    node: ast.Call
    scope: Scope
    owner: Owner
    statement: ast.stmt | None
    comments: list[Comment] = field(default_factory=list)  # leading and trailing its statement, once read


_EXCEPTION_SUFFIXES = ("Error", "Exception", "Warning")


def _docstring_node(body: list[ast.stmt]) -> ast.AST | None:
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        return body[0].value
    return None


class ModuleIndex:
    """What one pass over the module learned, with helpers to resolve names against it."""

    def __init__(self, tree: ast.Module, lines: list[str]):
        self.tree = tree
        self.lines = lines
        self.imports: dict[str, str] = {}
        self.docstrings: set[int] = set()
        self.module_owner = Owner("module", tree, None)
        self.owners: list[Owner] = [self.module_owner]  # the module, then each function and class
        self.module_scope = Scope(self.module_owner, None, None)
        self.candidates: list[CallCandidate] = []
        self.comments: ModuleComments | None = None  # read with libcst once a vision call needs them
        self._unread: tuple[list[ast.stmt], frozenset[str], frozenset[str]] | None = None  # what `read_texts` indexes

    def read_texts(self) -> None:
        """The owners' text items, indexed the first time one is asked for: most modules indexed (the
        analysed file and the modules its calls reach) hold no vision call, and their text is never read."""
        if self._unread is None:
            return
        kept, request_method_names, mutating_methods = self._unread
        self._unread = None
        read = _index(self.tree, self.lines, kept, request_method_names, mutating_methods, _Indexer)
        texts = {id(owner.node): owner.texts for owner in read.owners}
        for owner in self.owners:
            owner.texts[:0] = texts.get(id(owner.node), ())

    def line_of(self, node: ast.AST) -> int:
        return getattr(node, "lineno", 1)

    def column_of(self, node: ast.AST) -> int:
        """Characters before the node on its line (`ast` counts UTF-8 bytes)."""
        line = self.lines[node.lineno - 1] if 0 < node.lineno <= len(self.lines) else ""
        if line.isascii():
            return node.col_offset
        return len(line.encode("utf-8", "surrogatepass")[: node.col_offset].decode("utf-8", "replace"))

    def source_of(self, node: ast.AST) -> str:
        lines = [line.encode("utf-8", "surrogatepass") for line in self.lines[node.lineno - 1 : node.end_lineno]]
        if not lines:
            return ""
        lines[-1] = lines[-1][: node.end_col_offset]
        lines[0] = lines[0][node.col_offset :]
        return b"".join(lines).decode("utf-8", "replace")

    def add_comments(self, comments: ModuleComments) -> None:
        """Keeps the module's comments, and gives each to its function or class (by first line; None:
        the module), for the context levels; comments of left-out definitions go to nobody."""
        self.comments = comments
        owners = {first_line(owner.node): owner for owner in self.owners if owner.kind != "module"}
        for comment, holder in comments.owned():
            owner = self.module_owner if holder is None else owners.get(holder)
            if owner is not None and comment.is_evidence:
                owner.items.append(TextItem("comment", comment.line, comment.text))

    def qualify(self, node: ast.AST) -> str | None:
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
        if head in SELF_NAMES and scope.class_info is not None:
            return member_bindings([scope.class_info], rest)
        return self.lookup(dotted, scope)


class _Indexer:
    """Dispatches `visit_<Node>` / `leave_<Node>` as the tree walk enters and leaves nodes."""

    _handlers: dict[str, dict[type, object]] = {"visit_": {}, "leave_": {}}

    def __init__(self, index: ModuleIndex, request_method_names: frozenset[str], mutating_methods: frozenset[str]):
        self.index = index
        self.request_method_names = request_method_names
        self.mutating_methods = mutating_methods
        self.owners: list[Owner] = [index.module_owner]
        self.scopes: list[Scope] = [index.module_scope]
        self.statements: list[ast.stmt] = []
        self.string_parts: set[int] = set()  # the literal pieces of f-strings, read with their f-string

    # -- bookkeeping -------------------------------------------------------------------------
    def _handler(self, prefix: str, node_type: type):
        handlers = self._handlers[prefix]
        try:
            return handlers[node_type]
        except KeyError:
            found = handlers[node_type] = getattr(type(self), prefix + node_type.__name__.replace("Async", ""), None)
            return found

    def enter(self, node: ast.AST) -> bool:
        if isinstance(node, ast.stmt):
            self.statements.append(node)
        handler = self._handler("visit_", type(node))
        return handler is None or handler(self, node) is not False

    def leave(self, node: ast.stmt) -> None:
        handler = self._handler("leave_", type(node))
        if handler is not None:
            handler(self, node)
        self.statements.pop()

    @property
    def owner(self) -> Owner:
        return self.owners[-1]

    @property
    def scope(self) -> Scope:
        return self.scopes[-1]

    @property
    def statement(self) -> ast.stmt | None:
        return self.statements[-1] if self.statements else None

    def record(self, kind: str, line: int, text: str) -> None:
        if text.strip():
            self.owner.texts.append(TextItem(kind, line, text))

    def record_name(self, name: str, line: int) -> None:
        if name.endswith(_EXCEPTION_SUFFIXES):  # `except ClientAuthenticationError`: what went wrong, not what the code is for
            return
        names = self.owner.names
        if name not in names or line < names[name]:
            names[name] = line

    def bind(self, name: str, binding: Binding, scope: Scope | None = None) -> None:
        (scope or self.scope).bindings.setdefault(name, []).append(binding)

    def mark_docstring(self, body: list[ast.stmt]) -> None:
        node = _docstring_node(body)
        if node is not None:
            self.index.docstrings.add(id(node))

    # -- owners and scopes -------------------------------------------------------------------
    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.bind(node.name, Binding("class", node, self.statement, self.scope))
        owner = Owner("class", node, self.owner)
        owner.class_info = ClassInfo(node, owner, self.scope)
        self.owners.append(owner)
        self.index.owners.append(owner)
        self.record_name(node.name, node.lineno)
        self.mark_docstring(node.body)

    def leave_ClassDef(self, node: ast.ClassDef) -> None:
        self.owners.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        parent_owner = self.owner
        class_info = parent_owner.class_info if parent_owner.kind == "class" else self.scope.class_info
        owner = Owner("function", node, parent_owner)
        scope = Scope(owner, self.scope, class_info)
        info = FunctionInfo(node, scope, owner)
        if parent_owner.kind == "class" and parent_owner.class_info is not None:
            parent_owner.class_info.methods[node.name] = info
        else:
            self.bind(node.name, Binding("function", node, node, self.scope, function=info))
        self.owners.append(owner)
        self.index.owners.append(owner)
        self.scopes.append(scope)
        self.record_name(node.name, node.lineno)
        self.mark_docstring(node.body)
        arguments = node.args
        positional = [*arguments.posonlyargs, *arguments.args]
        defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
        for param, default in (*zip(positional, defaults), *zip(arguments.kwonlyargs, arguments.kw_defaults)):
            self.bind(param.arg, Binding("param", default, node, scope, annotation=param.annotation))
        for star in (arguments.vararg, arguments.kwarg):
            if star is not None:
                self.bind(star.arg, Binding("param", None, node, scope))

    def leave_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.owners.pop()
        self.scopes.pop()

    def visit_arg(self, node: ast.arg) -> None:
        self.record_name(node.arg, node.lineno)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.record_name(node.name, node.lineno)

    # -- text --------------------------------------------------------------------------------
    def visit_Constant(self, node: ast.Constant) -> None:
        if id(node) in self.string_parts or not isinstance(node.value, (str, bytes)) or (isinstance(node.value, str) and is_key(node.value)):
            return  # a key in the code (`return ("full_name", None)`) is data, not what the function is for
        self.record("docstring" if id(node) in self.index.docstrings else "string", node.lineno, string_text(node) or "")

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        for part in node.values:
            if isinstance(part, ast.Constant):
                self.string_parts.add(id(part))
            elif isinstance(part, ast.FormattedValue) and part.format_spec is not None:
                self.string_parts.add(id(part.format_spec))
        if id(node) not in self.string_parts:
            self.record("string", node.lineno, string_text(node) or "")

    def record_config_reference(self, node: ast.AST) -> None:
        key = config_reference(node)
        if key:
            self.record("config_ref", node.lineno, key)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self.record_config_reference(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.record_config_reference(node)
        if is_own_attribute(node):  # library APIs (`.read_text()`, `.describe()`) are not the author's names
            self.record_name(node.attr, node.end_lineno or node.lineno)

    def visit_Name(self, node: ast.Name) -> None:
        self.record_name(node.id, node.lineno)

    def visit_Global(self, node: ast.Global | ast.Nonlocal) -> None:
        for name in node.names:
            self.record_name(name, node.lineno)

    visit_Nonlocal = visit_Global

    # -- bindings ----------------------------------------------------------------------------
    def bind_target(self, target: ast.expr, value: ast.AST | None, kind: str, annotation: ast.expr | None = None) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, Binding(kind, value, self.statement, self.scope, annotation=annotation))
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self.bind_target(element, value, kind)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value, value, kind)
        elif isinstance(target, ast.Attribute):
            self.bind_dotted(target, value, kind)
        elif isinstance(target, ast.Subscript):
            self.bind_mutation(target.value, value)

    def bind_dotted(self, target: ast.expr, value: ast.AST | None, kind: str, via: str | None = None) -> None:
        dotted = dotted_name(target)
        if dotted is None:
            return
        head, _, rest = dotted.partition(".")
        binding = Binding(kind, value, self.statement, self.scope, via=via)
        if head in SELF_NAMES and rest and self.scope.class_info is not None:
            self.scope.class_info.attributes.setdefault(rest.split(".")[0], []).append(binding)
        elif head in self.index.imports or self._module_object(head):
            # openai.api_type = "azure" sets the module for everyone; so does bp.client = ... on a module-level bp
            self.bind(dotted, binding, self.index.module_scope)
        else:
            self.bind(dotted, binding)

    def _module_object(self, name: str) -> bool:
        """A name the current function does not bind but the module does (a Blueprint, an app)."""
        module = self.index.module_scope
        return all(name not in scope.bindings for scope in self.scopes[1:]) and any(binding.kind != "import" for binding in module.bindings.get(name, ()))

    def bind_mutation(self, receiver: ast.expr, value: ast.AST | None, via: str | None = None) -> None:
        while isinstance(receiver, ast.Subscript):
            receiver = receiver.value
        if isinstance(receiver, ast.Attribute):
            self.bind_dotted(receiver, value, "mutation", via)
        elif isinstance(receiver, ast.Name):
            self.bind(receiver.id, Binding("mutation", value, self.statement, self.scope, via=via))

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self.bind_target(target, node.value, "assign")

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.bind_target(node.target, node.value, "assign", annotation=node.annotation)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.bind_mutation(node.target, node.value)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.bind_target(node.target, node.value, "assign")

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        self.bind_target(node.target, node.iter, "loop")

    def visit_comprehension(self, node: ast.comprehension) -> None:
        # `coroutine(config) for config in configs`: bound in the enclosing scope, close enough to follow
        self.bind_target(node.target, node.iter, "loop")

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            if item.optional_vars is not None:
                self.bind_target(item.optional_vars, item.context_expr, "with")

    def visit_Import(self, node: ast.Import) -> bool:
        for alias in node.names:
            if alias.asname is not None:
                local, qualified = alias.asname, alias.name
            else:
                local = qualified = alias.name.split(".")[0]
            self.index.imports[local] = qualified
            self.bind(local, Binding("import", None, self.statement, self.scope, qualified=qualified))
        return False  # imported names are other people's names, not evidence

    def visit_ImportFrom(self, node: ast.ImportFrom) -> bool:
        # relative imports keep their dots (`.prompts.SYSTEM`, `..x`): never taken for a package's names
        package = "." * (node.level or 0) + (f"{node.module}." if node.module else "")
        for alias in node.names:
            if alias.name == "*":
                return False
            local = alias.asname or alias.name
            self.index.imports[local] = package + alias.name
            self.bind(local, Binding("import", None, self.statement, self.scope, qualified=package + alias.name))
        return False

    def visit_Call(self, node: ast.Call) -> None:
        self.record_config_reference(node)
        func = node.func
        if isinstance(func, ast.Name):  # completion(...), urlopen(...)
            if func.id in self.request_method_names:
                self.index.candidates.append(CallCandidate(node, self.scope, self.owner, self.statement))
            return
        if not isinstance(func, ast.Attribute):
            return
        if func.attr in self.mutating_methods:
            for _, value in call_arguments(node):
                self.bind_mutation(func.value, value, func.attr)
        if func.attr in self.request_method_names:
            self.index.candidates.append(CallCandidate(node, self.scope, self.owner, self.statement))


class _CodeIndexer(_Indexer):
    """What the code does, without its text (read by `ModuleIndex.read_texts` if ever asked for)."""

    _handlers: dict[str, dict[type, object]] = {"visit_": {}, "leave_": {}}
    visit_Constant = visit_JoinedStr = visit_Subscript = visit_Attribute = visit_Name = visit_Global = visit_Nonlocal = visit_arg = None  # type: ignore[assignment]

    def record(self, kind: str, line: int, text: str) -> None:
        pass

    def record_name(self, name: str, line: int) -> None:
        pass

    def record_config_reference(self, node: ast.AST) -> None:
        pass


def build_index(
    tree: ast.Module,
    lines: list[str],
    kept: list[ast.stmt],
    request_method_names: frozenset[str],
    mutating_methods: frozenset[str],
) -> ModuleIndex:
    """Index the module's `kept` top-level statements (the others hold nothing that can matter); its
    text is indexed when first asked for."""
    index = _index(tree, lines, kept, request_method_names, mutating_methods, _CodeIndexer)
    index._unread = (kept, request_method_names, mutating_methods)
    for owner in index.owners:
        owner.index = index
    return index


def _index(tree: ast.Module, lines: list[str], kept: list[ast.stmt], request_method_names: frozenset[str], mutating_methods: frozenset[str], indexer_type: type[_Indexer]) -> ModuleIndex:
    index = ModuleIndex(tree, lines)
    indexer = indexer_type(index, request_method_names, mutating_methods)
    indexer.mark_docstring(tree.body)
    for statement in kept:
        walk(statement, indexer.enter, indexer.leave, (ast.stmt,))
    for owner in index.owners:
        owner.texts.extend(TextItem("name", line, words) for name, line in owner.names.items() if (words := split_identifier(name)))
    return index
