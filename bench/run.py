"""loopbaan's benchmarks: every figure against a yardstick measured in the same run.

    make bench                      # the full run (about three minutes)
    make bench ARGS="--quick"       # tiny sizes, one repetition: checks that everything runs
    make bench ARGS="--only keystroke,autosave"

Absolute times on a shared 2-core machine move 1.3-1.5x between runs; the ratio of the app to
a yardstick measured in alternation with it (A B A B ..., median of the per-pair ratios) holds
to a few percent. So every row prints the app's median, the yardstick's median and that ratio.
Rows marked "floor" measure what Textual itself needs for the same thing, without loopbaan's
code: where a target is out of reach, they show why. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import median

# A fixed colour depth, so that frames cost the same whatever terminal `make bench` runs in.
os.environ.setdefault("COLORTERM", "truecolor")
os.environ.setdefault("TERM", "xterm-256color")

import tomli_w
import workload

from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.roadmap.export import render, write_new_file
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject

HERE = Path(__file__).resolve().parent
CHILD = HERE / "child.py"
FIGURES = ("paint", "keystroke", "switch", "autosave", "export", "content")


@dataclass(frozen=True)
class Sizes:
    """How much work each figure does: the full run, or `--quick` (tiny, one repetition)."""

    paint_runs: int = 20
    session_runs: int = 5
    keys: int = 128
    key_words: tuple[int, ...] = (1000, 10000)
    switch_rounds: int = 5
    revisits: int = 10
    repeats: int = 20
    long_answers: int = 100
    long_words: int = 1000
    export_growth: tuple[int, ...] = (25, 50, 100, 200)
    content_growth: tuple[int, ...] = (250, 500, 1000)

    @classmethod
    def quick(cls) -> Sizes:
        return cls(
            paint_runs=1,
            session_runs=1,
            keys=3,
            key_words=(50, 200),
            switch_rounds=1,
            revisits=2,
            repeats=1,
            long_answers=4,
            long_words=50,
            export_growth=(2, 4),
            content_growth=(10, 20),
        )


@dataclass
class Row:
    """One line of the table."""

    figure: str
    app: str
    yardstick: str
    ratio: str
    target: str
    verdict: str


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


@dataclass(frozen=True)
class Paired:
    """Medians of app and yardstick, and the medians of the per-pair ratios and differences."""

    app: float
    yard: float
    ratio: float
    diff: float

    @classmethod
    def of(cls, app: list[float], yard: list[float]) -> Paired:
        ratios = [a / y for a, y in zip(app, yard, strict=True)]
        diffs = [a - y for a, y in zip(app, yard, strict=True)]
        return cls(median(app), median(yard), median(ratios), median(diffs))


def alternate(app: Callable[[], float], yard: Callable[[], float], n: int) -> Paired:
    """Run app, yardstick, app, yardstick ... n pairs; each callable returns its own measurement."""
    apps, yards = [], []
    for _ in range(n):
        apps.append(app())
        yards.append(yard())
    return Paired.of(apps, yards)


def verdict(value: float, limit: float) -> str:
    return "ok" if value <= limit else "MISSED"


def linear(name: str, sizes: Iterable[int], seconds: list[float], ratios: list[float], unit: str) -> Row:
    """Linear when the cost per unit does not grow with the size (it may shrink: fixed costs spread)."""
    sizes = list(sizes)
    per_unit = [s / n for s, n in zip(seconds, sizes, strict=True)]
    growth = per_unit[-1] / per_unit[0]  # a size 8x larger: quadratic growth would show as ~8
    cells = " · ".join(f"{n:,}: {ms(s)}" for n, s in zip(sizes, seconds, strict=True))
    return Row(
        name,
        cells,
        f"per {unit}: {per_unit[0] * 1000:.3f} -> {per_unit[-1] * 1000:.3f} ms",
        " / ".join(f"{r:.2f}x" for r in ratios),
        "linear",
        f"{'linear' if growth <= 1.5 else 'NOT LINEAR'} (per-{unit} cost x{growth:.2f})",
    )


# First paint and memory: whole processes


CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""An installed app runs from compiled bytecode (pip compiles it on install), and so does Textual
here; a machine that switches the cache off would measure compiling loopbaan's sources instead."""


