"""Screens after a person has done something, with the built-in packs, at 80x24: a dialog after a choice
or a mistake, a step just entered or scrolled to its end, help opened above a field, the roadmap."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from apps import make_app, pack_of
from screenshots import assert_screenshots, take_screenshots, workers_done
from syrupy import SnapshotAssertion
from textual.widgets import TextArea

from loopbaan_tui.domain.content.examples import load_example
from loopbaan_tui.domain.roadmap import export, roadmap
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import overall_progress
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens import roadmap as roadmap_screen

SIZE = (80, 24)
MOMENT = datetime(2026, 3, 6, 14, 30, tzinfo=UTC)


class FixedDate(date):
    @classmethod
    def today(cls) -> FixedDate:
        return cls(2026, 3, 6)


@pytest.fixture(autouse=True)
def fixed_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same clock, zone, day and folders in every run, so what the screen shows never varies."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    monkeypatch.setattr(roadmap, "date", FixedDate)
    monkeypatch.setattr(export, "date", FixedDate)
    monkeypatch.setattr(roadmap_screen, "default_folder", lambda: Path("Documenten"))


def snapshot_app(
    language: str = "nl", with_traject: bool = True, last_prompt: str = "", mount_ahead: bool = True
) -> LoopbaanApp:
    store = Store(Path("data"))
    if with_traject:
        example = load_example(language, "student")
        traject = replace(
            example,
            id="mijn-traject",
            name="Mijn loopbaan",
            pack=language,
            created=MOMENT,
            updated=MOMENT,
            last_prompt=last_prompt,
        )
        store.save(traject, progress=overall_progress(pack_of(language), traject))
    # opened_then waits for every step, as a reader gives it time (mount_ahead=False: only the step opened on)
    return make_app(store, language, mount_ahead=mount_ahead)


def test_start_with_progress(snap_compare) -> None:
    assert snap_compare(snapshot_app(), terminal_size=SIZE)


def test_new_dialog_after_choosing_a_profile(snap_compare) -> None:
    keys = ["n", *"Jaar 3", "tab", "down", "enter"]
    assert snap_compare(snapshot_app(with_traject=False), terminal_size=SIZE, press=keys)


def test_new_dialog_with_an_error(snap_compare) -> None:
    assert snap_compare(snapshot_app(with_traject=False), terminal_size=SIZE, press=["n", "enter"])


def test_new_dialog_in_english_after_choosing_a_profile(snap_compare) -> None:
    keys = ["n", *"Year five", "tab", "down", "down", "down", "enter"]
    assert snap_compare(snapshot_app("en", with_traject=False), terminal_size=SIZE, press=keys)


def opened_then(*keys: str, every_step: bool = True):
    """Open the traject, wait until every step is mounted (as a person reading the first one would; only the
    step opened on with `every_step=False`, for an app made without the mount-ahead) and the step shown has
    settled, then press the keys and wait until it has settled again: what the snapshot shows depends on
    the state reached, not on how busy the machine is."""

    async def run_before(pilot) -> None:
        from loopbaan_tui.ui.screens.reflection import ReflectionScreen
        from loopbaan_tui.ui.widgets.step_view import StepView

        await pilot.press("enter")
        for _ in range(1000):  # at most ~20 s: a busy machine (the traject is opened on a thread)
            # the steps are mounted by a worker: waiting for the workers, not polling every 20 ms (each
            # poll lays out and renders the growing screen), lets them be mounted at full speed
            await workers_done(pilot.app)
            await pilot.pause(0.02)
            screen = pilot.app.screen
            if (
                isinstance(screen, ReflectionScreen)
                and (len(screen.query(StepView)) == len(screen.sections) or not every_step)
                and screen.query(StepView)
                and not screen._mounting
            ):
                break
        else:
            raise AssertionError("the steps were never all mounted")
        await settled(pilot)
        await pilot.press(*keys)
        await settled(pilot)  # e.g. the roadmap preview is made on a thread, a focused scale scrolled to

    return run_before


async def settled(pilot) -> None:
    """Wait until the screen stops moving: the same screen, focus, scroll of the step shown and place of
    the focused widget over two frames in a row, with no worker or animation under way."""
    from loopbaan_tui.ui.screens.reflection import ReflectionScreen

    def state() -> tuple[object, ...]:
        screen, focused = pilot.app.screen, pilot.app.focused
        step = screen._current_step() if isinstance(screen, ReflectionScreen) else None
        scroll = (step.scroll_y, step.virtual_size) if step is not None else None
        return screen, focused, focused.region if focused is not None else None, scroll

    last: tuple[object, ...] | None = None
    for _ in range(100):
        await workers_done(pilot.app)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        now = state()
        if now == last:
            return
        last = now
    raise AssertionError(f"the screen never settled: {last}")


SCREENS_IN_TURN = (
    ("help_open_on_the_first_prompt", ["f2"]),
    ("a_step_just_entered_f6", ["f2", "f6"]),  # help closed again first
    ("a_step_just_entered_f7", ["f7"]),
    ("a_step_just_entered_f8", ["f8"]),
    ("a_step_just_entered_f9", ["f9"]),
    ("the_last_step_just_entered", ["ctrl+n"]),
    ("a_step_scrolled_to_its_last_prompt", ["f8", *["pagedown"] * 8]),
    ("the_roadmap_screen", ["ctrl+r"]),
    ("the_roadmap_on_the_whole_screen", ["f4"]),
)
"""What a person reaches in turn in one opened traject, and the keys that take them there from the screen before."""


def test_the_screens_of_one_opened_traject(snapshot: SnapshotAssertion, tmp_path: Path) -> None:
    """One run, opened with every step mounted: help open above the first prompt (F2, was a test of its
    own), each step just entered (F6-F9, each the first time, as from the first step), the last step after
    Ctrl+N, the fourth step again scrolled to its last prompt (PageDown at the end of a step stays there),
    the roadmap screen (Ctrl+R) and its preview on the whole screen (F4). One snapshot each, as when each
    was a test that opened the traject anew."""
    taken = take_screenshots(snapshot_app(), SCREENS_IN_TURN, SIZE, run_before=opened_then())
    assert_screenshots(snapshot, taken, tmp_path)


def test_an_english_step_after_typing(snap_compare) -> None:
    """The English pack's step opened on (its long prompts wrapped at 80x24), after a Tab: the other steps
    are not what the screen shows, so they are not mounted ahead (2.5 -> ~0.8 CPU-s, the same SVG)."""
    app = snapshot_app("en", last_prompt="wil-balans", mount_ahead=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=opened_then("tab", every_step=False))


async def test_a_traject_reopened_at_a_scale_has_that_scale_in_view() -> None:
    """Opening scrolls to the prompt last edited before the texts above it have re-wrapped to their
    width; the step grows afterwards, and the focused scale must not be pushed below the screen."""
    from loopbaan_tui.ui.screens.reflection import ReflectionScreen

    app = snapshot_app("en", last_prompt="wil-balans")
    app.mount_ahead_pause = None  # only the step opened is mounted: nothing else moves the screen
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        for _ in range(500):
            await app.workers.wait_for_complete()
            await pilot.pause(0.02)
            if isinstance(app.screen, ReflectionScreen) and app.screen.query("#step-wil"):
                break
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        focused, step = app.focused, app.screen.query_one("#step-wil")
        assert focused is not None and focused.id == "scale-werkplezier"
        assert step.region.contains_region(focused.region), (focused.region, step.region)
