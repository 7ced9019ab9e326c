"""Shown instead of a squashed layout when the terminal is smaller than the app needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from ..text import literal

if TYPE_CHECKING:
    from ..app import LoopbaanApp


class TooSmallScreen(Screen[None]):
    """A plain notice; it goes away by itself when the window is large enough again."""

    app: LoopbaanApp

    def compose(self) -> ComposeResult:
        from ..app import MIN_HEIGHT, MIN_WIDTH

        yield Static(literal(self.app.words("too_small", width=MIN_WIDTH, height=MIN_HEIGHT)), id="too-small")
