"""Readying, while the start screen is read, what the first open of a traject needs (issue 18: open).

Kept off the start screen's path for its first paint, and done right after its first frame (start.py
`on_mount`): on a thread, the modules the reflection needs (IMPORT_AHEAD, the domain's and the
reflection screen's with its widgets); then, on the event loop, the style rules of every widget the
reflection mounts are parsed (`parse_rules`). Else the first open did both: ~12% of its time importing,
and ~10-30% re-parsing every style sheet for the DEFAULT_CSS of each widget class it was the first to
mount (Textual re-parses all sources when one is added), rules the parsed-rule cache never kept.
A failure is left for the open to meet and report as it would.

While the thread imports, a module may be in `sys.modules` half made: code on the event loop that looks
a module up there must not expect its names yet (textual_private.is_text_area, is_radio_set); an
`import` of it simply waits for the thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from . import css_cache
from .textual_private import add_default_css

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

IMPORT_AHEAD = (
    "loopbaan_tui.domain.kinds",
    "loopbaan_tui.domain.trajects.visibility",
    "loopbaan_tui.domain.roadmap.older",
    "loopbaan_tui.domain.words.dates",
    "loopbaan_tui.ui.screens.reflection",  # and its widgets, the session, the key hints
)
"""Imported on a thread once the start screen shows: what an opened traject needs first."""

WIDGET_MODULES = ("loopbaan_tui.ui.widgets.", "loopbaan_tui.ui.screens.reflection")
"""Where the widget classes the reflection mounts are defined (with their Textual bases)."""


def start(app: App[Any]) -> threading.Thread:
    """From the event loop: import IMPORT_AHEAD on a thread, then parse the rules on the loop (returned: the thread)."""
    loop = asyncio.get_running_loop()

    def run() -> None:
        with contextlib.suppress(Exception):
            for name in IMPORT_AHEAD:
                importlib.import_module(name)
            with contextlib.suppress(RuntimeError):  # the loop has closed: the app has ended meanwhile
                loop.call_soon_threadsafe(parse_rules, app)

    thread = threading.Thread(target=run, name="loopbaan-import-ahead", daemon=True)
    thread.start()
    return thread


def parse_rules(app: App[Any]) -> None:
    """On the event loop: the DEFAULT_CSS of every widget class the reflection mounts into the style sheet
    and parsed now, once, as Textual would at its first mount (nothing mounted is restyled: the rules are
    for widgets not yet there); what was parsed anew is kept for the next start (css_cache.py)."""
    if not app.is_running:
        return
    with contextlib.suppress(Exception):  # a failure here is met again, and reported, by the open
        for widget_type in reflection_widget_types():
            add_default_css(app, widget_type)
        app.stylesheet.rules  # noqa: B018 (parses the sources added, as Stylesheet.apply would)
        css_cache.keep(app)


def reflection_widget_types() -> list[type[Widget]]:
    """The widget classes the reflection can mount, among those imported: ours in WIDGET_MODULES, and
    Textual's that it mounts without a class of its own around them."""
    from textual.containers import Container, Horizontal, Vertical
    from textual.widget import Widget
    from textual.widgets import ContentSwitcher, RadioSet

    ours = [cls for cls in _subclasses(Widget) if cls.__module__.startswith(WIDGET_MODULES)]
    return [*ours, ContentSwitcher, RadioSet, Horizontal, Vertical, Container]


def _subclasses(cls: type[Widget]) -> Iterator[type[Widget]]:
    seen: set[type[Widget]] = set()
    todo = [cls]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
                yield sub
