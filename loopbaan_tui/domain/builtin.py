"""Where the built-in content packs are, in a checkout and in an installed wheel."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def content_root() -> Path:
    """The folder holding the built-in packs (`nl`, `en`).

    A wheel carries them inside the package as `loopbaan_tui/content`; a checkout or an
    editable install has them in the top-level `content/` folder beside the package.
    """
    inside = _PACKAGE / "content"
    return inside if inside.is_dir() else _PACKAGE.parent / "content"


def pack_folder(language: str) -> Path:
    """The built-in pack for a language."""
    return content_root() / language


@cache
def reference_ui(language: str) -> dict[str, str]:
    """The built-in pack's UI words: the keys a pack may set, and the values it falls back on."""
    try:
        data = tomllib.loads((pack_folder(language) / "ui.toml").read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}
