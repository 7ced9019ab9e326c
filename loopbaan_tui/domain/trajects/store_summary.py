"""One line per traject for the start screen and `loopbaan list`, without parsing whole files.

Every save writes a small sidecar `.<id>.summary.toml` next to the traject file: its name, profile,
pack, times and progress, and the traject file's mode, inode, size and mtime_ns right after the save.
A sidecar whose stamp no longer matches the file (someone else wrote it, a sync tool replaced it)
is stale and ignored; the traject file is then read itself, unless it is larger than
`PARSE_LIMIT`: such a file is listed by its id as `unchecked` and checked when it is opened.
A sidecar is a cache: it is written without fsync, and a broken one is simply not used.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, Literal

import tomli_w

from . import atomic
from .text import clean_text
from .traject import Traject
from .traject_file import FormatError, check_schema, traject_fields

PARSE_LIMIT = 2 * 1024 * 1024
"""Traject files larger than this (2 MiB) are not parsed for a listing without a fresh sidecar."""
HEAD_BYTES = 64 * 1024
"""How much of a file over the limit is read to see whether it is plainly not a traject; and how
much of a file without a fresh sidecar is read for its name (from_head) when it is larger than this."""
SIDECAR_SCHEMA = 1
HEAD_TRIES = 8
"""How many places a listing tries to cut a file's head at (head_fields)."""


class Unknown(Enum):
    """What the saver could not tell (it had no pack to read the check-in date with)."""

    UNKNOWN = "unknown"


UNKNOWN: Literal[Unknown.UNKNOWN] = Unknown.UNKNOWN
Due = date | Literal[Unknown.UNKNOWN] | None
"""The next check-in as a save knows it: its date, None when none is set, UNKNOWN when it cannot tell."""


@dataclass(frozen=True)
class TrajectSummary:
    """One line of the start screen; `problem` (and `problem_code`) set when the file is damaged.

    `unchecked`: a file over `PARSE_LIMIT` without a fresh summary, listed by its id and checked
    when opened. `answered`/`total`: the progress over all steps, None when unknown. `link_target`:
    where a traject file that is a symbolic link points (problem_code "link").
    """

    id: str
    name: str
    profile: str
    pack: str
    updated: datetime
    path: Path
    problem: str | None = None
    problem_code: str | None = None
    answered: int | None = None
    total: int | None = None
    unchecked: bool = False
    link_target: str | None = None
    due: date | None = None
    """The next check-in's date, as the last save knew it (None: none set, or not known)."""
    due_known: bool = False
    """Whether `due` is what the last save knew (None then means: no check-in date set); when False
    only the traject file itself can tell."""


def sidecar_of(folder: Path, traject_id: str) -> Path:
    """The traject's summary file (hidden: its name never looks like a traject)."""
    return folder / f".{traject_id}.summary.toml"


def file_stamp(info: os.stat_result) -> list[int]:
    """What tells a traject file from any later version of it."""
    return [info.st_mode, info.st_ino, info.st_size, info.st_mtime_ns]


def write_sidecar(
    folder: Path,
    traject: Traject,
    path: Path,
    progress: tuple[int, int] | None,
    due: Due = UNKNOWN,
) -> None:
    """Write the summary of the traject just saved as `path`; never raises (it is a cache). `due`:
    the next check-in, None when none is set, UNKNOWN when the caller cannot tell."""
    target = sidecar_of(folder, traject.id)
    temp = None
    try:
        info = os.lstat(path)
        data: dict[str, Any] = {
            "schema": SIDECAR_SCHEMA,
            "file": file_stamp(info),
            "name": traject.name,  # clean already: text is cleaned where it enters (domain/trajects/text.py)
            "profile": traject.profile,
            "pack": traject.pack,
            "created": traject.created,
            "updated": traject.updated,
        }
        if progress is not None:
            data["answered"], data["total"] = int(progress[0]), int(progress[1])
        if due is not UNKNOWN:
            data["due_known"] = True
            if due is not None:
                data["due"] = due
        text = tomli_w.dumps(data).encode("utf-8")
        temp = atomic.write_temp(folder, f".{traject.id}.", text, sync=False)
        # the old summary goes first: a rename over an existing file makes ext4 flush the new one
        # at once (auto_da_alloc), which doubled its cost; a moment without a summary only means
        # a listing at that moment reads the traject file itself
        atomic.unlink_quietly(target)
        atomic.replace(temp, target)
    except (OSError, ValueError, TypeError, AttributeError):
        atomic.unlink_quietly(temp)
        atomic.unlink_quietly(target)  # better no summary than a wrong one


