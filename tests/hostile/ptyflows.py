"""Walks through the real app in a pseudo-terminal that several hostile tests share: open a traject,
go to a field, and read back what was saved.

Used by tests/test_hostile_quit.py and tests/test_hostile_typing.py (the app itself: hostile/ptyapp.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hostile.ptyapp import MINI, PtyApp

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject

NAME = "Rand test"
FIRST_LABEL = "Waar ben je goed in"
"""The first prompt of the mini pack: a long text, focused when a traject opens."""

# The keys xterm sends for the function and arrow keys the walks below use.
F6, F8, F9 = b"\x1b[17~", b"\x1b[19~", b"\x1b[20~"
CTRL_DOWN = b"\x1b[1;5B"
TAB, ENTER, CTRL_Q = b"\t", b"\r", b"\x11"


@dataclass(frozen=True)
class Field:
    """A place to type in the mini pack: how to get there from the first prompt, and where it is saved."""

    name: str
    prompt: str
    keys: tuple[bytes, ...]
    """Sent one at a time from the first prompt (after each, the screen has a moment)."""
    shown: str
    """Drawn once the first key has taken effect (a label of the step it opens), "" when none opens."""
    cell: str = ""
    """For a table (actions, people): the cell of the first row that has the focus."""

    def saved(self, answers: dict[str, Any]) -> Any:
        value = answers.get(self.prompt)
        if self.cell:
            rows = value if isinstance(value, list) else []
            return rows[0].get(self.cell) if rows and isinstance(rows[0], dict) else None
        return value

    def answer(self, text: str) -> Any:
        """The stored answer when the field holds `text` (for a traject made with it in place)."""
        return [{self.cell: text}] if self.cell else text


LONG = Field("long text", "kan-sterk", (), "")
LINE = Field("short text", "wil-energie", (F6, CTRL_DOWN, CTRL_DOWN), "Waarom denk je nu na")
ACTION = Field("action cell", "hoe-acties", (F8,), "Welke stappen zet je", cell="what")
PEOPLE = Field("people table", "wie-mensen", (F9,), "Met wie ga je praten", cell="who")


def make_traject(data: Path, answers: dict[str, Any] | None = None, name: str = NAME) -> Traject:
    """A traject of the mini pack in `data`, holding these answers already."""
    store = Store(data)
    traject = store.create(name, "student", str(MINI))
    for prompt, value in (answers or {}).items():
        traject.set_answer(prompt, value)
    traject.last_prompt = ""  # opens on the first step, where the tests start their way to a field
    store.save(traject)
    return traject


def open_traject(app: PtyApp, name: str = NAME) -> None:
    """On the start screen: open the highlighted traject and wait until its first prompt is drawn."""
    assert app.wait_for(name) is not None, "the start screen did not show the traject:\n" + app.text()[-2000:]
    app.send(ENTER)
    assert app.wait_for(FIRST_LABEL) is not None, "the traject did not open:\n" + app.text()[-2000:]


def go_to(app: PtyApp, field: Field) -> None:
    """From the first prompt to the field: its step drawn, and the screen drawn after each key."""
    for number, key in enumerate(field.keys):
        sent = len(app.output)
        app.send(key)
        if number == 0 and field.shown:
            assert app.wait_for(field.shown) is not None, f"{field.name}: the step did not open"
        app.settle(sent)


def answers(data: Path, traject_id: str) -> dict[str, Any]:
    return Store(data).load(traject_id).answers


def wait_saved(app: PtyApp, data: Path, traject_id: str, field: Field, expected: Any, timeout: float = 10.0) -> None:
    """Drain the screen until the file holds `expected` in the field (an autosave ran)."""
    end = time.monotonic() + timeout
    while (saved := field.saved(answers(data, traject_id))) != expected:
        assert time.monotonic() < end, f"{field.name}: never autosaved {expected!r}, the file holds {saved!r}"
        app.drain(0.05)
