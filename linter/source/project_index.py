"""The project's other modules as one file's analysis reaches them.

A name imported from a module under the analysed file's project root resolves to its definition
there: the module is read from disk and parsed with `ast` (never imported or executed), indexed
with the same builder as the analysed file, and kept per process by (resolved path, mtime, size),
so a module imported by fifty files is parsed once. Only modules a data flow or a client reaches
are read; imports of imports follow the same way, with cycles cut.
"""

from __future__ import annotations

import ast
import os
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flake8_azure_face_policy.source.files import SkippedFile, read_source
from flake8_azure_face_policy.source.index import Binding, ClassInfo, FunctionInfo, ModuleIndex, Scope, build_index, member_bindings
from flake8_azure_face_policy.source.project_files import MAX_MODULE_BYTES, file_key, find_root, module_file
from flake8_azure_face_policy.source.syntax import SELF_NAMES, dotted_name, source_lines

MODULE = "module"  # the kind of a binding that names a whole module (`import app.prompts as p`)
_MAX_HOPS = 16  # re-exports followed from one name (`__init__` importing from a submodule ...)


@dataclass(eq=False)
class ModuleView:
    """A module as one analysis sees it: the analysed file, or another module of the project."""

    index: ModuleIndex
    path: Path | None  # resolved; None for a source that has no file
    label: str  # the path relative to the project root; "" for the analysed file
    binding: Binding  # the module as a value, for `import app.prompts as p` then `p.X`


@lru_cache(maxsize=1024)
def _load(key: tuple[str, int, int], request_names: frozenset[str], mutating: frozenset[str]) -> ModuleIndex | None:
    """One module, parsed and indexed once per process; None when it cannot be read or parsed."""
    if key[2] > MAX_MODULE_BYTES:
        return None
    source = read_source(Path(key[0]))
    if isinstance(source, SkippedFile):
        return None
    source = source.lstrip("\ufeff")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return build_index(tree, source_lines(source), tree.body, request_names, mutating)


def load_module(path: Path, request_names: frozenset[str], mutating: frozenset[str]) -> ModuleIndex | None:
    key = file_key(path)
    return _load(key, request_names, mutating) if key is not None else None


def parsed_module_count() -> int:
    """How many modules this process has read for other files' analyses (what the cost tests count)."""
    return _load.cache_info().misses


