"""Step switches, opening a traject and its compare screen, and memory: as a person sees them.

Each in its own pseudo-terminal (seen.py, terminal.py), loopbaan through its real entry point:

- step switch: a key to the last frame of the switch (settled), first visits (Ctrl+N, once the other
  steps are mounted) and revisits (F5-F9), against Ctrl+N switching two empty screens of a stock app
  in its own terminal, in turns; the visible frames drawn per switch; and Ctrl+N 50 ms after the
  reflection first shows (the other steps still mounting) against a normal first visit to that step.
- memory: peak RSS of that loopbaan once every step was visited (it ends with Ctrl+Q), against the
  empty app; the widget count comes from a headless run (child.py session), its floor is as many
  plain Statics in a stock app.
- open: Enter on the start screen until the reflection shows (its rail) and settles, a traject with
  20 check-ins against one with 2; then Ctrl+L until the compare screen shows and settles.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import workload
from rows import Row, mib, ms, verdict
from seen import (
    HERE,
    LIST_SHOWN,
    QUIET,
    STEP_ONE,
    Pairs,
    Span,
    anywhere,
    calm,
    content_shows,
    loopbaan,
    open_traject,
    paint_once,
    ratio_cell,
    spans,
    stock,
    ui_word,
)

from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.trajects.storage import Store

# Step switch


FIRST_VISITS = ("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
REVISITS = ("f5", "f6", "f7", "f8", "f9")


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
        for n, key in enumerate(keys):
            starts.append(terminal.press(key))
            heading = headings[n] if n < len(headings) else ""
            if heading:
                terminal.until_screen(lambda screen, h=heading: content_shows(screen, h))
            else:
                terminal.until_changed()
            terminal.settle(QUIET, expect=False)
        starts.append(terminal.press("ctrl+n"))  # from the last step (F9) to the roadmap step: seen too
        terminal.until_changed()
        terminal.settle(QUIET, expect=False)
    finally:
        terminal.stop()
    measured = spans(terminal, starts, headings)[:-1]
    return Switches(measured[: len(FIRST_VISITS)], measured[len(FIRST_VISITS) :], terminal.rusage_kib)


def early_switch(data: Path, cols: int, rows: int, heading: str, delay: float = 0.05) -> Span:
    """Ctrl+N `delay` seconds after the reflection first shows (the other steps still mounting)."""
    terminal = loopbaan(data, cols, rows).start()
    try:
        _, shown = open_traject(terminal)
        terminal.read(max(0.0, shown + delay - time.perf_counter()))
        start = terminal.press("ctrl+n")
        terminal.until_screen(lambda screen: content_shows(screen, heading))
        terminal.settle(QUIET, expect=False)
    finally:
        terminal.stop()
    return spans(terminal, [start], [heading])[0]


def stock_switches(count: int, cols: int, rows: int) -> list[Span]:
    terminal = stock("screens", cols, rows).start()
    starts = []
    try:
        terminal.until_screen(lambda screen: screen.shows("screen a"))
        terminal.settle(QUIET, expect=False)
        for n in range(count):
            starts.append(terminal.press("ctrl+n"))
            terminal.until_screen(lambda screen, name="ba"[n % 2]: screen.shows(f"screen {name}"))
            terminal.settle(QUIET, expect=False)
    finally:
        terminal.stop()
    return spans(terminal, starts)


def widget_count(data: Path) -> int:
    """The widgets of the reflection once every step was visited (headless, in child.py)."""
    done = subprocess.run(
        [sys.executable, str(HERE / "child.py"), "session", "app", str(data)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return int(done.stdout.split()[-1])


def step_switch(passes: int, revisit_rounds: int, pack: Pack, work: Path) -> list[Row]:
    data = workload.data_folder(work / "switch", pack, trajecten=1)
    cols, rows = 80, 24
    headings = [section.question for section in pack.sections[1 : 1 + len(FIRST_VISITS)]]
    first, again, early, early_shown = Pairs(), Pairs(), Pairs(), Pairs()
    shown_first: list[float] = []
    frames_first: list[int] = []
    frames_again: list[int] = []
    yard_frames: list[int] = []
    memory, floor = Pairs(), Pairs()
    count = widget_count(data)
    for pass_ in range(passes):
        mine = loopbaan_switches(data, cols, rows, revisit_rounds, headings)
        empty = paint_once(stock("empty", cols, rows), []).rss_kib
        memory.add(mine.rss_kib, empty, pass_)
        if not pass_:  # memory hardly varies between runs
            floor.add(paint_once(stock("statics", cols, rows, str(count)), []).rss_kib, empty, pass_)
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
    paired = memory.paired()
    result.append(
        Row(
            f"memory [pty]: peak RSS, a traject open, every step visited ({count} widgets)",
            mib(paired.app),
            mib(paired.yard),
            ratio_cell(memory),
            "<= 1.2x",
            verdict(paired.ratio, 1.2),
        )
    )
    paired = floor.paired()
    result.append(
        Row(
            f"  floor: {count} plain Static widgets in a stock app",
            mib(paired.app),
            mib(paired.yard),
            ratio_cell(floor),
            "floor",
            "info",
        )
    )
    return result


# Opening a traject, and its compare screen


@dataclass
class Opened:
    open: Span
    compare: Span


def open_and_compare(data: Path, cols: int, rows: int) -> Opened:
    """Enter on the start screen until the reflection settles; then (steps mounted) Ctrl+L."""
    terminal = loopbaan(data, cols, rows).start()
    try:
        pressed, _ = open_traject(terminal)
        calm(terminal)
        compared = terminal.press("ctrl+l")
        terminal.until_screen(lambda screen: screen.shows(ui_word("compare_title")))
        terminal.settle(QUIET, expect=False)
    finally:
        terminal.stop()
    markers = [STEP_ONE, ui_word("compare_title")]
    opened, compare = spans(terminal, [pressed, compared], markers, anywhere)
    return Opened(opened, compare)


def opening(passes: int, checkins: int, pack: Pack, work: Path) -> list[Row]:
    folders = {}
    for count in (2, checkins):
        folder = work / f"open-{count}"

        traject = workload.with_checkins(pack, count, f"checkins-{count}")
        traject.name = LIST_SHOWN
        Store(folder).save(traject)
        folders[count] = folder
    cols, rows = 80, 24
    results: dict[int, list[Opened]] = {2: [], checkins: []}
    pass_of: list[int] = []
    for pass_ in range(passes):
        for count in (checkins, 2) if pass_ % 2 else (2, checkins):
            results[count].append(open_and_compare(folders[count], cols, rows))
        pass_of.append(pass_)
    result = []
    for what, name in (("open", "open a traject [pty]: Enter to"), ("compare", "compare [pty]: Ctrl+L to")):
        for measure in ("shown", "settled", "last"):
            pairs = Pairs()
            for pass_, (many, two) in enumerate(zip(results[checkins], results[2], strict=True)):
                pairs.add(getattr(getattr(many, what), measure), getattr(getattr(two, what), measure), pass_)
            paired = pairs.paired()
            frames = [getattr(o, what).frames for o in results[checkins] + results[2]]
            settled = measure == "settled"
            label = "its last visible change" if measure == "last" else measure
            result.append(
                Row(
                    f"{name} {label}, {checkins} check-ins against 2"
                    + (f" ({median(frames):.0f} frames)" if settled else ""),
                    ms(paired.app),
                    ms(paired.yard),
                    ratio_cell(pairs, diff=True),
                    "<= 100 ms" if settled else "",
                    verdict(max(paired.app, paired.yard), 0.100) if settled else "info",
                )
            )
    return result
