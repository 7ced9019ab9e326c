"""Which catalogue keys the code asks for, read from its syntax tree (no import, no run).

A call of a word function (`message`, `phrase`, `Piece`, `Piece.of`, `Problem`, `words`, `pack.text`,
and every function that passes one of its parameters on as such a key) must name its key statically:
a string literal, a choice between literals, a literal map's value (`WORDS[code]`, `WORDS.get(code, "x")`),
a local name bound only to those, a loop over a literal table, or a call of a function that returns
only those. `scan()` answers with every key found and every call whose key cannot be known.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "loopbaan_tui"
UI, MESSAGES = "ui", "messages"
BASE: dict[str, tuple[int, str]] = {
    "words": (0, UI),
    "text": (0, UI),  # only on a pack: pack.text(...), self.app.pack.text(...)
    "message": (0, MESSAGES),
    "phrase": (0, MESSAGES),
    "Piece": (0, MESSAGES),
    "of": (0, MESSAGES),  # only Piece.of(...)
    "Problem": (1, MESSAGES),
    "EncodingProblem": (0, MESSAGES),
}
"""The word functions: which argument is the key, and which catalogue it is a key of."""
ENGINE = {"domain/words/messages.py", "domain/content/problems.py"}
"""Where codes carried as data (a Piece's, a Problem's) are looked up: not call sites to check."""

Result = tuple[frozenset[str], frozenset[str]] | None
"""The keys an expression can be, and the parameters it passes on; None when it cannot be known."""


@dataclass
class Unknown:
    """A call whose key cannot be known statically."""

    file: str
    line: int
    source: str


@dataclass
class Scan:
    keys: dict[str, set[str]] = field(default_factory=lambda: {UI: set(), MESSAGES: set()})
    unknown: list[Unknown] = field(default_factory=list)
    constants: set[str] = field(default_factory=set)
    """Every string literal in the skipped files (where keys are still computed)."""


def _modules() -> dict[str, ast.Module]:
    return {
        path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _tables(modules: dict[str, ast.Module]) -> dict[str, ast.expr]:
    """Module-level literal tables (dicts, tuples, lists) by name."""
    found: dict[str, ast.expr] = {}
    for tree in modules.values():
        for node in tree.body:
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
            if isinstance(node, ast.AnnAssign):
                target = node.target
            value = getattr(node, "value", None)
            if isinstance(target, ast.Name) and isinstance(value, ast.Dict | ast.Tuple | ast.List):
                found[target.id] = value
    return found


def _functions(modules: dict[str, ast.Module]) -> dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]]:
    found: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found.setdefault(node.name, []).append(node)
    return found


class _Resolver:
    def __init__(self, modules: dict[str, ast.Module]) -> None:
        self.tables = _tables(modules)
        self.functions = _functions(modules)
        self.parents: dict[ast.AST, ast.AST] = {}
        for tree in modules.values():
            for node in ast.walk(tree):
                for child in ast.iter_child_nodes(node):
                    self.parents[child] = node
        self._returning: set[str] = set()

    def scopes(self, node: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
        """The functions around `node`, innermost first."""
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield node

    def resolve(self, expr: ast.expr | None, site: ast.AST) -> Result:
        match expr:
            case ast.Constant(value=str(value)):
                return frozenset({value}), frozenset()
            case ast.IfExp(body=body, orelse=orelse):
                return _union(self.resolve(body, site), self.resolve(orelse, site))
            case ast.Subscript(value=ast.Name(id=name)) if isinstance(self.tables.get(name), ast.Dict):
                return self._values(name)
            case ast.Call(func=ast.Attribute(value=ast.Name(id=name), attr="get"), args=args) if isinstance(
                self.tables.get(name), ast.Dict
            ):
                default = self.resolve(args[1], site) if len(args) > 1 else (frozenset(), frozenset())
                return _union(self._values(name), default)
            case ast.Call(func=ast.Name(id=name)) if name in self.functions:
                return self._returns(name)
            case ast.Name(id=name):
                return self._name(name, site)
        return None

    def _values(self, table: str) -> Result:
        node = self.tables[table]
        assert isinstance(node, ast.Dict)
        return _all(self.resolve(value, node) for value in node.values)

    def _returns(self, name: str) -> Result:
        if name in self._returning:
            return None
        self._returning.add(name)
        try:
            returns = [
                node
                for function in self.functions[name]
                for node in ast.walk(function)
                if isinstance(node, ast.Return) and next(self.scopes(node)) is function
            ]
            return _all(self.resolve(node.value, node) for node in returns) if returns else None
        finally:
            self._returning.discard(name)

    def _name(self, name: str, site: ast.AST) -> Result:
        for scope in self.scopes(site):
            args = scope.args
            if name in {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}:
                return frozenset(), frozenset({f"{id(scope)}:{name}"})
            bound = list(self._bindings(scope, name))
            if bound:
                return _all(bound)
        return None

    def _bindings(self, scope: ast.AST, name: str) -> Iterator[Result]:
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                yield self.resolve(node.value, node)
            elif isinstance(node, ast.For | ast.comprehension):
                yield from self._loop(node.target, node.iter, name)

    def _loop(self, target: ast.expr, iterable: ast.expr, name: str) -> Iterator[Result]:
        """What `name` can be in `for target in iterable`, when the loop binds it."""
        if isinstance(target, ast.Name):
            position = None if target.id == name else -1
        elif isinstance(target, ast.Tuple):
            names = [t.id if isinstance(t, ast.Name) else None for t in target.elts]
            position = names.index(name) if name in names else -1
        else:
            return
        if position == -1:
            return
        items = self._items(iterable)
        if items is None:
            yield None
            return
        for item in items:
            if position is None:
                yield self.resolve(item, item)
            elif isinstance(item, ast.Tuple) and position < len(item.elts):
                yield self.resolve(item.elts[position], item)
            else:
                yield None

    def _items(self, iterable: ast.expr) -> list[ast.expr] | None:
        """The elements a loop over a literal table goes through (a dict's .items() as key-value pairs)."""
        method = None
        if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute):
            method, iterable = iterable.func.attr, iterable.func.value
        table = self.tables.get(iterable.id) if isinstance(iterable, ast.Name) else None
        if isinstance(table, ast.Tuple | ast.List) and method is None:
            return list(table.elts)
        if isinstance(table, ast.Dict) and None not in table.keys:
            keys = [k for k in table.keys if k is not None]
            if method == "items":
                return [ast.Tuple([k, v]) for k, v in zip(keys, table.values, strict=True)]
            return list(table.values) if method == "values" else keys
        return None


