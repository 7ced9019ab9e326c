"""When a prompt (or one option of it) is shown: a `show_if` condition on earlier answers and the profile.

A pack writes a condition as an inline table (see condition_parse.py and docs/content-format.md):

    { prompt = "wil-motieven", has = "ontevreden" }                 # a choice or path was picked
    { prompt = "wil-balans", scale = "werkdruk", at_least = 4 }      # a score (the "now" one)
    { prompt = "kan-sterk", answered = true }                         # anything was answered
    { profile = ["ervaren", "starter"] }                               # who the user is
    { all = [ {...}, {...} ] }, { any = [ {...}, {...} ] }             # combined

Here a condition is a small tree of frozen objects. It is evaluated against `Facts` (what the user
answered, read by each prompt's kind: see trajects/visibility.py), so this module knows no kinds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol


class Facts(Protocol):
    """What a condition may ask about the user and their answers so far."""

    @property
    def profile(self) -> str: ...

    def picked(self, prompt_id: str) -> frozenset[str]:
        """The option or path ids picked in a prompt (empty when it is not answered or not shown)."""
        ...

    def score(self, prompt_id: str, scale: str) -> int | None:
        """A scale's score (the "now" one when asked then and now); None when there is none."""
        ...

    def answered(self, prompt_id: str) -> bool: ...


class Condition:
    """Base of every condition: `holds` says whether it is true, `prompts` which prompts it reads."""

    __slots__ = ()

    def holds(self, facts: Facts) -> bool:
        raise NotImplementedError

    def leaves(self) -> Iterator[Condition]:
        """The conditions inside (itself when it is no combination), depth first."""
        yield self

    def prompts(self) -> tuple[str, ...]:
        """The ids of the prompts this condition reads, in the order written."""
        return tuple(leaf.prompt for leaf in self.leaves() if isinstance(leaf, OnPrompt))


@dataclass(frozen=True, slots=True)
class OnPrompt(Condition):
    """A condition on one earlier prompt's answer."""

    prompt: str


@dataclass(frozen=True, slots=True)
class Has(OnPrompt):
    """`has = "x"`: option or path `x` is picked in a single or multiple choice prompt, or a paths prompt."""

    value: str

    def holds(self, facts: Facts) -> bool:
        return self.value in facts.picked(self.prompt)


@dataclass(frozen=True, slots=True)
class Score(OnPrompt):
    """`scale = "s", at_least = 4` and/or `at_most = 2`: a score on scale `s` of a scale prompt."""

    scale: str
    at_least: int | None = None
    at_most: int | None = None

    def holds(self, facts: Facts) -> bool:
        score = facts.score(self.prompt, self.scale)
        if score is None:
            return False
        return (self.at_least is None or score >= self.at_least) and (self.at_most is None or score <= self.at_most)


@dataclass(frozen=True, slots=True)
class Answered(OnPrompt):
    """`answered = true`: the prompt has any answer at all."""

    def holds(self, facts: Facts) -> bool:
        return facts.answered(self.prompt)


@dataclass(frozen=True, slots=True)
class InProfile(Condition):
    """`profile = [...]`: the user has one of these profiles."""

    profiles: tuple[str, ...]

    def holds(self, facts: Facts) -> bool:
        return facts.profile in self.profiles


@dataclass(frozen=True, slots=True)
class AllOf(Condition):
    """`all = [...]`: every part holds."""

    parts: tuple[Condition, ...]

    def holds(self, facts: Facts) -> bool:
        return all(part.holds(facts) for part in self.parts)

    def leaves(self) -> Iterator[Condition]:
        for part in self.parts:
            yield from part.leaves()


@dataclass(frozen=True, slots=True)
class AnyOf(Condition):
    """`any = [...]`: at least one part holds."""

    parts: tuple[Condition, ...]

    def holds(self, facts: Facts) -> bool:
        return any(part.holds(facts) for part in self.parts)

    def leaves(self) -> Iterator[Condition]:
        for part in self.parts:
            yield from part.leaves()


def depends_only_on_profile(condition: Condition) -> bool:
    """Whether the condition reads no answer (so it is settled once the profile is known)."""
    return not condition.prompts()
