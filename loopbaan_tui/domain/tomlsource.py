"""Reading a TOML file the way a course leader needs: bytes to text, and where each key stands.

`tomllib` parses but tells nothing about positions, so a light scanner finds the line and
column of tables and keys, duplicate keys and strings left open, for messages that point
at the right place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*(?:\.\s*[A-Za-z0-9_\-\"']+\s*)*=")


class EncodingProblem(Exception):
    """The bytes are not UTF-8 text; `line` and `column` point at the first bad byte."""

    def __init__(self, code: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.column = column


def decode(data: bytes) -> str:
    """UTF-8 bytes to text, accepting a byte-order mark; raises EncodingProblem otherwise."""
    if data.startswith(UTF16_BOMS):
        raise EncodingProblem("encoding_utf16")
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise EncodingProblem("encoding_not_utf8", line, column) from None


TableKey = tuple[str, int]
"""A table in a file: its header name and, for arrays of tables, which one (0-based)."""


@dataclass
class SourceMap:
    """Where tables and keys stand in one file (1-based lines and columns)."""

    lines: list[str]
    tables: dict[TableKey, int] = field(default_factory=dict)
    keys: dict[tuple[str, int, str], tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)
    unterminated: tuple[int, int] | None = None

    def line_text(self, line: int | None) -> str:
        if line is None or not 1 <= line <= len(self.lines):
            return ""
        return self.lines[line - 1]

    def where(self, table: str, index: int = 0, key: str | None = None) -> tuple[int | None, int | None]:
        """The position of `key` in a table, else of the table's header, else unknown."""
        if key is not None and (table, index, key) in self.keys:
            return self.keys[(table, index, key)]
        if (table, index) in self.tables:
            return self.tables[(table, index)], 1
        return None, None

    def find(self, needle: str, table: str, index: int = 0) -> tuple[int | None, int | None]:
        """The first line at or after a table's header that contains `needle`."""
        start = self.tables.get((table, index), 1)
        for number in range(start, len(self.lines) + 1):
            column = self.lines[number - 1].find(needle)
            if column >= 0:
                return number, column + 1
        return self.where(table, index)


def scan(text: str) -> SourceMap:
    """Find tables, top-level keys of each table, duplicate keys and unclosed strings."""
    lines = text.split("\n")
    source = SourceMap(lines=[line.rstrip("\r") for line in lines])
    counters: dict[str, int] = {}
    table: TableKey = ("", 0)
    open_multiline: str | None = None
    depth = 0
    for number, raw in enumerate(source.lines, start=1):
        start = 0
        if open_multiline:
            end = raw.find(open_multiline)
            if end < 0:
                continue
            start = end + 3
            open_multiline = None
        elif depth == 0:
            header = _HEADER.match(raw)
            key = _KEY.match(raw)
            if header and not key:
                name = header.group(2).strip().strip("\"'")
                index = counters.get(name, -1) + 1 if header.group(1) == "[[" else 0
                counters[name] = index
                table = (name, index)
                source.tables.setdefault(table, number)
                continue
            if key:
                name = key.group(1).strip("\"'")
                slot = (table[0], table[1], name)
                column = raw.index(key.group(1)[0]) + 1
                if slot in source.keys:
                    source.duplicates.append((name, number, column))
                else:
                    source.keys[slot] = (number, column)
                start = key.end()
        open_multiline, depth, unclosed = _scan_rest(raw, start, depth)
        if unclosed is not None and source.unterminated is None:
            source.unterminated = (number, unclosed + 1)
    return source


def _scan_rest(line: str, i: int, depth: int) -> tuple[str | None, int, int | None]:
    """Walk one line's value part: returns an open multi-line quote, bracket depth, unclosed column."""
    while i < len(line):
        char = line[i]
        if char == "#":
            break
        if line.startswith('"""', i) or line.startswith("'''", i):
            quote = line[i : i + 3]
            end = line.find(quote, i + 3)
            if end < 0:
                return quote, depth, None
            i = end + 3
            continue
        if char in "\"'":
            j = i + 1
            while j < len(line) and line[j] != char:
                j += 2 if char == '"' and line[j] == "\\" else 1
            if j >= len(line):
                return None, depth, i
            i = j + 1
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return None, depth, None


_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


def syntax_position(error: Exception) -> tuple[str, int | None, int | None]:
    """Split a TOMLDecodeError into its bare message and position (3.11 keeps it in the text)."""
    text = str(error)
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    match = _POSITION.search(text)
    if match:
        text = text[: match.start()]
        if line is None and match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
    return text.strip(), line, column


_WINDOWS_PATH = re.compile(r'"[^"]*(?:[A-Za-z]:\\|\\\\[A-Za-z])[^"]*"|"[^"]*\\[^"\\btnfru\s][^"]*"')


def looks_like_windows_path(line: str) -> bool:
    """A double-quoted string holding backslashes that are not TOML escapes, like C:\\Users."""
    return bool(_WINDOWS_PATH.search(line))
