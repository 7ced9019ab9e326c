"""Checkboxes and radio buttons whose labels wrap: option texts are sentences, not single words."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widgets import Checkbox, RadioButton

from .styled import StyledOnMount


class _Wrapping:
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.render().wrap(width)))  # type: ignore[attr-defined]


class WrappingCheckbox(_Wrapping, StyledOnMount, Checkbox):
    """A checkbox as tall as its label needs; Up and Down move to the option above or below (as in a
    list of radio buttons) instead of scrolling the page away from the focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]


class WrappingRadioButton(_Wrapping, StyledOnMount, RadioButton):
    """A radio button as tall as its label needs."""
