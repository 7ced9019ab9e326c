"""Editors of the text kinds: long text, list, short text, date."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static, TextArea

from ...domain import kinds
from ...domain.content.model import Pack, Prompt
from ...domain.kinds import ListAnswer, Stored, TextAnswer, Words
from ...domain.words.dates import DateProblem, describe_problem, format_date, parse_date, recognize_date
from ..text import literal
from .editor_base import AnswerChanged, Editor
from .text_fields import LineField, TextField


class LongTextEditor(TextField):
    """Free text over several lines."""

    def __init__(self, prompt: Prompt, value: Stored | None, pack: Pack, words: Words, profile: str) -> None:
        super().__init__(self.to_text(prompt, value), classes=f"editor editor-{prompt.kind.value}")
        self.prompt = prompt

    @staticmethod
    def to_text(prompt: Prompt, value: Stored | None) -> str:
        """Also shows a list (the prompt's kind may have changed in the pack), so nothing is hidden."""
        if isinstance(value, list):
            return "\n".join(kinds.LIST.read(prompt, value).items)
        return kinds.LONG_TEXT.read(prompt, value).text

    def answer(self) -> Stored:
        return kinds.LONG_TEXT.write(TextAnswer(text=self.text))

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(AnswerChanged(self.prompt.id, self.answer()))


class ListEditor(LongTextEditor):
    """One item per line."""

    def answer(self) -> Stored:
        return kinds.LIST.write(ListAnswer(items=tuple(self.text.split("\n"))))


class LineEditor(LineField):
    """A short answer on one line."""

    def __init__(self, prompt: Prompt, value: Stored | None, pack: Pack, words: Words, profile: str) -> None:
        super().__init__(kinds.SHORT_TEXT.read(prompt, value).text, classes=f"editor editor-{prompt.kind.value}")
        self.prompt = prompt

    def answer(self) -> Stored:
        return kinds.SHORT_TEXT.write(TextAnswer(text=self.text))

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(AnswerChanged(self.prompt.id, self.answer()))


class DateEditor(Editor):
    """A date, typed the usual ways (2-3-2027, 2 maart 2027, 2027-03-02) and kept as 2027-03-02.

    While the text is not a date it is kept as typed (nothing typed is lost) and the line under the
    field says what is wrong; once it is, the line shows the date in words."""

    def compose(self) -> ComposeResult:
        stored = kinds.DATE.read(self.prompt, self.value)
        found = stored.date
        shown = format_date(found, self.pack.info.language, weekday=False) if found else stored.text
        yield LineField(shown, placeholder=self.words("date_placeholder"), classes="date-field")
        yield Static(classes="field-hint date-hint")

    def on_mount(self) -> None:
        self._show_date()

    def answer(self) -> Stored:
        text = self.query_one(LineField).text
        found = recognize_date(text)
        return kinds.DATE.write(kinds.DateAnswer(text=found.isoformat() if found else text))

    def _show_date(self) -> None:
        text = self.query_one(LineField).text
        hint = self.query_one(".date-hint", Static)
        language = self.pack.info.language
        if not text.strip():
            hint.update("")
        else:
            try:
                hint.update(literal("= " + format_date(parse_date(text), language)))
                hint.set_class(False, "-error")
            except DateProblem as problem:
                hint.update(literal(describe_problem(problem, self.words, language)))
                hint.set_class(True, "-error")
        hint.display = bool(text.strip())

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._show_date()
        self.changed(self.answer())
