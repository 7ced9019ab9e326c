"""Python's garbage collector around an open traject.

Opening a traject makes tens of thousands of objects that live as long as it stays open: its answers
(every check-in's), the reflection's widgets and their styles. A full collection walks every object
the collector tracks; after an opening one came within seconds, at a moment of its own choosing (often
the first Ctrl+L or a key), and took ~70-110 ms with 20 check-ins. So, as launch.py does at start-up:
no collections while a traject opens (`pause`), then what lives by then is set aside (`keep`:
`gc.freeze`), and later collections walk only what is new. When the traject closes (`release`), all
that was set aside is given back to the collector, so the closed reflection's widgets are freed in
its next collections (at most one session's garbage is ever set aside).
"""

from __future__ import annotations

import gc


def pause() -> None:
    """A traject is being opened: no collections until `keep` or `resume`."""
    gc.disable()


def resume() -> None:
    """The opening stopped short (a dialog, a failure): collections as usual."""
    gc.enable()


def keep() -> None:
    """The traject is open and its steps are mounted: what lives now is set aside, collections resume."""
    gc.freeze()
    gc.enable()


def release() -> None:
    """The traject is closed (or the app ends): everything set aside is collected as usual again."""
    gc.unfreeze()
    gc.enable()
