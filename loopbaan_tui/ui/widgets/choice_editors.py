"""Editors of the kinds that pick from the pack: scales, single and multiple choice (career paths: paths_editor.py)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Checkbox, RadioSet, TextArea

from ...domain import kinds
from ...domain.kinds import ChoiceAnswer, Rating, ScaleAnswer, SingleChoice, Stored
from ..text import literal
from .editor_base import Editor
from .scale_input import ScaleInput
from .text_fields import LineField
from .toggles import WrappingCheckbox, WrappingRadioButton


class ScaleEditor(Editor):
    """Each of the prompt's scales, rated now (and then, when asked): one ScaleInput per scale."""

    def compose(self) -> ComposeResult:
        value = kinds.SCALE.read(self.prompt, self.value)
        columns = ("then", "now") if self.prompt.then_now else ("now",)
        for scale_id in self.prompt.scales:
            scale = self.pack.scale(scale_id)
            if scale is None:
                continue
            rating = value.rating(scale_id) or Rating(scale_id)
            yield ScaleInput(
                scale,
                columns,
                {"then": rating.then, "now": rating.now},
                self.words,
                kinds.SCALE.column_words,
                id=f"scale-{scale_id}",
                classes="scale",
            )

    def ratings(self) -> ScaleAnswer:
        """The ratings as the editor shows them."""
        ratings = []
        for scale in self.query_children(ScaleInput):
            then, now = scale.values.get("then"), scale.values.get("now")
            if then is not None or now is not None:
                ratings.append(Rating(scale.scale.id, then, now))
        return ScaleAnswer(ratings=tuple(ratings))

    def answer(self) -> Stored:
        return kinds.SCALE.write(self.ratings())

    @on(ScaleInput.Changed)
    def _rated(self, event: ScaleInput.Changed) -> None:
        event.stop()
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
