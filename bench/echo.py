"""Key echo as a person sees it: a key typed into a long answer until the frame that shows it.

loopbaan (its real entry point) and a bare TextArea of the same outer size holding the same text
(stock.py), EACH IN ITS OWN PROCESS AND PSEUDO-TERMINAL, typed into in turns, key by key: a key to
loopbaan, its echo and a short quiet, then the same key to the bare TextArea, and so on. The echo of
a key is the first visible frame after it that moves the terminal's cursor: Textual ends each frame
with the cursor where the focused editor's cursor is.

While an autosave runs: loopbaan holds a traject of 1,000 answers (every save dumps them all) and
both apps are typed into steadily, one key every STEADY seconds each (interleaved), for a few seconds
after the first edit, so that saves happen while keys arrive.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

import workload
from rows import Row, ms, verdict
from seen import HERE, Pairs, calm, loopbaan, open_traject, ratio_cell, stock, unseen
from terminal import Screen, Terminal, replay

from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.trajects.storage import Store

TYPED = "abcde fghij klmno pqrst uvwxy "
"""Letters that do not repeat within a few keys, so a frame tells which key it shows."""
FRAME = 1 / 60
"""One frame at 60 Hz: 16.7 ms."""
GAP = 0.05
"""Quiet after a key's echo before the next key (a person types ~5-8 keys a second)."""
STEADY = 0.1
"""Seconds between two keys to the same app while typing steadily (100 wpm is ~0.12 s a key)."""
COLS, ROWS = 80, 24


