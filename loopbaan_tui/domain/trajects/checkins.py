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

from ..kinds.base import Stored

if TYPE_CHECKING:
    from ..content.model import PackInfo
    from .traject import Traject


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
