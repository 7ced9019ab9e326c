"""After the last question: the roadmap, written to a file the user names (or the one offered)."""

from __future__ import annotations

from pathlib import Path

from ..domain.content.model import Pack
from ..domain.roadmap.export import default_folder, render, roadmap_filename, write_error_message, write_new_file
from ..domain.trajects.traject import Traject
from .console import Console

HTML_SUFFIXES = (".html", ".htm")


def offer_roadmap(
    console: Console, pack: Pack, traject: Traject, folder: Path | None = None, *, early: bool = False
) -> Path | None:
    """Ask whether to write the roadmap (`early`: before the last question), and where; the file written,
    or None. Never overwrites a file: a name that is taken (or cannot be written) is said, and another
    asked for. `folder`: where the file is offered (the user's Documents folder when None)."""
    console.blank()
    console.tell("plain_end_early" if early else "plain_end")
    console.show(f"1. {console.words('plain_yes')}")
    console.show(f"2. {console.words('plain_no')}")
    console.tell("plain_choose_one", high=2)
    if console.number(1, 2) != 1:
        return None
    offered = (folder or default_folder()) / roadmap_filename(traject)
    while True:
        console.tell("plain_roadmap_where", path=str(offered))
        typed = console.answer().strip()
        path = Path(typed).expanduser() if typed else offered
        fmt = "html" if path.suffix.lower() in HTML_SUFFIXES else "md"
        try:
            written = write_new_file(path, render(pack, traject, fmt))
        except OSError as error:
            console.show(write_error_message(error, path, pack.info.language))
            continue
        console.tell("plain_roadmap_saved", path=str(written))
        return written
