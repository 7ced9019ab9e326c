"""A first visit of a step (Ctrl+B/Ctrl+N, an F-key to a step not seen yet): its first frame is its last."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from apps import MINI, make_app
from hostile.pilot import wait_until
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static, TextArea

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.widgets.rail import StepRail
from loopbaan_tui.ui.widgets.step_view import StepView


def seen(screen: ReflectionScreen) -> tuple[object, ...]:
    """What a frame shows that can still move after it: the step, the focus (styled as focused), the
    text cursor, the step's scroll, the key hint and the rail's highlight."""
    switcher = screen.query_one("#steps", ContentSwitcher)
    step = switcher.query_one(f"#{switcher.current}", StepView)
    focused = screen.focused
    cursor = focused.cursor_location if isinstance(focused, TextArea) else None
    hint = str(screen.query_one("#key-hint", Static).render())
    focus_styled = focused is not None and focused.has_focus
    return (step.id, focused, focus_styled, cursor, step.scroll_y, hint, screen.query_one(StepRail).highlighted)


async def test_a_first_visit_is_drawn_in_one_frame(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: the step was drawn at its top with the field unfocused and its cursor at the start; a frame
    later scrolled to the field (and restyled as focused), the cursor at the end of the text."""
    store = Store(tmp_path)
    traject = store.create("Terug", "student", str(MINI))
    answer = "\n".join(f"Regel {n} van een lang antwoord." for n in range(30))
    traject.set_answer("kan-sterk", answer)
    traject.last_prompt = "wil-energie"  # opens in the second step; the first is not mounted yet
    store.save(traject)
    frames: list[tuple[object, ...]] = []
    display = LoopbaanApp._display

    def recording(app: LoopbaanApp, screen: Screen[Any], update: Any) -> None:
        if isinstance(screen, ReflectionScreen) and update is not None and screen.query("#step-kan"):
            shown = seen(screen)
            if shown[0] == "step-kan":  # not the frames of the step left (unchanged) while it mounts
                frames.append(shown)
        display(app, screen, update)

    monkeypatch.setattr(LoopbaanApp, "_display", recording)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await pilot.pause()
        await pilot.press("ctrl+b")
        await wait_until(pilot, lambda: bool(frames))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        settled = seen(screen)
        step_id, focused, focus_styled, cursor, scroll, _, highlighted = settled
        assert step_id == "step-kan" and highlighted == 0
        assert isinstance(focused, TextArea) and focus_styled
        assert cursor == focused.document.end, "entered by key: the cursor after the text"
        assert scroll > 0, "the field is taller than the screen: scrolled to it"
        assert frames[0] == settled, frames
