"""Laying a screen out now, without drawing, and the layout and refresh requests that would lay it out
again to the same result."""

from __future__ import annotations

import sys
from types import CodeType

from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import OptionList

from ._types import ReturnType


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
