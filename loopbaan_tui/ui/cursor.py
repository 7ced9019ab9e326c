"""The terminal's cursor stands on what has the focus, so that a screen magnifier or a braille display
(which follow the cursor) can follow the focus through the app.

Textual's text fields (TextArea, and so LineField; Input) put `App.cursor_position` on their caret
themselves. For every other focusable widget loopbaan puts it on the widget's first cell, or, in a
list or a group of radio buttons, on the item the arrow keys are on. Textual moves the terminal's
cursor there after each frame; `textual_private.show_terminal_cursor` makes it visible (README:
"Screen magnifiers and braille displays" says what was and was not tried).
"""

from __future__ import annotations

from textual.app import App
from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import Input, OptionList, RadioSet, TextArea

from .textual_private import highlighted_line, selected_radio


def cursor_spot(widget: Widget) -> Offset | None:
    """Where the cursor goes for the focused `widget`; None where the widget places it itself, or has
    no place on the screen yet."""
    if isinstance(widget, TextArea | Input):
        return None
    if isinstance(widget, RadioSet):
        radio = selected_radio(widget)
        widget = radio if radio is not None and radio.content_region else widget
    region = widget.content_region
    if not region:
        return None
    if isinstance(widget, OptionList):
        line = highlighted_line(widget)
        if line is not None:
            row = line - widget.scroll_offset.y
            return Offset(region.x, region.y + row) if 0 <= row < region.height else None
    return region.offset


def follow_focus(app: App[object]) -> None:
    """Put the cursor on the focused widget (when it moved), and draw that widget again so that the
    frame that moves the cursor is sent now rather than at the next change."""
    try:
        focused = app.focused
    except Exception:  # no screen (the app is starting or closing)
        return
    if focused is None:
        return
    spot = cursor_spot(focused)
    if spot is not None and spot != app.cursor_position:
        app.cursor_position = spot
        focused.refresh()
