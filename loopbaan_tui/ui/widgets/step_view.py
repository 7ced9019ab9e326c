"""One step of the reflection on screen: its question, what it is about, and its prompts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import DescendantFocus
from textual.widget import Widget
from textual.widgets import Button, Static

from ...domain.content.model import ROADMAP_SECTION, Prompt, Section
from ...domain.roadmap.older import older_answers
from ...domain.trajects.visibility import TrajectFacts
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
        self.conditional = any(p.show_if is not None or _has_option_conditions(p) for p in section.prompts)
        """Whether any of its prompts (or their options) has a show_if (else answers never change what it shows)."""
        self._kept: Widget | None = None
        """A prompt scrolled to the top that stays there while the step settles (`keep_at_top`)."""

    def compose(self) -> ComposeResult:
        words = self.words
        section, traject = self.section, self.session.traject
        # question, name and intro in one widget: a step's first lines cost one widget, not three
        head: list[str | Content] = [literal(section.question, "bold $accent"), "\n"]
        head.append(literal(section.name, "$foreground-muted"))
        if section.intro:
            head += ["\n\n", literal(section.intro)]
        yield Static(Content.assemble(*head), classes="step-head")
        prompts = list(section.prompts_for(traject.profile, traject.route))
        # An answer to a prompt the pack no longer asks this profile (content v2 gave support staff
        # motives of their own) stays on screen below the others: words on disk are never hidden.
        prompts += [
            p
            for p in section.prompts
            if p not in prompts and not p.for_profile(traject.profile) and p.id in traject.answers
        ]
        facts = TrajectFacts(self.session.pack, traject)
        number = 0
        for prompt in prompts:
            # A prompt whose show_if does not hold is there, hidden: it appears as the answers change,
            # with what was typed in it before.
            shown = facts.shown(prompt) or not prompt.for_profile(traject.profile)
            number += shown
            view = PromptView(number, prompt, self.session.pack, traject, words)
            view.display = shown
            yield view
        older = older_answers(self.session.pack, traject) if section is self.session.pack.sections[-1] else ()
        if older:  # at the end of the last step (the roadmap step, when the pack has one)
            yield OlderAnswers(older, words)
        if section.id == ROADMAP_SECTION:
            yield Button(literal(words("button_roadmap")), id="show-roadmap", variant="primary")

    def keep_at_top(self, view: Widget) -> None:
        """`view` was scrolled to the top: keep it there while the step's content settles (texts above it
        re-wrap once their width is known, before or after the scroll), until the focus leaves it or a
        second has passed. Whichever comes first, the step then ends up the same."""
        self._kept = view
        self.set_timer(1.0, self._let_go)

    def _let_go(self) -> None:
        self._kept = None

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        kept = self._kept
        if kept is not None and event.widget is not kept and kept not in event.widget.ancestors:
            self._kept = None

    def watch_virtual_size(self) -> None:
        """Its content grew or shrank after it was scrolled (a text re-wrapped once its width was known,
        a help text opened): the prompt kept at the top stays there, else a focused field pushed out of
        view is brought back into it."""
        if not self.is_attached:
            return
        if self._kept is not None and self._kept.is_attached:
            self.call_after_refresh(self._back_to_top, self._kept)
            return
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            self.call_after_refresh(self._bring_back, focused)

    def _back_to_top(self, view: Widget) -> None:
        if view is self._kept and view.is_attached:
            self.scroll_to_widget(view, animate=False, top=True)

    def _bring_back(self, widget: Widget) -> None:
        if widget is self.screen.focused and widget.is_attached and not self.region.overlaps(widget.region):
            self.scroll_to_widget(widget, animate=False)

    def refresh_shown(self, facts: TrajectFacts) -> None:
        """Show the prompts whose show_if holds now and hide the others, numbered as shown. Nothing
        else moves: focus stays where it is, and a hidden prompt keeps its editor and what it holds."""
        if not self.conditional:
            return
        number = 0
        for view in self.query_children(PromptView):
            prompt = view.prompt
            shown = facts.shown(prompt) or not prompt.for_profile(facts.profile)
            number += shown
            if view.display != shown:
                view.display = shown
            if shown:
                view.set_number(number)
            if _has_option_conditions(prompt):
                view.call_later(view.refresh_options)


def _has_option_conditions(prompt: Prompt) -> bool:
    return any(option.show_if is not None for option in prompt.options)


def condition_inputs(sections: Iterable[Section]) -> frozenset[str]:
    """The prompts whose answers a `show_if` (of a prompt or an option) reads: only a change to one of
    them can show or hide a prompt or an option."""
    return frozenset(
        prompt_id
        for section in sections
        for prompt in section.prompts
        for condition in (prompt.show_if, *(option.show_if for option in prompt.options))
        if condition is not None
        for prompt_id in condition.prompts()
    )
