"""The program's own words, one catalogue per built-in language: `content/<lang>/words/messages.toml`.

It holds what loopbaan says outside the screens (the pack checker, the command line, writing files) and
the names of months and days. The screens' words are the pack's `ui.toml` beside it (a course pack may
change those; see `builtin.reference_ui`). Each catalogue is read once, when it is first needed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from ..content import builtin

WORDS_FILE = Path("words") / "messages.toml"
"""Where a language's catalogue is, inside its built-in pack folder (the pack loader never reads it:
it reads only the `.toml` files at the top of a pack folder)."""


class CatalogueMissing(RuntimeError):
    """The default language's catalogue cannot be read: the installation is broken."""


@dataclass(frozen=True, slots=True)
class DateWords:
    """Month and weekday names (January and Monday first) and the short forms people type."""

    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    months_short: tuple[tuple[str, ...], ...]
    weekdays_short: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """One language's words: `messages` by code, `dates`, and the names of languages in this one."""

    language: str
    messages: Mapping[str, str]
    dates: DateWords
    language_names: Mapping[str, str]


def _names(data: Mapping[str, object], key: str, count: int) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or len(value) != count or not all(isinstance(v, str) for v in value):
        raise ValueError(f"[dates] {key} must be a list of {count} texts")
    return tuple(value)


def _shorts(data: Mapping[str, object], key: str, count: int) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(name for name in names.split("/") if name) for names in _names(data, key, count))


def _read(language: str) -> Catalogue:
    path = builtin.pack_folder(language) / WORDS_FILE
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    dates = data.get("dates")
    if not isinstance(dates, dict):
        raise ValueError("[dates] is missing")
    messages = {key: value for key, value in data.items() if isinstance(value, str)}
    names = data.get("language_names", {})
    if not isinstance(names, dict):
        raise ValueError("[language_names] must be a table")
    return Catalogue(
        language,
        MappingProxyType(messages),
        DateWords(
            _names(dates, "months", 12),
            _names(dates, "weekdays", 7),
            _shorts(dates, "months_short", 12),
            _shorts(dates, "weekdays_short", 7),
        ),
        MappingProxyType({key: value for key, value in names.items() if isinstance(value, str)}),
    )


@cache
def catalogue(language: str) -> Catalogue:
    """The catalogue of `language`; the default language's for one loopbaan does not speak, or whose
    catalogue cannot be read (CatalogueMissing when even that one cannot)."""
    language = builtin.language_or_default(language)
    try:
        return _read(language)
    except (OSError, ValueError) as error:
        if language != builtin.DEFAULT_LANGUAGE:
            return catalogue(builtin.DEFAULT_LANGUAGE)
        path = builtin.pack_folder(language) / WORDS_FILE
        raise CatalogueMissing(f"loopbaan's own words cannot be read from {path} ({error}); reinstall it") from None


def language_name(language: str, in_language: str) -> str:
    """What `language` is called in `in_language` ("Engels"); its own name ("English", its catalogue's
    `language_name`) when `in_language`'s catalogue does not know it yet."""
    known = catalogue(in_language).language_names.get(language)
    return known if known is not None else catalogue(language).messages.get("language_name", language)


def forget() -> None:
    """Read the folders again on next use (for tests that add a language)."""
    catalogue.cache_clear()
    builtin.languages.cache_clear()
    builtin.reference_ui.cache_clear()
