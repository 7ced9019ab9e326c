"""The paths kind: the career paths that appeal, each with why."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Kind, Pack, Prompt
from ..roadmap.markdown import escape_inline, list_item
from .base import (
    Answer,
    Comparison,
    DocContext,
    Gathered,
    Stored,
    ValueKind,
    Words,
    as_text,
    is_empty,
    set_comparison,
    stray_blocks,
    stray_lines,
    strings,
)


@dataclass(frozen=True, slots=True)
class PathPick:
    """A career path picked (its id) and why. `loose` marks a stored item that was no table (a
    hand-edited file): its words are taken as a path's id, shown in the roadmap but not in the editor."""

    path: str
    reason: str = ""
    loose: bool = False


@dataclass(frozen=True)
class PathsAnswer(Answer):
    picks: tuple[PathPick, ...] = ()


def _pick(item: Stored) -> PathPick:
    if isinstance(item, dict):
        path = item.get("path")
        return PathPick(", ".join(strings(path)) if not isinstance(path, str) else path, as_text(item.get("reason")))
    return PathPick(as_text(item), loose=True)  # a path's id alone


class PathsKind(ValueKind[PathsAnswer]):
    """Career paths (Snoek & Lourens) to tick, for this profile, each with a reason."""

    id = Kind.PATHS
    pack_keys = frozenset({"paths"})

    def gathered(self, prompt: Prompt) -> Gathered | None:
        return "paths"

    def shown(self, pack: Pack, prompt: Prompt, profile: str) -> list[str]:
        """The ids of the paths the editor offers to this profile."""
        return [p.id for p in pack.paths if p.for_profile(profile) and (not prompt.paths or p.id in prompt.paths)]

    def read(self, prompt: Prompt, stored: Stored | None) -> PathsAnswer:
        if not isinstance(stored, list):
            return PathsAnswer(stray=tuple(strings(stored)))
        return PathsAnswer(picks=tuple(_pick(item) for item in stored))

    def write(self, value: PathsAnswer) -> Stored:
        return [{"path": pick.path, "reason": pick.reason} for pick in value.picks if not pick.loose]

    def name(self, pack: Pack, pick: PathPick) -> str:
        path = pack.path(pick.path)
        return path.name if path else pick.path

    def summary(self, pack: Pack, prompt: Prompt, value: PathsAnswer, words: Words) -> list[str]:
        lines = [
            f"• {self.name(pack, pick)}" + (f": {pick.reason}" if not is_empty(pick.reason) else "")
            for pick in value.picks
        ]
        return lines + stray_lines(value.stray)

    def markdown(self, ctx: DocContext, prompt: Prompt, value: PathsAnswer) -> str:
        items = []
        for pick in value.picks:
            name = self.name(ctx.pack, pick) if pick.path else ""
            lead = f"**{escape_inline(name)}**" if name.strip() else ""
            reason = pick.reason if pick.reason.strip() else ""
            if reason and lead:
                items.append(list_item(reason, lead=lead + " — "))
            elif lead or reason:
                items.append(list_item(reason) if reason else "- " + lead)
        return "\n\n".join(block for block in ("\n".join(items), stray_blocks(value.stray)) if block)

    def compare(self, pack: Pack, prompt: Prompt, then: PathsAnswer, now: PathsAnswer) -> Comparison:
        found = set_comparison([p.path for p in then.picks], [p.path for p in now.picks])
        reasons = {p.path: p.reason for p in then.picks} != {p.path: p.reason for p in now.picks}
        return Comparison(found.changed or reasons, found.added, found.removed)

    def merge_hidden(self, pack: Pack, prompt: Prompt, profile: str, old: Stored | None, new: Stored) -> Stored:
        if not isinstance(old, list) or not isinstance(new, list):
            return new
        shown = set(self.shown(pack, prompt, profile))
        return [*new, *(item for item in old if not (isinstance(item, dict) and _shown_path(item, shown)))]


def _shown_path(item: dict[str, Stored], shown: set[str]) -> bool:
    """Whether a stored pick is of a path the editor shows (a hand-edited file may hold any value there)."""
    path = item.get("path")
    return isinstance(path, str) and path in shown
