"""\"Did you mean X?\": the close match to a name that is not known."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..words.messages import NOTHING, Piece


def suggestion(name: str, choices: Iterable[object], fallback: Piece = NOTHING) -> Piece:
    """ "Did you mean X?" when a close match exists (ignoring case), else `fallback`."""
    names = [str(c) for c in choices]
    same = [c for c in names if c.lower() == name.lower()]
    close = same or difflib.get_close_matches(name.lower(), names, n=1, cutoff=0.6)
    return Piece.of("did_you_mean", name=close[0]) if close else fallback
