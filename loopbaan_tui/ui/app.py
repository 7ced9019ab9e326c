"""The loopbaan app: screens on top of the domain, words from the content pack."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ScreenStackError
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.geometry import Offset
from textual.messages import ExitApp
from textual.notifications import SeverityLevel
from textual.screen import Screen

from ..domain.content import builtin
from ..domain.content.model import Pack
from ..domain.content.pack_cache import builtin_pack
from ..domain.trajects.autosave import Delays
from ..domain.trajects.settings import load_settings, save_settings
from ..domain.trajects.storage import Store, TrajectLock
from ..domain.trajects.text import clean_text
from ..domain.trajects.traject import Traject, now
from . import collector
from .cursor import cursor_at
from .key_order import KeyOrder
from .keys import localize_bindings
from .pending_input import drained, owner_only, terminal_input_read
from .style_sheets import load_sheets
from .text import literal
from .textual_private import CrashHandlingApp, render_only_updated_rows, show_terminal_cursor

if TYPE_CHECKING:
    from ..domain.content.problems import Problem
    from .session import Session

MIN_WIDTH, MIN_HEIGHT = 60, 20
NARROW_BELOW = 76
"""Columns under which the app has the class `-narrow` (reflection.tcss: a row's labels above its fields)."""
THEMES = ("textual-dark", "textual-light")
DEBUG_ENV = "LOOPBAAN_DEBUG"
SIGNAL_GRACE = 3.0
"""Seconds the shutdown after SIGTERM or SIGHUP may take once everything is saved."""
KEYS_LIMIT = 2.0
"""Seconds quitting waits, at most, for a burst of keys already read to be handled one after another."""
MOUNT_LIMIT = 10.0
"""Seconds the collector waits, at most, for a reflection's steps to be mounted (collector.py)."""
MOUNT_POLL = 0.05
"""Seconds between its looks at whether they are."""


class LoopbaanApp(CrashHandlingApp[None]):
    """Career reflection in five questions, saved as you type."""

    CSS_PATH = "app.tcss"
    TITLE = "loopbaan"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Hulp", id="help", show=False),  # shown first by each screen (see HELP_KEY)
        Binding("ctrl+t", "toggle_theme", "Thema", show=False, id="theme"),
        Binding("ctrl+q", "quit", "Stoppen", id="quit", priority=True),
    ]

    def __init__(
        self,
        pack: Pack,
        store: Store,
        custom_content: Path | None = None,
        *,
        autosave: Delays | None = None,
        mount_ahead_pause: float | None = 0.1,
        clock: Callable[[], datetime] = now,
        watch: Path | None = None,
    ) -> None:
        theme = load_settings(store.folder).get("theme")
        if theme in THEMES:  # set before Textual parses the style sheets: setting it later parses them again
            self.set_reactive(LoopbaanApp.theme, theme)
        super().__init__()
        render_only_updated_rows()  # once per process: a partial update renders only the rows it updates
        self.clock = clock
        """The time a new check-in begins (tests pass a fixed one)."""
        self.pack = pack
        self.store = store
        self.custom_content = custom_content
        self.autosave = autosave or Delays()
        """How long autosave waits (tests make it quicker)."""
        self.mount_ahead_pause = mount_ahead_pause
        """Seconds between mounting one hidden step of the reflection and the next, so that keys and
        frames get their turn; None mounts each step only when it is first visited (most tests: mounting
        every step of the built-in pack is most of the cost of opening a traject), and readies nothing
        ahead on the start screen (`import_ahead`: ~45 ms of style rules parsed per app)."""
        self.session: Session | None = None
        self.crash_report = ""
        self._quitting = False
        self._key_order = KeyOrder(self)
        self._packs: dict[str, Pack] = {self.pack_key(pack): pack}
        self.watch_folder = watch
        """The pack folder to reload while the app runs (`--watch`), or None."""
        localize_bindings(self, self.words)  # before the start screen's first frame shows them

    @property
    def cursor_position(self) -> Offset:
        """Where Textual puts the terminal's cursor after each frame: on what has the focus (ui/cursor.py),
        for screen magnifiers and braille displays."""
        try:
            focused = self.focused
        except ScreenStackError:  # starting or closing: no screen
            focused = None
        return cursor_at(focused, self.caret)

    @cursor_position.setter
    def cursor_position(self, offset: Offset) -> None:
        self.caret = offset  # set by Textual's text fields: their caret

    # Words and packs

    def words(self, key: str, **values: object) -> str:
        """A UI string from the session's pack."""
        return self.pack.text(key, **values)

    def pack_key(self, pack: Pack) -> str:
        """How a traject names its pack: its language ("nl", "en", ...) for a built-in one, else the folder."""
        for language in builtin.LANGUAGES:
            if pack.folder == builtin.pack_folder(language).resolve():
                return language
        return str(pack.folder)

    def pack_for(self, key: str) -> Pack | tuple[Problem, ...]:
        """The pack a traject was made with, loaded once (a built-in one from the cache: pack_cache.py)."""
        if key not in self._packs:
            if key in builtin.LANGUAGES:
                found = builtin_pack(key)
            else:
                from ..domain.content.loader import load_pack

                result = load_pack(Path(key))
                found = result.pack if result.pack is not None else result.problems
            if not isinstance(found, Pack):
                return found
            self._packs[key] = found
        return self._packs[key]

    def replace_pack(self, pack: Pack) -> None:
        """A pack reloaded from its folder (`--watch`) replaces the one loaded before, here and for new trajecten."""
        if self.pack.folder == pack.folder:
            self.pack = pack
        self._packs[self.pack_key(pack)] = pack

    # Ahead of the first traject

    def import_ahead(self) -> None:
        """Ready, while the start screen is read, what opening a traject needs and the start screen does
        not (kept off its path for the first paint): its modules, on a thread, and its widgets' style
        rules (ahead.py). The first open no longer waits for them."""
        from . import ahead

        ahead.start(self)

    # Style sheets

    def load_style_sheets(self) -> None:
        """Read the other screens' style sheets, once (style_sheets.py)."""
        load_sheets(self)

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        self.load_style_sheets()  # a screen after the start screen: its rules must be there when it mounts
        return super().push_screen(*args, **kwargs)

    def switch_screen(self, *args: Any, **kwargs: Any) -> Any:
        self.load_style_sheets()
        return super().switch_screen(*args, **kwargs)

    # Life cycle

    def get_default_screen(self) -> Screen[Any]:
        """The start screen, composed with the app: whole in its first frame (pushed from on_mount, inside
        Textual's mount batch, its first frame was dropped and a partial one written before the whole)."""
        from .screens.start import StartScreen

        return StartScreen()

    def on_mount(self) -> None:
        show_terminal_cursor(self)  # ui/cursor.py: it follows the focus
        self.app_resume_signal.subscribe(self, show_terminal_cursor)  # the driver hides it again on resume
        if self.watch_folder is not None:
            from .watch import PackWatch

            self.pack_watch = PackWatch(self, self.watch_folder)
            self.pack_watch.start()
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                try:  # run by the event loop between two tasks, never halfway through a save
                    loop.add_signal_handler(getattr(signal, name), self._stop_for_signal)
                except (NotImplementedError, RuntimeError, ValueError):  # no such support (Windows)
                    signal.signal(getattr(signal, name), self._on_signal)

    def on_unmount(self) -> None:
        collector.release()  # the app ends (a test's app, say): nothing stays set aside

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        """A plain signal handler interrupts whatever runs, a save too: only ask the loop to stop."""
        with contextlib.suppress(RuntimeError):  # the loop is closed: the app is gone already
            asyncio.get_running_loop().call_soon_threadsafe(self._stop_for_signal)

    def _stop_for_signal(self) -> None:
        """Terminal closed or asked to stop: take in the keys already sent, save everything, quit, for sure."""
        self._quit(from_signal=True)

    def _quit(self, from_signal: bool = False) -> None:
        """Quit once every key received before the request has reached its field (one quit at a time)."""
        if not self._quitting:
            self._quitting = True
            self.run_worker(self._quit_after_pending_keys(from_signal), group="quit", exit_on_error=False)

    async def _quit_after_pending_keys(self, from_signal: bool) -> None:
        """Ctrl+Q is a priority binding and a signal comes between two events: both run while keys typed
        just before them still wait in a queue (the terminal's, the app's, the key order's, the field's).
        Each queue is taken in first, in order, each for at most a moment, then what the fields hold is
        saved. (The key order holds a burst back to pass it on a key at a time: the app's queue can be
        empty while most of the burst still waits there.)

        With the terminal gone, Textual's shutdown can wait forever for output nobody reads (seen
        about once in 40 closed terminals). All is saved and the lock let go by then, so after a
        signal a watchdog ends the process if the shutdown has not within SIGNAL_GRACE seconds.
        """
        try:
            if from_signal:
                await terminal_input_read()
            await drained(self)
            await self._key_order.settled(KEYS_LIMIT)  # keys read but waiting their turn (key_order.py)
            if self.focused is not None:
                await drained(self.focused)
            self.flush_fields()
        finally:
            self.close_session()
            if from_signal:
                threading.Thread(target=_exit_after, args=(SIGNAL_GRACE,), name="loopbaan-exit", daemon=True).start()
            self.exit()

    def flush_fields(self) -> None:
        """Hand what the reflection's fields show to the session, without waiting for their messages."""
        if f"{__package__}.screens.reflection" not in sys.modules:  # no reflection yet: quitting from the
            return  # start screen does not import it (it was ~2 MiB of the start screen's peak memory)
        from .screens.reflection import ReflectionScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReflectionScreen):
                screen.flush()

    def open_session(self, traject: Traject, pack: Pack, lock: TrajectLock) -> Session:
        """Make the traject, locked and loaded, the open one; only the app opens and closes sessions."""
        from .session import Session  # not before a traject is opened: the start screen comes first

        self.close_session()
        self.session = Session(self, self.store, traject, pack, lock, delays=self.autosave)
        return self.session

    def collect_when_mounted(self, screen: Screen[Any]) -> None:
        """The session's reflection is shown: once it has mounted its other steps, what lives is set aside
        from the garbage collector, paused by the opener since Enter (collector.py)."""
        if self.mount_ahead_pause is None:  # each step mounted when first visited: not paused (tests)
            return
        self.run_worker(self._collect_when_mounted(screen, self.session), group="collector", exit_on_error=False)

    async def _collect_when_mounted(self, screen: Screen[Any], session: Session | None) -> None:
        try:
            await asyncio.sleep(0)  # the screen's on_mount has begun its mounting
            mounting = [w for w in self.workers if w.node is screen and w.group == collector.MOUNT_AHEAD]
            # Looked at, not awaited: on a slow machine the wait ends at MOUNT_LIMIT, and a wait_for on the
            # workers would cancel what it waits for, the mounting itself (the other steps left unmounted).
            deadline = time.monotonic() + MOUNT_LIMIT
            while any(not w.is_finished for w in mounting) and time.monotonic() < deadline:
                await asyncio.sleep(MOUNT_POLL)
        finally:
            still_open = session is not None and self.session is session
            (collector.keep if still_open else collector.resume)()  # closed meanwhile: nothing of it to keep
        if still_open:  # while the user reads: what Ctrl+L needs (its module, ~15 ms), not at its first press
            importlib.import_module(".screens.checkins", __package__)

    def hold_keys(self) -> None:
        """Keys typed from now on wait, in order, until the next `keys_held` block ends (or HOLD_LIMIT)."""
        self._key_order.hold()

    def release_keys(self) -> None:
        """The held keys go on, in order (a dialog that asks something lets them go: see dialogs.Choice)."""
        self._key_order.release()

    @contextlib.contextmanager
    def keys_held(self) -> Iterator[None]:
        """Keys typed meanwhile wait, in order, for what comes next: while a traject is made, locked and
        loaded off the event loop, what is typed is for the reflection it opens (key_order.py)."""
        self._key_order.hold()
        try:
            yield
        finally:
            self._key_order.release()

    def close_session(self) -> bool:
        """Save and release the open traject, if any; True when nothing is unsaved."""
        if self.session is None:
            return True
        saved = self.session.close()
        self.session = None
        collector.release()
        return saved

    def keys_settled(self) -> bool:
        """True when every key received so far has been handled all the way (key_order.py)."""
        return self._key_order.idle

    async def on_event(self, event: events.Event) -> None:
        """Keys from the terminal are handled one after another (key_order.py). A paste (from a web
        page, a PDF) may carry control characters that would steer the terminal once shown: they are
        taken out as saving would (clean_text) before any editor sees it."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._key_order.admit(event):
                try:
                    await super().on_event(event)
                    self._key_order.handled(event)
                except ScreenStackError:  # read while the app closes its last screen: nowhere to go
                    self._key_order.done(event)  # (what was typed before it is saved by then: _quit)
            return
        if isinstance(event, events.Paste) and not event.is_forwarded and event.text != clean_text(event.text):
            event = events.Paste(clean_text(event.text))
        await super().on_event(event)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications hold paths and words from packs: shown as written, never read as markup
        (a folder "Documenten [oud]" would lose its brackets, and "[link=..." would crash the app)."""
        super().notify(
            literal(message).plain, title=literal(title).plain, severity=severity, timeout=timeout, markup=False
        )

    async def action_quit(self) -> None:
        self._quit()

    def on_exit_app(self, message: ExitApp) -> None:
        """Served in a browser (loopbaan serve), the app is told to end from outside: a tab that closes
        or the server's Ctrl+C (textual-serve's "quit", the web driver's SIGINT). Textual would close at
        once, the last words not yet saved: quit our way first, like a signal (its `exit()` then comes
        back here). In a terminal nothing outside sends this, and `App.exit(result)` must work as it is."""
        if self.is_web and not self._quitting:
            message.prevent_default()
            self._quit(from_signal=True)

    def on_resize(self, event: Resize) -> None:
        from .screens.too_small import TooSmallScreen

        self.set_class(event.size.width < NARROW_BELOW, "-narrow")
        too_small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif not too_small and showing:
            self.pop_screen()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]
        save_settings(self.store.folder, {**load_settings(self.store.folder), "theme": self.theme})

    # Failure (textual_private.CrashHandlingApp calls these two)

    def before_crash(self, error: Exception) -> None:
        """Save what can be saved, then leave a short message instead of a traceback with answers."""
        with contextlib.suppress(Exception):  # already failing: save what we can, then report
            self.close_session()
        self.crash_report = self._write_crash_log(error)

    def crash_shows_traceback(self) -> bool:
        return bool(os.environ.get(DEBUG_ENV))  # developers: the full traceback, locals and all

    def _write_crash_log(self, error: BaseException) -> str:
        """Where it went wrong (code only: no values, no messages that could hold answers)."""
        frames = traceback.extract_tb(error.__traceback__)
        lines = [f"{type(error).__module__}.{type(error).__qualname__}"]
        lines += [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
        report_path = None
        try:
            self.store.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            report_path = self.store.folder / "crash.log"
            with open(report_path, "w", encoding="utf-8", opener=owner_only) as handle:
                handle.write("\n".join(lines) + "\n")
        except OSError:
            report_path = None
        message = self.words("crash_message")
        if report_path:
            message += "\n" + self.words("crash_log", path=str(report_path))
        return message


def _exit_after(seconds: float) -> None:
    time.sleep(seconds)
    os._exit(0)
