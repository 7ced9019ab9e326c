"""One measured process: start an app headless, paint its first screen (or walk a traject), exit.

Run by `run.py`, never by hand:

    python bench/child.py paint empty          # the yardstick: an empty Textual app
    python bench/child.py paint app DATA_DIR   # loopbaan, through its real entry point
    python bench/child.py paint layout         # the floor: the start screen's widgets and CSS, no loopbaan code
    python bench/child.py session app DATA_DIR # loopbaan: open the newest traject, visit every step;
                                               # prints how many widgets the screen then holds
    python bench/child.py widgets empty N      # the floor for that: N plain Static widgets

The parent times the whole process and reads its peak memory from `os.wait4`. Nothing is
imported at the top beyond `sys`: every import is part of what is measured.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

SIZE = (100, 30)
"""The terminal size of every headless run (an old laptop's terminal, full screen)."""

APP_MODULE = "loopbaan_tui.ui.app"
APP_CSS = __file__.rsplit("/", 2)[0] + "/loopbaan_tui/ui/app.tcss"


def empty() -> None:
    from textual.app import App

    class Empty(App[None]):
        """What every Textual app costs at least."""

        def on_ready(self) -> None:
            # Ready follows the first paint of the first screen; one more refresh makes sure it is out.
            self.call_after_refresh(self.exit)

    Empty().run(headless=True, size=SIZE)


def layout() -> None:
    """The start screen rebuilt from stock Textual widgets with the app's style sheet, and none of
    loopbaan's code: what this first screen costs in Textual itself. Keep it like start.py's."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical
    from textual.screen import Screen
    from textual.widgets import Button, Footer, OptionList, Static
    from textual.widgets.option_list import Option

    class Start(Screen[None]):
        BINDINGS = [  # noqa: RUF012
            Binding("n", "new", "Nieuw"),
            Binding("delete,d", "remove", "Verwijderen"),
            Binding("u", "undo", "Terugzetten", show=False),
        ]

        def compose(self) -> ComposeResult:
            with Vertical(id="start"):
                yield Static("loopbaan", id="start-title")
                yield Static("Denk na over je loopbaan als leraar, in vijf vragen.", id="start-tagline")
                yield Static("Kies een traject en druk op Enter, of begin een nieuw traject.", id="start-hint")
                yield OptionList(
                    *(
                        Option(f"Traject {n}\n   Ervaren leraar · bewerkt 21-11-2026 09:30", id=f"t{n}")
                        for n in range(3)
                    ),
                    id="trajecten",
                )
                with Horizontal(id="start-buttons"):
                    yield Button("Nieuw traject", id="new", variant="primary")
                    yield Button("Openen", id="open")
                    yield Button("Verwijderen", id="remove")
            yield Footer(compact=True)

        def on_mount(self) -> None:
            self.query_one(OptionList).focus()

    class Layout(App[None]):
        CSS_PATH = APP_CSS
        ENABLE_COMMAND_PALETTE = False
        BINDINGS = [Binding("f1", "help", "Hulp"), Binding("ctrl+q", "quit", "Stoppen", priority=True)]  # noqa: RUF012

        def on_mount(self) -> None:
            self.push_screen(Start())

        def on_ready(self) -> None:
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            if not isinstance(self.screen, Start):
                self.call_after_refresh(self._painted)
            else:
                self.call_after_refresh(self.exit)

    Layout().run(headless=True, size=SIZE)


def widgets(count: int) -> None:
    """N plain Static widgets, all mounted: what Textual itself keeps in memory per widget."""
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    class Many(App[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield from (Static(f"Vraag {n}: wat kan ik?") for n in range(count - 1))

        def on_ready(self) -> None:
            self.call_after_refresh(self.exit)

    Many().run(headless=True, size=SIZE)


def app(mode: str, data_dir: str) -> None:
    """loopbaan's own entry point, with the app class swapped for `measured(...)` as its module loads.

    The swap happens in an import hook, so that everything is imported when and where the real
    command imports it.
    """
    import importlib.abc
    import importlib.machinery

    class SwapOnImport(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
            if name != APP_MODULE:
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            assert spec is not None and spec.loader is not None
            load = spec.loader.exec_module

            def exec_module(module: ModuleType) -> None:
                load(module)
                module.LoopbaanApp = measured(module, mode)

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, SwapOnImport())
    from loopbaan_tui.cli import main

    status = main(["--data-dir", data_dir])
    if status:
        sys.exit(status)


def measured(module: ModuleType, mode: str) -> type:
    from pathlib import Path

    base = module.LoopbaanApp

    class Measured(base):  # type: ignore[misc, valid-type]
        """The real app, which exits once its first screen is painted (or, in a session, walked)."""

        # Textual finds a relative CSS_PATH beside the file of the class that sets it: this one.
        CSS_PATH = str(Path(module.__file__ or "").with_name(str(base.CSS_PATH)))

        def run(self, *args: object, **kwargs: object) -> None:
            return super().run(headless=True, size=SIZE)

        def on_ready(self) -> None:
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            from loopbaan_tui.ui.screens.start import StartScreen

            # Ready may come with the app's default screen; wait until the start screen is up.
            if not isinstance(self.screen, StartScreen) or not self.screen.is_mounted:
                self.call_after_refresh(self._painted)
            elif mode == "session":
                self.run_worker(self._walk(), exclusive=True)
            else:
                self.call_after_refresh(self.exit)

        async def _walk(self) -> None:
            """Open the highlighted traject and visit every step, as a user reading it through would."""
            import asyncio

            from loopbaan_tui.ui.screens.reflection import ReflectionScreen

            self.screen.query_one("#trajecten").action_select()
            while not (isinstance(self.screen, ReflectionScreen) and self.screen.query(".step")):
                await asyncio.sleep(0.02)
            screen = self.screen
            await asyncio.sleep(0.1)  # the screen shows its first step itself; let it finish
            for index in range(len(screen.sections)):
                await screen.show_step(index)
                await asyncio.sleep(0.02)
            print(len(screen.query("*")) + 1)  # the screen and everything on it
            self.exit()

    return Measured


if __name__ == "__main__":
    what, who, *rest = sys.argv[1:]
    if what == "widgets":
        widgets(int(rest[0]))
    elif who == "empty":
        empty()
    elif who == "layout":
        layout()
    else:
        app(what, *rest)
