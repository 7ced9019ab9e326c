"""Check-ins at scale: opening a traject with 20 check-ins, its compare screen, and its autosave.

    .venv/bin/python bench/checkins.py            # the full run (about a minute)
    .venv/bin/python bench/checkins.py --quick    # tiny sizes, one repetition: checks that it runs
    .venv/bin/python bench/checkins.py --only autosave   # open (with the compare screen), autosave

Every figure against a yardstick measured in alternation with it, as in run.py (see bench/README.md).
Each check-in holds the same answers (every prompt of the busiest profile, as `workload.typical_traject`),
so what grows is the number of check-ins alone:

- open (the same figure as `run.py --only open`): in a pseudo-terminal (steps.py), Enter on the start
  screen until the reflection shows and settles, a traject with 20 check-ins against the same with 2
  (the smallest series that has something to compare), each in its own process, in turns; then
  Ctrl+L until the compare screen shows and settles.
- autosave: `Store.save` after a one-word edit, 20 check-ins against 1; and against the floor of the
  20-check-in file (`tomli_w.dumps` of the same document + write + fsync + rename).
- load (with autosave): `Store.load` by a fresh store, 20 check-ins against 1, and against reading +
  `tomllib` of the same file: the part of opening that grows with the check-ins.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("COLORTERM", "truecolor")
os.environ.setdefault("TERM", "xterm-256color")

import steps
import tomli_w
import workload
from run import Row, alternate, floor_write, ms, run_line, table, verdict
from workload import with_checkins

from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.domain.trajects.traject_file import document

FIGURES = ("open", "autosave")  # a check-in each quarter: 20 of them are five school years


@dataclass(frozen=True)
class Sizes:
    checkins: int = 20
    passes: int = 3
    repeats: int = 20

    @classmethod
    def quick(cls) -> Sizes:
        return cls(checkins=3, passes=1, repeats=1)


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
        if "open" in only:  # open includes the compare screen; timed in a pseudo-terminal (steps.py)
            rows += steps.opening(sizes.passes, sizes.checkins, pack, Path(temp))
        if "autosave" in only:
            rows += autosave(sizes, pack, Path(temp))
    print(table(rows))
    print(f"\n{run_line(len(rows), started, args.quick)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
