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
from types import CodeType
from typing import TYPE_CHECKING, TypeGuard, TypeVar

from textual.app import App
from textual.binding import Binding
from textual.css.model import CombinatorType, Selector, SelectorSet, SelectorType
from textual.css.styles import RenderStyles, Styles
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.geometry import Region
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import AwaitMount, Widget
from textual.widgets import OptionList

if TYPE_CHECKING:  # the new-traject dialog's: not loaded before the start screen
    from textual._compositor import ChopsUpdate, Compositor
    from textual.cache import LRUCache
    from textual.css.model import RuleSet
    from textual.widgets import RadioButton, RadioSet, TextArea

ReturnType = TypeVar("ReturnType")
WidgetType = TypeVar("WidgetType", bound=Widget)

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
    runs 107 -> 92 ticks), the settled screen the same cell for cell (bench emulator). With `scrolled`,
    the shown widgets' scrolls that layout held are dropped (`_drop_scrolls`).
    """
    app = screen.app
    with app.batch_update():
        if not scrolled:
            _take_refreshes(screen)
        screen._refresh_layout(app.size, scroll=scrolled)
        if final and scrolled:
            _drop_scrolls(screen)
        elif final and _drop_layouts(screen):
            screen._refresh_layout(app.size)  # an option list scrolls now where it did not, or the other way
            _drop_layouts(screen)


def _drop_scrolls(screen: Screen[ReturnType]) -> None:
    """Forget the scrolls of the shown widgets since the last layout (`Widget._scroll_required`, sent as
    `UpdateScroll` once the widget is idle): the layout just made holds them. Checked against Textual
    8.2.8 (textual/widget.py `_check_refresh`, textual/screen.py `_on_update_scroll`)."""
    screen._scroll_required = False
    for widget in screen.walk_children(Widget):
        widget._scroll_required = False


def _drop_layouts(screen: Screen[ReturnType]) -> bool:
    """Forget the layout requests of the shown widgets (`Widget._layout_required`, sent as `Layout` once
    the widget is idle): the ones a layout raises by giving widgets their sizes. An option list (the
    rail) works out its lines now, not in its first `render_lines`, where its new `virtual_size` laid the
    screen out again after the first frame; True when that changed whether one scrolls. Checked against
    Textual 8.2.8 (textual/widget.py `_size_updated`, `_check_refresh`; widgets/_option_list.py
    `_update_lines`, `render_lines`)."""
    scrolls_changed = screen._layout_required = False  # the screen's own: its virtual_size set by the layout
    stack: list[Widget] = [child for child in screen.children if isinstance(child, Widget)]
    while stack:
        widget = stack.pop()
        if not widget.display:
            continue
        if isinstance(widget, OptionList):
            rows = widget.scrollable_content_region.height
            scrolled = widget.virtual_size.height > rows
            widget._update_lines()
            scrolls_changed = scrolls_changed or scrolled != (widget.virtual_size.height > rows)
        widget._layout_required = False
        for scrollbar in (widget._vertical_scrollbar, widget._horizontal_scrollbar):
            if scrollbar is not None:  # given its size by the layout too (ScrollBar.virtual_size: layout=True)
                scrollbar._layout_required = False
        stack.extend(child for child in widget.children if isinstance(child, Widget))
    return scrolls_changed


def layout_stamp() -> float:
    """Now, on the clock a message's `time` is stamped with (textual/_time.py `get_time`, private): a
    `Layout` message older than a layout is in it. Checked against Textual 8.2.8 (textual/message.py)."""
    from textual._time import get_time

    return get_time()


_AWAIT_MOUNT = next(
    (
        code
        for code in AwaitMount.__await__.__code__.co_consts
        if isinstance(code, CodeType) and code.co_name == "await_mount"
    ),
    None,  # another Textual: no request is taken for the mount's, each one lays the screen out
)


def asked_by_own_mount(screen: Screen[ReturnType]) -> bool:
    """Whether the `refresh` of `screen` that calls this is the layout Textual asks for once the screen
    itself has mounted: `App.push_screen` waits for that mount twice (its own `call_next` of the wait and
    the one it returns), and each wait ends in `screen.refresh(layout=True)`, after the screen's first
    frame. Why private: the caller's frame is that of `AwaitMount.__await__`'s `await_mount`, its
    `AwaitMount` holding just the screen (`App._get_screen`). Checked against Textual 8.2.8
    (textual/widget.py `AwaitMount`, textual/app.py `_get_screen`, `push_screen`)."""
    frame = sys._getframe(2)
    if frame.f_code is not _AWAIT_MOUNT:
        return False
    waiting = frame.f_locals.get("self")
    return isinstance(waiting, AwaitMount) and list(waiting._widgets) == [screen]


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


_SHAREABLE_STATES = frozenset(
    {"hover", "focus", "blur", "disabled", "enabled", "dark", "light", "inline", "ansi", "nocolor"}
)
"""Pseudo-classes a node's key (`_component_key`) holds: its own hover, focus and disabled, and the app's."""


class _SharedComponents:
    """One style sheet's component styles, by the place of the field they were computed for."""

    def __init__(self, rules: list[RuleSet]) -> None:
        self.rules = rules  # the sheet's rules they were computed from (a new parse, a new theme: new ones)
        self.ids: dict[frozenset[str], frozenset[str] | None] = {}  # by component classes: the ids their rules
        # name (None: a rule depends on what the key leaves out, such as :focus-within or :first-child)
        self.styles: dict[tuple[object, ...], dict[str, Styles]] = {}


