"""The reflection's prompts: the one being answered (its help, whether it is private) and the answers as
they are typed, each change handed to the session and the rail and the steps told what it changes
(ReflectionScreen's handlers, apart so that reflection.py keeps to ~400 lines)."""

from __future__ import annotations

from textual import on
from textual.widgets import ContentSwitcher

from ...domain.trajects.text import LARGE_ANSWER
from ...domain.trajects.traject import is_answered
from ...domain.trajects.visibility import TrajectFacts
from ..session import Session
from ..widgets.editors import AnswerChanged
from ..widgets.prompt_view import PromptView
from ..widgets.rail import StepRail
from ..widgets.step_view import StepView, condition_inputs
from .reflection_exits import ReflectionExits


class ReflectionPrompts(ReflectionExits):
    """The reflection screen's prompts and their answers: the current one, its help and privacy, changes and saving."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._told_large: set[str] = set()  # prompts whose answer is past LARGE_ANSWER, said once
        self._condition_inputs = condition_inputs(session.pack.sections)  # answers that can show or hide prompts
        self._answers_version = 0  # answers changed so far (a step shows them again when it is entered)

    def _show_focused(self) -> None:
        """Scroll just enough that the focused widget is in view."""
        if self.focused is not None:
            self.focused.scroll_visible(animate=False)

    def _current_step(self) -> StepView | None:
        switcher = self.query_one("#steps", ContentSwitcher)  # none, right after a switch of route
        shown = switcher.query_children(f"#{switcher.current}") if switcher.current else None
        return shown.first(StepView) if shown else None

    def _prompt_views(self) -> list[PromptView]:
        """The current step's prompts on screen (not the ones a show_if hides)."""
        step = self._current_step()
        return step.prompt_views() if step else []

    def _current_prompt(self) -> PromptView | None:
        node = self.focused
        while node is not None and not isinstance(node, PromptView):
            node = node.parent  # type: ignore[assignment]
        return node

    async def action_toggle_help(self) -> None:
        view = self._current_prompt()
        if view is not None:
            await view.toggle_help()
            if not view.has_class("-show-help"):
                self._show_question(view)
            self.call_after_refresh(self._show_focused)  # the help opens above the field: keep it in view

    def _show_question(self, view: PromptView) -> None:
        """The help just closed: scroll up to the prompt's question where it is above the window (else the
        view stayed where the open help had put it: the field at the top, its question out of sight). The
        question's place in the step does not move when the help below it goes."""
        step = self._current_step()
        if step is not None:
            top = view.region.y - view.styles.margin.top - step.region.y + round(step.scroll_y)
            if step.scroll_y > top:
                step.scroll_to(y=max(top, 0), animate=False, immediate=True)

    def flush(self) -> None:
        """Give the session what the current step's fields hold now (on quit: keys just typed may not
        have reached the session through the editors' messages yet)."""
        for view in self._prompt_views():
            edited, answer = view.edited_answer()
            if edited:
                self._answer_changed(AnswerChanged(view.prompt.id, answer))

    def action_toggle_private(self) -> None:
        view = self._current_prompt()
        if view is None:
            return
        private = view.prompt.id not in self.session.traject.private
        self.session.set_private(view.prompt.id, private)
        view.refresh_heading()
        self.notify(self.app.words("private_on" if private else "private_off"), timeout=3)

    # Answers and saving

    def _tell_if_large(self, prompt_id: str, value: object) -> None:
        if isinstance(value, str) and len(value) > LARGE_ANSWER and prompt_id not in self._told_large:
            self._told_large.add(prompt_id)
            size = f"{len(value):,}".replace(",", ".")
            self.notify(self.app.words("answer_large", size=size), severity="warning", timeout=12)

    @on(AnswerChanged)
    def _answer_changed(self, event: AnswerChanged) -> None:
        """Per key typed: the least that can change with it is redrawn (the rail only when the answer
        went from empty to answered or back, the steps only when a `show_if` reads this answer)."""
        event.stop()  # the app has no use for it
        self._tell_if_large(event.prompt_id, event.value)
        traject, prompt = self.session.traject, self.session.pack.prompt(event.prompt_id)
        was_answered = prompt is not None and is_answered(prompt, traject.answer(event.prompt_id))
        if not self.session.set_answer(event.prompt_id, event.value):
            return
        self._answers_version += 1
        if event.prompt_id in self._condition_inputs:  # it may show or hide prompts, here or in a later step
            facts = TrajectFacts(self.session.pack, traject)
            for step in self.query_one("#steps", ContentSwitcher).query_children(StepView):
                step.refresh_shown(facts)
            self.query_one(StepRail).refresh_progress()
        elif prompt is not None and is_answered(prompt, traject.answer(event.prompt_id)) != was_answered:
            section = self.session.pack.section_of(event.prompt_id)
            self.query_one(StepRail).refresh_progress(section.id if section is not None else None)

    def action_save(self) -> None:
        if self.session.save_now():
            self.notify(self.app.words("saved_now"), timeout=2)
