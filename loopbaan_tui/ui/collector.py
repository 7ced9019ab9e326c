"""Python's garbage collector around an open traject.

Opening a traject makes tens of thousands of objects that live as long as it stays open: its answers,
the reflection's widgets and their styles. While they were made, the collector ran again and again,
and its first full collection after the opening came at a moment of its own choosing (often the first
Ctrl+L or a key) and walked them all: ~70-110 ms with 20 check-ins. So, as launch.py does at start-up:
no collections while a traject opens and mounts its steps (`pause`), then what lives by then is set
aside (`keep`: `gc.freeze`), and later collections walk only what is new. What is set aside cannot be
freed, so it is all given back (`release`) as soon as something of it may go: the traject closes, a
new check-in or a switch of route builds its steps again. At most one reflection's worth is ever set
aside.
"""

from __future__ import annotations

import gc

MOUNT_AHEAD = "mount-ahead"
"""The worker group in which the reflection mounts its other steps (ReflectionScreen._mount_ahead):
the app waits for it before the collection that ends the pause (LoopbaanApp.collect_when_mounted)."""


def pause() -> None:
    """A traject is being opened: no collections until `keep` or `resume`."""
    gc.disable()


def resume() -> None:
    """The opening stopped short (a dialog, a failure), or the app ends: collections as usual."""
    gc.enable()


def keep() -> None:
    """The traject is open and its steps are mounted: what lives now is set aside, collections resume."""
    gc.freeze()
    gc.enable()


def release() -> None:
    """Widgets set aside may go now: everything set aside is collected as usual again."""
    gc.unfreeze()
    gc.enable()
