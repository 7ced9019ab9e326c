"""Quit or stop the real app right after typing: every key sent before is in the file.

The app runs in a pseudo-terminal (tests/hostile/ptyapp.py). Ctrl+Q in the same write as the last
words (a fast typist, a paste-then-quit, a macro) once left only what the autosave had already
written; SIGTERM sent 0-60 ms after the last keys lost some of them in 9 runs of 50 (42 of 50 on a
busy machine): the quit did not wait for the keys the key order (ui/key_order.py) still held back.
A few runs of each are part of every test run; `pytest -m slow` (or LOOPBAAN_SLOW=1) runs 50 of each.
The last test shows the signal's case in-process, where no timing decides whether it fails.
"""

from __future__ import annotations

import random
import signal
import sys
from pathlib import Path

import pytest
from apps import make_app
from hostile.pilot import open_first
from hostile.ptyapp import PtyApp, start_args
from hostile.ptyflows import ACTION, CTRL_Q, LINE, LONG, Field, answers, go_to, make_traject, open_traject, wait_saved
from textual import events

import loopbaan_tui.ui.app as app_module
from loopbaan_tui.domain.trajects.storage import Store

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

FIELDS = (LONG, LINE, ACTION)
SLOW_RUNS = 50
FIRST, LAST = "eerste. ", "laatste woorden"
HELD = "al wat er stond. "


def quit_after_burst(tmp_path: Path, field: Field, held: str) -> None:
    """Type FIRST key by key, wait for the autosave, then LAST and Ctrl+Q in one write."""
    data = tmp_path / "data"
    traject = make_traject(data, {field.prompt: field.answer(held)} if held else None)
    with PtyApp(start_args(data)) as app:
        open_traject(app)
        go_to(app, field)
        app.type(FIRST, [0.03] * len(FIRST))
        wait_saved(app, data, traject.id, field, held + FIRST)
        app.send(LAST.encode() + CTRL_Q)
        code = app.wait_exit()
        output = app.text()
    assert code == 0, f"{field.name}: exit code {code}\n{output[-2000:]}"
    assert "Traceback" not in output
    saved = field.saved(answers(data, traject.id))
    assert saved == held + FIRST + LAST, f"{field.name}: the file holds {saved!r}"


@posix_only
@pytest.mark.parametrize(
    ("field", "held"),
    [(LONG, ""), (LINE, HELD), (ACTION, "")],
    ids=["long-text", "short-text-holding-text", "action-cell"],
)
def test_ctrl_q_in_the_same_write_as_the_last_words_keeps_them(tmp_path: Path, field: Field, held: str) -> None:
    quit_after_burst(tmp_path, field, held)


@posix_only
@pytest.mark.slow
@pytest.mark.parametrize("run", range(SLOW_RUNS))
def test_ctrl_q_in_the_same_write_as_the_last_words_keeps_them_many_times(tmp_path: Path, run: int) -> None:
    """Each field, empty and holding text, by turns."""
    quit_after_burst(tmp_path, FIELDS[run % len(FIELDS)], HELD if run % 2 else "")


def signal_after_keys(tmp_path: Path, number: int, seed: int) -> None:
    """Type, let it autosave, send a few more words (in one write or key by key, a few ms apart), and
    signal 0-60 ms after the last of them: exit 0, every word in the file."""
    rng = random.Random(seed * 100 + number)
    data = tmp_path / "data"
    traject = make_traject(data)
    more = "en dan nog wat"
    in_one_write = seed % 2 == 0
    delay = rng.uniform(0.0, 0.06)
    with PtyApp(start_args(data)) as app:
        open_traject(app)
        app.type(FIRST, [0.03] * len(FIRST))
        wait_saved(app, data, traject.id, LONG, FIRST)
        if in_one_write:
            app.send(more)
        else:
            app.type(more, [0.004] * len(more))
        app.drain(delay)  # reads what the app draws meanwhile, so it never waits on a full terminal
        app.signal(number)
        code = app.wait_exit()
        output = app.text()
    how = f"{signal.Signals(number).name} {delay * 1000:.0f} ms after {'one write' if in_one_write else 'the keys'}"
    assert code == 0, f"{how}: exit code {code}\n{output[-2000:]}"
    assert "Traceback" not in output
    saved = LONG.saved(answers(data, traject.id))
    assert saved == FIRST + more, f"{how}: the file holds {saved!r}"
    assert not (data / "crash.log").exists()


SIGNALS = [signal.SIGTERM, signal.SIGHUP] if hasattr(signal, "SIGHUP") else []


@posix_only
@pytest.mark.parametrize("seed", range(1))
@pytest.mark.parametrize("number", SIGNALS, ids=lambda n: signal.Signals(n).name)
def test_a_signal_right_after_keys_keeps_them(tmp_path: Path, number: int, seed: int) -> None:
    signal_after_keys(tmp_path, number, seed)


@posix_only
@pytest.mark.slow
@pytest.mark.parametrize("seed", range(1, 1 + SLOW_RUNS))
@pytest.mark.parametrize("number", SIGNALS, ids=lambda n: signal.Signals(n).name)
def test_a_signal_right_after_keys_keeps_them_many_times(tmp_path: Path, number: int, seed: int) -> None:
    signal_after_keys(tmp_path, number, seed)


async def test_a_signal_while_a_burst_waits_its_turn_keeps_it_pilot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process, without a terminal's timing: a burst of keys has reached the app, which passes it on
    a key at a time, when SIGTERM's handler runs (it runs between two events, as the event loop does)."""
    monkeypatch.setattr(app_module, "_exit_after", lambda seconds: None)  # the watchdog would end pytest
    traject = make_traject(tmp_path, {LONG.prompt: FIRST})
    app = make_app(Store(tmp_path))
    more = "en dan nog wat"
    async with app.run_test(size=(100, 32)) as pilot:
        await open_first(pilot)
        for character in more:
            app.post_message(events.Key(character if character != " " else "space", character))
        app._stop_for_signal()
        await pilot.pause()
    assert LONG.saved(answers(tmp_path, traject.id)) == FIRST + more
