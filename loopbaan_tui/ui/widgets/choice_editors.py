"""Editors of the kinds that pick from the pack: scales, single and multiple choice (career paths: paths_editor.py)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Checkbox, RadioSet, Static, TextArea

from ...domain import kinds
from ...domain.kinds import ChoiceAnswer, Rating, ScaleAnswer, SingleChoice, Stored
from ...domain.roadmap.balance import change, describe_change
from ..text import literal
from .editor_base import Editor
from .scale_input import ScaleInput
from .text_fields import LineField
from .toggles import WrappingCheckbox, WrappingRadioButton


class ScaleEditor(Editor):
    """Each of the prompt's scales, rated now (and then, when asked)."""

    def compose(self) -> ComposeResult:
        value = kinds.SCALE.read(self.prompt, self.value)
        columns = ("then", "now") if self.prompt.then_now else ("now",)
        for scale_id in self.prompt.scales:
            scale = self.pack.scale(scale_id)
            if scale is None:
                continue
            rating = value.rating(scale_id) or Rating(scale_id)
            yield Static(literal(scale.label), classes="scale-label")
            with Horizontal(classes="scale-row"):
                for column in columns:
                    yield Static(literal(self.words(kinds.SCALE.column_words[column])), classes="scale-column")
                    yield ScaleInput(
                        scale.min,
                        scale.max,
                        rating.then if column == "then" else rating.now,
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
        value = self.ratings()
        for scale_id in self.prompt.scales:
            scale = self.pack.scale(scale_id)
            if scale is None:
                continue
            rating = value.rating(scale_id) or Rating(scale_id)
            found = change(scale, rating.then, rating.now)
            line = self.query_one(f"#{scale_id}--change", Static)
            line.update(literal(self.words("scale_change", change=describe_change(found, self.words))) if found else "")
            line.display = found is not None
            line.set_class(found is not None and found.verdict == "worse", "-worse")
            line.set_class(found is not None and found.verdict == "better", "-better")

    def ratings(self) -> ScaleAnswer:
        """The ratings as the editor shows them."""
        scores: dict[str, dict[str, int]] = {}
        for rating in self.query(ScaleInput):
            scale_id, column = (rating.id or "").split("--")
            if rating.value is not None:
                scores.setdefault(scale_id, {})[column] = rating.value
        return ScaleAnswer(
            ratings=tuple(Rating(scale_id, s.get("then"), s.get("now")) for scale_id, s in scores.items())
        )

    def answer(self) -> Stored:
        return kinds.SCALE.write(self.ratings())

    @on(ScaleInput.Changed)
    def _rated(self, event: ScaleInput.Changed) -> None:
        event.stop()
        self._show_changes()
        self.changed(self.answer())


class ChoiceEditor(Editor):
    """Pick one (radio buttons) or several (checkboxes), and maybe say "other"."""

    kind: SingleChoice = kinds.SINGLE_CHOICE

    def compose(self) -> ComposeResult:
        value = self.kind.read(self.prompt, self.value)
        yield from self.options(value)
        if self.prompt.allow_other:
            yield LineField(value.other, placeholder=self.words("choice_other"), classes="choice-other")

    def options(self, value: ChoiceAnswer) -> ComposeResult:
        with RadioSet():
            for option in self.prompt.options:
                chosen = value.choices[:1] == (option.id,)
                yield WrappingRadioButton(literal(option.label), value=chosen, name=option.id)

    def chosen(self) -> tuple[str, ...]:
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.name,) if pressed is not None and pressed.name else ()

    def answer(self) -> Stored:
        other = self.query_one(".choice-other", LineField).text if self.prompt.allow_other else ""
        return self.kind.write(ChoiceAnswer(choices=self.chosen(), other=other))

    @on(RadioSet.Changed)
    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    def _picked(self, event: Message) -> None:
        event.stop()
        self.changed(self.answer())


class MultipleChoiceEditor(ChoiceEditor):
    """Pick several (checkboxes), and maybe say "other"."""

    kind = kinds.MULTIPLE_CHOICE

    def options(self, value: ChoiceAnswer) -> ComposeResult:
        for option in self.prompt.options:
            yield WrappingCheckbox(literal(option.label), value=option.id in value.choices, name=option.id)

    def chosen(self) -> tuple[str, ...]:
        return tuple(box.name for box in self.query(Checkbox) if box.value and box.name)
