"""Opening a traject: the reflection's first frame is its last (focus, scroll and key hint as they stay)."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from apps import MINI, make_app, pack_of
from hostile.pilot import wait_until
from textual.screen import Screen
from textual.widgets import Static

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui import ahead
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.widgets.rail import StepRail
from loopbaan_tui.ui.widgets.step_view import StepView

SIZE = (80, 24)


def seen(screen: ReflectionScreen) -> tuple[object, ...]:
    """What a frame of the reflection shows that can move after it: the focus, the step's scroll, the hint."""
    step = screen.query_one("#step-kan", StepView)
    return (screen.focused, step.scroll_y, str(screen.query_one("#key-hint", Static).render()))


async def test_the_first_frame_has_the_focus_where_the_user_left_off_in_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the first frame had the rail focused (Textual's auto focus), the next ones moved the focus to
    the field and then scrolled it into view: four frames, each a visible change. And then the screen
    was laid out again (for its mount, the requests its widgets made while mounting, the rail's lines,
    the scroll), to the same result."""
    store = Store(tmp_path)
    traject = store.create("Terug", "student", str(MINI))
    traject.set_answer("kan-sterk", "\n".join(f"Regel {n} van een lang antwoord." for n in range(12)))
    traject.last_prompt = "kan-rol"  # the step's last prompt: below the screen's edge until scrolled to
    store.save(traject)
    frames: list[tuple[object, ...]] = []
    display = LoopbaanApp._display

    def recording(app: LoopbaanApp, screen: Screen[Any], update: Any) -> None:
        if isinstance(screen, ReflectionScreen) and update is not None:
            frames.append(seen(screen))
        display(app, screen, update)

    monkeypatch.setattr(LoopbaanApp, "_display", recording)
    layouts: list[bool] = []  # after the first frame: scroll only or not
    lay_out = ReflectionScreen._refresh_layout

    def laying_out(screen: ReflectionScreen, size: Any = None, scroll: bool = False) -> None:
        if frames:
            layouts.append(scroll)
        lay_out(screen, size, scroll)

    monkeypatch.setattr(ReflectionScreen, "_refresh_layout", laying_out)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(frames))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        focused, scroll, hint = seen(screen)
        assert focused is not None and focused is not screen.query_one(StepRail)
        assert "prompt-kan-rol" in {node.id for node in focused.ancestors_with_self}
        assert scroll > 0, "the prompt last edited is below the first screenful: scrolled to"
        assert frames[0] == (focused, scroll, hint), frames
        assert layouts == [], "laid out again after the first frame (the mount, the widgets' requests, a scroll)"


class FakeSwitcher:
    """What mount_ahead uses of the content switcher: it notes each mount, and when."""

    is_attached = True

    def __init__(self, clock: list[float]) -> None:
        self.mounted: list[tuple[str, float]] = []
        self.clock = clock

    def query_children(self, selector: str) -> list[str]:
        return [step for step, _ in self.mounted if f"#{step}" == selector]

    async def mount(self, view: Any) -> None:
        self.mounted.append((view.id, self.clock[0]))


async def test_no_step_is_mounted_ahead_while_a_switch_is_under_way() -> None:
    """A step mounted for a key (Ctrl+N right after opening) is not slowed down by the background mounting
    of another beside it: during a switch the screen's time of the last switch is inf, and mount_ahead
    waits; SETTLE seconds after the switch it goes on."""
    import asyncio
    import time

    from loopbaan_tui.ui.widgets import step_view

    sections = pack_of(MINI).sections
    switched = [math.inf]  # a switch under way
    clock = [0.0]
    switcher = FakeSwitcher(clock)

    def make(section: Any) -> Any:
        return SimpleNamespace(id=f"step-{section.id}", display=True)

    task = asyncio.ensure_future(
        step_view.mount_ahead(switcher, sections, 0, make, {}, 0.0, lambda: switched[0])  # type: ignore[arg-type]
    )
    for _ in range(50):
        await asyncio.sleep(0)
    assert switcher.mounted == [], "mounted beside a step being switched to"
    clock[0] = 1.0
    switched[0] = time.monotonic() - step_view.SETTLE  # the switch ended SETTLE seconds ago
    await asyncio.wait_for(task, 5)
    order = (sections[1], sections[0], *sections[2:])  # the next step first (where Ctrl+N goes)
    assert [step for step, _ in switcher.mounted] == [f"step-{s.id}" for s in order]
    assert all(at == 1.0 for _, at in switcher.mounted)


async def test_the_next_step_is_mounted_right_after_the_first_frame(tmp_path: Path) -> None:
    """Ctrl+N right after opening finds its step under way: the background mounting begins with it as soon
    as the first frame is drawn (no pause, no wait for the screen to settle: that frame is the settled
    one); the others follow with the app's pause between them (long here: not within this test)."""
    Store(tmp_path).create("Vooruit", "student", str(MINI))
    app = make_app(tmp_path, mount_ahead=True)
    app.mount_ahead_pause = 30.0
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        second, third = (f"#step-{section.id}" for section in screen.sections[1:3])
        await wait_until(pilot, lambda: bool(screen.query(second)) and not screen._mounting)
        assert not screen.query_one(second).display
        assert not screen.query(third)


async def test_the_rules_of_every_widget_the_reflection_mounts_are_parsed_ahead(tmp_path: Path) -> None:
    """Was: the first open re-parsed every style sheet for each widget class it was the first to mount
    (Textual does so when a class's DEFAULT_CSS is added), 10-30% of that open. Parsed while the start
    screen is read (ahead.py), no step, no prompt kind of the mini pack adds a rule of its own; the start
    screen's frame is not redrawn for them."""
    Store(tmp_path).create("Vooraf", "student", str(MINI))
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ahead.parse_rules(app)
        parsed = set(app.stylesheet.source)
        assert {"TextArea.DEFAULT_CSS", "ContentSwitcher.DEFAULT_CSS"} <= {where for _, where in parsed}
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        for _ in screen.sections[1:]:
            await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: screen._step == len(screen.sections) - 1)
        await pilot.pause()
        assert screen.query(StepView) and len(screen.query(StepView)) == len(screen.sections)
        added = {where for _, where in set(app.stylesheet.source) - parsed}
        assert added == set(), "mounted in the reflection but not parsed ahead (ahead.reflection_widget_types)"


def test_a_widget_module_being_imported_ahead_is_no_widget_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: the frame drawn while ahead.py's thread was importing textual.widgets._radio_set asked it for
    its RadioSet (ui/cursor.py), which that module did not define yet: AttributeError, the app stopped."""
    from types import ModuleType

    from loopbaan_tui.ui.textual_private import is_radio_set, is_text_area

    widget = Static()
    for name in ("textual.widgets._radio_set", "textual.widgets._text_area"):
        monkeypatch.setitem(sys.modules, name, ModuleType(name))  # in sys.modules, its classes not made yet
    assert not is_radio_set(widget)
    assert not is_text_area(widget)
