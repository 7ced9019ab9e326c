"""The traject file format: a traject to TOML text and back, with the keys this version does not
know kept to be written back. See docs/data-format.md."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import tomli_w

from ..content.model import ROUTES
from .checkins import CheckIn, CheckInInfo
from .text import clean_text, file_is_clean
from .traject import Traject

if TYPE_CHECKING:
    from ..kinds.base import Stored

SCHEMA_VERSION = 2
"""2: a series of dated check-ins (`[[checkin]]`), each with its answers; 1: one flat `[answers]`
table, read as a traject with one check-in (migrated on load, written as 2)."""
HEADER = f"# A loopbaan traject, file format {SCHEMA_VERSION}: see docs/data-format.md. Edit with care.\n"

_TRAJECT_KEYS = ("id", "name", "profile", "pack", "created", "updated")
_OPTIONAL_KEYS = ("last_prompt", "route")
"""[traject] keys an older file may lack: read as their default."""
_TOP_KEYS = ("schema", "traject", "checkin", "private")
_TOP_KEYS_1 = ("schema", "traject", "answers", "private")
_CHECKIN_KEYS = ("date", "pack_id", "pack_version", "revisit", "answers")
MAX_DEPTH = 8
"""How deeply an answer may nest (a list of tables of lists ...): the app's own answers go 2 deep
(a table of scales, each a table); a file nested deeper is refused when read, and never written."""


class FormatError(ValueError):
    """A traject file's content is not usable; `code` and a short `reason` without any answer text."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def to_toml(traject: Traject, *, extra: Mapping[str, Any] | None = None) -> str:
    """The file's text; `extra` holds unknown keys read from the file, written back untouched.

    Raises ValueError (naming the prompt, never the answer) for values TOML cannot hold.
    """
    return dump(document(traject, extra, lenient=False))


def from_toml(text: str) -> Traject:
    """A traject from a file's text; FormatError (a ValueError with `.code`) on bad data."""
    return _from_text(text)[0]


def document(traject: Traject, extra: Mapping[str, Any] | None, *, lenient: bool) -> dict[str, Any]:
    """The file's content as plain TOML types; `lenient` turns what TOML cannot hold into text
    instead of refusing (for recovery copies: better an odd value than no copy at all)."""
    convert = Converter(lenient)
    answers = traject.answers
    if not isinstance(answers, Mapping):
        if not lenient:
            raise ValueError("answers must be a table")
        answers = {"answers": answers}
    data = head_document(traject, extra, convert)
    checkins = [_checkin_table(c.info, c.answers, convert) for c in traject.earlier]
    data["checkin"] = [*checkins, _checkin_table(traject.current, answers, convert)]
    for key, value in (extra or {}).items():
        if key != "traject":
            data.setdefault(key, value)
    return data


def head_document(traject: Traject, extra: Mapping[str, Any] | None, convert: Converter) -> dict[str, Any]:
    """The file's content before its check-ins: `schema`, `private` and `[traject]` (with the keys of
    it this version does not know, from `extra`)."""
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "private": sorted(convert.text(p, "private") for p in traject.private),
        "traject": {
            "id": convert.text(traject.id, "traject.id"),
            "name": convert.text(traject.name, "traject.name"),
            "profile": convert.text(traject.profile, "traject.profile"),
            "pack": convert.text(traject.pack, "traject.pack"),
            "created": _moment(traject.created, "traject.created", convert.lenient),
            "updated": _moment(traject.updated, "traject.updated", convert.lenient),
        },
    }
    if traject.last_prompt:  # written only when set: a file without it reads the same
        data["traject"]["last_prompt"] = convert.text(traject.last_prompt, "traject.last_prompt")
    if traject.route != "full":  # the full route is the default: a file without `route` reads the same
        data["traject"]["route"] = convert.text(traject.route, "traject.route")
    unknown = (extra or {}).get("traject")
    if isinstance(unknown, Mapping):
        for sub, item in unknown.items():
            data["traject"].setdefault(sub, item)
    return data


def checkin_meta(info: CheckInInfo, convert: Converter) -> dict[str, Any]:
    """A `[[checkin]]` table's own keys: its date, its pack, what it revisits (not its answers)."""
    table: dict[str, Any] = {
        "date": _moment(info.date, "checkin.date", convert.lenient),
        "pack_id": convert.text(info.pack_id, "checkin.pack_id"),
        "pack_version": convert.text(info.pack_version, "checkin.pack_version"),
    }
    if info.revisit:  # written only when chosen: a check-in without it reads the same
        table["revisit"] = [convert.text(p, "checkin.revisit") for p in info.revisit]
    return table


