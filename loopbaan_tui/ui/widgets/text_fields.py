"""Text fields that keep every character typed, can undo (Ctrl+Z), and never select on entry.

Every place the user types (answers, names, the roadmap path) is one of these two, so the rules
live here once:

- Entering a field by keyboard puts the cursor at the end of what is there: typing adds, never
  replaces (Textual's `Input` selects all on focus, so one letter replaced a whole answer).
- Characters that are not `str.isprintable()` but are text all the same (no-break space, zero-width
  joiner and non-joiner, direction marks, soft hyphen) are inserted when typed; Textual's editors
  insert a typed character only when it is printable. Control characters stay out.
- A one-line field wraps, so what a person wrote can be read back in full where they wrote it.
"""

from __future__ import annotations

import unicodedata

from textual import events, on
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from ..textual_private import (
    resize_keeps_wrap,
    scrollbars_follow,
    share_component_styles,
    text_area_line_key,
    text_area_line_keys,
)
from .styled import StyledOnMount

_NOT_TYPED = {"Cc", "Cs", "Zl", "Zp"}
"""Categories never inserted from a key: control characters, lone surrogates, and the line and
paragraph separators (text is kept with \\n line ends; a one-line field has none)."""

KEPT_LINES = 1024
"""Rendered lines a field keeps (`TextField.render_line`); all of them are let go when it is full."""


def typed_text(event: events.Key) -> str | None:
    """The character a key press means, also when Textual would drop it as unprintable."""
    character = event.character
    if character is None or len(character) != 1:
        return None
    if event.is_printable:
        return character
    return None if unicodedata.category(character) in _NOT_TYPED else character


