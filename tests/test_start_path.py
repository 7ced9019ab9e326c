"""What the start screen needs is all that is imported before it shows (issue 18: first paint)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from loopbaan_tui.domain.content import pack_cache
from loopbaan_tui.ui.ahead import IMPORT_AHEAD

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
    import asyncio, json, sys, time
    from pathlib import Path
    from loopbaan_tui.domain.trajects.storage import Store
    from loopbaan_tui.starting_pack import starting_pack
    from loopbaan_tui.ui.ahead import IMPORT_AHEAD
    from loopbaan_tui.ui.app import LoopbaanApp

    async def main():
        app = LoopbaanApp(pack=starting_pack(None, "nl")[1], store=Store(Path(sys.argv[1])))
        async with app.run_test(size=(80, 24)) as pilot:
            deadline = time.monotonic() + 20  # a moment on the start screen: until what is readied ahead is
            parsed = lambda: any(where == "TextArea.DEFAULT_CSS" for _, where in app.stylesheet.source)
            while not parsed() and time.monotonic() < deadline:
                await pilot.pause(0.05)
            print(json.dumps(parsed()))
            await pilot.press("ctrl+q")
            await pilot.pause()
        print(json.dumps(sorted(sys.modules)))

    asyncio.run(main())
    """
)


LATER_SCREENS = (
    "loopbaan_tui.ui.screens.roadmap",
    "loopbaan_tui.ui.screens.checkins",
    "loopbaan_tui.ui.screens.new_traject",
    "loopbaan_tui.ui.screens.example",
    "loopbaan_tui.domain.roadmap.roadmap",  # the roadmap document
    "loopbaan_tui.domain.content.loader",
    "icalendar",
    "argparse",
    "loopbaan_tui.plain",
)
"""Not imported by a start screen that is only read: the screens after the reflection, the command line's."""


def test_quitting_from_the_start_screen_loads_no_later_screen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+Q hands the reflection's fields to the session: from the start screen there is none, and
    quitting does not import the reflection to look for it (~2 MiB of the start screen's peak memory).
    What the first open needs, the reflection screen with it, is imported ahead, on a thread, while the
    start screen is read, and its style rules parsed (ahead.py): ~100 ms less CPU for that open;
    nothing after it is imported."""
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(tmp_path / "cache"))
    pack_cache.builtin_pack("nl")  # a second start: the pack from the cache
    done = subprocess.run(
        [sys.executable, "-c", _QUIT_FROM_THE_START, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    *_, parsed, modules = done.stdout.splitlines()
    assert json.loads(parsed), "the reflection's style rules parsed ahead (ahead.parse_rules)"
    loaded = set(json.loads(modules))
    assert "loopbaan_tui.ui.app" in loaded
    assert [name for name in IMPORT_AHEAD if name not in loaded] == [], "imported ahead while the start screen is read"
    assert [name for name in LATER_SCREENS if name in loaded] == []
