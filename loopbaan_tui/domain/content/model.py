"""The content model: a pack of prompts, paths, scales and UI words, as immutable objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from .conditions import Condition

COMPETENCY_IDS: tuple[str, ...] = ("kan", "wil", "waar", "hoe", "wie")
"""The five career competencies in order; each has its own file `<id>.toml` in a pack."""

ROADMAP_SECTION = "roadmap"
"""The roadmap step's own prompts live in `roadmap.toml`, shaped like a competency file."""

Route = Literal["short", "full"]
"""The way through a reflection: the short route asks only the core prompts (`core = true`), the full one all."""

ROUTES: tuple[Route, ...] = ("short", "full")

Byline = Literal["name", "school", "reader"]
"""What a `byline` prompt asks for the roadmap's opening line: who wrote it, at which school or course, for whom."""

BYLINES: tuple[Byline, ...] = ("name", "school", "reader")


class Kind(StrEnum):
    """Every kind of prompt a pack may use."""

    LONG_TEXT = "long_text"
    SHORT_TEXT = "short_text"
    LIST = "list"
    SCALE = "scale"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    PATHS = "paths"
    ACTIONS = "actions"
    PEOPLE = "people"
    DATE = "date"
    RANKING = "ranking"
    SORT = "sort"


@dataclass(frozen=True, slots=True)
class Profile:
    """Who the user is: prompts and paths can be limited to some profiles."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Option:
    """One answer to pick in a single or multiple choice prompt."""

    id: str
    label: str
    show_if: Condition | None = None
    """Shown only when this holds (see conditions.py); None: always."""


Direction = Literal["high", "low"]
"""Which end of a scale points towards a career path: a high score (the default) or a low one."""

DIRECTIONS: tuple[Direction, ...] = ("high", "low")

MAX_WEIGHT = 3
"""A signal's weight runs from 1 (a hint) to MAX_WEIGHT (a strong sign)."""


@dataclass(frozen=True, slots=True)
class Signal:
    """An answer that points towards a career path: an option of a choice prompt picked, or a scale of a
    scale prompt rated towards one end (`direction`). `weight` says how strongly (1 to MAX_WEIGHT)."""

    prompt: str
    option: str = ""
    scale: str = ""
    weight: int = 1
    direction: Direction = "high"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Something to do on a path: what, and a first step to take this week."""

    what: str
    first_step: str = ""


@dataclass(frozen=True, slots=True)
class CareerPath:
    """A career path (Snoek & Lourens) the user can pick in a `paths` prompt; `signals` say which answers
    point towards it, `actions` and `people` (a role to talk to) are suggestions for the roadmap's steps."""

    id: str
    name: str
    description: str
    examples: tuple[str, ...] = ()
    asks: str = ""
    profiles: tuple[str, ...] = ()
    signals: tuple[Signal, ...] = ()
    actions: tuple[Suggestion, ...] = ()
    people: tuple[str, ...] = ()

    def for_profile(self, profile: str) -> bool:
        return not self.profiles or profile in self.profiles


Better = Literal["high", "low"]
"""Which end of a scale is the better one; a scale without (None) only describes."""


@dataclass(frozen=True, slots=True)
class Scale:
    """A five-point (or other) rating with words at both ends; `better` says which end is better, if any."""

    id: str
    label: str
    low: str
    high: str
    help: str = ""
    min: int = 1
    max: int = 5
    better: Better | None = None


@dataclass(frozen=True, slots=True)
class Prompt:
    """One question; `kind` decides which of the optional fields apply."""

    id: str
    kind: Kind
    label: str
    help: str = ""
    example: str = ""
    profiles: tuple[str, ...] = ()
    required: bool = False
    recall: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    allow_other: bool = False
    scales: tuple[str, ...] = ()
    then_now: bool = False
    paths: tuple[str, ...] = ()
    core: bool = False
    byline: Byline | None = None
    show_if: Condition | None = None
    """Shown only when this holds for the answers given before it (see conditions.py); None: always."""

    def for_profile(self, profile: str) -> bool:
        return not self.profiles or profile in self.profiles


@dataclass(frozen=True, slots=True)
class Section:
    """A step of the reflection: one of the five competencies, or the roadmap step."""

    id: str
    name: str
    question: str
    intro: str
    prompts: tuple[Prompt, ...]
    core_marked: bool = False
    """Whether the pack marks core prompts; when it marks none, every prompt is core (short route = full route)."""

    def prompts_for(self, profile: str, route: Route = "full") -> tuple[Prompt, ...]:
        """This profile's prompts, in order; on the short route only the core ones."""
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; expected one of {ROUTES}")
        short = route == "short" and self.core_marked
        return tuple(p for p in self.prompts if p.for_profile(profile) and (p.core or not short))


@dataclass(frozen=True, slots=True)
class PackInfo:
    """The pack's metadata from `pack.toml`."""

    id: str
    name: str
    language: str
    version: str = "1"
    description: str = ""
    authors: tuple[str, ...] = ()
    extends: str = ""
    """The pack this one builds on: "nl", "en" or a folder relative to this pack's; "" for none."""


@dataclass(frozen=True, slots=True)
class Pack:
    """A whole content pack, validated."""

    info: PackInfo
    folder: Path
    profiles: tuple[Profile, ...]
    competencies: tuple[Section, ...]
    roadmap: Section | None
    paths: tuple[CareerPath, ...]
    scales: tuple[Scale, ...]
    ui: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    _index: Mapping[str, tuple[Section, Prompt]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {p.id: (s, p) for s in self.sections for p in s.prompts}
        object.__setattr__(self, "_index", MappingProxyType(index))

    @property
    def has_short_route(self) -> bool:
        """Whether the pack marks core prompts, so that a short route differs from the full one."""
        return any(s.core_marked for s in self.sections)

    @property
    def sections(self) -> tuple[Section, ...]:
        """The steps in order: the five competencies, then the roadmap step if any."""
        return self.competencies + ((self.roadmap,) if self.roadmap else ())

    def byline_prompt(self, role: Byline) -> Prompt | None:
        """The prompt whose answer opens the roadmap as its author ("name"), school or course, or reader."""
        return next((p for s in self.sections for p in s.prompts if p.byline == role), None)

    def profile(self, profile_id: str) -> Profile | None:
        return next((p for p in self.profiles if p.id == profile_id), None)

    def prompt(self, prompt_id: str) -> Prompt | None:
        found = self._index.get(prompt_id)
        return found[1] if found else None

    def section_of(self, prompt_id: str) -> Section | None:
        found = self._index.get(prompt_id)
        return found[0] if found else None

    def path(self, path_id: str) -> CareerPath | None:
        return next((p for p in self.paths if p.id == path_id), None)

    def scale(self, scale_id: str) -> Scale | None:
        return next((s for s in self.scales if s.id == scale_id), None)

    def text(self, key: str, **values: object) -> str:
        """A UI string by key, with `{name}` placeholders filled in."""
        return self.ui.get(key, key).format_map(_Missing(values))


class _Missing(dict[str, object]):
    """Leaves an unknown `{name}` as it is instead of failing: a word is never worth a crash."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
