"""A pack's `ui.toml`: the words of the screens and the roadmap a course leader may change."""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path

from ..words.messages import NOTHING, Piece
from . import builtin
from .pack_files import PackFile
from .pack_schema import CONTROL, type_name
from .suggest import suggestion

REFERENCE_LANGUAGE = "nl"
"""The built-in pack whose ui.toml lists every key a pack may set."""


def reference_words(folder: Path, language: str, own: PackFile | None) -> dict[str, str]:
    """The built-in words of `language`: the folder's own ui.toml when the folder is that built-in pack
    (so it is not parsed twice at start-up), else the built-in pack's."""
    if own is not None and folder == builtin.pack_folder(language):
        return {key: value for key, value in own.data.items() if isinstance(value, str)}
    return builtin.reference_ui(language)


def read_ui(file: PackFile | None, reference: Mapping[str, str], defaults: Mapping[str, str]) -> dict[str, str]:
    """The pack's words: `defaults`, with what the pack's ui.toml sets (and passes its checks) on top.

    A key must be one of `reference`'s (when there is a reference), and keep its {placeholders}.
    """
    values = dict(defaults)
    if file is None:
        return values
    for key, value in file.data.items():
        if reference and key not in reference:
            suggested = suggestion(key, reference, Piece("fix_key"))
            file.report("key_unknown", "", 0, key, key=key, where=NOTHING, suggestion=suggested)
        elif (text := _text(file, key, value)) is not None and _template(file, key, text, reference.get(key)):
            values[key] = text
    return values


def _text(file: PackFile, key: str, value: object) -> str | None:
    """The word, when it is a text that is not empty and holds no control character (else reported)."""
    if not isinstance(value, str):
        expected = Piece("type_text")
        file.report("wrong_type", "", 0, key, key=key, where=NOTHING, expected=expected, actual=type_name(value))
        return None
    if not value.strip():
        file.report("empty_text", "", 0, key, key=key, where=NOTHING)
        return None
    if control := CONTROL.search(value):
        file.report("text_control", "", 0, key, key=key, where=NOTHING, char=f"U+{ord(control[0]):04X}")
        return None
    return value


def _template(file: PackFile, key: str, value: str, reference: str | None) -> bool:
    """Whether a UI string's {placeholders} are the ones its built-in version has."""
    if "{" not in value and "}" not in value:  # most words: no placeholders, nothing to check
        return True
    try:
        used = _placeholders(value)
    except ValueError:
        file.report("ui_braces", "", 0, key, key=key)
        return False
    allowed = _allowed(reference, used)
    wrong = sorted(used - allowed)
    for name in wrong:
        names = ", ".join(f"{{{a}}}" for a in sorted(allowed))
        choices = Piece.of("ui_choices", names=names) if allowed else Piece("ui_no_choices")
        file.report("ui_placeholder", "", 0, key, key=key, name=name, choices=choices)
    if wrong:
        return False
    try:
        value.format(**dict.fromkeys(used, "1"))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        file.report("ui_braces", "", 0, key, key=key)
        return False
    return True


def _allowed(reference: str | None, used: set[str]) -> set[str]:
    """The placeholders a word may use: its built-in version's, or with nothing to compare, any plain {name}."""
    if not reference:
        return {name for name in used if name.isidentifier()}
    try:
        return {name for name in _placeholders(reference) if name.isidentifier()}
    except ValueError:
        return set()


def _placeholders(template: str) -> set[str]:
    """The `{name}` fields a UI string uses ("" for `{}`); ValueError on stray braces."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
