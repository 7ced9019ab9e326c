"""A TOML syntax error from tomllib, turned into a problem at the place a person should look, with a hint.

tomllib's messages are English and fixed, but CPython may reword them: every wording recognised here is
pinned by a test on the running Python, and one that is not recognised still gives file, line and column.
"""

from __future__ import annotations

import re
import tomllib
from types import MappingProxyType

from ..words.messages import NOTHING, Piece
from .problems import Problem
from .tomlsource import SourceMap, looks_like_windows_path, syntax_position

WORDINGS: tuple[tuple[str, str, str], ...] = (
    ("Invalid value", "syntax_invalid_value", "hint_value"),
    ("Expected '=' after a key", "syntax_expected_equals", "hint_equals"),
    ("Expected ']' at the end of a table", "syntax_header", ""),
    ("Expected ']]' at the end of an array", "syntax_array_header", ""),
    ("Invalid statement", "syntax_statement", "hint_statement"),
    ("Invalid initial character for a key", "syntax_key_char", "hint_statement"),
    ("Unterminated string", "syntax_unterminated", "hint_unterminated"),
    ('Expected "\'"', "syntax_unterminated", "hint_unterminated"),
    ("Unclosed array", "syntax_unclosed_array", "hint_bracket"),
    ("Unclosed inline table", "syntax_unclosed_table", "hint_bracket"),
    ("Invalid hex value", "syntax_backslash", "hint_escape"),
    ("Unescaped '\\'", "syntax_backslash", "hint_escape"),
    ("Escaped character is not", "syntax_backslash", "hint_escape"),
    ("Cannot overwrite a value", "syntax_overwrite", "hint_duplicate"),
    ("Expected newline or end of document", "syntax_after_value", ""),
    ("Invalid date", "syntax_date", ""),
)
"""How a tomllib message starts, our message for it, and the hint that goes with it."""

DUPLICATE_TABLE = "Cannot declare"
"""A table header written twice: the scanner finds which one (tomllib says only where it stopped)."""

ILLEGAL_CHAR = re.compile(r"(?:Illegal|Found invalid) character (.+)$")
INLINE_DUPLICATE = re.compile(r"Duplicate inline table key (.+)$")

_SMART_QUOTES = frozenset("“”„‘’‚«»")
_INVISIBLE = frozenset("\ufeff\u00a0\u200b\u2060\u202f\u2007")
"""Characters a person cannot see (a byte-order mark, a hard space from Word) that break a line of TOML."""

Reading = tuple[str, str, dict[str, object]]
"""What a message means: our code for it, a hint (or ""), and the values the code's message needs."""


def syntax_problem(shown: str, error: tomllib.TOMLDecodeError, source: SourceMap) -> Problem:
    """A TOML syntax error, pointed at the place a person should look, with a hint."""
    detail, line, column = syntax_position(error)

    def problem(code: str, values: dict[str, object], position: tuple[int, int]) -> Problem:
        return Problem(shown, code, MappingProxyType(values), *position, source.line_text(position[0]))

    if detail.startswith(DUPLICATE_TABLE) and source.duplicate_tables:
        name, found_line, found_column = _at_line(source.duplicate_tables, line)
        return problem("duplicate_table", {"table": name}, (found_line, found_column))
    if detail.startswith("Cannot overwrite") and source.duplicates:
        name, found_line, found_column = _at_line(source.duplicates, line)
        return problem("duplicate_key", {"key": name}, (found_line, found_column))

    code, hint, values = _reading(detail, line, source)
    line, column = _position(code, detail, line, column, source)
    text = source.line_text(line)
    if code == "syntax_backslash" and column and text.rfind("\\", 0, column) >= 0:
        column = text.rfind("\\", 0, column) + 1  # tomllib points past the backslash
    if code == "syntax_unclosed_table" and "{" in text:
        column = text.rfind("{") + 1  # where the table that was left open begins
    hint = _hint(code, hint, text)
    return problem(
        "toml_syntax",
        {"detail": Piece.of(code, **values), "hint": Piece(hint) if hint else NOTHING},
        (line, column or 1),
    )


def _reading(detail: str, line: int | None, source: SourceMap) -> Reading:
    """Our code for tomllib's message, corrected by what the scanner saw on the lines around it."""
    code, hint = next(
        ((code, hint) for start, code, hint in WORDINGS if detail.startswith(start)), ("syntax_other", "")
    )
    if source.unterminated and source.unterminated[0] == line and "'\\n'" in detail:
        return "syntax_unterminated", "hint_unterminated", {"text": detail}  # a newline inside "..."
    bracket = source.open_bracket
    if bracket and code in ("syntax_invalid_value", "syntax_unclosed_array") and (line is None or line >= bracket[0]):
        return "syntax_unclosed_array", "hint_bracket", {"text": detail}  # a list left open runs into what follows
    if code in ("syntax_key_char", "syntax_statement", "syntax_invalid_value") and _opens_brace(source, line):
        return (
            "syntax_unclosed_table",
            "hint_bracket",
            {"text": detail},
        )  # { ... without its }: the next key looks wrong
    if illegal := ILLEGAL_CHAR.match(detail):
        return "syntax_illegal_char", "hint_illegal_char", {"char": illegal.group(1)}
    if duplicate := INLINE_DUPLICATE.match(detail):
        return "syntax_inline_duplicate", "hint_duplicate", {"key": duplicate.group(1)}
    return code, hint, {"text": detail}


def _position(
    code: str, detail: str, line: int | None, column: int | None, source: SourceMap
) -> tuple[int, int | None]:
    """Where the trouble starts: the opening quote or bracket, not the end of the file."""
    if code == "syntax_unterminated":
        opened = source.open_multiline if detail.startswith("Unterminated") else None
        line, column = opened or source.unterminated or (line, column)
    elif code == "syntax_unclosed_array" and source.open_bracket:
        line, column = source.open_bracket
    if line is None:  # tomllib said "end of document" (or nothing we can read): point at the last line.
        line = max(1, len(source.lines) - (1 if source.lines and not source.lines[-1] else 0))
        column = len(source.line_text(line)) + 1
    return line, column


def _hint(code: str, hint: str, text: str) -> str:
    """A better hint than the message's own, when the line shows what went wrong."""
    if _SMART_QUOTES.intersection(text):
        return "hint_smart_quotes"
    if _INVISIBLE.intersection(text):
        return "hint_invisible_char"
    if code == "syntax_backslash" and looks_like_windows_path(text):
        return "hint_windows_path"
    if code == "syntax_after_value" and text.count('"') > 2:
        return "hint_inner_quote"
    if code == "syntax_after_value" and text.count("'") > 2:
        return "hint_inner_single_quote"
    return hint


def _opens_brace(source: SourceMap, line: int | None) -> bool:
    """Whether the line opens more inline tables `{` than it closes."""
    text = source.line_text(line)
    return text.count("{") > text.count("}")


def _at_line(found: list[tuple[str, int, int]], line: int | None) -> tuple[str, int, int]:
    """The entry the parser stopped at, or else the first one."""
    return next((entry for entry in found if entry[1] == line), found[0])
