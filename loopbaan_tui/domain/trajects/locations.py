"""Where a user's files live: one small module, no side effects."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "loopbaan"
DATA_DIR_ENV = "LOOPBAAN_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for trajecten: `--data-dir`, else $LOOPBAAN_DATA_DIR, else the platform's place."""
    if override:
        return Path(override).expanduser()
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser()
    from platformdirs import user_data_path  # imported here: only needed when no folder is given

    return user_data_path(APP_NAME, appauthor=False)
