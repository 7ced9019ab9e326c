"""What the start screen needs is all that is imported before it shows (issue 18: first paint)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from loopbaan_tui.domain.content import pack_cache
from loopbaan_tui.ui.app import IMPORT_AHEAD
from loopbaan_tui.ui.screens.start import IMPORT_AHEAD_AFTER

_START_PATH = textwrap.dedent(
    """
    import json, sys
    import loopbaan_tui.cli, loopbaan_tui.ui.launch, loopbaan_tui.ui.app, loopbaan_tui.ui.screens.start
    launch = loopbaan_tui.ui.launch
    launch.launch = lambda *args, **kwargs: 0  # everything up to the app's run
    assert loopbaan_tui.cli.main(["--data-dir", sys.argv[1]]) == 0
    print(json.dumps(sorted(sys.modules)))
    """
)

NOT_BEFORE_THE_START_SCREEN = (
    "icalendar",  # `loopbaan due --ics` only
    "loopbaan_tui.ui.session",  # an open traject
    "loopbaan_tui.ui.screens.reflection",
    "loopbaan_tui.domain.content.loader",  # the built-in pack comes from the cache (pack_cache.py)
    "argparse",  # a plain start is read by cli.quick_args
    "gettext",
    "loopbaan_tui.cli_parser",
    "loopbaan_tui.plain",  # plain mode, only when asked for
    "textual.widgets._text_area",  # the reflection's fields (ui/cursor.py asks textual_private.is_text_area)
    "textual.widgets._radio_set",  # the new-traject dialog's (ui/cursor.py asks textual_private.is_radio_set)
    "secrets",  # new ids come from os.urandom: secrets loads hashlib and OpenSSL (~0.8 MB at the start)
    "hashlib",
    # the kinds and what they import (markdown, balance, dates): the start screen lists trajecten
    # without them (traject.py, checkins.py, due.py import them where they are used)
    "loopbaan_tui.domain.kinds",
    "loopbaan_tui.domain.roadmap",
    "loopbaan_tui.domain.trajects.visibility",
    "loopbaan_tui.domain.words.dates",  # only when a traject shows its check-in date (start_list.describe)
)


def test_the_start_path_leaves_out_what_only_later_screens_use(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _START_PATH, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert "loopbaan_tui.ui.screens.start" in loaded
    assert [name for name in NOT_BEFORE_THE_START_SCREEN if name in loaded] == []


_QUIT_FROM_THE_START = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path
    from loopbaan_tui.domain.trajects.storage import Store
    from loopbaan_tui.starting_pack import starting_pack
    from loopbaan_tui.ui.app import LoopbaanApp

    async def main():
        app = LoopbaanApp(pack=starting_pack(None, "nl")[1], store=Store(Path(sys.argv[1])))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(float(sys.argv[2]))  # a moment on the start screen: what is imported ahead is
            await pilot.press("ctrl+q")
            await pilot.pause()
        print(json.dumps(sorted(sys.modules)))

    asyncio.run(main())
    """
)


def test_quitting_from_the_start_screen_loads_no_later_screen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+Q hands the reflection's fields to the session: from the start screen there is none, and
    importing the reflection to look for it was ~2 MiB of the start screen's peak memory. What the first
    open needs of the domain is imported ahead, on a thread, while the start screen is read (app.py
    IMPORT_AHEAD): ~0.9 MiB, and 40-90 ms less for that open."""
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(tmp_path / "cache"))
    pack_cache.builtin_pack("nl")  # a second start: the pack from the cache
    wait = IMPORT_AHEAD_AFTER + 0.7
    done = subprocess.run(
        [sys.executable, "-c", _QUIT_FROM_THE_START, str(tmp_path), str(wait)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert "loopbaan_tui.ui.app" in loaded
    ahead = [importlib.util.resolve_name(name, "loopbaan_tui.ui") for name in IMPORT_AHEAD]
    assert [name for name in ahead if name not in loaded] == [], "imported ahead while the start screen is read"
    within = lambda name, module: name == module or module.startswith(name + ".")  # noqa: E731 (a package of it)
    later = [name for name in NOT_BEFORE_THE_START_SCREEN if not any(within(name, a) for a in ahead)]
    assert [name for name in later if name in loaded] == []
