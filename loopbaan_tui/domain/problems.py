"""A problem found in a content pack, and how it reads on a course leader's screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .messages import message


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
        return message(self.code, lang, **self.values)

    def render(self, lang: str = "nl") -> str:
        """`file:line:column: message`, then the source line and a caret when we have them."""
        out = f"{self.location()}: {self.text(lang)}"
        if self.source_line is not None and self.column is not None:
            shown = self.source_line.expandtabs(1)
            out += f"\n    {shown}\n    {' ' * (self.column - 1)}^"
        return out
