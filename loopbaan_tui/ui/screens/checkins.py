"""Check-ins on screen: choosing what to look at again in a new one, and comparing any two."""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from ...domain.content.model import Pack
from ...domain.roadmap.changes import between, compare_lines
from ...domain.trajects.checkins import default_revisit, new_school_year, series
from ...domain.trajects.storage import Store
from ...domain.trajects.traject import Traject, new_id
from ...domain.words.dates import format_date
from ..keys import localize_bindings
from ..text import literal
from ..widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from ..app import LoopbaanApp


def day(pack: Pack, traject: Traject, index: int) -> str:
    """A check-in's date in words ("3 maart 2026")."""
    return format_date(series(traject)[index].date.date(), pack.info.language, weekday=False)


class CheckinDialog(ModalScreen[tuple[str, ...] | None]):
    """Which prompts to look at again in a new check-in; dismisses with their ids (None: not now)."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", show=False)]

    def __init__(self, pack: Pack, traject: Traject) -> None:
        super().__init__(classes="dialog")
        self.pack = pack
        self.traject = traject

    def compose(self) -> ComposeResult:
        words = self.app.words
        chosen = set(default_revisit(self.pack, self.traject.profile))
        options = [
            Selection(prompt.label, prompt.id, prompt.id in chosen)
            for section in self.pack.sections
            for prompt in section.prompts_for(self.traject.profile)
        ]
        with Vertical(id="dialog"):
            yield Static(literal(words("checkin_title")), id="dialog-title")
            yield Static(literal(words("checkin_body", date=day(self.pack, self.traject, -1))), id="dialog-body")
            yield SelectionList[str](*options, id="checkin-prompts")
            with Horizontal(id="dialog-buttons"):
                yield Button(literal(words("button_start")), id="start", variant="primary")
                yield Button(literal(words("button_cancel")), id="cancel")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id != "start":
            self.dismiss(None)
            return
        chosen = set(self.query_one(SelectionList).selected)
        order = [p.id for s in self.pack.sections for p in s.prompts_for(self.traject.profile)]
        self.dismiss(tuple(p for p in order if p in chosen))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class CompareScreen(ModalScreen[None]):
    """Two check-ins side by side: the balance across all of them, actions done, answers changed."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Terug", id="back")]

    def __init__(self, pack: Pack, traject: Traject) -> None:
        super().__init__()
        self.pack = pack
        self.traject = traject

    def compose(self) -> ComposeResult:
        words = self.app.words
        count = len(series(self.traject))
        dates = [(day(self.pack, self.traject, i), i) for i in range(count)]
        with Vertical(id="compare"):
            yield Static(literal(words("compare_title")), id="compare-title")
            with Horizontal(id="compare-choice"):
                yield Select(dates, value=max(0, count - 2), allow_blank=False, id="compare-from", compact=True)
                yield Static(" → ", classes="compare-arrow")
                yield Select(dates, value=count - 1, allow_blank=False, id="compare-to", compact=True)
            with VerticalScroll(id="compare-body"):
                yield Static(id="compare-lines")
        yield KeyFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)
        self.show()
        self.query_one("#compare-from", Select).focus()

    @on(Select.Changed)
    def show(self) -> None:
        first, second = (self.query_one(f"#compare-{end}", Select).value for end in ("from", "to"))
        if not isinstance(first, int) or not isinstance(second, int):
            return
        found = between(self.pack, self.traject, first, second)
        self.query_one("#compare-lines", Static).update(
            literal("\n".join(compare_lines(self.pack, found, first, second)))
        )

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def copy_for_new_year(store: Store, traject_id: str, name: str, when: datetime) -> Traject:
    """On a worker thread: a copy of the traject for a new school year, saved under a fresh id.
    DamagedTraject, FileNotFoundError or StorageError when it cannot be read or written."""
    traject = store.load(traject_id)
    copy_id = new_id(name)
    while os.path.lexists(store.path_of(copy_id)):
        copy_id = new_id(name)
    copy = new_school_year(traject, copy_id, name, when)
    store.save(copy)
    return copy