@share_component_styles
class TextField(StyledOnMount, TextArea):
    """Several lines of free text (long answers, lists)."""

    DEFAULT_CSS = """
    TextField { height: auto; }
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0))
    """Widget's, but a change lays out the screen only when the field's size can change (`watch_virtual_size`)."""

    selection: Reactive[Selection] = reactive(Selection(), init=False, always_update=True, repaint=False)
    """TextArea's, but a change repaints only the rows it changed (`watch_selection`): Textual repainted
    the whole field for it, every row with its border and padding drawn again and sent to the terminal
    on every key."""

    def __init__(
        self,
        text: str = "",
        *,
        placeholder: str = "",
        compact: bool = False,
        id: str | None = None,
        classes: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=placeholder,
            compact=compact,
            id=id,
            classes=classes,
            name=name,
        )
        self._entered = False
        self._wrapped_at = -1  # the width its text was last wrapped to by get_content_height
        self._kept: dict[tuple[object, ...], Strip] = {}  # rendered lines (render_line)
        self._shown: dict[int, tuple[object, ...] | None] = {}  # each row's key when last rendered (None: none)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as its text wrapped to the width the layout gives it, wrapped here and now: else the
        first layout of a field just shown used the text wrapped to its old width (none, for a field
        never shown), and the field was re-wrapped and laid out again once its size was known, a
        second frame with everything below it moved."""
        if self.soft_wrap and width > 0:
            scrollbar = self.styles.scrollbar_size_vertical if self.show_vertical_scrollbar else 0
            wrap_width = max(0, width - scrollbar - self.gutter_width - 1)  # 1: the cursor after the text
            if wrap_width != self._wrapped_at:
                self._wrapped_at = wrap_width
                self.wrapped_document.wrap(wrap_width, tab_width=self.indent_width)
                self.set_reactive(TextArea.virtual_size, Size(0, self.wrapped_document.height))
            return self.wrapped_document.height
        return super().get_content_height(container, viewport, width)

    def on_resize(self, event: events.Resize) -> None:
        """Textual wraps the whole text again on every resize: not when get_content_height has wrapped
        it to this width already (textual_private.resize_keeps_wrap), as it has for a field just laid
        out. Textual's own handler is then left out (`prevent_default`: only TextArea handles Resize)."""
        if resize_keeps_wrap(self):
            event.prevent_default()

    def watch_virtual_size(self, old: Size, new: Size) -> None:
        """A field that scrolls (taller than it may be) and still does keeps its size: its new virtual
        height goes to its scrollbar, without the layout of the whole screen that Textual's reactive
        does (~20-30 ms on the reflection screen, each time a key adds or takes a wrapped row of a long
        answer). The cursor is then scrolled into view: Textual scrolled before the new height was
        known, and left a new last row below the edge (an undo moves the cursor after this: it
        scrolls then)."""
        rows = self.content_size.height
        if not (
            self.is_mounted
            and self.soft_wrap
            and self.show_vertical_scrollbar
            and 0 < rows < min(old.height, new.height)
        ):
            self.refresh(layout=True)
            return
        scrollbars_follow(self)
        row, column = self.selection.end
        if row < self.document.line_count and column <= len(self.document[row]):
            self.scroll_cursor_visible()

    def render_line(self, y: int) -> Strip:
        """A line as Textual renders it, kept over the edits that leave it as it was: Textual renders
        every visible line anew after each key (textual_private.text_area_line_key), most of what a
        key in a long answer cost. A key typed now renders the lines it changed. Blank while the field
        has no width (a resize being laid out): Textual wraps an empty field's placeholder to its
        width, and raised at none, which stopped the app."""
        if self.content_size.width <= 0:
            self._shown[y] = None
            return Strip.blank(self.size.width, self.visual_style.rich_style)
        key = self._shown[y] = text_area_line_key(self, y)
        if key is None:
            return super().render_line(y)
        if (line := self._kept.get(key)) is None:
            if len(self._kept) >= KEPT_LINES:
                self._kept.clear()
            line = self._kept[key] = super().render_line(y)
        return line

    def watch_selection(self) -> None:
        """Repaint the rows whose line key (textual_private.text_area_line_key: all that a row's drawing
        reads) is not the one they were drawn with: where the text, the cursor or the selection changed.
        A change of the rows' count or of the scroll repaints the whole field (Textual's own refresh)."""
        if not self.is_mounted:
            return
        width, height = self.content_size
        shown = self._shown
        keys = text_area_line_keys(self, range(height))
        rows = [y for y, key in enumerate(keys) if key is None or shown.get(y) != key]
        if width <= 0 or len(rows) == height:
            self.refresh()
        elif rows:
            self.refresh(*(Region(0, y, self.size.width, 1) for y in rows))

    def notify_style_update(self) -> None:
        self._kept.clear()  # the lines were rendered with the styles as they were
        super().notify_style_update()

    def watch_has_focus(self, has_focus: bool) -> None:
        """The first entry by keyboard puts the cursor after the text (a click then places it). Here,
        not on the Focus event: a step laid out at once (ReflectionScreen._lay_out_focused) draws the
        cursor where it stays, in its first frame."""
        super().watch_has_focus(has_focus)
        if has_focus and not self._entered:
            self._entered = True
            self.move_cursor(self.document.end)

    def on_unmount(self) -> None:
        """TextArea subscribes to its screen's text-selection signal, which keeps it until a selection
        starts: a field removed from a screen that stays (a row, a step) would stay in memory."""
        self.screen.text_selection_started_signal.unsubscribe(self)

    @on(TextArea.SelectionChanged)
    def _selection_changed(self, event: TextArea.SelectionChanged) -> None:
        """Nothing above a field listens for its cursor moves: bubbling each one up through every container
        to the app was a good part of what a key cost beyond Textual's own TextArea."""
        event.stop()

    def on_key(self, event: events.Key) -> None:
        character = typed_text(event)
        if character is None or event.is_printable or self.read_only:
            return  # Textual's own handling
        event.stop()
        event.prevent_default()
        self.replace(character, *self.selection, maintain_selection_offset=False)


class LineField(TextField):
    """One line of text (wrapped to the width on screen); Enter posts `Submitted`, no newline."""

    DEFAULT_CSS = """
    LineField { height: auto; max-height: 8; }
    """

    class Submitted(Message):
        """Enter was pressed in the field."""

        def __init__(self, field: LineField) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> LineField:
            return self.field

    def __init__(
        self,
        text: str = "",
        *,
        placeholder: str = "",
        compact: bool = False,
        id: str | None = None,
        classes: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(one_line(text), placeholder=placeholder, compact=compact, id=id, classes=classes, name=name)
        self.highlight_cursor_line = False
        self._was_empty = not text

    @on(TextArea.Changed)
    def _room_for_placeholder(self) -> None:
        """The field may take a different height once it is empty again, or no longer empty."""
        if (empty := not self.text) != self._was_empty:
            self._was_empty = empty
            self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Tall enough for the whole placeholder while the field is empty (it says what to write)."""
        height = super().get_content_height(container, viewport, width)
        if not self.text and self.placeholder:
            height = max(height, len(Content.from_text(self.placeholder).wrap(max(1, width))))
        return height

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))
            return
        super().on_key(event)

    def on_paste(self, event: events.Paste) -> None:
        """Pasted lines become one line: the line ends turn into spaces, nothing else is lost."""
        if "\n" not in event.text or self.read_only:
            return
        event.stop()
        event.prevent_default()
        result = self.replace(one_line(event.text), *self.selection, maintain_selection_offset=False)
        self.move_cursor(result.end_location)


def one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
