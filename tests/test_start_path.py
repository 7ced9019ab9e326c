"""What the start screen needs is all that is imported before it shows (issue 18: first paint)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

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
)


def test_the_start_path_leaves_out_what_only_later_screens_use(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _START_PATH, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert "loopbaan_tui.ui.screens.start" in loaded
    assert [name for name in NOT_BEFORE_THE_START_SCREEN if name in loaded] == []
