"""One step of the reflection on screen: its question, what it is about, and its prompts."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import DescendantFocus, Hide, Resize, Show
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import AwaitMount, MountError, Widget
from textual.widgets import Button, ContentSwitcher, Static

from ...domain.content.model import ROADMAP_SECTION, Prompt, Section
from ...domain.roadmap.older import older_answers
from ...domain.trajects.visibility import TrajectFacts
from ..text import literal
from .older_answers import OlderAnswers
from .prompt_view import PromptView

if TYPE_CHECKING:
    from ..session import Session


SETTLE = 0.3
"""Seconds after a switch of step before the next step is mounted in the background (`mount_ahead`)."""

HUSHED = (Show, Hide, Resize)
"""The messages Textual's layout posts to every widget of a step that is shown or hidden (`hush`)."""


class StepSwitcher(ContentSwitcher):
    """The steps, one shown. A switch of step does not draw the switcher itself again: the step shown
    covers all of it (Textual's `current` repainted it, 21 lines of background, on every switch)."""

    current: reactive[str | None] = reactive[str | None](None, init=False, repaint=False)


class StepView(VerticalScroll, can_focus=False):
    """One step: its question, what it is about, and its prompts for this profile. Not a Tab stop of
    its own: focus goes from the rail straight to the first answer (PageUp/PageDown scroll it)."""

    BLANK = True
    """It draws nothing but its background (`.step` has padding, no border): its lines are blank ones,
    not worked out and cached line by line, which a switch of step did again for every line (the
    display change repaints it)."""

    def __init__(self, section: Section, session: Session, words: Callable[..., str]) -> None:
        super().__init__(id=f"step-{section.id}", classes="step")
        self.section = section
        self.session = session
        self.words = words
        self.conditional = any(p.show_if is not None or _has_option_conditions(p) for p in section.prompts)
        """Whether any of its prompts (or their options) has a show_if (else answers never change what it shows)."""
        self._kept: Widget | None = None
        """A prompt scrolled to the top that stays there while the step settles (`keep_at_top`)."""
        self._entry: tuple[Size, Size, int] | None = None
        """Where the step scrolls to when it is entered (`note_entry`): the terminal's size and the
        step's virtual size it was worked out for, and the scroll; None when not known or when its
        content changed since."""
        # Most steps overflow: with the scrollbar there from the start, the first layout is the last one
        # (else it appears once the step's height is known, a second layout and frame). A step that fits
        # drops it after its first layout (its gutter is kept: nothing re-wraps).
        self.set_reactive(VerticalScroll.show_vertical_scrollbar, True)
        self.recalled_at = -1
        """The screen's count of answer changes when its prompts last showed the earlier answers they recall."""

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

    def prompt_views(self) -> list[PromptView]:
        """Its prompts on screen (not the ones a show_if hides)."""
        return [view for view in self.query_children(PromptView) if view.display]

    def recall(self, answers_version: int) -> None:
        """Its prompts show the earlier answers again, when an answer changed since they last did
        (`answers_version`: the screen's count of answer changes)."""
        if self.recalled_at == answers_version:
            return
        self.recalled_at = answers_version
        changed = False
        for view in self.query_children(PromptView):  # children: no walk of the whole step
            changed = view.refresh_recall() or changed
        if changed:
            self.content_changed()

    def note_entry(self, area: Size) -> None:
        """While the step is shown and laid out (it is being left): remember where entering it scrolls
        to, its first answer in view with as much of the step above it as fits, so that the next visit
        is drawn in place, in one frame. `area` is the size of the terminal (the step fills the same
        part of it whatever the step). Worked out again only when the step's size changed."""
        if self._entry is not None and self._entry[:2] == (area, self.virtual_size):
            return
        views = self.prompt_views()
        target = views[0].first_field() if views else None
        if not self.scrollable_content_region:
            self._entry = None
        elif target is None:
            self._entry = (area, self.virtual_size, 0)
        elif target.region:
            self._entry = (area, self.virtual_size, entry_scroll(self, self._with_margins(target)))
        else:
            self._entry = None

    def hush(self, area: Size, *, entered: bool) -> None:
        """A switch of step: drop the messages that the next layout would post to each widget in it, for
        nothing (about 140 a switch, a tenth of a revisit's CPU): a `Show` to each widget of the step entered
        (no widget in a step handles it: Textual passes it on to scrollbars), a `Resize` to each as well when
        the step is laid out for this terminal and unchanged since it was left (each widget gets the size it
        had: a text field would re-wrap all its text for it), and a `Hide` to each widget of the step left
        but the one with the focus (for it Textual moves the focus away). The step itself gets them all (its
        scrollbar); they are let through again once the screen has been refreshed."""
        messages: tuple[type[Message], ...] = (Show, Resize) if self.entry_scroll(area) is not None else (Show,)
        focused = self.screen.focused
        widgets = [w for w in self.walk_children(Widget) if entered or w is not focused]
        for widget in widgets:
            widget.disable_messages(*(messages if entered else (Hide,)))
        self.app.call_after_refresh(_let_through, widgets)

    def _with_margins(self, widget: Widget) -> Region:
        """Its region on screen with its margin and those of the widgets around it up to the step, as
        Textual's `scroll_to_widget` keeps them in view."""
        region = widget.region.grow(widget.styles.margin)
        node = widget.parent
        while isinstance(node, Widget) and node is not self:
            region = region.grow(node.styles.margin).intersection(node.region.grow(node.styles.margin))
            node = node.parent
        return region

    def entry_scroll(self, area: Size) -> int | None:
        """Where entering the step scrolls to, when its layout is known for a terminal of this size."""
        entry = self._entry
        return entry[2] if entry is not None and entry[0] == area else None

    def content_changed(self) -> None:
        """Something in it was shown, hidden or re-worded while it was off screen: lay it out first."""
        self._entry = None

    def keep_at_top(self, view: Widget) -> None:
        """`view` was scrolled to the top: keep it there while the step's content settles (texts above it
        re-wrap once their width is known, before or after the scroll), until the focus leaves it or a
        second has passed. Whichever comes first, the step then ends up the same."""
        self._kept = view
        self.set_timer(1.0, self._let_go)

    @property
    def kept(self) -> Widget | None:
        """The prompt kept at the top while the step settles (`keep_at_top`), if any."""
        return self._kept

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
                self.content_changed()
            if shown:
                view.set_number(number)
            if _has_option_conditions(prompt):
                view.call_later(self._refresh_options, view)

    async def _refresh_options(self, view: PromptView) -> None:
        if await view.refresh_options():
            self.content_changed()