def spawn(*args: str) -> tuple[float, int, str]:
    """Seconds from start to exit of `python bench/child.py ARGS`, its peak RSS in KiB, its output."""
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(CHILD), *args], stdin=subprocess.DEVNULL, stdout=output, stderr=errors, env=CHILD_ENV
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            errors.seek(0)
            raise RuntimeError(f"child.py {' '.join(args)} failed:\n{errors.read().decode(errors='replace')}")
        output.seek(0)
        printed = output.read().decode(errors="replace")
    # ru_maxrss is in KiB on Linux (bytes on macOS)
    return seconds, usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss, printed


def paint_and_memory(sizes: Sizes, data: Path) -> list[Row]:
    for warm in (("paint", "app", str(data)), ("paint", "empty"), ("paint", "layout"))[: sizes.paint_runs - 1]:
        spawn(*warm)  # bytecode compiled, files in the OS cache (not worth it for --quick)
    apps, empties, layouts = [], [], []
    for _ in range(sizes.paint_runs):
        apps.append(spawn("paint", "app", str(data)))
        empties.append(spawn("paint", "empty"))
        layouts.append(spawn("paint", "layout"))
    paint = Paired.of([a[0] for a in apps], [e[0] for e in empties])
    floor = Paired.of([f[0] for f in layouts], [e[0] for e in empties])
    over_floor = Paired.of([a[0] for a in apps], [f[0] for f in layouts])
    memory = Paired.of([float(a[1]) for a in apps], [float(e[1]) for e in empties])
    sessions, session_empties, stock, stock_empties = [], [], [], []
    count = 0
    for _ in range(sizes.session_runs):
        _, rss, printed = spawn("session", "app", str(data))
        count = int(printed.split()[-1])
        sessions.append(float(rss))
        session_empties.append(float(spawn("paint", "empty")[1]))
        stock.append(float(spawn("widgets", "empty", str(count))[1]))
        stock_empties.append(float(spawn("paint", "empty")[1]))
    session = Paired.of(sessions, session_empties)
    widgets = Paired.of(stock, stock_empties)
    return [
        Row(
            "first paint: start screen, 3 trajecten (whole process)",
            ms(paint.app),
            ms(paint.yard),
            f"{paint.ratio:.2f}x",
            "<= 1.25x",
            verdict(paint.ratio, 1.25),
        ),
        Row(
            "  floor: the same widgets and style sheet, stock Textual, no loopbaan code",
            ms(floor.app),
            ms(floor.yard),
            f"{floor.ratio:.2f}x",
            "floor",
            "info",
        ),
        Row(
            "  loopbaan against that floor",
            ms(over_floor.app),
            ms(over_floor.yard),
            f"{over_floor.ratio:.2f}x",
            "",
            "info",
        ),
        Row(
            "memory: peak RSS at the start screen",
            mib(memory.app),
            mib(memory.yard),
            f"{memory.ratio:.2f}x",
            "<= 1.2x",
            verdict(memory.ratio, 1.2),
        ),
        Row(
            f"memory: a traject open, every step visited ({count} widgets)",
            mib(session.app),
            mib(session.yard),
            f"{session.ratio:.2f}x",
            "<= 1.2x",
            verdict(session.ratio, 1.2),
        ),
        Row(
            f"  floor: {count} plain Static widgets in an empty app",
            mib(widgets.app),
            mib(widgets.yard),
            f"{widgets.ratio:.2f}x",
            "floor",
            "info",
        ),
    ]


# Keystroke and step switch: frames, in this process


