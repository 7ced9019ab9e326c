"""The roadmap as it will be written, and saving it (built on the roadmap writer)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..session import Session
from ..text import literal

if TYPE_CHECKING:
    from ..app import LoopbaanApp


class RoadmapScreen(Screen[None]):
    """Placeholder until the roadmap writer lands."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Terug", id="back")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="roadmap"):
            yield Static(literal(self.app.words("roadmap_title")))
        yield Footer(compact=True)

    def action_back(self) -> None:
        self.dismiss()
