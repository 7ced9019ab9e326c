"""TOML text for a traject file: the bytes `tomli_w.dumps(data, multiline_strings=True)` gives, made fast.

A save must never write a file that does not read back as the same data, so every text is
checked by parsing it. Parsing a whole file on every autosave costs twice as much as writing
it (tomllib and tomli_w both walk long answers one character at a time), so the check is split:

- the *skeleton*, the text with every string replaced by a short token, is parsed and must give
  the data with the same tokens: this checks keys, tables, arrays, numbers, dates and layout;
- every distinct string's literal is parsed on its own and must give the string back.

The real text is the skeleton with each token's literal replaced by the string's literal,
and a string literal is one token in TOML's grammar, so the two checks together prove what
parsing the whole text would. Both are remembered: a literal for as long as its string is in
the document, a skeleton until the shape of the document changes. An autosave after typing in
one answer parses only that answer.

Strings are escaped with one regular expression (C speed) instead of tomli_w's loop, with the
same result; `tests/test_tomlwrite.py` checks byte equality with tomli_w.
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

MAX_LINE_LENGTH = 100
"""tomli_w writes a table inline in an array only when the line stays this short."""
_INDENT = "    "
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPE_LINE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')
_ESCAPE_MULTILINE = re.compile(r'[\x00-\x08\x0b-\x1f\x7f"\\]')
_COMPACT = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


class Unsupported(Exception):
    """A value this writer does not handle (or a check failed): use tomli_w and parse the whole text."""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _COMPACT.get(char) or f"\\u{ord(char):04x}"


def literal(text: str, *, multiline: bool) -> str:
    """A TOML basic string, exactly as tomli_w's `format_string` writes it."""
    if multiline and "\n" in text:
        return '"""\n' + _ESCAPE_MULTILINE.sub(_escape, text.replace("\r\n", "\n")) + '"""'
    return '"' + _ESCAPE_LINE.sub(_escape, text) + '"'


def key(part: str) -> str:
    return part if _BARE_KEY.fullmatch(part) else literal(part, multiline=False)