def keystroke(sizes: Sizes, pack: Pack, work: Path) -> list[Row]:
    import frames

    rows = []
    prompt_id = frames.first_long_text(pack, workload.busiest_profile(pack))
    burst = frames.Typing()
    for words in sizes.key_words:
        traject = workload.typical_traject(pack)
        traject.set_answer(prompt_id, workload.prose(words, seed=words))
        typed = asyncio.run(frames.type_both(pack, work / f"keys-{words}", traject, prompt_id, sizes.keys))
        result = Paired.of(typed.keys, typed.bare)
        rows.append(
            Row(
                f"keystroke: {words:,} words in a long answer, key to frame",
                ms(result.app),
                ms(result.yard),
                f"{result.ratio:.2f}x",
                "<= 1.1x",
                verdict(result.ratio, 1.1),
            )
        )
        burst.keys += typed.keys
        burst.saves += typed.saves
        burst.saves_on_ui_thread += typed.saves_on_ui_thread
        burst.seconds += typed.seconds
    rows.append(
        Row(
            f"autosave while typing: {len(burst.keys)} keys in {burst.seconds:.1f} s",
            f"{burst.saves} saves",
            "",
            "",
            "0 on the UI thread",
            "ok" if burst.saves_on_ui_thread == 0 and burst.saves < len(burst.keys) else "MISSED",
        )
    )
    # Right after opening, the app mounts the other steps; keys typed then wait for it.
    early = asyncio.run(
        frames.type_both(
            pack, work / "keys-early", workload.typical_traject(pack), prompt_id, max(2, sizes.keys // 4), at_once=True
        )
    )
    rows.append(
        Row(
            "  keys typed at once after opening (other steps still mounting)",
            ms(median(early.keys)),
            "",
            f"worst {ms(max(early.keys))}",
            "",
            "info",
        )
    )
    return rows


def step_switch(sizes: Sizes, pack: Pack, work: Path) -> list[Row]:
    import frames

    runs = [
        asyncio.run(frames.switch_all(pack, work / f"switch-{round_}", workload.typical_traject(pack), sizes.revisits))
        for round_ in range(sizes.switch_rounds)
    ]

    def pooled(name: str) -> list[float]:
        return [seconds for run in runs for seconds in getattr(run, name)]

    rows = []
    for key, empty, name in (
        ("first", "empty_first", "step switch, first visit: key to frame with every prompt"),
        ("again", "empty_again", "step switch, revisit: key to frame with every prompt"),
        ("bare_first", "empty_first", "  floor, first show: the step shown by Textual alone"),
        ("bare_again", "empty_again", "  floor, show again: the step shown by Textual alone"),
    ):
        result = Paired.of(pooled(key), pooled(empty))
        floor = key.startswith("bare")
        rows.append(
            Row(
                name,
                ms(result.app),
                ms(result.yard),
                f"{result.ratio:.2f}x ({result.diff * 1000:+.1f} ms)",
                "floor" if floor else "<= +16 ms",
                "info" if floor else verdict(result.diff, 0.016),
            )
        )
    rows.append(
        Row(
            "  all steps mounted after opening (in the background, after the first)",
            ms(median(run.ready for run in runs)),
            "",
            "",
            "",
            "info",
        )
    )
    return rows


# Autosave and export: in this process, against the floor of writing the same bytes


def floor_write(folder: Path, data: bytes) -> None:
    """What any safe save costs at least: write, fsync, rename."""
    temp = folder / ".floor.tmp"
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, folder / "floor.toml")


def file_data(traject: Traject) -> dict[str, object]:
    """The traject as the plain TOML document the file holds."""
    return {
        "schema": 1,
        "private": sorted(traject.private),
        "traject": {
            "id": traject.id,
            "name": traject.name,
            "profile": traject.profile,
            "pack": traject.pack,
            "created": traject.created,
            "updated": traject.updated,
        },
        "answers": traject.answers,
    }


