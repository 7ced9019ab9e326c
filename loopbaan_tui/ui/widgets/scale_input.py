"""The scales of a prompt as one widget: per scale its label, a row of points (1 to 5 by default) per
column (now, or then and now), what its ends mean and, rated then and now, how it moved.

One widget for all of a prompt's scales, not one per scale (and not eight per scale: label, row,
column words, a point row per column, ends, change): the balance of eight scales is one widget,
so a step mounts and lays out quicker and holds less memory. The keys stay those of a field per
column: a digit, ← → or the mouse rate the column the cursor is in, Del clears it, and Tab
(Shift+Tab) goes to the next (previous) column, then to the next (previous) scale, before it leaves
the scales, as it went from field to field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click, Focus, Key
from textual.geometry import Offset, Region
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
"""The line of the points under a scale's label (of one line)."""

VERDICT_STYLES = {"better": "$success", "worse": "$warning"}

Ratings = dict[str, int | None]
"""One scale's rating per column; None until the user picks one."""


class ScaleInput(Widget, can_focus=True):
    """The ratings of some scales, a column each: `values[scale id][column]`, None until picked."""

    DEFAULT_CSS = "ScaleInput { height: auto; }"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,minus", "step(-1)", show=False),
        Binding("right,plus,equals_sign", "step(1)", show=False),
        Binding("delete,backspace", "clear", show=False),
        Binding("tab", "column(1)", show=False),
        Binding("shift+tab", "column(-1)", show=False),
    ]

    class Changed(Message):
        """A rating of one of the scales changed."""

        def __init__(self, scale_input: ScaleInput, scale: str, column: str, value: int | None) -> None:
            super().__init__()
            self.scale_input = scale_input
            self.scale = scale
            self.column = column
            self.value = value

        @property
        def control(self) -> ScaleInput:
            return self.scale_input

    def __init__(
        self,
        scales: tuple[Scale, ...],
        columns: tuple[str, ...],
        values: Mapping[str, Mapping[str, int | None]],
        words: Callable[..., str],
        column_words: Mapping[str, str],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.scales = scales
        self.columns = columns
        self.values: dict[str, Ratings] = {
            scale.id: {column: values.get(scale.id, {}).get(column) for column in columns} for scale in scales
        }
        self.words = words
        self.column_words = column_words
        self.row = 0
        """The scale the keys rate (an index into `scales`)."""
        self.column = 0
        """The column the keys rate (an index into `columns`)."""

    @property
    def scale(self) -> Scale:
        """The scale the cursor is in."""
        return self.scales[self.row]

    def moved(self, scale: Scale) -> Change | None:
        """How a scale moved from then to now (None unless rated then and now, both)."""
        ratings = self.values[scale.id]
        if "then" not in ratings:
            return None
        return change(scale, ratings["then"], ratings.get("now"))

    # Drawing

    def render(self) -> Content:
        blocks: list[Content] = []
        for index, scale in enumerate(self.scales):
            label, rest = self._block(index, scale)
            blocks.append(Content.assemble(label, "\n", rest))
        return Content("\n\n").join(blocks)  # a line between the scales

    def _block(self, index: int, scale: Scale) -> tuple[Content, Content]:
        """A scale's label, and what comes under it: its points, its ends and how it moved."""
        words = self.words
        lines: list[str | Content] = [self._row(index, scale), "\n"]
        ends = words("scale_ends", low=f"{scale.min} = {scale.low}", high=f"{scale.max} = {scale.high}")
        lines.append(literal(ends, "$foreground-muted"))
        moved = self.moved(scale)
        if moved is not None:
            line = words("scale_change", change=describe_change(moved, words))
            lines += ["\n\n", literal(line, VERDICT_STYLES.get(moved.verdict, "$foreground-muted"))]
        return literal(scale.label, "italic"), Content.assemble(*lines)

    def _row(self, index: int, scale: Scale) -> Content:
        parts: list[Content] = []
        for column_index, column in enumerate(self.columns):
            word = self.words(self.column_words[column])
            parts.append(literal(word[: COLUMN_WORD - 1].ljust(COLUMN_WORD), "$foreground-muted"))
            active = self.has_focus and index == self.row and column_index == self.column
            parts.append(self._points(scale, self.values[scale.id][column], active))
        return Content("").join(parts)

    @staticmethod
    def _points(scale: Scale, value: int | None, active: bool) -> Content:
        cells = []
        for point in range(scale.min, scale.max + 1):
            if point == value:
                cells.append(literal(f"[{point}]", "reverse bold" if active else "bold"))
            else:
                cells.append(literal(f" {point} ", "dim" if value is not None else ""))
        points = Content("").join(cells)
        points = points.pad_right(max(0, ROW - points.cell_length))
        return points.stylize("on $boost") if active else points

    def _tops(self) -> list[tuple[int, int]]:
        """Per scale, the first line of its block and the line of its points, wrapped to the width now."""
        width = max(1, self.content_size.width)
        tops, top = [], 0
        for index, scale in enumerate(self.scales):
            label, rest = self._block(index, scale)
            points = top + len(label.wrap(width))
            tops.append((top, points))
            top = points + len(rest.wrap(width)) + 1
        return tops

    def cursor_cell(self) -> Offset:
        """Where the terminal cursor stands in the widget (ui/cursor.py): on the column being rated."""
        line = self._tops()[self.row][1] if self.scales else ROW_LINE
        return Offset(self.column * (COLUMN_WORD + ROW) + COLUMN_WORD, line)

    # Keys and the mouse

    def on_focus(self, event: Focus) -> None:
        """Entered backwards (Shift+Tab from below), the cursor starts in the last column of the last scale."""
        backwards = getattr(self.screen, "entered_backwards", None) is self
        self.row = len(self.scales) - 1 if backwards else 0
        self.column = len(self.columns) - 1 if backwards else 0
        if backwards:
            self.screen.entered_backwards = None  # type: ignore[attr-defined]
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_column(self, delta: int) -> None:
        """The next (previous) column, the next (previous) scale, or past the last (first), the next
        (previous) field."""
        cell = self.row * len(self.columns) + self.column + delta
        if 0 <= cell < len(self.scales) * len(self.columns):
            row, self.column = divmod(cell, len(self.columns))
            if row != self.row:
                self.row = row
                self._show_row()
            self.refresh()
        elif delta > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def scale_region(self, row: int) -> Region:
        """Where scale `row` is on the screen: from its label to its last line."""
        tops = self._tops()
        top = tops[row][0]
        bottom = tops[row + 1][0] - 1 if row + 1 < len(tops) else self.content_size.height
        region = self.content_region
        return Region(region.x, region.y + top, region.width, max(1, bottom - top))

    def _show_row(self) -> None:
        """Scroll the scale the cursor moved to into view (as the focus moving to it did)."""
        scroller = next(
            (node for node in self.ancestors if isinstance(node, Widget) and node.allow_vertical_scroll), None
        )
        if scroller is None or not self.content_region:
            return
        offset = scroller.content_region.offset - scroller.scroll_offset
        region = self.scale_region(self.row).translate(-offset)
        scroller.scroll_to_region(region, animate=False, immediate=True, x_axis=False)

    def rate(self, value: int | None, row: int | None = None, column: int | None = None) -> None:
        """Rate a column of a scale (the cursor's by default), telling the editor when it changed."""
        scale = self.scales[self.row if row is None else row]
        name = self.columns[self.column if column is None else column]
        ratings = self.values[scale.id]
        if ratings[name] != value:
            ratings[name] = value
            self.refresh(layout=True)  # the change line may come or go
            self.post_message(self.Changed(self, scale.id, name, value))

    def action_step(self, delta: int) -> None:
        scale = self.scale
        current = self.values[scale.id][self.columns[self.column]]
        start = current if current is not None else (scale.min if delta > 0 else scale.max) - delta
        self.rate(max(scale.min, min(scale.max, start + delta)))

    def action_clear(self) -> None:
        self.rate(None)

    def on_key(self, event: Key) -> None:
        character = event.character
        if character and character.isdigit() and self.scales and self.scale.min <= int(character) <= self.scale.max:
            self.rate(int(character))
            event.stop()

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = next((index for index, (_, points) in enumerate(self._tops()) if points == offset.y), None)
        if row is None:
            return
        scale = self.scales[row]
        column, x = divmod(offset.x, COLUMN_WORD + ROW)
        point = scale.min + (x - COLUMN_WORD) // CELL
        if column < len(self.columns) and x >= COLUMN_WORD and scale.min <= point <= scale.max:
            self.row, self.column = row, column
            self.rate(point, row, column)
            self.refresh()