def _union(a: Result, b: Result) -> Result:
    return None if a is None or b is None else (a[0] | b[0], a[1] | b[1])


def _all(results: Iterator[Result] | list[Result]) -> Result:
    total: Result = (frozenset(), frozenset())
    for result in results:
        total = _union(total, result)
    return total


Words = dict[tuple[str, str], tuple[int, str]]
"""The word functions by (where they can be called, name): "" for the base ones (anywhere), "." for a
method (called as x.name), a module's file for a function (called by its name in that module)."""


def _called(call: ast.Call, file: str, words: Words) -> tuple[int, str] | None:
    """Which argument of this call is a key, and of which catalogue, when it calls a word function."""
    func = call.func
    if isinstance(func, ast.Name):
        return words.get(("", func.id)) or words.get((file, func.id))
    if not isinstance(func, ast.Attribute):
        return None
    if ("", func.attr) not in words:
        return words.get((".", func.attr))
    receiver = func.value
    if func.attr == "text":
        named = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", "")
        return words["", "text"] if named == "pack" else None
    if func.attr == "of":
        return words["", "of"] if isinstance(receiver, ast.Name) and receiver.id == "Piece" else None
    return words["", func.attr]


def _wrapper(
    scope: ast.FunctionDef | ast.AsyncFunctionDef, parameter: str, file: str, resolver: _Resolver
) -> tuple[tuple[str, str], int]:
    """How a function that passes `parameter` on as a key is called, and where that argument is."""
    names = [a.arg for a in (*scope.args.posonlyargs, *scope.args.args)]
    position = names.index(parameter)
    in_class = isinstance(resolver.parents.get(scope), ast.ClassDef)
    static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in scope.decorator_list)
    if in_class and not static and names and names[0] in ("self", "cls"):
        return (".", scope.name), position - 1
    return (file, scope.name), position


def scan(skip: frozenset[str] = frozenset()) -> Scan:
    """Every key the code asks for, by catalogue, and the calls whose key is not static (outside `skip`)."""
    modules = _modules()
    resolver = _Resolver(modules)
    words: Words = {("", name): value for name, value in BASE.items()}
    calls = [(file, node) for file, tree in modules.items() for node in ast.walk(tree) if isinstance(node, ast.Call)]
    while True:  # find the wrappers: functions that pass a parameter on as a key
        added = False
        for file, call in calls:
            called = _called(call, file, words)
            if called is None or len(call.args) <= called[0]:
                continue
            result = resolver.resolve(call.args[called[0]], call)
            passed_on = result[1] if result else frozenset()
            for scope in resolver.scopes(call) if passed_on else ():
                for parameter in passed_on:
                    owner, _, name = parameter.partition(":")
                    positional = [a.arg for a in (*scope.args.posonlyargs, *scope.args.args)]
                    if owner != str(id(scope)) or name not in positional:
                        continue
                    where, position = _wrapper(scope, name, file, resolver)
                    if where not in words:
                        words[where] = (position, called[1])
                        added = True
        if not added:
            break
    found = Scan()
    for file, call in calls:
        called = _called(call, file, words)
        if called is None or len(call.args) <= called[0]:
            continue
        result = resolver.resolve(call.args[called[0]], call)
        if result is None:
            if file not in skip | ENGINE:
                found.unknown.append(Unknown(file, call.lineno, ast.unparse(call)))
        else:
            found.keys[called[1]] |= result[0]
    for file in skip:
        found.constants |= {
            node.value
            for node in ast.walk(modules[file])
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
    return found
