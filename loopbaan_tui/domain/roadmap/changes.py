"""The roadmap's "Wat is er veranderd sinds <datum>": what moved between the check-ins.

Shown when a traject has more than one check-in (domain/trajects/checkins.py), with the date of the
one before the current: the balance across every check-in (one row per scale, a bar per check-in,
and the change since last time, direction-aware: for werkdruk lower is better), the actions done
and let go since then, and which answers the user changed. Built on each kind's `compare`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..content.model import Kind, Pack, Prompt, Section
from ..kinds import ACTIONS, kind_of
from ..kinds.base import ScaleChange, Stored
from ..kinds.rows import DONE, Row, status_of
from ..trajects.checkins import CheckIn, series
from ..trajects.traject import Traject
from ..words.dates import format_date, recognize_date
from .balance import DOC_VERDICT_WORDS, bar, describe_change
from .markdown import escape_inline, flat_line, heading, list_item, table

LET_GO = "losgelaten"
MOVE_WORDS = {DONE: "doc_changes_done", LET_GO: "doc_changes_let_go"}
"""The heading (ui.toml key) of the actions that moved to a status, in the document's order."""


@dataclass(frozen=True, slots=True)
class ActionMove:
    """An action whose status became `status` since the check-in before the current one."""

    what: str
    status: str
    done: str


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed between the check-in before the current one (`since`) and the current one."""

    since: CheckIn
    checkins: tuple[CheckIn, ...]
    scales: tuple[tuple[Prompt, tuple[ScaleChange, ...]], ...]
    actions: tuple[ActionMove, ...]
    answers: tuple[tuple[Section, Prompt], ...]


def _prompts(pack: Pack, traject: Traject, include_private: bool) -> list[tuple[Section, Prompt]]:
    return [
        (section, prompt)
        for section in pack.sections
        for prompt in section.prompts_for(traject.profile)
        if include_private or prompt.id not in traject.private
    ]


def _rows(prompt: Prompt, stored: Stored | None) -> tuple[Row, ...]:
    return ACTIONS.read(prompt, stored).rows


def _moved(prompt: Prompt, then: Stored | None, now: Stored | None) -> list[ActionMove]:
    """Actions done or let go now that were not so then (matched by what they are)."""
    before = {row.get("what").strip(): status_of(row) for row in _rows(prompt, then)}
    moves = []
    for row in _rows(prompt, now):
        status = status_of(row)
        if status in (DONE, LET_GO) and before.get(row.get("what").strip()) != status:
            moves.append(ActionMove(row.get("what"), status, row.get("done")))
    return moves


def changes(pack: Pack, traject: Traject, *, include_private: bool = False) -> Changes | None:
    """What changed since the check-in before the current one; None for a traject's first check-in."""
    rounds = series(traject)
    return between(pack, traject, len(rounds) - 2, len(rounds) - 1, include_private) if len(rounds) > 1 else None


def between(pack: Pack, traject: Traject, first: int, second: int, include_private: bool = True) -> Changes:
    """What changed from check-in `first` to check-in `second` (indexes into `series`, oldest first)."""
    rounds = series(traject)
    since, now = rounds[first], rounds[second]
    scales, actions, answers = [], [], []
    for section, prompt in _prompts(pack, traject, include_private):
        then_value, now_value = since.answer(prompt.id), now.answer(prompt.id)
        found = kind_of(prompt).compare_stored(pack, prompt, then_value, now_value)
        if prompt.kind == Kind.SCALE and kind_of(prompt).gathered(prompt) == "balance":
            if any(c.then is not None or c.now is not None for c in found.scales):
                scales.append((prompt, found.scales))
        elif prompt.kind == Kind.ACTIONS:
            actions += _moved(prompt, then_value, now_value)
        elif found.changed:
            answers.append((section, prompt))
    return Changes(since, tuple(rounds), tuple(scales), tuple(actions), tuple(answers))


