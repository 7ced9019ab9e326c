"""An answer as a few lines of plain text, for showing earlier answers beside a later prompt.

Any value is summarised without error: a traject file may have been edited by hand, or the
prompt's kind may have changed in the pack since the answer was given. What does not fit the
kind is shown as plain text rather than hidden. Each kind writes its own lines (`kinds/`).
"""

from __future__ import annotations

from ..content.model import Pack, Prompt
from ..kinds import Stored, Words, kind_of


def summarize(pack: Pack, prompt: Prompt, value: Stored | None, words: Words) -> list[str]:
    """Plain lines describing an answer; [] when there is none."""
    return kind_of(prompt).summarize(pack, prompt, value, words)
