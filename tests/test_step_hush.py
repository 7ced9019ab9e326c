"""A switch of step drops the Show, Hide and Resize messages Textual's layout would post to each widget
of the steps shown and hidden for nothing (StepView.hush), and lets them through again after it; the
rail redraws only the lines of the steps whose highlight changed (StepRail.watch_highlighted); the field
left is restyled as blurred once the frame is drawn (StyledOnMount.update_node_styles); neither the screen
(a change of focus) nor the switcher (a change of step) is drawn again, line by line, for a switch."""

from __future__ import annotations

from pathlib import Path

from apps import MINI, make_app
from hostile.pilot import wait_until
from textual.events import Hide, Resize, Show
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import TextArea

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.widgets.rail import StepRail


def stale_rail_lines(screen: ReflectionScreen) -> list[int]:
    """The rail's lines as the next frame would draw them (kept ones and those marked for redrawing) that
    differ from the lines drawn afresh: a highlight left behind, or one not drawn."""
    rail = screen.query_one(StepRail)
    width, height = rail.content_size
    drawn = rail.render_lines(Region(0, 0, rail.size.width, height))
    return [y for y in range(height) if cells(drawn[y].crop(0, width)) != cells(rail.render_line(y).crop(0, width))]


def cells(strip: Strip) -> list[tuple[str, object]]:
    """Each cell's character and background (the highlight; the foreground of a line drawn for the screen
    has its dim text blended already)."""
    return [(char, segment.style and segment.style.bgcolor) for segment in strip for char in segment.text]


def first_line(widget: Widget) -> object:
    """The first line it drew, as Textual keeps it until the widget is repainted."""
    return widget._styles_cache._cache.get(0)


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
        await wait_until(pilot, lambda: screen.focused is field and field.has_focus)
        focused_border = field.styles.border_top
        switcher = screen.query_one("#steps")
        for number, key in enumerate(("ctrl+n", "f5", "ctrl+n")):  # a first visit (it mounts), a revisit, a revisit
            drawn = first_line(screen), first_line(switcher)
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            if number:
                assert drawn[1] is not None and first_line(switcher) is drawn[1], key
            assert not hushed(screen), key
            assert not stale_rail_lines(screen), key
            # the field left, hidden, is restyled after the frame (StyledOnMount): not as focused
            assert (field.styles.border_top == focused_border) is (key == "f5"), key
        lines = field.wrapped_document.height
        await pilot.resize_terminal(60, 24)  # while the first step is hidden
        await pilot.pause()
        await pilot.press("f5")
        await wait_until(pilot, lambda: field.wrapped_document.height > lines)  # re-wrapped to its new width
        await pilot.pause()
        assert screen.focused is field and not hushed(screen)
