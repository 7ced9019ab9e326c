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
from importlib.metadata import version
from pathlib import Path
from statistics import median

# A fixed colour depth, so that frames cost the same whatever terminal `make bench` runs in.
os.environ.setdefault("COLORTERM", "truecolor")
os.environ.setdefault("TERM", "xterm-256color")

import seen
import tomli_w
import workload
from rows import Paired, Row, alternate, mib, ms, table, verdict

from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.roadmap.export import render, write_new_file
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject

HERE = Path(__file__).resolve().parent
CHILD = HERE / "child.py"
FIGURES = ("paint", "switch", "keystroke", "memory", "autosave", "export", "content")
PTY = ("paint", "switch")
"""The figures timed in a pseudo-terminal from outside: what a person sees (seen.py)."""


@dataclass(frozen=True)
class Sizes:
    """How much work each figure does: the full run, or `--quick` (tiny, one repetition)."""

    passes: int = 3
    paint_runs: int = 2
    """Pairs per pass and case (loopbaan, then the empty app)."""
    revisit_rounds: int = 2
    many_answers: int = 1000
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
            passes=1,
            paint_runs=1,
            revisit_rounds=1,
            many_answers=50,
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


# Memory with a traject open: a whole process (headless, in bench/child.py), until the pty figure replaces it


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


def memory(sizes: Sizes, data: Path) -> list[Row]:
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


# Keystroke: frames, in this process (until the pty figure replaces it)


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
            "paint": lambda: seen.first_paint(sizes.paint_runs, sizes.passes, pack, work, sizes.many_answers),
            "switch": lambda: seen.step_switch(sizes.passes, sizes.revisit_rounds, pack, work),
            "keystroke": lambda: keystroke(sizes, pack, work),
            "memory": lambda: memory(sizes, workload.data_folder(work / "data", pack)),
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
        f"textual {version('textual')}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
        f"{'--quick: sizes too small to mean anything' if args.quick else 'full run'}"
    )
    print(f"measured: {seen.measured_package()} ([pty] rows: in a pseudo-terminal, what a person sees)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
