"""`loopbaan --content MAP --watch`: the pack reloaded while the app runs, for a course leader who edits it.

Every second the folder is polled off the event loop (domain/content/watch.py). A good pack replaces
the app's; an open reflection on that pack is rebuilt with it (once it is on top again, when the
roadmap or help is open), its fields handed to the session first, so nothing typed is lost. A pack
with problems is reported in a notification, and the previous good pack stays in use until they are fixed.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.content.loader import LoadResult
from ..domain.content.model import Pack
from ..domain.content.watch import PackWatcher

if TYPE_CHECKING:
    from .app import LoopbaanApp

POLL_SECONDS = 1.0
SHOWN_PROBLEMS = 3
"""How many problems a notification lists (`loopbaan check` lists them all)."""


class PackWatch:
    """Polls the pack folder for the app and puts a good new pack in use."""

    def __init__(self, app: LoopbaanApp, folder: Path) -> None:
        self.app = app
        self.folder = folder.resolve()
        self.watcher = PackWatcher(self.folder)
        self._busy = False
        self.problems: tuple[str, ...] = ()
        """The problems last reported (first lines), so the same ones are not repeated; () while the pack is good."""
        self._pending: Pack | None = None  # a new pack for the open reflection, once it is on top

    def start(self) -> None:
        self.app.set_interval(POLL_SECONDS, self.check_now, name="pack-watch")

    async def check_now(self) -> None:
        """Poll once (off the event loop) and act on what changed; a poll still running is not doubled."""
        if self._busy:
            return
        self._busy = True
        try:
            result = await asyncio.to_thread(self.watcher.poll)
            if result is not None:
                await self._apply(result)
            await self._catch_up()
        finally:
            self._busy = False

    async def _apply(self, result: LoadResult) -> None:
        app = self.app
        if result.pack is None:
            language = app.pack.info.language
            lines = tuple(problem.render(language).split("\n")[0] for problem in result.problems)
            if lines != self.problems:
                self.problems = lines
                shown = "\n".join(lines[:SHOWN_PROBLEMS]) + ("\n…" if len(lines) > SHOWN_PROBLEMS else "")
                title = app.words("watch_problems", count=len(lines))
                app.notify(shown, title=title, severity="error", timeout=30)
            return
        self.problems = ()
        await self._use(result.pack)
        app.notify(app.words("watch_reloaded", name=result.pack.info.name), timeout=3)

    async def _use(self, pack: Pack) -> None:
        """Put the new pack in use: for new trajecten at once, in the open reflection when it uses this pack."""
        app = self.app
        app.replace_pack(pack)
        if app.session is not None and app.session.pack.folder == pack.folder:
            self._pending = pack
        await self._catch_up()

    async def _catch_up(self) -> None:
        """Rebuild the open reflection with the new pack once it is on top (not under the roadmap or help)."""
        from .screens.reflection import ReflectionScreen

        app, pack = self.app, self._pending
        if pack is None:
            return
        session = app.session
        if session is None or session.pack.folder != pack.folder:  # left, or another traject opened
            self._pending = None
            return
        screen = app.screen
        if isinstance(screen, ReflectionScreen) and screen.session is session:
            self._pending = None
            screen.flush()  # what the fields show goes to the session before they go
            session.pack = pack
            app.hold_keys()  # what is typed meanwhile goes to the rebuilt reflection's field (it lets them go)
            await app.switch_screen(ReflectionScreen(session))
