"""Reading a TOML file the way a course leader needs: bytes to text, and where each key stands.

`tomllib` parses but tells nothing about positions, so a light scanner finds the line and
column of tables and keys, duplicate keys and tables, strings and brackets left open, and
Windows paths in double quotes, for messages that point at the right place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

_HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY_PART = r"(?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')"
_KEY = re.compile(rf"\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_DOTTED = re.compile(rf"\s*({_KEY_PART})\s*\.?")
# A drive letter and one backslash (C:\Users), not the escaped form C:\\Users.
_DRIVE = re.compile(r"(?<![A-Za-z])[A-Za-z]:\\(?!\\)")


class EncodingProblem(Exception):
    """The bytes are not UTF-8 text; `line` and `column` point at the first bad byte."""

    def __init__(self, code: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.column = column


def decode(data: bytes) -> str:
    """UTF-8 bytes to text, accepting a byte-order mark; raises EncodingProblem otherwise."""
    if data.startswith(UTF16_BOMS) or _looks_like_utf16(data):
        raise EncodingProblem("encoding_utf16")
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise EncodingProblem("encoding_not_utf8", line, column) from None
    if "\r" in text and "\n" not in text:  # classic Mac line ends (CR only): lines, not one long line
        text = text.replace("\r", "\n")
    return text


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: plain letters with a zero byte beside each one."""
    head = data[:200]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return any(
        zeros.count(0) * 5 >= len(zeros) * 4 and others.count(0) * 2 < len(others)
        for zeros, others in ((even, odd), (odd, even))
    )


TableKey = tuple[str, int]
"""A table in a file: its header name and, for arrays of tables, which one (0-based)."""

Position = tuple[int, int]
"""A 1-based line and column."""
_OPEN_BRACE = re.compile(r"\{")


@dataclass
class SourceMap:
    """Where tables and keys stand in one file (1-based lines and columns)."""

    lines: list[str]
    tables: dict[TableKey, int] = field(default_factory=dict)
    keys: dict[tuple[str, int, str], Position] = field(default_factory=dict)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)
    duplicate_tables: list[tuple[str, int, int]] = field(default_factory=list)
    unterminated: Position | None = None
    open_multiline: Position | None = None
    open_bracket: Position | None = None
    windows_paths: list[Position] = field(default_factory=list)

    def nth_inline_table(self, line: int, nth: int) -> Position:
        """Where the `nth` (0-based) inline table `{ ... }` starts, from a key's line on."""
        seen = 0
        for number in range(line, len(self.lines) + 1):
            for match in _OPEN_BRACE.finditer(self.lines[number - 1]):
                if seen == nth:
                    return number, match.start() + 1
                seen += 1
        return line, 1

    def line_text(self, line: int | None) -> str:
        if line is None or not 1 <= line <= len(self.lines):
            return ""
        return self.lines[line - 1]

    def where(self, table: str, index: int = 0, key: str | None = None) -> tuple[int | None, int | None]:
        """The position of `key` in a table, else of the table's header, else unknown.

        A key of the top level that is itself a table (`[step]`, `[[prompt]]`) is found by
        its header.
        """
        if key is not None and (table, index, key) in self.keys:
            return self.keys[(table, index, key)]
        if key is not None and not table and (key, 0) in self.tables:
            return self.tables[(key, 0)], 1
        if (table, index) in self.tables:
            return self.tables[(table, index)], 1
        return None, None

    def find(self, pattern: re.Pattern[str], table: str, index: int = 0, nth: int = 0) -> tuple[int | None, int | None]:
        """Where `pattern` matches for the `nth` time (0-based) from a table's header on."""
        start = self.tables.get((table, index), 1)
        seen = 0
        for number in range(start, len(self.lines) + 1):
            for match in pattern.finditer(self.lines[number - 1]):
                if seen == nth:
                    return number, match.start() + 1
                seen += 1
        return self.where(table, index)


def may_hold_windows_paths(text: str) -> bool:
    """False when no string in the text can hold a Windows path (then `scan` would find none)."""
    return ":\\" in text and _DRIVE.search(text) is not None  # the plain `in` first: far quicker than the regex


def scan(text: str) -> SourceMap:
    """Find tables, keys of each table, duplicates, unclosed strings and brackets."""
    scanner = _Scanner(SourceMap(lines=[line.rstrip("\r") for line in text.split("\n")]))
    scanner.run()
    return scanner.source


