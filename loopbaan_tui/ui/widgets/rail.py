"""The side rail: the steps, how far along each is (on the traject's route), and where you are."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from textual.content import Content
from textual.events import Key
from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...domain.content.model import Pack, Section
from ...domain.trajects.traject import Traject, progress
from ..text import literal

LABEL_WIDTH = 27
"""Columns inside the rail (30, less its border and padding): longer lines wrap under their text."""


class StepRail(OptionList):
    """One option per step; highlighting one shows it."""

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """As OptionList's, but a new highlight redraws only the two steps' lines (`watch_highlighted`), not
    all of the rail's: each switch of step moves it."""

    def __init__(
        self, sections: tuple[Section, ...], traject: Traject, words: Callable[..., str], pack: Pack | None = None
    ) -> None:
        self.sections = sections
        self.pack = pack
        """With the pack, a prompt its show_if hides does not count in a step's progress."""
        self.traject = traject
        self.words = words
        self._shown: dict[int, tuple[int, int]] = {}  # step -> (answered, total) in its label
        self._lit: int | None = None  # the step whose option is drawn highlighted
        super().__init__(*(Option(self._label(i), id=s.id) for i, s in enumerate(sections)), id="rail")

    def _label(self, index: int) -> Content:
        section = self.sections[index]
        done, total = self._shown[index] = progress(section, self.traject.profile, self.traject, pack=self.pack)
        mark = "✓" if total and done == total else f"{done}/{total}"
        number = f"{index + 1}" if index < 5 else "★"
        question = "\n".join(textwrap.wrap(f"{number} {section.question}", LABEL_WIDTH, subsequent_indent="  "))
        name = "\n".join(
            textwrap.wrap(f"{section.name} {mark}", LABEL_WIDTH, initial_indent="  ", subsequent_indent="  ")
        )
        name, _, mark = name.rpartition(" ")
        return Content.assemble(literal(question, "bold"), "\n", literal(name + " ", "dim"), literal(mark, "italic"))

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        for index in {self._lit, highlighted}:
            if index is not None and 0 <= index < len(self.sections):
                top = sum(self._step_lines(i) for i in range(index)) - int(self.scroll_offset.y)
                self.refresh(Region(0, top, self.size.width, self._step_lines(index)))
        self._lit = highlighted

    def _step_lines(self, index: int) -> int:
        """The lines of a step's option: its label is wrapped to the rail's width as it is made (`_label`)."""
        prompt = self.get_option_at_index(index).prompt
        return len(prompt.plain.splitlines()) if isinstance(prompt, Content) else len(str(prompt).splitlines())

    def on_key(self, event: Key) -> None:
        """Digits pick a step while the rail has focus."""
        if event.character and event.character.isdigit() and 1 <= int(event.character) <= len(self.sections):
            event.stop()
            self.highlighted = int(event.character) - 1
            self.action_select()

    def refresh_progress(self, section_id: str | None = None) -> None:
        """Redraw a step's progress (every step's when None: after a switch of route) where it changed."""
        for index, section in enumerate(self.sections):
            if section_id is not None and section.id != section_id:
                continue
            # called on every key: replacing an option redraws the whole rail, so only on a change
            if progress(section, self.traject.profile, self.traject, pack=self.pack) != self._shown.get(index):
                self.replace_option_prompt_at_index(index, self._label(index))
