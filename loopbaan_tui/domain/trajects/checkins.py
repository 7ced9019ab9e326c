"""Check-ins: a traject is a series of dated rounds of answers; the last one is the current one.

The current check-in's answers are `Traject.answers` (edited by `Traject.set_answer`); the earlier
ones are closed `CheckIn`s in `Traject.earlier`, oldest first, never changed again. Each holds its
full answers (docs/data-format.md: simple to read and to recover by hand), its date, and the pack
id and version it was answered with.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..content.model import Kind, Pack

if TYPE_CHECKING:
    from ..content.model import PackInfo
    from ..kinds.base import Stored
    from .traject import Traject

REVISIT_IDS = frozenset({"kan-rollen", "wil-motieven", "wil-motieven-student", "wil-motieven-ondersteuner", "hoe-doel"})
"""Prompts of the built-in packs a check-in looks at again by default, beside every balance scale, the
actions and the next check-in's date: the role self-placement, the motives and the goal."""


UNSET = datetime.min.replace(tzinfo=UTC)
"""The date of a check-in not yet dated: a new `Traject` dates its first one `created`."""


@dataclass
class CheckInInfo:
    """A check-in's own facts: when it began, and the pack it was answered with ("" when not recorded,
    as for a file from format 1 until it is opened with a pack)."""

    date: datetime
    pack_id: str = ""
    pack_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys of its [[checkin]] table this version does not know: written back unchanged."""
    revisit: tuple[str, ...] = ()
    """The prompts the user chose to look at again in this check-in (shown with last time's answer)."""


@dataclass(frozen=True, eq=True)
class CheckIn:
    """One dated round of answers. A closed check-in is never changed, so a copy of it is itself
    (an autosave snapshot costs nothing per earlier check-in)."""

    info: CheckInInfo
    answers: Mapping[str, Stored] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def date(self) -> datetime:
        return self.info.date

    def answer(self, prompt_id: str) -> Stored | None:
        return self.answers.get(prompt_id)

    def __deepcopy__(self, memo: dict[int, object]) -> CheckIn:
        return self


def closed(info: CheckInInfo, answers: Mapping[str, Stored]) -> CheckIn:
    """A closed check-in holding its own copy of the answers (read-only)."""
    return CheckIn(copy.deepcopy(info), MappingProxyType(copy.deepcopy(dict(answers))))


def series(traject: Traject) -> list[CheckIn]:
    """Every check-in, oldest first; the last is the current one (its answers are the traject's own,
    read-only)."""
    return [*traject.earlier, CheckIn(traject.current, MappingProxyType(traject.answers))]


def stamp_pack(traject: Traject, info: PackInfo) -> bool:
    """Record the pack the current check-in is answered with; True when that changed."""
    current = traject.current
    if (current.pack_id, current.pack_version) == (info.id, info.version):
        return False
    current.pack_id, current.pack_version = info.id, info.version
    return True


def default_revisit(pack: Pack, profile: str) -> tuple[str, ...]:
    """What a new check-in looks at again unless the user chooses otherwise, in the pack's order."""
    chosen = []
    for section in pack.sections:
        for prompt in section.prompts_for(profile):
            balance = prompt.kind == Kind.SCALE and prompt.then_now
            date = prompt.kind == Kind.DATE and section is pack.roadmap
            if balance or date or prompt.kind == Kind.ACTIONS or prompt.id in REVISIT_IDS:
                chosen.append(prompt.id)
    return tuple(chosen)


def begin(traject: Traject, pack: Pack, when: datetime, revisit: tuple[str, ...]) -> CheckIn:
    """A new check-in looking again at `revisit`: its scales start empty (last time's value is shown
    beside them), its actions list the open ones first; everything else carries over unchanged.
    The user's place is the first prompt revisited. Returns the check-in just closed."""
    scales = {p for p in revisit if (prompt := pack.prompt(p)) is not None and prompt.kind == Kind.SCALE}
    done = start_checkin(traject, when, cleared=frozenset(scales))
    traject.current.revisit = revisit
    for prompt_id in revisit:
        prompt = pack.prompt(prompt_id)
        rows = traject.answers.get(prompt_id)
        if prompt is not None and prompt.kind == Kind.ACTIONS and isinstance(rows, list):
            traject.answers[prompt_id] = sorted(rows, key=_finished)  # stable: open and bezig first
    if revisit:
        traject.last_prompt = revisit[0]
    return done


def _finished(row: Stored) -> bool:
    if not isinstance(row, dict):
        return False
    from ..kinds.rows import Row, status_of  # here: the kinds are not needed to list trajecten

    return status_of(Row({k: v for k, v in row.items() if isinstance(v, str)})) in ("gedaan", "losgelaten")


def last_time(traject: Traject, prompt_id: str) -> tuple[CheckIn, Stored] | None:
    """The check-in before the current one and its answer to the prompt, when it had one."""
    before = previous(traject)
    value = before.answer(prompt_id) if before is not None else None
    return (before, value) if before is not None and value is not None else None


def start_checkin(traject: Traject, when: datetime, *, cleared: frozenset[str] = frozenset()) -> CheckIn:
    """Close the current check-in and begin a new one dated `when`; returns the closed one.

    Every answer carries over as the starting point, except the prompts in `cleared` (scales: they
    start empty, last time's value is shown beside them). The pack stays the same until stamped.
    """
    done = closed(traject.current, traject.answers)
    traject.earlier.append(done)
    traject.current = CheckInInfo(when, traject.current.pack_id, traject.current.pack_version)
    for prompt_id in cleared:
        traject.answers.pop(prompt_id, None)
    traject.updated = when
    return done


def previous(traject: Traject) -> CheckIn | None:
    """The check-in before the current one, or None for a traject's first."""
    return traject.earlier[-1] if traject.earlier else None


def new_school_year(traject: Traject, traject_id: str, name: str, when: datetime) -> Traject:
    """A copy to start again from (a new school year): the current answers as its starting point, in
    a first check-in of its own dated `when`; the earlier check-ins stay with the original."""
    from .traject import Traject

    return Traject(
        id=traject_id,
        name=name,
        profile=traject.profile,
        pack=traject.pack,
        created=when,
        updated=when,
        answers=copy.deepcopy(traject.answers),
        private=set(traject.private),
        route=traject.route,
        current=CheckInInfo(when, traject.current.pack_id, traject.current.pack_version),
    )