def _ancestors(chain: SelectorSet) -> list[Selector]:
    """A selector's parts matched against the nodes above a component's hidden node: the last part (with
    those joined to it, as `.a.b`) is matched against the hidden node itself, a bare DOMNode, which has no
    pseudo-class and the same type, id and classes for every field."""
    selectors = chain.selectors
    end = len(selectors) - 1
    while end > 0 and selectors[end].combinator == CombinatorType.SAME:
        end -= 1
    return selectors[:end]


def _component_key(stylesheet: Stylesheet, node: DOMNode) -> tuple[object, ...] | None:
    """All that selects the rules of `node`'s component classes, or None where it is not known here: the
    type, classes and (where a rule names it) id of every node from the app to it, each widget's hover,
    focus and disabled, and the app's pseudo-classes."""
    components = node._get_component_classes()
    shared = stylesheet.__dict__.get("_loopbaan_components")
    if shared is None or shared.rules is not stylesheet.rules:
        shared = stylesheet.__dict__["_loopbaan_components"] = _SharedComponents(stylesheet.rules)
    if components not in shared.ids:
        rules_map = stylesheet.rules_map
        names = {"*", "DOMNode", *(f".{name}" for name in components)}
        rules = [rule for name in names & rules_map.keys() for rule in rules_map[name]]
        selectors = [selector for rule in rules for chain in rule.selector_set for selector in _ancestors(chain)]
        states = {state for selector in selectors for state in selector.pseudo_classes}
        named = frozenset(selector.name for selector in selectors if selector.type == SelectorType.ID)
        shared.ids[components] = named if states <= _SHAREABLE_STATES else None
    if (ids := shared.ids[components]) is None:
        return None
    app = node.app
    return (
        tuple(
            (
                type(step),
                step._id if step._id in ids else None,
                frozenset(step._classes),
                step._pseudo_classes_cache_key if isinstance(step, Widget) else None,
            )
            for step in node.css_path_nodes
        ),
        tuple(is_state(app) for is_state in App._PSEUDO_CLASSES.values()),
    )


def _process_shared_component_classes(stylesheet: Stylesheet, node: DOMNode) -> None:
    """`Stylesheet._process_component_classes`, with the rules of a shared node's components computed once
    per place (`_component_key`) and handed to the hidden nodes made for it."""
    key = _component_key(stylesheet, node) if getattr(node, "_loopbaan_shares_component_styles", False) else None
    if key is None:
        _process_component_classes(stylesheet, node)
        return
    shared: _SharedComponents = stylesheet.__dict__["_loopbaan_components"]
    if (found := shared.styles.get(key)) is None:
        _process_component_classes(stylesheet, node)
        if len(shared.styles) >= 256:
            shared.styles.clear()
        shared.styles[key] = {
            name: Styles(None, styles.base.get_rules()) for name, styles in node._component_styles.items()
        }
        return
    old = node._component_styles.copy()
    node._component_styles.clear()
    refresh = False
    for name, base in found.items():
        virtual = DOMNode(classes=name)
        virtual._attach(node)
        virtual._css_styles = base
        virtual.styles = RenderStyles(virtual, base, virtual._inline_styles)
        refresh = refresh or old.get(name) != virtual.styles
        node._component_styles[name] = virtual.styles
    if refresh:
        node.refresh()


_process_component_classes = Stylesheet._process_component_classes


def share_component_styles(widget_class: type[WidgetType]) -> type[WidgetType]:
    """A class decorator: the hidden nodes that hold the styles of the class's COMPONENT_CLASSES (a
    TextArea's cursor, selection, placeholder...) get their rules computed once per place and theme, not
    once per field and focus change (issue 18: 80 of the 124 style sheet matches that opening a
    traject made, ~10 % of its time, were for the eight TextAreas' eight component classes).

    Why private: Textual makes a hidden DOMNode per component class and matches the whole style sheet
    for it each time the widget is styled (`Stylesheet._process_component_classes`), with no cache and
    no public hook; this replaces that method for the classes decorated. Each field still gets its own
    hidden nodes (a component's rich style is read through its node's ancestors), sharing only their
    CSS rules (`Styles`, never changed after). Checked against Textual 8.2.8 (css/stylesheet.py
    `apply`, `_process_component_classes`; dom.py `get_component_styles`, `__init__`).
    """
    Stylesheet._process_component_classes = _process_shared_component_classes  # type: ignore[method-assign, assignment]
    widget_class._loopbaan_shares_component_styles = True  # type: ignore[attr-defined]
    return widget_class


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
