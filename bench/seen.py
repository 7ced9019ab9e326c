"""What a person sees: loopbaan and its yardstick, each in its own process and pseudo-terminal.

Every figure here is timed from outside, on what the terminal receives (terminal.py): loopbaan through
its real entry point (`loopbaan`, the console script of the Python running this, which imports the
`loopbaan_tui` found first on PYTHONPATH), the yardsticks stock Textual apps (stock.py). App and
yardstick alternate, and each row is the median of the per-pair ratios (or differences).

- first paint: spawn to the first frame that shows the start screen's list; the empty app: to its
  first frame. Also "settled": the last frame before QUIET seconds without output.
- step switch: a key to the last frame of the switch (settled), first visits (Ctrl+N) and revisits
  (F5-F9), against Ctrl+N switching two empty screens of a stock app; and the frames drawn per switch.
  A small frame that changes no character is a cursor blink and is not counted.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

import workload
from rows import Paired, Row, mib, ms, verdict
from terminal import QUIET, Frame, Screen, Terminal, replay

from loopbaan_tui.domain.content.model import Pack

HERE = Path(__file__).resolve().parent
STOCK = HERE / "stock.py"
LOOPBAAN = [sys.executable, str(Path(sys.executable).with_name("loopbaan"))]
"""The real entry point: the console script pip made, run by this interpreter."""
SIZES = ((80, 24), (120, 40))
LIST_SHOWN = "Traject 1"
"""On the start screen once its list of trajecten is drawn (workload.data_folder names them so)."""
REFLECTION_SHOWN = b"Volgende stap"
"""In the reflection's key line (raw bytes: one run of text, checked while reading)."""
BIG_CHUNK = 400
"""Output larger than this is more than a cursor blink (which redraws its line: ~200-250 bytes)."""


def is_blink(frame: Frame, screen: Screen) -> bool:
    """A cursor blink: a small frame that changes no character, only the cursor cell's style."""
    return screen.changed == 0 and len(frame.data) < BIG_CHUNK


