"""User text as loopbaan keeps it, cleaned once where it enters (typing, a paste, a file being read):
everything past that point trusts it."""

from __future__ import annotations

import re
from typing import Any

LARGE_ANSWER = 100_000
"""Characters in one answer up to which the app stays quick (docs/reliability.md): past it every
character is kept all the same, and the reflection screen tells the user why typing may feel slower."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TO_CLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""Anything clean_text changes (\r is in the control range): one search decides whether to work."""
_ASCII_CONTROLS = bytes([*range(0x09), *range(0x0B, 0x20), 0x7F])
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
"""The C1 controls in UTF-8 (their first byte \xc2 is also that of ordinary signs: \xa0, ©, «)."""
_SEPARATORS = re.compile(rb"\xe2\x80[\xa8\xa9]")
"""U+2028 and U+2029 in UTF-8 (\xe2\x80 also starts the curly quotes and the dashes)."""
_ESCAPED = frozenset(b"bfruUe")
"""After a backslash in TOML: escapes that can stand for a character clean_text changes."""


def is_clean(text: str) -> bool:
    """Whether clean_text would leave `text` as it is, quickly: it runs on every key typed in an
    answer of any length. ASCII text (nearly all) is checked by deleting its control bytes in C (a
    tenth of a regex search); other text is clean when printable but for tabs and line ends (no
    control, separator or surrogate is), and else searched."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_CONTROLS)) == len(text)
    return text.replace("\n", " ").replace("\t", " ").isprintable() or not _TO_CLEAN.search(text)


def file_is_clean(data: bytes) -> bool:
    """Whether no string a TOML parser reads from the UTF-8 `data` of a file holds anything
    clean_text changes, in C-speed passes over the whole file: none of those characters, and no
    escape that could stand for one (a `\\u` says no even in a literal string: all is cleaned then)."""
    if len(data.translate(None, _ASCII_CONTROLS)) != len(data):
        return False
    if b"\\" in data and any(part[:1] and part[0] in _ESCAPED for part in data.split(b"\\")[1:]):
        return False
    return not (_SEPARATORS.search(data) or (b"\xc2" in data and _C1.search(data)))


def clean_text(text: str) -> str:
    """User text as we keep it: line ends as \\n (the Unicode line and paragraph separators too,
    which the text editor splits lines at), no control characters but \\n and \\t, no lone
    surrogates (they cannot be written as UTF-8). Everything else stays as typed."""
    if is_clean(text):
        return text  # nearly always, and this runs on every keystroke in a long answer
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def clean_value(value: Any) -> Any:
    """Clean every string inside an answer (keys too), and drop what holds nothing: blank text, None,
    and lists and tables left empty. Each part of the value is visited once."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [item for item in map(clean_value, value) if not _nothing(item)]
    if isinstance(value, dict):
        cleaned = ((clean_text(str(key)), clean_value(item)) for key, item in value.items())
        return {key: item for key, item in cleaned if not _nothing(item)}
    return value


def _nothing(cleaned: Any) -> bool:
    """Whether a value clean_value returned holds nothing: its lists and tables keep only what holds
    something, so an empty one is empty all the way down (no need to look inside again)."""
    if cleaned is None:
        return True
    if isinstance(cleaned, str):
        return not cleaned.strip()
    if isinstance(cleaned, list | dict):
        return not cleaned
    return False
