"""loopbaan's benchmarks: every figure against a yardstick measured in the same run.

    make bench                      # the full run (under five minutes)
    make bench ARGS="--quick"       # tiny sizes, one pass: checks that everything runs
    make bench ARGS="--only paint,switch"
    PYTHONPATH=../other-checkout .venv/bin/python bench/run.py --only echo
                                    # measures the loopbaan_tui of another checkout

Absolute times on a shared 2-core machine move 1.3-1.5x between runs; the ratio of the app to
a yardstick measured in alternation with it (A B A B ..., median of the per-pair ratios) holds
to a few percent. So every row prints the app's median, the yardstick's median and that ratio.
Rows marked "floor" measure what Textual itself needs for the same thing, without loopbaan's
code: where a target is out of reach, they show why. Rows marked [pty] are what a person sees: the
app in its own pseudo-terminal, timed on what it writes there. See bench/README.md.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import median

# A fixed colour depth, so that frames cost the same whatever terminal `make bench` runs in.
os.environ.setdefault("COLORTERM", "truecolor")
os.environ.setdefault("TERM", "xterm-256color")

import echo
import seen
import steps
import tomli_w
import workload
from rows import Paired, Row, alternate, ms, run_line, table, verdict

from loopbaan_tui.domain.content import builtin, pack_cache
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.roadmap.export import render, write_new_file
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject

HERE = Path(__file__).resolve().parent
FIGURES = ("paint", "switch", "open", "echo", "autosave", "export", "content")
ALIASES = {"keystroke": "echo", "memory": "switch"}
"""Names of the old harness's figures, for the commands people have in their notes."""
PTY = ("paint", "switch", "open", "echo")
"""The figures timed in a pseudo-terminal from outside: what a person sees (seen.py, steps.py, echo.py).
paint includes the memory at the start screen, switch the memory with every step visited."""


@dataclass(frozen=True)
class Sizes:
    """How much work each figure does: the full run, or `--quick` (tiny, one repetition)."""

    passes: int = 3
    paint_runs: int = 2
    """Pairs per pass of the first case (80x24, loopbaan, then the empty app); the others one."""
    switch_passes: int = 2
    open_passes: int = 2
    revisit_rounds: int = 1
    many_answers: int = 1000
    checkins: int = 20
    keys: int = 24
    key_words: tuple[int, ...] = (1000, 10000)
    steady_keys: int = 40
    repeats: int = 10
    long_answers: int = 100
    long_words: int = 1000
    export_growth: tuple[int, ...] = (25, 50, 100, 200)
    content_growth: tuple[int, ...] = (250, 1000)

    @classmethod
    def quick(cls) -> Sizes:
        return cls(
            passes=1,
            paint_runs=1,
            switch_passes=1,
            open_passes=1,
            revisit_rounds=1,
            many_answers=50,
            checkins=3,
            keys=3,
            key_words=(50, 200),
            steady_keys=5,
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


def cached_once(language: str) -> float:
    """The built-in pack as every start after the first gets it: from the cache (pack_cache.py)."""
    start = time.perf_counter()
    found = pack_cache.builtin_pack(language)
    seconds = time.perf_counter() - start
    assert isinstance(found, Pack), found
    return seconds


def content(sizes: Sizes, work: Path) -> list[Row]:
    folder = builtin.pack_folder("nl")
    load_once(folder)  # warm the OS cache and the imports, as a second start would be
    result = alternate(lambda: load_once(folder), lambda: read_floor(folder), sizes.repeats)
    os.environ[pack_cache.CACHE_ENV] = str(work / "pack-cache")
    cached_once("nl")  # the first start: read, checked and cached
    cached = alternate(lambda: cached_once("nl"), lambda: read_floor(folder), sizes.repeats)
    rows = [
        Row(
            "content: load + validate the built-in pack at a start (kept checked in the cache)",
            ms(cached.app),
            ms(cached.yard),
            f"{cached.ratio:.2f}x",
            "<= 10 ms",
            verdict(cached.app, 0.010),
        ),
        Row(
            "content: load + validate the built-in pack without the cache (the first start)",
            ms(result.app),
            ms(result.yard),
            f"{result.ratio:.2f}x",
            "",
            "info",
        ),
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
    only = {ALIASES.get(name, name) for name in args.only.split(",")}
    if unknown := only - set(FIGURES):
        parser.error(f"unknown figure(s): {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    rows: list[Row] = []
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="loopbaan-bench-") as temp:
        work = Path(temp)
        pack = workload.builtin_pack()
        # every step needs a prompt, so never fewer than five
        prompts = max(5, sizes.long_answers, *sizes.export_growth)
        long_pack = workload.pack_at(workload.write_pack(work / "long-pack", prompts, mixed=False))
        typical = workload.typical_traject(pack)
        long = workload.long_traject(long_pack, sizes.long_answers, sizes.long_words)
        long_name = f"{sizes.long_answers} answers of {sizes.long_words:,} words"
        figures: dict[str, Callable[[], list[Row]]] = {
            "paint": lambda: seen.first_paint(sizes.paint_runs, sizes.passes, pack, work, sizes.many_answers),
            "switch": lambda: steps.step_switch(sizes.switch_passes, sizes.revisit_rounds, pack, work),
            "open": lambda: steps.opening(sizes.open_passes, sizes.checkins, pack, work),
            "echo": lambda: echo.key_echo(
                sizes.keys, sizes.key_words, sizes.steady_keys, sizes.many_answers, pack, work
            ),
            "autosave": lambda: autosave(sizes, [("typical traject", typical), (long_name, long)], work),
            "export": lambda: export(
                sizes, [("typical traject", pack, typical), (long_name, long_pack, long)], long_pack, work
            ),
            "content": lambda: content(sizes, work),
        }
        for name, step in figures.items():
            if name in only:
                print(f"measuring {name} ...", end=" ", file=sys.stderr, flush=True)
                began = time.perf_counter()
                try:
                    rows += step()
                except Exception:  # the other figures still run; the error is printed, the exit code 1
                    traceback.print_exc()
                    failed.append(name)
                    rows.append(Row(f"{name}: FAILED (see the error above)", "", "", "", "", "FAILED"))
                print(f"{time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    print(table(rows))
    print(f"\n{run_line(len(rows), started, args.quick)}")
    print(f"measured: {seen.measured_package()} ([pty] rows: in a pseudo-terminal, what a person sees)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
