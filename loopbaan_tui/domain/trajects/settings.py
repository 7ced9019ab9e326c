"""The user's few preferences (the theme), kept beside the trajecten in `.settings.toml`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w

from . import atomic

SETTINGS_FILE = ".settings.toml"
"""Hidden, and not a traject id, so the traject list never shows it."""


def load_settings(folder: Path) -> dict[str, str]:
    """The saved preferences; an absent or damaged file just means the defaults."""
    try:
        data = tomllib.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: "[[[[..." thousands deep
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}


def save_settings(folder: Path, settings: dict[str, str]) -> bool:
    """Save atomically; False when it cannot be saved (a preference is not worth an error dialog)."""
    try:
        atomic.make_private_folder(folder, parents=True)
        temp = atomic.write_temp(folder, ".settings.", tomli_w.dumps(settings).encode("utf-8"))
        try:
            atomic.replace(temp, folder / SETTINGS_FILE)
        finally:
            atomic.unlink_quietly(temp)
    except OSError:
        return False
    return True
