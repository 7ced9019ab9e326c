"""Autosave's timing (domain/trajects/autosave.py), on a fake clock: debounce, the longest wait, flush, retry."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from loopbaan_tui.domain.trajects.autosave import Autosaver, Cancel, Delays


@dataclass
class FakeTime:
    """A clock that moves only when told, and the timers that fire as it moves."""

    now: float = 0.0
    timers: list[tuple[float, int, Callable[[], None]]] = field(default_factory=list)
    _count: int = 0

    def clock(self) -> float:
        return self.now

    def schedule(self, seconds: float, callback: Callable[[], None]) -> Cancel:
        self._count += 1
        timer = (self.now + seconds, self._count, callback)
        self.timers.append(timer)
        return lambda: self.timers.remove(timer) if timer in self.timers else None

    def advance(self, seconds: float) -> None:
        """Move the clock on, firing every timer that falls due on the way, in order."""
        end = self.now + seconds
        while self.timers and min(self.timers)[0] <= end:
            timer = min(self.timers)
            self.timers.remove(timer)
            self.now = max(self.now, timer[0])
            timer[2]()
        self.now = end


@dataclass
class Disk:
    """Saves as the session does: started by the autosaver, written and settled when the test says."""

    autosaver: Autosaver | None = None
    started: list[int] = field(default_factory=list)
    written: list[int] = field(default_factory=list)
    full: bool = False

    def start(self, version: int) -> None:
        self.started.append(version)

    def finish(self) -> None:
        """The background save of the oldest started version ends (and is reported back)."""
        assert self.autosaver is not None
        version = self.started.pop(0)
        self.write(version)
        self.autosaver.settle()

    def write(self, version: int) -> bool | None:
        assert self.autosaver is not None

        def job() -> bool:
            if self.full:
                return False
            self.written.append(version)
            return True

        return self.autosaver.write(version, job)


SLOW = Delays(delay=1.0, max_delay=3.0, retry=10.0)
"""Round figures, to read the tests by."""


def make(delays: Delays = SLOW) -> tuple[Autosaver, FakeTime, Disk]:
    fake, disk = FakeTime(), Disk()
    autosaver = Autosaver(
        disk.start,
        clock=fake.clock,
        schedule=fake.schedule,
        delay=delays.delay,
        max_delay=delays.max_delay,
        retry_delay=delays.retry,
    )
    disk.autosaver = autosaver
    return autosaver, fake, disk


def test_a_burst_of_changes_is_one_save_a_moment_after_the_last() -> None:
    autosaver, clock, disk = make()
    for _ in range(4):
        autosaver.changed()
        clock.advance(0.5)
    assert disk.started == [] and autosaver.dirty
    clock.advance(0.49)
    assert disk.started == []
    clock.advance(0.02)  # 1 s after the last change
    assert disk.started == [4]
    disk.finish()
    assert disk.written == [4] and not autosaver.dirty and clock.timers == []


def test_changes_that_keep_coming_are_saved_within_the_longest_wait() -> None:
    autosaver, clock, disk = make()
    for _ in range(10):  # a change every 0.4 s for 4 s: never a quiet second
        autosaver.changed()
        clock.advance(0.4)
        if disk.started:
            break
    assert disk.started == [8], "saved 3 s after the first change, while the typing went on"
    assert clock.now == pytest.approx(3.2)
    autosaver.changed()  # typed while that save runs: the next save waits for a quiet moment again
    disk.finish()
    assert autosaver.dirty
    clock.advance(1.0)
    assert disk.started == [9]


def test_the_default_saves_a_fixed_moment_after_the_first_change_of_a_burst() -> None:
    """The app's own delays: delay == max_delay, so typing on does not put the save off."""
    autosaver, clock, disk = make(Delays())
    autosaver.changed()
    for _ in range(5):
        clock.advance(0.1)
        autosaver.changed()
    clock.advance(0.1)
    assert disk.started == [6] and clock.now == pytest.approx(Delays().delay)


