"""The start screen: your trajecten, newest first; start a new one, open one, remove one, or look at an
example first."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import ScreenResume
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.content.model import Pack
from ...domain.content.problems import Problem
from ...domain.trajects.storage import DamagedTraject, StorageError, TrajectLock, TrajectLocked, TrajectSummary
from ...domain.trajects.traject import Traject
from .. import collector
from ..keys import HELP_KEY, localize_bindings
from ..text import literal
from ..widgets.key_footer import KeyFooter
from ..widgets.light_button import LightButton
from ..words import damage_word, storage_word
from .dialogs import Choice
from .start_list import TrajectList, describe

if TYPE_CHECKING:
    from typing import Self

    from ..app import LoopbaanApp

BUSY_AFTER = 0.4
"""Seconds opening a traject may take before the list shows that it is busy."""


@dataclass(frozen=True)
class _Opening:
    """What the thread that opens a traject found: the lock and the traject with its pack, or the problem."""

    lock: TrajectLock | None = None
    traject: Traject | None = None
    pack: Pack | tuple[Problem, ...] | None = None
    problem: BaseException | None = None


class StartScreen(Screen[None]):
    """Pick up where you left off, or begin."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP_KEY,
        Binding("n", "new", "Nieuw", id="new"),
        Binding("delete,d", "remove", "Verwijderen", id="remove"),
        Binding("u", "undo_remove", "Terugzetten", id="undo", show=False),
        Binding("v", "example", "Voorbeeld", id="example"),
        Binding("c", "checkin", "Check-in", id="checkin", show=False),
        Binding("j", "new_year", "Nieuw schooljaar", id="new_year", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._summaries: list[TrajectSummary] = []
        self._trashed: Path | None = None
        self._listed_on_mount = False
        self._opening = False
        self._checkin = False  # the traject being opened begins a new check-in ("c")
        self._covering = False  # while push_screen covers it with a traject's reflection (refresh)

    def compose(self) -> ComposeResult:
        words = self.app.words
        with Vertical(id="start-screen"):
            yield Static(literal(words("app_title")), id="start-title")
            yield Static(literal(words("app_tagline")), id="start-tagline")
            yield Static(id="start-hint")
            yield TrajectList(id="trajecten")
            with Horizontal(id="start-buttons"):
                yield LightButton(literal(words("button_new")), id="new", variant="primary")
                yield LightButton(literal(words("button_open")), id="open")
                yield LightButton(literal(words("button_remove")), id="remove")
                yield LightButton(literal(words("button_example")), id="example")
        yield KeyFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)
        self.refresh_list()
        self._listed_on_mount = True
        self.call_after_refresh(self.app.load_style_sheets)  # the other screens' rules, once this one shows
        # then what an open needs (ahead.py): at once, for an Enter a moment after the list shows (was
        # 0.3 s later: an Enter 0.25 s after the list came while the thread imported, ~100 ms more CPU)
        if self.app.mount_ahead_pause is not None:  # the app that works ahead (not most tests': app.py)
            self.call_after_refresh(self.app.import_ahead)

    def on_screen_resume(self, event: ScreenResume) -> None:
        """The first time (Textual resumes a screen right after mounting it, before its own handler lays
        it out and draws it): the list was filled a moment ago (listing twice slowed the first paint),
        and the widgets were styled as they mounted, so the screen is not restyled as a whole (~10 ms of
        the first paint). Later (back from a traject or a dialog): listed anew, restyled as Textual does."""
        if self._listed_on_mount:
            self._listed_on_mount = False
            event.refresh_styles = False
            return
        self.refresh_list()

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        """Without the repaint push_screen asks for as a traject's reflection covers this screen: drawn
        under that opaque screen, it only had the reflection drawn whole again after its first frame.
        Shown again, the screen is drawn anew (Textual's Screen._on_screen_resume)."""
        if self._covering and not (regions or layout or recompose):
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def refresh_list(self, select: str | None = None) -> None:
        words = self.app.words
        try:
            self._summaries = self.app.store.summaries()
            problem = None
        except StorageError as error:  # the folder cannot be read: say so, and a new traject can still go elsewhere
            self._summaries, problem = [], words(storage_word(error.code), path=str(error.path))
        options = self.query_one("#trajecten", OptionList)
        options.clear_options()
        for summary in self._summaries:
            options.add_option(Option(literal(describe(summary, self.app.pack)), id=summary.id))
        has_any = bool(self._summaries)
        options.display = has_any
        self.query_one("#open", Button).disabled = not has_any
        self.query_one("#remove", Button).disabled = not has_any
        self.query_one("#start-hint", Static).update(
            literal(problem or (words("start_hint") if has_any else words("start_empty")))
        )
        if has_any:
            index = next((i for i, s in enumerate(self._summaries) if s.id == select), 0)
            options.highlighted = index
            options.focus()
        else:
            self.query_one("#new", Button).focus()

    # Actions

    def _selected(self) -> TrajectSummary | None:
        options = self.query_one("#trajecten", OptionList)
        if options.highlighted is None or not self._summaries:
            return None
        return self._summaries[options.highlighted]

    @on(OptionList.OptionSelected, "#trajecten")
    def _open_selected(self) -> None:
        if summary := self._selected():
            self.open_traject(summary.id)

    @on(Button.Pressed, "#new")
    def _new_pressed(self) -> None:
        self.action_new()

    @on(Button.Pressed, "#open")
    def _open_pressed(self) -> None:
        self._open_selected()

    @on(Button.Pressed, "#remove")
    def _remove_pressed(self) -> None:
        self.action_remove()

    @on(Button.Pressed, "#example")
    def _example_pressed(self) -> None:
        self.action_example()

    @work(exclusive=True, group="example")
    async def action_example(self) -> None:
        """An example reflection, read-only: never a traject, nothing written to the data folder."""
        from .example import show_example

        await show_example(self.app)

    @work
    async def action_new(self) -> None:
        from .new_traject import NewTrajectDialog

        choice = await self.app.push_screen_wait(NewTrajectDialog())
        if choice is None:
            return
        store = self.app.store
        self.app.hold_keys()  # held since the dialog's Begin (new_traject.py); let go when the reflection opens
        try:
            with self._busy():
                traject = await asyncio.to_thread(store.create, choice.name, choice.profile, choice.pack, choice.route)
        except StorageError as error:
            await self._storage_failed(error)
            return
        self.refresh_list(select=traject.id)
        await self._open(traject.id)

    @work
    async def action_new_year(self) -> None:
        """A copy of the highlighted traject to start a new school year from (answers kept)."""
        from .checkins import copy_for_new_year

        if (summary := self._selected()) is None or summary.problem or summary.unchecked:
            return
        name, app = self.app.words("new_year_name", name=summary.name), self.app
        try:
            copy = await asyncio.to_thread(copy_for_new_year, app.store, summary.id, name, app.clock())
        except (OSError, DamagedTraject, StorageError):
            self.notify(app.words("new_year_failed"), severity="error")
            return
        self.refresh_list(select=copy.id)

    @work
    async def action_remove(self) -> None:
        summary = self._selected()
        if summary is None:
            return
        words = self.app.words
        answer = await self.app.push_screen_wait(
            Choice(
                words("remove_title"),
                words("remove_body", name=summary.name if not summary.problem else summary.id),
                [("remove", words("button_remove")), ("cancel", words("button_cancel"))],
                warning=True,
                focus="cancel",
            )
        )
        if answer != "remove":
            return
        try:
            self._trashed = self.app.store.remove(summary.id)
        except TrajectLocked:
            self.notify(words("locked_body"), severity="warning")
            return
        except StorageError as error:
            await self._storage_failed(error)
            return
        self.refresh_list()
        self.notify(words("removed", path=str(self._trashed)), timeout=8)

    def action_undo_remove(self) -> None:
        if self._trashed is None:
            return
        try:
            traject_id = self.app.store.restore(self._trashed)
        except (StorageError, OSError, FileExistsError):
            self.notify(self.app.words("restore_failed", path=str(self._trashed)), severity="error")
            return
        self._trashed = None
        self.refresh_list(select=traject_id)

    def action_checkin(self) -> None:
        """Open the highlighted traject to begin a new check-in in it."""
        if self._selected() is not None:
            self._checkin = True
            self._open_selected()

    def open_traject(self, traject_id: str) -> None:
        """Lock, load, find the pack, and show the reflection; every failure gets a dialog. One at a time:
        a second request while one is under way (a double click) is let go."""
        if not self._opening:
            self._opening = True
            self.app.hold_keys()  # a key typed while the worker starts waits too (let go in _open)
            self._open_worker(traject_id)

    @work
    async def _open_worker(self, traject_id: str) -> None:
        await self._open(traject_id)

    async def _open(self, traject_id: str) -> None:
        app = self.app
        self._opening = True
        app.hold_keys()  # what is typed until the reflection is there is for its first field (released below)
        if app.mount_ahead_pause is not None:  # its steps are mounted after it shows: see collector.py
            collector.pause()  # until then (app.collect_when_mounted)
        shown = False
        try:
            with self._busy():  # the files are read on a thread: the screen stays alive
                opening = await asyncio.to_thread(self._lock_and_load, traject_id)
            lock, traject = opening.lock, opening.traject
            if lock is None:
                await self._lock_failed(opening.problem)
                return
            if traject is None:
                traject = await self._load_failed(traject_id, opening.problem)
            pack = await self._pack_for(traject, opening.pack) if traject is not None else None
            if traject is None or pack is None:
                lock.release()
                return
            from .reflection import ReflectionScreen

            checkin, self._checkin = self._checkin, False
            # what was typed meanwhile goes to the reflection's first field: it lets the keys go itself,
            # once that field has the focus (its mount goes on after push_screen returns)
            self._covering = True
            try:
                mounted = app.push_screen(ReflectionScreen(app.open_session(traject, pack, lock), checkin=checkin))
            finally:
                self._covering = False
            await mounted
            shown = True
            app.collect_when_mounted(app.screen)
        finally:
            self._opening = False
            if not shown:
                collector.resume()
                app.release_keys()  # a dialog on the way (a failure) has let them go already

    def _lock_and_load(self, traject_id: str) -> _Opening:
        """On a worker thread: the lock, the traject and its pack, or what stopped them."""
        app = self.app
        try:
            lock = app.store.lock(traject_id)
        except (TrajectLocked, StorageError) as error:
            return _Opening(problem=error)
        try:
            traject = app.store.load(traject_id)
            pack = app.pack_for(traject.pack)
        except (FileNotFoundError, DamagedTraject) as error:
            return _Opening(lock, problem=error)
        except BaseException:
            lock.release()
            raise
        return _Opening(lock, traject, pack)

    @contextmanager
    def _busy(self) -> Iterator[None]:
        """Nothing changes on screen, unless the files take long: then the list says it is busy."""
        options = self.query_one("#trajecten", OptionList)
        timer = self.set_timer(BUSY_AFTER, lambda: setattr(options, "loading", True))
        try:
            yield
        finally:
            timer.stop()
            options.loading = False

    async def _lock_failed(self, problem: BaseException | None) -> None:
        words = self.app.words
        if isinstance(problem, StorageError):
            await self._storage_failed(problem)
        else:
            ok = [("ok", words("button_ok"))]
            await self.app.push_screen_wait(Choice(words("locked_title"), words("locked_body"), ok, warning=True))

    async def _load_failed(self, traject_id: str, problem: BaseException | None) -> Traject | None:
        """The traject could not be loaded: say why; the user may take the backup instead (returned)."""
        app, words = self.app, self.app.words
        if not isinstance(problem, DamagedTraject):  # removed by another window or by hand since the list was made
            self.notify(words("traject_gone"), severity="warning")
            self.refresh_list()
            return None
        damage = problem
        if damage.code == "link":  # not damaged: never read through, and nothing to offer instead
            body = words("damaged_link", target=damage.link_target or "?", path=str(damage.path))
            await app.push_screen_wait(
                Choice(words("damaged_title"), body, [("cancel", words("button_back"))], warning=True)
            )
            self.refresh_list()
            return None
        body = words("damaged_body", reason=words(damage_word(damage.code)), kept=str(damage.kept_as or damage.path))
        buttons = [("cancel", words("button_back"))]
        if damage.backup:
            body += "\n\n" + words("damaged_backup")
            buttons.insert(0, ("backup", words("button_open_backup")))
        else:
            body += "\n\n" + words("damaged_no_backup")
        answer = await app.push_screen_wait(Choice(words("damaged_title"), body, buttons, warning=True))
        self.refresh_list()
        if answer != "backup":
            return None
        try:  # the backup becomes the traject file at once: leaving right away keeps it
            with app.keys_held(), self._busy():
                return await asyncio.to_thread(app.store.restore_backup, traject_id)
        except StorageError as error:
            await self._storage_failed(error)
        except (DamagedTraject, FileNotFoundError):
            await app.push_screen_wait(
                Choice(words("damaged_title"), words("damaged_backup_bad"), [("ok", words("button_ok"))], warning=True)
            )
        return None

    async def _pack_for(self, traject: Traject, found: Pack | tuple[Problem, ...] | None) -> Pack | None:
        """The traject's pack (`found`: looked up with the traject, on the thread), or the user's choice."""
        app, words = self.app, self.app.words
        pack = found if found is not None else app.pack_for(traject.pack)
        if not isinstance(pack, Pack):
            first = pack[0].render(app.pack.info.language) if pack else ""
            answer = await app.push_screen_wait(
                Choice(
                    words("pack_missing_title"),
                    words("pack_missing_body", pack=traject.pack, problem=first),
                    [("current", words("button_use_current_pack")), ("cancel", words("button_back"))],
                    warning=True,
                )
            )
            if answer != "current":
                return None
            pack = app.pack
        if pack.profile(traject.profile) is None:
            await app.push_screen_wait(
                Choice(
                    words("profile_missing_title"),
                    words("profile_missing_body", profile=traject.profile),
                    [("ok", words("button_ok"))],
                    warning=True,
                )
            )
            return None
        return pack

    async def _storage_failed(self, error: StorageError) -> None:
        words = self.app.words
        await self.app.push_screen_wait(
            Choice(
                words("storage_error_title"),
                words(storage_word(error.code), path=str(error.path)),
                [("ok", words("button_ok"))],
                warning=True,
            )
        )
