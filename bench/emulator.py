"""A small screen emulator: what Textual writes is cursor moves, text and styles.

Enough to ask "does the screen show X" after any frame, and how many cells a frame changed
(terminal.py records the frames, seen.py asks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar

from rich.cells import get_character_cell_size


class Timed(Protocol):
    """A frame: when it arrived and its bytes (terminal.Frame)."""

    @property
    def at(self) -> float: ...

    @property
    def data(self) -> bytes: ...


F = TypeVar("F", bound=Timed)


_TOKEN = re.compile(
    rb"\x1b\[(?P<csi>[0-9;?<>=]*)(?P<inter>[ -/]*)(?P<final>[@-~])"
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1bP[^\x1b]*\x1b\\"
    rb"|\x1b[()][0-9A-Za-z]"
    rb"|\x1b[@-Z\\-_=>78]"
    rb"|(?P<text>[^\x1b\r\n\x08\x07]+)"
    rb"|(?P<ctrl>[\r\n\x08\x07])"
)


class Screen:
    """The characters on a terminal of `cols` x `rows` after what has been fed to it."""

    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.lines = [[" "] * cols for _ in range(rows)]
        self.styles = [[""] * cols for _ in range(rows)]
        self.style = ""
        self.x = self.y = 0
        self._rest = b""
        self.written = 0
        """Cells written by the last `feed`."""
        self.changed = 0
        """Cells whose character or style the last `feed` changed (a cursor blink: one cell's style)."""
        self.chars: list[str] = []
        """The characters written by the last `feed`."""

    def feed(self, data: bytes) -> None:
        self.written = self.changed = 0
        self.chars = []
        data = self._rest + data
        self._rest = b""
        cut = data.rfind(b"\x1b")
        if cut >= 0 and cut > len(data) - 64 and not _TOKEN.match(data, cut):
            data, self._rest = data[:cut], data[cut:]  # an escape split between two reads
        for match in _TOKEN.finditer(data):
            if match["text"] is not None:
                self._write(match["text"].decode("utf-8", "replace"))
            elif match["final"] is not None:
                self._csi(match["csi"].decode(), match["final"])
            elif match["ctrl"] == b"\r":
                self.x = 0
            elif match["ctrl"] == b"\n":
                self.y = min(self.rows - 1, self.y + 1)
            elif match["ctrl"] == b"\x08":
                self.x = max(0, self.x - 1)

    def _write(self, text: str) -> None:
        inside = 0 <= self.y < self.rows
        line = self.lines[self.y] if inside else None
        styles = self.styles[self.y] if inside else None
        for char in text:
            width = get_character_cell_size(char)
            if width == 0:
                continue
            if line is not None and styles is not None and self.x < self.cols:
                self.changed += line[self.x] != char or styles[self.x] != self.style
                line[self.x] = char
                styles[self.x] = self.style
                self.written += 1
                self.chars.append(char)
                if width == 2 and self.x + 1 < self.cols:
                    line[self.x + 1] = ""
            self.x += width

    def _csi(self, params: str, final: bytes) -> None:
        if params.startswith(("?", ">", "<", "=")):
            return  # modes (sync, mouse, alt screen): nothing on the screen
        if final == b"m":
            self.style = "" if params in ("", "0") else params  # Textual resets before every style
            return
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        first = numbers[0] if numbers else 0
        if final in (b"H", b"f"):
            self.y = max(1, first) - 1
            self.x = max(1, numbers[1] if len(numbers) > 1 else 1) - 1
        elif final == b"A":
            self.y = max(0, self.y - max(1, first))
        elif final == b"B":
            self.y = min(self.rows - 1, self.y + max(1, first))
        elif final == b"C":
            self.x = min(self.cols - 1, self.x + max(1, first))
        elif final == b"D":
            self.x = max(0, self.x - max(1, first))
        elif final == b"G":
            self.x = max(1, first) - 1
        elif final == b"J" and first == 2:
            self.lines = [[" "] * self.cols for _ in range(self.rows)]
            self.styles = [[""] * self.cols for _ in range(self.rows)]
        elif final == b"K" and 0 <= self.y < self.rows:
            line = self.lines[self.y]
            start, stop = {0: (self.x, self.cols), 1: (0, self.x + 1), 2: (0, self.cols)}.get(first, (0, 0))
            line[start:stop] = [" "] * (stop - start)
            self.styles[self.y][start:stop] = [self.style] * (stop - start)

    def text(self) -> str:
        return "\n".join("".join(line) for line in self.lines)

    def shows(self, *words: str) -> bool:
        shown = self.text()
        return all(word in shown for word in words)


def replay(frames: Sequence[F], cols: int, rows: int) -> Iterator[tuple[F, Screen]]:
    """Each frame with the screen as it is after it (one Screen, updated in place)."""
    screen = Screen(cols, rows)
    for frame in frames:
        screen.feed(frame.data)
        yield frame, screen
