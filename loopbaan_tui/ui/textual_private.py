"""Every use of Textual's private API, in one place.

Textual offers no public way for the things below. Each use says why and which Textual
version it was checked against; pyproject.toml pins Textual to that range, and
tests/test_textual_private.py fails when another module of loopbaan_tui touches a private name of
Textual (an attribute, a method it overrides, or a private module).

When Textual is upgraded: read the methods named here in the new version's source, run
tests/test_hostile_quit.py, tests/test_hostile_faults.py, tests/test_app.py and the snapshots, and
only then widen the pin.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, TypeGuard, TypeVar

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.geometry import Region
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList

if TYPE_CHECKING:  # the new-traject dialog's: not loaded before the start screen
    from textual._compositor import ChopsUpdate, Compositor
    from textual.cache import LRUCache
    from textual.css.model import RuleSet
    from textual.widgets import RadioButton, RadioSet, TextArea

ReturnType = TypeVar("ReturnType")

CHECKED_WITH = "8.2.8"
"""The Textual version the uses below were read against (pyproject pins >=8.2.8,<8.3)."""


class CrashHandlingApp(App[ReturnType]):
    """An app that runs `before_crash` when an exception reaches Textual, and may leave without
    Textual's traceback (which shows local variables: a person's answers).

    Why private: Textual has no public hook for an unhandled exception (Textualize/textual#2818).
    Every such exception, from a handler, a worker with exit_on_error or a timer, reaches
    `App._handle_exception(error)`, which records it (Pilot re-raises it after a test), sets the
    return code 1 and calls `App._fatal_error()`; that one adds a rich Traceback with locals to the
    lines printed on exit and closes the message queue. Checked against Textual 8.2.8
    (textual/app.py `_handle_exception`, `_fatal_error`, `panic`).

    Only the two overrides are private: leaving without a traceback uses the public `panic()`
    with nothing to show, which closes the message queue as `_fatal_error` does.
    """

    def before_crash(self, error: Exception) -> None:
        """Called first with an exception nothing handled, while the app still runs."""

    def crash_shows_traceback(self) -> bool:
        """True to let Textual print its full traceback (locals and all) on the way out."""
        return False

    def _handle_exception(self, error: Exception) -> None:
        self.before_crash(error)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        if self.crash_shows_traceback():
            super()._fatal_error()
            return
        self.bell()
        self.panic()


def relabel_bindings(node: DOMNode, relabel: Callable[[Binding], Binding]) -> None:
    """Replace each binding this node declares (its BINDINGS and its bases') by `relabel(binding)`.

    Why private: a binding's description (the footer's label) is fixed in the class's BINDINGS,
    while loopbaan's words depend on the pack, known only at run time (one process runs Dutch and
    English apps in the tests). Textual has no public setter: keymaps (`App.set_keymap`) change
    keys only, and `App.bind` is for the app alone and documented as "may be private or removed".
    `DOMNode.__init__` copies the class's merged bindings into `self._bindings` (a BindingsMap), so
    replacing the entries of its `key_to_bindings` changes this instance only. Checked against
    Textual 8.2.8 (textual/dom.py `DOMNode.__init__`, textual/binding.py `BindingsMap`).
    """
    bindings = node._bindings.key_to_bindings
    for key, entries in bindings.items():
        bindings[key] = [relabel(entry) for entry in entries]


def show_terminal_cursor(app: App[ReturnType]) -> None:
    """Make the terminal's own cursor visible again after Textual's driver hid it.

    Why private: every Textual driver hides the cursor when it starts (`"\\x1b[?25l"` in
    `start_application_mode`, linux_driver.py and windows_driver.py) and shows it only on exit;
    Textual has no setting to leave it on (Textualize/textual#2348, open). Textual does move the
    hidden cursor to the public `App.cursor_position` after every frame (app.py `_display`), so once
    it is visible it stands where loopbaan puts it (ui/cursor.py). The write goes through the app's
    driver (`App._driver`, `Driver.write`, `Driver.flush`). Checked against Textual 8.2.8.
    Not in the browser (textual-serve's xterm.js draws a cursor of its own) and not in tests.
    """
    driver = app._driver
    if driver is None or app.is_headless or app.is_web:
        return
    driver.write("\x1b[?25h")
    driver.flush()


def highlighted_line(options: OptionList) -> int | None:
    """The line, counted from the top of the list's content, where its highlighted option starts.

    Why private: an option may take several lines, and only OptionList's line cache knows where each
    starts (`OptionList._index_to_line`, textual/widgets/_option_list.py). Checked against 8.2.8.
    """
    if options.highlighted is None:
        return None
    line: int | None = options._index_to_line.get(options.highlighted)
    return line


def selected_radio(radios: RadioSet) -> RadioButton | None:
    """The radio button a RadioSet's arrow keys have moved to (not necessarily the one chosen).

    Why private: RadioSet keeps it in `RadioSet._selected` (textual/widgets/_radio_set.py) and
    posts no message when it moves. Checked against Textual 8.2.8.
    """
    from textual.widgets import RadioButton

    index = radios._selected
    buttons = list(radios.query_children(RadioButton))
    return buttons[index] if index is not None and 0 <= index < len(buttons) else None


def is_text_area(widget: Widget) -> bool:
    """Whether `widget` is a TextArea, without importing TextArea (~13 ms, before the first frame) while
    nothing has made one yet: no widget can be a TextArea before its module is loaded. Private: the
    module path `textual.widgets._text_area` (the public name is imported lazily by textual.widgets)."""
    kind = getattr(sys.modules.get("textual.widgets._text_area"), "TextArea", None)  # None while it is
    return kind is not None and isinstance(widget, kind)  # being imported (on ahead.py's thread): no widget is one


def is_radio_set(widget: Widget) -> TypeGuard[RadioSet]:
    """Whether `widget` is a RadioSet, the same way (the new-traject dialog loads it, not the start
    screen). Private: the module path `textual.widgets._radio_set`."""
    kind = getattr(sys.modules.get("textual.widgets._radio_set"), "RadioSet", None)
    return kind is not None and isinstance(widget, kind)


def add_default_css(app: App[ReturnType], widget_type: type[Widget]) -> None:
    """Put a widget class's DEFAULT_CSS (and its bases') in the app's style sheet now, as Textual does
    when the first such widget mounts (`Widget._post_register`), so that the next parse takes it.

    Why private: Textual offers no public way to say which widgets' rules to parse ahead; this repeats
    `DOMNode._get_default_css` (the bases from `DOMNode._css_bases`, each one's location, its tie breaker
    and scope) for a class instead of a mounted instance, and adds the result with the public
    `Stylesheet.add_source`. Checked against Textual 8.2.8.
    """
    from inspect import getfile

    for tie_breaker, base in enumerate(widget_type._css_bases(widget_type)):
        css: str = base.__dict__.get("DEFAULT_CSS", "")
        if css:
            scope = base._css_type_name if base.__dict__.get("SCOPED_CSS", True) else ""
            app.stylesheet.add_source(
                css,
                read_from=(getfile(base), f"{base.__name__}.DEFAULT_CSS"),
                is_default_css=True,
                tie_breaker=-tie_breaker,
                scope=scope,
            )


def lay_out_now(screen: Screen[ReturnType], *, scrolled: bool = False, final: bool = False) -> None:
    """Work out where everything on `screen` goes (every widget's region, size and virtual size) now,
    without drawing: so that what depends on the layout (the scroll that shows the focused field) is
    set before the first frame, and that frame is the last one.

    Why private: Textual lays a screen out only in its update timer, which draws the frame at once
    (`Screen._on_timer_update` -> `Screen._refresh_layout`); there is no public "lay out, draw later".
    `_refresh_layout(size)` reflows and, while the app's batch is held (`App.batch_update`, public),
    leaves the drawing to a callback queued on the screen (`call_later(_compositor_refresh)`), which
    runs after the caller's handler and draws the layout as it is then. `scrolled`: only scrolls changed
    since the last layout, so only what is visible is arranged again (Textual's fast path for a scroll,
    `Compositor.reflow_visible`). Checked against Textual 8.2.8 (textual/screen.py `_refresh_layout`,
    `_on_timer_update`, `_on_screen_resume`).

    `final`: the layout requests the layout itself raises in the shown widgets are dropped. Each widget
    given its size for the first time sets its `virtual_size`, a reactive with `layout=True`, to what
    this layout just worked out; Textual would lay the screen out (and draw it) again for it, to the
    same result: ~14% of the CPU of a first visit of a step (tmux, five first visits, median of five
    runs 107 -> 92 ticks), the settled screen the same cell for cell (bench emulator).
    """
    app = screen.app
    with app.batch_update():
        if not scrolled:
            _take_refreshes(screen)
        screen._refresh_layout(app.size, scroll=scrolled)
        if final and not scrolled:
            _drop_layouts(screen)


def _drop_layouts(screen: Screen[ReturnType]) -> None:
    """Forget the layout requests of the shown widgets (`Widget._layout_required`, sent as `Layout` once
    the widget is idle): the ones a layout raises by giving widgets their sizes. Checked against
    Textual 8.2.8 (textual/widget.py `_size_updated`, `_check_refresh`)."""
    stack: list[Widget] = [child for child in screen.children if isinstance(child, Widget)]
    while stack:
        widget = stack.pop()
        if not widget.display:
            continue
        widget._layout_required = False
        stack.extend(child for child in widget.children if isinstance(child, Widget))


def style_focus_now(widget: Widget) -> None:
    """Give the widget just focused its `:focus` styles now, not when it handles its `Focus` event.

    Why private: `Screen.set_focus` sets `screen.focused` at once, but the widget's `has_focus` (which
    the `:focus` pseudo-class reads) only in `Widget._on_focus`, once the `Focus` message it posted is
    handled: a frame drawn before that shows the field unfocused, and the next one focused. `has_focus`
    is public but documented as read-only; setting it runs `watch_has_focus` (its styles updated), and
    `_on_focus` sets it again to no effect. Checked against Textual 8.2.8 (textual/screen.py
    `set_focus`, textual/widget.py `_on_focus`, `watch_has_focus`).
    """
    if widget.screen.focused is widget:
        widget.has_focus = True


def _take_refreshes(screen: Screen[ReturnType]) -> None:
    """Do now what the shown widgets' `refresh()` calls since the last frame would do once each of them is
    idle (`Widget._check_refresh`, which then posts `Layout` and `Update` to the screen): their styles
    updated, the arrangements they are in cleared, their repaint put among the screen's dirty widgets.
    So the layout that follows holds them all, and the frame drawn after it is the last one: a `Layout`
    arriving later would lay the screen out and draw it again (a rail highlight, a key hint, a step
    shown: a second frame). Checked against Textual 8.2.8 (textual/widget.py `_check_refresh`,
    `refresh`, `_refresh_styles`; textual/screen.py `_on_update`, `_on_layout`, `_dirty_widgets`).
    """
    dirty = screen._dirty_widgets
    stack: list[Widget] = [child for child in screen.children if isinstance(child, Widget)]
    while stack:
        widget = stack.pop()
        if not widget.display:
            continue
        if widget._refresh_styles_required:
            widget._refresh_styles_required = False
            widget.update_node_styles()
        if widget._layout_required:
            widget._layout_required = False
            for ancestor in widget.ancestors:
                if not isinstance(ancestor, Widget):
                    break
                ancestor._clear_arrangement_cache()
                ancestor._layout_updates += 1
                if not ancestor.styles.auto_dimensions:
                    break
        if widget._repaint_required:
            widget._repaint_required = False
            dirty.add(widget)
        stack.extend(child for child in widget.children if isinstance(child, Widget))


def stopped(message: Message) -> bool:
    """Whether `message.stop()` was called: it bubbles no further up the DOM.

    Why private: Textual has no public getter for `Message._stop_propagation` (message.py), which
    `MessagePump._on_message` reads after the handlers ran to decide whether to bubble. Checked
    against Textual 8.2.8.
    """
    return message._stop_propagation


def parse_cache(app: App[ReturnType]) -> LRUCache[tuple[object, ...], list[RuleSet]]:
    """The app's cache of parsed style sheet sources: each source's rules by (its text, where it was read,
    whether it is a widget's DEFAULT_CSS, its tie breaker, its scope).

    Why private: `Stylesheet._parse_cache` (css/stylesheet.py `_parse_rules`, emptied by
    `set_variables` since the rules hold the variables' values); Textual has no public way to give a
    style sheet rules parsed before (ui/css_cache.py keeps them between runs). Checked against 8.2.8.
    """
    return app.stylesheet._parse_cache


def set_parse_cache(app: App[ReturnType], cache: LRUCache[tuple[object, ...], list[RuleSet]]) -> None:
    """Give the app's style sheet another parse cache (see `parse_cache`)."""
    app.stylesheet._parse_cache = cache


def css_variables(app: App[ReturnType]) -> dict[str, str]:
    """The variables the app's style sheet parses with (`Stylesheet._variables`, set by
    `set_variables`); `App.get_css_variables` would compute them anew. Checked against 8.2.8."""
    return app.stylesheet._variables


def scrollbars_follow(widget: Widget) -> None:
    """The scrollbars of `widget` set to its virtual size now, as a layout would (`Widget._scroll_update`,
    Textual 8.2.8), for a widget whose own size stays as it is (TextField.watch_virtual_size)."""
    widget._scroll_update(widget.virtual_size)


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


def render_only_updated_rows() -> None:
    """Make every screen's partial update render only what it sends to the terminal.

    Why: `Compositor.render_partial_update` crops to the box around the update's regions, and
    `Compositor._get_renders` then renders every visible widget overlapping that box in full (all its
    visible rows: the long answer's field, every container behind it, the screen), while only the spans
    of the update are sent to the terminal: ~20-25 % of a key's CPU, most of it each widget's render
    call itself (its styles read, a TextArea's theme applied), the rows mostly kept ones. This
    `render_partial_update` renders a widget only where it shows through in a span (a cell of a span
    that no widget in front of it has filled: `_render_chops`'s order, the front widget wins), from its
    first to its last such row, in one call; a widget wholly covered there (the containers behind a
    field) is not rendered at all. The cells sent are the same strips; cells outside the spans, which
    Textual renders and drops, are left empty. A widget's rows not rendered stay as its style cache has
    them (its dirty lines stay dirty until drawn). Full updates are Textual's. Applied once, at app
    start (LoopbaanApp.__init__); tests/test_partial_updates.py compares the partial updates of a
    scripted session with Textual's full render of each moment. Checked against Textual 8.2.8
    (_compositor.py `render_partial_update`, `_render_chops`, `_get_renders`, `ChopsUpdate`).
    """
    from textual._compositor import Compositor

    if Compositor.__dict__["render_partial_update"] is not _render_partial_update:
        Compositor.render_partial_update = _render_partial_update  # type: ignore[method-assign,assignment]


def _render_partial_update(compositor: Compositor) -> ChopsUpdate | None:
    """`Compositor.render_partial_update`, each widget rendered only where it shows in a span."""
    from textual._compositor import ChopsUpdate

    update_regions = compositor._dirty_regions.copy()
    compositor._dirty_regions.clear()
    if not update_regions:
        return None
    spans = list(compositor._regions_to_spans(update_regions))
    cuts = compositor.cuts
    chops = _render_spans(compositor, cuts, spans)
    return ChopsUpdate(chops, spans, [cut_set[1:] for cut_set in cuts])


def _render_spans(
    compositor: Compositor, cuts: list[list[int]], spans: list[tuple[int, int, int]]
) -> list[dict[int, Strip | None]]:
    """The chops of the spans' rows: each widget's strips where no widget before it filled a span's cell."""
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    wanted: dict[int, list[tuple[int, int]]] = {}
    for y, x1, x2 in spans:
        if 0 <= y < len(cuts):
            wanted.setdefault(y, []).append((x1, x2))
    rows = sorted(wanted)
    for widget, (region, clip) in compositor.visible_widgets.items():
        shown = region.intersection(clip)
        x, right, width = shown.x, shown.right, shown.width
        if not (width and shown.height):
            continue
        needed = [y for y in rows if shown.y <= y < shown.bottom and _shows(chops[y], cuts[y], x, right, wanted[y])]
        if not needed:
            continue
        top = needed[0]
        strips = widget.render_lines(Region(x - region.x, top - region.y, width, needed[-1] + 1 - top))
        for y in needed:
            if y - top >= len(strips):  # fewer lines than asked for: Textual's zip would stop there too
                break
            chops_line = chops[y]
            final_cuts = [cut for cut in cuts[y] if right >= cut >= x]
            pieces = strips[y - top].divide([cut - x for cut in final_cuts[1:]])
            for cut, piece in zip(final_cuts, pieces, strict=False):
                if chops_line.get(cut) is None:
                    chops_line[cut] = piece
    return chops


def _shows(
    chops_line: dict[int, Strip | None], cut_set: list[int], x: int, right: int, spans: list[tuple[int, int]]
) -> bool:
    """Whether a chop from `x` to `right` on this row is still empty and inside one of its spans."""
    for start, end in pairwise(cut_set):
        if start >= right:
            return False
        if start >= x and chops_line.get(start) is None and any(start < x2 and end > x1 for x1, x2 in spans):
            return True
    return False
