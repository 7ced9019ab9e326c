"""What quitting waits for: the keys already typed (on the terminal, in the message queues), each
for at most a moment; and how the crash log is opened (owner only)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time

from textual.message_pump import MessagePump

DRAIN_LIMIT = 0.5
"""Seconds quitting waits, at most, for each queue of keys already received to be taken in."""
INPUT_LIMIT = 0.3
"""Seconds a signal waits, at most, for keys still waiting on the terminal to be read."""


async def drained(pump: MessagePump) -> None:
    """Wait until the messages already queued for this app or widget have been handled."""
    done = asyncio.Event()
    pump.call_later(done.set)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), DRAIN_LIMIT)


async def terminal_input_read() -> None:
    """Wait until Textual's input thread has read what waits on the terminal (where the platform can
    tell: FIONREAD on a POSIX terminal), then a moment for it to pass the keys on."""
    deadline = time.monotonic() + INPUT_LIMIT
    while waiting_input() and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.02)


def waiting_input() -> int:
    try:
        import fcntl
        import termios

        stdin = sys.__stdin__
        if stdin is None or not stdin.isatty():
            return 0
        return int.from_bytes(fcntl.ioctl(stdin.fileno(), termios.FIONREAD, b"\0\0\0\0"), sys.byteorder)
    except (ImportError, OSError, ValueError):
        return 0


def owner_only(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)