class _Scanner:
    """One pass over the lines, keeping track of open multi-line strings and brackets."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.counters: dict[str, int] = {}
        self.table: TableKey = ("", 0)
        self.full_keys: set[tuple[str, int, str]] = set()
        self.quote: str | None = None
        self.quote_at: Position | None = None
        self.depth = 0
        self.bracket_at: Position | None = None

    def run(self) -> None:
        for number, raw in enumerate(self.source.lines, start=1):
            self._line(number, raw)
        if self.quote:
            self.source.open_multiline = self.quote_at
        if self.depth:
            self.source.open_bracket = self.bracket_at

    def _line(self, number: int, raw: str) -> None:
        start = 0
        if self.quote:
            end = raw.find(self.quote)
            if end < 0:
                return
            start = end + 3
            self.quote = None
        elif self.depth == 0:
            header = _HEADER.match(raw)
            key = _KEY.match(raw)
            if header and not key:
                self._header(number, raw, header)
                return
            if key:
                self._key(number, raw, key)
                start = key.end()
        self._rest(number, raw, start)

    def _header(self, number: int, raw: str, header: re.Match[str]) -> None:
        name = ".".join(part.strip().strip("\"'") for part in header.group(2).split("."))
        column = raw.index("[") + 1
        if header.group(1) == "[[":
            index = self.counters.get(name, -1) + 1
            self.counters[name] = index
        else:
            index = 0
            if (name, 0) in self.source.tables:
                self.source.duplicate_tables.append((name, number, column))
        self.table = (name, index)
        self.source.tables.setdefault(self.table, number)

    def _key(self, number: int, raw: str, key: re.Match[str]) -> None:
        parts = [m.group(1).strip("\"'") for m in _DOTTED.finditer(key.group(1))]
        column = key.start(1) + 1
        slot = (self.table[0], self.table[1], parts[0])
        self.source.keys.setdefault(slot, (number, column))
        full = (self.table[0], self.table[1], ".".join(parts))
        if full in self.full_keys:
            self.source.duplicates.append((full[2], number, column))
        self.full_keys.add(full)

    def _rest(self, number: int, line: str, i: int) -> None:
        """Walk one line's value part: strings, multi-line openings, brackets, comments."""
        while i < len(line):
            char = line[i]
            if char == "#":
                return
            if line.startswith('"""', i) or line.startswith("'''", i):
                i = self._multiline(number, line, i)
            elif char in "\"'":
                i = self._string(number, line, i)
            else:
                if char in "[]{}":
                    self._bracket(number, char, i)
                i += 1

    def _multiline(self, number: int, line: str, i: int) -> int:
        """Past a multi-line string that opens at `i`; the end of the line when it goes on below."""
        quote = line[i : i + 3]
        end = line.find(quote, i + 3)
        if end < 0:
            self.quote, self.quote_at = quote, (number, i + 1)
            return len(line)
        return end + 3

    def _string(self, number: int, line: str, i: int) -> int:
        """Past a one-line string that opens at `i`, noting Windows paths in it, or that it is left open."""
        char = line[i]
        j = i + 1
        while j < len(line) and line[j] != char:
            j += 2 if char == '"' and line[j] == "\\" else 1
        if j >= len(line):
            if self.source.unterminated is None:
                self.source.unterminated = (number, i + 1)
            return len(line)
        if char == '"':
            for match in _DRIVE.finditer(line, i + 1, j):
                self.source.windows_paths.append((number, match.start() + 1))
        return j + 1

    def _bracket(self, number: int, char: str, i: int) -> None:
        """Keep count of the brackets and braces left open, and where the outermost one opened."""
        if char in "[{":
            if self.depth == 0:
                self.bracket_at = (number, i + 1)
            self.depth += 1
        elif char in "]}":
            self.depth = max(0, self.depth - 1)


_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")
_ANY_POSITION = re.compile(r"\bline (\d+)\D{1,12}?\bcol(?:umn)? (\d+)", re.IGNORECASE)
"""A position in a wording tomllib may use some day ("line 3, col 5"): better than none."""


def syntax_position(error: Exception) -> tuple[str, int | None, int | None]:
    """Split a TOMLDecodeError into its bare message and position (3.11 keeps it in the text, 3.14 in
    `lineno` and `colno` as well)."""
    text = str(error)
    line, column = _number(getattr(error, "lineno", None)), _number(getattr(error, "colno", None))
    match = _POSITION.search(text)
    if match:
        text = text[: match.start()]
        if line is None and match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
    elif line is None and (loose := _ANY_POSITION.search(text)):
        line, column = int(loose.group(1)), int(loose.group(2))
    return text.strip(), line, column


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


_WINDOWS_PATH = re.compile(r'"[^"]*(?:[A-Za-z]:\\|\\\\[A-Za-z])[^"]*"|"[^"]*\\[^"\\btnfru\s][^"]*"')


def looks_like_windows_path(line: str) -> bool:
    """A double-quoted string holding backslashes that are not TOML escapes, like C:\\Users."""
    return bool(_WINDOWS_PATH.search(line))
