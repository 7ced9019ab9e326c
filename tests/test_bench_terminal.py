"""The benchmark's pseudo-terminal runner: frames are split where a person's terminal would draw them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name: str, module_name: str) -> ModuleType:
    """A bench module by its path, without putting bench/ on sys.path (its names are generic)."""
    spec = importlib.util.spec_from_file_location(module_name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


emulator = _load("emulator", "emulator")  # terminal.py imports it by this name
terminal = _load("terminal", "bench_terminal")
SYNC_END, SYNC_START, Screen, Terminal, split_frames = (
    terminal.SYNC_END,
    terminal.SYNC_START,
    terminal.Screen,
    terminal.Terminal,
    terminal.split_frames,
)


def test_frames_are_the_synchronized_updates_and_drawing_outside_them() -> None:
    chunks = [
        (1.0, b"\x1b[?1049h\x1b[?25l"),  # modes only: no frame
        (2.0, b"\x1b[1;1Hbefore"),  # drawn before the terminal said it supports mode 2026
        (3.0, SYNC_START + b"\x1b[2;1Hone"),
        (4.0, b" more" + SYNC_END + SYNC_START + b"\x1b[3;1Htwo" + SYNC_END),
    ]
    frames = list(split_frames(chunks))
    assert [f.at for f in frames] == [2.0, 4.0, 4.0]
    screen = Screen(12, 3)
    for frame in frames:
        screen.feed(frame.data)
    assert screen.text().split("\n") == ["before      ", "one more    ", "two         "]
    screen.feed(b"\x1b[2;5H\x1b[7mm\x1b[0m")  # a cursor blink: one cell restyled, the same character
    assert (screen.written, screen.changed) == (1, 1) and screen.text().split("\n")[1] == "one more    "
    screen.feed(b"\x1b[2;5H\x1b[7mm\x1b[0m")  # the same again: nothing changes
    assert (screen.written, screen.changed) == (1, 0)
    screen.feed(b"\x1b[1;1H\xe5\xad\x97x\x1b[2;1H\x1b[2K")  # a wide character takes two cells
    assert screen.text().split("\n")[:2] == ["字xore      ", " " * 12]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_command_in_a_terminal_is_answered_read_and_stopped() -> None:
    """The command asks for mode 2026 as Textual does, draws once it has the answer, then waits."""
    script = (
        "import os, sys, termios, tty; tty.setraw(0); os.write(1, b'\\x1b[?2026$p');"
        "answer = os.read(0, 64); os.write(1, b'\\x1b[?2026h\\x1b[1;1H' + answer[1:] + b'\\x1b[?2026l');"
        "sys.stdin.buffer.read(1)"
    )
    with Terminal([sys.executable, "-c", script], 40, 5) as terminal:
        assert terminal.read_until(lambda: bool(terminal.frames()), timeout=20)
        (frame,) = terminal.frames()
        assert b"[?2026;2$y" in frame.data
        assert terminal.settle(0.05, expect=False) >= frame.at
    assert terminal.process is not None and terminal.process.returncode is not None
