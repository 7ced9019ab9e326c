"""The lock on a traject: an OS lock on `<id>.lock` while a copy of the app has it open."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType


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
