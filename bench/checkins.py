"""Check-ins at scale: opening a traject with 20 check-ins, its compare screen, and its autosave.

    .venv/bin/python bench/checkins.py            # the full run (about a minute)
    .venv/bin/python bench/checkins.py --quick    # tiny sizes, one repetition: checks that it runs
    .venv/bin/python bench/checkins.py --only autosave   # open (with the compare screen), autosave

Every figure against a yardstick measured in alternation with it, as in run.py (see bench/README.md).
Each check-in holds the same answers (every prompt of the busiest profile, as `workload.typical_traject`),
so what grows is the number of check-ins alone:

- open: Enter on the start screen until the reflection is settled (its last frame before QUIET seconds
  without one), a traject with 20 check-ins against the same with 2 (the smallest series that has
  something to compare); both apps run side by side in this event loop and take turns (in ABBA order).
- compare: Ctrl+L in that reflection until the compare screen is settled, against the same with 2.
- autosave: `Store.save` after a one-word edit, 20 check-ins against 1; and against the floor of the
  20-check-in file (`tomli_w.dumps` of the same document + write + fsync + rename).
- load (with autosave): `Store.load` by a fresh store, 20 check-ins against 1, and against reading +
  `tomllib` of the same file: the part of opening that grows with the check-ins.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("COLORTERM", "truecolor")
os.environ.setdefault("TERM", "xterm-256color")

import tomli_w
import workload
from frames import SIZE, TIMEOUT, _frozen, send_key, settle
from run import Paired, Row, alternate, floor_write, ms, table, verdict

from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.trajects.checkins import start_checkin
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.domain.trajects.traject_file import document
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.checkins import CompareScreen
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.start import StartScreen

QUIET = 0.15
"""Seconds without a new frame after which a screen counts as settled (a cursor blinks every 0.5 s)."""
FIRST = datetime(2021, 9, 1, 9, 0, tzinfo=UTC)
EVERY = timedelta(days=91)
FIGURES = ("open", "autosave")  # a check-in each quarter: 20 of them are five school years


@dataclass(frozen=True)
class Sizes:
    checkins: int = 20
    yard_checkins: int = 2
    opens: int = 20
    repeats: int = 20

    @classmethod
    def quick(cls) -> Sizes:
        return cls(checkins=3, opens=1, repeats=1)


def with_checkins(pack: Pack, count: int, traject_id: str) -> Traject:
    """The typical traject answered `count` times over, the same answers each time, a quarter apart."""
    traject = workload.typical_traject(pack, traject_id)
    traject.created = traject.updated = traject.current.date = FIRST
    traject.current.pack_id, traject.current.pack_version = pack.info.id, pack.info.version
    for n in range(1, count):
        start_checkin(traject, FIRST + n * EVERY)
    return traject


# Open and compare: frames, in this process


class Frames:
    """Hooks `App._display` and keeps the time of every frame (turned into terminal output, as
    frames.FrameClock does: a real terminal pays for it)."""

    def __init__(self, app: LoopbaanApp) -> None:
        from textual._compositor import CompositorUpdate

        self.times: list[float] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            self.times.append(time.perf_counter())

        app._display = display  # type: ignore[method-assign]

    async def settled(self, act: Any, done: Any) -> float:
        """Seconds from `act()` to the last frame before QUIET seconds without one, once `done()` holds."""
        start = time.perf_counter()
        self.times.clear()
        act()
        while time.perf_counter() - start < TIMEOUT:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            if self.times and done() and now - self.times[-1] >= QUIET:
                return self.times[-1] - start
        raise RuntimeError("the screen did not settle")


@dataclass
class Opening:
    opens: list[float] = field(default_factory=list)
    compares: list[float] = field(default_factory=list)


class _Opener:
    """One app on a data folder holding one traject: opens it, shows the compare screen, goes back."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.app: LoopbaanApp = pilot.app
        self.frames = Frames(self.app)

    def _reflection_ready(self) -> bool:
        screen = self.app.screen
        return isinstance(screen, ReflectionScreen) and bool(screen.query(".step")) and screen.focused is not None

    def _compare_ready(self) -> bool:
        return isinstance(self.app.screen, CompareScreen)

    async def round(self, result: Opening) -> None:
        app = self.app
        # what the other app left behind (its traject, its screens) is not collected in this one's turn:
        # without this, whichever app went second measured 50-100 ms slower
        gc.collect()
        await settle(self.pilot)
        result.opens.append(await self.frames.settled(lambda: send_key(app, "enter"), self._reflection_ready))
        result.compares.append(await self.frames.settled(lambda: send_key(app, "ctrl+l"), self._compare_ready))
        await self.frames.settled(lambda: send_key(app, "escape"), lambda: isinstance(app.screen, ReflectionScreen))
        await self.frames.settled(lambda: send_key(app, "escape"), lambda: isinstance(app.screen, StartScreen))
        await settle(self.pilot)


