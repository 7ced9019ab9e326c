"""A problem found in a content pack, and how it reads on a course leader's screen."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..words.messages import message

# Control characters (not tab or newline) would garble or even steer the terminal.
# So would bidi overrides (they can reverse what a line seems to say), and some invisible
# characters would leave a course leader staring at a line that looks right.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_SHOWN_WIDTH = 100
"""At most this many characters of a source line are shown, around the column."""


def printable(text: str) -> str:
    """The text with control characters replaced, safe to print on a terminal."""
    return _CONTROL.sub("\ufffd", text)


def _cells(text: str) -> int:
    """How many terminal columns the text takes (wide Asian letters and emoji take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong, where: `code` names the message, `values` fill it in."""

    file: str
    code: str
    values: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    line: int | None = None
    column: int | None = None
    source_line: str | None = None

    def location(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def text(self, lang: str = "nl") -> str:
        """The message and, where one helps, what to do about it."""
        return printable(message(self.code, lang, **self.values))

    def render(self, lang: str = "nl") -> str:
        """`file:line:column: message`, then the source line and a caret when we have them."""
        out = f"{printable(self.location())}: {self.text(lang)}"
        if self.source_line is not None and self.column is not None:
            shown = printable(self.source_line.expandtabs(1))
            before = max(0, self.column - 1)
            if len(shown) > _SHOWN_WIDTH:
                start = max(0, min(before - _SHOWN_WIDTH // 2, len(shown) - _SHOWN_WIDTH))
                prefix = "…" if start else ""
                suffix = "…" if start + _SHOWN_WIDTH < len(shown) else ""
                shown = prefix + shown[start : start + _SHOWN_WIDTH] + suffix
                before = before - start + len(prefix)
            out += f"\n    {shown}\n    {' ' * _cells(shown[:before])}^"
        return out
