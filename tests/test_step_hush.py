"""A switch of step drops the Show, Hide and Resize messages Textual's layout would post to each widget
of the steps shown and hidden for nothing (StepView.hush), and lets them through again after it."""

from __future__ import annotations

from pathlib import Path

from apps import MINI, make_app
from hostile.pilot import wait_until
from textual.events import Hide, Resize, Show
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import TextArea

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.screens.reflection import ReflectionScreen


def hushed(screen: ReflectionScreen) -> list[Widget]:
    """The widgets of every step that would drop one of those messages now."""
    size = Size(80, 24)
    messages = (Show(), Hide(), Resize(size, size, size))
    return [
        widget
        for step in screen.query(".step")
        for widget in step.walk_children(Widget)
        if not all(widget.check_message_enabled(message) for message in messages)
    ]


async def test_a_switch_of_step_lets_the_messages_through_again_and_a_resize_still_rewraps(tmp_path: Path) -> None:
    store = Store(tmp_path)
    traject = store.create("Heen en weer", "student", str(MINI))
    traject.set_answer("kan-sterk", " ".join(f"woord{n}" for n in range(120)))
    store.save(traject)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        field = screen.query_one("#prompt-kan-sterk").query_one(TextArea)
        for key in ("ctrl+n", "f5", "ctrl+n"):  # a first visit, a revisit, a revisit
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert not hushed(screen), key
        lines = field.wrapped_document.height
        await pilot.resize_terminal(60, 24)  # while the first step is hidden
        await pilot.pause()
        await pilot.press("f5")
        await wait_until(pilot, lambda: field.wrapped_document.height > lines)  # re-wrapped to its new width
        await pilot.pause()
        assert screen.focused is field and not hushed(screen)
