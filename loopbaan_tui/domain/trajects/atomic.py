"""Crash-safe file primitives: a unique temp file made durable, a patient rename, a synced folder.

Raises plain `OSError`s; `storage` turns them into messages for people.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPLACE_RETRY_DELAYS: tuple[float, ...] = (0.01, 0.03, 0.06, 0.1, 0.2, 0.3)
"""Pauses between rename attempts after a PermissionError (< 1 s in total): on Windows a virus
scanner, indexer or sync tool that has the file open makes the rename fail for a moment."""

POSIX = os.name == "posix"


def write_temp(folder: Path, prefix: str, data: bytes, suffix: str = ".tmp", *, sync: bool = True) -> Path:
    """Write `data` to a new unique file in `folder` (mode 0o600), flushed and fsynced; its path.

    `sync=False` skips the fsync: for caches that may be lost in a power cut, never for words."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    path = Path(name)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                if written <= 0:  # never loop forever on a device that takes nothing
                    raise OSError(errno.EIO, os.strerror(errno.EIO))
                view = view[written:]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)  # some file systems (NFS) report a failed write only here
    except BaseException:
        unlink_quietly(path)
        raise
    return path


def replace(source: Path, target: Path) -> None:
    """`os.replace`, retried for a moment while another process holds the target open."""
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)


def link_or_copy(source: Path, target: Path, data: bytes | None) -> None:
    """Give `source`'s current content the new name `target` (which must not exist).

    A hard link costs no disk space and needs no read access, so it works on a full disk;
    where links are not supported the bytes already read are written instead.
    """
    try:
        os.link(source, target)
    except (OSError, NotImplementedError):
        if data is None:
            raise
    else:
        owner_only(target)  # a file put there by hand may be readable by others; its copies are not
        return
    temp = write_temp(target.parent, ".keep-", data)
    try:
        replace(temp, target)
    except BaseException:
        unlink_quietly(temp)
        raise


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); best effort, some file systems cannot."""
    if not POSIX:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # the rename itself succeeded; a folder that cannot be synced is not a failed save
    finally:
        os.close(fd)


def make_private_folder(folder: Path, *, parents: bool = False) -> None:
    """Create `folder` readable by its owner only; an existing folder is left as it is.

    With `parents`, every missing parent is made the same way (0o700): only the folders we create
    are ours to set, so existing ones are never changed.
    """
    if folder.is_dir():
        return
    missing = [folder]
    if parents:
        parent = folder.parent
        while parent != parent.parent and not os.path.lexists(parent):
            missing.append(parent)
            parent = parent.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue  # made by someone else a moment ago: theirs, left as it is
        # mkdir's mode passes through the umask; set it exactly
        os.chmod(path, 0o700)


class IsALink(OSError):
    """The path is a symbolic link; `target` is where it points (as the link says)."""

    def __init__(self, path: Path, target: str) -> None:
        super().__init__(errno.ELOOP, "the file is a symbolic link", str(path))
        self.target = target


def read_own_file(path: Path, limit: int = -1) -> bytes:
    """The bytes of an ordinary file at `path` (its first `limit` when given), never read through a
    symbolic link.

    IsALink for a link, IsADirectoryError for a folder, OSError(EINVAL) for a pipe or device (never
    waited on), FileNotFoundError when it is not there.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):
        raise IsALink(path, _link_target(path))
    try:
        fd = os.open(path, flags)
    except OSError:
        if os.path.islink(path):
            raise IsALink(path, _link_target(path)) from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not an ordinary file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit)
    finally:
        os.close(fd)


def _link_target(path: Path) -> str:
    try:
        return str(os.readlink(path))
    except OSError:
        return "?"


def owner_only(path: Path) -> None:
    """Make a file readable by its owner only (POSIX; best effort: the file is kept either way)."""
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)


def unlink_quietly(path: Path | None) -> None:
    """Remove a temp file we made, ignoring that it may already be gone."""
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def stamp() -> str:
    """The time now, for the names of kept copies: 20260101T120000Z."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem+suffix`, or with -2, -3 ... after the stem when that name is taken."""
    path, n = folder / f"{stem}{suffix}", 2
    while os.path.lexists(path):
        path, n = folder / f"{stem}-{n}{suffix}", n + 1
    return path