def test_flush_hands_over_what_is_unsaved_and_stops_the_timer() -> None:
    autosaver, clock, disk = make()
    assert autosaver.flush() is None, "nothing changed: nothing to write"
    autosaver.changed()
    autosaver.changed()
    version = autosaver.flush()
    assert version == 2 and clock.timers == []
    assert disk.write(version) is True and not autosaver.dirty
    clock.advance(60)
    assert disk.started == [], "no save after a flush put everything on disk"


def test_an_older_save_finishing_after_a_newer_one_is_skipped() -> None:
    autosaver, clock, disk = make()
    autosaver.changed()
    clock.advance(1)
    assert disk.started == [1]
    autosaver.changed()
    version = autosaver.flush()  # quitting: written at once, while the background save still waits
    assert disk.write(version or 0) is True
    disk.finish()  # the background save of version 1 comes second: it must not write older data
    assert disk.written == [2] and not autosaver.dirty


def test_a_failed_save_is_tried_again_after_the_retry_delay() -> None:
    autosaver, clock, disk = make()
    disk.full = True
    autosaver.changed()
    clock.advance(1)
    disk.finish()
    assert autosaver.failing and autosaver.dirty and disk.written == []
    clock.advance(9.9)
    assert disk.started == [], "no hammering of a full disk"
    disk.full = False
    clock.advance(0.2)
    assert disk.started == [1]
    disk.finish()
    assert not autosaver.failing and not autosaver.dirty and disk.written == [1]


def test_a_change_after_a_failed_save_tries_again_soon() -> None:
    """Was: once a save failed, the next try came only 10 s later, whatever the user typed."""
    autosaver, clock, disk = make()
    disk.full = True
    autosaver.changed()
    clock.advance(1)
    disk.finish()
    disk.full = False
    autosaver.changed()
    clock.advance(1)
    assert disk.started == [2]
    disk.finish()
    assert disk.written == [2] and not autosaver.dirty and clock.timers == []


def test_save_soon_saves_at_once_and_nothing_after_close() -> None:
    autosaver, clock, disk = make()
    autosaver.save_soon()
    assert disk.started == [], "nothing changed"
    autosaver.changed()
    autosaver.save_soon()
    assert disk.started == [1] and clock.timers == []
    autosaver.changed()
    autosaver.close()
    autosaver.changed()
    autosaver.save_soon()
    clock.advance(60)
    assert disk.started == [1], "closed: the lock is gone, another copy of the app may have the file"


def test_writes_from_two_threads_run_one_at_a_time() -> None:
    autosaver, _, _ = make()
    for _ in range(50):
        autosaver.changed()
    running, overlapped = [0], [False]
    barrier = threading.Barrier(8)

    def job() -> bool:
        running[0] += 1
        time.sleep(0.001)  # room for another thread to come in, if it could
        overlapped[0] |= running[0] > 1
        running[0] -= 1
        return True

    def writer(version: int) -> None:
        barrier.wait()
        autosaver.write(version, job)

    threads = [threading.Thread(target=writer, args=(v,)) for v in range(43, 51)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not overlapped[0] and not autosaver.dirty


def test_a_snapshot_is_a_deep_copy_that_shares_only_what_never_changes() -> None:
    """Session saves a snapshot on a thread while the user edits on: nothing edited afterwards reaches it."""
    import copy
    from datetime import UTC, datetime

    from loopbaan_tui.domain.trajects.checkins import start_checkin
    from loopbaan_tui.domain.trajects.traject import Traject

    traject = Traject("snap-000000", "Foto", "student", "nl", answers={"a": "tekst", "b": [{"what": "x"}]})
    traject.set_answer("c", {"werkdruk": {"now": 3}})
    start_checkin(traject, datetime(2026, 1, 1, tzinfo=UTC))
    traject.private.add("a")
    snapshot = traject.snapshot()
    assert snapshot == copy.deepcopy(traject)
    assert snapshot.earlier[0] is traject.earlier[0] and snapshot.answers["a"] is traject.answers["a"]
    before = copy.deepcopy(snapshot)
    traject.answers["b"][0]["what"] = "y"
    traject.answers["c"]["werkdruk"]["now"] = 5
    traject.set_answer("a", "anders")
    traject.private.add("b")
    traject.current.revisit = ("a",)
    start_checkin(traject, datetime(2026, 2, 1, tzinfo=UTC))
    assert snapshot == before
