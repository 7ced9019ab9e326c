"""Facts about loopbaan's screens that the pty figures need and cannot see from outside, from a
headless run of the real entry point (nothing here is timed):

    python bench/child.py session app DATA_DIR # open the newest traject, visit every step;
                                               # prints how many widgets the screen then holds
    python bench/child.py editor app DATA_DIR COLS ROWS  # at COLS x ROWS: open the newest traject;
                                               # prints the focused editor's outer size (for the
                                               # bare TextArea of the key-echo figure)
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

SIZE = (100, 30)
"""The terminal size of every headless run (an old laptop's terminal, full screen)."""

APP_MODULE = "loopbaan_tui.ui.app"


def app(mode: str, data_dir: str, cols: str = "", rows: str = "") -> None:
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
                module.LoopbaanApp = measured(module, mode, (int(cols), int(rows)) if cols else SIZE)

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, SwapOnImport())
    from loopbaan_tui.cli import main

    status = main(["--data-dir", data_dir])
    if status:
        sys.exit(status)


def measured(module: ModuleType, mode: str, size: tuple[int, int]) -> type:
    from pathlib import Path

    base = module.LoopbaanApp

    class Measured(base):  # type: ignore[misc, valid-type]
        """The real app, which exits once its first screen is painted (or, in a session, walked)."""

        # Textual finds a relative CSS_PATH beside the file of the class that sets it: this one.
        CSS_PATH = str(Path(module.__file__ or "").with_name(str(base.CSS_PATH)))

        def run(self, *args: object, **kwargs: object) -> None:
            return super().run(headless=True, size=size)

        def on_ready(self) -> None:
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            from loopbaan_tui.ui.screens.start import StartScreen

            # Ready may come with the app's default screen; wait until the start screen is up.
            if not isinstance(self.screen, StartScreen) or not self.screen.is_mounted:
                self.call_after_refresh(self._painted)
            elif mode == "session":
                self.run_worker(self._walk(), exclusive=True)
            elif mode == "editor":
                self.run_worker(self._editor(), exclusive=True)
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

        async def _editor(self) -> None:
            """Open the highlighted traject; print the outer size of the editor that has the focus."""
            import asyncio

            from textual.widgets import TextArea

            self.screen.query_one("#trajecten").action_select()
            while not isinstance(self.screen.focused, TextArea):
                await asyncio.sleep(0.02)
            await asyncio.sleep(0.3)  # its layout settles
            size = self.screen.focused.outer_size
            print(size.width, size.height)
            self.exit()

    return Measured


if __name__ == "__main__":
    what, _, *rest = sys.argv[1:]
    app(what, *rest)
