"""One scale of a prompt as one widget: its label, a row of points (1 to 5 by default) per column
(now, or then and now), what its ends mean and, rated then and now, how it moved.

A widget per scale, not eight (label, row, column words, a point row per column, ends, change):
a step with the balance holds a tenth of the widgets it did, so it mounts and lays out quicker and
takes less memory. The keys stay those of a field per column: a digit, ← → or the mouse rate the
column the cursor is in, Del clears it, and Tab (Shift+Tab) goes to the next (previous) column
before it leaves the scale, as it went from field to field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click, Focus, Key
from textual.geometry import Offset
from textual.message import Message
from textual.widget import Widget

from ...domain.content.model import Scale
from ...domain.roadmap.balance import Change, change, describe_change
from ..text import literal

CELL = 3
"""Columns per point: ` 3 ` or `[3]`."""
COLUMN_WORD = 5
"""Columns for a column's word ("Toen", "Nu") before its points."""
ROW = 16
"""Columns of one column's points (5 points of 3, and a space before the next column's word)."""
ROW_LINE = 1
"""The line of the points, under the scale's label."""

VERDICT_STYLES = {"better": "$success", "worse": "$warning"}


class ScaleInput(Widget, can_focus=True):
    """One scale's ratings, a column each; `values[column]` is None until the user picks one."""

    DEFAULT_CSS = "ScaleInput { height: auto; }"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,minus", "step(-1)", show=False),
        Binding("right,plus,equals_sign", "step(1)", show=False),
        Binding("delete,backspace", "clear", show=False),
        Binding("tab", "column(1)", show=False),
        Binding("shift+tab", "column(-1)", show=False),
    ]

    class Changed(Message):
        """A rating of the scale changed."""

        def __init__(self, scale_input: ScaleInput, column: str, value: int | None) -> None:
            super().__init__()
            self.scale_input = scale_input
            self.column = column
            self.value = value

        @property
        def control(self) -> ScaleInput:
            return self.scale_input

    def __init__(
        self,
        scale: Scale,
        columns: tuple[str, ...],
        values: Mapping[str, int | None],
        words: Callable[..., str],
        column_words: Mapping[str, str],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.scale = scale
        self.columns = columns
        self.values: dict[str, int | None] = {column: values.get(column) for column in columns}
        self.words = words
        self.column_words = column_words
        self.column = 0
        """The column the keys rate (an index into `columns`)."""

    @property
    def low(self) -> int:
        return self.scale.min

    @property
    def high(self) -> int:
        return self.scale.max

    def moved(self) -> Change | None:
        """How it moved from then to now (None unless rated then and now, both)."""
        if "then" not in self.values:
            return None
        return change(self.scale, self.values["then"], self.values.get("now"))

    # Drawing

    def render(self) -> Content:
        scale, words = self.scale, self.words
        lines: list[str | Content] = [literal(scale.label, "italic"), "\n", self._row(), "\n"]
        ends = words("scale_ends", low=f"{scale.min} = {scale.low}", high=f"{scale.max} = {scale.high}")
        lines.append(literal(ends, "$foreground-muted"))
        moved = self.moved()
        if moved is not None:
            line = words("scale_change", change=describe_change(moved, words))
            lines += ["\n\n", literal(line, VERDICT_STYLES.get(moved.verdict, "$foreground-muted"))]
        return Content.assemble(*lines)

    def _row(self) -> Content:
        parts: list[Content] = []
        for index, column in enumerate(self.columns):
            word = self.words(self.column_words[column])
            parts.append(literal(word[: COLUMN_WORD - 1].ljust(COLUMN_WORD), "$foreground-muted"))
            active = self.has_focus and index == self.column
            parts.append(self._points(self.values[column], active))
        return Content("").join(parts)

    def _points(self, value: int | None, active: bool) -> Content:
        cells = []
        for point in range(self.low, self.high + 1):
            if point == value:
                cells.append(literal(f"[{point}]", "reverse bold" if active else "bold"))
            else:
                cells.append(literal(f" {point} ", "dim" if value is not None else ""))
        points = Content("").join(cells)
        points = points.pad_right(max(0, ROW - points.cell_length))
        return points.stylize("on $boost") if active else points

    def cursor_cell(self) -> Offset:
        """Where the terminal cursor stands in the widget (ui/cursor.py): on the column being rated."""
        return Offset(self.column * (COLUMN_WORD + ROW) + COLUMN_WORD, ROW_LINE)

    # Keys and the mouse

    def on_focus(self, event: Focus) -> None:
        """Entered backwards (Shift+Tab from below), the cursor starts in the last column."""
        backwards = getattr(self.screen, "entered_backwards", None) is self
        self.column = len(self.columns) - 1 if backwards else 0
        if backwards:
            self.screen.entered_backwards = None  # type: ignore[attr-defined]
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_column(self, delta: int) -> None:
        """The next (previous) column, or past the last (first) one, the next (previous) field."""
        column = self.column + delta
        if 0 <= column < len(self.columns):
            self.column = column
            self.refresh()
        elif delta > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def rate(self, value: int | None, column: int | None = None) -> None:
        """Rate a column (the cursor's by default), telling the editor when it changed."""
        name = self.columns[self.column if column is None else column]
        if self.values[name] != value:
            self.values[name] = value
            self.refresh(layout=True)  # the change line may come or go
            self.post_message(self.Changed(self, name, value))

    def action_step(self, delta: int) -> None:
        current = self.values[self.columns[self.column]]
        start = current if current is not None else (self.low if delta > 0 else self.high) - delta
        self.rate(max(self.low, min(self.high, start + delta)))

    def action_clear(self) -> None:
        self.rate(None)

    def on_key(self, event: Key) -> None:
        character = event.character
        if character and character.isdigit() and self.low <= int(character) <= self.high:
            self.rate(int(character))
            event.stop()

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y != ROW_LINE:
            return
        column, x = divmod(offset.x, COLUMN_WORD + ROW)
        point = self.low + (x - COLUMN_WORD) // CELL
        if column < len(self.columns) and x >= COLUMN_WORD and self.low <= point <= self.high:
            self.column = column
            self.rate(point, column)
            self.refresh()
