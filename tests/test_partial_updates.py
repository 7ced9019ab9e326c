"""A partial update renders only the rows it updates (textual_private.render_only_updated_rows, issue 18:
key echo), and what the terminal then shows is, after every frame of a session, what a full render of
that moment shows: the frames the app sends are fed to a screen emulator (bench/emulator.py) and
compared with Textual's own full render (its `_render_chops`, every row of every widget)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import ModuleType

import pytest
from apps import MINI, make_app, type_text
from textual._compositor import ChopsUpdate, Compositor, LayoutUpdate
from textual.app import App
from textual.events import Paste
from textual.screen import Screen
from textual.widget import Widget

from loopbaan_tui.domain.trajects.autosave import Delays
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.textual_private import render_only_updated_rows
from loopbaan_tui.ui.widgets.text_fields import TextField

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _emulator() -> ModuleType:
    """bench/emulator.py by its path, without putting bench/ on sys.path (its names are generic)."""
    spec = importlib.util.spec_from_file_location("emulator", BENCH / "emulator.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("emulator", module)
    spec.loader.exec_module(module)
    return module


class _Terminal:
    """What the terminal shows: every update the app would write, fed to an emulator; each one checked
    against a full render of the same moment."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.emulator = _emulator()
        self.screen: object | None = None
        self.frames = self.partial = self.checked = 0
        self.wrong: list[str] = []
        self.what = ""

    def _fresh(self, compositor: Compositor, data: str) -> object:
        screen = self.emulator.Screen(*compositor.size)
        screen.feed(data.encode())
        return screen

    def seen(self, compositor: Compositor, update: object) -> None:
        """An update written to the terminal; checked at once when nothing is waiting to be drawn (else the
        full render shows a change whose own update is still to come)."""
        console = self.app.console
        if isinstance(update, LayoutUpdate):
            self.screen = self._fresh(compositor, update.render_segments(console))
        elif isinstance(update, ChopsUpdate) and self.screen is not None:
            self.partial += 1
            self.screen.feed(update.render_segments(console).encode())  # type: ignore[attr-defined]
        else:
            return
        self.frames += 1
        if not _pending(self.app.screen):
            self.checked += 1
            self.check(compositor, f"{self.what}, frame {self.frames}")

    def check(self, compositor: Compositor, what: str) -> None:
        """The terminal's rows against Textual's full render of every row now."""
        region = compositor.size.region
        full = compositor._render_chops(region, lambda y: True)  # Textual's own: every row of every widget
        whole = LayoutUpdate([list(chop.values()) for chop in full], region)  # type: ignore[attr-defined]
        reference = self._fresh(compositor, whole.render_segments(self.app.console))
        shown = self.screen
        for y in range(region.height):
            if (shown.lines[y], shown.styles[y]) != (reference.lines[y], reference.styles[y]):  # type: ignore[attr-defined]
                self.wrong.append(f"{what}, row {y}: {''.join(shown.lines[y])!r}")  # type: ignore[attr-defined]


def _pending(screen: Screen[object]) -> bool:
    """Whether a widget of the screen has a repaint or a layout still to come."""
    if screen._layout_required or screen._repaint_required:
        return True
    return any(widget._repaint_required or widget._layout_required for widget in screen.walk_children(Widget))


async def test_every_partial_update_shows_what_a_full_render_of_that_moment_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render_only_updated_rows()
    assert Compositor.render_partial_update.__module__ == "loopbaan_tui.ui.textual_private.partial_updates", (
        "the patch is applied"
    )
    app = make_app(tmp_path, autosave=Delays(delay=60, max_delay=60))  # no save status changing by itself
    terminal = _Terminal(app)
    render_update = Compositor.render_update

    def recorded(self: Compositor, *args: object, **kwargs: object) -> object:
        update = render_update(self, *args, **kwargs)  # type: ignore[arg-type]
        if not app._batch_count:  # Textual writes nothing while a batch is held (App._display)
            terminal.seen(self, update)
        return update

    monkeypatch.setattr(Compositor, "render_update", recorded)
    Store(tmp_path).create("Mijn traject", "student", str(MINI))
    async with app.run_test(size=(80, 24)) as pilot:

        async def press(*keys: str) -> None:
            await pilot.press(*keys)
            await pilot.pause()

        async def typed(text: str) -> None:
            app.post_message(Paste("een woord of wat meer " * 20))  # most of it pasted: one frame
            await pilot.pause()
            await type_text(pilot, text)

        steps: list[tuple[str, Callable[[], Awaitable[object]]]] = [
            ("opened", lambda: press("enter")),
            ("typed until it wraps and scrolls", lambda: typed("en nog wat woorden")),
            ("a new line", lambda: press("enter", "x")),
            ("scrolled to the top of the field", lambda: press("ctrl+home")),
            ("a selection", lambda: press("shift+down", "shift+down")),
            ("the next prompt", lambda: press("tab")),
            ("the next step", lambda: press("ctrl+n")),
            ("help opened", lambda: press("f1")),
            ("help closed", lambda: press("escape")),
            ("larger", lambda: pilot.resize_terminal(100, 30)),
            ("back in the first step, typed", lambda: press("f5", "y", "z")),
            ("back to the start screen", lambda: press("escape")),
            ("a dialog over it", lambda: press("delete")),
            ("the dialog closed", lambda: press("escape")),
        ]
        for what, step in steps:
            terminal.what = what
            await step()
            await pilot.pause()
            terminal.check(app.screen._compositor, f"{what}, settled")
            if what == "opened":
                assert isinstance(app.screen, ReflectionScreen)
            if what == "typed until it wraps and scrolls":
                field = app.focused
                assert isinstance(field, TextField)
                assert field.virtual_size.height > field.content_size.height, "the field scrolls"
    assert terminal.partial > 20, f"partial updates seen: {terminal.partial} of {terminal.frames}"
    assert terminal.checked > terminal.frames / 3, f"frames checked at once: {terminal.checked} of {terminal.frames}"
    assert not terminal.wrong, "\n".join(terminal.wrong[:10])
