"""Saving trajecten: one TOML file per traject, written so that no word is ever lost.

Files in the data folder (see docs/data-format.md):

- `<id>.toml`: the traject; `<id>.toml.bak`: the version before the last save
- `.<id>.summary.toml`: what the start screen shows of it, written by every save (store_summary.py)
- `<id>.lock`: taken with an OS lock while a copy of the app has the traject open
- `<id>.damaged-<time>.toml` (also `.conflict-`, `.newer-`, `.recovery-`, `.link-`): copies kept aside
- `.<id>.*.tmp`: a save in progress (left by a killed one: cleared by `lock()`); `prullenbak/`: removed
  trajecten, restorable

The parts live in their own modules: the file format (traject_file.py), the lock
(traject_lock.py, with `lock()`), the listing (store_summary.py), recovery copies and the copies kept
aside (recovery.py), the bin (trash.py), the errors (store_errors.py). Every name is importable from here too.
Nothing here imports Textual; every method may run on a worker thread.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.model import ROUTES, Route
from . import atomic, earlier_cache
from .file_text import FileText
from .recovery import APP_NAME, RecoveryCopies
from .store_errors import DamagedTraject, StorageError, TrajectLocked, folder_problem, from_os_error
from .store_summary import (
    PARSE_LIMIT,
    UNKNOWN,
    Due,
    TrajectSummary,
    damaged,
    from_head,
    head_problem,
    link_summary,
    modified,
    read_sidecar,
    write_sidecar,
)
from .text import clean_text
from .traject import Traject, is_id, new_id
from .traject_file import HEADER, SCHEMA_VERSION, FormatError, from_toml, parse, to_toml
from .traject_lock import Locking, TrajectLock
from .trash import TRASH, Bin

__all__ = [
    "APP_NAME",
    "HEADER",
    "PARSE_LIMIT",
    "SCHEMA_VERSION",
    "TRASH",
    "DamagedTraject",
    "FormatError",
    "Saved",
    "StorageError",
    "Store",
    "TrajectLock",
    "TrajectLocked",
    "TrajectSummary",
    "from_toml",
    "to_toml",
]


@dataclass(frozen=True)
class Saved:
    """What a save did: where the traject now is, and where the file it replaced went when that was
    damaged, a link, or changed by someone else since we read it (`kept_aside`; None when not)."""

    path: Path
    kept_aside: Path | None = None


class Store(Locking, RecoveryCopies, Bin):
    """The trajecten in one folder. The constructor does no I/O; methods are thread-safe."""

    def __init__(self, folder: Path, *, recovery_folders: Sequence[Path] | None = None) -> None:
        self.folder = Path(folder)
        self._recovery_folders = None if recovery_folders is None else [Path(f) for f in recovery_folders]
        self._mutex = threading.RLock()
        # id -> the bytes we last read (and parsed) or wrote (and checked): a file that still holds
        # them is known to be good without parsing it again
        self._known: dict[str, bytes] = {}
        self._listed: dict[str, tuple[tuple[int, ...], TrajectSummary]] = {}  # id -> (file stamp, summary)
        self._extra: dict[str, dict[str, Any]] = {}  # id -> keys from a newer minor version, written back
        self._texts: dict[str, FileText] = {}  # id -> the text of its parts that did not change, between saves
        self._old_format: set[str] = set()  # ids read from a format-1 file: kept aside as it was by the first save
        self._recovery: dict[str, list[Path]] = {}  # id -> recovery copies written in this session
        self._held: dict[str, TrajectLock] = {}
        self._folder_seen = False

    # paths

    def path_of(self, traject_id: str) -> Path:
        """The traject's file; ValueError for an id that is not a safe file name."""
        if not isinstance(traject_id, str) or not is_id(traject_id):
            raise ValueError(f"not a valid traject id: {traject_id!r}")
        return self.folder / f"{traject_id}.toml"

    def backup_of(self, traject_id: str) -> Path:
        """The traject's backup file: the version before the last save."""
        return self.path_of(traject_id).with_suffix(".toml.bak")

    # reading

    def summaries(self) -> list[TrajectSummary]:
        """Every traject in the folder, newest first; a damaged file is listed with its problem.

        Reads each traject's summary (written by its last save); only a file without a fresh one is
        read itself, and one over PARSE_LIMIT not even then (listed `unchecked`). StorageError when
        the data folder cannot be read or is a file or device ("folder_is_file", "folder_is_special").
        """
        try:
            entries = list(os.scandir(self.folder))
        except FileNotFoundError:
            return []
        except NotADirectoryError:
            if problem := folder_problem(self.folder):
                raise problem from None
            return []
        except OSError as error:
            raise self._error(error, self.folder) from None
        self._folder_seen = True
        found = []
        listed: dict[str, tuple[tuple[int, ...], TrajectSummary]] = {}
        for entry in entries:
            traject_id = entry.name.removesuffix(".toml")
            if not (entry.name.endswith(".toml") and is_id(traject_id)):
                continue
            with contextlib.suppress(OSError):
                info = os.lstat(entry.path)
                if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
                    continue
                # a file that has not changed since the last listing is not looked at again
                # (every save makes a new file, so a changed one has a new inode or time)
                stamp = (info.st_mode, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
                known = self._listed.get(traject_id)
                if known and known[0] == stamp:
                    summary = known[1]
                elif stat.S_ISLNK(info.st_mode):
                    summary = link_summary(traject_id, Path(entry.path))
                else:
                    summary = self._summary(traject_id, Path(entry.path), info)
                listed[traject_id] = (stamp, summary)
                found.append(summary)
        self._listed = listed
        found.sort(key=lambda s: (s.updated, s.name.casefold(), s.id), reverse=True)
        return found

    def _summary(self, traject_id: str, path: Path, info: os.stat_result) -> TrajectSummary:
        """From the sidecar when it is fresh; else from the file (only its head when it is large),
        unless it is too large to parse."""
        summary = read_sidecar(self.folder, traject_id, path, info) or from_head(traject_id, path, info)
        if summary is not None:
            return summary
        if info.st_size > PARSE_LIMIT:
            problem = head_problem(path)
            if problem is not None:
                return damaged(traject_id, path, info, *problem)
            return TrajectSummary(traject_id, traject_id, "", "", modified(info), path, unchecked=True)
        try:
            traject, _ = parse(atomic.read_own_file(path))
        except atomic.IsALink:
            return link_summary(traject_id, path)
        except (FormatError, OSError) as error:
            if isinstance(error, FormatError):
                code, reason = error.code, error.reason
            else:
                code, reason = "unreadable", f"the file cannot be read ({error.strerror})"
            return damaged(traject_id, path, info, code, reason)
        return TrajectSummary(traject_id, traject.name, traject.profile, traject.pack, traject.updated, path)

    def load(self, traject_id: str) -> Traject:
        """The traject; DamagedTraject (file kept aside, backup named) when it cannot be used.

        A symbolic link is never read through: DamagedTraject with code "link" and `link_target`.
        FileNotFoundError when there is no such traject.
        """
        path = self.path_of(traject_id)
        try:
            data = atomic.read_own_file(path)
        except FileNotFoundError:
            raise
        except atomic.IsALink as link:
            target = clean_text(link.target)  # a name can hold control characters: never to the terminal
            reason = f"the file is a link to {target}"
            raise DamagedTraject(path, "link", reason, None, None, link_target=target) from None
        except OSError as error:
            reason = f"the file cannot be read ({error.strerror})"
            raise DamagedTraject(path, "unreadable", reason, None, self._good_backup(traject_id)) from None
        try:
            traject, extra, schema, cached = earlier_cache.parse(self.folder, traject_id, data)
        except FormatError as error:
            kept = None
            if error.code != "newer_version":  # a newer app's file is not damaged; it stays as it is
                with contextlib.suppress(OSError), self._mutex:
                    kept = self._keep_aside(traject_id, "damaged", data)
            raise DamagedTraject(path, error.code, error.reason, kept, self._good_backup(traject_id)) from None
        traject.id = traject_id  # the file name is what the store knows; a copied file keeps its own
        with self._mutex:
            if cached is not None:  # the first save formats none of the closed check-ins again
                cached.seed(self._texts.setdefault(traject_id, FileText()), traject)
            self._folder_seen = True
            self._known[traject_id] = data
            self._extra[traject_id] = extra
            (self._old_format.add if schema < SCHEMA_VERSION else self._old_format.discard)(traject_id)
        return traject

    def load_backup(self, traject_id: str) -> Traject:
        """The traject as it was before the last save; DamagedTraject or FileNotFoundError if none works."""
        path = self.backup_of(traject_id)
        try:
            traject, extra = parse(atomic.read_own_file(path))
        except FileNotFoundError:
            raise
        except atomic.IsALink as link:
            target = clean_text(link.target)
            raise DamagedTraject(path, "link", f"the file is a link to {target}", link_target=target) from None
        except OSError as error:
            raise DamagedTraject(path, "unreadable", f"the file cannot be read ({error.strerror})") from None
        except FormatError as error:
            raise DamagedTraject(path, error.code, error.reason) from None
        traject.id = traject_id
        with self._mutex:
            self._extra[traject_id] = extra
        return traject

    def restore_backup(self, traject_id: str, *, progress: tuple[int, int] | None = None) -> Traject:
        """Make the backup the traject file again, at once, and return it.

        The file it replaces (damaged, or a link) is kept aside first; the backup itself stays as it
        is. DamagedTraject or FileNotFoundError when the backup is no good; StorageError when it
        cannot be written.
        """
        with self._mutex:
            traject = self.load_backup(traject_id)
            self.save(traject, progress=progress)
            return traject

    def _good_backup(self, traject_id: str) -> Path | None:
        path = self.backup_of(traject_id)
        try:
            parse(atomic.read_own_file(path))
        except (OSError, FormatError):
            return None
        return path

    # writing

    def create(self, name: str, profile: str, pack: str, route: Route = "full") -> Traject:
        """A new traject with a fresh id, saved at once; `route` "short" or "full" (ValueError for another)."""
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; expected one of {ROUTES}")
        traject_id = new_id(name)
        while os.path.lexists(self.path_of(traject_id)):
            traject_id = new_id(name)
        # a name enters the app here (the profile, pack and route are the app's own choices)
        traject = Traject(id=traject_id, name=clean_text(name).strip(), profile=profile, pack=pack, route=route)
        self.save(traject, progress=None)
        return traject

    def save(self, traject: Traject, *, progress: tuple[int, int] | None = None, due: Due = UNKNOWN) -> Saved:
        """Write the traject atomically, keeping the previous good version as `<id>.toml.bak`.

        A file that does not parse (or was changed by someone else since we read it, or is a link)
        is first kept aside under another name (`Saved.kept_aside`); it is never simply replaced.
        StorageError when anything fails, with the existing file untouched (code "other" also when a
        value cannot be written as TOML). `progress` (answered, total over all steps; see
        traject.overall_progress; None when unknown) and `due` (the next check-in, due.next_checkin: None
        when none is set, UNKNOWN when not known) go into its summary (start screen, `loopbaan due`).
        The text is written as it is: cleaned where it entered.
        """
        path = self.path_of(traject.id)
        with self._mutex:
            try:
                text = self._texts.setdefault(traject.id, FileText()).text(traject, self._extra.get(traject.id))
                data = text.encode("utf-8")
            except ValueError as error:  # one kind of failure for the UI; the message names no answer text
                raise StorageError("other", path, str(error)) from None
            self._ensure_folder()
            temp = old = kept = None
            try:
                temp = atomic.write_temp(self.folder, f".{traject.id}.", data)
                old, kept = self._set_aside_previous(traject.id, path)
                atomic.replace(temp, path)
                temp = None
                if old is not None:
                    try:
                        atomic.replace(old, self.backup_of(traject.id))
                        old = None
                    except OSError:
                        old = None  # the save itself succeeded; the old version stays in its temp file
                atomic.fsync_folder(self.folder)
            except OSError as error:
                atomic.unlink_quietly(temp)
                atomic.unlink_quietly(old)
                raise self._error(error, path) from None
            self._known[traject.id] = data
            write_sidecar(self.folder, traject, path, progress, due)
            earlier_cache.write(self.folder, traject, self._texts[traject.id])
            self._drop_recovery(traject.id)
        return Saved(path, kept)

    def _set_aside_previous(self, traject_id: str, path: Path) -> tuple[Path | None, Path | None]:
        """Before the replace: (the temp name a good previous file gets to become the backup, where a
        file that may not become the backup was kept aside). A damaged or foreign file is kept aside
        for good, a link is renamed aside (its target is never read). OSError when that is impossible."""
        try:
            data: bytes | None = atomic.read_own_file(path)
        except FileNotFoundError:
            return None, None
        except IsADirectoryError:
            raise
        except atomic.IsALink:
            aside = atomic.unique_path(self.folder, f"{traject_id}.link-{atomic.stamp()}", ".toml")
            os.rename(path, aside)  # moves the link itself, not what it points to
            return None, aside
        except OSError:
            data = None  # unreadable: a hard link can still keep it
        label = "damaged"
        if data is not None:
            known = self._known.get(traject_id)
            try:
                if data != known:  # the bytes we last read or wrote parsed then: no need to parse them again
                    parse(data)
            except FormatError as error:
                label = "newer" if error.code == "newer_version" else "damaged"
            else:
                return self._good_previous(traject_id, path, data, known)
        # never let a good backup be replaced by garbage: the backup is left alone
        return None, self._keep_aside(traject_id, label, data, path)

    def _good_previous(
        self, traject_id: str, path: Path, data: bytes, known: bytes | None
    ) -> tuple[Path | None, Path | None]:
        """`_set_aside_previous` for a file that reads: it becomes the backup, and is kept aside too
        when someone else wrote it since we read it."""
        kept = None
        if traject_id in self._old_format and data == known:
            # the first save in format 2 keeps the format-1 file as it was, for good (quietly:
            # `kept_aside` is for what the user should hear about)
            self._keep_aside(traject_id, "format1", data, path)
            self._old_format.discard(traject_id)
        elif known is not None and known != data:
            # someone else wrote a good file since we read it (a sync tool, an editor): keep theirs
            kept = self._keep_aside(traject_id, "conflict", data, path)
        old = self.folder / f".{traject_id}.{os.urandom(4).hex()}.bak.tmp"
        atomic.link_or_copy(path, old, data)
        return old, kept

    def _ensure_folder(self) -> None:
        """Create the data folder when needed (0o700).

        On first use the missing parents are created too (a fresh account may lack ~/.local/share).
        A folder that vanished while we used it is recreated only when its parent is still there:
        a deleted folder comes back, but an unplugged drive is reported, not rebuilt on another disk.
        """
        if self.folder.is_dir():
            self._folder_seen = True
            return
        if problem := folder_problem(self.folder):
            raise problem
        if os.path.lexists(self.folder):  # a link to nowhere: the drive it points to is gone
            raise StorageError("folder_missing", self.folder, "the data folder is not a folder")
        if self._folder_seen and not self.folder.parent.is_dir():
            raise StorageError("folder_missing", self.folder, "the data folder is gone")
        try:
            atomic.make_private_folder(self.folder, parents=not self._folder_seen)
        except OSError as error:
            raise self._error(error, self.folder) from None
        self._folder_seen = True

    def _error(self, error: OSError, path: Path) -> StorageError:
        """A StorageError for people: a code for the UI, the OS's words, never any answer text."""
        return from_os_error(error, path, self.folder)
