"""The editor of the row kinds: actions or people, as cards you can add and remove."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static, TextArea

from ...domain import kinds
from ...domain.kinds import Row, RowField, RowsAnswer, RowsKind, Stored
from ...domain.kinds.rows import DONE
from ...domain.words.dates import format_date, recognize_date
from ..text import literal
from .editor_base import Editor, hold_keys, release_keys_when_shown
from .styled import CompactButton, QuietStatic
from .suggestions import Suggestions
from .text_fields import LineField


class RowsEditor(Editor):
    """Actions (what, when, first step, who), as cards you can add; `kind` names the fields and words."""

    kind: RowsKind = kinds.ACTIONS
    suggestions: Suggestions | None = None
    """The chosen career paths' suggestions (domain/fit), once the traject's answers are known."""

    def use_answers(self, answers: Callable[[], Mapping[str, Stored]]) -> None:
        self.suggestions = Suggestions(self.kind.id, self.pack, self.profile, answers, self.words, self._rows)

    def _rows(self) -> tuple[Row, ...]:
        return self.kind.read(self.prompt, self.answer()).rows

    def compose(self) -> ComposeResult:
        rows = [row for row in self.kind.read(self.prompt, self.value).rows if not row.loose] or [Row()]
        for row in rows:
            yield self._row(row)
        yield CompactButton(literal(self.words(self.kind.add_word)), classes="row-add")
        if self.suggestions is not None:
            yield self.suggestions

    @on(Suggestions.Taken)
    async def _take(self, event: Suggestions.Taken) -> None:
        """A suggestion becomes a row (in place of an empty one), to edit from its first field."""
        event.stop()
        empty = [row for row in self.query(".row") if not any(box.text.strip() for box in row.query(LineField))]
        row = self._row(Row(event.values))
        await self.mount(row, before=self.query_one(".row-add"))
        await self.remove_children(empty)
        self.changed(self.answer())
        row.query(LineField).first().focus()
        if self.suggestions is not None:
            self.suggestions.refresh_offers()

    def _row(self, row: Row) -> Widget:
        """A card: a label and a field per line on one grid (app.tcss `.row-fields`), not a container per
        line; the remove button below it."""
        cells: list[Widget] = []
        for field in self.kind.fields:
            label = QuietStatic(literal(self.words(field.label)), classes="row-label")
            cells.append(label)
            if field.choices:  # an action's status: a button that moves on to the next one
                cells.append(self._choice(field, row.get(field.name)))
                continue
            cells.append(
                LineField(
                    row.get(field.name),
                    placeholder=self.words(field.placeholder),
                    classes="row-input",
                    name=field.name,
                    compact=True,
                )
            )
            if field.name == "when":  # free text ("voor de kerst"), but a date is shown as one
                hint = QuietStatic(self._when_hint(row.get(field.name)), classes="field-hint row-when-hint")
                label.add_class("row-when-label")
                self._show_hint(label, hint, recognize_date(row.get(field.name)) is not None)
                cells.append(hint)
        remove = CompactButton(literal(self.words("row_remove")), classes="row-remove")
        return Vertical(Container(*cells, classes="row-fields"), remove, classes="row")

    @staticmethod
    def _show_hint(label: Widget, hint: Widget, shown: bool) -> None:
        """The date in words under the field, in its column: the label beside both spans two grid rows."""
        hint.display = shown
        label.set_class(shown, "-hinted")

    def answer(self) -> Stored:
        rows = (
            Row({box.name: box.text for box in row.query(LineField) if box.name} | self._choices(row))
            for row in self.query(".row")
        )
        return self.kind.write(RowsAnswer(rows=tuple(rows)))

    # an action's status (kinds/rows.py STATUSES): a row field with choices, one button per row

    def _choice(self, field: RowField, value: str) -> Widget:
        button = ChoiceButton(field, value or field.choices[0][0], self.words(field.label))
        button.label = self._choice_label(button)
        return button

    def _choice_label(self, button: ChoiceButton) -> Content:
        word = button.field.choice_word(button.value)
        return literal(f"{self.words(word) if word else button.value} ▸")

    def _choices(self, row: Widget) -> dict[str, str]:
        return {b.field.name: b.value for b in row.query(ChoiceButton) if b.value != b.field.choices[0][0]}

    @on(Button.Pressed, ".row-choice")
    def _next_choice(self, event: Button.Pressed) -> None:
        """The next status; an action marked done gets today's date when it has none."""
        event.stop()
        button = event.button
        if not isinstance(button, ChoiceButton):
            return
        values = [value for value, _ in button.field.choices]
        button.value = values[(values.index(button.value) + 1) % len(values)] if button.value in values else values[0]
        button.label = self._choice_label(button)
        row = button.parent.parent if button.parent is not None else None
        today = date.today().isoformat()
        for box in row.query(LineField) if isinstance(row, Widget) else ():
            if box.name == "done" and button.value == DONE and not box.text.strip():
                box.load_text(today)
            elif box.name == "done" and button.value != DONE and box.text == today:
                box.load_text("")  # filled in a moment ago by the step to "done": not the user's words
        self.changed(self.answer())

    @on(Button.Pressed, ".row-add")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        hold_keys(self)  # what is typed next is for the new row's first field
        row = self._row(Row())
        try:
            await self.mount(row, before=event.button)
            row.query(LineField).first().focus()
        finally:
            release_keys_when_shown(self)

    @on(Button.Pressed, ".row-remove")
    def _remove(self, event: Button.Pressed) -> None:
        """Ask first when the row holds words; then remove it and stay in the table."""
        event.stop()
        row = event.button.parent
        if not isinstance(row, Widget):
            return
        texts = [box.text.strip() for box in row.query(LineField) if box.text.strip()]
        if not texts:
            self.run_worker(self._remove_row(row))
            return
        from ..screens.dialogs import Choice

        dialog = Choice(
            self.words(self.kind.remove_title_word),
            self.words("remove_row_body", row=" · ".join(texts)),
            [("keep", self.words("button_keep")), ("remove", self.words("row_remove"))],
            warning=True,
            focus="keep",
        )

        def chosen(answer: str | None) -> None:
            if answer == "remove":
                self.run_worker(self._remove_row(row))
            else:
                event.button.focus()

        self.app.push_screen(dialog, chosen)

    async def _remove_row(self, row: Widget) -> None:
        rows = list(self.query(".row"))
        index = rows.index(row) if row in rows else 0
        await row.remove()
        if not self.query(".row"):
            await self.mount(self._row(Row()), before=self.query_one(".row-add"))
        self.changed(self.answer())
        rows = list(self.query(".row"))
        target = rows[min(index, len(rows) - 1)].query(LineField).first()
        target.focus()

    def _when_hint(self, text: str) -> Content | str:
        found = recognize_date(text)
        return literal("= " + format_date(found, self.pack.info.language)) if found else ""

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        field = event.text_area
        fields = field.parent
        if field.name == "when" and isinstance(fields, Widget):
            hint = fields.query_children(".row-when-hint").first(Static)
            hint.update(self._when_hint(field.text))
            self._show_hint(
                fields.query_children(".row-when-label").first(), hint, recognize_date(field.text) is not None
            )
        self.changed(self.answer())


class ChoiceButton(CompactButton):
    """A row field with fixed choices (an action's status): Enter moves on to the next value."""

    def __init__(self, field: RowField, value: str, tooltip: str) -> None:
        super().__init__("", classes="row-choice", name=field.name)
        self.field = field
        self.value = value
        self.tooltip = tooltip
        self.active_effect_duration = 0  # a Button ignores presses while it shows one: every Enter counts


class PeopleEditor(RowsEditor):
    """People (who, help, reach), as cards you can add."""

    kind = kinds.PEOPLE
