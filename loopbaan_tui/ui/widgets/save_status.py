"""A small line that says whether everything you typed is on disk."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from ..session import SaveState
from ..text import literal


class SaveStatus(Static):
    """ "Opgeslagen 14:02", "Bezig met opslaan…", or what went wrong."""

    def __init__(self, words: Callable[..., str]) -> None:
        super().__init__(literal(words("save_clean")), id="save-status")
        self.words = words

    def show(self, state: SaveState) -> None:
        self.set_class(state.error is not None, "-error")
        self.set_class(state.dirty and state.error is None, "-dirty")
        if state.error is not None:
            text = self.words("save_failed")
        elif state.dirty:
            text = self.words("save_pending")
        elif state.saved_at is not None:
            text = self.words("save_done", time=state.saved_at.strftime("%H:%M:%S"))
        else:
            text = self.words("save_clean")
        self.update(literal(text))
