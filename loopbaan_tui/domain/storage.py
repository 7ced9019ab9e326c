"""Saving trajecten: one TOML file per traject, written so that no word is ever lost.

Files in the data folder (see docs/data-format.md):

- `<id>.toml`: the traject; `<id>.toml.bak`: the version before the last save
- `<id>.lock`: taken with an OS lock while a copy of the app has the traject open
- `<id>.damaged-<time>.toml` (also `.conflict-`, `.newer-`, `.recovery-`): copies kept aside
- `.<id>.*.tmp`: a save in progress (left by a killed one: cleared by `lock()`); `prullenbak/`: removed
  trajecten, restorable

Nothing here imports Textual; every method may run on a worker thread.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import re
import secrets
import stat
import sys
import tempfile
import threading
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from types import TracebackType
from typing import Any

import tomli_w

from . import atomic
from .traject import Traject, clean_text, new_id

SCHEMA_VERSION = 1
TRASH = "prullenbak"
APP_NAME = "loopbaan"

HEADER = f"# A loopbaan traject, file format {SCHEMA_VERSION}: see docs/data-format.md. Edit with care.\n"

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
_TRAJECT_KEYS = ("id", "name", "profile", "pack", "created", "updated")
_TOP_KEYS = ("schema", "traject", "answers", "private")
_MAX_DEPTH = 20

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_UNWRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_GONE = {errno.ENOENT, errno.ENOTDIR}


class StorageError(Exception):
    """A save, lock or remove failed; `code` is one of unwritable, disk_full, folder_missing, other."""

    def __init__(self, code: str, path: Path, detail: str) -> None:
        super().__init__(f"{code}: {detail} ({path})")
        self.code = code
        self.path = path
        self.detail = detail


class DamagedTraject(Exception):
    """A traject file cannot be used; it is kept, never overwritten. `code` names the reason."""

    def __init__(self, path: Path, code: str, reason: str, kept_as: Path | None = None,
                 backup: Path | None = None) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.code = code
        self.reason = reason
        self.kept_as = kept_as
        self.backup = backup


class TrajectLocked(Exception):
    """Another running copy of the app has this traject open."""

    def __init__(self, traject_id: str) -> None:
        super().__init__(f"traject {traject_id} is open in another copy of loopbaan")
        self.traject_id = traject_id


class FormatError(ValueError):
    """A traject file's content is not usable; `code` and a short `reason` without any answer text."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class TrajectSummary:
    """One line of the start screen; `problem` (and `problem_code`) set when the file is damaged."""

    id: str
    name: str
    profile: str
    pack: str
    updated: datetime
    path: Path
    problem: str | None = None
    problem_code: str | None = None


# --- the file format ---------------------------------------------------------------------------


def to_toml(traject: Traject, *, extra: Mapping[str, Any] | None = None) -> str:
    """The file's text; `extra` holds unknown keys read from the file, written back untouched.

    Raises ValueError (naming the prompt, never the answer) for values TOML cannot hold.
    """
    return _dump(_document(traject, extra, lenient=False))


def from_toml(text: str) -> Traject:
    """A traject from a file's text; FormatError (a ValueError with `.code`) on bad data."""
    return _from_text(text)[0]


def _document(traject: Traject, extra: Mapping[str, Any] | None, *, lenient: bool,
              convert: _Converter | None = None) -> dict[str, Any]:
    """The file's content as plain TOML types; `lenient` turns what TOML cannot hold into text
    instead of refusing (for recovery copies: better an odd value than no copy at all)."""
    convert = convert or _Converter(lenient)
    answers = traject.answers
    if not isinstance(answers, Mapping):
        if not lenient:
            raise ValueError("answers must be a table")
        answers = {"answers": answers}
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "private": sorted(convert.text(p, "private") for p in traject.private),
        "traject": {
            "id": convert.text(traject.id, "traject.id"),
            "name": convert.text(traject.name, "traject.name"),
            "profile": convert.text(traject.profile, "traject.profile"),
            "pack": convert.text(traject.pack, "traject.pack"),
            "created": _moment(traject.created, "traject.created", lenient),
            "updated": _moment(traject.updated, "traject.updated", lenient),
        },
        "answers": convert.answers(answers),
    }
    for key, value in (extra or {}).items():
        if key == "traject" and isinstance(value, Mapping):
            for sub, item in value.items():
                data["traject"].setdefault(sub, item)
        else:
            data.setdefault(key, value)
    return data


