"""The scale kind: each of the prompt's scales rated now (and then, when the prompt asks it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..content.model import Kind, Pack, Prompt
from ..roadmap import balance
from .base import (
    Answer,
    Comparison,
    DocContext,
    Gathered,
    ScaleChange,
    Stored,
    TooFew,
    ValueKind,
    Words,
    stray_blocks,
    stray_lines,
    strings,
    too_few,
)


@dataclass(frozen=True, slots=True)
class Rating:
    """One scale's scores. What a hand-edited file holds instead of a number is kept as words:
    `then_words` / `now_words` in place of a score, `note` in place of the whole rating."""

    scale: str
    then: int | None = None
    now: int | None = None
    then_words: str = ""
    now_words: str = ""
    note: str = ""

    def shown(self, column: str) -> str:
        """A score as the summary shows it: the number, or the words in its place ("" for neither)."""
        score = self.then if column == "then" else self.now
        return str(score) if score is not None else self.then_words if column == "then" else self.now_words


@dataclass(frozen=True)
class ScaleAnswer(Answer):
    """The ratings in the order the file holds them."""

    ratings: tuple[Rating, ...] = ()

    def rating(self, scale_id: str) -> Rating | None:
        return next((r for r in self.ratings if r.scale == scale_id), None)


def _rating(scale_id: str, stored: Stored) -> Rating:
    if not isinstance(stored, dict):
        return Rating(scale_id, note=", ".join(strings(stored)))
    then, now = stored.get("then"), stored.get("now")
    return Rating(
        scale_id,
        balance.score(then),
        balance.score(now),
        ", ".join(strings(then)) if balance.score(then) is None else "",
        ", ".join(strings(now)) if balance.score(now) is None else "",
    )


class ScaleKind(ValueKind[ScaleAnswer]):
    """Ratings on the pack's scales; asked then and now, they make the work-joy balance."""

    id = Kind.SCALE
    pack_keys = frozenset({"scales", "then_now"})
    column_words: Mapping[str, str] = {"then": "scale_then", "now": "scale_now"}
    """The editor's word above each column."""

    def word_keys(self) -> frozenset[str]:
        return frozenset(self.column_words.values())

    def check(self, raw: Mapping[str, object]) -> list[TooFew]:
        return too_few(raw, "scales", 1)

    def gathered(self, prompt: Prompt) -> Gathered | None:
        return "balance" if prompt.then_now else None

    def read(self, prompt: Prompt, stored: Stored | None) -> ScaleAnswer:
        if not isinstance(stored, dict):
            return ScaleAnswer(stray=tuple(strings(stored)))
        return ScaleAnswer(ratings=tuple(_rating(scale_id, rating) for scale_id, rating in stored.items()))

    def write(self, value: ScaleAnswer) -> Stored:
        stored: dict[str, Stored] = {}
        for rating in value.ratings:
            scores = {k: v for k, v in (("then", rating.then), ("now", rating.now)) if v is not None}
            if scores:
                stored[rating.scale] = dict(scores)
        return stored

    def is_answered(self, prompt: Prompt, value: ScaleAnswer) -> bool:
        return all((r := value.rating(s)) is not None and r.now is not None for s in prompt.scales)

    def summary(self, pack: Pack, prompt: Prompt, value: ScaleAnswer, words: Words) -> list[str]:
        lines = []
        for rating in value.ratings:
            scale = pack.scale(rating.scale)
            name = scale.label if scale else rating.scale
            if rating.note:
                lines.append(f"• {name}: {rating.note}")
                continue
            then = f"{rating.shown('then')} → " if rating.shown("then") else ""
            found = balance.change(scale, rating.then, rating.now) if scale else None
            key = balance.VERDICT_WORDS.get(found.verdict) if found else None
            verdict = f" · {words(key)}" if key else ""  # "2 → 4 · slechter"
            lines.append(f"• {name}: {then}{rating.shown('now') or '?'}{verdict}")
        return lines + stray_lines(value.stray)

    def markdown(self, ctx: DocContext, prompt: Prompt, value: ScaleAnswer) -> str:
        # A rating that is no number is left out of the chart (as a scale without ratings is).
        if value.stray:
            return stray_blocks(value.stray)
        return balance.chart(ctx.pack, prompt, {r.scale: (r.then, r.now) for r in value.ratings})

    def compare(self, pack: Pack, prompt: Prompt, then: ScaleAnswer, now: ScaleAnswer) -> Comparison:
        """Per scale, the "now" score of the earlier answer against that of the later one."""
        ids = [*prompt.scales, *(r.scale for r in (*then.ratings, *now.ratings) if r.scale not in prompt.scales)]
        changes = []
        for scale_id in dict.fromkeys(ids):
            before, after = then.rating(scale_id), now.rating(scale_id)
            a, b = before.now if before else None, after.now if after else None
            scale = pack.scale(scale_id)
            if a is None and b is None:
                continue
            changes.append(ScaleChange(scale_id, a, b, balance.change(scale, a, b) if scale else None))
        return Comparison(any(c.then != c.now for c in changes), scales=tuple(changes))

    def merge_hidden(self, pack: Pack, prompt: Prompt, profile: str, old: Stored | None, new: Stored) -> Stored:
        if not isinstance(old, dict) or not isinstance(new, dict):
            return new
        shown = {scale_id for scale_id in prompt.scales if pack.scale(scale_id) is not None}
        return {**{k: v for k, v in old.items() if k not in shown}, **new}
