"""Storage at scale: listing a data folder with large and damaged files, and big answers.

    .venv/bin/python bench/listing.py            # the full run (about half a minute)
    .venv/bin/python bench/listing.py --quick    # tiny sizes, one repetition: checks that it runs

Every figure against a yardstick measured in alternation with it, as in run.py (see bench/README.md):

- listing: `Store.summaries()` of a fresh store (as a new process has) over 20 typical trajecten,
  one of 1,000 answers and one 50 MB damaged file, against the same over 20 small trajecten.
- big answers: `Store.load` + `Store.save` of a traject with one answer of 100,000 characters,
  and of one with an answer of 1 MB, against reading + `tomllib` + `tomli_w` + a safe write of
  the same data.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w
import workload
from run import Paired, Row, alternate, floor_write, ms, run_line, table, verdict

from loopbaan_tui.domain.trajects.storage import Store, to_toml
from loopbaan_tui.domain.trajects.store_summary import sidecar_of
from loopbaan_tui.domain.trajects.traject import Traject, overall_progress


@dataclass(frozen=True)
class Sizes:
    trajecten: int = 20
    many_answers: int = 1000
    answer_words: int = 50
    damaged_mb: int = 50
    big_answers: tuple[int, ...] = (100_000, 1_000_000)
    repeats: int = 20

    @classmethod
    def quick(cls) -> Sizes:
        return cls(trajecten=3, many_answers=20, answer_words=5, damaged_mb=3, big_answers=(1_000, 10_000), repeats=1)


def _listing_folders(sizes: Sizes, work: Path) -> tuple[Path, Path, Path]:
    """(the busy folder, the same without any summary, the yardstick's folder of small trajecten)."""
    pack = workload.builtin_pack()
    busy, small = work / "busy", work / "small"
    store, yard = Store(busy), Store(small)
    for n in range(sizes.trajecten):
        traject = workload.typical_traject(pack, traject_id=f"gewoon-{n}")
        traject.name = f"Traject {n + 1}"
        store.save(traject, progress=overall_progress(pack, traject))
        little = Traject(f"klein-{n}", f"Klein {n + 1}", traject.profile, "nl", answers={"kan-sterk": "een zin"})
        yard.save(little, progress=(1, 41))
    many = Traject("veel-000001", "Heel veel antwoorden", "student", "nl")
    for n in range(sizes.many_answers):
        many.set_answer(f"vraag-{n}", workload.prose(sizes.answer_words, seed=n))
    store.save(many, progress=(sizes.many_answers, sizes.many_answers))
    # a damaged file as a crash leaves one: a good beginning, then zero bytes
    damaged = busy / "kapot-000001.toml"
    with open(damaged, "wb") as handle:
        handle.write(to_toml(workload.typical_traject(pack, "kapot-000001")).encode("utf-8")[:1000])
        handle.truncate(sizes.damaged_mb * 1024 * 1024)
    bare = work / "bare"
    shutil.copytree(busy, bare)
    for path in bare.glob("*.toml"):
        sidecar_of(bare, path.stem).unlink(missing_ok=True)
    return busy, bare, small


def listing(sizes: Sizes, work: Path) -> list[Row]:
    busy, bare, small = _listing_folders(sizes, work)

    def timed(folder: Path) -> float:
        start = time.perf_counter()
        listed = Store(folder).summaries()
        seconds = time.perf_counter() - start
        assert listed, folder
        return seconds

    name = (
        f"{sizes.trajecten} trajecten + {sizes.many_answers:,} answers + {sizes.damaged_mb} MB damaged, "
        f"against {sizes.trajecten} small"
    )
    found = alternate(lambda: timed(busy), lambda: timed(small), sizes.repeats)
    cold = alternate(lambda: timed(bare), lambda: timed(small), sizes.repeats)
    return [
        Row(
            f"listing: Store.summaries(), {name}",
            ms(found.app),
            ms(found.yard),
            f"{found.ratio:.2f}x",
            "<= 1.5x",
            verdict(found.ratio, 1.5),
        ),
        Row(
            "  the same with no summaries yet (files of an older version: parsed, the damaged one not)",
            ms(cold.app),
            ms(cold.yard),
            f"{cold.ratio:.2f}x",
            "",
            "info",
        ),
    ]


def big_answers(sizes: Sizes, work: Path) -> list[Row]:
    rows = []
    for chars in sizes.big_answers:
        result = _big_answer(sizes, work / f"big-{chars}", chars)
        rows.append(
            Row(
                f"big answer: Store.load + Store.save, one answer of {chars:,} characters",
                ms(result.app),
                ms(result.yard),
                f"{result.ratio:.2f}x",
                "<= 1.2x",
                verdict(result.ratio, 1.2),
            )
        )
    return rows


def _big_answer(sizes: Sizes, folder: Path, chars: int) -> Paired:
    """Opening the traject (a fresh store, as the app has) and its first autosave after an edit."""
    traject = Traject(f"groot-{chars}", "Een lang antwoord", "student", "nl")
    text = workload.prose(chars // 4)
    traject.set_answer("kan-sterk", (text * (chars // max(1, len(text)) + 1))[:chars])
    traject.set_answer("wil-graag", "en een korte")
    Store(folder).save(traject)
    path = Store(folder).path_of(traject.id)
    edits = iter(range(10**9))

    def app() -> float:
        start = time.perf_counter()
        store = Store(folder)
        loaded = store.load(traject.id)
        loaded.set_answer("wil-graag", f"en een korte {next(edits)}")
        store.save(loaded)
        return time.perf_counter() - start

    def yard() -> float:
        start = time.perf_counter()
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
        data["checkin"][-1]["answers"]["wil-graag"] = f"en een korte {next(edits)}"
        floor_write(folder, tomli_w.dumps(data, multiline_strings=True).encode("utf-8"))
        return time.perf_counter() - start

    return alternate(app, yard, sizes.repeats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="loopbaan's storage at scale (see bench/README.md)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition (for the test)")
    args = parser.parse_args(argv)
    sizes = Sizes.quick() if args.quick else Sizes()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="loopbaan-bench-") as temp:
        rows = listing(sizes, Path(temp)) + big_answers(sizes, Path(temp))
    print(table(rows))
    print(f"\n{run_line(len(rows), started, args.quick)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
