"""Fast, iterative traversal of an `ast` tree.

Walking with an explicit stack never meets Python's recursion limit however deep the code is
nested (a 10 000-term expression is a 10 000-deep tree); children are read from each node type's
fields, leaving out the shared Load/Store context markers.
"""

from __future__ import annotations

import ast
from typing import Callable, Iterator

_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}
# Fields that never hold a node: names and flags, the shared Load/Store markers, a constant's value.
_NOT_CHILDREN = frozenset({"ctx", "id", "attr", "arg", "kind", "type_comment", "conversion", "level", "module", "is_async"})

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


# Lists of names, not nodes; every other list holds nodes, or None for a missing one (`{**d}`'s key)
_NAME_LISTS = frozenset({(ast.Global, "names"), (ast.Nonlocal, "names"), (getattr(ast, "MatchClass", ast.Global), "kwd_attrs")})


def children(node: ast.AST) -> list[ast.AST]:
    kind = type(node)
    names = _CHILD_FIELDS.get(kind)
    if names is None:
        names = _CHILD_FIELDS[kind] = () if kind is ast.Constant else tuple(name for name in node._fields if name not in _NOT_CHILDREN and (kind, name) not in _NAME_LISTS)
    if not names:
        return []
    found: list[ast.AST] = []
    for name in names:
        value = getattr(node, name, None)
        if type(value) is list:
            if None in value:
                found.extend(item for item in value if item is not None)
            else:
                found += value
        elif isinstance(value, ast.AST):
            found.append(value)
    return found


def walk(root: ast.AST, enter: Callable[[ast.AST], bool | None], leave: Callable[[ast.AST], None], leave_types: tuple[type, ...]) -> None:
    """Depth-first: `enter(node)` before its children (return False to skip them), then `leave(node)`
    after them for nodes of the `leave_types`."""
    stack: list[tuple[ast.AST, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            leave(node)
            continue
        if isinstance(node, leave_types):
            stack.append((node, True))
        if enter(node) is not False:
            found = children(node)
            if found:
                found.reverse()
                stack.extend([(child, False) for child in found])


def descendants(root: ast.AST, stop: tuple[type, ...] = ()) -> Iterator[ast.AST]:
    """Every node under `root` (not inside nodes of the `stop` types, whose own node is still yielded)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if node is root or not isinstance(node, stop):
            stack.extend(children(node))


def first_line(statement: ast.stmt) -> int:
    """The statement's first line, its decorators included."""
    return min([statement.lineno] + [decorator.lineno for decorator in getattr(statement, "decorator_list", ())])
