"""Kill the real app at any moment; stop it by SIGTERM, SIGHUP or a closed terminal: no word may be lost.

The app runs in a pseudo-terminal (tests/hostile/ptyapp.py) and is typed into like a person types,
a key every 20-50 ms. After a SIGKILL the traject file must parse, hold a prefix of what was typed
that includes everything typed long enough before the kill to have been autosaved, and open again
in a second run of the app. After SIGTERM or SIGHUP everything typed must be on disk.

Two kills, SIGTERM, a closed terminal and a signal during a save are part of every test run;
`pytest -m slow` (or LOOPBAAN_SLOW=1) adds 60 more kills and SIGHUP sent by hand.
"""

from __future__ import annotations

import random
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hostile.ptyapp import MINI, ROOT, PtyApp, start_args

from loopbaan_tui.domain.trajects.autosave import Delays
from loopbaan_tui.domain.trajects.storage import DamagedTraject, Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

NAME = "Kill test"
LABEL = "Waar ben je goed in"  # the first prompt of the mini pack: a long text, focused when a traject opens
DAMAGED = ("beschadigd", "kapot", "damaged")
ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ 0123456789 .,;:!?'\"()[]/\\#*_|<>&@%éëüçñ€"
PAUSE = 0.9
"""About the seconds between two bursts of typing: the next burst starts once the autosave of the one
before is seen in the file (SAVE_DELAY after its first key), at most 3 * PAUSE after it."""
SAVE_DELAY = Delays().max_delay
"""The longest the app waits after a change before it saves (domain/trajects/autosave.py)."""
SETTLED = 1.5
"""Text typed this long before a kill must be on disk."""
DEFAULT_RUNS = 2
PLANS = ("autosave", "anywhere", "starting")
SLOW_DISK = ROOT / "tests" / "hostile" / "slow_disk_app.py"
SLOW_RUNS = 60

assert SAVE_DELAY < SETTLED - 0.5, "the autosave delay grew: give the kill test more room"


@dataclass
class Typing:
    """What was sent to the app, and when."""

    chars: list[str] = field(default_factory=list)
    sent_at: list[float] = field(default_factory=list)
    burst_ends: list[tuple[float, int]] = field(default_factory=list)
    """(time, number of characters typed) at the end of each burst."""
    seen_saved: list[tuple[float, int]] = field(default_factory=list)
    """(time, number of characters typed) when the file was seen holding all of them, between bursts."""

    @property
    def text(self) -> str:
        return "".join("\n" if c == "\r" else c for c in self.chars)

    def settled_by(self, moment: float) -> str:
        """Everything typed in bursts that ended SETTLED seconds before the moment, and everything the
        file was seen holding before it (a later save, or the kill, must not take it away)."""
        settled = [n for end, n in self.burst_ends if end <= moment - SETTLED]
        count = max(settled + [n for seen, n in self.seen_saved if seen <= moment], default=0)
        return "".join("\n" if c == "\r" else c for c in self.chars[:count])


def open_traject(app: PtyApp, name: str = NAME) -> bool:
    """On the start screen: open the highlighted traject. False when the app died first."""
    if app.wait_for(name) is None:
        return False
    app.send("\r")
    return app.wait_for(LABEL) is not None


def create_traject(app: PtyApp, name: str) -> None:
    """Through the dialog: n, the name, Enter; when the dialog asks who you are, Enter picks the
    highlighted profile, Tab Tab past the pack to the start button, and Enter starts."""
    assert app.wait_for("traject") is not None, app.text()[-2000:]
    app.send("n")
    assert app.wait_for("noemen", "call this") is not None, app.text()[-2000:]
    app.type(name, [0.03] * len(name))
    app.send("\r")
    if app.wait_for(LABEL, "Kies wie je bent", "Choose who you are") != LABEL:
        sent = len(app.output)
        app.send("\r")  # the first profile; the focus stays there
        app.settle(sent)
        app.send("\t\t\r")
        assert app.wait_for(LABEL) is not None, "the new traject did not open:\n" + app.text()[-2000:]


def wait_autosaved(app: PtyApp, typing: Typing, saved: Callable[[], str]) -> None:
    """Drain until the file holds everything typed (noted in `typing.seen_saved`), the app is gone, or
    3 * PAUSE passed: the pause between two bursts, as long as the autosave takes."""
    end = time.monotonic() + 3 * PAUSE
    while app.process.poll() is None and time.monotonic() < end:
        try:
            holds = saved() == typing.text
        except DamagedTraject:  # not expected: the test's own check after the kill says what is wrong
            holds = False
        if holds:
            typing.seen_saved.append((time.monotonic(), len(typing.chars)))
            return
        app.drain(0.05)


