"""Markdown pieces that keep a person's text as typed and never let it act as Markdown structure.

How the user's text is kept (see `escape_inline` and `text_block`):

- Nothing is dropped but whitespace: ASCII punctuation that could start Markdown structure is
  backslash-escaped where it could act, and only there, so the text stays readable as plain
  text. Escaped: `\\` before punctuation or at a line end, `*`, `` ` ``, `|`, `[`, `~`, `$`,
  `_` unless inside a word, `<` before a letter, `/`, `!` or `?`, `&` before an entity,
  `#` before a non-space (Obsidian tags) and `%%` (Obsidian comments); at the start of a line
  also `#`, `>`, `-`, `+`, `=`, `1.`/`1)` and delimiter-row-like `:`.
- A blank line separates paragraphs. A single line break inside a paragraph is kept as a
  hard break written as a trailing backslash (visible in a plain editor, never stripped by one).
- Leading and trailing whitespace of each line is dropped (Markdown cannot keep indentation
  without turning it into code); tabs inside a line are kept.
- In table cells, line breaks are written as " / " and tabs as spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from string import punctuation

_MAX_PAD = 60  # table columns are padded for plain-text reading up to this width

# Escaping: see the module docstring.
_ASCII_PUNCT = frozenset(punctuation)
_ALWAYS = frozenset("*`|[~$")
_SPECIAL = re.compile(r"[\\*`|\[~$_<&#%]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_HTML_START = re.compile(r"[A-Za-z/!?]")
_LINE_START = frozenset("#>-+=")
_ORDERED = re.compile(r"([0-9]{1,9})([.)])(?=[ \t]|$)")
_DELIMITER_ROW = re.compile(r":[-:|\s]*")


def escape_inline(text: str, *, always: frozenset[str] = _ALWAYS) -> str:
    """One line of text escaped so that no inline Markdown (or HTML) can act in it."""
    if always is _ALWAYS and not _SPECIAL.search(text):
        return text  # most lines: nothing that could act
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i < last else ""
        if (ch in always and ch != "\\") or _needs_escape(text, i, ch, before, after):
            out.append("\\")
        out.append(ch)
    return "".join(out)


def _needs_escape(text: str, i: int, ch: str, before: str, after: str) -> bool:
    """Whether the character at `i` (not one escaped always) could start or end inline Markdown."""
    if ch == "\\":
        return not after or after in _ASCII_PUNCT
    if ch == "_":
        return not (before.isalnum() and after.isalnum())
    if ch == "<":
        return bool(after) and _HTML_START.match(after) is not None
    if ch == "&":
        return _ENTITY.match(text, i) is not None
    if ch == "#":
        return bool(after) and not after.isspace()
    if ch == "%":
        return "%" in (before, after)
    return False


def escape_line(line: str) -> str:
    """A line of a paragraph: stripped, inline-escaped, and safe at the start of a line."""
    out = escape_inline(line.strip())
    if not out:
        return out
    if out[0] in _LINE_START or _DELIMITER_ROW.fullmatch(out):
        return "\\" + out
    ordered = _ORDERED.match(out)
    if ordered:
        return f"{ordered.group(1)}\\{out[ordered.end(1) :]}"
    return out


def paragraphs(text: str) -> list[list[str]]:
    """The text's paragraphs (split at blank lines), each as its escaped lines."""
    result: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        escaped = escape_line(line)
        if escaped:
            current.append(escaped)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def text_block(text: str, lead: str = "", indent: str = "") -> str:
    """Text as Markdown paragraphs; `lead` (Markdown) starts the first line, `indent` the rest."""
    paras = paragraphs(text) or [[]]
    if lead:
        paras[0] = [lead + (paras[0][0] if paras[0] else ""), *paras[0][1:]]
    blocks = ["\\\n".join(para) for para in paras]
    return ("\n\n").join(blocks).replace("\n", "\n" + indent) if indent else "\n\n".join(blocks)


def list_item(text: str, lead: str = "") -> str:
    """A bullet list item holding text (continuation lines indented under the marker)."""
    block = text_block(text, lead, indent="  ")
    return "- " + "\n".join(line.rstrip() for line in block.split("\n"))


def cell(text: str) -> str:
    """Text for a table cell: one line, line breaks as " / ", escaped (pipes too)."""
    lines = [line.strip() for line in text.replace("\t", " ").split("\n")]
    return escape_inline(" / ".join(line for line in lines if line))


def heading(level: int, text: str) -> str:
    """An ATX heading whose text can never close or extend the heading early."""
    return "#" * level + " " + escape_inline(" ".join(text.split()), always=_ALWAYS | {"#"})


def flat_line(text: str) -> str:
    """Text on one line (whitespace collapsed), escaped to stand anywhere, even at a line start."""
    return escape_line(" ".join(text.split()))


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table of already escaped cells, padded so it also reads as plain text."""
    body = [list(row) for row in rows]
    widths = [max(3, min(_MAX_PAD, max(_width(r[i]) for r in [list(header), *body]))) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c + " " * max(0, w - _width(c)) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([line(header), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, body)])


def _width(text: str) -> int:
    """How many columns a text takes in a monospaced editor (wide characters count twice)."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
