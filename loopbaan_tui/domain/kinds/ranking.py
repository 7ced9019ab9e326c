"""The ranking kind: the prompt's options put in order, from most to least important."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..content.model import Kind, Pack, Prompt
from ..roadmap.markdown import flat_line
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


@dataclass(frozen=True)
class RankingAnswer(Answer):
    """Option ids, the most important first."""

    order: tuple[str, ...] = ()


class Ranking(ValueKind[RankingAnswer]):
    """Order the options; stored as `{order = [option_id, ...]}`."""

    id = Kind.RANKING
    pack_keys = frozenset({"options"})
    hint_word = "ranking_hint"
    """The line under the editor saying which keys move an option."""

    def word_keys(self) -> frozenset[str]:
        return frozenset({self.hint_word})

    def check(self, raw: Mapping[str, object]) -> list[TooFew]:
        return too_few(raw, "options", 2)

    def read(self, prompt: Prompt, stored: Stored | None) -> RankingAnswer:
        if not isinstance(stored, dict):
            return RankingAnswer(stray=tuple(strings(stored)))
        order = stored.get("order")
        return RankingAnswer(order=tuple(dict.fromkeys(strings(order if isinstance(order, list) else [order]))))

    def write(self, value: RankingAnswer) -> Stored:
        return {"order": list(value.order)}

    def shown(self, prompt: Prompt, value: RankingAnswer) -> tuple[str, ...]:
        """The order the editor shows: the stored one, then the options not ranked yet (in the pack's order)."""
        options = [o.id for o in prompt.options]
        return (*(i for i in value.order if i in options), *(i for i in options if i not in value.order))

    def label(self, prompt: Prompt, option_id: str) -> str:
        return next((o.label for o in prompt.options if o.id == option_id), option_id)

    def summary(self, pack: Pack, prompt: Prompt, value: RankingAnswer, words: Words) -> list[str]:
        lines = [f"{n}. {self.label(prompt, i)}" for n, i in enumerate(value.order, 1)]
        return lines + stray_lines(value.stray)

    def markdown(self, ctx: DocContext, prompt: Prompt, value: RankingAnswer) -> str:
        items = "\n".join(f"{n}. {flat_line(self.label(prompt, i))}" for n, i in enumerate(value.order, 1))
        return "\n\n".join(block for block in (items, stray_blocks(value.stray)) if block)

    def compare(self, pack: Pack, prompt: Prompt, then: RankingAnswer, now: RankingAnswer) -> Comparison:
        moved = tuple(i for n, i in enumerate(now.order) if i in then.order and then.order.index(i) != n)
        added = tuple(i for i in now.order if i not in then.order)
        removed = tuple(i for i in then.order if i not in now.order)
        return Comparison(then.order != now.order, added, removed, moved)

    def merge_hidden(self, pack: Pack, prompt: Prompt, profile: str, old: Stored | None, new: Stored) -> Stored:
        """An option since removed from the pack keeps its place at the end."""
        if not isinstance(old, dict) or not isinstance(new, dict):
            return new
        options = {o.id for o in prompt.options}
        hidden = [i for i in self.read(prompt, old).order if i not in options]
        kept = {k: v for k, v in old.items() if k != "order"}
        shown = new.get("order")
        return (
            {**kept, **new, "order": [*(shown if isinstance(shown, list) else []), *hidden]}
            if hidden
            else {**kept, **new}
        )
