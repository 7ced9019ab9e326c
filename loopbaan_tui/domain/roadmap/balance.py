"""The work-joy balance: how a scale's score changed from then to now, whether that is better or worse,
and the chart the roadmap shows of it.

Which way is better is the scale's own `better` ("high", "low", or None when neither end is better,
as for a scale that only describes): werkdruk going up is worse, werkplezier going up is better.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from ..content.model import Pack, Prompt, Scale
from .markdown import escape_inline, flat_line, table

Verdict = Literal["better", "worse", "same", "unknown"]

BAR_FULL, BAR_EMPTY = "█", "░"

VERDICT_WORDS: Mapping[Verdict, str] = {"better": "balance_better", "worse": "balance_worse"}
"""The app's word (ui.toml key) for a verdict worth saying; "same" and "unknown" need none."""
DOC_VERDICT_WORDS: Mapping[Verdict, str] = {"better": "doc_change_better", "worse": "doc_change_worse"}
"""The same for the roadmap document."""


@dataclass(frozen=True, slots=True)
class Change:
    """From then to now on one scale: by how much (`delta`, now minus then) and whether that is better."""

    delta: int
    verdict: Verdict

    @property
    def arrow(self) -> str:
        """The change as an arrow and a signed number: "↑ +2", "↓ −1", "= 0"."""
        if self.delta > 0:
            return f"↑ +{self.delta}"
        return f"↓ −{-self.delta}" if self.delta < 0 else "= 0"


def change(scale: Scale, then: int | None, now: int | None) -> Change | None:
    """How a score changed from `then` to `now`; None when either is missing."""
    if then is None or now is None:
        return None
    delta = now - then
    if delta == 0:
        return Change(0, "same")
    if scale.better is None:
        return Change(delta, "unknown")
    return Change(delta, "better" if (delta > 0) == (scale.better == "high") else "worse")


def describe_change(found: Change, words: Callable[..., str], keys: Mapping[Verdict, str] = VERDICT_WORDS) -> str:
    """ "↑ +1 · slechter", or only the arrow when no end of the scale is better or nothing changed."""
    key = keys.get(found.verdict)
    return f"{found.arrow} · {words(key)}" if key else found.arrow


def score(value: object) -> int | None:
    """A stored score as a whole number; None for anything that is not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def bar(value: int | None, scale: Scale) -> str:
    """`███░░ 3`: one block per step of the scale, filled up to the value."""
    if value is None:
        return "–"
    steps = scale.max - scale.min + 1
    filled = max(0, min(steps, value - scale.min + 1))
    return f"{BAR_FULL * filled}{BAR_EMPTY * (steps - filled)} {value}"


def chart(pack: Pack, prompt: Prompt, scores: Mapping[str, tuple[int | None, int | None]]) -> str:
    """A Markdown chart: a bar and a number per scale, then and now and the change; the scales' ends below.

    `scores` holds (then, now) by scale id, in the order of the answer."""

    def w(key: str) -> str:
        return escape_inline(pack.text(key))

    then_now = prompt.then_now
    header = ["", *([w("doc_then")] if then_now else []), w("doc_now"), *([w("doc_change")] if then_now else [])]
    rows = []
    used: list[Scale] = []
    for scale_id in [*prompt.scales, *(k for k in scores if k not in prompt.scales)]:
        scale = pack.scale(scale_id)
        if scale is None or scale_id not in scores:
            continue
        then, now = scores[scale_id]
        if now is None and (then is None or not then_now):
            continue
        used.append(scale)
        row = [escape_inline(scale.label)]
        if then_now:
            found = change(scale, then, now)
            row += [
                bar(then, scale),
                bar(now, scale),
                escape_inline(describe_change(found, pack.text, DOC_VERDICT_WORDS)) if found else "",
            ]
        else:
            row.append(bar(now, scale))
        rows.append(row)
    return f"{table(header, rows)}\n\n{legend(used)}" if rows else ""


def legend(scales: list[Scale]) -> str:
    """What the numbers mean: "1 = helemaal niet · 5 = helemaal wel", then the scales whose ends differ."""
    groups: dict[tuple[int, str, int, str], list[Scale]] = {}
    for scale in scales:
        groups.setdefault((scale.min, scale.low, scale.max, scale.high), []).append(scale)
    ordered = sorted(groups.items(), key=lambda group: -len(group[1]))  # stable: the first of equals leads
    lines = []
    for index, ((low, low_word, high, high_word), members) in enumerate(ordered):
        ends = f"{low} = {low_word} · {high} = {high_word}"
        lines.append(ends if index == 0 else "; ".join(s.label for s in members) + ": " + ends)
    return "\\\n".join(flat_line(line) for line in lines)
