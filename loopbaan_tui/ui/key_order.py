"""Keys handled one after another, as they were typed, also when they arrive in one burst.

Textual passes each key to the focused widget's queue the moment the app reads it, but the key's
binding (Tab, Enter on a button, Down on an option) runs only when the key has bubbled back up to
the app. In a burst ("Sanne", Tab, "vragen" from a fast typist, a macro or a tmux script) the
letters after the Tab are then passed to the field the Tab is about to leave, and an Enter meant
for one widget is taken by the next. So the app passes a key on only when the one before it has
been handled all the way: followed up the widget chain, one queue at a time, to the app.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events

from .textual_private import is_text_area, stopped

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

LIMIT = 0.5
"""Seconds a key may take before the next one goes ahead anyway (a key must never block typing)."""
HOLD_LIMIT = 3.0
"""Seconds keys may be held (`hold`) before they go ahead anyway: a hung drive never takes the keyboard."""


class KeyOrder:
    """Admits one key at a time; the rest wait their turn in the order they came."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.waiting: deque[events.Key] = deque()
        self.current: events.Key | None = None
        self.next_up: events.Key | None = None
        self._lapse: asyncio.TimerHandle | None = None  # set while keys are held

    def admit(self, key: events.Key) -> bool:
        """True when this key (just read from the terminal) may be handled now; else it waits."""
        if self._lapse is not None:  # held: this one waits too, in its place
            if key is self.next_up:
                self.next_up = None
                self.waiting.appendleft(key)
            else:
                self.waiting.append(key)
            return False
        if key is self.next_up:
            self.next_up = None
        elif self.current is not None or self.next_up is not None or self.waiting:
            self.waiting.append(key)
            return False
        self.current = key
        asyncio.get_running_loop().call_later(LIMIT, self.done, key)
        return True

    def handled(self, key: events.Key) -> None:
        """The app has dealt with the key: by a binding of its own, or by passing it on."""
        if not key.is_forwarded:  # a priority binding took it: nothing further to wait for
            self.done(key)
            return
        target = self.app.focused or self.app.screen
        chain: list[MessagePump] = [node for node in target.ancestors_with_self if node is not self.app]
        _Follow(self, chain, key, typed=key.is_printable and is_text_area(target)).step()

    def hold(self) -> None:
        """Keys read from now on wait, in order, until `release` (or HOLD_LIMIT): while the app opens a
        traject off the event loop, what is typed meanwhile is for the reflection, not the list it leaves."""
        if self._lapse is None:
            self._lapse = asyncio.get_running_loop().call_later(HOLD_LIMIT, self.release)

    def release(self) -> None:
        """The held keys go on, one after another."""
        lapse, self._lapse = self._lapse, None
        if lapse is None:
            return
        lapse.cancel()
        if self.current is None and self.next_up is None:
            self._pass_next()

    @property
    def idle(self) -> bool:
        """No key is being handled, and none waits its turn."""
        return self.current is None and self.next_up is None and not self.waiting

    async def settled(self, limit: float) -> None:
        """Wait until every key received so far has been handled all the way, for at most `limit` seconds
        (quitting: a burst of keys waits here, not in a queue that `_drained` could see)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        while not self.idle and loop.time() < deadline:
            await asyncio.sleep(0.005)

    def other_key_next(self) -> bool:
        """The next key waiting is not a character (Tab, Enter, an arrow)."""
        return bool(self.waiting) and not self.waiting[0].is_printable

    def done(self, key: events.Key) -> None:
        if key is not self.current:
            return  # already done (the time limit, or the chain, came second)
        self.current = None
        if self._lapse is None:
            self._pass_next()

    def _pass_next(self) -> None:
        if self.waiting:
            self.next_up = self.waiting.popleft()
            if self.app.post_message(self.next_up):
                return
            self.next_up = None
            self.waiting.clear()  # the app is closing: nothing will handle them


class _Follow:
    """One key followed up its chain: `step` waits behind the key in each queue it may bubble
    through, up to the app's own, then tells the key order it is done.

    Each wait is a Callback event posted with the bound method `step`, not `call_later(fn, *args)`:
    that wraps every call in a new partial, whose parameters Textual counts anew (an
    `inspect.signature`, ~7 a key); a method's count it keeps."""

    def __init__(self, order: KeyOrder, chain: list[MessagePump], key: events.Key, *, typed: bool = False) -> None:
        self.order = order
        self.chain = chain
        self.key = key
        self.index = 0
        self.typed = typed
        """A character typed into a text field: once the field has taken it (and stopped it), it goes no
        further, and the rest of the chain need not be waited for (that was ~6 callbacks a key)."""
        self.again = not typed
        """A key that reached the app ran its binding there (Space ticks a box, Enter picks an option or
        presses a button): what the binding posted (Changed, Pressed) bubbles up from the focused widget
        and may make a widget appear (a path's field for why, a new row, a show_if prompt). The chain is
        followed once more, behind those messages, and the next key goes once the screen has been laid
        out anew (a widget mounted or shown has no place in the focus order before that: Tab would skip
        it), so the next key of a burst finds that widget."""

    def step(self) -> None:
        if self.typed and self.index == 1 and stopped(self.key):
            if not self.order.other_key_next():
                self.done()
                return
            # A key of another kind waits (Tab after "Uitleg" in one burst): what this character changed
            # (its answer may make a show_if prompt appear) is followed up the chain first, then laid out.
            self.typed = False
            self.index = 0
        while self.index < len(self.chain):
            widget = self.chain[self.index]
            self.index += 1
            if widget.post_message(events.Callback(callback=self.step)):
                return
            # that widget is gone (the key closed its dialog): on to the next
        app = self.order.app
        if self.again:  # behind the key in the app's queue, where its binding runs; then up the chain again
            if not app.post_message(events.Callback(callback=self.follow_again)):
                self.done()
        elif not (
            app.post_message(events.Callback(callback=self.done)) if self.typed else app.call_after_refresh(self.done)
        ):
            self.done()

    def follow_again(self) -> None:
        """The key's binding has run: follow what it posted, from where the focus is now."""
        self.again = False
        target = self.order.app.focused or self.order.app.screen
        self.chain = [node for node in target.ancestors_with_self if node is not self.order.app]
        self.index = 0
        self.step()

    def done(self) -> None:
        self.order.done(self.key)
