"""A small line that says whether everything you typed is on disk."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual.widgets import Static

from ..session import SaveState
from ..text import literal
from ..words import storage_word


class SaveStatus(Static):
    """ "Opgeslagen 14:02", "Bezig met opslaan…", or what went wrong."""

    def __init__(self, words: Callable[..., str]) -> None:
        super().__init__(literal(words("save_clean"), "$success"), id="save-status")
        self.words = words
        self._warned = False  # a failed save is told once, until a save succeeds again
        self._shown = (words("save_clean"), "$success")
        # As wide as its longest line, always: a line of another width laid out the whole screen again
        # (the title beside it), on every key that made the state dirty and on every save after it.
        lines = (words("save_clean"), words("save_pending"), words("save_done", time="00:00:00"), words("save_failed"))
        self.styles.width = max(cell_len(line) for line in lines)

    def show(self, state: SaveState) -> None:
        """Show the state, and tell (once) what went wrong and where the words went."""
        self._show_line(state)
        words = self.words
        if state.error is not None and not self._warned:
            self._warned = True
            message = words(storage_word(state.error.code), path=str(state.error.path))
            if state.recovery:
                message += "\n" + words("save_recovery", path=str(state.recovery))
            self.notify(message, title=words("save_failed"), severity="error", timeout=15)
        elif state.error is None:
            self._warned = False
        if state.kept_aside is not None:  # the file was changed or damaged outside loopbaan: say where it went
            self.notify(words("save_kept_aside", path=str(state.kept_aside)), severity="warning", timeout=20)

    def _show_line(self, state: SaveState) -> None:
        """The line, its colour in its text: a class set and unset on every key restyled the widget
        (~1 ms a key, the state goes dirty and clean again with each save)."""
        if state.error is not None:
            text, style = self.words("save_failed"), "bold $error"
        elif state.dirty:
            text, style = self.words("save_pending"), "$foreground-muted"
        elif state.saved_at is not None:
            text, style = self.words("save_done", time=state.saved_at.strftime("%H:%M:%S")), "$success"
        else:
            text, style = self.words("save_clean"), "$success"
        if (text, style) != self._shown:  # on every key the state is published: a same line is not drawn again
            self._shown = (text, style)
            self.update(literal(text, style), layout=False)
