"""The terminal's cursor stands on what has the focus, so that a screen magnifier or a braille display
(which follow the cursor) can follow the focus through the app.

Textual's text fields (TextArea, and so LineField; Input) put `App.cursor_position` on their caret
themselves. For every other focusable widget loopbaan puts it on the widget's first cell, or, in a
list or a group of radio buttons, on the item the arrow keys are on (`LoopbaanApp.cursor_position`
asks `cursor_at`). Textual moves the terminal's cursor there after each frame;
`textual_private.show_terminal_cursor` makes it visible (README: "Screen magnifiers and braille
displays" says what was and was not tried).
"""

from __future__ import annotations

from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import Input, OptionList

from .textual_private import highlighted_line, is_radio_set, is_text_area, selected_radio


def cursor_spot(widget: Widget) -> Offset | None:
    """Where the cursor goes for the focused `widget`; None where the widget places it itself, or has
    no place on the screen yet."""
    if isinstance(widget, Input) or is_text_area(widget):
        return None
    if is_radio_set(widget):
        radio = selected_radio(widget)
        widget = radio if radio is not None and radio.content_region else widget
    region = widget.content_region
    if not region:
        return None
    cell = getattr(widget, "cursor_cell", None)
    if callable(cell):  # a widget with a place of its own for it (a scale: the column being rated)
        spot: Offset = cell()
        return region.offset + spot
    if isinstance(widget, OptionList):
        line = highlighted_line(widget)
        if line is not None:
            row = line - widget.scroll_offset.y
            return Offset(region.x, region.y + row) if 0 <= row < region.height else None
    return region.offset


def cursor_at(focused: Widget | None, caret: Offset) -> Offset:
    """Where the terminal's cursor goes now: on the `focused` widget, or at `caret` (where a text field
    put it) when a text field has the focus or nothing has. Asked by Textual at every frame, so a
    widget that scrolled or a list item that moved is followed at once."""
    spot = cursor_spot(focused) if focused is not None else None
    return caret if spot is None else spot
