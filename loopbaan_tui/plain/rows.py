"""Answering a table (actions, people) row by row, field by field."""

from __future__ import annotations

from dataclasses import replace

from ..domain import kinds
from ..domain.kinds import Row, RowsAnswer, RowsKind
from .console import CommandGiven
from .question import Question, removal


def ask_rows(question: Question) -> None:
    """The rows there are, numbered; then new ones, each field asked in turn (every field saved at once).
    An empty line at a row's first field ends; `/remove N` takes row N out."""
    console, prompt = question.console, question.prompt
    kind: RowsKind = kinds.ACTIONS if prompt.kind == kinds.ACTIONS.id else kinds.PEOPLE
    value = kind.read(prompt, question.current())
    rows = list(value.rows)
    _list_rows(question, kind, value)
    field = kind.columns[0]
    console.tell("plain_rows", first=console.words(field.label))
    while True:
        try:
            row = _new_row(question, kind, rows)
        except CommandGiven as given:
            index = removal(question, given, len(rows))
            if index is not None:
                rows.pop(index)
                question.save(kind.write(replace(value, rows=tuple(rows))))
                console.tell("plain_row_removed", number=index + 1)
                _list_rows(question, kind, replace(value, rows=tuple(rows)))
            continue
        if row is None:
            return
        rows.append(row)
        console.tell("plain_row_added", count=len(rows))


def _new_row(question: Question, kind: RowsKind, rows: list[Row]) -> Row | None:
    """One new row, saved field by field; None when its first field is left empty. The fields that
    follow a row over the check-ins (an action's status) are left at their start: a new action is open."""
    console = question.console
    values: dict[str, str] = {}
    for index, field in enumerate(kind.columns):

        def again(label: str = field.label, hint: str = field.placeholder) -> None:
            console.tell("plain_field", label=console.words(label), hint=console.words(hint))

        again()
        line = console.answer(again)
        if index == 0 and not line.strip():
            return None
        values[field.name] = line
        question.save(kind.write(RowsAnswer(rows=(*rows, Row(dict(values))))))
    return Row(values)


def _list_rows(question: Question, kind: RowsKind, value: RowsAnswer) -> None:
    lines = kind.summary(question.pack, question.prompt, value, question.console.words)
    if lines:
        question.console.tell("plain_rows_now", count=len(lines))
        question.listed([line.removeprefix("• ") for line in lines])
