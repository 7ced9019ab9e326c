"""The one module of tests/ that uses Textual's private API, to make the app tests cheaper; both levers
are switched on by conftest.py for every test process (`speed_up_textual`).

1. Parsed CSS shared between the apps of one test process (`share_parsed_css`).

Every App makes a new `Stylesheet`, and each Stylesheet parses every source it is given again: app.tcss,
the screens' sheets in loopbaan_tui/ui/styles/ and every widget class's DEFAULT_CSS, twice per app (the
screens' sheets are read after the first frame, and `Stylesheet.reparse` starts a fresh Stylesheet).
The text is the same in every test, so a test worker parsed the same CSS hundreds of times (about a
tenth of the CPU time of an app test).

Why private: Textual keeps its cache of parsed rules per Stylesheet (`Stylesheet._parse_cache`, an
LRUCache filled by `Stylesheet._parse_rules`) and offers no public way to share it. Checked against
Textual 8.2.8 (textual/css/stylesheet.py `Stylesheet._parse_rules`, `parse`, `reparse`): the rules that
`_parse_rules` returns depend on its arguments and on the stylesheet's variables (the theme) alone, and
Textual already hands the same rule lists out again from its own per-sheet cache, so the RuleSets are
never changed after parsing. The shared cache keys on all of those, the theme's variables included.

A style error is still found: rules with errors are returned like others and `Stylesheet.parse` raises
on them whether they came from the cache or not, so every app with a broken sheet still fails to
start; an exception while parsing is not cached. tests/test_style_sheets.py parses every sheet of the
app afresh, without this cache (`parse_uncached`).

2. A shorter idle window for Pilot, that also waits for the screen's pending paint (`quicker_idle_wait`).
`Pilot.press` waits twice per key, and `Pilot.pause()` once, in `textual._wait.wait_for_idle`: it
sleeps 20 ms at a time until one such sleep passes with the process using under 5% of CPU. So each key
cost at least 40 ms of sleep and each pause 20 ms: more than half the wall time of the app tests, the
process idle. The 20 ms also let the screen paint in between (Textual paints at most every 1/60 s after
a change), and what runs after a paint (`call_after_refresh`). `quick_wait_for_idle` waits IDLE_WINDOW
at a time with the same 5% share, and counts the app as idle only when, besides, the current screen
has nothing left to lay out or paint and no callback waiting for the paint (what `Screen._on_idle`
checks: `_layout_required`, `_scroll_required`, `_repaint_required`, `_recompose_required`,
`_dirty_widgets`, `_callbacks`). So a key or a pause still ends with the screen painted, usually sooner.
Checked against Textual 8.2.8 (textual/_wait.py `wait_for_idle`, imported by name into textual/pilot.py
and textual/app.py `_press_keys`; textual/screen.py `_on_idle`, `_on_timer_update`, `_invoke_later`).

Only patched on the Textual version it was read against (CHECKED_WITH); on any other the tests run
unpatched (slower, nothing else changes).
"""

from __future__ import annotations

import asyncio
from time import monotonic, process_time

import textual
import textual._wait
import textual.app
import textual.pilot
from textual._context import active_app
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

CHECKED_WITH = "8.2.8"

_ORIGINAL = Stylesheet._parse_rules
_RULES: dict[tuple[object, ...], list[RuleSet]] = {}
_LIMIT = 2048
"""Entries kept at most (a worker needs a few hundred: each widget class's CSS, per theme)."""


def _shared_parse_rules(
    self: Stylesheet,
    css: str,
    read_from: CSSLocation,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(self._variables.items()))
    rules = _RULES.get(key)
    if rules is None:
        rules = _ORIGINAL(self, css, read_from, is_default_rules, tie_breaker, scope)
        if len(_RULES) >= _LIMIT:
            _RULES.clear()
        _RULES[key] = rules
    return rules


def share_parsed_css() -> None:
    """Let every Stylesheet of this process share parsed rules."""
    Stylesheet._parse_rules = _shared_parse_rules  # type: ignore[method-assign]


IDLE_WINDOW = 0.005
"""Seconds of next to no CPU after which Pilot may take the app to be idle (Textual: 0.02)."""
IDLE_SHARE = textual._wait.SLEEP_IDLE / textual._wait.SLEEP_GRANULARITY
"""The share of CPU under which a window counts as idle: Textual's own (1 ms in 20)."""


def _screen_settled() -> bool:
    """The active app's screen has nothing left to lay out or paint and no callback waiting for a paint."""
    try:
        app = active_app.get()
        screen = app.screen
    except Exception:  # no app, or no screen (yet, or any more): nothing to paint
        return True
    if app._exit or not app.is_running:  # leaving: it paints no more
        return True
    return not (
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
        or screen._callbacks
    )


async def quick_wait_for_idle(min_sleep: float = textual._wait.SLEEP_GRANULARITY, max_sleep: float = 1) -> None:
    """`textual._wait.wait_for_idle` with an IDLE_WINDOW window, and a settled screen as part of idle."""
    start = monotonic()
    while True:
        cpu = process_time()
        await asyncio.sleep(IDLE_WINDOW)
        cpu_elapsed = process_time() - cpu
        elapsed = monotonic() - start
        if elapsed >= max_sleep:
            break
        if elapsed > min_sleep and cpu_elapsed < IDLE_WINDOW * IDLE_SHARE and _screen_settled():
            break


def quicker_idle_wait() -> None:
    """Pilot (and App._press_keys) wait with `quick_wait_for_idle`."""
    textual.pilot.wait_for_idle = quick_wait_for_idle  # type: ignore[attr-defined]
    textual.app.wait_for_idle = quick_wait_for_idle  # type: ignore[attr-defined]


def speed_up_textual() -> bool:
    """Both levers; True when they are on (on the Textual version they were checked against)."""
    if textual.__version__ != CHECKED_WITH:
        return False
    share_parsed_css()
    quicker_idle_wait()
    return True


def parse_uncached(stylesheet: Stylesheet) -> None:
    """`stylesheet.parse()` with Textual's own parsing, every source parsed anew."""
    stylesheet._parse_cache.clear()
    shared = Stylesheet._parse_rules
    Stylesheet._parse_rules = _ORIGINAL  # type: ignore[method-assign]
    try:
        stylesheet.parse()
    finally:
        Stylesheet._parse_rules = shared  # type: ignore[method-assign]
