"""What a person sees: loopbaan and its yardstick, each in its own process and pseudo-terminal.

Every figure here is timed from outside, on what the terminal receives (terminal.py): loopbaan through
its real entry point (`loopbaan`, the console script of the Python running this, which imports the
`loopbaan_tui` found first on PYTHONPATH), the yardsticks stock Textual apps (stock.py). App and
yardstick alternate, and each row is the median of the per-pair ratios (or differences).

- first paint: spawn to the first frame that shows the start screen's list; the empty app: to its
  first frame. The process is killed then; its peak RSS is the memory at the start screen.
- step switch: a key to the last frame of the switch (settled), first visits (Ctrl+N) and revisits
  (F5-F9), against Ctrl+N switching two empty screens of a stock app; and the frames drawn per switch.
  Only visible frames count: not a cursor blink, nor a frame that writes the same cells again.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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
STEP_ONE = "Kwaliteitenreflectie"
"""The first step's name, in the reflection's rail (the start screen shows no step names)."""
BIG_CHUNK = 400
"""Output larger than this is more than a cursor blink (which redraws its line: ~200-250 bytes)."""


def is_blink(frame: Frame, screen: Screen) -> bool:
    """A cursor blink: a small frame that changes one cell's style (the cursor's), no character."""
    return screen.changed <= 1 and len(frame.data) < BIG_CHUNK


def unseen(frame: Frame, screen: Screen) -> bool:
    """A frame a person cannot see: a cursor blink, or the same cells written again."""
    return screen.changed == 0 or is_blink(frame, screen)


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
    """Seconds to the first frame after which the screen shows the expected marker."""
    last: float = float("nan")
    """Seconds to the last visible frame before the next start (the screen may change again after a
    pause longer than QUIET: on a loaded machine, or when work goes on in the background)."""


RAIL = 28
"""Columns of the step rail at 80x24 (the content area starts to its right)."""


def content_shows(screen: Screen, text: str) -> bool:
    return any(text in line[RAIL:] for line in screen.text().split("\n"))


def spans(
    terminal: Terminal,
    starts: Sequence[float],
    markers: Sequence[str] = (),
    where: Callable[[Screen, str], bool] = content_shows,
) -> list[Span]:
    """For each start time, the burst of visible frames it caused: from the first frame after it to
    the last before QUIET seconds without a visible one (and before the next start), and at least
    to the frame that shows its marker. Cursor blinks and frames that change no cell are not
    counted. One replay for all.

    With `markers` (one per start), also when the screen first showed it (`where`: the content area)."""
    drawn: list[tuple[Frame, bool]] = []
    index = 0
    for frame, screen in replay(terminal.frames(), terminal.cols, terminal.rows):
        if unseen(frame, screen):
            continue
        while index + 1 < len(starts) and frame.at >= starts[index + 1]:
            index += 1
        marker = markers[index] if index < len(markers) and frame.at >= starts[index] else ""
        drawn.append((frame, bool(marker) and where(screen, marker)))
    result = []
    ends = [*starts[1:], float("inf")]
    for start, end in zip(starts, ends, strict=True):
        mine = [(f, ok) for f, ok in drawn if start <= f.at < end]
        if not mine:
            result.append(Span(float("nan"), float("nan"), 0))
            continue
        seen_at = next((i for i, (_, ok) in enumerate(mine) if ok), 0)
        burst = [f for f, _ in mine[: seen_at + 1]]  # the switch lasts at least until it shows
        for frame, _ in mine[seen_at + 1 :]:
            if frame.at - burst[-1].at >= QUIET:
                break
            burst.append(frame)
        shown = next((f.at - start for f, ok in mine if ok), float("nan"))
        result.append(Span(burst[0].at - start, burst[-1].at - start, len(burst), shown, mine[-1][0].at - start))
    return result


def anywhere(screen: Screen, text: str) -> bool:
    return screen.shows(text)


def ui_word(key: str) -> str:
    """A word of the built-in Dutch pack's ui.toml (the app's language here)."""
    import tomllib

    from loopbaan_tui.domain.content.builtin import pack_folder

    words = tomllib.loads((pack_folder("nl") / "ui.toml").read_text(encoding="utf-8-sig"))
    return str(words[key])


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
    rss_kib: int


def paint_once(terminal: Terminal, words: Sequence[str]) -> Paint:
    """Start, read until the screen shows `words` (any frame if none), then kill."""
    terminal.start()
    try:
        if words:
            terminal.until_screen(lambda screen: screen.shows(*words), timeout=30)
        else:
            wait_output(terminal, None)
    finally:
        terminal.stop(key=None)
    shown = shown_at(terminal, *words) if words else terminal.frames()[0].at - terminal.started
    return Paint(shown, terminal.rusage_kib)


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
    for case in cases[1:3]:  # warm: bytecode compiled, files in the OS cache
        paint_once(loopbaan(case.data, case.cols, case.rows), [LIST_SHOWN])
    paint_once(stock("empty", 80, 24), [])
    shown = {case.name: Pairs() for case in cases}
    memory = Pairs()
    for pass_ in range(passes):
        for run in range(runs):
            for case in cases:
                if run and case is not cases[0]:
                    continue  # one pair a pass, the first case two
                case.before()
                app = paint_once(loopbaan(case.data, case.cols, case.rows), [LIST_SHOWN])
                yard = paint_once(stock("empty", case.cols, case.rows), [])
                shown[case.name].add(app.shown, yard.shown, pass_)
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


def open_traject(terminal: Terminal) -> tuple[float, float]:
    """On the start screen: Enter, until the reflection shows; (Enter's time, the time it showed)."""
    if not wait_output(terminal, LIST_SHOWN.encode()):
        raise RuntimeError(f"the start screen did not list {LIST_SHOWN!r}:\n{screen_text(terminal)}")
    terminal.settle(QUIET, expect=False)
    pressed = terminal.press("enter")
    if not terminal.until_screen(lambda screen: screen.shows(STEP_ONE), timeout=30):
        raise RuntimeError(f"the reflection did not open:\n{screen_text(terminal)}")
    return pressed, terminal.chunks[-1][0]
