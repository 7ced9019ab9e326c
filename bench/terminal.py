"""A command in its own pseudo-terminal, timed from outside the way a person sees it.

`Terminal` starts a command in a pty of a given size (TERM xterm-256color, truecolor), answers the
one question Textual asks a terminal (does it support synchronized output, mode 2026: yes, as
kitty, WezTerm, foot, iTerm2 and Windows Terminal do), and records everything the command writes
with the time it arrived. Textual then wraps every frame in `ESC[?2026h` ... `ESC[?2026l`, so a
frame ends where its `ESC[?2026l` arrives; output outside such a pair (before the answer is read)
counts as a frame of its own.

`Screen` is a small emulator of what Textual writes (cursor moves, text, erases; styles ignored),
enough to ask "does the screen show X" after any frame. The parent only reads while it measures;
the emulation runs afterwards, so that it takes no CPU from the measured process.

"Settled" means: the last frame before `quiet` seconds without any output.
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
import termios
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from emulator import Screen, replay

SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_ANSWER = b"\x1b[?2026;2$y"  # DECRPM: mode 2026 is known and currently reset
QUIET = 0.25
"""Seconds without output (or, afterwards, without a visible change) after which the screen counts as
settled. Under load the frames of one switch came up to ~0.3 s apart; a cursor blinks every 0.5 s."""
TIMEOUT = 15.0

KEYS = {
    "enter": b"\r",
    "escape": b"\x1b",
    "tab": b"\t",
    "ctrl+q": b"\x11",
    "ctrl+n": b"\x0e",
    "ctrl+l": b"\x0c",
    "ctrl+end": b"\x1b[1;5F",
    "end": b"\x1b[F",
    "down": b"\x1b[B",
    "f5": b"\x1b[15~",
    "f6": b"\x1b[17~",
    "f7": b"\x1b[18~",
    "f8": b"\x1b[19~",
    "f9": b"\x1b[20~",
}


@dataclass(frozen=True)
class Frame:
    """One frame as the terminal got it: when its last byte arrived, and its bytes."""

    at: float
    data: bytes


@dataclass
class Terminal:
    """`command` running in a pseudo-terminal of `cols` x `rows`."""

    command: Sequence[str]
    cols: int = 80
    rows: int = 24
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None
    started: float = 0.0
    chunks: list[tuple[float, bytes]] = field(default_factory=list)
    process: subprocess.Popen[bytes] | None = None
    master: int | None = None
    rusage_kib: int = 0
    _pending: bytes = b""
    _live: Screen | None = None
    _fed: int = 0

    def start(self) -> Terminal:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **self.env}
        env["COLUMNS"], env["LINES"] = str(self.cols), str(self.rows)
        for name in ("PYTHONDONTWRITEBYTECODE", "TEXTUAL", "TEXTUAL_DEBUG", "LOOPBAAN_DEBUG", "TMUX", "NO_COLOR"):
            env.pop(name, None)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(self.command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=self.cwd,
            start_new_session=True,
            close_fds=True,
            preexec_fn=_take_terminal,
        )
        os.close(slave)
        self.master = master
        return self

    # reading

    def read(self, seconds: float) -> bool:
        """Read for up to `seconds`; False once the command has gone (its terminal closed)."""
        end = time.perf_counter() + seconds
        while self.master is not None:
            left = end - time.perf_counter()
            if left <= 0:
                return True
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return True
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                return False
            now = time.perf_counter()
            self.chunks.append((now, chunk))
            self._answer(chunk)
        return False

    def _answer(self, chunk: bytes) -> None:
        seen = self._pending + chunk
        if SYNC_QUERY in seen:
            self.send(SYNC_ANSWER)
            seen = seen.replace(SYNC_QUERY, b"")
        self._pending = seen[-len(SYNC_QUERY) :]

    def settle(self, quiet: float = QUIET, timeout: float = TIMEOUT, *, expect: bool = True) -> float:
        """Read until nothing came for `quiet` seconds; the time of the last output (or of the call).

        With `expect`, quiet counts only from the first output after the call (a key always draws)."""
        called = time.perf_counter()
        end = called + timeout
        if expect:
            count = len(self.chunks)
            self.read_until(lambda: len(self.chunks) > count, timeout)
        while time.perf_counter() < end:
            count = len(self.chunks)
            if not self.read(quiet) or len(self.chunks) == count:
                break
        return self.chunks[-1][0] if self.chunks and self.chunks[-1][0] >= called else called

    def read_until(self, done: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
        """Read until `done()` (checked between reads) or the timeout."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if done():
                return True
            if not self.read(0.01):
                return done()
        return done()

    def screen(self) -> Screen:
        """The screen as it is now (emulated as it is asked for: only while waiting for something)."""
        if self._live is None:
            self._live = Screen(self.cols, self.rows)
        for _, chunk in self.chunks[self._fed :]:
            self._live.feed(chunk)
        self._fed = len(self.chunks)
        return self._live

    def until_screen(self, test: Callable[[Screen], bool], timeout: float = TIMEOUT) -> bool:
        """Read until `test(screen)` holds for the screen as drawn so far."""
        return self.read_until(lambda: test(self.screen()), timeout)

    def until_changed(self, timeout: float = TIMEOUT) -> bool:
        """Read until something visible changed (more than one cell: a cursor blink changes one)."""
        self.screen()
        changed = False

        def test() -> bool:
            nonlocal changed
            live = self._live
            assert live is not None
            for _, chunk in self.chunks[self._fed :]:
                live.feed(chunk)
                changed = changed or live.changed > 1
            self._fed = len(self.chunks)
            return changed

        return self.read_until(test, timeout)

    def output(self) -> bytes:
        return b"".join(chunk for _, chunk in self.chunks)

    def frames(self, since: float = 0.0) -> list[Frame]:
        """The frames written after `since` (perf_counter seconds)."""
        return list(split_frames(self.chunks, since))

    # writing

    def send(self, data: bytes | str) -> float:
        """Write keys to the terminal; the time they went."""
        assert self.master is not None
        os.write(self.master, data.encode() if isinstance(data, str) else data)
        return time.perf_counter()

    def press(self, key: str) -> float:
        return self.send(KEYS[key])

    # ending

    def stop(self, key: str | None = "ctrl+q", timeout: float = 3.0) -> None:
        """End the command: a key first (its own way out), then SIGTERM, then SIGKILL; keep its peak RSS."""
        if self.process is None:
            return
        if key is not None and self.process.poll() is None:
            with contextlib.suppress(OSError):
                self.press(key)
        deadline = time.perf_counter() + (timeout if key is not None else 0.0)
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, sig)
                deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline:
                pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
                if pid:
                    self.process.returncode = os.waitstatus_to_exitcode(status)
                    self.rusage_kib = usage.ru_maxrss
                    break
                self.read(0.02)
            if self.process.returncode is not None:
                break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # anything it left behind
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def __enter__(self) -> Terminal:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _take_terminal() -> None:
    """In the child, after setsid: the pty becomes its controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def split_frames(chunks: Sequence[tuple[float, bytes]], since: float = 0.0) -> Iterator[Frame]:
    """Frames from timestamped output: each `ESC[?2026h`...`ESC[?2026l`, and output outside one."""
    buffer = b""
    inside = False
    last = 0.0
    for at, chunk in chunks:
        if at < since:
            continue
        buffer += chunk
        last = at
        while True:
            if inside:
                end = buffer.find(SYNC_END)
                if end < 0:
                    break
                yield Frame(at, buffer[: end + len(SYNC_END)])
                buffer = buffer[end + len(SYNC_END) :]
                inside = False
            else:
                begin = buffer.find(SYNC_START)
                if begin < 0:
                    break
                if _draws(buffer[:begin]):
                    yield Frame(at, buffer[:begin])
                buffer = buffer[begin:]
                inside = True
        if not inside and buffer and not SYNC_START.startswith(buffer[-8:]):
            if _draws(buffer):
                yield Frame(at, buffer)
            buffer = b""
    if _draws(buffer):
        yield Frame(last, buffer)


_MOVE = re.compile(rb"\x1b\[\d+;\d+H")


def _draws(data: bytes) -> bool:
    """Whether output outside a synchronized frame draws (moves the cursor to write): modes alone do not."""
    return bool(_MOVE.search(data))


def first_showing(terminal: Terminal, since: float, *words: str) -> float | None:
    """The time of the first frame after which the screen shows every word (frames before `since`
    are replayed too, since the screen is their sum), or None."""
    for frame, screen in replay(terminal.frames(), terminal.cols, terminal.rows):
        if frame.at >= since and screen.shows(*words):
            return frame.at
    return None
