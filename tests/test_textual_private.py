"""Textual's private API is used in ui/textual_private/ only (it says why, and pyproject pins Textual).

A private name of Textual is one Textual's own source gives a leading underscore: a method or class
attribute, or an attribute it sets on `self`. Outside textual_private/, loopbaan_tui must not
- read or call one on `super()`, or on any object other than `self`/`cls` (`node._bindings`);
- in a class built on Textual's, define, read or set one Textual's bases of that class have
  (overriding `_handle_exception`, or clobbering a widget's `_value` by accident);
- import a private module of Textual (`textual._compositor`).
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import inspect
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from contextlib import suppress
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pytest
import textual

from loopbaan_tui.ui.textual_private import CHECKED_WITH, CrashHandlingApp

PACKAGE = Path(__file__).resolve().parent.parent / "loopbaan_tui"
ALLOWED = PACKAGE / "ui" / "textual_private"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _private_names(tree: ast.AST) -> set[str]:
    """Private names a piece of Textual's source defines: methods, class attributes, `self._x`."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _private(node.name):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and _private(node.id):
            names.add(node.id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and _private(node.target.id):
            names.add(node.target.id)
    return names


@cache
def _all_textual_private() -> frozenset[str]:
    """Every private attribute name anywhere in Textual (for objects whose class the scan cannot know).

    Parsing all of Textual's source takes ~1.5 CPU-s; the names are kept in the environment's folder
    (sys.prefix, the worktree's .venv), under a key made of Textual's version and the name, size and time
    of each of its files, so a run after the first reads them back. Where that folder cannot be written,
    they are parsed every time."""
    files = sorted(Path(textual.__file__).parent.rglob("*.py"))
    stats = "\n".join(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in files)
    key = hashlib.sha256(f"{version('textual')}\n{stats}".encode()).hexdigest()[:16]
    kept = Path(sys.prefix) / "loopbaan-test-cache" / f"textual-private-{key}.txt"
    with suppress(OSError):
        known = frozenset(kept.read_text(encoding="utf-8").split())
        if known:  # an empty file (a write cut short) is parsed again
            return known
    names: set[str] = set()
    for path in files:
        names |= _private_names(ast.parse(path.read_text(encoding="utf-8")))
    with suppress(OSError):
        kept.parent.mkdir(exist_ok=True)
        kept.write_text("\n".join(sorted(names)), encoding="utf-8")
    return frozenset(names)


@cache
def _class_private(cls: type) -> frozenset[str]:
    """The private names of one Textual class (its own source)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return frozenset(name for name in vars(cls) if _private(name))
    tree = ast.parse(textwrap.dedent(source))
    return frozenset(_private_names(tree) | {name for name in vars(cls) if _private(name)})


def _textual_bases_private(cls: type) -> frozenset[str]:
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.split(".")[0] == "textual":
            names |= _class_private(base)
    return frozenset(names)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


class _Scan(ast.NodeVisitor):
    def __init__(self, module: object, where: str) -> None:
        self.module = module
        self.where = where
        self.found: list[str] = []
        self.classes: list[frozenset[str]] = []
        self.modules: set[str] = set()  # names bound to other modules (`os._exit`, `argparse._` are theirs)
        self.uses_textual = False  # a module without Textual (the domain) holds no Textual object

    def _say(self, node: ast.AST, what: str) -> None:
        self.found.append(f"{self.where}:{getattr(node, 'lineno', '?')}: {what}")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and node.module.split(".")[0] == "textual" and any(map(_private, node.module.split("."))):
            self._say(node, f"imports the private module {node.module}")

    def visit_Module(self, node: ast.Module) -> None:
        for item in ast.walk(node):
            if isinstance(item, ast.Import):
                names = [alias.asname or alias.name.split(".")[0] for alias in item.names]
                self.modules |= {name for name in names if name != "textual"}
            modules = [alias.name for alias in item.names] if isinstance(item, ast.Import) else []
            if isinstance(item, ast.ImportFrom) and item.module:
                modules.append(item.module)
            self.uses_textual |= any(name.split(".")[0] == "textual" for name in modules)
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] == "textual" and any(map(_private, alias.name.split("."))):
                self._say(node, f"imports the private module {alias.name}")

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        cls = getattr(self.module, node.name, None) if not self.classes else None
        private = _textual_bases_private(cls) if isinstance(cls, type) else frozenset()
        self.classes.append(private)
        for item in node.body:
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name in private:
                self._say(item, f"overrides Textual's private {node.name}.{item.name}")
        self.generic_visit(node)
        self.classes.pop()

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.generic_visit(node)
        if not _private(node.attr):
            return
        value = node.value
        if isinstance(value, ast.Name) and value.id in ("self", "cls"):
            if self.classes and node.attr in self.classes[-1]:
                self._say(node, f"uses Textual's private {value.id}.{node.attr}")
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "super":
            if self.classes and node.attr in self.classes[-1]:
                self._say(node, f"calls Textual's private super().{node.attr}")
        elif isinstance(value, ast.Name) and value.id in self.modules:
            return
        elif self.uses_textual and node.attr in _all_textual_private():
            self._say(node, f"touches a private name of Textual: .{node.attr}")


def _problems() -> Iterator[str]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(ALLOWED):
            continue
        name = _module_name(path)
        module = None if name.endswith("__main__") else importlib.import_module(name)  # __main__ runs the app
        scan = _Scan(module, str(path.relative_to(PACKAGE.parent)))
        scan.visit(ast.parse(path.read_text(encoding="utf-8")))
        yield from scan.found


def test_the_scan_finds_what_it_is_for_and_only_textual_private_touches_textual_private_names() -> None:
    """First the scan itself, on code that does each forbidden thing (and on code that must pass); then the
    package. (One test: both read every private name of Textual's source, ~1.5 CPU-s, once per process.)

    On a finding in the package: move the use into ui/textual_private/ (saying why and for which Textual),
    or, for an attribute of loopbaan's own that happens to share a name with Textual's, rename it."""
    from loopbaan_tui.ui import app

    source = """
from textual._compositor import CompositorUpdate
class LoopbaanApp:
    def _fatal_error(self):
        super()._handle_exception(None)
        self._exit_renderables.clear()
        self._packs = {}
def localize(node):
    return node._bindings
"""
    scan = _Scan(app, "sample.py")
    scan.visit(ast.parse(source))
    lines = "\n".join(scan.found)
    assert "private module textual._compositor" in lines
    assert "overrides Textual's private LoopbaanApp._fatal_error" in lines
    assert "super()._handle_exception" in lines
    assert "self._exit_renderables" in lines
    assert "._bindings" in lines
    assert "_packs" not in lines  # loopbaan's own attribute, not one of Textual's
    assert len(scan.found) == 5
    assert list(_problems()) == [], "the package: private names of Textual outside ui/textual_private/"


def test_textual_is_pinned_to_the_checked_version() -> None:
    """The private uses were read against one Textual version: the pin and the running Textual agree."""
    project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    [pin] = [dep for dep in project["dependencies"] if dep.startswith("textual>")]
    major, minor, _ = CHECKED_WITH.split(".")
    assert pin == f"textual>={CHECKED_WITH},<{major}.{int(minor) + 1}"
    assert version("textual").split(".")[:2] == [major, minor]


async def test_a_crash_runs_before_crash_first_then_ends_the_app() -> None:
    seen: list[tuple[str, bool]] = []

    class Failing(CrashHandlingApp[None]):
        def before_crash(self, error: Exception) -> None:
            seen.append((str(error), self.is_running))

        def on_mount(self) -> None:
            raise RuntimeError("planted")

    app = Failing()
    with pytest.raises(RuntimeError, match="planted"):  # Pilot re-raises what Textual recorded
        async with app.run_test():
            pass
    assert seen == [("planted", True)]
    assert app.return_code == 1
