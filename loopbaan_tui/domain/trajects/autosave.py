"""When an open traject is saved: a moment after a change, at once when asked, again after a failure.

Plain Python: the clock, the timers and the writing are handed in (ui/session.py gives Textual's
timers and a worker thread; tests a fake clock), and the delays are arguments.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

Cancel = Callable[[], None]
"""Stops a scheduled call; calling it after the call ran does nothing."""
Schedule = Callable[[float, Callable[[], None]], Cancel]
"""schedule(seconds, callback): call back once, that many seconds from now, on the caller's thread."""


@dataclass(frozen=True)
class Delays:
    """Seconds an autosave waits."""

    delay: float = 0.6
    """After a change, for more changes to come: soon enough that a crash loses little, late enough
    that a burst of typing costs one save."""
    max_delay: float = 0.6
    """At most, after the first unsaved change, while changes keep coming (equal to `delay`: a save
    follows `delay` after the first change of a burst, however long the burst goes on)."""
    retry: float = 10.0
    """After a failed save, before the next try (a new change tries again sooner)."""


class Autosaver:
    """Counts changes and decides when to save them; one save at a time, the newest data wins.

    `save(version)` is called (on the thread that calls `changed`) when it is time to save: it starts
    writing the data as it is now, tagged `version`, anywhere (a worker thread). The writer runs the
    actual write through `write(version, job)`, which skips a version already overtaken, and then,
    back on the caller's thread, calls `settle()`, which schedules the next try when needed.
    """

    def __init__(
        self,
        save: Callable[[int], None],
        *,
        clock: Callable[[], float],
        schedule: Schedule,
        delay: float = Delays.delay,
        max_delay: float = Delays.max_delay,
        retry_delay: float = Delays.retry,
    ) -> None:
        self.save = save
        self.clock = clock
        self.schedule = schedule
        self.delay = delay
        self.max_delay = max(delay, max_delay)
        self.retry_delay = retry_delay
        self._version = 0  # changes noted
        self._saved = 0  # the newest version on disk
        self._failing = False  # the last write failed
        self._first: float | None = None  # when the first change not yet handed to a save came
        self._last = 0.0  # when the last change came
        self._cancel: Cancel | None = None
        self._due_at = 0.0  # when the pending timer fires
        self._retry_pending = False
        self._closed = False
        self._lock = threading.RLock()  # re-entrant: a signal may arrive during a save on this thread

    @property
    def dirty(self) -> bool:
        """Some change is not on disk yet."""
        return self._version != self._saved

    @property
    def failing(self) -> bool:
        """The last save failed (and nothing has been saved since)."""
        return self._failing

    @property
    def version(self) -> int:
        return self._version

    def changed(self) -> None:
        """Note a change: a save follows `delay` after it (later changes move it on, up to `max_delay`)."""
        now = self.clock()
        self._version += 1
        self._last = now
        if self._first is None:
            self._first = now
        if self._retry_pending:  # a save failed: try again with this change, not only when the retry is due
            self._stop_timer()
        if self._cancel is None and not self._closed:
            self._start_timer(self._deadline(), self._due)

    def save_soon(self) -> None:
        """Save now, in the background (`save`), if anything changed."""
        self._stop_timer()
        if not self.dirty or self._closed:  # closed: the lock is gone, another copy may have the file
            return
        self._first = None
        self.save(self._version)

    def flush(self) -> int | None:
        """Stop waiting: the version the caller must write at once, on its own thread (through
        `write`), or None when everything is on disk."""
        self._stop_timer()
        if not self.dirty:
            return None
        self._first = None
        return self._version

    def write(self, version: int, job: Callable[[], bool]) -> bool | None:
        """Run `job`, the write of the data as at `version`, unless a newer version is on disk already
        (then None). `job` returns whether it saved. Any thread; one write at a time."""
        with self._lock:
            if version <= self._saved:
                return None
            saved = job()
            if saved:
                self._saved = version
            self._failing = not saved
            return saved

    def settle(self) -> None:
        """After a write was reported: when changes are still unsaved and no save is planned, plan one
        (`retry_delay` after a failure, else `delay`)."""
        if not self.dirty or self._cancel is not None or self._closed:
            return
        now = self.clock()
        if self._failing:
            self._start_timer(now + self.retry_delay, self._retry)
            self._retry_pending = True
        else:
            self._first = self._last = now
            self._start_timer(now + self.delay, self._due)

    def close(self) -> None:
        """No save is started after this (the caller has flushed first)."""
        self._closed = True
        self._stop_timer()

    def _deadline(self) -> float:
        first = self._last if self._first is None else self._first
        return min(self._last + self.delay, first + self.max_delay)

    def _due(self) -> None:
        self._cancel = None
        deadline = self._deadline()
        if deadline > self._due_at and deadline > self.clock():  # changes came since: wait for the rest
            self._start_timer(deadline, self._due)
            return
        self.save_soon()

    def _retry(self) -> None:
        self._cancel = None
        self._retry_pending = False
        self.save_soon()

    def _start_timer(self, at: float, callback: Callable[[], None]) -> None:
        """Call back at clock time `at` (at once when that has passed)."""
        self._due_at = at
        self._cancel = self.schedule(max(0.0, at - self.clock()), callback)

    def _stop_timer(self) -> None:
        cancel, self._cancel = self._cancel, None
        self._retry_pending = False
        if cancel is not None:
            cancel()
