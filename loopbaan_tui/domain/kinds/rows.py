"""Row kinds: actions (what, when, first step, who) and people (who, help, reach), as cards to add."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..content.model import Kind, Pack, Prompt
from ..roadmap.markdown import cell, table
from ..words.dates import format_date, recognize_date
from .base import Answer, Comparison, DocContext, Gathered, Stored, ValueKind, Words, is_empty, set_comparison, strings


@dataclass(frozen=True, slots=True)
class RowField:
    """One field of a row and its word keys: the label and placeholder in the editor, the column in the roadmap.

    A `progress` field (an action's status and done date) is followed over the check-ins: written
    only when set, shown in the summary and the changes, no column of the roadmap's table. A field
    with `choices` ((value, word key), the first the default) takes one of those values."""

    name: str
    label: str
    placeholder: str
    doc: str
    progress: bool = False
    choices: tuple[tuple[str, str], ...] = ()

    def choice_word(self, value: str) -> str:
        """The word key of a choice value ("" for a value that is not one: shown as typed)."""
        return next((word for choice, word in self.choices if choice == value), "")


@dataclass(frozen=True, slots=True)
class Row:
    """A row's fields as text. `loose` marks a stored row that was no table (a hand-edited file): its
    words are in the first field, shown in the roadmap but not in the editor."""

    values: Mapping[str, str] = field(default_factory=dict)
    loose: bool = False

    def get(self, name: str) -> str:
        return self.values.get(name, "")


@dataclass(frozen=True)
class RowsAnswer(Answer):
    rows: tuple[Row, ...] = ()


class RowsKind(ValueKind[RowsAnswer]):
    """Rows of the same fields; the first field leads in the summary. Subclasses name the fields and words."""

    fields: tuple[RowField, ...]
    add_word: str
    """The button adding a row."""
    remove_title_word: str
    """The title of the question before removing a row with words in it."""
    section: Gathered

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def columns(self) -> tuple[RowField, ...]:
        """The fields that are columns of the roadmap's table."""
        return tuple(f for f in self.fields if not f.progress)

    def word_keys(self) -> frozenset[str]:
        fields = {key for f in self.fields for key in (f.label, f.placeholder, f.doc) if key}
        choices = {word for f in self.fields for _, word in f.choices}
        return frozenset({self.add_word, self.remove_title_word, *fields, *choices})

    def gathered(self, prompt: Prompt) -> Gathered | None:
        return self.section

    def read(self, prompt: Prompt, stored: Stored | None) -> RowsAnswer:
        items = stored if isinstance(stored, list) else [] if stored is None else [stored]
        rows = []
        for item in items:
            if isinstance(item, dict):
                row = Row({f: "\n".join(strings(item.get(f))) for f in self.names})
            else:
                row = Row({self.names[0]: "\n".join(strings(item))}, loose=True)
            if any(v.strip() for v in row.values.values()):
                rows.append(row)
        return RowsAnswer(rows=tuple(rows))

    def write(self, value: RowsAnswer) -> Stored:
        return [
            {f.name: row.get(f.name) for f in self.fields if not f.progress or row.get(f.name)}
            for row in value.rows
            if not row.loose
        ]

    def text(self, pack: Pack, name: str, text: str) -> str:
        """A field as shown; an action's 'when' or 'done' in words when all of it is a date ("voor de
        kerst" as typed)."""
        found = recognize_date(text) if name in ("when", "done") else None
        return format_date(found, pack.info.language) if found else text

    def shown(self, pack: Pack, field: RowField, text: str, words: Words) -> str:
        """A field's value for a person: a choice in words, a date in words, else as typed."""
        return words(field.choice_word(text)) if field.choice_word(text) else self.text(pack, field.name, text)

    def summary(self, pack: Pack, prompt: Prompt, value: RowsAnswer, words: Words) -> list[str]:
        lines = []
        for row in value.rows:
            first, *rest = self.fields
            parts = [row.get(first.name)]
            parts += [
                f"{words(f.label)} {self.shown(pack, f, row.get(f.name), words)}" for f in rest if row.get(f.name)
            ]
            lines.append("• " + " · ".join(p for p in parts if p))
        return lines

    def markdown(self, ctx: DocContext, prompt: Prompt, value: RowsAnswer) -> str:
        if not value.rows:
            return ""
        header = [ctx.w(f.doc) for f in self.columns]
        cells = [[cell(self.text(ctx.pack, f.name, row.get(f.name))) for f in self.columns] for row in value.rows]
        for row, line in zip(value.rows, cells, strict=True):
            if progress := self.progress(ctx, row):
                line[0] = f"{line[0]} ({progress})" if line[0] else f"({progress})"
        return table(header, cells)

    def progress(self, ctx: DocContext, row: Row) -> str:
        """A row's progress fields for its first cell, escaped: "gedaan, zondag 1 februari 2026"; "" when none."""
        parts = []
        for f in self.fields:
            value = row.get(f.name)
            if not f.progress or not value.strip() or value == (f.choices[0][0] if f.choices else None):
                continue
            parts.append(
                ctx.w(f.choice_word(value)) if f.choice_word(value) else cell(self.text(ctx.pack, f.name, value))
            )
        return ", ".join(parts)

    def compare(self, pack: Pack, prompt: Prompt, then: RowsAnswer, now: RowsAnswer) -> Comparison:
        def described(answer: RowsAnswer) -> list[str]:
            return [" · ".join(v for f in self.names if not is_empty(v := row.get(f))) for row in answer.rows]

        return set_comparison(described(then), described(now))

    def merge_hidden(self, pack: Pack, prompt: Prompt, profile: str, old: Stored | None, new: Stored) -> Stored:
        if not isinstance(old, list) or not isinstance(new, list):
            return new
        return [*new, *(row for row in old if not isinstance(row, dict))]


STATUSES = (
    ("open", "actions_status_open"),
    ("bezig", "actions_status_bezig"),
    ("gedaan", "actions_status_gedaan"),
    ("losgelaten", "actions_status_losgelaten"),
)
"""An action's status (stored as the Dutch word); a row without one is open."""
DONE = "gedaan"


def status_of(row: Row) -> str:
    """An action's status: one of STATUSES' values ("open" when not set or not known)."""
    value = row.get("status")
    return value if any(value == choice for choice, _ in STATUSES) else "open"


class Actions(RowsKind):
    id = Kind.ACTIONS
    section = "actions"
    fields = (
        RowField("what", "actions_what", "actions_what_placeholder", "doc_action_what"),
        RowField("when", "actions_when", "actions_when_placeholder", "doc_action_when"),
        RowField("first_step", "actions_first_step", "actions_first_step_placeholder", "doc_action_first_step"),
        RowField("who", "actions_who", "actions_who_placeholder", "doc_action_who"),
        RowField("status", "actions_status", "", "", progress=True, choices=STATUSES),
        RowField("done", "actions_done", "actions_done_placeholder", "", progress=True),
    )
    add_word = "add_actions"
    remove_title_word = "remove_actions_title"


class People(RowsKind):
    id = Kind.PEOPLE
    section = "network"
    fields = (
        RowField("who", "people_who", "people_who_placeholder", "doc_people_who"),
        RowField("help", "people_help", "people_help_placeholder", "doc_people_help"),
        RowField("reach", "people_reach", "people_reach_placeholder", "doc_people_reach"),
    )
    add_word = "add_people"
    remove_title_word = "remove_people_title"
