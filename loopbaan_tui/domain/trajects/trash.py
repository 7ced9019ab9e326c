"""The bin: removed trajecten go to `prullenbak/` in the data folder and can be put back.

Part of `Store` (a base class of it); nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import atomic
from .earlier_cache import cache_of
from .store_errors import StorageError
from .store_summary import sidecar_of
from .traject_lock import TrajectLock

TRASH = "prullenbak"


class Bin:
    """The bin half of `Store`: `remove`, `restore`, `trashed`."""

    folder: Path
    _mutex: threading.RLock
    _held: dict[str, TrajectLock]
    _known: dict[str, bytes]
    _extra: dict[str, dict[str, Any]]
    path_of: Callable[[str], Path]
    backup_of: Callable[[str], Path]
    lock: Callable[[str], TrajectLock]
    _error: Callable[[OSError, Path], StorageError]
    _ensure_folder: Callable[[], None]

    @property
    def trash(self) -> Path:
        return self.folder / TRASH

    def _check_trash(self) -> None:
        """StorageError "trash_link" when `prullenbak` is a link (or no folder): nothing goes through it."""
        if os.path.islink(self.trash) or (os.path.lexists(self.trash) and not self.trash.is_dir()):
            target = ""
            with contextlib.suppress(OSError):
                target = os.readlink(self.trash)
            raise StorageError("trash_link", self.trash, f"the bin is not a folder of its own ({target or '?'})")

    def remove(self, traject_id: str) -> Path:
        """Move the traject (and its backup) into `prullenbak/`; returns its new path.

        TrajectLocked when another copy of the app has it open; a lock held by this store is ended.
        StorageError "trash_link" when `prullenbak` is a symbolic link: nothing is moved out through it.
        """
        path = self.path_of(traject_id)
        with self._mutex:
            if not os.path.lexists(path):
                raise FileNotFoundError(errno.ENOENT, "no such traject", str(path))
            self._check_trash()
            own = traject_id not in self._held
            lock = self._held.get(traject_id) or self.lock(traject_id)
            try:
                atomic.make_private_folder(self.trash)
                self._check_trash()  # made by someone else between the check and here
                target = atomic.unique_path(self.trash, f"{traject_id}.{atomic.stamp()}", ".toml")
                atomic.replace(path, target)
                atomic.owner_only(target)
                backup = self.backup_of(traject_id)
                if backup.exists():
                    with contextlib.suppress(OSError):
                        atomic.replace(backup, target.with_name(target.name + ".bak"))
                        atomic.owner_only(target.with_name(target.name + ".bak"))
                atomic.unlink_quietly(cache_of(self.folder, traject_id))  # a cache of its answers: not kept
                # the summary goes with it (a rename keeps the file's stamp, so it stays right)
                with contextlib.suppress(OSError):
                    atomic.replace(sidecar_of(self.folder, traject_id), target.with_name(target.name + ".summary"))
                atomic.fsync_folder(self.trash)
                atomic.fsync_folder(self.folder)
                # the lock file goes while we still hold it, so nobody can be holding the old one
                atomic.unlink_quietly(lock.path)
            except OSError as error:
                if own:  # a failed remove must not end the lock of a traject this process has open
                    lock.release()
                raise self._error(error, path) from None
            lock.release()
            self._known.pop(traject_id, None)
            self._extra.pop(traject_id, None)
        return target

    def restore(self, trashed: Path) -> str:
        """Move a removed traject back; returns its id. FileExistsError rather than overwrite."""
        trashed = Path(trashed)
        traject_id = trashed.name.split(".", 1)[0]
        path = self.path_of(traject_id)
        with self._mutex:
            if os.path.lexists(path):
                raise FileExistsError(errno.EEXIST, "a traject with this id exists", str(path))
            self._check_trash()
            if not os.path.lexists(trashed) or trashed.is_dir():
                raise FileNotFoundError(errno.ENOENT, "not in the trash", str(trashed))
            self._ensure_folder()
            try:
                atomic.replace(trashed, path)
                backup = trashed.with_name(trashed.name + ".bak")
                if backup.exists() and not os.path.lexists(self.backup_of(traject_id)):
                    with contextlib.suppress(OSError):
                        atomic.replace(backup, self.backup_of(traject_id))
                summary = trashed.with_name(trashed.name + ".summary")
                if os.path.lexists(summary):
                    with contextlib.suppress(OSError):
                        atomic.replace(summary, sidecar_of(self.folder, traject_id))
                atomic.fsync_folder(self.folder)
            except OSError as error:
                raise self._error(error, path) from None
        return traject_id

    def trashed(self) -> list[Path]:
        """Removed trajecten in `prullenbak/`, newest first."""
        try:
            found = [p for p in self.trash.glob("*.toml") if p.is_file()]
        except OSError:
            return []
        return sorted(found, key=lambda p: p.name.split(".")[1] if p.name.count(".") > 1 else "", reverse=True)
