"""The real app in a pseudo-terminal: start it, type into it like a person, read the screen, kill it.

Used by tests/test_hostile_kill.py and tests/test_hostile_privacy.py. POSIX only (pty).

The app is a fork of a server that has imported what `loopbaan` imports before its first frame
(hostile/forkserver.py: ~0.5 CPU-s less per start); `fresh=True` starts a new interpreter. Waits are
on the screen (`wait_for` a word, `settle` until drawn and quiet) or on the file, not on fixed times.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path

from hostile import forkserver

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "packs" / "mini"

_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: cursor moves, colours
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, clipboard
    rb"|\x1bP[^\x1b]*\x1b\\"  # DCS
    rb"|\x1b[()][0-9A-Za-z]"  # character sets
    rb"|\x1b[@-Z\\-_=>78]"  # the rest: two-byte escapes
)

KEYS = {
    "enter": b"\r",
    "tab": b"\t",
    "escape": b"\x1b",
    "ctrl+q": b"\x11",
    "ctrl+s": b"\x13",
    "down": b"\x1b[B",
    "ctrl+n": b"\x0e",
}


def screen_text(raw: bytes) -> str:
    """What was drawn, without the terminal's escape sequences (good enough to find words in)."""
    return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")


class PtyApp:
    """`loopbaan ARGS` (or `python SCRIPT ARGS`) running in its own pseudo-terminal."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        script: Path | None = None,
        cols: int = 100,
        rows: int = 30,
        env: dict[str, str] | None = None,
        fresh: bool = False,
    ) -> None:
        """`fresh`: a new interpreter, as a person starts it; otherwise a fork of a server that has
        imported what the app imports before its first frame (hostile/forkserver.py)."""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        environment = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(cols),
            "LINES": str(rows),
            "PYTHONPATH": str(ROOT),
            **(env or {}),
        }
        environment.pop("LOOPBAAN_DEBUG", None)
        command = [sys.executable, str(script)] if script else [sys.executable, "-m", "loopbaan_tui.cli"]
        self.process: subprocess.Popen[bytes] | forkserver.Forked
        if not fresh and forkserver.forks(environment):  # the same process, without importing Textual anew
            self.process = forkserver.start([*command, *args], environment, ROOT, slave)
        else:
            self.process = subprocess.Popen(
                [*command, *args],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=environment,
                cwd=ROOT,
                start_new_session=True,
                close_fds=True,
                preexec_fn=_take_terminal,
            )
        os.close(slave)
        self.master: int | None = master
        self.output = b""

    # reading

    def drain(self, seconds: float = 0.0) -> None:
        """Read whatever the app drew, for `seconds` (so it never blocks on a full terminal). With nothing
        left to read (our end closed, or no app on the other), wait as long for the app to end: the
        loops around this call (wait_exit, wait_for) once spun for as long as a shutdown took."""
        end = time.monotonic() + seconds
        while self.master is not None:
            left = end - time.monotonic()
            ready, _, _ = select.select([self.master], [], [], max(0.0, left))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the app is gone and the terminal with it
                    chunk = b""
                if not chunk:
                    break
                self.output += chunk
            elif left <= 0:
                return
        left = end - time.monotonic()
        if left > 0:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(left)

    def settle(self, since: int | None = None, quiet: float = 0.05, timeout: float = 2.0) -> None:
        """Drain until the app has drawn something after `since` (a length of `output`, taken before the
        keys were sent; now when None) and then nothing for `quiet` seconds: it handled the keys and
        painted the result. A wait on the app, not on a fixed time (at most `timeout`). Keys sent after
        it are handled after the earlier ones anyway (ui/key_order.py): this is for the screen."""
        start = len(self.output) if since is None else since
        end = time.monotonic() + timeout
        while self.master is not None and time.monotonic() < end:
            before = len(self.output)
            self.drain(quiet)
            if before == len(self.output) and before > start:
                return
            if self.process.poll() is not None:
                return

    def text(self) -> str:
        return screen_text(self.output)

    def wait_for(self, *words: str, timeout: float = 10.0) -> str | None:
        """Drain until one of the words has been drawn (after this call started); which one, else None."""
        start = len(self.output)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.drain(0.03)
            shown = screen_text(self.output[max(0, start - 200) :])
            for word in words:
                if word in shown:
                    return word
            if self.process.poll() is not None:
                self.drain(0.05)
                shown = screen_text(self.output[max(0, start - 200) :])
                return next((word for word in words if word in shown), None)
        return None

    # writing

    def send(self, data: bytes | str) -> None:
        assert self.master is not None
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def press(self, *keys: str, gap: float = 0.1) -> None:
        for key in keys:
            self.send(KEYS[key])
            self.drain(gap)

    def type(self, text: str, delays: Sequence[float]) -> None:
        """Type one character at a time, draining the screen in between."""
        for char, delay in zip(text, delays, strict=True):
            self.send(char)
            self.drain(delay)

    # ending

    def signal(self, number: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.process.pid, number)

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        """The exit code (negative: killed by that signal), draining meanwhile; None if still running."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            code = self.process.poll()
            if code is not None:
                self.drain(0.05)
                return code
            self.drain(0.05)
        return None

    def close_terminal(self) -> None:
        """Close our end of the terminal, as when a terminal window is closed."""
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def close(self) -> None:
        """Make sure nothing is left running (SIGKILL) and the terminal is closed."""
        if self.process.poll() is None:
            self.signal(signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5)
        self.close_terminal()

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _take_terminal() -> None:
    """In the child, after setsid: make the pty its controlling terminal, so closing it sends SIGHUP."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def start_args(data: Path, content: Path = MINI) -> list[str]:
    return ["--content", str(content), "--data-dir", str(data)]
