"""Crash-safe file primitives: a unique temp file made durable, a patient rename, a synced folder.

Raises plain `OSError`s; `storage` turns them into messages for people.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from pathlib import Path

REPLACE_RETRY_DELAYS: tuple[float, ...] = (0.01, 0.03, 0.06, 0.1, 0.2, 0.3)
"""Pauses between rename attempts after a PermissionError (< 1 s in total): on Windows a virus
scanner, indexer or sync tool that has the file open makes the rename fail for a moment."""

POSIX = os.name == "posix"


def write_temp(folder: Path, prefix: str, data: bytes, suffix: str = ".tmp") -> Path:
    """Write `data` to a new unique file in `folder` (mode 0o600), flushed and fsynced; its path."""
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
    """Create `folder` readable by its owner only; an existing folder is left as it is."""
    if folder.is_dir():
        return
    folder.mkdir(mode=0o700, parents=parents, exist_ok=True)
    # mkdir's mode passes through the umask; set it exactly
    os.chmod(folder, 0o700)


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
