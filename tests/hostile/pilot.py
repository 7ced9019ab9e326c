"""Helpers for driving the app in-process (Textual's Pilot) in the hostile tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.widget import Widget

from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen

SIZE = (100, 32)


def record_notifications(app: LoopbaanApp) -> list[tuple[str, str, str]]:
    """Every notification the app shows: (title, message, severity)."""
    shown: list[tuple[str, str, str]] = []
    real = app.notify

    def notify(message: str, *, title: str = "", severity: Any = "information", **kwargs: Any) -> None:
        shown.append((title, str(message), str(severity)))
        real(message, title=title, severity=severity, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return shown


POLL = 0.02
"""Seconds between two looks at the condition (each look first lets every widget of the screen handle
what it was sent, so not much more often: that costs CPU on a screen of hundreds of widgets)."""


async def wait_until(pilot: Any, condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Let the app run until the condition holds; AssertionError after `timeout` seconds."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {getattr(condition, '__name__', condition)}")
        await pilot.pause(POLL)


async def open_first(pilot: Any) -> None:
    """On the start screen: open the highlighted traject and wait for the reflection."""
    await pilot.pause()
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ReflectionScreen))
    # the traject is opened by a worker; keys typed until its screen is mounted wait for it
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def rendered(widget: Widget) -> str:
    return str(widget.render())


def screen_text(app: LoopbaanApp) -> str:
    """The plain text of every Static-like widget on the current screen (labels, headings, bodies)."""
    parts = []
    for widget in app.screen.query("*"):
        try:
            content = widget.render()
        except Exception:  # some widgets cannot render outside a paint; they hold no text of ours
            continue
        parts.append(str(content))
    return "\n".join(parts)


async def paste(pilot: Any, text: str) -> None:
    """Put text into the focused editor as a paste: like typing it, twenty times faster than pressing keys."""
    from textual.events import Paste

    assert pilot.app.focused is not None, "nothing has the focus to paste into"
    pilot.app.post_message(Paste(text))  # the app hands it to the focused widget, as a terminal's paste
    await pilot.pause()


async def type_as_the_terminal_does(pilot: Any, text: str) -> None:
    """Type `text` key by key, each key made by Textual's own terminal parser from the characters, as
    they come from a real terminal, and handled all the way before the next. (`pilot.press` cannot
    type a character whose key name Unicode does not know back, such as no_break_space or
    zero_width_joiner: it sends the key without its character.)"""
    import asyncio

    from textual._xterm_parser import XTermParser

    app = pilot.app
    parser = XTermParser()
    for character in text:
        for event in [*parser.feed(character), *parser.tick()]:
            event.set_sender(app)
            app.post_message(event)
            read = asyncio.Event()
            app.call_later(read.set)  # runs once the app has taken the key in
            await asyncio.wait_for(read.wait(), 5.0)
            end = time.monotonic() + 5.0
            while not app.keys_settled():  # the app's key order (ui/key_order.py): the key is handled
                assert time.monotonic() < end, f"the key {event.key!r} was never handled"
                await asyncio.sleep(0.001)
    await pilot.pause()
