"""An open traject: its pack, its lock, and autosave (domain/trajects/autosave.py) on Textual's timers and a thread.

Only the app opens and closes a session (`LoopbaanApp.open_session`, `close_session`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.app import App

from ..domain.content.model import Pack
from ..domain.trajects.autosave import Autosaver, Cancel, Delays
from ..domain.trajects.checkins import begin, stamp_pack
from ..domain.trajects.due import next_checkin
from ..domain.trajects.storage import StorageError, Store, TrajectLock
from ..domain.trajects.traject import Traject, keep_hidden, overall_progress
from ..domain.trajects.visibility import as_shown
from . import collector


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
        *,
        delays: Delays | None = None,
    ) -> None:
        delays = delays or Delays()
        self.app = app
        self.store = store
        self.traject = traject
        self.pack = pack
        stamp_pack(traject, pack.info)  # the current check-in is answered with this pack (saved with the next answer)
        self.lock = lock
        self.on_state = on_state
        self.autosave = Autosaver(
            self._save_in_thread,
            clock=time.monotonic,
            schedule=self._schedule,
            delay=delays.delay,
            max_delay=delays.max_delay,
            retry_delay=delays.retry,
        )
        self.state = SaveState(dirty=False)
        self._route = traject.route

    @property
    def dirty(self) -> bool:
        return self.autosave.dirty

    def set_answer(self, prompt_id: str, value: Any) -> bool:
        prompt = self.pack.prompt(prompt_id)
        if prompt is not None:  # what the editor cannot show (a path since removed, a hidden option) stays
            shown = as_shown(self.pack, prompt, self.traject)
            value = keep_hidden(self.pack, shown, self.traject.profile, self.traject.answer(prompt_id), value)
        changed = self.traject.set_answer(prompt_id, value)
        if changed:
            self.changed()
        return changed

    def start_checkin(self, revisit: tuple[str, ...], when: datetime) -> None:
        """Close the current check-in and begin a new one looking again at `revisit`; saved soon."""
        begin(self.traject, self.pack, when, revisit)
        collector.release()  # the reflection is built again: the old one must be freed
        self.changed()

    def set_private(self, prompt_id: str, private: bool) -> None:
        self.traject.set_private(prompt_id, private)
        self.changed()

    def changed(self) -> None:
        """Note a change; a save follows shortly (see Delays)."""
        self.autosave.changed()
        if self.traject.route != self._route:  # the steps are built again for the other route
            self._route = self.traject.route
            collector.release()  # the old ones must be freed
        if self.state.error is None and not self.state.dirty:
            self._publish(SaveState(dirty=True, saved_at=self.state.saved_at))

    def save_soon(self) -> None:
        """Save in a worker thread now, if anything changed."""
        self.autosave.save_soon()

    def save_now(self) -> bool:
        """Save on this thread (quit, signals, leaving the traject); True when all is on disk."""
        version = self.autosave.flush()
        if version is not None:
            self._write(version, self.traject.snapshot(), from_thread=False)
        return not self.dirty

    def close(self) -> bool:
        """Save what is left and let go of the lock: called by the app only (LoopbaanApp.close_session)."""
        saved = self.save_now()
        self.autosave.close()  # a retry after a failed last save: not without the lock
        self.lock.release()
        return saved

    def _schedule(self, seconds: float, callback: Callable[[], None]) -> Cancel:
        return self.app.set_timer(seconds, callback).stop

    def _save_in_thread(self, version: int) -> None:
        snapshot = self.traject.snapshot()  # on the UI thread: cheap (texts shared)
        self.app.run_worker(lambda: self._write(version, snapshot), thread=True, group="autosave", exit_on_error=False)

    def _write(self, version: int, snapshot: Traject, from_thread: bool = True) -> None:
        states: list[SaveState] = []

        def job() -> bool:
            try:
                progress, due = overall_progress(self.pack, snapshot), next_checkin(self.pack, snapshot)
                saved = self.store.save(snapshot, progress=progress, due=due)
            except StorageError as error:
                recovery = self.store.save_recovery(snapshot)
                states.append(SaveState(dirty=True, saved_at=self.state.saved_at, error=error, recovery=recovery))
                return False
            states.append(SaveState(dirty=True, saved_at=datetime.now(), kept_aside=saved.kept_aside))
            return True

        if self.autosave.write(version, job) is None:
            return  # a newer snapshot is already on disk
        # Reported after the write lock is let go: a worker waits here for the screen, and the screen may
        # be waiting for the lock (save_now on quit); holding it here would hang the app for good.
        state = states[0] if states[0].error else replace(states[0], dirty=self.dirty)
        self._report(state, from_thread)

    def _report(self, state: SaveState, from_thread: bool) -> None:
        def publish() -> None:
            current = state
            if not self.dirty and (state.dirty or state.error):  # a newer save has put everything on disk
                current = replace(
                    state, dirty=False, error=None, recovery=None, saved_at=self.state.saved_at or state.saved_at
                )
            self._publish(current)
            self.autosave.settle()

        if from_thread:
            with contextlib.suppress(RuntimeError):  # the app is closing; save_now() covers the rest
                self.app.call_from_thread(publish)
        else:
            publish()

    def _publish(self, state: SaveState) -> None:
        self.state = state
        self.on_state(state)
