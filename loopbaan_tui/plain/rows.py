"""Answering a table (actions, people) row by row, field by field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..domain import kinds
from ..domain.kinds import Row, RowsAnswer, RowsKind
from ..domain.kinds.rows import DONE, status_of
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
    if rows and kind is kinds.ACTIONS:
        console.tell("plain_status_hint")
    field = kind.columns[0]
    console.tell("plain_rows", first=console.words(field.label))
    while True:
        try:
            row = _new_row(question, kind, rows)
        except CommandGiven as given:
            if given.command.name == "status" and kind is kinds.ACTIONS:
                rows = set_status(question, given.command.argument, rows)
                continue
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


def set_status(question: Question, argument: str, rows: list[Row]) -> list[Row]:
    """`/status N`: action N's status by number (open, bezig, gedaan, losgelaten), saved at once; the
    rows as they are then. Done gets today's date when it has none, as in the app; a step away from
    done takes back a date filled in today."""
    console, kind = question.console, kinds.ACTIONS
    field = next(f for f in kind.fields if f.name == "status")  # its choices: STATUSES
    if not (argument.isdigit() and 1 <= int(argument) <= len(rows)):
        if rows:
            console.tell("plain_status_which", high=len(rows))
        else:
            console.tell("plain_remove_nothing")
        return rows
    index = int(argument) - 1
    row = rows[index]
    what = row.get("what") or argument
    now = status_of(row)

    def again() -> None:
        console.tell("plain_status", what=what, now=console.words(field.choice_word(now)))
        question.listed([console.words(field.choice_word(choice)) for choice, _ in field.choices])
        console.tell("plain_choose_one", high=len(field.choices))

    again()
    number = console.number(1, len(field.choices), again)
    if number is None:
        return rows
    status = field.choices[number - 1][0]
    values = {**row.values, "status": status}
    today = date.today().isoformat()
    if status == DONE and not row.get("done").strip():
        values["done"] = today
    elif status != DONE and row.get("done") == today:
        values.pop("done")
    rows = [*rows[:index], Row(values), *rows[index + 1 :]]
    question.save(kind.write(RowsAnswer(rows=tuple(rows))))
    console.tell("plain_status_set", what=what, status=console.words(field.choice_word(status)))
    return rows