class ProjectIndex:
    """Name lookup across the project for one analysed file: imports into the project are replaced by
    the definitions they name. Offers the lookups of `ModuleIndex` with the same signatures."""

    def __init__(self, analysed: ModuleIndex, path: str | None, request_names: frozenset[str], mutating: frozenset[str]):
        self.request_names = request_names
        self.mutating = mutating
        self._modules_by_scope: dict[int, ModuleView] = {}
        resolved = Path(os.path.abspath(path)).resolve() if path else None
        # the root found from the path as given (as the configuration's), compared as resolved paths
        self.root = Path(os.path.realpath(find_root(Path(os.path.abspath(path)).parent))) if path else None
        self.analysed = self._view(analysed, resolved, "")
        self._by_path: dict[Path, ModuleView | None] = {resolved: self.analysed} if resolved is not None else {}
        self._scope_views: dict[int, ModuleView] = {}
        self._targets: dict[int, list[Binding]] = {}
        self._classes: dict[int, dict[int, ClassInfo]] = {}
        self._chains: dict[int, list[ClassInfo]] = {}  # id(class node) -> the class and its project bases, in resolution order

    def _view(self, index: ModuleIndex, path: Path | None, label: str) -> ModuleView:
        view = ModuleView(index, path, label, Binding(MODULE, None, None, index.module_scope))
        self._modules_by_scope[id(index.module_scope)] = view
        return view

    # -- modules -------------------------------------------------------------------------------
    def view_of(self, scope: Scope) -> ModuleView:
        """The module a scope belongs to."""
        found = self._scope_views.get(id(scope))
        if found is None:
            top = scope
            while top.parent is not None:
                top = top.parent
            found = self._scope_views[id(scope)] = self._modules_by_scope[id(top)]
        return found

    def label_of(self, scope: Scope) -> str:
        return self.view_of(scope).label

    def view_labelled(self, label: str) -> ModuleView | None:
        """A module read for this analysis, by its label."""
        return next((view for view in self._modules_by_scope.values() if view.label == label), None)

    def module_at(self, path: Path) -> ModuleView | None:
        if path in self._by_path:
            return self._by_path[path]
        index = load_module(path, self.request_names, self.mutating)
        view = None
        if index is not None and self.root is not None:
            view = self._view(index, path, path.relative_to(self.root).as_posix())
        self._by_path[path] = view
        return view

    def module_named(self, importer: ModuleView, level: int, dotted: str) -> ModuleView | None:
        if self.root is None:
            return None
        folder = importer.path.parent if importer.path is not None else Path.cwd()
        path = module_file(folder, self.root, level, dotted)
        return self.module_at(path) if path is not None else None

    # -- names -----------------------------------------------------------------------------------
    def import_targets(self, binding: Binding, hops: int = 0) -> list[Binding] | None:
        """What an import binding names inside the project (definitions, or a module); None when it
        names something outside it (an installed package, the standard library, nothing)."""
        if self.root is None or binding.qualified is None or hops > _MAX_HOPS:
            return None
        key = id(binding)
        if key in self._targets:
            return self._targets[key] or None
        self._targets[key] = []  # a cycle of imports resolves to nothing
        found = self._resolve_import(binding, hops)
        self._targets[key] = found or []
        return found

    def _resolve_import(self, binding: Binding, hops: int) -> list[Binding] | None:
        importer = self.view_of(binding.scope)
        qualified = binding.qualified or ""
        dotted = qualified.lstrip(".")
        level = len(qualified) - len(dotted)
        if isinstance(binding.statement, ast.Import):
            module = self.module_named(importer, 0, dotted)
            return [module.binding] if module is not None else None
        package, _, name = dotted.rpartition(".")
        holder = self.module_named(importer, level, package)
        if holder is not None and holder is not importer:
            defined = self._module_member(holder, name, hops + 1)
            if defined:
                return defined
        module = self.module_named(importer, level, dotted)  # `from app import prompts`: a submodule
        return [module.binding] if module is not None else None

    def _module_member(self, module: ModuleView, name: str, hops: int) -> list[Binding]:
        """A module's top-level bindings of a name, re-exports followed to their definitions."""
        found: list[Binding] = []
        for binding in module.index.module_scope.bindings.get(name, ()):
            if binding.kind == "import":
                found.extend(self.import_targets(binding, hops) or [binding])
            else:
                found.append(binding)
        return found

    def _resolved(self, bindings: list[Binding]) -> list[Binding]:
        if self.root is None or not any(binding.kind == "import" for binding in bindings):
            return bindings
        found: list[Binding] = []
        for binding in bindings:
            found.extend((self.import_targets(binding) or [binding]) if binding.kind == "import" else [binding])
        return found

    def lookup(self, name: str, scope: Scope) -> list[Binding]:
        return self._resolved(self.view_of(scope).index.lookup(name, scope))

    def attribute_bindings(self, dotted: str, scope: Scope) -> list[Binding]:
        """As `ModuleIndex.attribute_bindings`, with `self.x` found in the project's base classes too,
        and `p.SYSTEM_PROMPT` through `import app.prompts as p`."""
        head, _, member = dotted.partition(".")
        if head in SELF_NAMES and scope.class_info is not None:
            return self._resolved(member_bindings(self.class_chain(scope.class_info), member))
        found = self._resolved(self.view_of(scope).index.attribute_bindings(dotted, scope))
        if found or self.root is None:
            return found
        head, *parts = dotted.split(".")
        current = self.lookup(head, scope)
        for position, part in enumerate(parts):
            modules = [self._modules_by_scope[id(binding.scope)] for binding in current if binding.kind == MODULE]
            if not modules:
                return [] if position < len(parts) else current
            current = []
            for module in modules:
                current.extend(self._module_member(module, part, 0) or self._submodule(module, part))
        return current

    def _submodule(self, module: ModuleView, name: str) -> list[Binding]:
        if module.path is None or module.path.name != "__init__.py":
            return []
        found = self.module_named(module, 1, name)
        return [found.binding] if found is not None else []

    def qualify(self, node: ast.AST, scope: Scope) -> str | None:
        """The dotted name an expression refers to, through imports and the project's re-exports
        (`from .compat import AzureOpenAI`, where compat imports it from `openai`)."""
        view = self.view_of(scope)
        name = view.index.qualify(node)
        if name is None or self.root is None:
            return name
        head, _, rest = (dotted_name(node) or "").partition(".")
        for binding in view.index.lookup(head, scope):
            if binding.kind == "import":
                for target in self.import_targets(binding) or ():
                    if target.kind == "import" and target.qualified:
                        return f"{target.qualified}.{rest}" if rest else target.qualified
        return name

    def class_chain(self, info: ClassInfo) -> list[ClassInfo]:
        """The class and its base classes defined in the project, in method resolution order (C3;
        bases outside the project are left out, a cycle of bases is cut)."""
        key = id(info.node)
        chain = self._chains.get(key)
        if chain is None:
            self._chains[key] = [info]  # while it is computed: a class reached again through its bases ends there
            bases = self.base_classes(info)
            chain = self._chains[key] = [info, *(found for found in _merged([*(self.class_chain(base) for base in bases), bases]) if found is not info)]
        return chain

    def base_classes(self, info: ClassInfo) -> list[ClassInfo]:
        """The bases of a class statement that name project classes (`BaseClient`, `base.BaseClient`)."""
        found: list[ClassInfo] = []
        for base in info.node.bases:
            dotted = dotted_name(base)
            bindings = [] if dotted is None else self.lookup(dotted, info.scope) if "." not in dotted else self.attribute_bindings(dotted, info.scope)
            found.extend(base_info for binding in bindings if binding.kind == "class" and (base_info := self.class_info(binding)) is not None and base_info is not info)
        return list(dict.fromkeys(found))

    def method_of(self, info: ClassInfo, name: str) -> FunctionInfo | None:
        """The method an instance of the class calls by that name: its own, else a base class's."""
        return next((base.methods[name] for base in self.class_chain(info) if name in base.methods), None)

    def class_info(self, binding: Binding) -> ClassInfo | None:
        """The class a `class` binding defines."""
        index = self.view_of(binding.scope).index
        classes = self._classes.get(id(index))
        if classes is None:
            classes = self._classes[id(index)] = {id(owner.node): owner.class_info for owner in index.owners if owner.class_info is not None}
        return classes.get(id(binding.value))


def _merged(sequences: list[list[ClassInfo]]) -> list[ClassInfo]:
    """C3's merge of the bases' resolution orders; where they conflict (Python would refuse the
    class), the remaining classes in order of first appearance."""
    pending = [list(sequence) for sequence in sequences if sequence]
    found: list[ClassInfo] = []
    while pending:
        head = next((sequence[0] for sequence in pending if not any(sequence[0] in other[1:] for other in pending)), None)
        if head is None:
            found.extend(info for sequence in pending for info in sequence if info not in found)
            return list(dict.fromkeys(found))
        found.append(head)
        pending = [rest for sequence in pending if (rest := [info for info in sequence if info is not head])]
    return found
