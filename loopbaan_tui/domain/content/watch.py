"""Watching a pack folder while a course leader edits it: poll the files, reload when one changes.

Polling (a stat of each file, about once a second) needs no dependency and works the same on every
platform and on network folders, where file-system events are unreliable. A reload that finds
problems is reported and the caller keeps the pack it had (see ui/watch.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .loader import LoadResult, load_pack

Fingerprint = tuple[tuple[str, int, int], ...]
"""Each visible file of a folder: its name, when it was last written (ns) and its size."""


def fingerprint(folder: Path) -> Fingerprint:
    """What the folder holds now; () when it cannot be read (a reload then says why)."""
    try:
        with os.scandir(folder) as entries:
            found = []
            for entry in entries:
                if entry.name.startswith("."):  # an editor's swap or lock file
                    continue
                try:
                    info = entry.stat()
                except OSError:  # removed between the listing and the look
                    continue
                found.append((entry.name, info.st_mtime_ns, info.st_size))
    except OSError:
        return ()
    return tuple(sorted(found))


class PackWatcher:
    """Tells, each time it is asked, whether the folder changed since the last time, and if so loads it."""

    def __init__(self, folder: Path, load: Callable[[Path], LoadResult] = load_pack) -> None:
        self.folder = folder
        self._load = load
        self._seen = fingerprint(folder)

    def poll(self) -> LoadResult | None:
        """The pack loaded anew (or its problems) when a file changed since the last poll; None when none did."""
        now = fingerprint(self.folder)
        if now == self._seen:
            return None
        self._seen = now
        return self._load(self.folder)
