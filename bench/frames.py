"""In-process measurements of frames: a key (or a step switch) until the frame that shows it.

The clock is Textual's own frame output, `App._display(screen, renderable)` (private in
Textual 8.2.8, hence the pin in requirements.txt). Pilot's `press()` is not timed: its own
idle waits cost ~60 ms per key at any size. Keys go in the way Pilot sends them (through the
driver), and each key is timed from the moment it is sent until the first frame in which its
effect is visible. Between keys the app is left to settle, as between a person's keystrokes.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from time import perf_counter
from typing import Any

from textual import events
from textual._compositor import CompositorUpdate
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import ContentSwitcher, TextArea

from loopbaan_tui.domain.content.model import Kind, Pack
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen, StepView
from loopbaan_tui.ui.widgets.editors import LongTextEditor

SIZE = (100, 30)
TIMEOUT = 10.0
TYPED = "en toen zag ik het ineens "


class FrameClock:
    """Hooks `App._display` and resolves a waiter at the first frame for which `done()` holds."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.frames = 0
        self._waiter: tuple[Callable[[], bool], asyncio.Future[float]] | None = None
        original = app._display

        def display(screen: Screen[Any], renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                # Headless, Textual skips turning the frame into terminal output; a real terminal
                # pays for it, so it is paid here too, for the app and the yardstick alike.
                renderable.render_segments(app.console)
            now = perf_counter()
            self.frames += 1
            if self._waiter is not None and self._waiter[0]():
                _, future = self._waiter
                self._waiter = None
                if not future.done():
                    future.set_result(now)

        app._display = display  # type: ignore[method-assign]

    async def time(self, act: Callable[[], None], done: Callable[[], bool]) -> float:
        """Seconds from `act()` to the first frame after which `done()` is true."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiter = (done, future)
        start = perf_counter()
        act()
        return await asyncio.wait_for(future, TIMEOUT) - start


@contextlib.asynccontextmanager
async def _frozen() -> AsyncIterator[None]:
    """What lives until the end, frozen before the traject opens, as `loopbaan` does at start-up
    (ui/launch.py): otherwise every collection here would also walk this process's other apps and
    data, which a real process does not have. What the traject's screen makes stays collectable."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def send_key(app: App[Any], key: str) -> None:
    """A key as the terminal driver delivers it (what Pilot does, without its waits)."""
    character = " " if key == "space" else key if len(key) == 1 else None
    event = events.Key(key, character)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


def key_name(character: str) -> str:
    return "space" if character == " " else character


async def settle(pilot: Any) -> None:
    """Let the app finish what a key started (messages, the save indicator) before the next one."""
    await pilot.pause()
    await asyncio.sleep(0.002)


# Keystroke


@dataclass
class Typing:
    """Per-key latencies, paired with the yardstick's, and what autosave did meanwhile."""

    keys: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    size: tuple[int, int] = (0, 0)
    saves: int = 0
    saves_on_ui_thread: int = 0
    seconds: float = 0.0


def _open_first_traject(pilot: Any) -> None:
    send_key(pilot.app, "enter")  # the start screen highlights the newest traject; enter opens it


async def _reflection(pilot: Any) -> ReflectionScreen:
    for _ in range(500):
        screen = pilot.app.screen
        if isinstance(screen, ReflectionScreen) and screen.query(".step"):
            await settle(pilot)
            return screen
        await asyncio.sleep(0.01)
    raise RuntimeError("the reflection screen did not open")


async def _steps_mounted(pilot: Any, screen: ReflectionScreen) -> float:
    """Wait until the app has mounted every step (it does so after showing the first); the seconds.

    (An older loopbaan, which mounted a step on its first visit, has nothing to wait for.)
    """
    started = perf_counter()
    ahead = hasattr(screen, "_mount_ahead")
    while ahead and len(screen.query(".step")) < len(screen.sections) and perf_counter() - started < TIMEOUT:
        await asyncio.sleep(0.01)
    seconds = perf_counter() - started
    await settle(pilot)
    return seconds


class _Bare(App[None]):
    """The yardstick: a bare TextArea of a given size, holding a given text."""

    def __init__(self, text: str, size: tuple[int, int]) -> None:
        super().__init__()
        self.text = text
        self.stylesheet.add_source(f"TextArea {{ width: {size[0]}; height: {size[1]}; }}", read_from=("bare", ""))

    def compose(self) -> ComposeResult:
        yield TextArea(self.text, soft_wrap=True)


async def type_both(
    pack: Pack, folder: Path, traject: Traject, prompt_id: str, keys: int, *, at_once: bool = False
) -> Typing:
    """Type `keys` characters at the end of one long answer in loopbaan, and each of them also in a
    bare TextArea of the same size holding the same text, key by key: both apps run side by side in
    this event loop, so each pair of keys meets the same machine (the noise here comes in seconds).

    Typing starts when every step is mounted (a second or so after opening), or `at_once`: while
    the app is still mounting them (then the yardstick is left out).
    """
    store = Store(folder)
    store.save(traject)
    result = Typing()
    real_save = store.save

    def counting_save(snapshot: Traject, **options: Any) -> Path:
        result.saves += 1
        result.saves_on_ui_thread += threading.current_thread() is threading.main_thread()
        return real_save(snapshot, **options)

    store.save = counting_save  # type: ignore[method-assign]
    app = LoopbaanApp(pack=pack, store=store)
    async with app.run_test(size=SIZE) as pilot, _frozen():
        await pilot.pause()
        _open_first_traject(pilot)
        screen = await _reflection(pilot)
        if not at_once:
            await _steps_mounted(pilot, screen)
        editor = screen.query_one(f"#prompt-{prompt_id} {LongTextEditor.__name__}", LongTextEditor)
        result.size = (editor.outer_size.width, editor.outer_size.height)
        typists = [_Typist(pilot, editor)]
        bare = _Bare(editor.text, result.size)
        async with bare.run_test(size=SIZE) as bare_pilot:
            await bare_pilot.pause()
            if not at_once:
                typists.append(_Typist(bare_pilot, bare.query_one(TextArea)))
            for typist in typists:
                await typist.ready()
            started = perf_counter()
            for n in range(keys):
                key = key_name(TYPED[n % len(TYPED)])
                for typist in typists:
                    await typist.type(key)
            result.seconds = perf_counter() - started
        result.keys = typists[0].latencies
        result.bare = typists[-1].latencies if not at_once else []
        await asyncio.sleep(0.1)  # a save that was due may still be running on its thread
        counted = result.saves, result.saves_on_ui_thread
        app.close_session()  # saves what is left, on the UI thread, as leaving does; not counted
        result.saves, result.saves_on_ui_thread = counted
    return result


class _Typist:
    """Types into one editor of one app, timing each key until its frame."""

    def __init__(self, pilot: Any, editor: TextArea) -> None:
        self.pilot = pilot
        self.editor = editor
        self.latencies: list[float] = []

    async def ready(self) -> None:
        editor = self.editor
        editor.cursor_blink = False  # a blinking cursor paints frames of its own
        editor.focus()
        editor.move_cursor(editor.document.end)
        editor.scroll_cursor_visible()
        await settle(self.pilot)
        self.clock = FrameClock(self.pilot.app)

    async def type(self, key: str) -> None:
        before = self.editor.cursor_location
        self.latencies.append(
            await self.clock.time(lambda: send_key(self.pilot.app, key), lambda: self.editor.cursor_location != before)
        )
        await settle(self.pilot)


# Step switch


@dataclass
class Switching:
    """Per-switch latencies of loopbaan, of the floor and of the yardstick, in triples."""

    first: list[float] = field(default_factory=list)
    again: list[float] = field(default_factory=list)
    bare_first: list[float] = field(default_factory=list)
    bare_again: list[float] = field(default_factory=list)
    """The same steps shown by Textual alone: ContentSwitcher.current set, none of loopbaan's work."""
    empty_first: list[float] = field(default_factory=list)
    empty_again: list[float] = field(default_factory=list)
    ready: float = 0.0
    """Seconds from the first step on screen until every step is mounted (the app mounts them ahead)."""


class _Stepper:
    """loopbaan with a traject open: switches steps by key, as a person does."""

    def __init__(self, pilot: Any, screen: ReflectionScreen) -> None:
        self.pilot = pilot
        self.screen = screen
        self.clock = FrameClock(pilot.app)
        self.shown: list[int] = []
        real_show = screen.show_step

        async def show_step(index: int, focus: bool = True) -> None:
            await real_show(index, focus)
            self.shown.append(index)

        screen.show_step = show_step  # type: ignore[method-assign]

    async def switch(self, key: str, target: int) -> float:
        self.shown.clear()
        seconds = await self.clock.time(lambda: send_key(self.pilot.app, key), lambda: target in self.shown)
        await settle(self.pilot)
        return seconds


class _Shower:
    """The floor: loopbaan's screen, but each step shown by Textual alone (ContentSwitcher.current
    set; no focus, rail, recall or save), timed until the frame that lays out and paints it."""

    def __init__(self, pilot: Any, screen: ReflectionScreen) -> None:
        self.pilot = pilot
        self.screen = screen
        self.switcher = screen.query_one("#steps", ContentSwitcher)
        self.clock = FrameClock(pilot.app)

    async def mount_all(self) -> None:
        """Every step mounted and hidden (a loopbaan that does not mount ahead needs this here)."""
        for section in self.screen.sections:
            if not self.switcher.query_children(f"#step-{section.id}"):
                view = StepView(section, self.screen.session, self.pilot.app.words)
                view.display = False
                await self.switcher.mount(view)
        await settle(self.pilot)

    async def show(self, index: int) -> float:
        step_id = f"step-{self.pilot.app.screen.sections[index].id}"
        step = self.switcher.get_child_by_id(step_id)
        seconds = await self.clock.time(lambda: setattr(self.switcher, "current", step_id), lambda: bool(step.region))
        await settle(self.pilot)
        return seconds


class _TwoScreens(App[None]):
    """The yardstick: switching between two empty screens, by a key."""

    BINDINGS = [Binding("ctrl+n", "other")]  # noqa: RUF012 - Textual reads it as a class attribute

    def on_mount(self) -> None:
        self.install_screen(Screen(), "a")
        self.install_screen(Screen(), "b")
        self.push_screen("a")

    def action_other(self) -> None:
        self.switch_screen("b" if self.screen is self.get_screen("a") else "a")

    async def switch(self, pilot: Any, clock: FrameClock) -> float:
        target = self.get_screen("b" if self.screen is self.get_screen("a") else "a")
        seconds = await clock.time(lambda: send_key(self, "ctrl+n"), lambda: self.screen is target)
        await settle(pilot)
        return seconds


async def switch_all(pack: Pack, folder: Path, traject: Traject, revisits: int) -> Switching:
    """Visit each competency step after the first (ctrl+n), then jump between them (F5-F9), in
    loopbaan; show the same steps in a second copy by Textual alone; switch two empty screens.
    The three apps run side by side in this event loop and take turns, switch by switch."""
    result = Switching()
    for name in ("app", "floor"):
        Store(folder / name).save(traject)
    app, floor, empty = (
        LoopbaanApp(pack=pack, store=Store(folder / "app")),
        LoopbaanApp(pack=pack, store=Store(folder / "floor")),
        _TwoScreens(),
    )
    async with (
        app.run_test(size=SIZE) as app_pilot,
        floor.run_test(size=SIZE) as floor_pilot,
        empty.run_test(size=SIZE) as empty_pilot,
        _frozen(),
    ):
        screens = []
        for pilot in (app_pilot, floor_pilot):
            await pilot.pause()
            _open_first_traject(pilot)
            screens.append(await _reflection(pilot))
        # A person reads the first step before moving on; meanwhile the app mounts the others.
        result.ready = await _steps_mounted(app_pilot, screens[0])
        await _steps_mounted(floor_pilot, screens[1])
        await settle(empty_pilot)
        stepper, shower = _Stepper(app_pilot, screens[0]), _Shower(floor_pilot, screens[1])
        await shower.mount_all()
        empty_clock = FrameClock(empty)
        competencies = len(pack.competencies)
        for target in range(1, competencies):
            result.first.append(await stepper.switch("ctrl+n", target))
            result.bare_first.append(await shower.show(target))
            result.empty_first.append(await empty.switch(empty_pilot, empty_clock))
        for n in range(revisits):
            target = n % competencies
            if target == screens[0]._step:
                target = (target + 1) % competencies
            result.again.append(await stepper.switch(f"f{target + 5}", target))
            result.bare_again.append(await shower.show(target))
            result.empty_again.append(await empty.switch(empty_pilot, empty_clock))
        app.close_session()
        floor.close_session()
    return result


def first_long_text(pack: Pack, profile: str) -> str:
    """The first long-text prompt of the first step: the one typed into."""
    return next(p.id for p in pack.competencies[0].prompts_for(profile) if p.kind is Kind.LONG_TEXT)


def med(values: list[float]) -> float:
    return median(values) if values else float("nan")
