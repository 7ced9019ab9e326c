"""Typing text: a long answer line by line, a short one, a date, a list item by item."""

from __future__ import annotations

from ..domain import kinds
from ..domain.kinds import DateAnswer, ListAnswer, TextAnswer
from ..domain.words.dates import DateProblem, describe_problem, format_date, parse_date
from .console import CommandGiven
from .question import Question, removal


def ask_long_text(question: Question) -> None:
    """Lines until an empty one; the first line typed replaces the answer, each line is saved at once."""
    console = question.console
    kind = kinds.SHORT_TEXT if question.prompt.kind == kinds.SHORT_TEXT.id else kinds.LONG_TEXT
    had = bool(kind.read(question.prompt, question.current()).text)
    if kind is kinds.SHORT_TEXT:
        key = "plain_short_text_keep" if had else "plain_short_text"
    else:
        key = "plain_long_text_keep" if had else "plain_long_text"

    def again() -> None:
        console.tell(key)

    again()
    lines: list[str] = []
    while True:
        line = console.answer(again)
        if not line.strip():
            return
        lines.append(line)
        question.save(kind.write(TextAnswer(text="\n".join(lines))))
        if kind is kinds.SHORT_TEXT:
            return


def ask_date(question: Question) -> None:
    """A date in any of the usual forms, kept as YYYY-MM-DD; what is no date is kept as typed, and said."""
    console = question.console
    stored = kinds.DATE.read(question.prompt, question.current())
    if stored.text:
        found = stored.date
        console.tell("plain_date_now", date=format_date(found, question.language) if found else stored.text)

    def again() -> None:
        console.tell("plain_date_keep" if stored.text else "plain_date")

    again()
    while True:
        line = console.answer(again).strip()
        if not line:
            return
        try:
            found = parse_date(line)
        except DateProblem as problem:
            question.save(kinds.DATE.write(DateAnswer(text=line)))
            console.show(describe_problem(problem, console.words, question.language))
            console.tell("plain_date_again")
            continue
        question.save(kinds.DATE.write(DateAnswer(text=found.isoformat())))
        console.tell("plain_date_read", date=format_date(found, question.language))
        return


def ask_list(question: Question) -> None:
    """New items one per line, added to the list; an empty line ends; `/remove N` takes one out."""
    console = question.console
    items = list(kinds.LIST.read(question.prompt, question.current()).items)
    if items:
        console.tell("plain_list_now", count=len(items))
        question.listed(items)

    def again() -> None:
        console.tell("plain_list")

    again()
    while True:
        try:
            line = console.answer(again)
        except CommandGiven as given:
            index = removal(question, given, len(items))
            if index is not None:
                console.tell("plain_removed", text=items.pop(index))
                question.save(kinds.LIST.write(ListAnswer(items=tuple(items))))
            continue
        if not line.strip():
            return
        items.append(line)
        question.save(kinds.LIST.write(ListAnswer(items=tuple(items))))
