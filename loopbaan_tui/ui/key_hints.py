"""The line under a step that says which keys the focused field takes."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Checkbox, RadioSet

from .widgets.editors import ListEditor
from .widgets.rail import StepRail
from .widgets.ranking_editor import RankItem
from .widgets.scale_input import ScaleInput
from .widgets.sort_editor import SortItem
from .widgets.text_fields import LineField, TextField

HINTS: tuple[tuple[type[Widget], str], ...] = (
    (StepRail, "hint_rail"),
    (RankItem, "ranking_hint"),
    (SortItem, "sort_hint"),
    (ScaleInput, "hint_scale"),
    (ListEditor, "hint_list"),
    (LineField, "hint_line"),
    (TextField, "hint_text"),
    (Checkbox, "hint_checkbox"),
    (RadioSet, "hint_radio"),
)
"""Which UI word says what keys a kind of field takes (the first type that matches; else a button's)."""


def hint_for(widget: Widget) -> str:
    """The UI word that says which keys this kind of field takes."""
    if isinstance(widget, LineField) and widget.has_class("date-field"):
        return "hint_date"
    for kind, word in HINTS:
        if isinstance(widget, kind):
            return word
    return "hint_button"
