"""Served in a browser, the app is told to end from outside (a tab closed, the server's Ctrl+C: Textual's
ExitApp). What was typed a moment before is saved first, as when the user quits."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import MINI, make_app, type_text
from hostile.pilot import SIZE, wait_until
from textual.messages import ExitApp

from loopbaan_tui.domain.trajects.autosave import Delays
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui import app as app_module
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen


async def test_asked_to_end_from_outside_the_app_saves_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watchdogs: list[float] = []
    monkeypatch.setattr(LoopbaanApp, "is_web", property(lambda self: True))  # as under textual-serve's driver
    monkeypatch.setattr(app_module, "_exit_after", watchdogs.append)  # the real one ends the process
    store = Store(tmp_path)
    traject = store.create("Sanne", "student", str(MINI))
    app = make_app(store, autosave=Delays(delay=60, max_delay=60))  # no autosave before the end
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen) and app.focused is not None)
        await type_text(pilot, "Laatste woorden")
        app.post_message(ExitApp())  # what textual-serve's "quit" and the web driver's SIGINT send
        await wait_until(pilot, lambda: not app.is_running, timeout=10)
    assert "Laatste woorden" in store.path_of(traject.id).read_text(encoding="utf-8")
    Store(tmp_path).lock(traject.id).release()  # and the traject is free again for the next tab
    assert watchdogs == [app_module.SIGNAL_GRACE]  # with the server gone the process still ends
