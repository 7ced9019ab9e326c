"""Where the built-in content packs are, in a checkout and in an installed wheel, and so which
languages loopbaan speaks: one built-in pack folder per language (adding a language is adding a folder)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import overload

_PACKAGE = Path(__file__).resolve().parents[2]

DEFAULT_LANGUAGE = "nl"
"""The language when none is asked for, or one loopbaan does not speak."""


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
def languages() -> tuple[str, ...]:
    """The built-in languages: each folder of `content_root()` that holds a pack (a pack.toml),
    the default first, then by name."""
    try:
        found = {path.parent.name for path in content_root().glob("*/pack.toml")}
    except OSError:
        found = set()
    return (DEFAULT_LANGUAGE, *sorted(found - {DEFAULT_LANGUAGE}))


class _Languages(Sequence[str]):
    """`languages()` as a constant that can be imported before it is needed: `"en" in LANGUAGES`,
    `for language in LANGUAGES`, argparse's `choices=LANGUAGES` all look at the folders when used."""

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return languages()[index]

    def __len__(self) -> int:
        return len(languages())

    def __contains__(self, value: object) -> bool:
        return value in languages()

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __repr__(self) -> str:
        return repr(languages())


LANGUAGES: Sequence[str] = _Languages()
"""The built-in languages (see `languages`)."""


def language_or_default(language: str) -> str:
    """`language` when loopbaan speaks it, else the default."""
    return language if language in languages() else DEFAULT_LANGUAGE


@cache
def reference_ui(language: str) -> dict[str, str]:
    """The built-in pack's UI words: the keys a pack may set, and the values it falls back on."""
    try:
        data = tomllib.loads((pack_folder(language) / "ui.toml").read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return {}
    return {key: value for key, value in data.items() if isinstance(value, str)}