def _checkin_table(info: CheckInInfo, answers: Mapping[str, Stored], convert: Converter) -> dict[str, Any]:
    """One `[[checkin]]` table: its date, its pack, the keys kept from a newer version, its answers."""
    table = checkin_meta(info, convert)
    for key, value in info.extra.items():
        table.setdefault(key, value)
    table["answers"] = convert.answers(answers)
    return table


def dump(data: dict[str, Any]) -> str:
    """TOML text by tomli_w, with multi-line strings so long answers read well in an editor.

    Not parsed back on every save: `document` hands tomli_w only plain TOML types and text cleaned
    where it entered, and the round trip of any text is proven by tests (tests/test_storage_props.py), so a
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


class Converter:
    """Answers to plain TOML types: strict (ValueError naming the prompt, never the answer) or lenient.

    The text was cleaned where it entered (domain/trajects/text.py), so strict mode only converts. Lenient mode
    (recovery copies, of a traject that could not be saved) also cleans, and writes what TOML cannot
    hold as text: better an odd value than no copy at all.
    """

    def __init__(self, lenient: bool) -> None:
        self.lenient = lenient

    def clean(self, value: str) -> str:
        plain = str.__str__(value)  # a plain str, also for a subclass of str
        return clean_text(plain) if self.lenient else plain

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
        if depth > MAX_DEPTH:
            return self.refuse(f"answer {prompt!r} is nested too deeply", value)
        if isinstance(value, str):
            return self.clean(value)
        if isinstance(value, bool | int | float):
            return self._number(value, prompt)
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

    def _number(self, value: bool | int | float, prompt: str) -> Any:
        """A plain bool, int or float (also for a subclass); a float that is not finite is refused."""
        if isinstance(value, bool):
            return bool(value)
        if isinstance(value, int):
            return int.__index__(value)
        if not math.isfinite(value):
            return self.refuse(f"answer {prompt!r} holds a number that is not finite", value)
        return float.__float__(value)


def _decode(data: bytes) -> str:
    """Bytes to text strictly as UTF-8 (a byte-order mark from a Windows editor is accepted)."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError("not_utf8", "the file is not UTF-8 text") from None


def parse(data: bytes) -> tuple[Traject, dict[str, Any]]:
    traject, extra, _ = _from_text(_decode(data), data)
    return traject, extra


def parse_versioned(data: bytes) -> tuple[Traject, dict[str, Any], int]:
    """As `parse`, with the file's format version (1 for a file migrated while reading)."""
    return _from_text(_decode(data), data)


def _from_text(text: str, data: bytes | None = None) -> tuple[Traject, dict[str, Any], int]:
    """The traject, the keys this version does not know (kept to be written back), the file's schema.

    Text enters the app here, so every string read is cleaned (clean_text): control characters from
    a hand-edited file ("\u001b]52;..." in TOML) would otherwise steer the terminal it is shown on.
    A format-1 file becomes a traject with one check-in, dated when the traject was created.
    """
    doc = _toml(text)
    try:  # nearly always clean: the answers' strings need no cleaning then
        dirty = not file_is_clean(text.encode("utf-8") if data is None else data)
    except UnicodeEncodeError:  # a lone surrogate in text given as such
        dirty = True
    schema = check_schema(doc.get("schema"))
    table = doc.get("traject")
    if not isinstance(table, dict):
        raise FormatError("bad_data", "the file has no [traject] table")
    fields = traject_fields(table)
    private = doc.get("private", [])
    if not isinstance(private, list) or not all(isinstance(p, str) for p in private):
        raise FormatError("bad_data", "private is not a list of prompt ids")
    if schema == 1:
        earlier: list[CheckIn] = []
        current, answers = CheckInInfo(fields["created"]), _answers(doc.get("answers", {}), "answers", dirty)
    else:
        earlier, current, answers = _checkins(doc.get("checkin"), fields["created"], dirty)
    traject = Traject(
        answers=answers, private={clean_text(p) for p in private}, current=current, earlier=earlier, **fields
    )
    known = _TOP_KEYS_1 if schema == 1 else _TOP_KEYS
    extra: dict[str, Any] = {k: v for k, v in doc.items() if k not in known}
    if unknown := {k: v for k, v in table.items() if k not in _TRAJECT_KEYS + _OPTIONAL_KEYS}:
        extra["traject"] = unknown
    return traject, extra, schema


def _answers(value: Any, where: str, dirty: bool) -> dict[str, Stored]:
    if not isinstance(value, dict):
        raise FormatError("bad_data", f"{where} is not a table")
    return {clean_text(k) if dirty else k: _read_value(v, dirty) for k, v in value.items()}


