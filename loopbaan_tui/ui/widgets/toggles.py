"""Checkboxes and radio buttons whose labels wrap: option texts are sentences, not single words."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widgets import Checkbox, RadioButton

from .styled import StyledOnMount


class _Wrapping:
    _wrapped: tuple[int, str, int] = (-1, "", 1)
    """The width and label last wrapped, and the lines it took."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The lines of the label wrapped to `width`, worked out once per width and label: every layout
        asks, and rendering a toggle for it (its button's styles and all) took ~3% of a step's first
        showing."""
        label = self.label.plain  # type: ignore[attr-defined]
        last_width, last_label, lines = self._wrapped
        if (last_width, last_label) != (width, label):
            lines = max(1, len(self.render().wrap(width)))  # type: ignore[attr-defined]
            self._wrapped = (width, label, lines)
        return lines


class WrappingCheckbox(_Wrapping, StyledOnMount, Checkbox):
    """A checkbox as tall as its label needs; Up and Down move to the option above or below (as in a
    list of radio buttons) instead of scrolling the page away from the focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]


class WrappingRadioButton(_Wrapping, StyledOnMount, RadioButton):
    """A radio button as tall as its label needs."""