async def open_both(pack: Pack, work: Path, sizes: Sizes) -> tuple[Opening, Opening]:
    """Open (and compare) the traject with many check-ins and the yardstick's, turn by turn."""
    apps = []
    for count in (sizes.checkins, sizes.yard_checkins):
        store = Store(work / f"open-{count}")
        store.save(with_checkins(pack, count, f"checkins-{count}"))
        # no mounting of the other steps ahead: that runs after the first step is shown, in the
        # background, and would keep the screen from settling
        apps.append(LoopbaanApp(pack=pack, store=store, mount_ahead_pause=None))
    many, few = Opening(), Opening()
    async with apps[0].run_test(size=SIZE) as many_pilot, apps[1].run_test(size=SIZE) as few_pilot, _frozen():
        openers = []
        for pilot in (many_pilot, few_pilot):
            await pilot.pause()
            await settle(pilot)
            openers.append(_Opener(pilot))
        for opener in openers:
            await opener.round(Opening())  # warm: the first open imports the reflection's modules
        turns = list(zip(openers, (many, few), strict=True))
        for n in range(sizes.opens):
            for opener, result in turns if n % 2 == 0 else turns[::-1]:  # ABBA: neither always goes first
                await opener.round(result)
    return many, few


def open_and_compare(sizes: Sizes, pack: Pack, work: Path) -> list[Row]:
    many, few = asyncio.run(open_both(pack, work, sizes))
    opened = Paired.of(many.opens, few.opens)
    compared = Paired.of(many.compares, few.compares)
    against = f"against {sizes.yard_checkins}"
    return [
        Row(
            f"open: Enter to the reflection settled, {sizes.checkins} check-ins {against}",
            ms(opened.app),
            ms(opened.yard),
            f"{opened.ratio:.2f}x ({opened.diff * 1000:+.1f} ms)",
            "<= 100 ms",
            verdict(opened.app, 0.100),
        ),
        Row(
            f"compare: Ctrl+L to the compare screen settled, {sizes.checkins} check-ins {against}",
            ms(compared.app),
            ms(compared.yard),
            f"{compared.ratio:.2f}x ({compared.diff * 1000:+.1f} ms)",
            "<= 100 ms",
            verdict(compared.app, 0.100),
        ),
    ]


# Autosave: in this process


