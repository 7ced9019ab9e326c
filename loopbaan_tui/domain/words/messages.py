"""What loopbaan says outside the app's screens (the pack checker, the command line, writing a
roadmap), each with what to do about it. The texts are in each language's catalogue
(`content/<lang>/words/messages.toml`, see `catalogue.py`); the app's screens take their words from the
pack's ui.toml instead, so a course leader can change them."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.builtin import DEFAULT_LANGUAGE
from .catalogue import catalogue


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a message that is itself translated, such as "(prompt 'x')"."""

    code: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: str, **values: object) -> Piece:
        return cls(code, tuple(values.items()))


NOTHING = Piece("nothing")


def phrase(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The text for `code` in `lang` as the catalogue has it, placeholders and all; the default
    language's when `lang`'s catalogue lacks it."""
    text = catalogue(lang).messages.get(code)
    return catalogue(DEFAULT_LANGUAGE).messages[code] if text is None else text


def message(code: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The message for `code` in `lang` (the default language for one loopbaan does not speak)."""
    shown = {
        name: message(value.code, lang, **dict(value.values)) if isinstance(value, Piece) else value
        for name, value in values.items()
    }
    return phrase(code, lang).format(**shown)
