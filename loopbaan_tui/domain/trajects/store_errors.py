"""What can go wrong in the store, as exceptions that carry a code for the words people see."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_UNWRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_GONE = {errno.ENOENT, errno.ENOTDIR}


class StorageError(Exception):
    """A save, lock or remove failed; `code` is one of unwritable, disk_full, folder_missing,
    folder_is_file, folder_is_special, link, trash_link, other (each has a UI word `storage_<code>`)."""

    def __init__(self, code: str, path: Path, detail: str) -> None:
        super().__init__(f"{code}: {detail} ({path})")
        self.code = code
        self.path = path
        self.detail = detail


class DamagedTraject(Exception):
    """A traject file cannot be used; it is kept, never overwritten. `code` names the reason."""

    def __init__(
        self,
        path: Path,
        code: str,
        reason: str,
        kept_as: Path | None = None,
        backup: Path | None = None,
        *,
        link_target: str | None = None,
    ) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.code = code
        self.reason = reason
        self.kept_as = kept_as
        self.backup = backup
        self.link_target = link_target
        """Where the file points when it is a symbolic link (code "link"); it is never read through."""


class TrajectLocked(Exception):
    """Another running copy of the app has this traject open."""

    def __init__(self, traject_id: str) -> None:
        super().__init__(f"traject {traject_id} is open in another copy of loopbaan")
        self.traject_id = traject_id


def from_os_error(error: OSError, path: Path, folder: Path) -> StorageError:
    """A StorageError for people: a code for the UI, the OS's words, never any answer text."""
    detail = error.strerror or type(error).__name__
    if error.errno in _DISK_FULL:
        code = "disk_full"
    elif error.errno in _UNWRITABLE or isinstance(error, PermissionError):
        code = "unwritable"
    elif error.errno in _GONE and not folder.is_dir():
        return folder_problem(folder) or StorageError("folder_missing", folder, detail)
    else:
        code = "other"
    return StorageError(code, path, detail)


def folder_problem(folder: Path) -> StorageError | None:
    """The data folder is there but is no folder: a file (folder_is_file), or a pipe, a device
    such as /dev/null, a socket (folder_is_special). None when it is a folder or is not there."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    if stat.S_ISDIR(info.st_mode):
        return None
    if stat.S_ISREG(info.st_mode):
        return StorageError("folder_is_file", folder, "the data folder is a file")
    return StorageError("folder_is_special", folder, "the data folder is a device or pipe, not a folder")