def read_sidecar(folder: Path, traject_id: str, path: Path, info: os.stat_result) -> TrajectSummary | None:
    """The summary written by the last save, when it still describes the file; else None."""
    try:
        data = tomllib.loads(atomic.read_own_file(sidecar_of(folder, traject_id)).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    if data.get("schema") != SIDECAR_SCHEMA or data.get("file") != file_stamp(info):
        return None
    texts = [data.get(key) for key in ("name", "profile", "pack")]
    updated = data.get("updated")
    if not all(isinstance(t, str) for t in texts) or not isinstance(updated, datetime):
        return None
    answered, total = data.get("answered"), data.get("total")
    if not (type(answered) is int and type(total) is int and 0 <= answered <= total):
        answered = total = None
    name, profile, pack = (clean_text(t) for t in texts)  # type: ignore[arg-type]  # read from a file: cleaned
    updated = updated.replace(tzinfo=UTC) if updated.tzinfo is None else updated.astimezone(UTC)
    due = data.get("due")
    due = due if isinstance(due, date) and not isinstance(due, datetime) else None
    known = data.get("due_known") is True and (due is not None or "due" not in data)  # a due of a wrong type: not known
    return TrajectSummary(
        traject_id, name, profile, pack, updated, path, answered=answered, total=total, due=due, due_known=known
    )


def from_head(traject_id: str, path: Path, info: os.stat_result) -> TrajectSummary | None:
    """The line of a file over HEAD_BYTES (and not over PARSE_LIMIT) from its first HEAD_BYTES
    (head_fields), so that listing it costs the same whatever its size; None for a
    smaller file, or when the head does not tell. Its soundness is checked when it is opened."""
    if not HEAD_BYTES < info.st_size <= PARSE_LIMIT:
        return None
    try:
        fields = head_fields(atomic.read_own_file(path, HEAD_BYTES))
    except OSError:
        return None
    if fields is None:
        return None
    return TrajectSummary(traject_id, fields["name"], fields["profile"], fields["pack"], fields["updated"], path)


def head_fields(head: bytes) -> dict[str, Any] | None:
    """The [traject] table's fields (as Traject's, cleaned) from the first bytes of a file, read
    without the rest: what a listing shows. None when the head does not tell them for sure.

    The head is parsed up to the first table after `[traject]`: a cut that fell inside a string
    leaves it unclosed (only multi-line strings span lines) and does not parse, so the next line
    that looks like a table is tried (a few); what parses is the file's own beginning. Whether the
    rest of the file is sound is found out when it is opened.
    """
    head = head.removeprefix(b"\xef\xbb\xbf")
    end = head.find(b"\n[traject]\n")
    for _ in range(HEAD_TRIES) if end >= 0 else ():
        end = head.find(b"\n[", end + 1)
        if end < 0:
            return None
        try:
            doc = tomllib.loads(head[: end + 1].decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
            continue
        table = doc.get("traject")
        try:
            check_schema(doc.get("schema"))
            return traject_fields(table) if isinstance(table, dict) else None
        except FormatError:
            return None
    return None


def modified(info: os.stat_result) -> datetime:
    return datetime.fromtimestamp(info.st_mtime, UTC)


def damaged(
    traject_id: str, path: Path, info: os.stat_result | None, code: str, reason: str, link_target: str | None = None
) -> TrajectSummary:
    updated = modified(info) if info is not None else datetime.fromtimestamp(0, UTC)
    return TrajectSummary(traject_id, traject_id, "", "", updated, path, reason, code, link_target=link_target)


def link_summary(traject_id: str, path: Path) -> TrajectSummary:
    """A traject file that is a symbolic link: listed with where it points, never read through."""
    target = "?"
    with contextlib.suppress(OSError):
        target = clean_text(os.readlink(path))  # a name can hold control characters: never to the terminal
    info = None
    with contextlib.suppress(OSError):
        info = os.lstat(path)
    return damaged(traject_id, path, info, "link", f"the file is a link to {target}", target)


def head_problem(path: Path) -> tuple[str, str] | None:
    """For a file too large to parse for a listing: (code, reason) when its first bytes already
    show it is no traject (zero bytes, not UTF-8), else None. Reads at most HEAD_BYTES."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as error:
        return "unreadable", f"the file cannot be read ({error.strerror})"
    head = head.removeprefix(b"\xef\xbb\xbf")
    if b"\x00" in head:
        return "not_toml", "the file is not valid TOML (it holds zero bytes)"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # a letter cut in half at the end of the head is fine
            return "not_utf8", "the file is not UTF-8 text"
    return None


def is_regular(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode)
