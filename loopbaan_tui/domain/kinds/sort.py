"""The sort kind: the lines of earlier list answers (`recall`), each put in one of the prompt's groups
(`options`). Built for strengths and energy: build on it, good but costs energy, learn, let go."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..content.model import Kind, Pack, Prompt
from ..roadmap.markdown import escape_inline, list_item
from .base import (
    Answer,
    Comparison,
    DocContext,
    Stored,
    TooFew,
    ValueKind,
    Words,
    stray_blocks,
    stray_lines,
    strings,
    too_few,
)
from .text import ListKind


@dataclass(frozen=True, slots=True)
class Group:
    """A group (an option's id; a group since removed from the pack keeps its id) and its items."""

    id: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class SortAnswer(Answer):
    """The groups in the order stored, each with its items."""

    groups: tuple[Group, ...] = ()

    def group_of(self, item: str) -> str | None:
        return next((g.id for g in self.groups if item in g.items), None)


class SortKind(ValueKind[SortAnswer]):
    """Sort the lines of earlier answers into groups; stored as `{group_id = [item, ...], ...}`."""

    id = Kind.SORT
    pack_keys = frozenset({"options"})
    hint_word = "sort_hint"
    """The line under the step saying which keys put the focused line in a group."""
    unplaced_word = "sort_unplaced"
    empty_word = "sort_empty"
    keys_word = "sort_keys"

    def word_keys(self) -> frozenset[str]:
        return frozenset({self.hint_word, self.unplaced_word, self.empty_word, self.keys_word})

    def check(self, raw: Mapping[str, object]) -> list[TooFew]:
        return too_few(raw, "options", 2) + too_few(raw, "recall", 1)

    def items(self, pack: Pack, prompt: Prompt, answers: Mapping[str, Stored]) -> tuple[str, ...]:
        """The lines to sort: each line of the list prompts it recalls, in order, each once."""
        found: dict[str, None] = {}
        for source_id in prompt.recall:
            source = pack.prompt(source_id)
            if source is None or source.kind is not Kind.LIST:
                continue
            for line in _LIST.read(source, answers.get(source_id)).items:
                if line.strip():
                    found.setdefault(line.strip())
        return tuple(found)

    def read(self, prompt: Prompt, stored: Stored | None) -> SortAnswer:
        if not isinstance(stored, dict):
            return SortAnswer(stray=tuple(strings(stored)))
        groups = []
        for group_id, items in stored.items():
            listed = items if isinstance(items, list) else [items]
            groups.append(Group(group_id, tuple(s for item in listed for s in strings(item) if s.strip())))
        return SortAnswer(groups=tuple(g for g in groups if g.items))

    def write(self, value: SortAnswer) -> Stored:
        return {g.id: list(g.items) for g in value.groups if g.items}

    def label(self, prompt: Prompt, group_id: str) -> str:
        return next((o.label for o in prompt.options if o.id == group_id), group_id)

    def ordered(self, prompt: Prompt, value: SortAnswer) -> tuple[Group, ...]:
        """The groups in the pack's order, then any the pack no longer has."""
        order = [o.id for o in prompt.options]
        return tuple(sorted(value.groups, key=lambda g: order.index(g.id) if g.id in order else len(order)))

    def summary(self, pack: Pack, prompt: Prompt, value: SortAnswer, words: Words) -> list[str]:
        lines = [f"• {self.label(prompt, g.id)}: {'; '.join(g.items)}" for g in self.ordered(prompt, value)]
        return lines + stray_lines(value.stray)

    def markdown(self, ctx: DocContext, prompt: Prompt, value: SortAnswer) -> str:
        blocks = []
        for group in self.ordered(prompt, value):
            items = "\n".join(list_item(item) for item in group.items)
            blocks.append(f"**{escape_inline(self.label(prompt, group.id))}**\n\n{items}")
        return "\n\n".join(block for block in (*blocks, stray_blocks(value.stray)) if block)

    def compare(self, pack: Pack, prompt: Prompt, then: SortAnswer, now: SortAnswer) -> Comparison:
        before = {item: g.id for g in then.groups for item in g.items}
        after = {item: g.id for g in now.groups for item in g.items}
        added = tuple(i for i in after if i not in before)
        removed = tuple(i for i in before if i not in after)
        moved = tuple(i for i in after if i in before and before[i] != after[i])
        return Comparison(bool(added or removed or moved), added, removed, moved)

    def merge_hidden(self, pack: Pack, prompt: Prompt, profile: str, old: Stored | None, new: Stored) -> Stored:
        """A group since removed from the pack keeps its items (the editor shows only the pack's groups)."""
        if not isinstance(old, dict) or not isinstance(new, dict):
            return new
        groups = {o.id for o in prompt.options}
        return {**new, **{k: v for k, v in old.items() if k not in groups and k not in new}}


_LIST = ListKind()
