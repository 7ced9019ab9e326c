"""An open traject: its pack, its lock, and autosave shortly after every change."""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.app import App
from textual.timer import Timer

from ..domain.model import Pack
from ..domain.storage import StorageError, Store, TrajectLock
from ..domain.traject import Traject, keep_hidden, overall_progress

SAVE_DELAY = 0.6
"""Seconds after a change before saving: soon enough that a crash loses little, late
enough that a burst of typing costs one save."""

RETRY_DELAY = 10.0


@dataclass(frozen=True)
class SaveState:
    """What the screen shows about saving."""

    dirty: bool
    saved_at: datetime | None = None
    error: StorageError | None = None
    recovery: Path | None = None
    kept_aside: Path | None = None
    """Set when the save found the file changed or damaged by something else, and kept it there."""


class Session:
    """One traject being edited. Saves run in a thread, one at a time, newest data wins."""

    def __init__(
        self,
        app: App[Any],
        store: Store,
        traject: Traject,
        pack: Pack,
        lock: TrajectLock,
        on_state: Callable[[SaveState], None] = lambda state: None,
    ) -> None:
        self.app = app
        self.store = store
        self.traject = traject
        self.pack = pack
        self.lock = lock
        self.on_state = on_state
        self._version = 0
        self._saved_version = 0
        self._write_lock = threading.RLock()  # re-entrant: a signal may arrive during a save on this thread
        self._timer: Timer | None = None
        self._closed = False
        self._retrying = False  # the timer waits RETRY_DELAY after a failed save
        self.state = SaveState(dirty=False)

    @property
    def dirty(self) -> bool:
        return self._version != self._saved_version

    def set_answer(self, prompt_id: str, value: Any) -> bool:
        prompt = self.pack.prompt(prompt_id)
        if prompt is not None:  # what the editor cannot show (a path since removed from the pack) stays
            value = keep_hidden(self.pack, prompt, self.traject.profile, self.traject.answer(prompt_id), value)
        changed = self.traject.set_answer(prompt_id, value)
        if changed:
            self.changed()
        return changed

    def set_private(self, prompt_id: str, private: bool) -> None:
        self.traject.set_private(prompt_id, private)
        self.changed()

    def changed(self) -> None:
        """Note a change; a save follows within SAVE_DELAY seconds."""
        self._version += 1
        if self.state.error is None and not self.state.dirty:
            self._publish(SaveState(dirty=True, saved_at=self.state.saved_at))
        if self._retrying:  # a save failed: try again with this change, not only when the retry is due
            self._retrying = False
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
        if self._timer is None:
            self._timer = self.app.set_timer(SAVE_DELAY, self.save_soon)

    def save_soon(self) -> None:
        """Save in a worker thread now, if anything changed."""
        self._timer = None
        self._retrying = False
        if not self.dirty or self._closed:  # closed: the lock is gone, another copy may have the file
            return
        version, snapshot = self._version, copy.deepcopy(self.traject)
        self.app.run_worker(lambda: self._write(version, snapshot), thread=True, group="autosave", exit_on_error=False)

    def save_now(self) -> bool:
        """Save on this thread (quit, signals, leaving the traject); True when all is on disk."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.dirty:
            self._write(self._version, copy.deepcopy(self.traject), from_thread=False)
        return not self.dirty

    def close(self) -> bool:
        saved = self.save_now()
        self._closed = True
        if self._timer is not None:  # a retry after a failed last save: not without the lock
            self._timer.stop()
            self._timer = None
        self.lock.release()
        return saved

    def _write(self, version: int, snapshot: Traject, from_thread: bool = True) -> None:
        with self._write_lock:
            if version <= self._saved_version:
                return  # a newer snapshot is already on disk
            try:
                saved = self.store.save(snapshot, progress=overall_progress(self.pack, snapshot))
            except StorageError as error:
                recovery = self.store.save_recovery(snapshot)
                state = SaveState(dirty=True, saved_at=self.state.saved_at, error=error, recovery=recovery)
            else:
                self._saved_version = version
                state = SaveState(dirty=self.dirty, saved_at=datetime.now(), kept_aside=saved.kept_aside)
        # Reported after the lock is let go: a worker waits here for the screen, and the screen may
        # be waiting for the lock (save_now on quit); holding it here would hang the app for good.
        self._report(state, from_thread)

    def _report(self, state: SaveState, from_thread: bool) -> None:
        def publish() -> None:
            current = state
            if not self.dirty and (state.dirty or state.error):  # a newer save has put everything on disk
                current = replace(
                    state, dirty=False, error=None, recovery=None, saved_at=self.state.saved_at or state.saved_at
                )
            self._publish(current)
            if self.dirty and self._timer is None and not self._closed:
                self._retrying = current.error is not None
                self._timer = self.app.set_timer(RETRY_DELAY if self._retrying else SAVE_DELAY, self.save_soon)

        if from_thread:
            with contextlib.suppress(RuntimeError):  # the app is closing; save_now() covers the rest
                self.app.call_from_thread(publish)
        else:
            publish()

    def _publish(self, state: SaveState) -> None:
        self.state = state
        self.on_state(state)
