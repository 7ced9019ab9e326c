"""The lock on a traject: an OS lock on `<id>.lock` while a copy of the app has it open."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from . import atomic
from .store_errors import StorageError, TrajectLocked
from .traject_file import FormatError, parse


class TrajectLock:
    """An OS lock on `<id>.lock` while a traject is open; released by the OS when the process dies."""

    def __init__(
        self, traject_id: str, path: Path, fd: int, on_release: Callable[[TrajectLock], None] | None = None
    ) -> None:
        self.traject_id = traject_id
        self.path = path
        self._fd: int | None = fd
        self._on_release = on_release

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Let go of the lock; calling it again does nothing."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            unlock(fd)
        with contextlib.suppress(OSError):
            os.close(fd)
        if self._on_release is not None:
            self._on_release(self)

    def __enter__(self) -> TrajectLock:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()


def try_lock(fd: int) -> bool:
    """Take the lock without waiting; False when another process (or open file) holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # one byte is enough; locking past the end is allowed
        except OSError:
            return False
        return True
    import fcntl

    try:
        # flock belongs to the open file, so the kernel drops it when the process dies, even by SIGKILL
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def open_lock_file(path: Path) -> int:
    """Open (or make, 0o600) the lock file; a symbolic link is refused (OSError), never followed."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | nofollow, 0o600)
    except PermissionError:
        # a read-only folder or lock file: an existing lock file can still be locked for reading
        return os.open(path, os.O_RDONLY | nofollow)


def same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


class Locking:
    """The locking part of `Store`: `lock()`, and clearing what a killed save left once we hold it."""

    folder: Path
    _mutex: threading.RLock
    _held: dict[str, TrajectLock]
    path_of: Callable[[str], Path]
    backup_of: Callable[[str], Path]
    _error: Callable[[OSError, Path], StorageError]
    _ensure_folder: Callable[[], None]

    def lock(self, traject_id: str) -> TrajectLock:
        """Hold the traject for this process: TrajectLocked when another copy of the app has it.

        StorageError when no lock file can be made (an unwritable folder; "link" when it is a link).
        """
        path = self.path_of(traject_id).with_suffix(".lock")
        with self._mutex:
            self._ensure_folder()
            for _ in range(3):
                try:
                    fd = open_lock_file(path)
                except OSError as error:
                    if os.path.islink(path):  # never create or lock a file through a link
                        raise StorageError("link", path, "the lock file is a symbolic link") from None
                    raise self._error(error, path) from None
                try:
                    locked = try_lock(fd)
                except OSError as error:  # e.g. ENOLCK on a network share
                    os.close(fd)
                    raise self._error(error, path) from None
                if not locked:
                    os.close(fd)
                    raise TrajectLocked(traject_id)
                if same_file(fd, path):
                    lock = TrajectLock(traject_id, path, fd, self._released)
                    self._held[traject_id] = lock
                    self._clear_leftovers(traject_id)
                    return lock
                # remove() deleted the lock file between our open and our lock: take the new one
                unlock(fd)
                os.close(fd)
            raise StorageError("other", path, "the lock file keeps changing")

    def _clear_leftovers(self, traject_id: str) -> None:
        """Temp files of this traject left by a save that was killed; called once we hold its lock,
        so no save of it can be running. Never raises.

        A `.<id>.*.bak.tmp` is the version before the file, set aside to become the backup: when the
        kill came between the two renames it differs from the file, and becomes the backup (it is
        newer than the backup). Any other `.<id>.*.tmp` is a write that never took the file's name.
        """
        try:
            leftovers = [p for p in self.folder.glob(f".{traject_id}.*.tmp") if p.is_file()]
        except OSError:
            return
        if not leftovers:
            return
        try:
            current: bytes | None = atomic.read_own_file(self.path_of(traject_id))
        except OSError:
            current = None
        aside = [p for p in leftovers if p.name.endswith(".bak.tmp")]
        with contextlib.suppress(OSError, FormatError):
            newest = max(aside, key=lambda p: p.stat().st_mtime) if aside else None
            if newest is not None and current is not None:
                data = atomic.read_own_file(newest)
                if data != current:
                    parse(data)  # only a good version becomes the backup
                    atomic.replace(newest, self.backup_of(traject_id))
        for leftover in leftovers:
            atomic.unlink_quietly(leftover)

    def _released(self, lock: TrajectLock) -> None:
        with self._mutex:
            if self._held.get(lock.traject_id) is lock:
                del self._held[lock.traject_id]