def _dump(data: dict[str, Any]) -> str:
    """TOML text by tomli_w, with multi-line strings so long answers read well in an editor.

    Not parsed back on every save: `_document` hands tomli_w only plain TOML types and cleaned
    text, and the round trip of any text is proven by tests (tests/test_storage_props.py), so a
    second parse would only double the cost of every autosave.
    """
    return HEADER + tomli_w.dumps(data, multiline_strings=True)


def _moment(value: Any, where: str, lenient: bool = False) -> datetime:
    if not isinstance(value, datetime):
        if lenient:
            return datetime.now(UTC).replace(microsecond=0)
        raise ValueError(f"{where} must be a date and time")
    # naive times are taken as UTC so that every file compares and sorts the same way
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class _Converter:
    """Answers to plain TOML types: strict (ValueError naming the prompt, never the answer) or lenient.

    `memo` holds the strings an earlier save cleaned: an autosave cleans only what changed.
    """

    def __init__(self, lenient: bool, memo: Mapping[str, str] | None = None) -> None:
        self.lenient = lenient
        self.memo = memo or {}
        self.seen: dict[str, str] = {}
        """The strings of this document, cleaned: the memo for the next save."""

    def clean(self, value: str) -> str:
        # str.__str__ gives a plain str even for a subclass; clean_text is a no-op on clean text and
        # keeps out lone surrogates, which UTF-8 cannot encode
        plain = str.__str__(value)
        done = self.seen.get(plain)
        if done is None:
            done = self.memo.get(plain)
            if done is None:
                done = clean_text(plain)
            self.seen[plain] = done
        return done

    def refuse(self, message: str, value: Any) -> str:
        if self.lenient:
            return clean_text(repr(value))
        raise ValueError(message)

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            return self.refuse(f"{where} must be text, not {type(value).__name__}", value)
        return self.clean(value)

    def key(self, key: Any, prompt: str) -> str:
        if isinstance(key, str):
            return self.clean(key)
        return self.refuse(f"answer {prompt!r} has a key that is not text ({type(key).__name__})", key)

    def answers(self, answers: Mapping[Any, Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in answers.items():
            if not isinstance(key, str):
                key = self.refuse(f"an answer has a prompt id that is not text ({type(key).__name__})", key)
            if value is not None:
                prompt = self.clean(key)
                result[prompt] = self.value(value, prompt, 0)
        return result

    def value(self, value: Any, prompt: str, depth: int) -> Any:
        """One answer value; None inside tables and lists means 'nothing' and is left out."""
        if depth > _MAX_DEPTH:
            return self.refuse(f"answer {prompt!r} is nested too deeply", value)
        if isinstance(value, str):
            return self.clean(value)
        if isinstance(value, bool):
            return bool(value)
        if isinstance(value, int):
            return int.__index__(value)
        if isinstance(value, float):
            if not math.isfinite(value):
                return self.refuse(f"answer {prompt!r} holds a number that is not finite", value)
            return float.__float__(value)
        # lists and tables first: the abstract Mapping check is slow, and most values are plain ones
        if isinstance(value, list | tuple):
            return [self.value(item, prompt, depth + 1) for item in value if item is not None]
        if isinstance(value, dict | Mapping):
            return {self.key(k, prompt): self.value(v, prompt, depth + 1) for k, v in value.items() if v is not None}
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        if isinstance(value, set | frozenset) and all(isinstance(item, str) for item in value):
            return sorted(self.clean(item) for item in value)
        return self.refuse(f"answer {prompt!r} holds a {type(value).__name__}, which cannot be saved", value)


def _decode(data: bytes) -> str:
    """Bytes to text strictly as UTF-8 (a byte-order mark from a Windows editor is accepted)."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError("not_utf8", "the file is not UTF-8 text") from None


def _parse(data: bytes) -> tuple[Traject, dict[str, Any]]:
    return _from_text(_decode(data))


def _from_text(text: str) -> tuple[Traject, dict[str, Any]]:
    """The traject and the keys this version does not know (kept to be written back)."""
    if not text.strip(" \t\r\n\x00"):
        raise FormatError("empty", "the file holds only zero bytes" if "\x00" in text else "the file is empty")
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # the parser's message may quote a character of the file; give only the position
        found = re.search(r"line (\d+), column (\d+)", str(error))
        where = f" (line {found[1]}, column {found[2]})" if found else " (it ends too early)"
        raise FormatError("not_toml", f"the file is not valid TOML{where}") from None
    except RecursionError:  # "[[[[..." thousands deep: the parser gives up, and so do we, kindly
        raise FormatError("not_toml", "the file is not valid TOML (nested too deeply)") from None
    schema = doc.get("schema")
    if schema is None:
        raise FormatError("bad_data", "the file has no schema version")
    if type(schema) is not int:
        raise FormatError("bad_data", "the schema version is not a whole number")
    if schema > SCHEMA_VERSION:
        raise FormatError("newer_version", f"the file was written by a newer version of loopbaan (schema {schema})")
    if schema < 1:
        raise FormatError("bad_data", f"unknown schema version {schema}")
    table = doc.get("traject")
    if not isinstance(table, dict):
        raise FormatError("bad_data", "the file has no [traject] table")
    fields: dict[str, Any] = {}
    for key in _TRAJECT_KEYS:
        value = table.get(key)
        if value is None:
            raise FormatError("bad_data", f"traject.{key} is missing")
        wanted = datetime if key in ("created", "updated") else str
        if not isinstance(value, wanted):
            raise FormatError("bad_data", f"traject.{key} is not {'a date and time' if wanted is datetime else 'text'}")
        fields[key] = _moment(value, key) if isinstance(value, datetime) else value
    # control characters from a hand-edited file ("\u001b]52;..." in TOML) would steer the terminal
    # the name and answers are shown on; saving strips them anyway (clean_text), so reading does too
    fields["name"] = clean_text(fields["name"])
    answers = doc.get("answers", {})
    if not isinstance(answers, dict):
        raise FormatError("bad_data", "answers is not a table")
    private = doc.get("private", [])
    if not isinstance(private, list) or not all(isinstance(p, str) for p in private):
        raise FormatError("bad_data", "private is not a list of prompt ids")
    traject = Traject(answers={k: _read_value(v) for k, v in answers.items()}, private=set(private), **fields)
    extra: dict[str, Any] = {k: v for k, v in doc.items() if k not in _TOP_KEYS}
    if unknown := {k: v for k, v in table.items() if k not in _TRAJECT_KEYS}:
        extra["traject"] = unknown
    return traject, extra


def _read_value(value: Any, depth: int = 0) -> Any:
    """Answers as the app keeps them: a hand-typed TOML date becomes the text the date prompt uses.

    An answer nested deeper than a save can write is refused here (FormatError): a traject that
    opens but can never be saved again would lose every word typed into it.
    """
    if depth > _MAX_DEPTH:
        raise FormatError("bad_data", "an answer is nested too deeply")
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _read_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_read_value(v, depth + 1) for v in value]
    return value


# --- the lock ----------------------------------------------------------------------------------


class TrajectLock:
    """An OS lock on `<id>.lock` while a traject is open; released by the OS when the process dies."""

    def __init__(self, traject_id: str, path: Path, fd: int,
                 on_release: Callable[[TrajectLock], None] | None = None) -> None:
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
            _unlock(fd)
        with contextlib.suppress(OSError):
            os.close(fd)
        if self._on_release is not None:
            self._on_release(self)

    def __enter__(self) -> TrajectLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()


def _try_lock(fd: int) -> bool:
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


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


# --- the store ---------------------------------------------------------------------------------


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _unique(folder: Path, stem: str, suffix: str) -> Path:
    path, n = folder / f"{stem}{suffix}", 2
    while os.path.lexists(path):
        path, n = folder / f"{stem}-{n}{suffix}", n + 1
    return path


def _is_id(text: str) -> bool:
    return bool(_ID.fullmatch(text)) and text.upper() not in _WINDOWS_RESERVED


class Store:
    """The trajecten in one folder. The constructor does no I/O; methods are thread-safe."""

    def __init__(self, folder: Path, *, recovery_folders: Sequence[Path] | None = None) -> None:
        self.folder = Path(folder)
        self._recovery_folders = None if recovery_folders is None else [Path(f) for f in recovery_folders]
        self._mutex = threading.RLock()
        # id -> the bytes we last read (and parsed) or wrote (and checked): a file that still holds
        # them is known to be good without parsing it again
        self._known: dict[str, bytes] = {}
        self._cleaned: dict[str, str] = {}  # the strings the last save cleaned
        self._listed: dict[str, tuple[tuple[int, ...], TrajectSummary]] = {}  # id -> (file stamp, summary)
        self._extra: dict[str, dict[str, Any]] = {}  # id -> keys from a newer minor version, written back
        self._recovery: dict[str, list[Path]] = {}  # id -> recovery copies written in this session
        self._held: dict[str, TrajectLock] = {}
        self._folder_seen = False
        self.last_kept_aside: Path | None = None
        """Set by save() when it kept a copy of a file that was damaged or changed by someone else."""

    # paths

    def path_of(self, traject_id: str) -> Path:
        """The traject's file; ValueError for an id that is not a safe file name."""
        if not isinstance(traject_id, str) or not _is_id(traject_id):
            raise ValueError(f"not a valid traject id: {traject_id!r}")
        return self.folder / f"{traject_id}.toml"

    def backup_of(self, traject_id: str) -> Path:
        """The traject's backup file: the version before the last save."""
        return self.path_of(traject_id).with_suffix(".toml.bak")

    @property
    def trash(self) -> Path:
        return self.folder / TRASH

    # reading

    def summaries(self) -> list[TrajectSummary]:
        """Every traject in the folder, newest first; a damaged file is listed with its problem."""
        try:
            entries = list(os.scandir(self.folder))
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as error:
            raise self._error(error, self.folder) from None
        self._folder_seen = True
        found = []
        listed: dict[str, tuple[tuple[int, ...], TrajectSummary]] = {}
        for entry in entries:
            traject_id = entry.name.removesuffix(".toml")
            if entry.name.endswith(".toml") and _is_id(traject_id):
                with contextlib.suppress(OSError):
                    if entry.is_file():
                        # a file that has not changed since the last listing is not read again
                        # (every save makes a new file, so a changed one has a new inode or time)
                        info = entry.stat()
                        stamp = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
                        known = self._listed.get(traject_id)
                        summary = known[1] if known and known[0] == stamp else self._summary(traject_id,
                                                                                             Path(entry.path))
                        listed[traject_id] = (stamp, summary)
                        found.append(summary)
        self._listed = listed
        found.sort(key=lambda s: (s.updated, s.name.casefold(), s.id), reverse=True)
        return found

    def _summary(self, traject_id: str, path: Path) -> TrajectSummary:
        try:
            traject, _ = _parse(path.read_bytes())
        except (FormatError, OSError) as error:
            code, reason = (error.code, error.reason) if isinstance(error, FormatError) else (
                "unreadable", f"the file cannot be read ({error.strerror})")
            try:
                updated = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            except OSError:
                updated = datetime.fromtimestamp(0, UTC)
            return TrajectSummary(traject_id, traject_id, "", "", updated, path, reason, code)
        return TrajectSummary(traject_id, traject.name, traject.profile, traject.pack, traject.updated, path)

    def find(self, name_or_id: str) -> TrajectSummary | None:
        """The traject with this id, else the newest whose name matches ignoring case."""
        wanted = name_or_id.strip()
        summaries = self.summaries()
        for summary in summaries:
            if summary.id == wanted:
                return summary
        folded = wanted.casefold()
        return next((s for s in summaries if s.problem is None and s.name.strip().casefold() == folded), None)

    def load(self, traject_id: str) -> Traject:
        """The traject; DamagedTraject (file kept aside, backup named) when it cannot be used.

        FileNotFoundError when there is no such traject.
        """
        path = self.path_of(traject_id)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as error:
            reason = f"the file cannot be read ({error.strerror})"
            raise DamagedTraject(path, "unreadable", reason, None, self._good_backup(traject_id)) from None
        try:
            traject, extra = _parse(data)
        except FormatError as error:
            kept = None
            if error.code != "newer_version":  # a newer app's file is not damaged; it stays as it is
                with contextlib.suppress(OSError), self._mutex:
                    kept = self._keep_aside(traject_id, "damaged", data)
            raise DamagedTraject(path, error.code, error.reason, kept, self._good_backup(traject_id)) from None
        traject.id = traject_id  # the file name is what the store knows; a copied file keeps its own
        with self._mutex:
            self._folder_seen = True
            self._known[traject_id] = data
            self._extra[traject_id] = extra
        return traject

    def load_backup(self, traject_id: str) -> Traject:
        """The traject as it was before the last save; DamagedTraject or FileNotFoundError if none works."""
        path = self.backup_of(traject_id)
        try:
            traject, extra = _parse(path.read_bytes())
        except FileNotFoundError:
            raise
        except OSError as error:
            raise DamagedTraject(path, "unreadable", f"the file cannot be read ({error.strerror})") from None
        except FormatError as error:
            raise DamagedTraject(path, error.code, error.reason) from None
        traject.id = traject_id
        with self._mutex:
            self._extra[traject_id] = extra
        return traject

    def _good_backup(self, traject_id: str) -> Path | None:
        path = self.backup_of(traject_id)
        try:
            _parse(path.read_bytes())
        except (OSError, FormatError):
            return None
        return path

    # writing

    def create(self, name: str, profile: str, pack: str) -> Traject:
        """A new traject with a fresh id, saved at once."""
        traject_id = new_id(name)
        while os.path.lexists(self.path_of(traject_id)):
            traject_id = new_id(name)
        traject = Traject(id=traject_id, name=clean_text(name).strip(), profile=profile, pack=pack)
        self.save(traject)
        return traject

    def save(self, traject: Traject) -> Path:
        """Write the traject atomically, keeping the previous good version as `<id>.toml.bak`.

        A file that does not parse (or was changed by someone else since we read it) is first kept
        aside under another name; it is never simply replaced. StorageError when anything fails,
        with the existing file untouched (code "other" also when a value cannot be written as TOML).
        """
        path = self.path_of(traject.id)
        with self._mutex:
            try:
                convert = _Converter(lenient=False, memo=self._cleaned)
                document = _document(traject, self._extra.get(traject.id), lenient=False, convert=convert)
                data = _dump(document).encode("utf-8")
                self._cleaned = convert.seen
            except ValueError as error:  # one kind of failure for the UI; the message names no answer text
                raise StorageError("other", path, str(error)) from None
            self._ensure_folder()
            self.last_kept_aside = None
            temp = old = None
            try:
                temp = atomic.write_temp(self.folder, f".{traject.id}.", data)
                old = self._set_aside_previous(traject.id, path)
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
            self._drop_recovery(traject.id)
        return path

    def _set_aside_previous(self, traject_id: str, path: Path) -> Path | None:
        """Before the replace: a good previous file gets a temp name to become the backup (returned);
        a damaged or foreign one is kept aside for good. Raises OSError when that is impossible."""
        try:
            data: bytes | None = path.read_bytes()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise
        except OSError:
            data = None  # unreadable: a hard link can still keep it
        label = "damaged"
        if data is not None:
            known = self._known.get(traject_id)
            try:
                if data != known:  # the bytes we last read or wrote parsed then: no need to parse them again
                    _parse(data)
            except FormatError as error:
                label = "newer" if error.code == "newer_version" else "damaged"
            else:
                if known is not None and known != data:
                    # someone else wrote a good file since we read it (a sync tool, an editor): keep theirs
                    self.last_kept_aside = self._keep_aside(traject_id, "conflict", data, path)
                old = self.folder / f".{traject_id}.{secrets.token_hex(4)}.bak.tmp"
                atomic.link_or_copy(path, old, data)
                return old
        # never let a good backup be replaced by garbage: the backup is left alone
        self.last_kept_aside = self._keep_aside(traject_id, label, data, path)
        return None

    def _keep_aside(self, traject_id: str, label: str, data: bytes | None, source: Path | None = None) -> Path:
        """A lasting copy `<id>.<label>-<time>.toml`; an identical earlier copy is reused."""
        if data is not None:
            for existing in self.folder.glob(f"{traject_id}.{label}-*.toml"):
                with contextlib.suppress(OSError):
                    if existing.stat().st_size == len(data) and existing.read_bytes() == data:
                        return existing
        target = _unique(self.folder, f"{traject_id}.{label}-{_stamp()}", ".toml")
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

    def _ensure_folder(self) -> None:
        """Create the data folder when needed (0o700).

        On first use the missing parents are created too (a fresh account may lack ~/.local/share).
        A folder that vanished while we used it is recreated only when its parent is still there:
        a deleted folder comes back, but an unplugged drive is reported, not rebuilt on another disk.
        """
        if self.folder.is_dir():
            self._folder_seen = True
            return
        if os.path.lexists(self.folder):
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
        detail = error.strerror or type(error).__name__
        if error.errno in _DISK_FULL:
            code = "disk_full"
        elif error.errno in _UNWRITABLE or isinstance(error, PermissionError):
            code = "unwritable"
        elif error.errno in _GONE and not self.folder.is_dir():
            code = "folder_missing"
        else:
            code = "other"
        return StorageError(code, path, detail)

    # recovery copies

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
                data = _dump(_document(traject, extra, lenient=True)).encode("utf-8")
            except ValueError:
                return None
        stem = f"{traject.id}.recovery-{_stamp()}"
        with self._mutex:
            earlier = self._recovery.get(traject.id, [])
            # last time's file first: one copy per traject, kept up to date, not one per failed autosave
            tries = [(p.parent, p) for p in reversed(earlier)]
            tries += [(folder, None) for folder in self._recovery_candidates()]
            for folder, target in tries:
                temp = None
                try:
                    if target is None:
                        if folder != self.folder:
                            _private_folder(folder)
                        elif not folder.is_dir():
                            continue
                        target = _unique(folder, stem, ".toml")
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

    # removing

    def remove(self, traject_id: str) -> Path:
        """Move the traject (and its backup) into `prullenbak/`; returns its new path.

        TrajectLocked when another copy of the app has it open; a lock held by this store is ended.
        """
        path = self.path_of(traject_id)
        with self._mutex:
            if not os.path.lexists(path):
                raise FileNotFoundError(errno.ENOENT, "no such traject", str(path))
            own = traject_id not in self._held
            lock = self._held.get(traject_id) or self.lock(traject_id)
            try:
                atomic.make_private_folder(self.trash)
                target = _unique(self.trash, f"{traject_id}.{_stamp()}", ".toml")
                atomic.replace(path, target)
                atomic.owner_only(target)
                backup = self.backup_of(traject_id)
                if backup.exists():
                    with contextlib.suppress(OSError):
                        atomic.replace(backup, target.with_name(target.name + ".bak"))
                        atomic.owner_only(target.with_name(target.name + ".bak"))
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
            if not trashed.is_file():
                raise FileNotFoundError(errno.ENOENT, "not in the trash", str(trashed))
            self._ensure_folder()
            try:
                atomic.replace(trashed, path)
                backup = trashed.with_name(trashed.name + ".bak")
                if backup.exists() and not os.path.lexists(self.backup_of(traject_id)):
                    with contextlib.suppress(OSError):
                        atomic.replace(backup, self.backup_of(traject_id))
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

    # locking

    def lock(self, traject_id: str) -> TrajectLock:
        """Hold the traject for this process: TrajectLocked when another copy of the app has it.

        StorageError when no lock file can be made (an unwritable folder).
        """
        path = self.path_of(traject_id).with_suffix(".lock")
        with self._mutex:
            self._ensure_folder()
            for _ in range(3):
                try:
                    fd = _open_lock_file(path)
                except OSError as error:
                    raise self._error(error, path) from None
                try:
                    locked = _try_lock(fd)
                except OSError as error:  # e.g. ENOLCK on a network share
                    os.close(fd)
                    raise self._error(error, path) from None
                if not locked:
                    os.close(fd)
                    raise TrajectLocked(traject_id)
                if _same_file(fd, path):
                    lock = TrajectLock(traject_id, path, fd, self._released)
                    self._held[traject_id] = lock
                    self._clear_leftovers(traject_id)
                    return lock
                # remove() deleted the lock file between our open and our lock: take the new one
                _unlock(fd)
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
            current: bytes | None = self.path_of(traject_id).read_bytes()
        except OSError:
            current = None
        aside = [p for p in leftovers if p.name.endswith(".bak.tmp")]
        with contextlib.suppress(OSError, FormatError):
            newest = max(aside, key=lambda p: p.stat().st_mtime) if aside else None
            if newest is not None and current is not None:
                data = newest.read_bytes()
                if data != current:
                    _parse(data)  # only a good version becomes the backup
                    atomic.replace(newest, self.backup_of(traject_id))
        for leftover in leftovers:
            atomic.unlink_quietly(leftover)

    def _released(self, lock: TrajectLock) -> None:
        with self._mutex:
            if self._held.get(lock.traject_id) is lock:
                del self._held[lock.traject_id]


def _open_lock_file(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except PermissionError:
        # a read-only folder or lock file: an existing lock file can still be locked for reading
        return os.open(path, os.O_RDONLY)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


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
