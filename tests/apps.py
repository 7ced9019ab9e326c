"""The one way tests build the app, and the packs they give it.

- `make_app(data, pack=MINI, trajects=())`: a LoopbaanApp over the Store in `data` (a folder or a
  Store), with a test pack (a folder: given to the app as `--content`) or a built-in pack (a
  language: "nl", "en"), after saving `trajects` there.
- `pack_of(pack)`: the loaded pack. Packs are immutable, so the test packs and the built-in packs are
  loaded once per process; any other folder (a pack a test writes) is loaded every time.
- `type_text(pilot, text)`: typing without Pilot's idle waits between keys (see its docstring).

Sizes stay with the tests (`app.run_test(size=...)`): the screens they look at differ.
"""

from __future__ import annotations

import asyncio
import functools
import time
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from textual import events
from textual.keys import KEY_NAME_REPLACEMENTS
from textual.pilot import Pilot

from loopbaan_tui.domain.content.builtin import pack_folder
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.trajects.autosave import Delays
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject, now
from loopbaan_tui.ui.app import LoopbaanApp

PACKS = Path(__file__).resolve().parent / "packs"
MINI = PACKS / "mini"
"""The small test pack: a prompt or three of every kind in every step, two profiles."""
ROADMAP = PACKS / "roadmap"
"""The roadmap writer's test pack."""

BUILTIN = {pack_folder(language).resolve() for language in ("nl", "en")}

PackChoice = Path | str
"""A pack folder (custom content), or the language of a built-in pack."""


@functools.cache
def _load(folder: Path) -> Pack:
    result = load_pack(folder)
    assert result.pack is not None, [problem.render() for problem in result.problems]
    return result.pack


def pack_of(pack: PackChoice) -> Pack:
    """The pack for a folder or a built-in language; loaded once when it is one of ours, which no test edits."""
    if isinstance(pack, str):
        return _load(pack_folder(pack))
    folder = Path(pack).resolve()
    if folder.is_relative_to(PACKS) or folder in BUILTIN:
        return _load(folder)
    result = load_pack(folder)
    assert result.pack is not None, [problem.render() for problem in result.problems]
    return result.pack


def make_app(
    data: Path | Store,
    pack: PackChoice = MINI,
    *,
    trajects: Iterable[Traject] = (),
    autosave: Delays | None = None,
    mount_ahead: bool = False,
    clock: Callable[[], datetime] = now,
) -> LoopbaanApp:
    """The app as `loopbaan` starts it: over the trajecten in `data`, with `pack` (a folder is passed as
    `--content`, a language is the built-in pack), after saving `trajects` in the store; `autosave` sets
    the autosave's delays (the app's own when None).

    The app mounts the reflection's other steps in the background while the first is read; tests do
    not (`mount_ahead=False`: each step is mounted when first visited, as when the user gets there
    before the background does), since that mounting is most of the CPU time of opening a traject of
    the built-in pack. Tests of the background mounting itself pass `mount_ahead=True` (no pause
    between steps)."""
    store = data if isinstance(data, Store) else Store(data)
    for traject in trajects:
        store.save(traject)
    custom = None if isinstance(pack, str) else Path(pack)
    pause = 0.0 if mount_ahead else None
    return LoopbaanApp(
        pack=pack_of(pack), store=store, custom_content=custom, autosave=autosave, mount_ahead_pause=pause, clock=clock
    )


def key_event(character: str) -> events.Key:
    """The key event a terminal's character becomes (as Pilot.press makes it for a one-character key)."""
    if character.isalnum():
        key = character
    else:
        try:
            key = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            key = character
        key = KEY_NAME_REPLACEMENTS.get(key, key)
    return events.Key(key, character)


async def type_text(pilot: Pilot[object], text: str, timeout: float = 5.0) -> None:
    """Type `text` (printable characters; use `pilot.press` for named keys) into the focused field.

    Each key goes in as Pilot.press sends it, and the next follows once the app has handled the key
    all the way (`LoopbaanApp.keys_settled`), not after Pilot's wait for an idle processor: that wait
    is 40 ms or more per key, most of a long typing test. Ends with `pilot.pause()`."""
    app = pilot.app
    assert isinstance(app, LoopbaanApp)
    assert text.isprintable(), "type_text types characters; press named keys with pilot.press"
    for character in text:
        event = key_event(character)
        event.set_sender(app)
        app.post_message(event)
        taken = asyncio.Event()
        app.call_later(taken.set)  # runs once the app has taken the key in
        await asyncio.wait_for(taken.wait(), timeout)
        end = time.monotonic() + timeout
        while not app.keys_settled():
            assert time.monotonic() < end, f"the key {event.key!r} was never handled"
            await asyncio.sleep(0.001)
    await pilot.pause()
