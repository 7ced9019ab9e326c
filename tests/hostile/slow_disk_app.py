"""`loopbaan` on a slow disk, for tests/test_hostile_kill.py: every fsync takes a while.

LOOPBAAN_TEST_FSYNC: seconds each fsync takes (default 0.5).
LOOPBAAN_TEST_MARKER: a file written when a save begins while another save is running on the
same thread, as happens when a signal handler saves in the middle of a save.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from loopbaan_tui.domain.trajects import storage

DELAY = float(os.environ.get("LOOPBAAN_TEST_FSYNC", "0.5"))
MARKER = Path(os.environ["LOOPBAAN_TEST_MARKER"])

_real_fsync = os.fsync
_real_save = storage.Store.save
_depth = threading.local()


def slow_fsync(fd: int) -> None:
    time.sleep(DELAY)
    _real_fsync(fd)


def watched_save(self: storage.Store, traject: Any, **options: Any) -> Path:
    level = getattr(_depth, "level", 0)
    if level:
        MARKER.write_text("a save began inside another save on the same thread\n", encoding="utf-8")
    _depth.level = level + 1
    try:
        return _real_save(self, traject, **options)
    finally:
        _depth.level = level


os.fsync = slow_fsync
storage.Store.save = watched_save  # type: ignore[method-assign]

if __name__ == "__main__":
    from loopbaan_tui.cli import main

    sys.exit(main())