def type_bursts(
    app: PtyApp, rng: random.Random, typing: Typing, bursts: int, saved: Callable[[], str] | None = None
) -> None:
    """Bursts of 5-25 keys, 20-50 ms apart; between two, a pause until `saved()` (what the file holds)
    shows the autosave ran. Stops once the app is gone."""
    for burst in range(bursts):
        for _ in range(rng.randint(5, 25)):
            if app.process.poll() is not None:
                return
            char = "\r" if rng.random() < 0.04 else rng.choice(ALPHABET)
            typing.sent_at.append(time.monotonic())
            typing.chars.append(char)
            try:
                app.send(char)
            except OSError:  # killed between the check and the write
                typing.chars.pop()
                return
            app.drain(rng.uniform(0.02, 0.05))
        typing.burst_ends.append((time.monotonic(), len(typing.chars)))
        if burst < bursts - 1:
            if saved is None:
                app.drain(PAUSE)
            else:
                wait_autosaved(app, typing, saved)


def assert_reopens(data: Path, traject_id: str, expected: str) -> None:
    """A second run of the app opens the traject (no damage dialog) and quits cleanly without changing it."""
    with PtyApp(start_args(data)) as app:
        assert open_traject(app), app.text()[-3000:]
        assert not any(word in app.text() for word in DAMAGED), app.text()[-3000:]
        app.press("ctrl+q")
        assert app.wait_exit() == 0, app.text()[-3000:]
        assert "Traceback" not in app.text()
    assert Store(data).load(traject_id).answers.get("kan-sterk", "") == expected


