"""The roadmap's optional part on fit: the three paths that fit the answers best, each with its reasons."""

from __future__ import annotations

from collections.abc import Mapping

from ..content.model import Pack
from ..kinds import Stored
from ..roadmap.markdown import escape_inline, flat_line, heading, list_item
from .ranking import because, rank

TOP = 3
"""How many paths the roadmap names."""


def fit_blocks(pack: Pack, answers: Mapping[str, Stored], profile: str) -> list[str]:
    """A section naming the best fitting paths (only those some answer points to), or nothing. `answers`
    are those the roadmap may show: a private answer left out of it gives no reason either."""
    fits = [fit for fit in rank(pack, answers, profile) if fit.reasons][:TOP]
    if not fits:
        return []
    items = [
        list_item(because(pack, fit, first_person=True), lead=f"**{escape_inline(fit.path.name)}**: ") for fit in fits
    ]
    note = "*" + flat_line(pack.text("doc_fit_note")) + "*"
    return [heading(2, pack.text("doc_fit")), note, "\n".join(items)]
