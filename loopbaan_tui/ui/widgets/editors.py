"""One editor per prompt kind. Each posts `AnswerChanged` with its prompt's id and new value.

The prompt id is fixed when the editor is made, so an answer can never be filed under
another prompt, however fast the user moves between them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Checkbox, RadioSet, Static, TextArea

from ...domain.balance import change, describe_change
from ...domain.dates import DateProblem, describe_problem, format_date, parse_date, recognize_date
from ...domain.model import Kind, Pack, Prompt
from ...domain.traject import ACTION_FIELDS, PEOPLE_FIELDS
from ..text import literal
from .scale_input import ScaleInput
from .text_fields import LineField, TextField
from .toggles import WrappingCheckbox, WrappingRadioButton

Words = Callable[..., str]


class AnswerChanged(Message):
    """The user changed the answer to one prompt."""

    def __init__(self, prompt_id: str, value: Any) -> None:
        super().__init__()
        self.prompt_id = prompt_id
        self.value = value


class Editor(Widget):
    """Base for editors that are containers of smaller inputs."""

    DEFAULT_CSS = "Editor { height: auto; }"

    def __init__(self, prompt: Prompt, value: Any, pack: Pack, words: Words) -> None:
        super().__init__(classes=f"editor editor-{prompt.kind.value}")
        self.prompt = prompt
        self.value = value
        self.pack = pack
        self.words = words

    def changed(self, value: Any) -> None:
        self.value = value
        self.post_message(AnswerChanged(self.prompt.id, value))

    def answer(self) -> Any:
        """The answer as the editor shows it now."""
        return self.value


class LongTextEditor(TextField):
    """Free text over several lines."""

    def __init__(self, prompt: Prompt, value: Any, pack: Pack, words: Words) -> None:
        super().__init__(self.to_text(value), classes=f"editor editor-{prompt.kind.value}")
        self.prompt = prompt

    @staticmethod
    def to_text(value: Any) -> str:
        """Also shows a list (the prompt's kind may have changed in the pack), so nothing is hidden."""
        return "\n".join(map(str, value)) if isinstance(value, list) else value if isinstance(value, str) else ""

    def answer(self) -> Any:
        return self.text

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(AnswerChanged(self.prompt.id, self.answer()))


class ListEditor(LongTextEditor):
    """One item per line."""

    def answer(self) -> Any:
        return self.text.split("\n")


class LineEditor(LineField):
    """A short answer on one line."""

    def __init__(self, prompt: Prompt, value: Any, pack: Pack, words: Words) -> None:
        super().__init__(value if isinstance(value, str) else "", classes=f"editor editor-{prompt.kind.value}")
        self.prompt = prompt

    def answer(self) -> Any:
        return self.text

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(AnswerChanged(self.prompt.id, self.answer()))


class DateEditor(Editor):
    """A date, typed the usual ways (2-3-2027, 2 maart 2027, 2027-03-02) and kept as 2027-03-02.

    While the text is not a date it is kept as typed (nothing typed is lost) and the line under the
    field says what is wrong; once it is, the line shows the date in words."""

    def compose(self) -> ComposeResult:
        stored = self.value if isinstance(self.value, str) else ""
        found = recognize_date(stored)
        shown = format_date(found, self.pack.info.language, weekday=False) if found else stored
        yield LineField(shown, placeholder=self.words("date_placeholder"), classes="date-field")
        yield Static(classes="field-hint date-hint")

    def on_mount(self) -> None:
        self._show_date()

    def answer(self) -> Any:
        text = self.query_one(LineField).text
        found = recognize_date(text)
        return found.isoformat() if found else text

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


class ScaleEditor(Editor):
    """Each of the prompt's scales, rated now (and then, when asked)."""

    def compose(self) -> ComposeResult:
        value = self.value if isinstance(self.value, dict) else {}
        columns = ("then", "now") if self.prompt.then_now else ("now",)
        for scale_id in self.prompt.scales:
            scale = self.pack.scale(scale_id)
            if scale is None:
                continue
            rating = found if isinstance(found := value.get(scale_id), dict) else {}
            yield Static(literal(scale.label), classes="scale-label")
            with Horizontal(classes="scale-row"):
                for column in columns:
                    current = rating.get(column)
                    yield Static(literal(self.words(f"scale_{column}")), classes="scale-column")
                    yield ScaleInput(
                        scale.min,
                        scale.max,
                        current if isinstance(current, int) else None,
                        classes=f"scale-{column}",
                        id=f"{scale_id}--{column}",
                    )
            yield Static(
                literal(self.words("scale_ends", low=f"{scale.min} = {scale.low}", high=f"{scale.max} = {scale.high}")),
                classes="scale-ends",
            )
            if self.prompt.then_now:
                yield Static(classes="scale-change", id=f"{scale_id}--change")

    def on_mount(self) -> None:
        self._show_changes()

    def _show_changes(self) -> None:
        """Then and now side by side: how much it moved, and whether that is for the better."""
        if not self.prompt.then_now:
            return
        value = self.answer()
        for scale_id in self.prompt.scales:
            scale = self.pack.scale(scale_id)
            if scale is None:
                continue
            rating = value.get(scale_id, {})
            found = change(scale, rating.get("then"), rating.get("now"))
            line = self.query_one(f"#{scale_id}--change", Static)
            line.update(literal(self.words("scale_change", change=describe_change(found, self.words))) if found else "")
            line.display = found is not None
            line.set_class(found is not None and found.verdict == "worse", "-worse")
            line.set_class(found is not None and found.verdict == "better", "-better")

    def answer(self) -> Any:
        value: dict[str, dict[str, int]] = {}
        for rating in self.query(ScaleInput):
            scale_id, column = (rating.id or "").split("--")
            if rating.value is not None:
                value.setdefault(scale_id, {})[column] = rating.value
        return value

    @on(ScaleInput.Changed)
    def _rated(self, event: ScaleInput.Changed) -> None:
        event.stop()
        self._show_changes()
        self.changed(self.answer())


class ChoiceEditor(Editor):
    """Pick one (radio buttons) or several (checkboxes), and maybe say "other"."""

    def compose(self) -> ComposeResult:
        value = self.value if isinstance(self.value, dict) else {}
        if self.prompt.kind is Kind.SINGLE_CHOICE:
            with RadioSet():
                for option in self.prompt.options:
                    chosen = value.get("choice") == option.id
                    yield WrappingRadioButton(literal(option.label), value=chosen, name=option.id)
        else:
            chosen = found if isinstance(found := value.get("choices"), list) else []
            for option in self.prompt.options:
                yield WrappingCheckbox(literal(option.label), value=option.id in chosen, name=option.id)
        if self.prompt.allow_other:
            yield LineField(str(value.get("other", "")), placeholder=self.words("choice_other"), classes="choice-other")

    def answer(self) -> Any:
        value: dict[str, Any] = {}
        if self.prompt.kind is Kind.SINGLE_CHOICE:
            pressed = self.query_one(RadioSet).pressed_button
            if pressed is not None and pressed.name:
                value["choice"] = pressed.name
        else:
            value["choices"] = [box.name for box in self.query(Checkbox) if box.value and box.name]
        if self.prompt.allow_other:
            value["other"] = self.query_one(".choice-other", LineField).text
        return value

    @on(RadioSet.Changed)
    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def _picked(self, event: Message) -> None:
        event.stop()
        self.changed(self.answer())


class PathsEditor(Editor):
    """The career paths for this profile: tick the ones that appeal and say why."""

    def __init__(self, prompt: Prompt, value: Any, pack: Pack, words: Words, profile: str) -> None:
        super().__init__(prompt, value, pack, words)
        self.profile = profile
        self._reasons: dict[str, LineField] = {}

    def compose(self) -> ComposeResult:
        items = self.value if isinstance(self.value, list) else []  # any type may come from a hand-edited file
        chosen = {
            item["path"]: item.get("reason", "")
            for item in items
            if isinstance(item, dict) and isinstance(item.get("path"), str)
        }
        for path in self.pack.paths:
            if (self.prompt.paths and path.id not in self.prompt.paths) or not path.for_profile(self.profile):
                continue
            with Vertical(classes="path"):
                yield WrappingCheckbox(literal(path.name), value=path.id in chosen, name=path.id)
                details = path.description
                if path.examples:
                    details += "\n" + self.words("path_examples", examples=", ".join(path.examples))
                if path.asks:
                    details += "\n" + self.words("path_asks", asks=path.asks)
                yield Static(literal(details), classes="path-details")
                reason = LineField(
                    str(chosen.get(path.id, "")), placeholder=self.words("path_reason"), classes="path-reason"
                )
                reason.display = path.id in chosen
                self._reasons[path.id] = reason
                yield reason

    def answer(self) -> Any:
        return [
            {"path": box.name, "reason": self._reasons[box.name].text}
            for box in self.query(Checkbox)
            if box.value and box.name
        ]

    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def _edited(self, event: Message) -> None:
        event.stop()
        if isinstance(event, Checkbox.Changed) and event.checkbox.name:
            self._reasons[event.checkbox.name].display = event.value
        self.changed(self.answer())


class RowsEditor(Editor):
    """Actions (what, when, first step, who) or people (who, help, reach), as cards you can add."""

    @property
    def fields(self) -> tuple[str, ...]:
        return ACTION_FIELDS if self.prompt.kind is Kind.ACTIONS else PEOPLE_FIELDS

    def compose(self) -> ComposeResult:
        rows = [row for row in self.value if isinstance(row, dict)] if isinstance(self.value, list) else []
        rows = rows or [{}]
        for row in rows:
            yield self._row(row)
        yield Button(literal(self.words(f"add_{self.prompt.kind.value}")), classes="row-add", compact=True)

    def _row(self, row: dict[str, Any]) -> Widget:
        kind = self.prompt.kind.value
        cells: list[Widget] = []
        for field in self.fields:
            cells.append(
                Horizontal(
                    Static(literal(self.words(f"{kind}_{field}")), classes="row-label"),
                    LineField(
                        str(row.get(field, "")),
                        placeholder=self.words(f"{kind}_{field}_placeholder"),
                        classes="row-input",
                        name=field,
                        compact=True,
                    ),
                    classes="row-field",
                )
            )
            if field == "when":  # free text ("voor de kerst"), but a date is shown as one
                hint = Static(self._when_hint(str(row.get(field, ""))), classes="field-hint row-when-hint")
                hint.display = recognize_date(row.get(field, "")) is not None
                cells.append(hint)
        remove = Button(literal(self.words("row_remove")), classes="row-remove", compact=True)
        return Vertical(*cells, remove, classes="row")

    def answer(self) -> Any:
        return [{box.name: box.text for box in row.query(LineField) if box.name} for row in self.query(".row")]

    @on(Button.Pressed, ".row-add")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        row = self._row({})
        await self.mount(row, before=event.button)
        row.query(LineField).first().focus()

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

        kind = self.prompt.kind.value
        dialog = Choice(
            self.words(f"remove_{kind}_title"),
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
            await self.mount(self._row({}), before=self.query_one(".row-add"))
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
        row = field.parent.parent if field.parent is not None else None
        if field.name == "when" and isinstance(row, Widget):
            hint = row.query_children(".row-when-hint").first(Static)
            hint.update(self._when_hint(field.text))
            hint.display = recognize_date(field.text) is not None
        self.changed(self.answer())


def make_editor(prompt: Prompt, value: Any, pack: Pack, words: Words, profile: str) -> Widget:
    """The editor for a prompt's kind."""
    match prompt.kind:
        case Kind.LONG_TEXT:
            return LongTextEditor(prompt, value, pack, words)
        case Kind.LIST:
            return ListEditor(prompt, value, pack, words)
        case Kind.SHORT_TEXT:
            return LineEditor(prompt, value, pack, words)
        case Kind.DATE:
            return DateEditor(prompt, value, pack, words)
        case Kind.SCALE:
            return ScaleEditor(prompt, value, pack, words)
        case Kind.SINGLE_CHOICE | Kind.MULTIPLE_CHOICE:
            return ChoiceEditor(prompt, value, pack, words)
        case Kind.PATHS:
            return PathsEditor(prompt, value, pack, words, profile)
        case Kind.ACTIONS | Kind.PEOPLE:
            return RowsEditor(prompt, value, pack, words)
    raise ValueError(prompt.kind)