def _checkins(value: Any, created: datetime, dirty: bool) -> tuple[list[CheckIn], CheckInInfo, dict[str, Stored]]:
    """The `[[checkin]]` tables: (the earlier ones, the current one's facts, its answers). None or
    an empty list reads as one empty check-in dated `created`."""
    if value is None or value == []:
        return [], CheckInInfo(created), {}
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise FormatError("bad_data", "checkin is not a list of tables")
    read = [read_checkin(item, number, dirty) for number, item in enumerate(value, 1)]
    earlier = [CheckIn(info, MappingProxyType(answers)) for info, answers in read[:-1]]
    current, answers = read[-1]
    return earlier, current, answers


def read_checkin(table: dict[str, Any], number: int, dirty: bool) -> tuple[CheckInInfo, dict[str, Stored]]:
    when = table.get("date")
    if isinstance(when, date) and not isinstance(when, datetime):  # a hand-typed day: its start, in UTC
        when = datetime.combine(when, time(), UTC)
    if not isinstance(when, datetime):
        raise FormatError("bad_data", f"check-in {number} has no date and time")
    # the pack's id and version are facts about the pack, not the user's words: a value that is no text is dropped
    pack_id, version = (table.get(key, "") for key in ("pack_id", "pack_version"))
    revisit = table.get("revisit", [])  # a choice of view, not the user's words: what is no list of ids is dropped
    info = CheckInInfo(
        _moment(when, "date"),
        clean_text(pack_id) if isinstance(pack_id, str) else "",
        clean_text(version) if isinstance(version, str) else "",
        {k: v for k, v in table.items() if k not in _CHECKIN_KEYS},
        tuple(clean_text(p) for p in revisit if isinstance(p, str)) if isinstance(revisit, list) else (),
    )
    return info, _answers(table.get("answers", {}), f"the answers of check-in {number}", dirty)


def _toml(text: str) -> dict[str, Any]:
    if not text.strip(" \t\r\n\x00"):
        raise FormatError("empty", "the file holds only zero bytes" if "\x00" in text else "the file is empty")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # the parser's message may quote a character of the file; give only the position
        found = re.search(r"line (\d+), column (\d+)", str(error))
        where = f" (line {found[1]}, column {found[2]})" if found else " (it ends too early)"
        raise FormatError("not_toml", f"the file is not valid TOML{where}") from None
    except RecursionError:  # "[[[[..." thousands deep: the parser gives up, and so do we, kindly
        raise FormatError("not_toml", "the file is not valid TOML (nested too deeply)") from None


def check_schema(schema: Any) -> int:
    if schema is None:
        raise FormatError("bad_data", "the file has no schema version")
    if type(schema) is not int:
        raise FormatError("bad_data", "the schema version is not a whole number")
    if schema > SCHEMA_VERSION:
        raise FormatError("newer_version", f"the file was written by a newer version of loopbaan (schema {schema})")
    if schema < 1:
        raise FormatError("bad_data", f"unknown schema version {schema}")
    return schema


def traject_fields(table: dict[str, Any]) -> dict[str, Any]:
    """The [traject] table's keys as Traject's fields, texts cleaned."""
    fields: dict[str, Any] = {}
    for key in _TRAJECT_KEYS:
        value = table.get(key)
        if value is None:
            raise FormatError("bad_data", f"traject.{key} is missing")
        wanted = datetime if key in ("created", "updated") else str
        if not isinstance(value, wanted):
            raise FormatError("bad_data", f"traject.{key} is not {'a date and time' if wanted is datetime else 'text'}")
        fields[key] = _moment(value, key) if isinstance(value, datetime) else clean_text(value)
    # where the user left off is a hint, not their words: a value of the wrong type is dropped
    last_prompt = table.get("last_prompt", "")
    fields["last_prompt"] = clean_text(last_prompt) if isinstance(last_prompt, str) else ""
    # the route is a choice of view, not the user's words: anything but a known route reads as the full one
    route = table.get("route", "full")
    fields["route"] = route if isinstance(route, str) and route in ROUTES else "full"
    return fields


def _read_value(value: Any, dirty: bool, depth: int = 0) -> Any:
    """Answers as the app keeps them: texts cleaned (when the file is `dirty`: file_is_clean said
    some string may need it), a hand-typed TOML date as the text the date prompt uses. Each part is
    visited once.

    An answer nested deeper than MAX_DEPTH is refused here (FormatError "too_deep"): a save would
    refuse it too, and a traject that opens but can never be saved again would lose every word
    typed into it.
    """
    if depth > MAX_DEPTH:
        raise FormatError("too_deep", f"an answer is nested more than {MAX_DEPTH} levels deep")
    kind = type(value)
    if kind is str:
        return clean_text(value) if dirty else value
    if kind is dict:
        return {clean_text(k) if dirty else k: _read_value(v, dirty, depth + 1) for k, v in value.items()}
    if kind is list:
        return [_read_value(v, dirty, depth + 1) for v in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value
