"""A step taken off the screen leaves memory: nothing the app or Textual keeps holds on to its widgets."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from apps import make_app
from hostile.pilot import open_first
from test_lived_in import SIZE, saved_traject

from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.widgets.prompt_view import PromptView


async def test_the_steps_removed_by_a_switch_of_route_are_freed(tmp_path: Path) -> None:
    """Was: every prompt of a removed step stayed alive as long as the app (the theme signal held it),
    with everything under it: a switch of route, or a check-in, kept a whole reflection more. (Its
    text fields are still held by Textual's own theme watcher on the app until the theme changes.)"""
    saved_traject(tmp_path, {})
    app = make_app(tmp_path, "nl")
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        old = [weakref.ref(view) for view in screen.query(PromptView).results(PromptView)]
        assert len(old) > 5
        await pilot.press("ctrl+k")  # the short route: every step is built again
        await pilot.pause()
        await pilot.press("ctrl+k")
        await pilot.pause()
        gc.collect()
        alive = [ref() for ref in old if ref() is not None]
        assert not alive, alive[:3]
        assert screen.query(PromptView)  # the steps of the route now shown are there
        await pilot.press("ctrl+q")
