"""The editor of the ranking kind: the options in a column; Ctrl+Up and Ctrl+Down move the focused one."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from ...domain import kinds
from ...domain.kinds import RankingAnswer, Stored
from ..text import literal
from .editor_base import Editor


class RankItem(Static, can_focus=True):
    """One option in its place; Up and Down move the focus, as in a list of checkboxes. The line under
    the step says how to move it (ui/key_hints.py: the kind's `hint_word`)."""

    DEFAULT_CSS = """
    RankItem { height: auto; padding: 0 1; }
    RankItem:focus { background: $boost; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]


class RankingEditor(Editor):
    """The options from most to least important; the user moves the focused one up or down."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+up", "move(-1)", show=False),
        Binding("ctrl+down", "move(1)", show=False),
    ]

    def compose(self) -> ComposeResult:
        self.order = list(kinds.RANKING.shown(self.prompt, kinds.RANKING.read(self.prompt, self.value)))
        for place in range(len(self.order)):
            yield RankItem(self._text(place), classes="rank-item")

    def _text(self, place: int) -> Content:
        return literal(f"{place + 1}. {kinds.RANKING.label(self.prompt, self.order[place])}")

    def answer(self) -> Stored:
        return kinds.RANKING.write(RankingAnswer(order=tuple(self.order)))

    def action_move(self, step: int) -> None:
        """Swap the focused option with its neighbour; the focus goes along with it."""
        items = list(self.query(RankItem))
        focused = next((n for n, item in enumerate(items) if item.has_focus), None)
        if focused is None or not 0 <= focused + step < len(items):
            return
        other = focused + step
        self.order[focused], self.order[other] = self.order[other], self.order[focused]
        for place in (focused, other):
            items[place].update(self._text(place))
        items[other].focus()
        self.changed(self.answer())
