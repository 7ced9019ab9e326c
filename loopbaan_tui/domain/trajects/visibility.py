"""Which prompts (and options) a traject shows: a prompt's `show_if` read against the answers so far.

A condition looks only at earlier prompts (the pack check makes sure). The answer of a prompt that is
itself hidden counts as no answer, as in a form where a question that does not apply is skipped: its
answer stays in the file, but nothing follows from it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..content.model import Option, Pack, Prompt, Route, Section
from ..kinds import Answer, ChoiceAnswer, PathsAnswer, ScaleAnswer, ValueKind, kind_of

if TYPE_CHECKING:  # traject.py counts progress with this module
    from .traject import Traject


class TrajectFacts:
    """The `Facts` a condition reads (conditions.Facts), from one traject's answers."""

    def __init__(self, pack: Pack, traject: Traject) -> None:
        self.pack = pack
        self.traject = traject
        self._shown: dict[str, bool] = {}

    @property
    def profile(self) -> str:
        return self.traject.profile

    def shown(self, prompt: Prompt) -> bool:
        """Whether the prompt is shown for the answers given (route aside: see `visible_prompts`)."""
        if prompt.id not in self._shown:
            self._shown[prompt.id] = False  # a cycle (which the pack check rules out) ends hidden
            condition = prompt.show_if
            self._shown[prompt.id] = prompt.for_profile(self.profile) and (condition is None or condition.holds(self))
        return self._shown[prompt.id]

    def _counted(self, prompt_id: str) -> Prompt | None:
        """The prompt when its answer counts: it exists and is shown."""
        prompt = self.pack.prompt(prompt_id)
        return prompt if prompt is not None and self.shown(prompt) else None

    def _answer(self, prompt: Prompt) -> Answer | None:
        kind = kind_of(prompt)
        return kind.read(prompt, self.traject.answer(prompt.id)) if isinstance(kind, ValueKind) else None

    def picked(self, prompt_id: str) -> frozenset[str]:
        prompt = self._counted(prompt_id)
        if prompt is None:
            return frozenset()
        answer = self._answer(prompt)
        if isinstance(answer, ChoiceAnswer):
            return frozenset(answer.choices)
        if isinstance(answer, PathsAnswer):
            return frozenset(pick.path for pick in answer.picks)
        return frozenset()

    def score(self, prompt_id: str, scale: str) -> int | None:
        prompt = self._counted(prompt_id)
        if prompt is None:
            return None
        answer = self._answer(prompt)
        if not isinstance(answer, ScaleAnswer):
            return None
        return next((r.now if r.now is not None else r.then for r in answer.ratings if r.scale == scale), None)

    def answered(self, prompt_id: str) -> bool:
        prompt = self._counted(prompt_id)
        return prompt is not None and kind_of(prompt).answered(prompt, self.traject.answer(prompt_id))


def is_shown(pack: Pack, prompt: Prompt, traject: Traject) -> bool:
    """Whether the traject shows this prompt: it is for the profile and its `show_if` holds."""
    return TrajectFacts(pack, traject).shown(prompt)


def visible_prompts(pack: Pack, section: Section, traject: Traject, route: Route | None = None) -> tuple[Prompt, ...]:
    """The step's prompts the traject shows, in order: for its profile and route (its own when not
    given), and whose `show_if` holds for the answers so far."""
    facts = TrajectFacts(pack, traject)
    prompts = section.prompts_for(traject.profile, traject.route if route is None else route)
    return tuple(p for p in prompts if facts.shown(p))


def visible_options(pack: Pack, prompt: Prompt, traject: Traject) -> tuple[Option, ...]:
    """The prompt's options the traject shows (an option's `show_if` reads earlier prompts, like a prompt's)."""
    facts = TrajectFacts(pack, traject)
    return tuple(o for o in prompt.options if o.show_if is None or o.show_if.holds(facts))


def as_shown(pack: Pack, prompt: Prompt, traject: Traject) -> Prompt:
    """The prompt with only the options the traject shows: what its editor offers, and what an edit
    can change (a stored choice of a hidden option stays, as one of an option since removed does)."""
    if all(option.show_if is None for option in prompt.options):
        return prompt
    return replace(prompt, options=visible_options(pack, prompt, traject))