def autosave(sizes: Sizes, pack: Pack, work: Path) -> list[Row]:
    many = with_checkins(pack, sizes.checkins, "save-many")
    one = with_checkins(pack, 1, "save-one")
    saves = {t.id: _saver(t, work / t.id) for t in (many, one)}
    floor = _floor(many, work / "floor")
    for timed in (*saves.values(), floor):
        timed()  # warm: the first save of a session also reads the folder
    growth = alternate(saves[many.id], saves[one.id], sizes.repeats)
    against_floor = alternate(saves[many.id], floor, sizes.repeats)
    sizes_of = [Store(work / t.id).path_of(t.id).stat().st_size for t in (many, one)]
    size_ratio = sizes_of[0] / sizes_of[1]
    loads = [_loader(t, work / t.id) for t in (many, one)]
    load_growth = alternate(loads[0], loads[1], sizes.repeats)
    load_floor = alternate(loads[0], _parse_floor(many, work / many.id), sizes.repeats)
    return [
        Row(
            f"autosave: Store.save, {sizes.checkins} check-ins against 1 (the same answers)",
            ms(growth.app),
            ms(growth.yard),
            f"{growth.ratio:.2f}x",
            f"<= {size_ratio:.2f}x (file size)",
            verdict(growth.ratio, size_ratio),
        ),
        Row(
            f"  file size, {sizes.checkins} check-ins against 1",
            f"{sizes_of[0] / 1024:.1f} KiB",
            f"{sizes_of[1] / 1024:.1f} KiB",
            f"{size_ratio:.2f}x",
            "",
            "info",
        ),
        Row(
            f"  Store.save, {sizes.checkins} check-ins, against writing the same file",
            ms(against_floor.app),
            ms(against_floor.yard),
            f"{against_floor.ratio:.2f}x",
            "<= 1.2x",
            verdict(against_floor.ratio, 1.2),
        ),
        Row(
            f"load: Store.load (what opening reads, on a thread), {sizes.checkins} check-ins against 1",
            ms(load_growth.app),
            ms(load_growth.yard),
            f"{load_growth.ratio:.2f}x ({load_growth.diff * 1000:+.1f} ms)",
            "",
            "info",
        ),
        Row(
            f"  Store.load, {sizes.checkins} check-ins, against tomllib parsing the same file",
            ms(load_floor.app),
            ms(load_floor.yard),
            f"{load_floor.ratio:.2f}x",
            "",
            "info",
        ),
    ]


def _loader(traject: Traject, folder: Path) -> Any:
    """Store.load by a fresh store, as a new process opens the traject."""

    def timed() -> float:
        start = time.perf_counter()
        Store(folder).load(traject.id)
        return time.perf_counter() - start

    return timed


def _parse_floor(traject: Traject, folder: Path) -> Any:
    """Reading the same file and parsing it with tomllib, nothing else."""
    path = Store(folder).path_of(traject.id)

    def timed() -> float:
        start = time.perf_counter()
        tomllib.loads(path.read_bytes().decode("utf-8"))
        return time.perf_counter() - start

    return timed


def _edited(traject: Traject) -> tuple[str, str]:
    prompt_id = next(k for k, v in traject.answers.items() if isinstance(v, str))
    return prompt_id, str(traject.answers[prompt_id])


def _saver(traject: Traject, folder: Path) -> Any:
    """Store.save after an edit, as the app does (every save follows one: an answer grows by a word)."""
    store = Store(folder)
    store.save(traject)
    prompt_id, original = _edited(traject)
    edits = iter(range(10**9))

    def timed() -> float:
        traject.set_answer(prompt_id, f"{original} woord{next(edits)}")
        start = time.perf_counter()
        store.save(traject)
        return time.perf_counter() - start

    return timed


def _floor(traject: Traject, folder: Path) -> Any:
    """tomli_w.dumps of the same document + write + fsync + rename: what any safe save of it costs."""
    folder.mkdir(parents=True, exist_ok=True)
    data = document(traject, None, lenient=False)
    prompt_id, original = _edited(traject)
    edits = iter(range(10**9))

    def timed() -> float:
        data["checkin"][-1]["answers"][prompt_id] = f"{original} woord{next(edits)}"
        start = time.perf_counter()
        floor_write(folder, tomli_w.dumps(data, multiline_strings=True).encode("utf-8"))
        return time.perf_counter() - start

    return timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="loopbaan's check-ins at scale (see bench/README.md)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition (for the test)")
    parser.add_argument("--only", default=",".join(FIGURES), help=f"comma-separated, of: {', '.join(FIGURES)}")
    args = parser.parse_args(argv)
    sizes = Sizes.quick() if args.quick else Sizes()
    only = set(args.only.split(","))
    if unknown := only - set(FIGURES):
        parser.error(f"unknown figure(s): {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    pack = workload.builtin_pack()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="loopbaan-bench-") as temp:
        if "open" in only:  # open includes the compare screen
            rows += open_and_compare(sizes, pack, Path(temp))
        if "autosave" in only:
            rows += autosave(sizes, pack, Path(temp))
    print(table(rows))
    print(
        f"\n{len(rows)} rows in {time.perf_counter() - started:.0f} s; python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores; {'--quick: sizes too small to mean anything' if args.quick else 'full run'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
