"""What the start screen needs is all that is imported before it shows (issue 18: first paint)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

_START_PATH = textwrap.dedent(
    """
    import json, sys
    import loopbaan_tui.cli, loopbaan_tui.ui.launch, loopbaan_tui.ui.app, loopbaan_tui.ui.screens.start
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
)


def test_the_start_path_leaves_out_what_only_later_screens_use() -> None:
    done = subprocess.run([sys.executable, "-c", _START_PATH], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert "loopbaan_tui.ui.screens.start" in loaded
    assert [name for name in NOT_BEFORE_THE_START_SCREEN if name in loaded] == []
