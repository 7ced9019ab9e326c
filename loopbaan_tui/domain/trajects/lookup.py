"""Finding a traject by what a person types: its id, or its name with case, accents and dashes ignored."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence

from .storage import TrajectSummary

_DASHES = frozenset("\u2212\u2043\ufe63\uff0d")
"""Dash-like characters outside Unicode's dash category (Pd): minus sign, hyphen bullet, small and wide minus."""


def name_key(name: str) -> str:
    """A name as names are compared: "Mijn Loopbaan 2025–2026" and "mijn loopbaan 2025 2026" are one key."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = (c for c in decomposed if not unicodedata.combining(c))
    spaced = "".join(" " if c.isspace() or c in _DASHES or unicodedata.category(c) == "Pd" else c for c in letters)
    return " ".join(spaced.split()).casefold()


def matching(summaries: Sequence[TrajectSummary], wanted: str) -> list[TrajectSummary]:
    """The trajecten `wanted` names, in the order given: the one with that id, else every readable one whose
    name has the same key. Several means the person must choose (by id); none means nothing matched."""
    typed = wanted.strip()
    by_id = [s for s in summaries if s.id == typed]
    if by_id or not typed:
        return by_id
    key = name_key(typed)
    return [s for s in summaries if s.problem is None and key and name_key(s.name) == key]


def close_names(summaries: Sequence[TrajectSummary], wanted: str, count: int = 3) -> list[str]:
    """Names of readable trajecten that look like `wanted` (for "did you mean"), closest first."""
    names: dict[str, str] = {}
    for summary in summaries:
        if summary.problem is None:
            names.setdefault(name_key(summary.name), summary.name)
    keys = difflib.get_close_matches(name_key(wanted), list(names), n=count, cutoff=0.6)
    return [names[key] for key in keys]