def autosave(sizes: Sizes, cases: list[tuple[str, Traject]], work: Path) -> list[Row]:
    rows = []
    for name, traject in cases:
        result, snapshot = _autosave_case(sizes, traject, work / f"save-{traject.id}")
        rows.append(
            Row(
                f"autosave: Store.save, {name}",
                ms(result.app),
                ms(result.yard),
                f"{result.ratio:.2f}x",
                "<= 1.2x",
                verdict(result.ratio, 1.2),
            )
        )
        rows.append(
            Row(
                f"  its part on the UI thread (the snapshot), {name}",
                ms(snapshot),
                "",
                "",
                "< 1 frame",
                verdict(snapshot, 0.016),
            )
        )
    return rows


def _autosave_case(sizes: Sizes, traject: Traject, folder: Path) -> tuple[Paired, float]:
    store = Store(folder)
    store.save(traject)
    edited = next(k for k, v in traject.answers.items() if isinstance(v, str))
    original = traject.answers[edited]
    edits = iter(range(10**9))

    def edit() -> None:
        # every save follows an edit, as in the app: one answer grows by a word
        traject.set_answer(edited, f"{original} woord{next(edits)}")

    def app() -> float:
        edit()
        start = time.perf_counter()
        store.save(traject)
        return time.perf_counter() - start

    def floor() -> float:
        edit()
        start = time.perf_counter()
        floor_write(folder, tomli_w.dumps(file_data(traject), multiline_strings=True).encode("utf-8"))
        return time.perf_counter() - start

    def snapshot() -> float:
        # what Session.save_soon does on the UI thread before the save runs on its own
        start = time.perf_counter()
        copy.deepcopy(traject)
        return time.perf_counter() - start

    app()  # warm: the first save of a session also reads the folder
    return alternate(app, floor, sizes.repeats), median(snapshot() for _ in range(sizes.repeats))


def export(sizes: Sizes, cases: list[tuple[str, Pack, Traject]], long_pack: Pack, work: Path) -> list[Row]:
    folder = work / "export"
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for fmt in ("md", "html"):
        for name, pack, traject in cases:
            result = _export_pair(sizes, folder, fmt, pack, traject)
            rows.append(
                Row(
                    f"export {fmt}: roadmap build + write, {name}",
                    ms(result.app),
                    ms(result.yard),
                    f"{result.ratio:.2f}x",
                    "",
                    "info",
                )
            )
        seconds, ratios = [], []
        for answers in sizes.export_growth:
            traject = workload.long_traject(long_pack, answers, sizes.long_words)
            result = _export_pair(sizes, folder, fmt, long_pack, traject)
            seconds.append(result.app)
            ratios.append(result.ratio)
        rows.append(
            linear(
                f"export {fmt} growth: answers of {sizes.long_words:,} words",
                sizes.export_growth,
                seconds,
                ratios,
                "answer",
            )
        )
    return rows


def _export_pair(sizes: Sizes, folder: Path, fmt: str, pack: Pack, traject: Traject) -> Paired:
    texts = list(workload.answer_words(traject))

    def app() -> float:
        start = time.perf_counter()
        write_new_file(folder / f"roadmap.{fmt}", render(pack, traject, fmt), overwrite=True)
        return time.perf_counter() - start

    def floor() -> float:
        # writing the same words, nothing built around them
        start = time.perf_counter()
        floor_write(folder, "\n\n".join(texts).encode("utf-8"))
        return time.perf_counter() - start

    app()  # warm: the first render imports the writer
    return alternate(app, floor, sizes.repeats)


# Content


