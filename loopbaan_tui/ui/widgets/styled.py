"""Widgets whose styles are worked out once, as they are mounted, not before.

Textual restyles a widget the moment a CSS class of it changes, also while it is still being built
and in no DOM: a `TextArea(compact=True)` or a `Button` sets its classes through reactives in its
constructor, and a `Checkbox` made ticked sets `-on`. Each such change matched every rule of the
style sheet against the lone widget (and, for a TextArea, against its eight component classes),
work thrown away when the widget is mounted and styled again, now within its parents. A step holds
dozens of these: ~4% of the CPU of opening a traject and mounting its steps went there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import ContentText
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from textual.widget import Widget as _Widget
else:
    _Widget = object  # a plain mixin: Textual takes a widget's CSS type and defaults from its first widget base


class StyledOnMount(_Widget):
    """A widget not yet in the DOM keeps its class changes for its mount, which styles it anyway.

    Put it first among the bases; it is no widget class itself, so the Textual class after it still
    gives the CSS type name, default CSS and component classes."""

    def update_node_styles(self, animate: bool = True) -> None:
        if self.parent is None:  # not mounted (yet, or any more): mounting applies the style sheet
            return
        if _hidden(self):
            # Blurred as its step was left (hidden already): restyled once the frame that shows the next
            # step is drawn, not before it (~7% of a switch of step went to restyling the field left).
            self.call_after_refresh(self._update_styles_now, animate)
            return
        super().update_node_styles(animate)

    def _update_styles_now(self, animate: bool) -> None:
        if self.parent is not None:
            super().update_node_styles(animate)


def _hidden(widget: _Widget) -> bool:
    """Whether it or one of its containers is not displayed (a step not shown, a prompt a show_if hides)."""
    node: DOMNode | None = widget
    while node is not None and not isinstance(node, Screen):
        if not node.display:
            return True
        node = node.parent
    return False


class CompactButton(StyledOnMount, Button):
    """A button without borders, one line high (rows' add and remove, an action's status)."""

    def __init__(self, label: ContentText, *, classes: str | None = None, name: str | None = None) -> None:
        super().__init__(label, classes=classes, compact=True, name=name)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line where there is no room for the label: while a resize is laid out, a grid cell can
        give a button less than its line padding, and Textual then wraps the label to no width at all,
        which raised and stopped the app."""
        if width <= 2 * self.styles.line_pad:
            return 1
        return super().get_content_height(container, viewport, width)


class QuietStatic(StyledOnMount, Static):
    """A Static whose classes are set while it is built (a row's labels)."""