def kill_run(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    data = tmp_path / "data"
    store = Store(data)
    traject = store.create(NAME, "student", str(MINI))
    typing = Typing()
    killed: list[float] = []

    def kill(app: PtyApp) -> None:
        killed.append(time.monotonic())
        app.signal(signal.SIGKILL)

    with PtyApp(start_args(data)) as app:
        started = time.monotonic()
        # Where the kill falls, by turns: while starting or opening, just as an autosave runs, or anywhere.
        plan, bursts = PLANS[seed % len(PLANS)], rng.randint(1, 3)
        timer = None
        if plan == "starting":
            timer = threading.Timer(rng.uniform(0.0, 0.8), kill, [app])
        elif plan == "anywhere":
            timer = threading.Timer(rng.uniform(0.6, 0.8 + bursts * (PAUSE + 0.8)), kill, [app])
        if timer is not None:
            timer.start()
        try:
            if open_traject(app):
                if timer is None:  # "autosave": just as the first autosave runs
                    timer = threading.Timer(SAVE_DELAY + rng.uniform(-0.05, 0.25), kill, [app])
                    timer.start()
                type_bursts(app, rng, typing, bursts, lambda: store.load(traject.id).answers.get("kan-sterk", ""))
            code = app.wait_exit(timeout=10 + started - time.monotonic() + bursts * (PAUSE + 1.5))
        finally:
            if timer is not None:
                timer.cancel()
        assert code == -signal.SIGKILL, f"seed {seed}: the app ended with {code} before it was killed"

    saved = store.load(traject.id).answers.get("kan-sterk", "")  # DamagedTraject would fail the test
    typed = typing.text
    assert typed.startswith(saved), f"seed {seed}: the file holds {saved!r}, not a prefix of {typed!r}"
    must = typing.settled_by(killed[0])
    assert saved.startswith(must), (
        f"seed {seed}: lost words: {must!r} was typed long before the kill, the file holds {saved!r}"
    )
    try:
        backup = store.load_backup(traject.id).answers.get("kan-sterk", "")
    except FileNotFoundError:
        backup = ""
    except DamagedTraject as damage:
        raise AssertionError(f"seed {seed}: the backup is damaged: {damage.reason}") from None
    assert saved.startswith(backup), f"seed {seed}: the backup {backup!r} is not an earlier version"
    assert_reopens(data, traject.id, saved)
    leftovers = sorted(p.name for p in data.iterdir() if p.name.endswith(".tmp"))
    assert leftovers == [], f"seed {seed}: temp files left behind after reopening: {leftovers}"


@pytest.mark.parametrize("seed", range(DEFAULT_RUNS))
def test_a_kill_at_any_moment_loses_nothing_saved(seed: int, tmp_path: Path) -> None:
    kill_run(seed, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(DEFAULT_RUNS, DEFAULT_RUNS + SLOW_RUNS))
def test_a_kill_at_any_moment_loses_nothing_saved_many_times(seed: int, tmp_path: Path) -> None:
    kill_run(seed, tmp_path)


def _type_then_stop(tmp_path: Path, stop: str) -> None:
    """Create a traject through the dialog, type, and stop the app moments later: everything is on disk.
    ("close-terminal" is SIGHUP as a person gets it: the kernel sends it when the window closes.)"""
    rng = random.Random(stop)
    data = tmp_path / "data"
    typing = Typing()
    # A closed terminal in a fresh interpreter, as a person closes the window: forked from the test's
    # fork server, the same app's shutdown took another path (hostile/forkserver.py).
    with PtyApp(start_args(data), fresh=stop == "close-terminal") as app:
        create_traject(app, "Signaal")
        type_bursts(app, rng, typing, 1)
        # The keys are handled (drawn) before the window closes: keys still in the terminal's input
        # when it hangs up never reach any program. Waiting on the echo, not on a fixed time, keeps
        # this true on a loaded machine. The autosave of the last keys is still to come.
        tail = typing.text.rsplit("\n", 1)[-1][-3:]
        if tail:
            app.wait_for(tail)
        app.drain(0.05 if tail else 0.25)
        if stop == "close-terminal":
            app.close_terminal()  # the kernel sends SIGHUP: the window was closed
        else:
            app.signal(getattr(signal, stop))
            app.drain(0.1)
        code = app.wait_exit(timeout=10)
        output = app.text()
    assert code == 0, f"{stop}: exit code {code}\n{output[-2000:]}"
    assert "Traceback" not in output
    store = Store(data)
    [summary] = store.summaries()
    assert store.load(summary.id).answers.get("kan-sterk", "") == typing.text
    assert not (data / "crash.log").exists()


@pytest.mark.parametrize("stop", ["SIGTERM", pytest.param("SIGHUP", marks=pytest.mark.slow), "close-terminal"])
def test_sigterm_and_sighup_lose_nothing_at_all(tmp_path: Path, stop: str) -> None:
    _type_then_stop(tmp_path, stop)


@pytest.mark.parametrize("stop", ["SIGTERM", pytest.param("SIGHUP", marks=pytest.mark.slow)])
def test_a_signal_in_the_middle_of_a_save_waits_for_it(tmp_path: Path, stop: str) -> None:
    """On a slow disk, Ctrl+S is still writing when the signal comes: the handler must not save inside
    that save (it would run on the same thread, halfway through it), and must not hang; it saves after."""
    data, marker = tmp_path / "data", tmp_path / "reentered"
    traject = Store(data).create(NAME, "student", str(MINI))
    env = {"LOOPBAAN_TEST_FSYNC": "0.25", "LOOPBAAN_TEST_MARKER": str(marker)}
    with PtyApp(start_args(data), script=SLOW_DISK, env=env) as app:
        assert open_traject(app), app.text()[-2000:]
        app.type("abc", [0.03] * 3)
        saved_abc = lambda: Store(data).load(traject.id).answers.get("kan-sterk") == "abc"  # noqa: E731
        end = time.monotonic() + SAVE_DELAY + 5
        while not saved_abc():  # the autosave of "abc": the file (after its slow fsync) is in place
            assert time.monotonic() < end, "the autosave of abc never came:\n" + app.text()[-2000:]
            app.drain(0.05)
        app.drain(float(env["LOOPBAAN_TEST_FSYNC"]) + 0.1)  # and the folder's slow fsync is done
        app.type("def", [0.03] * 3)
        app.send(b"\x13")  # Ctrl+S: save now, on the main thread, slowly
        app.drain(0.15)  # Ctrl+S is in its first fsync
        app.signal(getattr(signal, stop))
        code = app.wait_exit(timeout=15)
        output = app.text()
    assert code == 0, f"exit code {code} (None: the app hung)\n{output[-2000:]}"
    assert "Traceback" not in output
    assert not marker.exists(), marker.read_text() if marker.exists() else ""
    assert Store(data).load(traject.id).answers.get("kan-sterk") == "abcdef"
