"""Recovery copies: after a failed save, the traject is written wherever it can be, and said where;
and the copies kept aside in the data folder (a damaged file, one changed outside loopbaan).

Part of `Store` (a base class of it); nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import atomic
from .traject import Traject
from .traject_file import document, dump, to_toml

APP_NAME = "loopbaan"


class RecoveryCopies:
    """The recovery half of `Store`: `save_recovery`, `recoveries`, and `_keep_aside`."""

    folder: Path
    _mutex: threading.RLock
    _extra: dict[str, dict[str, Any]]
    _recovery: dict[str, list[Path]]
    _recovery_folders: list[Path] | None
    path_of: Callable[[str], Path]

    def save_recovery(self, traject: Traject) -> Path | None:
        """After a failed save: write a copy wherever possible and say where (None when nowhere).

        Tries the data folder under another name, then the user cache folder, then the temp folder.
        Within a session each traject has one recovery file, replaced by newer copies; a later
        successful save removes it.
        """
        try:
            self.path_of(traject.id)
        except ValueError:
            return None
        extra = self._extra.get(traject.id)
        try:
            data = to_toml(traject, extra=extra).encode("utf-8")
        except ValueError:
            try:
                data = dump(document(traject, extra, lenient=True)).encode("utf-8")
            except ValueError:
                return None
        stem = f"{traject.id}.recovery-{atomic.stamp()}"
        with self._mutex:
            earlier = self._recovery.get(traject.id, [])
            # last time's file first: one copy per traject, kept up to date, not one per failed autosave
            tries: list[tuple[Path, Path | None]] = [(p.parent, p) for p in reversed(earlier)]
            tries += [(folder, None) for folder in self._recovery_candidates()]
            for folder, target in tries:
                temp = None
                try:
                    if target is None:
                        if folder != self.folder:
                            _private_folder(folder)
                        elif not folder.is_dir():
                            continue
                        target = atomic.unique_path(folder, stem, ".toml")
                    temp = atomic.write_temp(folder, f".{traject.id}.", data)
                    atomic.replace(temp, target)
                    atomic.fsync_folder(folder)
                except OSError:
                    atomic.unlink_quietly(temp)
                    continue
                return self._recovered(traject.id, target)
            try:  # last resort: a fresh private folder nobody else can have prepared
                folder = Path(tempfile.mkdtemp(prefix="loopbaan-recovery-"))
                temp = atomic.write_temp(folder, f".{traject.id}.", data)
                target = folder / f"{stem}.toml"
                atomic.replace(temp, target)
            except OSError:
                return None
            return self._recovered(traject.id, target)

    def _recovered(self, traject_id: str, target: Path) -> Path:
        """Remember the newest recovery copy; older ones of this session are superseded by it."""
        for old in self._recovery.get(traject_id, []):
            if old != target:
                atomic.unlink_quietly(old)
        self._recovery[traject_id] = [target]
        return target

    def recoveries(self, traject_id: str | None = None) -> list[Path]:
        """Recovery copies in the data folder and the usual fallback folders, newest first."""
        pattern = f"{traject_id or '*'}.recovery-*.toml"
        found: list[Path] = []
        for folder in self._recovery_candidates():
            with contextlib.suppress(OSError):
                found.extend(p for p in folder.glob(pattern) if p.is_file())
        return sorted(set(found), key=lambda p: p.name.rsplit(".recovery-", 1)[-1], reverse=True)

    def _recovery_candidates(self) -> list[Path]:
        if self._recovery_folders is not None:
            return [self.folder, *self._recovery_folders]
        candidates = [self.folder]
        try:
            from platformdirs import user_cache_path

            candidates.append(user_cache_path(APP_NAME, appauthor=False) / "recovery")
        except Exception:  # a broken platform lookup must not stop the last resorts
            pass
        user = os.geteuid() if hasattr(os, "geteuid") else "user"  # Windows: the temp folder is per user
        candidates.append(Path(tempfile.gettempdir()) / f"loopbaan-recovery-{user}")
        return candidates

    def _drop_recovery(self, traject_id: str) -> None:
        """A successful save makes this session's recovery copies of the traject obsolete."""
        for path in self._recovery.pop(traject_id, []):
            atomic.unlink_quietly(path)

    def _keep_aside(self, traject_id: str, label: str, data: bytes | None, source: Path | None = None) -> Path:
        """A lasting copy `<id>.<label>-<time>.toml` in the data folder (a damaged, changed or old file that
        `Store` sets aside); an identical earlier copy is reused."""
        if data is not None:
            for existing in self.folder.glob(f"{traject_id}.{label}-*.toml"):
                with contextlib.suppress(OSError):
                    if existing.lstat().st_size == len(data) and atomic.read_own_file(existing) == data:
                        return existing
        target = atomic.unique_path(self.folder, f"{traject_id}.{label}-{atomic.stamp()}", ".toml")
        if source is not None:
            atomic.link_or_copy(source, target, data)
        else:
            assert data is not None
            temp = atomic.write_temp(self.folder, f".{traject_id}.", data)
            try:
                atomic.replace(temp, target)
            except BaseException:
                atomic.unlink_quietly(temp)
                raise
        return target


def _private_folder(folder: Path) -> None:
    """A recovery folder that only we can read; refuse one that someone else prepared (in /tmp)."""
    atomic.make_private_folder(folder, parents=True)
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise OSError(errno.EEXIST, "not a private folder")
    if hasattr(os, "geteuid"):
        if info.st_uid != os.geteuid():
            raise OSError(errno.EPERM, "the folder belongs to someone else")
        if info.st_mode & 0o077:
            os.chmod(folder, 0o700)
