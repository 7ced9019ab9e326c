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
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Checkbox, RadioSet, Static, TextArea

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
    """A short answer on one line (also dates)."""

    def __init__(self, prompt: Prompt, value: Any, pack: Pack, words: Words) -> None:
        placeholder = words("date_placeholder") if prompt.kind is Kind.DATE else ""
        super().__init__(value if isinstance(value, str) else "", placeholder=placeholder,
                         classes=f"editor editor-{prompt.kind.value}")
        self.prompt = prompt

    def answer(self) -> Any:
        return self.text

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(AnswerChanged(self.prompt.id, self.answer()))


class ScaleEditor(Editor):
    """Each of the prompt's scales, rated now (and then, when asked)."""

    def compose(self) -> ComposeResult:
        value = self.value if isinstance(self.value, dict) else {}
        columns = ("then", "now") if self.prompt.then_now else ("now",)
        for scale_id in self.prompt.scales:
            scale = self.pack.scale(scale_id)
            if scale is None:
                continue
            rating = value.get(scale_id) if isinstance(value.get(scale_id), dict) else {}
            yield Static(literal(scale.label), classes="scale-label")
            with Horizontal(classes="scale-row"):
                for column in columns:
                    current = rating.get(column)
                    yield Static(literal(self.words(f"scale_{column}")), classes="scale-column")
                    yield ScaleInput(scale.min, scale.max, current if isinstance(current, int) else None,
                                     classes=f"scale-{column}", id=f"{scale_id}--{column}")
            yield Static(literal(self.words("scale_ends", low=f"{scale.min} = {scale.low}",
                                            high=f"{scale.max} = {scale.high}")), classes="scale-ends")

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
            chosen = value.get("choices") if isinstance(value.get("choices"), list) else []
            for option in self.prompt.options:
                yield WrappingCheckbox(literal(option.label), value=option.id in chosen, name=option.id)
        if self.prompt.allow_other:
            yield LineField(str(value.get("other", "")), placeholder=self.words("choice_other"),
                            classes="choice-other")

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
        chosen = {item["path"]: item.get("reason", "") for item in items
                  if isinstance(item, dict) and isinstance(item.get("path"), str)}
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
                reason = LineField(str(chosen.get(path.id, "")), placeholder=self.words("path_reason"),
                                   classes="path-reason")
                reason.display = path.id in chosen
                self._reasons[path.id] = reason
                yield reason

    def answer(self) -> Any:
        return [{"path": box.name, "reason": self._reasons[box.name].text}
                for box in self.query(Checkbox) if box.value and box.name]

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
        cells = []
        for field in self.fields:
            cells.append(Horizontal(
                Static(literal(self.words(f"{kind}_{field}")), classes="row-label"),
                LineField(str(row.get(field, "")), placeholder=self.words(f"{kind}_{field}_placeholder"),
                          classes="row-input", name=field, compact=True),
                classes="row-field",
            ))
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
        dialog = Choice(self.words(f"remove_{kind}_title"), self.words("remove_row_body", row=" · ".join(texts)),
                        [("keep", self.words("button_keep")), ("remove", self.words("row_remove"))],
                        warning=True)

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

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.changed(self.answer())


def make_editor(prompt: Prompt, value: Any, pack: Pack, words: Words, profile: str) -> Widget:
    """The editor for a prompt's kind."""
    match prompt.kind:
        case Kind.LONG_TEXT:
            return LongTextEditor(prompt, value, pack, words)
        case Kind.LIST:
            return ListEditor(prompt, value, pack, words)
        case Kind.SHORT_TEXT | Kind.DATE:
            return LineEditor(prompt, value, pack, words)
        case Kind.SCALE:
            return ScaleEditor(prompt, value, pack, words)
        case Kind.SINGLE_CHOICE | Kind.MULTIPLE_CHOICE:
            return ChoiceEditor(prompt, value, pack, words)
        case Kind.PATHS:
            return PathsEditor(prompt, value, pack, words, profile)
        case Kind.ACTIONS | Kind.PEOPLE:
            return RowsEditor(prompt, value, pack, words)
    raise ValueError(prompt.kind)