async def mount_ahead(
    switcher: Widget,
    sections: Sequence[Section],
    shown: int,
    make: Callable[[Section], StepView],
    mounting: dict[str, AwaitMount],
    pause: float,
    switched: Callable[[], float] = lambda: 0.0,
    first_pause: float | None = None,
) -> None:
    """Mount the steps not mounted yet into `switcher`, hidden, one by one with `pause` seconds before
    each: first the one after step `shown` (where Ctrl+N goes), then the others in order. While a step
    mounts, `mounting` holds its mount (a switch to it waits for it). Within SETTLE seconds of a switch
    of step (`switched()`: its time.monotonic(); inf while one is under way: a step being mounted for a
    key is not slowed down by another) it waits: the step shown settles before the next one is mounted
    beside it. `first_pause`: the seconds before the first one, when not `pause`."""
    order = (*sections[shown + 1 : shown + 2], *sections[: shown + 1], *sections[shown + 2 :])
    for number, section in enumerate(order):
        await asyncio.sleep(first_pause if number == 0 and first_pause is not None else pause)
        while time.monotonic() - switched() < SETTLE:
            await asyncio.sleep(pause)
        if not switcher.is_attached:  # the reflection was left meanwhile
            return
        step_id = f"step-{section.id}"
        if switcher.query_children(f"#{step_id}"):
            continue
        view = make(section)
        view.display = False
        try:
            mounting[step_id] = switcher.mount(view)
            await mounting[step_id]
        except MountError:  # left while mounting: nothing to show it in any more
            return
        finally:
            mounting.pop(step_id, None)


def _let_through(widgets: Iterable[Widget]) -> None:
    for widget in widgets:
        widget.enable_messages(*HUSHED)


def entry_scroll(step: Widget, target: Region) -> int:
    """The scroll of `step` that shows `target` (in screen coordinates, laid out at the step's present
    scroll) from the top of the step: not at all when it is in view there, else just far enough."""
    window = step.scrollable_content_region
    virtual = target.translate((-window.x, int(step.scroll_y) - window.y))
    delta = Region.get_scroll_to_visible(Region(0, 0, window.width, window.height), virtual).y
    return max(0, min(delta, int(step.max_scroll_y)))


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
