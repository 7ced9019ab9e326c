"""What an autosave takes from the UI thread: the GIL held by the save thread, seen from a ticker.

    .venv/bin/python bench/gil.py            # 20 saves of each traject (about half a minute)
    .venv/bin/python bench/gil.py --quick    # tiny sizes, one save: checks that it runs

The app saves on a worker thread (ui/session.py); Python runs one thread at a time, so while the save
runs Python code (formatting TOML) the event loop waits for the GIL, up to `sys.getswitchinterval()`
(5 ms) each time it wakes. This measures, for `Store.save` after a one-word edit (as the app does):

- save thread CPU: `time.thread_time()` of the save on its thread, the time it can hold the GIL
  (the disk's fsync waits without it);
- ticker late: a thread standing in for the event loop sleeps 1 ms again and again during the save;
  how late it wakes (its worst, and the 95th percentile), against the same ticker with no save
  running (the floor: the machine's own noise).

Trajecten: the typical one (every prompt of the busiest profile), 20 check-ins of it, one of 1,000
answers of 50 words (as bench/listing.py), and one answer of 10,000 words being typed in.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import workload

from loopbaan_tui.domain.trajects.checkins import start_checkin
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject

TICK = 0.001


def many_answers(count: int, words: int) -> Traject:
    traject = Traject("veel-000001", "Heel veel antwoorden", "student", "nl")
    for n in range(count):
        traject.set_answer(f"vraag-{n}", workload.prose(words, seed=n))
    return traject


def with_checkins(count: int) -> Traject:
    traject = workload.typical_traject(workload.builtin_pack(), "veel-checkins")
    first = datetime(2021, 9, 1, 9, 0, tzinfo=UTC)
    traject.created = traject.updated = traject.current.date = first
    for n in range(1, count):
        start_checkin(traject, first + n * timedelta(days=91))
    return traject


def ticking(work: Callable[[], None] | None, seconds: float = 0.05) -> list[float]:
    """How late each 1 ms sleep of this thread wakes while `work` runs on another (or for `seconds`)."""
    done = threading.Event()
    thread = None
    if work is not None:
        thread = threading.Thread(target=lambda: (work(), done.set()))
    late = []
    end = time.perf_counter() + seconds
    if thread is not None:
        thread.start()
    while not done.is_set() if thread is not None else time.perf_counter() < end:
        before = time.perf_counter()
        time.sleep(TICK)
        late.append(time.perf_counter() - before - TICK)
    if thread is not None:
        thread.join()
    return late


def measure(traject: Traject, folder: Path, saves: int) -> dict[str, float]:
    store = Store(folder)
    store.save(traject)  # the first save of a session formats everything
    prompt_id = next(k for k, v in traject.answers.items() if isinstance(v, str))
    original = traject.answers[prompt_id]
    cpu: list[float] = []
    worst: list[float] = []
    p95: list[float] = []
    floor: list[float] = []
    for n in range(saves):
        traject.set_answer(prompt_id, f"{original} woord{n}")

        def save() -> None:
            start = time.thread_time()
            store.save(traject)
            cpu.append(time.thread_time() - start)

        late = ticking(save)
        worst.append(max(late))
        p95.append(statistics.quantiles(late, n=20, method="inclusive")[-1] if len(late) > 1 else late[0])
        floor.append(max(ticking(None)))
    return {
        "size": store.path_of(traject.id).stat().st_size / 1024,
        "cpu": statistics.median(cpu),
        "worst": statistics.median(worst),
        "p95": statistics.median(p95),
        "floor": statistics.median(floor),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the GIL an autosave holds (see the docstring)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one save (for the test)")
    parser.add_argument("--saves", type=int, default=20)
    args = parser.parse_args(argv)
    saves, answers, checkins, words = (1, 20, 3, 100) if args.quick else (args.saves, 1000, 20, 10_000)
    cases = [
        ("typical traject", workload.typical_traject(workload.builtin_pack())),
        (f"{checkins} check-ins", with_checkins(checkins)),
        (f"{answers:,} answers of 50 words", many_answers(answers, 50)),
        (f"one answer of {words:,} words, edited", many_answers(1, words)),
    ]
    print(f"switch interval {sys.getswitchinterval() * 1000:.0f} ms; medians of {saves} saves")
    print("| traject | file | save thread CPU | ticker late, worst | p95 | floor (no save), worst |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="loopbaan-gil-") as temp:
        for name, traject in cases:
            m = measure(traject, Path(temp) / traject.id, saves)
            print(
                f"| {name} | {m['size']:.1f} KiB | {m['cpu'] * 1000:.1f} ms | {m['worst'] * 1000:.1f} ms "
                f"| {m['p95'] * 1000:.1f} ms | {m['floor'] * 1000:.1f} ms |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
