"""Typing like a person does, in every kind of field: invisible characters kept, keys in order in a burst.

Characters that are text but not `str.isprintable()` (no-break space, zero-width joiner and
non-joiner, direction marks, soft hyphen, word joiner) were dropped when typed, while a paste kept
them; and a burst of keys across fields ("Sanne", Tab, "vragen") put letters in the field the Tab
was leaving. Each is tested through the real app in a pseudo-terminal, key by key or in one write,
and in-process with Pilot (keys made by Textual's own terminal parser).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from apps import make_app
from hostile.pilot import type_as_the_terminal_does, wait_until
from hostile.ptyapp import PtyApp, start_args
from hostile.ptyflows import (
    ACTION,
    CTRL_Q,
    ENTER,
    LINE,
    LONG,
    PEOPLE,
    TAB,
    Field,
    answers,
    go_to,
    make_traject,
    open_traject,
)

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.screens.new_traject import NewTrajectDialog
from loopbaan_tui.ui.screens.reflection import ReflectionScreen

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

INVISIBLE = {
    "no-break space": "\u00a0",
    "zero-width joiner": "\u200d",
    "zero-width non-joiner": "\u200c",
    "right-to-left mark": "\u200f",
    "left-to-right mark": "\u200e",
    "soft hyphen": "\u00ad",
    "word joiner": "\u2060",
}
FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # 👩‍👩‍👧: three emoji held together by two joiners
EACH = " ".join(f"a{character}b" for character in INVISIBLE.values())
KEPT = f"10\u00a0km {FAMILY} ë {EACH}"
"""Typed key by key, this must be saved exactly."""
CONTROL = "\x07\x00"
"""Control characters (bell, NUL) typed among the rest: they stay out."""
TYPED = KEPT[:8] + CONTROL + KEPT[8:]
NAME = f"{FAMILY} ë"
NAMED, NAME_TYPED = f"{NAME} {EACH}", f"{NAME} {CONTROL}{EACH}"
"""A traject's name with every invisible character, as saved and as typed (within the 80 allowed)."""
LONG_LABEL = "Waar ben je goed in"
FIELDS = (LONG, LINE, ACTION)


def missing(saved: object, expected: str = KEPT) -> str:
    """What of `expected` the saved text lacks, said per character (for the failure message)."""
    text = saved if isinstance(saved, str) else ""
    lost = [label for label, character in INVISIBLE.items() if character not in text]
    return f"saved {saved!r}; lost: {', '.join(lost) or 'none of the invisible ones'}"


# Through the real app in a pseudo-terminal


@posix_only
def test_invisible_characters_typed_key_by_key_are_kept_in_the_name_and_every_field(tmp_path: Path) -> None:
    """One session: a new traject named 👩‍👩‍👧 ë and every invisible character, through the dialog; then
    the long text, a short text and an action cell, one after another; control characters typed among
    them stay out."""
    data = tmp_path / "data"
    with PtyApp(start_args(data)) as app:
        assert app.wait_for("traject") is not None, app.text()[-2000:]
        app.send("n")
        assert app.wait_for("noemen") is not None, app.text()[-2000:]
        app.type(NAME_TYPED, [0.01] * len(NAME_TYPED))
        app.drain(0.2)
        app.send(ENTER)  # no profile chosen yet: the dialog asks for one
        assert app.wait_for("Kies wie je bent") is not None, app.text()[-2000:]
        app.send(ENTER)
        app.drain(0.3)
        app.send(TAB + TAB + ENTER)
        assert app.wait_for(LONG_LABEL) is not None, app.text()[-2000:]
        for field in FIELDS:
            go_to(app, field)
            app.type(TYPED, [0.01] * len(TYPED))
            app.drain(0.2)
        app.send(CTRL_Q)
        assert app.wait_exit() == 0, app.text()[-2000:]
    [summary] = Store(data).summaries()
    assert summary.name == NAMED, missing(summary.name, NAMED)
    saved = answers(data, summary.id)
    for field in FIELDS:
        assert field.saved(saved) == KEPT, f"{field.name}: {missing(field.saved(saved))}"


@posix_only
def test_a_burst_across_the_people_table_fills_each_cell_in_order(tmp_path: Path) -> None:
    """Sanne, Tab, vragen, Tab, lopen in one write (a fast typist, a macro, a tmux script)."""
    data = tmp_path / "data"
    traject = make_traject(data)
    with PtyApp(start_args(data)) as app:
        open_traject(app)
        go_to(app, PEOPLE)
        app.send(b"Sanne" + TAB + b"vragen" + TAB + b"lopen")
        app.drain(0.3)
        app.send(CTRL_Q)
        assert app.wait_exit() == 0, app.text()[-2000:]
    assert answers(data, traject.id).get(PEOPLE.prompt) == [{"who": "Sanne", "help": "vragen", "reach": "lopen"}]


@posix_only
def test_a_burst_through_the_new_traject_dialog_starts_the_traject(tmp_path: Path) -> None:
    """The name, Tab, Enter on the first profile, Tab, Tab, Enter on the start button: one write."""
    data = tmp_path / "data"
    with PtyApp(start_args(data)) as app:
        assert app.wait_for("traject") is not None, app.text()[-2000:]
        app.send("n")
        assert app.wait_for("noemen") is not None, app.text()[-2000:]
        app.send(NAME.encode() + TAB + ENTER + TAB + TAB + ENTER)
        assert app.wait_for(LONG_LABEL) is not None, "the traject did not start:\n" + app.text()[-2000:]
        app.send(b"en meteen typen" + CTRL_Q)
        assert app.wait_exit() == 0, app.text()[-2000:]
    store = Store(data)
    [summary] = store.summaries()
    traject = store.load(summary.id)
    assert (traject.name, traject.profile) == (NAME, "student")
    assert traject.answers.get(LONG.prompt) == "en meteen typen"


# In-process with Pilot


async def _type_into(pilot: object, field: Field) -> None:
    await pilot.press(*(key for key in ("f6", "ctrl+down", "ctrl+down") if field is LINE))  # type: ignore[attr-defined]
    if field is ACTION:
        await pilot.press("f8")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await type_as_the_terminal_does(pilot, TYPED)


async def test_invisible_characters_typed_are_kept_pilot(tmp_path: Path) -> None:
    """In-process, as the terminal sends them: a new traject named with every invisible character, through
    the dialog, then the long text, a short text and an action cell, one after another in one session
    (the pseudo-terminal tests above, in one run of the app)."""
    store = Store(tmp_path)
    app = make_app(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, NewTrajectDialog))
        await type_as_the_terminal_does(pilot, NAME_TYPED)
        await pilot.press("enter")  # no profile chosen yet: the dialog asks for one
        await pilot.press("enter", "tab", "tab", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        for field in FIELDS:
            await _type_into(pilot, field)
        await pilot.press("ctrl+q")
    [summary] = store.summaries()
    assert summary.name == NAMED, missing(summary.name, NAMED)
    saved = answers(tmp_path, summary.id)
    for field in FIELDS:
        assert field.saved(saved) == KEPT, f"{field.name}: {missing(field.saved(saved))}"
