"""The app's parsed style rules, kept in the user's cache folder between runs (issue 18: first paint).

Textual parses every style sheet and every widget's DEFAULT_CSS anew at each start; for the start screen
that was ~15 ms before its first frame, and ~40 ms for the other screens' sheets right after it. Parsed
rules depend only on the CSS text and the theme's variables, so they are kept, per source, in one file:
`prime` (before the app runs) gives the style sheet the kept rules, each unpickled only when Textual asks
for its source; `keep` (once the other screens' sheets are read) writes the file again when something was
parsed that was not kept. A source is looked up by its whole text, so an edited sheet is parsed anew and
never read stale; the file is used only while its stamp holds (this loopbaan, Python, Textual's files,
the variables). A missing, broken, foreign or unwritable cache means parsing as before; it never raises.
"""

from __future__ import annotations

import io
import pickle
import sys
import threading
import zlib
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.cache import LRUCache

from .. import __version__
from ..domain.content.pack_cache import cache_folder, read_stamped, write_stamped
from .textual_private import css_variables, parse_cache, set_parse_cache

if TYPE_CHECKING:
    from textual.app import App
    from textual.css.model import RuleSet

SCHEMA = 1
Key = tuple[object, ...]
_ALLOWED = ("textual.", "rich.")


class _Plain(pickle.Unpickler):
    """The file itself: a dict of plain values (keys of strings, each source's rules as bytes)."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} has no place in the style cache")


def _dict_method(owner: object, name: str) -> object:
    """The one attribute lookup a pickled rule makes: a dict's bound `get` or `__contains__` (a
    selector's checks hold them)."""
    if type(owner) is not dict or name not in ("get", "__contains__"):
        raise pickle.UnpicklingError(f"{type(owner).__name__}.{name} has no place in a style rule")
    return getattr(owner, name)


class _Rules(pickle.Unpickler):
    """One source's rules: Textual's (and rich's) own classes and functions, functools.partial, and
    `_dict_method`."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "getattr"):
            return _dict_method
        if (module, name) == ("functools", "partial"):
            return partial
        if module.startswith(_ALLOWED) and "." not in name:
            found = super().find_class(module, name)
            if getattr(found, "__module__", "").startswith(_ALLOWED):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a style rule")


class _Primed(LRUCache[Key, "list[RuleSet]"]):
    """A style sheet's parse cache that also holds the rules kept from an earlier run, unpickled on first
    use; `fresh` once it holds rules that are not kept yet."""

    def __init__(self, app: App[Any], maxsize: int, kept: dict[Key, bytes], stamp: Key, path: Path) -> None:
        super().__init__(maxsize)
        self.app = app
        self.kept = kept
        self.stamp = stamp
        self.path = path
        self.fresh = False

    def __getitem__(self, key: Key) -> list[RuleSet]:
        try:
            return super().__getitem__(key)
        except KeyError:
            data = self.kept.get(key)
            if data is None:
                raise
        try:
            rules = _Rules(io.BytesIO(data)).load()
        except Exception:  # broken: parsed anew (and kept again)
            rules = None
        if not isinstance(rules, list):
            del self.kept[key]
            raise KeyError(key) from None
        super().set(key, rules)
        return rules

    def set(self, key: Key, value: list[RuleSet]) -> None:
        if key not in self.kept:
            self.fresh = True
        super().set(key, value)

    __setitem__ = set

    def clear(self) -> None:
        """The style sheet was given variables (Textual does so at the start in a terminal, unchanged):
        what is kept holds while they are the stamp's; for another theme's, nothing kept holds."""
        if _stamp(self.app) != self.stamp:
            self.kept = {}
        super().clear()


def _textual_stamp() -> tuple[tuple[str, int, int], ...]:
    """Textual's files that shape parsed rules (a Textual upgrade changes them)."""
    import textual
    import textual.css.model
    import textual.css.styles

    found = []
    for module in (textual, textual.css.model, textual.css.styles):
        path = Path(module.__file__ or "")
        info = path.stat()
        found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(found)


def _stamp(app: App[Any]) -> Key:
    return (SCHEMA, __version__, sys.version, _textual_stamp(), tuple(sorted(css_variables(app).items())))


def _path() -> Path:
    """One file per installation, as for the pack cache."""
    where = zlib.crc32(str(Path(__file__).resolve().parent).encode("utf-8", "surrogateescape"))
    return cache_folder() / f"css-{where:08x}.pickle"


def prime(app: App[Any]) -> None:
    """Before the app runs: the rules kept from an earlier run, ready for its first parse."""
    try:
        stamp, path = _stamp(app), _path()
    except Exception:  # no Textual files to stamp, no cache folder: parse as before
        return
    kept = read_stamped(path, stamp, _Plain)
    current = parse_cache(app)
    primed = _Primed(app, current.maxsize, kept if isinstance(kept, dict) else {}, stamp, path)
    for key in list(current.keys()):  # an LRUCache is not iterable
        if (value := current.get(key)) is not None:
            primed.set(key, value)
    set_parse_cache(app, primed)


def keep(app: App[Any]) -> threading.Thread | None:
    """Once the other screens' sheets are parsed: keep the rules for the next run, on a thread (returned),
    when something was parsed this run that is not kept (the first run, an edited sheet, another theme)."""
    primed = parse_cache(app)
    if not isinstance(primed, _Primed) or not primed.fresh or _stamp(app) != primed.stamp:
        return None
    primed.fresh = False
    parsed = {key: value for key in list(primed.keys()) if (value := primed.get(key)) is not None}
    thread = threading.Thread(target=_write, args=(primed, parsed), name="loopbaan-css-cache", daemon=True)
    thread.start()
    return thread


def _write(primed: _Primed, parsed: dict[Key, list[RuleSet]]) -> None:
    entries = dict(primed.kept)  # what this run did not use stays kept
    try:
        entries.update((key, pickle.dumps(rules, pickle.HIGHEST_PROTOCOL)) for key, rules in parsed.items())
    except Exception:  # a rule that does not pickle: nothing is kept, the next run parses
        return
    write_stamped(primed.path, primed.stamp, entries, partial(pickle.Pickler, protocol=pickle.HIGHEST_PROTOCOL))