def score(checkin: CheckIn, prompt: Prompt, scale: str) -> int | None:
    """A check-in's "now" score on one scale of a prompt; None when it has none."""
    stored = checkin.answer(prompt.id)
    rating = stored.get(scale) if isinstance(stored, dict) else None
    value = rating.get("now") if isinstance(rating, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _chart(pack: Pack, found: Changes, day: Sequence[str]) -> str:
    header = ["", *(escape_inline(d) for d in day), escape_inline(pack.text("doc_changes_since_last"))]
    rows = []
    for prompt, moves in found.scales:
        for move in moves:
            scale = pack.scale(move.scale)
            if scale is None:
                continue
            bars = [bar(score(c, prompt, move.scale), scale) for c in found.checkins]
            verdict = describe_change(move.change, pack.text, DOC_VERDICT_WORDS) if move.change else ""
            rows.append([escape_inline(scale.label), *bars, escape_inline(verdict)])
    return table(header, rows) if rows else ""


def _action_line(pack: Pack, move: ActionMove) -> str:
    """ "Meelopen met de IB'er (gedaan op 3 maart 2026)": Markdown, the user's words escaped."""
    found = recognize_date(move.done) if move.done else None
    when = format_date(found, pack.info.language) if found else " ".join(move.done.split())
    text = " ".join(move.what.split()) or "…"
    return list_item(pack.text("doc_changes_done_on", what=text, date=when) if when else text)


def changes_blocks(pack: Pack, traject: Traject, *, include_private: bool = False) -> list[str]:
    """The section's Markdown blocks; [] for a traject with one check-in."""
    found = changes(pack, traject, include_private=include_private)
    if found is None:
        return []
    day = [format_date(c.date.date(), pack.info.language, weekday=False) for c in found.checkins]
    blocks = [heading(2, pack.text("doc_changes", date=day[-2]))]
    if chart := _chart(pack, found, day):
        blocks += [heading(3, pack.text("doc_changes_balance")), chart]
    for status in MOVE_WORDS:
        moved = [m for m in found.actions if m.status == status]
        if moved:
            blocks += [heading(3, pack.text(MOVE_WORDS[status])), "\n".join(_action_line(pack, m) for m in moved)]
    if found.answers:
        lines = [f"- {flat_line(p.label)} *({flat_line(s.question)})*" for s, p in found.answers]
        blocks += [heading(3, pack.text("doc_changes_answers")), "\n".join(lines)]
    if len(blocks) == 1:
        blocks.append("*" + flat_line(pack.text("doc_changes_none")) + "*")
    return blocks


SPARKS = "▁▂▃▄▅▆▇█"


def spark(scores: Sequence[int | None], low: int, high: int) -> str:
    """One character per check-in, its height the score ("·" for none): a chart readable as plain text."""
    steps = max(1, high - low)
    return "".join(
        "·" if s is None else SPARKS[round((min(max(s, low), high) - low) / steps * (len(SPARKS) - 1))] for s in scores
    )


def compare_lines(pack: Pack, found: Changes, first: int, second: int) -> list[str]:
    """Two check-ins compared, as plain lines for the screen: the balance (a row per scale across every
    check-in, the two scores, the change, direction-aware), actions done and let go, answers changed."""
    lines: list[str] = []
    for prompt, moves in found.scales:
        lines.append(prompt.label)
        for move in moves:
            scale = pack.scale(move.scale)
            if scale is None:
                continue
            scores = [score(c, prompt, move.scale) for c in found.checkins]
            pair = " → ".join("–" if s is None else str(s) for s in (scores[first], scores[second]))
            verdict = describe_change(move.change, pack.text, DOC_VERDICT_WORDS) if move.change else ""
            lines.append(
                f"  {spark(scores, scale.min, scale.max)}  {pair:<5}  {scale.label}"
                + (f": {verdict}" if verdict else "")
            )
    for status in MOVE_WORDS:
        moved = [m for m in found.actions if m.status == status]
        if moved:
            lines += ["", pack.text(MOVE_WORDS[status]), *(f"  • {' '.join(m.what.split())}" for m in moved)]
    if found.answers:
        lines += ["", pack.text("doc_changes_answers"), *(f"  • {p.label}" for _, p in found.answers)]
    return lines or [pack.text("doc_changes_none")]
