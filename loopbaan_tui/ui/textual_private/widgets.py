"""Textual's widgets and style sheets: what they hold that no public API gives (the highlighted line, the
radio pressed, the parse cache, CSS variables, a widget's default CSS, scrollbars)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TypeGuard

from textual.app import App
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList

if TYPE_CHECKING:  # RadioSet: the new-traject dialog's, not loaded before the start screen
    from textual.cache import LRUCache
    from textual.css.model import RuleSet
    from textual.widgets import RadioButton, RadioSet

from ._types import ReturnType


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
