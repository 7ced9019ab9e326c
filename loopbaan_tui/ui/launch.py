"""From the command line to a running app: find the pack and the data folder, run, exit kindly."""

from __future__ import annotations

import gc
import sys

from ..domain.trajects.locations import data_dir
from ..domain.trajects.storage import Store
from ..starting_pack import starting_pack


def launch(content: str | None, data_dir_arg: str | None = None, lang: str = "nl", *, watch: bool = False) -> int:
    """Run the app; 0 when the user quits, 1 when the pack is wrong or the app failed."""
    # Loading the pack and importing Textual make tens of thousands of objects that live as long as
    # the app; the collector would walk them over and over (~20 ms of a start of ~300 ms). So it
    # waits, and then they are set aside (frozen) so that later collections skip them.
    gc.disable()
    try:
        return _launch(content, data_dir_arg, lang, watch)
    finally:
        gc.enable()


def _launch(content: str | None, data_dir_arg: str | None, lang: str, watch: bool = False) -> int:
    folder, pack, said = starting_pack(content, lang)
    if pack is None:
        print(*said, sep="\n", file=sys.stderr)
        return 1
    from . import css_cache
    from .app import LoopbaanApp

    app = LoopbaanApp(
        pack=pack,
        store=Store(data_dir(data_dir_arg)),
        custom_content=folder.resolve() if content else None,
        watch=folder if watch else None,
    )
    css_cache.prime(app)  # the style rules parsed in an earlier run (css_cache.py)
    gc.freeze()
    gc.enable()
    app.run()
    if app.crash_report:
        print(app.crash_report, file=sys.stderr)
        return 1
    return app.return_code or 0
