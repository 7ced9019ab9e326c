"""Choice kinds: pick one option or several, and maybe say "other"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..content.model import Kind, Pack, Prompt
from ..roadmap.markdown import list_item, text_block
from .base import (
    Answer,
    Comparison,
    DocContext,
    Stored,
    TooFew,
    ValueKind,
    Words,
    is_empty,
    set_comparison,
    stray_blocks,
    stray_lines,
    strings,
    too_few,
)


@dataclass(frozen=True)
class ChoiceAnswer(Answer):
    """The chosen option ids in order (at most one for a single choice) and the "other" text."""

    choices: tuple[str, ...] = ()
    other: str = ""


def _ids(value: object) -> tuple[str, ...]:
    """Option ids as stored; a number or a nested value (a hand-edited file) by its words."""
    items = value if isinstance(value, list) else [value]
    return tuple(s for item in items for s in strings(item))


class SingleChoice(ValueKind[ChoiceAnswer]):
    """Pick one option (radio buttons)."""

    id = Kind.SINGLE_CHOICE
    pack_keys = frozenset({"options", "allow_other"})
    key = "choice"
    """The stored key of the chosen option(s)."""

    def check(self, raw: Mapping[str, object]) -> list[TooFew]:
        return too_few(raw, "options", 2)

    def read(self, prompt: Prompt, stored: Stored | None) -> ChoiceAnswer:
        if not isinstance(stored, dict):
            return ChoiceAnswer(stray=tuple(strings(stored)))
        other = stored.get("other")
        stray = () if isinstance(other, str) else tuple(strings(other))
        return ChoiceAnswer(
            choices=_ids(stored.get(self.key)), other=other if isinstance(other, str) else "", stray=stray
        )

    def write(self, value: ChoiceAnswer) -> Stored:
        stored: dict[str, Stored] = {"choice": value.choices[0]} if value.choices else {}
        return stored | ({"other": value.other} if value.other else {})

    def label(self, prompt: Prompt, option_id: str) -> str:
        """An option's label; its id when the pack no longer has it."""
        return next((o.label for o in prompt.options if o.id == option_id), option_id)

    def other(self, value: ChoiceAnswer) -> str:
        return value.other if value.other.strip() else ""

    def summary(self, pack: Pack, prompt: Prompt, value: ChoiceAnswer, words: Words) -> list[str]:
        lines = [f"• {self.label(prompt, choice)}" for choice in value.choices]
        if not is_empty(value.other):
            lines.append(f"• {value.other}")
        return lines + stray_lines(value.stray)

    def markdown(self, ctx: DocContext, prompt: Prompt, value: ChoiceAnswer) -> str:
        blocks = [text_block(self.label(prompt, choice)) for choice in value.choices[:1]]
        if other := self.other(value):
            blocks.append(text_block(other, lead=ctx.w("doc_other") + ": "))
        return "\n\n".join([*blocks, stray_blocks(value.stray)] if value.stray else blocks)

    def compare(self, pack: Pack, prompt: Prompt, then: ChoiceAnswer, now: ChoiceAnswer) -> Comparison:
        found = set_comparison(then.choices, now.choices)
        return Comparison(found.changed or then.other != now.other, found.added, found.removed)

    def merge_hidden(self, pack: Pack, prompt: Prompt, profile: str, old: Stored | None, new: Stored) -> Stored:
        if not isinstance(old, dict) or not isinstance(new, dict):
            return new
        shown_keys = ("choice", "choices", "other") if prompt.allow_other else ("choice", "choices")
        kept = {k: v for k, v in old.items() if k not in shown_keys}
        return {**kept, **new, **self._hidden(prompt, old, new)}

    def _hidden(self, prompt: Prompt, old: dict[str, Stored], new: dict[str, Stored]) -> dict[str, Stored]:
        """The stored choice the editor cannot show: an option since removed from the pack."""
        choice = old.get("choice")
        options = {option.id for option in prompt.options}
        if "choice" not in new and choice is not None and not (isinstance(choice, str) and choice in options):
            return {"choice": choice}
        return {}


class MultipleChoice(SingleChoice):
    """Pick several options (checkboxes)."""

    id = Kind.MULTIPLE_CHOICE
    key = "choices"

    def write(self, value: ChoiceAnswer) -> Stored:
        stored: dict[str, Stored] = {"choices": list(value.choices)}
        return stored | ({"other": value.other} if value.other else {})

    def markdown(self, ctx: DocContext, prompt: Prompt, value: ChoiceAnswer) -> str:
        items = [list_item(self.label(prompt, choice)) for choice in value.choices]
        if other := self.other(value):
            items.append(list_item(other, lead=ctx.w("doc_other") + ": "))
        blocks = ["\n".join(items), stray_blocks(value.stray)]
        return "\n\n".join(block for block in blocks if block)

    def _hidden(self, prompt: Prompt, old: dict[str, Stored], new: dict[str, Stored]) -> dict[str, Stored]:
        options = {option.id for option in prompt.options}
        stored = old.get("choices")
        hidden = [c for c in stored if not (isinstance(c, str) and c in options)] if isinstance(stored, list) else []
        if not hidden:
            return {}
        shown = new.get("choices", [])
        return {"choices": [*(shown if isinstance(shown, list) else [shown]), *hidden]}