def read_floor(folder: Path) -> float:
    """What reading a pack costs at least: every file read and parsed by tomllib."""
    import tomllib

    start = time.perf_counter()
    for path in sorted(folder.glob("*.toml")):
        tomllib.loads(path.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def load_once(folder: Path) -> float:
    builtin.reference_ui.cache_clear()  # a fresh process reads the reference words too
    start = time.perf_counter()
    result = load_pack(folder)
    seconds = time.perf_counter() - start
    assert result.pack is not None, result.problems
    return seconds


def content(sizes: Sizes, work: Path) -> list[Row]:
    folder = builtin.pack_folder("nl")
    load_once(folder)  # warm the OS cache and the imports, as a second start would be
    result = alternate(lambda: load_once(folder), lambda: read_floor(folder), sizes.repeats)
    rows = [
        Row(
            "content: load + validate the built-in pack",
            ms(result.app),
            ms(result.yard),
            f"{result.ratio:.2f}x",
            "<= 10 ms",
            verdict(result.app, 0.010),
        )
    ]
    seconds, ratios = [], []
    for prompts in sizes.content_growth:
        generated = workload.write_pack(work / f"pack-{prompts}", prompts)
        load_once(generated)
        pair = alternate(
            lambda g=generated: load_once(g), lambda g=generated: read_floor(g), max(1, sizes.repeats // 2)
        )
        seconds.append(pair.app)
        ratios.append(pair.ratio)
        if prompts == max(sizes.content_growth):
            rows.append(
                Row(
                    f"content: a generated pack of {prompts:,} prompts",
                    ms(pair.app),
                    ms(pair.yard),
                    f"{pair.ratio:.2f}x",
                    "",
                    "info",
                )
            )
    rows.append(linear("content growth: prompts", sizes.content_growth, seconds, ratios, "prompt"))
    return rows


# The table


def table(rows: Iterable[Row]) -> str:
    header = Row("figure", "loopbaan", "yardstick", "ratio", "target", "verdict")
    lines = [header, *rows]
    names = ("figure", "app", "yardstick", "ratio", "target")
    widths = [max(len(getattr(r, f)) for r in lines) for f in names]

    def line(row: Row) -> str:
        cells = (getattr(row, f).ljust(w) for f, w in zip(names, widths, strict=True))
        return "| " + " | ".join(cells) + f" | {row.verdict} |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|---|"
    return "\n".join([line(header), rule, *(line(r) for r in lines[1:])])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="loopbaan's benchmarks (see bench/README.md)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition (for the test)")
    parser.add_argument(
        "--only", default=",".join(FIGURES), help=f"comma-separated, of: {', '.join(FIGURES)} (paint includes memory)"
    )
    args = parser.parse_args(argv)
    sizes = Sizes.quick() if args.quick else Sizes()
    only = set(args.only.split(","))
    if unknown := only - set(FIGURES):
        parser.error(f"unknown figure(s): {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="loopbaan-bench-") as temp:
        work = Path(temp)
        pack = workload.builtin_pack()
        # every step needs a prompt, so never fewer than five
        prompts = max(5, sizes.long_answers, *sizes.export_growth)
        long_pack = workload.pack_at(workload.write_pack(work / "long-pack", prompts, mixed=False))
        typical = workload.typical_traject(pack)
        long = workload.long_traject(long_pack, sizes.long_answers, sizes.long_words)
        long_name = f"{sizes.long_answers} answers of {sizes.long_words:,} words"
        steps: dict[str, Callable[[], list[Row]]] = {
            "paint": lambda: paint_and_memory(sizes, workload.data_folder(work / "data", pack)),
            "keystroke": lambda: keystroke(sizes, pack, work),
            "switch": lambda: step_switch(sizes, pack, work),
            "autosave": lambda: autosave(sizes, [("typical traject", typical), (long_name, long)], work),
            "export": lambda: export(
                sizes, [("typical traject", pack, typical), (long_name, long_pack, long)], long_pack, work
            ),
            "content": lambda: content(sizes, work),
        }
        for name, step in steps.items():
            if name in only:
                print(f"measuring {name} ...", file=sys.stderr, flush=True)
                rows += step()
    print(table(rows))
    print(
        f"\n{len(rows)} rows in {time.perf_counter() - started:.0f} s; python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores; {'--quick: sizes too small to mean anything' if args.quick else 'full run'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
