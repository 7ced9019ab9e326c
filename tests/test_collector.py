"""The garbage collector around an open traject (ui/collector.py): paused while it opens, what lives then
set aside, all given back as soon as steps may go (a switch of route, a new check-in, closing)."""

from __future__ import annotations

import gc
import time
import weakref
from pathlib import Path

from apps import make_app
from hostile.pilot import wait_until
from test_checkins import march

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.screens.checkins import CheckinDialog
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.widgets.prompt_view import PromptView


async def test_set_aside_once_mounted_and_given_back_when_steps_may_go(tmp_path: Path) -> None:
    """The app as a user runs it (its steps mounted in the background): once they are, the collector
    skips them; a new check-in gives them back, so the reflection it replaces is freed."""
    Store(tmp_path).save(march())
    app = make_app(tmp_path, mount_ahead=True)
    app.mount_ahead_pause = 0.0  # no pauses between the steps: the same order of things, sooner
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
            await wait_until(pilot, lambda: gc.isenabled() and gc.get_freeze_count() > 0, timeout=20)
            old = [weakref.ref(view) for view in app.screen.query(PromptView).results(PromptView)]
            await pilot.press("ctrl+o")  # a new check-in: the reflection is built again
            await wait_until(pilot, lambda: isinstance(app.screen, CheckinDialog))
            await pilot.press("tab", "enter")  # "Beginnen"
            await wait_until(
                pilot,
                lambda: (
                    isinstance(app.screen, ReflectionScreen)
                    and app.screen.query(PromptView).results(PromptView) is not None
                    and gc.get_freeze_count() == 0
                ),
            )
            # freed once the replaced reflection's last messages are handled (~0.1 s): waited for, not assumed
            deadline = time.monotonic() + 4
            while [ref() for ref in old if ref() is not None] and time.monotonic() < deadline:
                await pilot.pause(0.05)
                gc.collect()
            assert [ref() for ref in old if ref() is not None] == []
            await pilot.press("ctrl+q")
        assert gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
        gc.enable()


async def test_the_collectors_time_limit_never_stops_the_mounting(tmp_path: Path, monkeypatch) -> None:
    """On a slow machine the collector stops waiting for the background mounting at MOUNT_LIMIT; the
    mounting itself goes on (an unshielded `wait_for` cancelled the workers it waited for, and the
    steps not mounted by then were left for their first visit)."""
    from loopbaan_tui.ui import app as app_module
    from loopbaan_tui.ui.widgets.step_view import StepView

    monkeypatch.setattr(app_module, "MOUNT_LIMIT", 0.05)  # passed while the steps are still mounting
    Store(tmp_path).save(march())
    app = make_app(tmp_path, mount_ahead=True)
    app.mount_ahead_pause = 0.05
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
            screen = app.screen
            assert isinstance(screen, ReflectionScreen)
            await wait_until(pilot, lambda: gc.get_freeze_count() > 0, timeout=20)  # the limit has passed
            await wait_until(pilot, lambda: len(screen.query(StepView)) == len(screen.sections), timeout=20)
            assert not [w for w in app.workers if w.is_cancelled], "a worker was cancelled"
            await pilot.press("ctrl+q")
    finally:
        gc.unfreeze()
        gc.enable()