def editor_size(data: Path) -> tuple[int, int]:
    """The outer size of the editor that has the focus when the traject opens (headless, child.py)."""
    done = subprocess.run(
        [sys.executable, str(HERE / "child.py"), "editor", "app", str(data), str(COLS), str(ROWS)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    width, height = done.stdout.split()[-2:]
    return int(width), int(height)


@dataclass
class Typist:
    """Keys sent to one terminal, matched afterwards to the frames that showed them."""

    terminal: Terminal
    sent: list[tuple[float, str]] = field(default_factory=list)
    cursor: tuple[int, int] = (-1, -1)
    """Where the terminal's cursor was after the last key's echo."""

    def __post_init__(self) -> None:
        screen = self.terminal.screen()
        self.cursor = (screen.x, screen.y)

    def type(self, char: str) -> None:
        self.sent.append((self.terminal.send(char), char))

    def wait_echo(self, timeout: float = 5.0) -> None:
        """Read until the screen shows the last key (as `latencies` reads it), then a short quiet."""
        char = self.sent[-1][1]
        before = self.cursor

        def shown(screen: Screen) -> bool:
            x, y = screen.x, screen.y
            if (x, y) != before and (char == " " or y != before[1]):
                return True  # a space, or a word wrapped to the next line
            return 0 < x <= screen.cols and 0 <= y < screen.rows and screen.lines[y][x - 1] == char

        self.terminal.until_screen(shown, timeout)
        self.terminal.settle(GAP, timeout=1.0, expect=False)
        screen = self.terminal.screen()
        self.cursor = (screen.x, screen.y)

    def latencies(self) -> list[float]:
        """Each key's seconds to the first visible frame that shows it (NaN: none).

        Textual ends every frame with the terminal's cursor where the focused editor's cursor is, so
        a frame shows key n when the cell left of the cursor holds key n's letter or a later key's
        (keys that queued up are shown by one frame); a space, or a letter that wrapped its word to the
        next line, when the cursor moved (to another line). Key n is never shown before key n-1.
        (A stock TextArea whose last visible line wraps puts the new line below its bottom edge
        until the next key scrolls it; that frame counts. loopbaan's field scrolls the new line into
        view in the same frame: TextField.watch_virtual_size.)"""
        frames: list[tuple[float, tuple[int, int], str]] = []
        for frame, screen in replay(self.terminal.frames(), self.terminal.cols, self.terminal.rows):
            if not unseen(frame, screen) and 0 <= screen.y < screen.rows:
                left = screen.lines[screen.y][screen.x - 1] if 0 < screen.x <= screen.cols else ""
                frames.append((frame.at, (screen.x, screen.y), left))
        result: list[float] = []
        index = 0
        cursor: tuple[int, int] | None = None
        for n, (at, char) in enumerate(self.sent):
            while index < len(frames) and frames[index][0] < at:
                cursor = frames[index][1]
                index += 1
            found = None
            for i in range(index, len(frames)):
                when, where, left = frames[i]
                later = {c for t, c in self.sent[n:] if t <= when}
                moved = cursor is not None and where != cursor and (char == " " or where[1] != cursor[1])
                if (left in later and left != " ") or moved:
                    found = i
                    break
            if found is None:
                result.append(float("nan"))
                continue
            result.append(frames[found][0] - at)
            index = found  # the next key is shown by this frame or a later one
        return result


def _over_frame(latencies: list[float]) -> float:
    seen = [s for s in latencies if s == s]
    return sum(s > FRAME for s in seen) / len(seen) if seen else float("nan")


@dataclass
class Typed:
    app: list[float]
    bare: list[float]


WARM = 3
"""Keys typed into each app before the measured ones (the first edit of a session does more)."""


def type_both(data: Path, text_file: Path, keys: int, steady: bool, size: tuple[int, int]) -> Typed:
    """loopbaan on `data` (its first traject open, steps mounted) and a bare TextArea of `size`
    holding `text_file`, in their own terminals; `keys` keys to each, in turns."""
    width, height = size
    app = loopbaan(data, COLS, ROWS).start()
    bare = stock("textarea", COLS, ROWS, str(text_file), str(width), str(height)).start()
    try:
        open_traject(app)
        calm(app)
        bare.until_changed()
        bare.settle(0.2, expect=False)
        mine, theirs = Typist(app), Typist(bare)
        for n in range(WARM):
            for typist in (mine, theirs):
                typist.type(TYPED[n])
                typist.wait_echo()
        for n in range(WARM, WARM + keys):
            char = TYPED[n % len(TYPED)]
            if steady:
                next_key = time.perf_counter() + STEADY / 2
                mine.type(char)
                app.read(max(0.0, next_key - time.perf_counter()))
                bare.read(0.0)
                theirs.type(char)
                bare.read(STEADY / 2)
                app.read(0.0)
            else:
                mine.type(char)
                mine.wait_echo()
                theirs.type(char)
                theirs.wait_echo()
        app.settle(0.3, expect=False)
        bare.settle(0.1, expect=False)
    finally:
        app.stop()
        bare.stop()
    return Typed(mine.latencies()[WARM:], theirs.latencies()[WARM:])


def _case(work: Path, pack: Pack, words: int, answers: int = 0) -> tuple[Path, Path]:
    """A data folder whose traject has a long answer of `words` words (and `answers` answers in all)."""
    folder = work / f"echo-{words}-{answers}"
    prompt_id = workload.first_long_text(pack, workload.busiest_profile(pack))
    traject = workload.typical_traject(pack, "echo-000001")
    traject.name = "Traject 1"
    for n in range(max(0, answers - len(traject.answers))):
        traject.set_answer(f"vraag-{n}", workload.prose(50, seed=n))
    traject.set_answer(prompt_id, workload.prose(words, seed=words))
    Store(folder).save(traject)
    text_file = work / f"echo-{words}-{answers}.txt"
    answer = traject.answers[prompt_id]
    assert isinstance(answer, str)
    text_file.write_text(answer, encoding="utf-8")
    return folder, text_file


def key_echo(
    keys: int, word_counts: tuple[int, ...], steady_keys: int, answers: int, pack: Pack, work: Path
) -> list[Row]:
    rows = []
    size = editor_size(_case(work, pack, word_counts[0])[0])
    for words in word_counts:
        data, text_file = _case(work, pack, words)
        typed = type_both(data, text_file, keys, steady=False, size=size)
        rows += _rows(f"key echo [pty]: {words:,} words in a long answer, key to its frame", typed)
    data, text_file = _case(work, pack, word_counts[0], answers)
    typed = type_both(data, text_file, steady_keys, steady=True, size=size)
    rows[0].figure += f" (editor {size[0]}x{size[1]})"
    rows += _rows(
        f"key echo [pty] while autosaving {answers:,} answers: steady typing, a key every {STEADY * 1000:.0f} ms",
        typed,
    )
    return rows


def _rows(name: str, typed: Typed) -> list[Row]:
    pairs = Pairs()
    for app, bare in zip(typed.app, typed.bare, strict=True):
        pairs.add(app, bare, 0)
    paired = pairs.paired()
    over_app, over_bare = _over_frame(typed.app), _over_frame(typed.bare)
    missing = sum(s != s for s in typed.app + typed.bare)
    return [
        Row(
            name,
            ms(paired.app),
            ms(paired.yard),
            ratio_cell(pairs),
            "<= 1.1x",
            verdict(paired.ratio, 1.1),
        ),
        Row(
            f"  keys over one frame (16.7 ms){f', {missing} echoes not found' if missing else ''}",
            f"{over_app:.0%} (worst {ms(max((s for s in typed.app if s == s), default=float('nan')))})",
            f"{over_bare:.0%}",
            "",
            "<= 5%",
            verdict(over_app, 0.05),
        ),
    ]


def median_or_nan(values: list[float]) -> float:
    kept = [v for v in values if v == v]
    return median(kept) if kept else float("nan")
