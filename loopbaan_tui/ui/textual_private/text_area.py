"""The TextArea: a row's key for the line cache, and a resize that keeps the wrap."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the reflection's fields: not loaded before the start screen
    from textual.widgets import TextArea


def resize_keeps_wrap(area: TextArea) -> bool:
    """Do what `TextArea._on_resize` does (its rendered lines let go, its virtual size and scrollbars
    set anew) without wrapping its text again, when the text is wrapped already to the width the area
    now wraps to; False (nothing done) when it is not, and Textual's handler must run.

    Why: Textual re-wraps the whole text on every Resize, while TextField.get_content_height has
    just wrapped it at the width the layout gave it (each field wrapped its text twice when first laid
    out: a first visit of a step, the opening of a traject). Private: `WrappedDocument._width` and
    `_tab_width` (the width and tab width it is wrapped at; edits keep its wrap up to date,
    `wrap_range`), `TextArea._line_cache`, `_refresh_size`. Checked against Textual 8.2.8
    (widgets/_text_area.py `_on_resize`, `_rewrap_and_refresh_virtual_size`; document/_wrapped_document.py).
    """
    wrapped = area.wrapped_document
    if not area.soft_wrap or wrapped._width != area.wrap_width or wrapped._tab_width != area.indent_width:
        return False
    area._line_cache.clear()
    area._refresh_size()
    return True


def text_area_line_key(area: TextArea, y: int) -> tuple[object, ...] | None:
    """What line `y` (from the top of `area`) shows, as a key under which its rendered line can be kept
    over edits elsewhere in the text: None for a line not worth keeping (a placeholder, a line below
    the text, a suggestion shown, a tab in the line, syntax highlighting).

    Textual keeps a TextArea's rendered lines only until the next edit (`_build_highlight_map` empties
    `_line_cache`), and with soft wrap its key holds the whole selection for every line: each key typed
    rendered every visible line anew (a long answer: 14 lines, most of the key's time). This key holds
    what `TextArea._render_line` reads for one wrapped section of a document line: the section's own
    text and place, whether the line is the cursor's (its whole line is highlighted), the cursor only
    when it is in the section, the selection only when it touches the line, and what Textual's own key
    holds. Why private: the wrapped document's `_offset_to_line_info`, `_cursor_visible` and
    `_matching_bracket_location`. Checked against Textual 8.2.8 (widgets/_text_area.py `render_line`,
    `_render_line`).
    """
    return text_area_line_keys(area, range(y, y + 1))[0]


def text_area_line_keys(area: TextArea, rows: range) -> list[tuple[object, ...] | None]:
    """`text_area_line_key` of each of `rows`, what the field's state gives every row read once."""
    document = area.document
    if area.language is not None or area.suggestion or (document.line_count == 1 and not document.get_line(0)):
        return [None for _ in rows]
    scroll_x, scroll_y = area.scroll_offset
    wrapped = area.wrapped_document
    lines = wrapped._offset_to_line_info
    selection = area.selection
    (top, _), (bottom, _) = sorted(selection)
    cursor_row, cursor_column = selection.end
    size, blink_on = area.size, area._cursor_visible
    state = (
        area.has_focus,
        area.theme,
        area.app.theme,
        area._matching_bracket_location,
        area.match_cursor_bracket,
        area.soft_wrap,
        area.show_line_numbers,
        area.highlight_cursor_line,
        area.cursor_blink,
        area.read_only,
        area.show_cursor,
        area.disabled,
    )
    keys: list[tuple[object, ...] | None] = []
    for y in rows:
        if scroll_y + y >= len(lines):
            keys.append(None)
            continue
        line_index, section = lines[scroll_y + y]
        line = document.get_line(line_index)
        if "\t" in line:
            keys.append(None)
            continue
        offsets = wrapped.get_offsets(line_index)
        begin = offsets[section - 1] if section > 0 else 0
        end = offsets[section] if section < len(offsets) else len(line)
        selected = selection if selection.start != selection.end and top <= line_index <= bottom else None
        cursor = (cursor_column, blink_on) if cursor_row == line_index and begin <= cursor_column <= end else None
        here = (line_index, section, begin, line[begin:end], end == len(line), cursor_row == line_index)
        keys.append((size, scroll_x, *here, cursor, selected, *state))
    return keys
