"""Plain mode (`loopbaan --plain`, or LOOPBAAN_PLAIN=1): the reflection line by line on standard input
and output, for screen readers and braille displays. No full-screen interface, no colour, no control
sequences; the same packs, trajecten, locks and files as the app, and every answer saved as it is given.

The parts: console.py (reading and writing lines, the commands), start.py (open or begin a traject),
checkin.py (a new check-in), reflection.py (the walk over the questions), one asker per kind (text.py,
picks.py, rows.py, sort.py, chosen in answers.py), ending.py (the roadmap). Nothing here imports Textual.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TextIO

from ..domain.trajects.locations import data_dir
from ..domain.trajects.storage import Store
from ..domain.trajects.traject import now
from ..starting_pack import starting_pack
from .console import CommandGiven, Console, EndOfInput
from .ending import offer_roadmap
from .reflection import Reflection, Stop
from .start import Start

PLAIN_ENV = "LOOPBAAN_PLAIN"
_OFF = ("", "0", "no", "false", "off", "nee")


def plain_asked(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether LOOPBAAN_PLAIN asks for plain mode (any value but empty, 0, no, false, off)."""
    return environ.get(PLAIN_ENV, "").strip().casefold() not in _OFF


def run_plain(
    content: str | None,
    data_dir_arg: str | None = None,
    lang: str = "nl",
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    roadmap_folder: Path | None = None,
    clock: Callable[[], datetime] = now,
) -> int:
    """Run plain mode; 0 when the user stops or is done, 1 when the pack cannot be used. `clock` dates a
    new check-in (tests pass a fixed one)."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    for stream in (stdin, stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a letter that cannot be read or shown becomes a "?", never a crash
            reconfigure(errors="replace")
    _, pack, said = starting_pack(content, lang)
    if pack is None:
        print(*said, sep="\n", file=sys.stderr)
        return 1
    console = Console(stdin, stdout, pack)
    store = Store(data_dir(data_dir_arg))
    console.tell("plain_hello")
    try:
        _run(console, Start(console, store, pack, clock), roadmap_folder)
    except KeyboardInterrupt:  # Ctrl+C: every answer given is on disk already, the lock let go
        console.blank()
        console.tell("plain_goodbye")
        return 130
    console.tell("plain_goodbye")
    return 0


def _run(console: Console, start: Start, roadmap_folder: Path | None) -> None:
    """The start choices, the reflection, the roadmap; until the end, a /stop, or the end of the input."""
    try:
        opened = start.choose()
    except (CommandGiven, EndOfInput):
        return
    with opened.lock:
        console.use_pack(opened.pack)
        try:
            reflection = Reflection(console, start.store, opened.traject, opened.pack, checkin=opened.checkin)
            reflection.run()
            offer_roadmap(console, opened.pack, opened.traject, roadmap_folder, early=reflection.finished_early)
        except (Stop, CommandGiven, EndOfInput):
            pass
