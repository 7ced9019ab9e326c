"""Text kinds: free text over several lines, a short line, a list (one item per line), a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..content.model import Kind, Pack, Prompt
from ..roadmap.markdown import escape_inline, list_item, text_block
from ..words.dates import format_date, recognize_date
from .base import (
    Answer,
    Comparison,
    DocContext,
    Stored,
    ValueKind,
    Words,
    set_comparison,
    stray_blocks,
    stray_lines,
    strings,
)


@dataclass(frozen=True)
class TextAnswer(Answer):
    """Free text as typed (also a date as stored: YYYY-MM-DD, or the text as typed)."""

    text: str = ""


@dataclass(frozen=True)
class ListAnswer(Answer):
    """The items of a list, in order, blank ones left out."""

    items: tuple[str, ...] = ()


def _read_text(stored: Stored | None) -> TextAnswer:
    if isinstance(stored, str):
        return TextAnswer(text=stored)
    return TextAnswer(stray=tuple(strings(stored)))


def _text_comparison(then: TextAnswer, now: TextAnswer) -> Comparison:
    return Comparison((then.text, then.stray) != (now.text, now.stray))


class LongText(ValueKind[TextAnswer]):
    """Free text over several lines."""

    id = Kind.LONG_TEXT
    opens_roadmap = True

    def read(self, prompt: Prompt, stored: Stored | None) -> TextAnswer:
        return _read_text(stored)

    def write(self, value: TextAnswer) -> Stored:
        return value.text

    def summary(self, pack: Pack, prompt: Prompt, value: TextAnswer, words: Words) -> list[str]:
        return value.text.split("\n") if value.text else stray_lines(value.stray)

    def markdown(self, ctx: DocContext, prompt: Prompt, value: TextAnswer) -> str:
        return text_block(value.text) if value.text else stray_blocks(value.stray)

    def compare(self, pack: Pack, prompt: Prompt, then: TextAnswer, now: TextAnswer) -> Comparison:
        return _text_comparison(then, now)


class ShortText(LongText):
    """A short answer on one line; may be one of the roadmap's byline (name, school, reader)."""

    id = Kind.SHORT_TEXT
    pack_keys = frozenset({"byline"})


class ListKind(ValueKind[ListAnswer]):
    """One item per line."""

    id = Kind.LIST
    opens_roadmap = True

    def read(self, prompt: Prompt, stored: Stored | None) -> ListAnswer:
        if isinstance(stored, list):
            return ListAnswer(items=tuple(strings(stored)))
        return ListAnswer(stray=tuple(strings(stored)))

    def write(self, value: ListAnswer) -> Stored:
        return list(value.items)

    def summary(self, pack: Pack, prompt: Prompt, value: ListAnswer, words: Words) -> list[str]:
        return [f"• {item}" for item in value.items] + stray_lines(value.stray)

    def markdown(self, ctx: DocContext, prompt: Prompt, value: ListAnswer) -> str:
        items = "\n".join(list_item(item) for item in value.items)
        return "\n\n".join(block for block in (items, stray_blocks(value.stray)) if block)

    def compare(self, pack: Pack, prompt: Prompt, then: ListAnswer, now: ListAnswer) -> Comparison:
        return set_comparison([*then.items, *then.stray], [*now.items, *now.stray])


@dataclass(frozen=True)
class DateAnswer(TextAnswer):
    """A date as stored: YYYY-MM-DD once it is one, else the text as typed (nothing typed is lost)."""

    @property
    def date(self) -> date | None:
        """The date, when the whole text is one."""
        return recognize_date(self.text)


class DateKind(ValueKind[DateAnswer]):
    """A date; in the roadmap step, the next check-in."""

    id = Kind.DATE
    checkin = True

    def read(self, prompt: Prompt, stored: Stored | None) -> DateAnswer:
        if isinstance(stored, str):
            return DateAnswer(text=stored)
        return DateAnswer(stray=tuple(strings(stored)))

    def write(self, value: DateAnswer) -> Stored:
        return value.text

    def summary(self, pack: Pack, prompt: Prompt, value: DateAnswer, words: Words) -> list[str]:
        if not value.text:
            return stray_lines(value.stray)
        found = value.date
        return (format_date(found, pack.info.language) if found else value.text).split("\n")

    def markdown(self, ctx: DocContext, prompt: Prompt, value: DateAnswer) -> str:
        if not value.text:
            return stray_blocks(value.stray)
        found = value.date  # an ISO date as stored; as typed in files from before dates were checked
        return escape_inline(ctx.date(found)) if found else text_block(value.text)

    def compare(self, pack: Pack, prompt: Prompt, then: DateAnswer, now: DateAnswer) -> Comparison:
        return _text_comparison(then, now)
