"""The traject file format: a traject to TOML text and back, with the keys this version does not
know kept to be written back. See docs/data-format.md."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

import tomli_w

from .model import ROUTES
from .traject import Traject, clean_text

SCHEMA_VERSION = 1
HEADER = f"# A loopbaan traject, file format {SCHEMA_VERSION}: see docs/data-format.md. Edit with care.\n"

_TRAJECT_KEYS = ("id", "name", "profile", "pack", "created", "updated")
_OPTIONAL_KEYS = ("last_prompt", "route")
"""[traject] keys an older file may lack: read as their default."""
_TOP_KEYS = ("schema", "traject", "answers", "private")
_MAX_DEPTH = 20


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


def document(
    traject: Traject, extra: Mapping[str, Any] | None, *, lenient: bool, convert: Converter | None = None
) -> dict[str, Any]:
    """The file's content as plain TOML types; `lenient` turns what TOML cannot hold into text
    instead of refusing (for recovery copies: better an odd value than no copy at all)."""
    convert = convert or Converter(lenient)
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
    if traject.last_prompt:  # written only when set: a file without it reads the same
        data["traject"]["last_prompt"] = convert.text(traject.last_prompt, "traject.last_prompt")
    if traject.route != "full":  # the full route is the default: a file without `route` reads the same
        data["traject"]["route"] = convert.text(traject.route, "traject.route")
    for key, value in (extra or {}).items():
        if key == "traject" and isinstance(value, Mapping):
            for sub, item in value.items():
                data["traject"].setdefault(sub, item)
        else:
            data.setdefault(key, value)
    return data


def dump(data: dict[str, Any]) -> str:
    """TOML text by tomli_w, with multi-line strings so long answers read well in an editor.

    Not parsed back on every save: `document` hands tomli_w only plain TOML types and cleaned
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


class Converter:
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


def parse(data: bytes) -> tuple[Traject, dict[str, Any]]:
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
    # where the user left off is a hint, not their words: a value of the wrong type is dropped
    last_prompt = table.get("last_prompt", "")
    fields["last_prompt"] = clean_text(last_prompt) if isinstance(last_prompt, str) else ""
    # the route is a choice of view, not the user's words: anything but a known route reads as the full one
    route = table.get("route", "full")
    fields["route"] = route if isinstance(route, str) and route in ROUTES else "full"
    answers = doc.get("answers", {})
    if not isinstance(answers, dict):
        raise FormatError("bad_data", "answers is not a table")
    private = doc.get("private", [])
    if not isinstance(private, list) or not all(isinstance(p, str) for p in private):
        raise FormatError("bad_data", "private is not a list of prompt ids")
    traject = Traject(answers={k: _read_value(v) for k, v in answers.items()}, private=set(private), **fields)
    extra: dict[str, Any] = {k: v for k, v in doc.items() if k not in _TOP_KEYS}
    if unknown := {k: v for k, v in table.items() if k not in _TRAJECT_KEYS + _OPTIONAL_KEYS}:
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
