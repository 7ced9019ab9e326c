"""The reflection's ways to other screens: the roadmap, a new check-in, the comparison, and back to
the start screen (ReflectionScreen's actions, apart so that reflection.py keeps to ~400 lines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.screen import Screen
from textual.widgets import Button

from ..session import Session
from .dialogs import Choice

if TYPE_CHECKING:
    from ..app import LoopbaanApp


class ReflectionExits(Screen[None]):
    """The reflection screen's actions that lead to another screen."""

    app: LoopbaanApp
    session: Session

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    @on(Button.Pressed, "#show-roadmap")
    def action_roadmap(self) -> None:
        from .roadmap import RoadmapScreen

        self.session.save_soon()
        self.app.push_screen(RoadmapScreen(self.session))

    @work
    async def action_checkin(self) -> None:
        """A new check-in: choose what to look at again; the reflection then shows it afresh."""
        from .checkins import CheckinDialog

        session = self.session
        chosen = await self.app.push_screen_wait(CheckinDialog(session.pack, session.traject))
        if chosen is not None:
            session.start_checkin(chosen, self.app.clock())
            # not awaited here: this worker belongs to the screen being replaced
            self.app.call_next(self.app.switch_screen, type(self)(session))

    def action_compare(self) -> None:
        from .checkins import CompareScreen

        self.app.push_screen(CompareScreen(self.session.pack, self.session.traject))

    @work
    async def action_leave(self) -> None:
        words = self.app.words
        if not self.session.save_now():
            answer = await self.app.push_screen_wait(
                Choice(
                    words("leave_unsaved_title"),
                    words("leave_unsaved_body"),
                    [("stay", words("button_stay")), ("leave", words("button_leave_anyway"))],
                    warning=True,
                )
            )
            if answer != "leave":
                return
        self.app.close_session()
        self.dismiss()
