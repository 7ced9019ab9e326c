"""Check-ins on screen: choosing what to look at again in a new one, and comparing any two."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Offset
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from ...domain.content.model import Pack
from ...domain.roadmap.changes import between, compare_lines
from ...domain.trajects.checkins import default_revisit, new_school_year, series
from ...domain.trajects.storage import Store
from ...domain.trajects.traject import Traject, new_id
from ...domain.words.dates import format_date
from ..keys import localize_bindings
from ..text import literal
from ..textual_private import relabel_bindings
from ..widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from ..app import LoopbaanApp


def day(pack: Pack, traject: Traject, index: int) -> str:
    """A check-in's date in words ("3 maart 2026")."""
    return format_date(series(traject)[index].date.date(), pack.info.language, weekday=False)


class CheckinDialog(ModalScreen[tuple[str, ...] | None]):
    """Which prompts to look at again in a new check-in; dismisses with their ids (None: not now)."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Terug", id="back")]

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
        yield KeyFooter()  # the dialog's own keys, over the line of the screen below (whose keys wait)

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)
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


PICKER_WORDS = {"move(-1)": "key_earlier", "move(1)": "key_later"}
"""The picker's bindings (by action: they are the picker's own, not on the help screen), to the words the
footer shows for them."""


class CheckinPicker(Widget, can_focus=True):
    """One end of a comparison: a check-in's date on one line ("‹ 3 maart 2026 ›"); ← and → (or ↑ and ↓)
    choose an earlier or a later one, Home and End the first and the last. One widget, where a Select
    was a dozen (its list, its overlay), most of the time it took the compare screen to show."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,up", "move(-1)", "Eerder"),
        Binding("right,down", "move(1)", "Later"),
        Binding("home", "move_to(0)", show=False),
        Binding("end", "move_to(-1)", show=False),
    ]

    class Changed(Message):
        """The user chose another check-in."""

        def __init__(self, picker: CheckinPicker) -> None:
            super().__init__()
            self.picker = picker

    def __init__(self, dates: list[str], index: int, *, id: str) -> None:
        super().__init__(id=id)
        self.dates = dates
        self.index = index
        self.date_width = max(map(len, dates), default=0)  # the same width for every date: the arrow after it stays

    def on_mount(self) -> None:
        words = self.app.words
        relabel_bindings(
            self,
            lambda entry: (
                replace(entry, description=words(PICKER_WORDS[entry.action])) if entry.action in PICKER_WORDS else entry
            ),
        )

    def render(self) -> Content:
        last = len(self.dates) - 1
        before = Content.styled("‹", "" if self.index > 0 else "dim")
        after = Content.styled("›", "" if self.index < last else "dim")
        shown = Content.assemble(before, " ", literal(self.dates[self.index]), " ", after)
        return shown.pad_right(self.date_width - len(self.dates[self.index]))

    def cursor_cell(self) -> Offset:
        """Where the terminal's cursor stands (ui/cursor.py): on the date."""
        return Offset(2, 0)

    def action_move(self, delta: int) -> None:
        self.action_move_to(max(0, min(len(self.dates) - 1, self.index + delta)))

    def action_move_to(self, index: int) -> None:
        index %= len(self.dates)
        if index != self.index:
            self.index = index
            self.refresh()
            self.post_message(self.Changed(self))

    def on_click(self, event: events.Click) -> None:
        """A click on ‹ or › moves, as the arrow keys do."""
        if event.x <= 1:
            self.action_move(-1)
        elif len(self.dates[self.index]) + 2 <= event.x <= len(self.dates[self.index]) + 3:
            self.action_move(1)


class CompareScreen(ModalScreen[None]):
    """Two check-ins side by side: the balance across all of them, actions done, answers changed.
    Light on purpose (a title, two pickers, the lines): it shows within one frame of Ctrl+L."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Terug", id="back")]
    AUTO_FOCUS = "#compare-from"  # focused as the screen is composed: no restyle after its first frame

    def __init__(self, pack: Pack, traject: Traject) -> None:
        super().__init__()
        self.pack = pack
        self.traject = traject

    def compose(self) -> ComposeResult:
        words = self.app.words
        rounds = series(self.traject)
        dates = [format_date(c.date.date(), self.pack.info.language, weekday=False) for c in rounds]
        first, second = max(0, len(rounds) - 2), len(rounds) - 1
        with Vertical(id="compare"):
            yield Static(literal(words("compare_title")), id="compare-title")
            with Horizontal(id="compare-choice"):
                yield CheckinPicker(dates, first, id="compare-from")
                yield Static(" → ", classes="compare-arrow")
                yield CheckinPicker(dates, second, id="compare-to")
            with VerticalScroll(id="compare-body"):
                yield Static(self.compared(first, second), id="compare-lines")
        yield KeyFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)

    def compared(self, first: int, second: int) -> Content:
        """The lines comparing check-in `first` with check-in `second` (indexes into `series`)."""
        return literal(
            "\n".join(compare_lines(self.pack, between(self.pack, self.traject, first, second), first, second))
        )

    def on_checkin_picker_changed(self, event: CheckinPicker.Changed) -> None:
        first, second = (self.query_one(f"#compare-{end}", CheckinPicker).index for end in ("from", "to"))
        self.query_one("#compare-lines", Static).update(self.compared(first, second))

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
