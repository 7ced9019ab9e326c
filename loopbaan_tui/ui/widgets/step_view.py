"""One step of the reflection on screen: its question, what it is about, and its prompts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from ...domain.content.model import ROADMAP_SECTION, Section
from ...domain.roadmap.older import older_answers
from ..text import literal
from .older_answers import OlderAnswers
from .prompt_view import PromptView

if TYPE_CHECKING:
    from ..session import Session


class StepView(VerticalScroll, can_focus=False):
    """One step: its question, what it is about, and its prompts for this profile. Not a Tab stop of
    its own: focus goes from the rail straight to the first answer (PageUp/PageDown scroll it)."""

    def __init__(self, section: Section, session: Session, words: Callable[..., str]) -> None:
        super().__init__(id=f"step-{section.id}", classes="step")
        self.section = section
        self.session = session
        self.words = words

    def compose(self) -> ComposeResult:
        words = self.words
        section, traject = self.section, self.session.traject
        yield Static(literal(section.question), classes="step-question")
        yield Static(literal(section.name), classes="step-name")
        yield Static(literal(section.intro), classes="step-intro")
        prompts = list(section.prompts_for(traject.profile, traject.route))
        # An answer to a prompt the pack no longer asks this profile (content v2 gave support staff
        # motives of their own) stays on screen below the others: words on disk are never hidden.
        prompts += [
            p
            for p in section.prompts
            if p not in prompts and not p.for_profile(traject.profile) and p.id in traject.answers
        ]
        for number, prompt in enumerate(prompts, start=1):
            yield PromptView(number, prompt, self.session.pack, traject, words)
        older = older_answers(self.session.pack, traject) if section is self.session.pack.sections[-1] else ()
        if older:  # at the end of the last step (the roadmap step, when the pack has one)
            yield OlderAnswers(older, words)
        if section.id == ROADMAP_SECTION:
            yield Button(literal(words("button_roadmap")), id="show-roadmap", variant="primary")
