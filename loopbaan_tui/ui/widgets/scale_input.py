"""A row of points (1 to 5 by default) you pick with the arrow keys, a digit or the mouse."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

CELL = 3
"""Columns per point: ` 3 ` or `[3]`."""


class ScaleInput(Widget, can_focus=True):
    """One rating; `value` is None until the user picks one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,minus", "step(-1)", show=False),
        Binding("right,plus,equals_sign", "step(1)", show=False),
        Binding("delete,backspace", "clear", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, scale_input: ScaleInput, value: int | None) -> None:
            super().__init__()
            self.scale_input = scale_input
            self.value = value

        @property
        def control(self) -> ScaleInput:
            return self.scale_input

    def __init__(
        self,
        low: int = 1,
        high: int = 5,
        value: int | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.low, self.high = low, high
        self.set_reactive(ScaleInput.value, value)

    def render(self) -> Content:
        parts = []
        for point in range(self.low, self.high + 1):
            if point == self.value:
                parts.append(Content.styled(f"[{point}]", "reverse bold" if self.has_focus else "bold"))
            else:
                parts.append(Content.styled(f" {point} ", "dim" if self.value is not None else ""))
        return Content("").join(parts)

    def get_content_width(self, container: object, viewport: object) -> int:
        return (self.high - self.low + 1) * CELL

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        start = self.value if self.value is not None else (self.low if delta > 0 else self.high) - delta
        self.value = max(self.low, min(self.high, start + delta))

    def action_clear(self) -> None:
        self.value = None

    def on_key(self, event: object) -> None:
        character = getattr(event, "character", None)
        if character and character.isdigit() and self.low <= int(character) <= self.high:
            self.value = int(character)
            event.stop()  # type: ignore[attr-defined]

    def on_click(self, event: Click) -> None:
        point = self.low + event.x // CELL
        if self.low <= point <= self.high:
            self.value = point
