"""The editor of the sort kind: the lines of earlier answers, each put in a group with a digit."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.widgets import Static

from ...domain import kinds
from ...domain.content.model import Pack, Prompt
from ...domain.kinds import Group, SortAnswer, Stored, Words
from ..text import literal
from .editor_base import Editor


class SortItem(Static, can_focus=True):
    """One line to sort and its group; a digit picks the group, 0 or Backspace takes it out, Left and Right
    go through the groups; Up and Down move to the line above or below."""

    DEFAULT_CSS = """
    SortItem { height: auto; padding: 0 1; }
    SortItem:focus { background: $boost; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
        Binding("right", "step(1)", show=False),
        Binding("left", "step(-1)", show=False),
        Binding("backspace,delete", "put(0)", show=False),
    ]

    class Put(Message):
        def __init__(self, item: SortItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, text: str, group: int, groups: int) -> None:
        super().__init__(classes="sort-item")
        self.text, self.group, self.groups = text, group, groups

    def on_key(self, event: Key) -> None:
        if event.character and event.character.isdigit() and int(event.character) <= self.groups:
            event.stop()
            self.action_put(int(event.character))

    def action_step(self, step: int) -> None:
        self.action_put((self.group + step) % (self.groups + 1))

    def action_put(self, group: int) -> None:
        """Put the line in group `group` (1-based; 0: in none)."""
        self.group = group
        self.post_message(self.Put(self))


class SortEditor(Editor):
    """The lines of the recalled list answers, each with its group; re-read when those answers change."""

    def __init__(self, prompt: Prompt, value: Stored | None, pack: Pack, words: Words, profile: str) -> None:
        super().__init__(prompt, value, pack, words, profile)
        self._answers: Callable[[], Mapping[str, Stored]] = dict
        answer = kinds.SORT.read(self.prompt, value)
        self.placed = {item: g.id for g in answer.groups for item in g.items}
        self.groups = [o.id for o in self.prompt.options]
        self.items: tuple[str, ...] = ()

    def use_answers(self, answers: Callable[[], Mapping[str, Stored]]) -> None:
        self._answers = answers

    def compose(self) -> ComposeResult:
        self.items = kinds.SORT.items(self.pack, self.prompt, self._answers())
        legend = "\n".join(f" {n} {o.label}" for n, o in enumerate(self.prompt.options, 1))
        yield Static(literal(self.words(kinds.SORT.keys_word) + "\n" + legend), classes="sort-legend")
        if not self.items:
            yield Static(literal(self.words(kinds.SORT.empty_word)), classes="sort-empty")
        for item in self.items:
            group = self.placed.get(item)
            number = self.groups.index(group) + 1 if group in self.groups else 0
            sort_item = SortItem(item, number, len(self.groups))
            sort_item.update(self._text(sort_item))
            yield sort_item

    def _text(self, item: SortItem) -> Content:
        group = self.prompt.options[item.group - 1].label if item.group else self.words(kinds.SORT.unplaced_word)
        return Content.assemble(literal(f"• {item.text}\n"), literal(f"   → {group}", "bold" if item.group else "dim"))

    def refresh_items(self) -> bool:
        """Show the lines as the recalled answers have them now (they may have changed in another step);
        True when they changed."""
        if self.is_mounted and kinds.SORT.items(self.pack, self.prompt, self._answers()) != self.items:
            self.call_after_refresh(self.recompose)
            return True
        return False

    def on_sort_item_put(self, event: SortItem.Put) -> None:
        event.stop()
        item = event.item
        if item.group:
            self.placed[item.text] = self.groups[item.group - 1]
        else:
            self.placed.pop(item.text, None)
        item.update(self._text(item))
        self.changed(self.answer())

    def answer(self) -> Stored:
        """Every placed line, the ones shown now and the ones whose answer changed since (never lost)."""
        order = [*self.groups, *dict.fromkeys(g for g in self.placed.values() if g not in self.groups)]
        groups = [Group(g, tuple(i for i, placed in self.placed.items() if placed == g)) for g in order]
        return kinds.SORT.write(SortAnswer(groups=tuple(g for g in groups if g.items)))
