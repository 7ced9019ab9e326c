"""Suggestions for the actions and people prompts, from the career paths the user chose.

Each path in the pack may carry suggested actions (what, and a first step) and people to talk to (a
role). An `Offer` is one of them as the row it would become; the editor lets the user take it with one
key and then edit it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..content.model import CareerPath, Kind, Pack
from ..kinds import PATHS, Row, Stored


@dataclass(frozen=True, slots=True)
class Offer:
    """A suggestion of a chosen path, as the fields of the row it would become."""

    path: CareerPath
    values: Mapping[str, str]

    @property
    def lead(self) -> str:
        """The row's leading field (what to do, or whom to talk to): what makes it taken."""
        return next(iter(self.values.values()), "")


ROW_KINDS = (Kind.ACTIONS, Kind.PEOPLE)


def chosen_paths(pack: Pack, answers: Mapping[str, Stored], profile: str) -> tuple[CareerPath, ...]:
    """The paths the user picked in this profile's `paths` prompts, in the order picked, each once."""
    found: dict[str, CareerPath] = {}
    for section in pack.sections:
        for prompt in section.prompts_for(profile):
            if prompt.kind is not Kind.PATHS:
                continue
            for pick in PATHS.read(prompt, answers.get(prompt.id)).picks:
                path = pack.path(pick.path)
                if path is not None and path.for_profile(profile) and not pick.loose:
                    found.setdefault(path.id, path)
    return tuple(found.values())


def offers(pack: Pack, answers: Mapping[str, Stored], profile: str, kind: Kind) -> tuple[Offer, ...]:
    """The suggestions of the chosen paths for an `actions` or `people` prompt (none for another kind)."""
    found = []
    for path in chosen_paths(pack, answers, profile):
        if kind is Kind.ACTIONS:
            found += [Offer(path, {"what": a.what, "first_step": a.first_step}) for a in path.actions]
        elif kind is Kind.PEOPLE:
            found += [Offer(path, {"who": who}) for who in path.people]
    return tuple(found)


def untaken(found: Iterable[Offer], rows: Iterable[Row]) -> tuple[Offer, ...]:
    """The offers no row holds yet (by their leading field, ignoring case and spaces at the ends)."""
    taken = {value.strip().casefold() for row in rows for value in row.values.values()}
    return tuple(offer for offer in found if offer.lead.strip().casefold() not in taken)
