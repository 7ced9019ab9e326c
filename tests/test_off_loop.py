"""File work never runs on Textual's event loop: making, locking and loading a traject, and rendering
and writing its roadmap. Keys typed while a traject opens go to the reflection, in order."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from apps import MINI, make_app
from hostile.pilot import SIZE, wait_until
from textual.widgets import Static, TextArea

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.screens import roadmap as roadmap_screen
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.roadmap import RoadmapScreen
from loopbaan_tui.ui.screens.start import StartScreen
from loopbaan_tui.ui.widgets.text_fields import LineField

FIRST = "#prompt-kan-sterk TextArea"
"""The mini pack's first prompt, a long text: it has the focus when a traject opens."""


def first_text(app: Any) -> str | None:
    """What the first prompt's field holds; None before the first step is there."""
    fields = app.screen.query(FIRST)
    return fields.first(TextArea).text if fields else None


def recorded(calls: list[str], name: str, real: Callable[..., Any], gate: threading.Event | None = None) -> Any:
    """`real`, noting on which thread it ran; with a gate, it waits there until the test opens it."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(
            f"{name} on {'the event loop' if threading.current_thread() is threading.main_thread() else 'a thread'}"
        )
        if gate is not None:
            gate.wait(timeout=20)
        return real(*args, **kwargs)

    return wrapper


async def test_opening_reads_the_files_on_a_thread_and_the_roadmap_is_rendered_and_written_on_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One run (each was a test of its own): opening reads the files on a thread and keeps what is typed
    meanwhile; then the roadmap of what was typed is rendered and written on a thread."""
    store = Store(tmp_path / "data")
    store.create("Traag", "student", str(MINI))
    calls: list[str] = []
    gate = threading.Event()
    monkeypatch.setattr(Store, "lock", recorded(calls, "lock", Store.lock))
    monkeypatch.setattr(Store, "load", recorded(calls, "load", Store.load, gate))
    monkeypatch.setattr(roadmap_screen, "render", recorded(calls, "render", roadmap_screen.render))
    monkeypatch.setattr(roadmap_screen, "write_new_file", recorded(calls, "write", roadmap_screen.write_new_file))
    target = tmp_path / "uit" / "kaart.md"
    target.parent.mkdir()
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: "load on a thread" in calls or "load on the event loop" in calls)
        # the loop is free while the file is read (the gate is still shut): these keys are typed now;
        # on the start screen "n" would open the new-traject dialog and "d" the remove dialog
        await pilot.press(*"nd x")
        assert isinstance(app.screen, StartScreen) and not app.screen.query("#dialog")
        gate.set()
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await wait_until(pilot, lambda: first_text(app) == "nd x")
        assert app.focused is app.screen.query_one(FIRST, TextArea)
        assert calls == ["lock on a thread", "load on a thread"]
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen))
        await pilot.app.workers.wait_for_complete()
        assert "nd x" in app.screen.query_one("#roadmap-markdown").source  # type: ignore[attr-defined]
        app.screen.query_one("#roadmap-path", LineField).text = str(target)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: target.exists())
        await pilot.app.workers.wait_for_complete()
        assert str(target) in str(app.screen.query_one("#roadmap-message", Static).render())
    assert "nd x" in target.read_text(encoding="utf-8")
    assert set(calls[2:]) == {"render on a thread", "write on a thread"}, calls
    assert not app.crash_report


async def test_keys_typed_in_one_burst_with_the_enter_that_opens_all_reach_the_reflection(tmp_path: Path) -> None:
    """A fast typist (or a paste) sends Enter and the first letters at once: none may be taken by the list."""
    from apps import key_event
    from textual import events

    store = Store(tmp_path)
    store.create("Snel", "student", str(MINI))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for event in (events.Key("enter", "\r"), *(key_event(c) for c in "pqr")):
            app.post_message(event)  # as the terminal reads them: one burst, no waiting in between
        await wait_until(pilot, lambda: first_text(app) == "pqr", timeout=10)


async def test_the_other_steps_are_mounted_hidden_in_the_background_and_a_first_visit_uses_them(tmp_path: Path) -> None:
    """The app (not most tests: make_app(mount_ahead=False)) mounts every other step while the first is
    read, hidden; going there shows that same step, and the keys typed there are kept."""
    Store(tmp_path).create("Vooruit", "student", str(MINI))
    app = make_app(tmp_path, mount_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        steps = [f"step-{section.id}" for section in screen.sections]
        await wait_until(pilot, lambda: all(screen.query(f"#{step}") for step in steps))
        ahead = screen.query_one(f"#{steps[1]}")
        assert not ahead.display
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.query_one(f"#{steps[1]}") is ahead and ahead.display
        await pilot.press("space")  # the step's first prompt: a multiple choice, its first option
        await pilot.press("ctrl+q")
    traject = Store(tmp_path).load(Store(tmp_path).summaries()[0].id)
    assert traject.answers["wil-motieven"], traject.answers


async def test_a_new_traject_is_made_on_a_thread_and_keys_after_begin_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One run of the new-traject dialog, each part once a test of its own:
    - Begin holds the keys for the reflection; when the dialog stays (no name yet) they go to the name;
    - was: the first letter typed right after Enter on "Beginnen" was lost (the start screen took it while
      the traject was made, between the dialog closing and the reflection opening): a burst of Enter and
      letters all reach the new reflection;
    - the traject is made on a thread (Store.create), not on the event loop."""
    from apps import key_event
    from textual import events
    from textual.widgets import Button

    calls: list[str] = []
    monkeypatch.setattr(Store, "create", recorded(calls, "create", Store.create))
    app = make_app(Store(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen.query("#begin"))
        name = app.screen.query_one("#name", LineField)
        app.screen.query_one("#begin", Button).focus()
        await pilot.pause()
        for event in (events.Key("enter", "\r"), *(key_event(c) for c in "Abc")):
            app.post_message(event)  # as the terminal reads them: one burst, no waiting in between
        await wait_until(pilot, lambda: name.text == "Abc", timeout=10)  # no name yet: the keys went to the name
        name.focus()
        await pilot.press("tab", "enter")  # the first profile
        app.screen.query_one("#begin", Button).focus()
        await pilot.pause()
        for event in (events.Key("enter", "\r"), *(key_event(c) for c in "Ik leg")):
            app.post_message(event)
        await wait_until(pilot, lambda: first_text(app) == "Ik leg", timeout=10)
    assert calls == ["create on a thread"]
    assert [s.name for s in Store(tmp_path).summaries()] == ["Abc"]
