"""The reflection: the steps in a rail, one step's prompts beside it, saved as you go."""

from __future__ import annotations

import asyncio
import math
import time
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.css.query import QueryType
from textual.events import DescendantFocus, Resize, ScreenResume
from textual.geometry import Region, Size
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, OptionList, Static

from ...domain.content.model import Section
from ..collector import MOUNT_AHEAD
from ..key_hints import hint_for
from ..keys import HELP_KEY, localize_bindings
from ..session import Session
from ..text import literal
from ..textual_private import asked_by_own_mount, lay_out_now, layout_stamp, style_focus_now
from ..widgets.key_footer import KeyFooter
from ..widgets.prompt_view import PromptView
from ..widgets.rail import StepRail
from ..widgets.save_status import SaveStatus
from ..widgets.step_view import SETTLE, StepSwitcher, StepView, mount_ahead
from ..widgets.text_fields import LineField
from .paging import page_target
from .reflection_prompts import ReflectionPrompts

if TYPE_CHECKING:
    from typing import Self

    from textual.messages import Layout

    from ..app import LoopbaanApp


class ReflectionScreen(ReflectionPrompts):
    """Where the work happens."""

    app: LoopbaanApp
    # Not `focused` without its repaint (~10 ms of a revisit's ~63 CPU): a move of the focus between
    # prompts then drew a frame with the focus bar on both (tests/test_partial_updates.py).
    AUTO_FOCUS = ""  # not the rail first: the first frame has the focus where it stays (`_focus_prompt`)
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP_KEY,
        Binding("ctrl+n", "step(1)", "Volgende stap", id="next_step"),
        Binding("ctrl+b", "step(-1)", "Vorige stap", id="previous_step", show=False),
        Binding("ctrl+down", "prompt(1)", "Volgende vraag", id="next_prompt", show=False),
        Binding("ctrl+up", "prompt(-1)", "Vorige vraag", id="previous_prompt", show=False),
        Binding("f2", "toggle_help", "Uitleg", id="explain"),
        Binding("f3", "toggle_private", "Privé", id="private"),
        Binding("ctrl+r", "roadmap", "Roadmap", id="roadmap"),
        # priority: in a text field Ctrl+K would delete to the end of the line, a surprise; it switches here.
        # Not in the footer (at 80 columns it would push Back and Quit out): F1 and the switch itself say it
        Binding("ctrl+k", "route", "Kort/volledig", id="route", priority=True, show=False),
        Binding("ctrl+s", "save", "Opslaan", id="save", show=False),
        Binding("ctrl+o", "checkin", "Check-in", id="checkin", show=False),
        Binding("ctrl+l", "compare", "Vergelijken", id="compare", show=False),
        Binding("escape", "leave", "Terug", id="back"),
        Binding("pagedown", "page(1)", show=False, priority=True, id="page_down"),
        Binding("pageup", "page(-1)", show=False, priority=True, id="page_up"),
        *(Binding(f"f{n + 4}", f"goto({n - 1})", show=False, priority=True, id="goto") for n in range(1, 6)),
    ]

    def __init__(self, session: Session, *, checkin: bool = False) -> None:
        super().__init__(session)
        self._ask_checkin = checkin  # opened to begin a new check-in (the start screen's "c")
        self.sections = session.pack.sections
        self._step = 0
        self._mounting: dict[str, AwaitMount] = {}  # step id -> its mount by _mount_ahead, while it runs
        self._hint = ""  # the word the key hint shows
        self.entered_backwards: Widget | None = None  # the widget Shift+Tab last moved the focus to
        self._switched_at = 0.0  # time.monotonic() of the last switch of step, inf in one (steps mounted ahead wait)
        self._resumed = False  # shown before (on_screen_resume)
        self._drawn = asyncio.Event()  # set once the first frame is drawn
        self._laid_out_for: Size | None = None  # the size of the first layout, until its Resize comes (on_resize)
        self._laid_out_mounted: Size | None = None  # the same, kept (refresh)
        self._laid_out_since = -math.inf  # when that layout began (on_layout)

    def compose(self) -> ComposeResult:
        words, traject = self.app.words, self.session.traject
        profile = self.session.pack.profile(traject.profile)
        with Horizontal(id="topbar"):
            title = f"{traject.name} · {profile.label if profile else traject.profile}"
            yield Static(literal(title), id="traject-title")
            yield SaveStatus(words)
        with Horizontal(id="body"):
            yield StepRail(self.sections, traject, words, self.session.pack)
            yield StepSwitcher(id="steps")
        yield Static(id="key-hint")
        yield KeyFooter()

    async def on_mount(self) -> None:
        localize_bindings(self, self.app.words)
        self.session.on_state = self.query_one(SaveStatus).show
        for prompt_id, value in self.session.traject.answers.items():
            self._tell_if_large(prompt_id, value)
        last = self.session.traject.last_prompt
        section = self.session.pack.section_of(last) if last else None
        index = next((i for i, s in enumerate(self.sections) if section is not None and s.id == section.id), 0)
        self.query_one(StepRail).highlighted = index
        await self.show_step(index, focus=not last)
        if last and not self._focus_prompt_id(last):
            self._focus_first()
        self.app.call_later(self.app.release_keys)  # held by the opener: after the focus has moved (queued)
        self._mount_ahead(first_pause=0.0)  # once the first frame is drawn (on_screen_resume)
        if self._ask_checkin:
            self.action_checkin()

    def on_screen_resume(self, event: ScreenResume) -> None:
        """The first time (after on_mount, before Textual's handler lays the screen out and draws it): the
        opening's first frame made its last. Laid out without drawing, the focused field (and the prompt
        kept at the top) scrolled into view, laid out again; not restyled: its widgets were styled as they
        mounted, just now (Textual's restyle of the whole screen on a resume: ~15% of the opening)."""
        if self._resumed:
            return
        self._resumed = True
        event.refresh_styles = False
        self.call_after_refresh(self._drawn.set)  # the steps mounted ahead wait for it
        step, focused = self._current_step(), self.focused
        if step is None or focused is None:
            return
        self._laid_out_since = layout_stamp()
        lay_out_now(self, final=True)
        self._laid_out_for = self._laid_out_mounted = self.app.size
        kept = step.kept is not None and step.scroll_to_widget(step.kept, top=True, animate=False, immediate=True)
        if self.scroll_to_widget(focused, animate=False, immediate=True) or kept:
            lay_out_now(self, scrolled=True, final=True)

    def _focus_prompt_id(self, prompt_id: str) -> bool:
        """Back where the user left off: the prompt last edited (when this profile still has it)."""
        view = next((v for v in self._prompt_views() if v.prompt.id == prompt_id), None)
        if view is not None:
            self._focus_prompt(view)
        return view is not None

    # Steps

    async def show_step(self, index: int, focus: bool = True) -> None:
        """Show a step, mounting it the first time it is visited. A step visited before, unchanged since,
        is drawn where entering it scrolls to in one frame (`StepView.note_entry`)."""
        index = max(0, min(len(self.sections) - 1, index))
        section = self.sections[index]
        self._switched_at = math.inf  # under way: no step is mounted ahead beside the one asked for (mount_ahead)
        switcher = self.query_one("#steps", ContentSwitcher)
        step_id = f"step-{section.id}"
        if step_id in self._mounting:
            await self._mounting[step_id]
        left = self._current_step()
        if left is not None and left.id != step_id:
            left.note_entry(self.app.size)
            left.hush(self.app.size, entered=False)
        existing = switcher.query_children(f"#{step_id}")
        if existing:
            existing.first(StepView).recall(self._answers_version)
            existing.first(StepView).hush(self.app.size, entered=True)
        else:
            await switcher.mount(self._new_step(section))
        if index != self._step:
            self.session.save_soon()
        self._step = index
        self._switched_at = time.monotonic()
        switcher.current = step_id
        rail = self.query_one(StepRail)
        if rail.highlighted != index:
            rail.highlighted = index
        if focus:
            self._focus_first()

    def _new_step(self, section: Section) -> StepView:
        step = StepView(section, self.session, self.app.words)
        step.recalled_at = self._answers_version  # its prompts show the earlier answers as they are now
        return step

    @work(exclusive=True, group=MOUNT_AHEAD)
    async def _mount_ahead(self, first_pause: float | None = None) -> None:
        """Mount the other steps, hidden, one by one while the first is read: mounting a step's
        widgets takes ~150 ms, too long for a switch, so a first visit is made as quick as a return.
        Not before the reflection's first frame is drawn, which is the settled one: the next step is
        mounted right after it (`first_pause`), where Ctrl+N right after opening finds it under way."""
        if (pause := self.app.mount_ahead_pause) is not None:
            opened = self._switched_at
            await self._drawn.wait()
            if first_pause is not None and self._switched_at == opened:  # no other step asked for since
                self._switched_at = time.monotonic() - SETTLE  # the first frame is the settled one
            switcher = self.query_one("#steps", ContentSwitcher)
            switched = lambda: self._switched_at  # noqa: E731
            await mount_ahead(
                switcher, self.sections, self._step, self._new_step, self._mounting, pause, switched, first_pause
            )

    def focus_previous(self, selector: str | type[QueryType] = "*") -> Widget | None:
        """Shift+Tab; a scale entered so starts in its last column (`entered_backwards`)."""
        self.entered_backwards = super().focus_previous(selector)
        return self.entered_backwards

    def _focus_first(self) -> None:
        """Focus the step's first answer, with as much of the step's question and intro in view as fits
        beside it: the field being typed in is always on screen. Scrolled there at once where the step was
        laid out before (one frame); else to its top, and to the field once laid out."""
        views = self._prompt_views()
        if views:
            self._focus_prompt(views[0], scroll=False)
        step = self._current_step()
        if step is None:
            return
        entry = step.entry_scroll(self.app.size)
        step.scroll_to(y=entry or 0, animate=False, immediate=True)
        if entry is None and self._resumed:  # a first visit: laid out now, drawn once where it ends up
            self._lay_out_focused()
        else:  # drawn in place (a revisit), or the opening's first frame (on_screen_resume)
            self.call_after_refresh(self._show_focused)  # moves nothing when the step was drawn in place

    def _lay_out_focused(self) -> None:
        """Lay the screen out now, without drawing, with the focused field scrolled into view: the frame
        drawn after this handler shows the step, its focus bar, the key hint and the rail's highlight
        where they end up (else the step is drawn at its top first and scrolled to the field a frame later)."""
        focused = self.focused
        if focused is not None:
            style_focus_now(focused)
        lay_out_now(self, final=True)
        if focused is not None and self.scroll_to_widget(focused, animate=False, immediate=True):
            lay_out_now(self, scrolled=True)

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        """Without the layout (and repaint) Textual asks for once the screen has mounted, after its first frame
        (textual_private.asked_by_own_mount): on_screen_resume laid it out after its mount, for that frame;
        what changed since asks for its own layout."""
        if layout and self._laid_out_mounted == self.app.size and asked_by_own_mount(self):
            return self  # nor drawn whole again: its first frame drew it all
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def on_layout(self, message: Layout) -> None:
        """A widget's layout request sent before the screen's first layout (on_screen_resume) began is in
        that layout: Textual laid the whole screen out again for it, after the first frame, to the same
        result (the requests the widgets made while they mounted, still queued)."""
        if message.time < self._laid_out_since:
            message.stop()
            message.prevent_default()

    def on_resize(self, event: Resize) -> None:
        """A smaller window re-wraps the step: the field being typed in stays in view. Not the Resize of the
        screen's first layout (on_screen_resume), at the size it was laid out for: Textual would lay the
        whole screen out again for it (Screen._on_resize: ~10% of the opening), to the same result."""
        if event.size == self._laid_out_for:
            self._laid_out_for = None
            event.prevent_default()
            return
        self.call_after_refresh(self._show_focused)

    def _focus_prompt(self, view: PromptView, scroll: bool = True) -> None:
        target = view.first_field()
        if target is not None:
            current = self._current_prompt()
            if current is not None and current is not view:
                current.show_focus_bar(False)
            view.show_focus_bar(True)
            self._show_hint(target)  # bar and hint in the frame that shows the step
            self.set_focus(target, scroll_visible=scroll)  # now, not queued: its styles in that frame too
        if scroll:
            view.scroll_visible(top=True)
            if (step := self._current_step()) is not None:
                step.keep_at_top(view)  # also while the step settles

    @on(OptionList.OptionHighlighted, "#rail")
    async def _rail_moved(self, event: OptionList.OptionHighlighted) -> None:
        # only the rail's present highlight: an older message (from before a step was chosen by key)
        # would switch back, and the two would go on switching each other for ever
        if event.option_index == event.option_list.highlighted and event.option_index != self._step:
            await self.show_step(event.option_index, focus=False)

    @on(OptionList.OptionSelected, "#rail")
    async def _rail_chosen(self, event: OptionList.OptionSelected) -> None:
        await self.show_step(event.option_index)

    async def action_step(self, delta: int) -> None:
        await self.show_step(self._step + delta)

    async def action_goto(self, index: int) -> None:
        await self.show_step(index)

    async def action_prompt(self, delta: int) -> None:
        views = self._prompt_views()
        if not views:
            return
        current = self._current_prompt()
        index = views.index(current) + delta if current in views else 0
        if 0 <= index < len(views):
            self._focus_prompt(views[index])
        elif index >= len(views) and self._step < len(self.sections) - 1:
            await self.show_step(self._step + 1)
        elif index < 0 and self._step > 0:  # before the first question: the previous step's last one
            await self.show_step(self._step - 1, focus=False)
            earlier = self._prompt_views()
            if earlier:
                self._focus_prompt(earlier[-1], scroll=False)
                self.call_after_refresh(self._show_focused)  # once the step is laid out

    def action_page(self, delta: int) -> None:
        """A page down (or up), taking the focus along: to the first question that starts a page further,
        shown at the top; past the end, the last (or first) question."""
        step, views = self._current_step(), self._prompt_views()
        if step is None or not views:
            return
        target = page_target(views, self._current_prompt(), step, delta)
        self._focus_prompt(target)
        self.call_after_refresh(self._show_focused)

    # The route

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The route key only for a pack with a short route (elsewhere it is not in the footer either)."""
        return self.session.pack.has_short_route if action == "route" else True

    async def action_route(self) -> None:
        """Switch between the short and the full route. No answer is touched: the steps are built again
        for the other route, the focus stays on the same prompt when the new route has it."""
        traject = self.session.traject
        self.flush()  # what the fields hold reaches the session before they go
        current = self._current_prompt()
        prompt_id = current.prompt.id if current is not None else ""
        pending = list(self._mounting.values())
        self.workers.cancel_group(self, MOUNT_AHEAD)
        for mounting in pending:
            await mounting
        traject.set_route("full" if traject.route == "short" else "short")
        self.session.changed()
        await self.query_one("#steps", ContentSwitcher).remove_children()
        self.query_one(StepRail).refresh_progress()
        await self.show_step(self._step, focus=False)
        views = self._prompt_views()
        target = next((v for v in views if v.prompt.id == prompt_id), views[0] if views else None)
        if target is not None:
            self._focus_prompt(target, scroll=False)
            self.call_after_refresh(self._show_focused)
        self.notify(self.app.words("route_now_short" if traject.route == "short" else "route_now_full"), timeout=4)
        self._mount_ahead()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # the focus as it is now: a message about an earlier focus may come after a later one's
        self._show_hint(self.focused or event.widget)

    def _show_hint(self, widget: Widget) -> None:
        """Say what keys the field being answered takes (the footer: the screen's own), only on a change."""
        word = hint_for(widget)
        if word != self._hint:
            self._hint = word
            self.query_one("#key-hint", Static).update(literal(self.app.words(word)))

    @on(LineField.Submitted)
    def _line_done(self) -> None:
        """Enter in a one-line answer moves on, as Tab does."""
        self.focus_next()
