"""Checkboxes and radio buttons whose labels wrap: option texts are sentences, not single words."""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Checkbox, RadioButton


class _Wrapping:
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.render().wrap(width)))  # type: ignore[attr-defined]


class WrappingCheckbox(_Wrapping, Checkbox):
    """A checkbox as tall as its label needs."""


class WrappingRadioButton(_Wrapping, RadioButton):
    """A radio button as tall as its label needs."""
