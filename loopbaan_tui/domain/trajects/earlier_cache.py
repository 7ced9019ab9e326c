"""A traject's closed check-ins kept beside its file, so that opening it need not parse them again.

A closed check-in never changes, yet with many of them it is most of the file (20 check-ins are ~170
of its ~190 kB), and tomllib, pure Python, takes ~35 ms for that on the thread that opens it. A save
whose closed check-ins differ from the ones last cached also writes `.<id>.earlier.json`: their values
as the file holds them, and the length and SHA-256 of their exact text in the file. Opening uses it
only when it describes the file at hand: that text stands where the first `[[checkin]]` begins, with
that length and hash, a `[[checkin]]` follows it, and the file's top tables parse on their own (so the
text is whole tables there, read as the cache says). Then only the top tables and the check-ins after
it are parsed. Anything else (no cache, a stale or broken one, a file edited by hand) parses the whole
file as before. A cache: written without fsync, never required, removed with the traject.
"""

from __future__ import annotations

import contextlib
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import atomic, traject_file
from .checkins import CheckIn
from .file_text import AOT_HEADER, GAP, FileText
from .text import file_is_clean
from .traject import Traject
from .traject_file import SCHEMA_VERSION, Converter, checkin_meta, read_checkin

SCHEMA = 2  # 2: with each closed check-in's text length and shape
START = (GAP + AOT_HEADER).encode("utf-8")
"""What stands before each check-in's table in the file: an empty line and `[[checkin]]`."""


def cache_of(folder: Path, traject_id: str) -> Path:
    """The cache of the traject's closed check-ins (hidden, and no .toml: never taken for a traject)."""
    return folder / f".{traject_id}.earlier.json"


def digest(data: bytes) -> str:
    import hashlib  # on opening or saving a traject, not before the start screen (it loads OpenSSL)

    return hashlib.sha256(data).hexdigest()


def write(folder: Path, traject: Traject, text: FileText) -> None:
    """After a save: cache the closed check-ins if they changed since last cached (or read); never raises."""
    region = text.closed_region
    if region is None or not traject.earlier or any(c.info.extra for c in traject.earlier):
        return  # written whole (small), nothing closed yet, or keys of a newer version: parsed as it is
    closed = tuple(map(id, traject.earlier))  # never changed once closed: the same ones, the same text
    if text.cached_for == closed:
        return
    data = region.encode("utf-8")
    hashed = digest(data)
    if text.cached_digest == hashed:
        text.cached_for = closed
        return
    import json  # not on the start path (the store is): only a save or an opening uses it

    texts = text.closed_texts(traject.earlier)
    if texts is None:
        return
    temp = None
    try:
        convert = Converter(lenient=False)
        entries = []
        for checkin, (chunk, wide) in zip(traject.earlier, texts, strict=True):
            table: dict[str, Any] = checkin_meta(checkin.info, convert)
            table["date"] = table["date"].isoformat()
            table["answers"] = convert.answers(checkin.answers)
            table["text"] = [len(chunk), wide]  # where its text ends in the file, and its shape there
            entries.append(table)
        cache = {"schema": SCHEMA, "length": len(data), "sha256": hashed, "checkins": entries}
        encoded = json.dumps(cache, ensure_ascii=False, allow_nan=False).encode("utf-8")
        temp = atomic.write_temp(folder, f".{traject.id}.", encoded, sync=False)
        atomic.replace(temp, cache_of(folder, traject.id))
        temp = None
        text.cached_digest, text.cached_for = hashed, closed
    except (OSError, ValueError, TypeError):
        atomic.unlink_quietly(temp)


@dataclass(frozen=True)
class Cached:
    """What the cache gave an opening: its digest, and each closed check-in's text in the file."""

    digest: str
    texts: list[tuple[str, bool]]

    def seed(self, text: FileText, traject: Traject) -> None:
        """Let the traject's FileText start from the file's own text of the closed check-ins."""
        text.seed(traject.earlier[: len(self.texts)], self.texts)
        text.cached_digest, text.cached_for = self.digest, tuple(map(id, traject.earlier))


def parse(folder: Path, traject_id: str, data: bytes) -> tuple[Traject, dict[str, Any], int, Cached | None]:
    """As `traject_file.parse_versioned`, with the closed check-ins from the cache when it describes
    `data` (and what it gave, else None). FormatError as that."""
    found = _cached(folder, traject_id, data)
    if found is not None:
        earlier, rest, cached = found
        with contextlib.suppress(ValueError):  # FormatError too: the whole file says what is wrong
            traject, extra, schema = traject_file.parse_versioned(rest)
            if schema == SCHEMA_VERSION and not traject.earlier:  # the current one only, as written
                traject.earlier[:0] = earlier
                return traject, extra, schema, cached
    return (*traject_file.parse_versioned(data), None)


def _cached(folder: Path, traject_id: str, data: bytes) -> tuple[list[CheckIn], bytes, Cached] | None:
    """(the closed check-ins, the file without their text, the cache's digest), or None."""
    import json

    try:
        raw = atomic.read_own_file(cache_of(folder, traject_id))
        cache = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(cache, dict) or cache.get("schema") != SCHEMA:
        return None
    length, hashed, entries = cache.get("length"), cache.get("sha256"), cache.get("checkins")
    start = data.find(START)
    if type(length) is not int or not isinstance(entries, list) or start < 0:
        return None
    end = start + length
    if not data.startswith(START, end) or digest(data[start:end]) != hashed:
        return None
    try:
        tomllib.loads(data[:start].decode("utf-8"))  # the top tables end where the check-ins begin
        dirty = not file_is_clean(raw)
        earlier = [_checkin(entry, number, dirty) for number, entry in enumerate(entries, 1)]
        texts = _texts(data[start:end].decode("utf-8"), entries)
    except (ValueError, TypeError, KeyError, RecursionError):  # FormatError, TOMLDecodeError, a bad entry
        return None
    return earlier, data[:start] + data[end:], Cached(str(hashed), texts)


def _texts(region: str, entries: list[Any]) -> list[tuple[str, bool]]:
    """Each closed check-in's own text in `region` (each after an empty line), by the lengths cached."""
    texts, at = [], 0
    for entry in entries:
        length, wide = entry["text"]
        if type(length) is not int or type(wide) is not bool or not region.startswith(GAP, at):
            raise ValueError("not where the cache says")
        texts.append((region[at + len(GAP) : at + len(GAP) + length], wide))
        at += len(GAP) + length
    if at != len(region):
        raise ValueError("not where the cache says")
    return texts


def _checkin(entry: Any, number: int, dirty: bool) -> CheckIn:
    if not isinstance(entry, dict) or not isinstance(entry.get("date"), str):
        raise ValueError("not a check-in")
    table = {key: value for key, value in entry.items() if key != "text"}
    table["date"] = datetime.fromisoformat(entry["date"])
    info, answers = read_checkin(table, number, dirty)
    return CheckIn(info, MappingProxyType(answers))