def measured_package() -> str:
    """Which loopbaan_tui the children import (the one on PYTHONPATH, else the installed one)."""
    done = subprocess.run(
        [sys.executable, "-c", "import loopbaan_tui; print(loopbaan_tui.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE.parent.parent,
    )
    return str(Path(done.stdout.strip()).parent)


def loopbaan(data: Path, cols: int, rows: int, *extra: str) -> Terminal:
    return Terminal([*LOOPBAAN, "--data-dir", str(data), *extra], cols, rows, cwd=data.parent)


def stock(what: str, cols: int, rows: int, *args: str) -> Terminal:
    return Terminal([sys.executable, str(STOCK), what, *args], cols, rows, cwd=HERE)


def wait_output(terminal: Terminal, marker: bytes | None, since: float = 0.0, timeout: float = 20.0) -> bool:
    """Read until `marker` has arrived after `since` (None: until anything is drawn)."""

    def arrived() -> bool:
        if marker is None:
            return bool(terminal.frames(since))
        return marker in b"".join(chunk for at, chunk in terminal.chunks if at >= since)

    return terminal.read_until(arrived, timeout)


def calm(terminal: Terminal, seconds: float = 0.8, timeout: float = 15.0) -> None:
    """Read until nothing but cursor blinks came for `seconds` (steps mounting in the background)."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        terminal.read(0.05)
        last_big = max((at for at, chunk in terminal.chunks if len(chunk) > BIG_CHUNK), default=terminal.started)
        if time.perf_counter() - last_big >= seconds:
            return


@dataclass
class Span:
    """What the terminal drew between a key (or a spawn) and the screen settling."""

    first: float
    """Seconds to the first frame (not a blink)."""
    settled: float
    """Seconds to the last frame before the quiet."""
    frames: int
    shown: float = float("nan")
    """Seconds to the first frame after which the content area shows the expected heading."""


RAIL = 28
"""Columns of the step rail at 80x24 (the content area starts to its right)."""


def content_shows(screen: Screen, text: str) -> bool:
    return any(text in line[RAIL:] for line in screen.text().split("\n"))


def spans(terminal: Terminal, starts: Sequence[float], headings: Sequence[str] = ()) -> list[Span]:
    """For each start time, the frames (not blinks) until the next start: one replay for all.

    With `headings` (one per start), also when the content area first showed it."""
    drawn: list[tuple[Frame, bool]] = []
    index = 0
    for frame, screen in replay(terminal.frames(), terminal.cols, terminal.rows):
        if is_blink(frame, screen):
            continue
        while index + 1 < len(starts) and frame.at >= starts[index + 1]:
            index += 1
        heading = headings[index] if index < len(headings) and frame.at >= starts[index] else ""
        drawn.append((frame, bool(heading) and content_shows(screen, heading)))
    result = []
    ends = [*starts[1:], float("inf")]
    for start, end in zip(starts, ends, strict=True):
        mine = [(f, ok) for f, ok in drawn if start <= f.at < end]
        if not mine:
            result.append(Span(float("nan"), float("nan"), 0))
            continue
        shown = next((f.at - start for f, ok in mine if ok), float("nan"))
        result.append(Span(mine[0][0].at - start, mine[-1][0].at - start, len(mine), shown))
    return result


def shown_at(terminal: Terminal, *words: str, since: float = 0.0) -> float:
    """Seconds from `since` (default: the spawn) to the first frame after which the screen shows `words`."""
    origin = since or terminal.started
    for frame, screen in replay(terminal.frames(), terminal.cols, terminal.rows):
        if frame.at >= origin and screen.shows(*words):
            return frame.at - origin
    raise RuntimeError(f"the screen never showed {words!r}:\n{screen_text(terminal)}")


def screen_text(terminal: Terminal) -> str:
    text = ""
    for _, screen in replay(terminal.frames(), terminal.cols, terminal.rows):
        text = screen.text()
    return text


# First paint


@dataclass
class Paint:
    shown: float
    settled: float
    rss_kib: int


def paint_once(terminal: Terminal, words: Sequence[str]) -> Paint:
    """Start, read until the screen shows `words` (any frame if none) and is settled, then kill."""
    terminal.start()
    try:
        wait_output(terminal, words[0].encode() if words else None)
        settled = terminal.settle(QUIET, expect=False) - terminal.started
    finally:
        terminal.stop(key=None)
    shown = shown_at(terminal, *words) if words else terminal.frames()[0].at - terminal.started
    return Paint(shown, settled, terminal.rusage_kib)


@dataclass
class Pairs:
    """Measurements of app and yardstick, in pairs, over passes."""

    app: list[float] = field(default_factory=list)
    yard: list[float] = field(default_factory=list)
    passes: list[int] = field(default_factory=list)

    def add(self, app: float, yard: float, pass_: int) -> None:
        self.app.append(app)
        self.yard.append(yard)
        self.passes.append(pass_)

    def paired(self) -> Paired:
        return Paired.of(self.app, self.yard)

    def pass_ratios(self) -> list[float]:
        """The median ratio of each pass (their spread shows the noise)."""
        result = []
        for p in sorted(set(self.passes)):
            chosen = [i for i, q in enumerate(self.passes) if q == p]
            result.append(Paired.of([self.app[i] for i in chosen], [self.yard[i] for i in chosen]).ratio)
        return result


def ratio_cell(pairs: Pairs, diff: bool = False) -> str:
    paired = pairs.paired()
    spread = pairs.pass_ratios()
    cell = f"{paired.ratio:.2f}x"
    if len(spread) > 1:
        cell += f" ({min(spread):.2f}-{max(spread):.2f})"
    if diff:
        cell += f" {paired.diff * 1000:+.0f} ms"
    return cell


@dataclass(frozen=True)
class PaintCase:
    name: str
    data: Path
    cols: int
    rows: int
    before: Callable[[], None] = lambda: None


def first_paint(runs: int, passes: int, pack: Pack, work: Path, big_answers: int) -> list[Row]:
    typical = workload.data_folder(work / "paint-3", pack)
    big = workload.data_folder(work / "paint-big", pack)
    many = workload.many_answers_traject(big, big_answers)
    cases = [PaintCase(f"{c}x{r}", typical, c, r) for c, r in SIZES]
    cases.append(PaintCase(f"80x24, + one {big_answers:,}-answer traject", big, 80, 24))
    cases.append(
        PaintCase(
            f"80x24, + one {big_answers:,}-answer traject, no summary sidecar",
            big,
            80,
            24,
            lambda: workload.drop_sidecar(big, many),
        )
    )
    for case in cases:  # warm: bytecode compiled, files in the OS cache
        paint_once(loopbaan(case.data, case.cols, case.rows), [LIST_SHOWN])
    paint_once(stock("empty", 80, 24), [])
    shown = {case.name: Pairs() for case in cases}
    settled = {case.name: Pairs() for case in cases}
    memory = Pairs()
    for pass_ in range(passes):
        for _ in range(runs):
            for case in cases:
                case.before()
                app = paint_once(loopbaan(case.data, case.cols, case.rows), [LIST_SHOWN])
                yard = paint_once(stock("empty", case.cols, case.rows), [])
                shown[case.name].add(app.shown, yard.shown, pass_)
                settled[case.name].add(app.settled, yard.settled, pass_)
                if case is cases[0]:
                    memory.add(app.rss_kib, yard.rss_kib, pass_)
    rows = []
    for case in cases:
        big_case = "answer" in case.name
        target = 1.3 if big_case else 1.25
        paired = shown[case.name].paired()
        rows.append(
            Row(
                f"first paint [pty]: start screen, 3 trajecten, {case.name}",
                ms(paired.app),
                ms(paired.yard),
                ratio_cell(shown[case.name]),
                f"<= {target}x",
                verdict(paired.ratio, target),
            )
        )
        if not big_case:
            done = settled[case.name].paired()
            rows.append(
                Row(
                    f"  settled (last frame before {QUIET * 1000:.0f} ms quiet), {case.name}",
                    ms(done.app),
                    ms(done.yard),
                    ratio_cell(settled[case.name]),
                    "",
                    "info",
                )
            )
    rss = memory.paired()
    rows.append(
        Row(
            "memory [pty]: peak RSS at the start screen (80x24)",
            mib(rss.app),
            mib(rss.yard),
            ratio_cell(memory),
            "<= 1.2x",
            verdict(rss.ratio, 1.2),
        )
    )
    return rows


# Step switch


FIRST_VISITS = ("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
REVISITS = ("f5", "f6", "f7", "f8", "f9")


def open_traject(terminal: Terminal) -> tuple[float, float]:
    """On the start screen: Enter, until the reflection shows; (Enter's time, the time it showed)."""
    wait_output(terminal, LIST_SHOWN.encode())
    terminal.settle(QUIET, expect=False)
    pressed = terminal.press("enter")
    if not wait_output(terminal, REFLECTION_SHOWN, since=pressed):
        raise RuntimeError(f"the reflection did not open:\n{screen_text(terminal)}")
    return pressed, terminal.chunks[-1][0]


@dataclass
class Switches:
    first: list[Span]
    again: list[Span]
    rss_kib: int


def loopbaan_switches(data: Path, cols: int, rows: int, revisit_rounds: int, headings: Sequence[str]) -> Switches:
    """One loopbaan: open the traject, wait for the other steps to mount, first visits, revisits."""
    terminal = loopbaan(data, cols, rows).start()
    keys = [*FIRST_VISITS, *REVISITS * revisit_rounds]
    starts = []
    try:
        open_traject(terminal)
        calm(terminal)
        for key in keys:
            starts.append(terminal.press(key))
            terminal.settle(QUIET)
    finally:
        terminal.stop()
    measured = spans(terminal, starts, headings)
    return Switches(measured[: len(FIRST_VISITS)], measured[len(FIRST_VISITS) :], terminal.rusage_kib)


def early_switch(data: Path, cols: int, rows: int, heading: str, delay: float = 0.05) -> Span:
    """Ctrl+N `delay` seconds after the reflection first shows (the other steps still mounting)."""
    terminal = loopbaan(data, cols, rows).start()
    try:
        _, shown = open_traject(terminal)
        terminal.read(max(0.0, shown + delay - time.perf_counter()))
        start = terminal.press("ctrl+n")
        terminal.settle(QUIET)
    finally:
        terminal.stop()
    return spans(terminal, [start], [heading])[0]


def stock_switches(count: int, cols: int, rows: int) -> list[Span]:
    terminal = stock("screens", cols, rows).start()
    starts = []
    try:
        wait_output(terminal, b"screen a")
        terminal.settle(QUIET, expect=False)
        for _ in range(count):
            starts.append(terminal.press("ctrl+n"))
            terminal.settle(QUIET)
    finally:
        terminal.stop()
    return spans(terminal, starts)


def step_switch(passes: int, revisit_rounds: int, pack: Pack, work: Path) -> list[Row]:
    data = workload.data_folder(work / "switch", pack, trajecten=1)
    cols, rows = 80, 24
    headings = [section.question for section in pack.sections[1 : 1 + len(FIRST_VISITS)]]
    first, again, early, early_shown = Pairs(), Pairs(), Pairs(), Pairs()
    shown_first: list[float] = []
    frames_first: list[int] = []
    frames_again: list[int] = []
    yard_frames: list[int] = []
    for pass_ in range(passes):
        mine = loopbaan_switches(data, cols, rows, revisit_rounds, headings)
        theirs = stock_switches(len(mine.first) + len(mine.again) + 1, cols, rows)
        for span, yard in zip(mine.first, theirs, strict=False):
            first.add(span.settled, yard.settled, pass_)
            frames_first.append(span.frames)
            shown_first.append(span.shown)
        for span, yard in zip(mine.again, theirs[len(mine.first) :], strict=False):
            again.add(span.settled, yard.settled, pass_)
            frames_again.append(span.frames)
        yard_frames += [s.frames for s in theirs]
        soon = early_switch(data, cols, rows, headings[0])
        early.add(soon.settled, mine.first[0].settled, pass_)
        early_shown.add(soon.shown, mine.first[0].shown, pass_)
    result = []
    for name, pairs, frames in (
        ("first visit (Ctrl+N)", first, frames_first),
        ("revisit (F5-F9)", again, frames_again),
    ):
        paired = pairs.paired()
        result.append(
            Row(
                f"step switch [pty], {name}: key to settled, against two empty screens",
                ms(paired.app),
                ms(paired.yard),
                ratio_cell(pairs, diff=True),
                "<= +16 ms",
                verdict(paired.diff, 0.016),
            )
        )
        result.append(
            Row(
                f"  frames drawn per switch, {name}",
                f"{median(frames):.0f} (max {max(frames)})",
                f"{median(yard_frames):.0f}",
                "",
                "1",
                verdict(median(frames), 1),
            )
        )
    result.insert(
        1,
        Row(
            "  first visit: key to the step's heading shown",
            ms(median([s for s in shown_first if s == s] or [float("nan")])),
            "",
            "",
            "",
            "info",
        ),
    )
    paired = early.paired()
    result.append(
        Row(
            "step switch [pty]: Ctrl+N 50 ms after opening, against a normal first visit to that step",
            ms(paired.app),
            ms(paired.yard),
            ratio_cell(early, diff=True),
            "a normal first visit",
            verdict(paired.ratio, 1.1),
        )
    )
    paired = early_shown.paired()
    result.append(
        Row(
            "  the same, key to the step's heading shown",
            ms(paired.app),
            ms(paired.yard),
            ratio_cell(early_shown, diff=True),
            "",
            "info",
        )
    )
    return result