class Writer:
    """Writes documents, remembering what it has already checked. One lock: any thread may use it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._literals: dict[str, str] = {}  # string -> its literal, checked
        self._skeletons: dict[str, Any] = {}  # skeleton text -> the tokenized data it was checked against

    def dumps(self, data: Mapping[str, Any]) -> str:
        """The text of `data`; Unsupported when a value is not one of ours or a check fails."""
        with self._lock:
            build = _Build(self._literals)
            tokenized = build.table(data, "", inside_aot=False)
            skeleton = "".join(build.skeleton)
            if self._skeletons.get(skeleton) != tokenized:
                try:
                    parsed = tomllib.loads(skeleton)
                except tomllib.TOMLDecodeError:
                    raise Unsupported("the skeleton does not parse") from None
                if parsed != tokenized:
                    raise Unsupported("the skeleton does not read back")
                if len(self._skeletons) > 8:  # a few trajecten, a few shapes: no need to keep more
                    self._skeletons.clear()
                self._skeletons[skeleton] = tokenized
            for text, lit in build.unchecked.items():
                # "y = 1" after it proves that the literal ends where it should
                try:
                    parsed = tomllib.loads(f"x = {lit}\ny = 1")
                except tomllib.TOMLDecodeError:
                    raise Unsupported("a string does not parse") from None
                if parsed != {"x": text, "y": 1}:
                    raise Unsupported("a string does not read back")
            # Forget the strings this document no longer holds (an answer that was retyped).
            self._literals = build.used
            return "".join(build.real)


class _Build:
    """One document's text and skeleton, side by side, and its data with strings as tokens."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known
        self.used: dict[str, str] = {}
        self.unchecked: dict[str, str] = {}
        self.real: list[str] = []
        self.skeleton: list[str] = []
        self.tokens = 0

    def emit(self, text: str) -> None:
        self.real.append(text)
        self.skeleton.append(text)

    def string(self, text: str, real: list[str], skeleton: list[str]) -> str:
        """Append a string's literal (and its token to the skeleton); the token.

        Values are always written with multi-line strings allowed (keys are written by `key`).
        """
        lit = self.used.get(text) or self.known.get(text)
        if lit is None:
            lit = self.unchecked[text] = literal(text, multiline=True)
        self.used[text] = lit
        token = f"@{self.tokens}"
        self.tokens += 1
        real.append(lit)
        skeleton.append(f'"{token}"')
        return token

    def table(self, table: Mapping[str, Any], name: str, *, inside_aot: bool) -> dict[str, Any]:
        """gen_table_chunks of tomli_w: the table's own values, then its sub-tables."""
        tokenized: dict[str, Any] = {}
        literals: list[tuple[str, Any]] = []
        tables: list[tuple[str, Any, bool]] = []
        inline: dict[int, tuple[list[str], list[str], dict[str, Any]]] = {}
        for k, v in table.items():
            if not isinstance(k, str):
                raise Unsupported("a key is not text")
            if isinstance(v, str):  # most values; saves the slow abstract Mapping check below
                literals.append((k, v))
            elif isinstance(v, dict | Mapping):
                tables.append((k, v, False))
            elif _is_aot(v) and not all(self._inline_fits(t, inline) for t in v):
                tables.extend((k, t, True) for t in v)
            else:
                literals.append((k, v))
        yielded = False
        if inside_aot or (name and (literals or not tables)):
            yielded = True
            self.emit(f"[[{name}]]\n" if inside_aot else f"[{name}]\n")
        if literals:
            yielded = True
        for k, v in literals:
            self.emit(f"{key(k)} = ")
            tokenized[k] = self.value(v, 0, self.real, self.skeleton, inline)
            self.emit("\n")
        for k, v, in_aot in tables:
            if yielded:
                self.emit("\n")
            else:
                yielded = True
            part = key(k)
            sub = self.table(v, f"{name}.{part}" if name else part, inside_aot=in_aot)
            if in_aot:
                tokenized.setdefault(k, []).append(sub)
            else:
                tokenized[k] = sub
        return tokenized

    def value(self, obj: Any, nest: int, real: list[str], skeleton: list[str],
              inline: dict[int, tuple[list[str], list[str], dict[str, Any]]]) -> Any:
        """format_literal of tomli_w; returns the value with its strings as tokens."""
        if isinstance(obj, str):  # the usual values first; the abstract Mapping check is slow
            return self.string(obj, real, skeleton)
        if isinstance(obj, bool):
            text = "true" if obj else "false"
        elif isinstance(obj, int | float | date | datetime):
            text = str(obj)
        elif isinstance(obj, list | tuple):
            return self._array(obj, nest, real, skeleton, inline)
        elif isinstance(obj, dict | Mapping):
            done = inline.pop(id(obj), None) or self._inline(obj)
            real.extend(done[0])
            skeleton.extend(done[1])
            return done[2]
        elif isinstance(obj, time) and obj.tzinfo is None:
            text = str(obj)
        else:
            raise Unsupported(type(obj).__name__)
        real.append(text)
        skeleton.append(text)
        return obj

    def _array(self, items: list[Any] | tuple[Any, ...], nest: int, real: list[str], skeleton: list[str],
               inline: dict[int, tuple[list[str], list[str], dict[str, Any]]]) -> list[Any]:
        if not items:
            real.append("[]")
            skeleton.append("[]")
            return []
        tokenized = []
        for position, item in enumerate(items):
            lead = ("[\n" if position == 0 else ",\n") + _INDENT * (1 + nest)
            real.append(lead)
            skeleton.append(lead)
            tokenized.append(self.value(item, nest + 1, real, skeleton, inline))
        tail = f",\n{_INDENT * nest}]"
        real.append(tail)
        skeleton.append(tail)
        return tokenized

    def _inline(self, table: Mapping[str, Any]) -> tuple[list[str], list[str], dict[str, Any]]:
        """format_inline_table of tomli_w (values inside are written as at the top, multi-line allowed)."""
        real: list[str] = []
        skeleton: list[str] = []
        tokenized: dict[str, Any] = {}
        if not table:
            return ["{}"], ["{}"], tokenized
        for position, (k, v) in enumerate(table.items()):
            if not isinstance(k, str):
                raise Unsupported("a key is not text")
            lead = ("{ " if position == 0 else ", ") + f"{key(k)} = "
            real.append(lead)
            skeleton.append(lead)
            tokenized[k] = self.value(v, 0, real, skeleton, {})
        real.append(" }")
        skeleton.append(" }")
        return real, skeleton, tokenized

    def _inline_fits(self, table: Mapping[str, Any],
                     inline: dict[int, tuple[list[str], list[str], dict[str, Any]]]) -> bool:
        """is_suitable_inline_table of tomli_w; the rendering is kept for when it is written."""
        done = self._inline(table)
        rendered = "".join(done[0])
        if len(rendered) + len(_INDENT) + 1 <= MAX_LINE_LENGTH and "\n" not in rendered:
            inline[id(table)] = done
            return True
        return False


def _is_aot(obj: Any) -> bool:
    return bool(isinstance(obj, list | tuple) and obj and all(isinstance(v, dict | Mapping) for v in obj))
