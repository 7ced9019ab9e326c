"""TOML syntax errors: every tomllib wording we recognise is pinned on the running Python, and a wording
we do not know (CPython may reword its messages) still says file, line and column."""

from __future__ import annotations

import shutil
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.problems import Problem
from loopbaan_tui.domain.content.toml_syntax import (
    DUPLICATE_TABLE,
    ILLEGAL_CHAR,
    INLINE_DUPLICATE,
    WORDINGS,
    syntax_problem,
)
from loopbaan_tui.domain.content.tomlsource import scan, syntax_position
from loopbaan_tui.domain.words.messages import Piece

MINI_PACK = Path(__file__).parent / "packs" / "mini"

# How tomllib's message starts, broken TOML that makes it say so, and what we make of it: our code
# (the detail's, for a `toml_syntax` problem) and the line and column we point at.
CASES: list[tuple[str, str, str, int, int]] = [
    ("Invalid value", "a = long_text\n", "syntax_invalid_value", 1, 5),
    ("Expected '=' after a key", 'a "x"\n', "syntax_expected_equals", 1, 3),
    ("Expected ']' at the end of a table", "[step\n", "syntax_header", 1, 6),
    ("Expected ']]' at the end of an array", "[[prompt]\n", "syntax_array_header", 1, 9),
    ("Invalid statement", "= 1\n", "syntax_statement", 1, 1),
    ("Invalid initial character for a key", "a. = 1\n", "syntax_key_char", 1, 4),
    ("Unterminated string", 'a = 1\nb = """abc\nc = 2\n', "syntax_unterminated", 2, 5),
    ('Expected "\'"', "a = 'abc\nb = 1\n", "syntax_unterminated", 1, 5),
    ("Unclosed array", "a = [1, 2\nb = 3\n", "syntax_unclosed_array", 1, 5),
    ("Unclosed inline table", "a = { x = 1\n", "syntax_unclosed_table", 1, 5),
    ("Invalid hex value", 'a = "\\u12"\n', "syntax_backslash", 1, 6),
    ("Unescaped '\\'", 'a = "\\q"\n', "syntax_backslash", 1, 6),
    ("Escaped character is not", 'a = "\\uD800"\n', "syntax_backslash", 1, 6),
    ("Cannot overwrite a value", "a = 1\na.b = 2\n", "syntax_overwrite", 2, 8),
    ("Expected newline or end of document", 'a = "x" y\n', "syntax_after_value", 1, 9),
    ("Invalid date", "d = 2024-02-30\n", "syntax_date", 1, 5),
    (DUPLICATE_TABLE, "[step]\nx = 1\n\n[step]\n", "duplicate_table", 4, 1),
    ("Cannot overwrite a value", "a = 1\nb = 2\n  a = 3\n", "duplicate_key", 3, 3),
    ("Illegal character", 'a = "x\x01"\n', "syntax_illegal_char", 1, 7),
    ("Found invalid character", "a = 1 # \x01\n", "syntax_illegal_char", 1, 9),
    ("Duplicate inline table key", "a = { x = 1, x = 2 }\n", "syntax_inline_duplicate", 1, 19),
    ("Illegal character '\\n'", 'a = "abc\nb = 1\n', "syntax_unterminated", 1, 5),
]


def problem_for(text: str) -> tuple[str, Problem]:
    """tomllib's own message for the text (without its position), and our problem."""
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    detail, _, _ = syntax_position(caught.value)
    return detail, syntax_problem("f.toml", caught.value, scan(text))


def our_code(problem: Problem) -> str:
    detail = problem.values.get("detail")
    return detail.code if problem.code == "toml_syntax" and isinstance(detail, Piece) else problem.code


def test_every_wording_we_recognise_has_a_case() -> None:
    wordings = {wording for wording, *_ in CASES}
    assert {start for start, _, _ in WORDINGS} | {DUPLICATE_TABLE} <= wordings
    details = [problem_for(text)[0] for _, text, *_ in CASES]
    for pattern in (ILLEGAL_CHAR, INLINE_DUPLICATE):
        assert any(pattern.match(detail) for detail in details), pattern.pattern


@pytest.mark.parametrize(("wording", "text", "code", "line", "column"), CASES, ids=[c[2] for c in CASES])
def test_the_running_python_words_it_so_and_we_point_at_the_place(
    wording: str, text: str, code: str, line: int, column: int
) -> None:
    detail, problem = problem_for(text)
    assert detail.startswith(wording), f"tomllib on Python {sys.version_info[:2]} now says {detail!r}"
    assert (our_code(problem), problem.line, problem.column) == (code, line, column), problem.render("en")
    assert problem.source_line == text.split("\n")[line - 1]
    problem.render("nl")


def decode_error(message: str, text: str, line: int, column: int) -> tomllib.TOMLDecodeError:
    """A TOMLDecodeError as the running Python builds one (3.14 takes the document and an offset)."""
    if sys.version_info >= (3, 14):
        offset = sum(len(part) + 1 for part in text.split("\n")[: line - 1]) + column - 1
        return tomllib.TOMLDecodeError(message, text, offset)  # type: ignore[call-arg]
    return tomllib.TOMLDecodeError(f"{message} (at line {line}, column {column})")


class FailingKan:
    """A good pack whose kan.toml tomllib rejects, with an error a test chooses."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        shutil.copytree(MINI_PACK, folder)
        self.path = folder / "kan.toml"
        self.text = self.path.read_text(encoding="utf-8")
        self._folder = folder
        self._monkeypatch = monkeypatch

    def problem(self, error: tomllib.TOMLDecodeError) -> Problem:
        real, kan = tomllib.loads, self.text

        def loads(text: str, /, *, parse_float: Callable[[str], object] = float) -> dict[str, object]:
            if text == kan:
                raise error
            return real(text, parse_float=parse_float)

        self._monkeypatch.setattr(tomllib, "loads", loads)
        result = load_pack(self._folder)
        assert result.pack is None
        assert [p.code for p in result.problems] == ["toml_syntax"], [p.render("en") for p in result.problems]
        return result.problems[0]


@pytest.fixture
def kan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FailingKan:
    return FailingKan(tmp_path / "pack", monkeypatch)


def test_an_unknown_wording_still_says_file_line_and_column(kan: FailingKan) -> None:
    problem = kan.problem(decode_error("Expected a shrubbery after the knights", kan.text, 3, 7))
    assert (problem.file, problem.line, problem.column) == (str(kan.path), 3, 7)
    assert problem.source_line == kan.text.split("\n")[2]
    first = problem.render("en").split("\n")[0]
    assert first == f"{kan.path}:3:7: TOML error: Expected a shrubbery after the knights."
    assert problem.render("nl").startswith(f"{kan.path}:3:7: TOML-fout: Expected a shrubbery after the knights.")


class Reworded(tomllib.TOMLDecodeError):
    """An error as a future tomllib might raise it: only a message."""

    def __init__(self, message: str) -> None:
        ValueError.__init__(self, message)


def test_a_position_in_another_wording_is_still_read(kan: FailingKan) -> None:
    problem = kan.problem(Reworded("Something new happened on line 3, col 7"))
    assert (problem.line, problem.column) == (3, 7)


def test_an_error_without_any_position_points_at_the_last_line(kan: FailingKan) -> None:
    problem = kan.problem(Reworded("Something went wrong"))
    last = len(kan.text.rstrip("\n").split("\n"))
    assert (problem.file, problem.line) == (str(kan.path), last)
    assert problem.column == len(kan.text.rstrip("\n").split("\n")[-1]) + 1
