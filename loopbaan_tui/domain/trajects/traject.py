"""A traject: one person's reflection with one pack, and the answers they gave.

Answers are kept by prompt id as the traject file holds them (`Stored`: plain TOML values, one
shape per kind, see docs/data-format.md); each kind in `kinds/` reads its shape into a typed answer.
`answers` are the current check-in's; the earlier check-ins are in `earlier` (checkins.py).
"""

from __future__ import annotations

import copy
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..content.model import ROUTES, Pack, Prompt, Route, Section
from .checkins import UNSET, CheckIn, CheckInInfo
from .text import clean_value

if TYPE_CHECKING:  # the kinds (and what they import: markdown, balance, dates) are imported where they are
    from ..kinds.base import Stored  # used: the start screen lists trajecten without them (issue 18)


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def is_id(text: str) -> bool:
    """Whether `text` can be a traject's id: a file name on every system (what `new_id` makes)."""
    return bool(_ID.fullmatch(text)) and text.upper() not in _WINDOWS_RESERVED


def new_id(name: str) -> str:
    """A file-safe id from a name: a short ASCII slug and a random suffix, never reserved."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return f"{slug or 'traject'}-{os.urandom(3).hex()}"  # as secrets.token_hex, without hashlib and OpenSSL


@dataclass
class Traject:
    """One person's reflection: who, with which pack, and what they answered."""

    id: str
    name: str
    profile: str
    pack: str
    """Which pack: "nl" or "en" for a built-in pack, else the folder's path."""
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    answers: dict[str, Stored] = field(default_factory=dict)
    private: set[str] = field(default_factory=set)
    last_prompt: str = ""
    """The id of the prompt last edited (set by `set_answer`): where the user left off."""
    route: Route = "full"
    """The way through the reflection: "short" asks only the pack's core prompts, "full" all of them.
    Only which prompts are shown: answers outside the route stay, and the roadmap shows them."""
    current: CheckInInfo = field(default_factory=lambda: CheckInInfo(UNSET))
    """The current check-in's date and pack (its answers are `answers`); dated `created` when not given."""
    earlier: list[CheckIn] = field(default_factory=list)
    """The check-ins before the current one, oldest first, closed (domain/trajects/checkins.py)."""

    def __post_init__(self) -> None:
        if self.current.date == UNSET:
            self.current.date = self.created

    def answer(self, prompt_id: str) -> Stored | None:
        return self.answers.get(prompt_id)

    def set_answer(self, prompt_id: str, value: Stored | None) -> bool:
        """Store a cleaned answer (or remove it when empty); True when something changed."""
        from ..kinds.base import is_empty

        value = clean_value(value)
        if is_empty(value):
            changed = prompt_id in self.answers
            self.answers.pop(prompt_id, None)
        else:
            changed = self.answers.get(prompt_id) != value
            self.answers[prompt_id] = value
        if changed:
            self.updated = now()
            self.last_prompt = prompt_id
        return changed

    def set_route(self, route: Route) -> bool:
        """Switch to another route (ValueError for an unknown one); True when it changed. No answer is touched."""
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; expected one of {ROUTES}")
        if route == self.route:
            return False
        self.route = route
        self.updated = now()
        return True

    def snapshot(self) -> Traject:
        """A copy to save from another thread while this one is edited (as `copy.deepcopy`, cheaper):
        texts and the closed check-ins are shared, never changed in place; the rest is copied."""
        answers = self.answers
        if not isinstance(answers, dict):
            return copy.deepcopy(self)
        return replace(
            self,
            answers={k: v if type(v) is str else copy.deepcopy(v) for k, v in answers.items()},
            private=set(self.private),
            current=copy.deepcopy(self.current),
            earlier=list(self.earlier),
        )

    def set_private(self, prompt_id: str, private: bool) -> None:
        if private != (prompt_id in self.private):
            (self.private.add if private else self.private.discard)(prompt_id)
            self.updated = now()


def keep_hidden(pack: Pack, prompt: Prompt, profile: str, old: Stored | None, new: Stored) -> Stored:
    """The answer an editor reports (`new`), with what the stored answer (`old`) holds that the
    editor cannot show; each kind says what that is (`PromptKind.merge_hidden`)."""
    from ..kinds import kind_of

    return kind_of(prompt).merge_hidden(pack, prompt, profile, old, new)


def is_answered(prompt: Prompt, value: Stored | None) -> bool:
    """Whether a prompt counts as answered in the progress rail."""
    from ..kinds import kind_of

    return kind_of(prompt).answered(prompt, value)


def progress(
    section: Section, profile: str, traject: Traject, route: Route | None = None, pack: Pack | None = None
) -> tuple[int, int]:
    """(answered, total) for a step, counting only this profile's prompts on the route (the traject's
    own when not given): on the short route only the core prompts count. With the pack, a prompt its
    `show_if` hides does not count either."""
    prompts = section.prompts_for(profile, traject.route if route is None else route)
    if pack is not None:
        from .visibility import TrajectFacts

        facts = TrajectFacts(pack, traject)
        prompts = tuple(p for p in prompts if facts.shown(p))
    return sum(is_answered(p, traject.answer(p.id)) for p in prompts), len(prompts)


def overall_progress(pack: Pack, traject: Traject, route: Route | None = None) -> tuple[int, int]:
    """(answered, total) over every step, counting only the prompts the traject shows (its profile's,
    on the route, the traject's own when not given, and whose `show_if` holds)."""
    answered = total = 0
    for section in pack.sections:
        done, count = progress(section, traject.profile, traject, route, pack)
        answered, total = answered + done, total + count
    return answered, total
