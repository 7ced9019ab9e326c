"""The career paths editor: this profile's paths ordered by fit with the answers so far, each with why."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Checkbox, Static, TextArea

from ...domain import kinds
from ...domain.content.model import CareerPath, Pack, Prompt
from ...domain.fit.ranking import Fit, because, rank
from ...domain.kinds import PathPick, PathsAnswer, Stored, Words
from ..text import literal
from .editor_base import Editor, hold_keys, release_keys_when_shown
from .styled import QuietStatic
from .text_fields import LineField
from .toggles import WrappingCheckbox

Answers = Callable[[], Mapping[str, Stored]]
"""The traject's answers as they are now (asked each time the ranking is refreshed)."""


class PathsEditor(Editor):
    """The career paths for this profile: tick the ones that appeal and say why. The paths come in the
    order of their fit with the user's other answers (`domain/fit`), each with its reasons; any path can
    be picked, and re-ordering never moves the focus."""

    def __init__(self, prompt: Prompt, value: Stored | None, pack: Pack, words: Words, profile: str) -> None:
        super().__init__(prompt, value, pack, words, profile)
        self._reasons: dict[str, LineField] = {}
        self._boxes: dict[str, Vertical] = {}
        self._details: dict[str, QuietStatic] = {}  # each path's line of reasons (when it has any) and details
        self._detail_texts: dict[str, str] = {}  # each path's description, examples and what it asks
        self._fit_texts: dict[str, str] = {}  # what each path's line of reasons says now
        self._answers: Answers = dict
        self._order = kinds.PATHS.shown(pack, prompt, profile)
        self._note = Static(literal(self.words("paths_ranked")), classes="paths-ranked")

    def use_answers(self, answers: Answers) -> None:
        """Rank by these answers (the traject's): before the editor is composed, or with `refresh_fit`."""
        self._answers = answers

    def compose(self) -> ComposeResult:
        picks = kinds.PATHS.read(self.prompt, self.value).picks
        chosen = {pick.path: pick.reason for pick in picks if not pick.loose}
        fits = self._ranked()
        yield self._note
        for fit in fits:
            with Vertical(classes="path") as box:
                yield from self._path(fit.path, chosen)
            self._boxes[fit.path.id] = box
        self._show(fits)

    def _path(self, path: CareerPath, chosen: Mapping[str, str]) -> ComposeResult:
        yield WrappingCheckbox(literal(path.name), value=path.id in chosen, name=path.id)
        details = path.description
        if path.examples:
            details += "\n" + self.words("path_examples", examples=", ".join(path.examples))
        if path.asks:
            details += "\n" + self.words("path_asks", asks=path.asks)
        # the line of reasons is the first of the details, not a widget of its own: one widget fewer a path
        self._detail_texts[path.id] = details
        self._details[path.id] = QuietStatic(literal(details), classes="path-details")
        yield self._details[path.id]
        if path.id in chosen:  # the field for why is made when the path is picked: most paths never are
            yield self._reason(path.id, chosen[path.id])

    def _reason(self, path_id: str, text: str) -> LineField:
        reason = LineField(text, placeholder=self.words("path_reason"), classes="path-reason")
        self._reasons[path_id] = reason
        return reason

    def _ranked(self) -> tuple[Fit, ...]:
        shown = set(self._order)
        return tuple(f for f in rank(self.pack, self._answers(), self.profile, self.prompt) if f.path.id in shown)

    def _show(self, fits: tuple[Fit, ...]) -> bool:
        """Each path's reasons under its name, and the note above the list when any path has one; True
        when any of it changed (only what changed is redrawn)."""
        changed = False
        for fit in fits:
            words = because(self.pack, fit)
            text = self.words("path_fit", because=words) if words else ""
            if self._fit_texts.get(fit.path.id) != text:
                self._fit_texts[fit.path.id] = text
                details, shown = self._detail_texts[fit.path.id], self._details[fit.path.id]
                fit_line: list[str | Content] = [literal(text, "$accent"), "\n"] if text else []
                shown.update(Content.assemble(*fit_line, literal(details)))
                shown.set_class(bool(text), "-fitted")
                changed = True
        noted = any(f.reasons for f in fits)
        if self._note.display != noted:
            self._note.display = noted
            changed = True
        return changed

    def refresh_fit(self) -> bool:
        """Re-rank by the answers as they are now: the paths move, the focus stays where it is. True when
        the order or a reason changed."""
        if not self._boxes or any(box.parent is not self for box in self._boxes.values()):
            return False  # not composed yet: compose ranks
        fits = self._ranked()
        order = [self._boxes[f.path.id] for f in fits if f.path.id in self._boxes]
        moved = order != [child for child in self.children if child in order]
        if moved:
            for box in reversed(order):
                self.move_child(box, after=self._note)
        return self._show(fits) or moved

    def answer(self) -> Stored:
        """The picks in the pack's order (not the ranking's), as they were stored before there was one."""
        boxes = {box.name: box for box in self.query(Checkbox) if box.value and box.name}
        reasons = self._reasons
        picks = (
            PathPick(path_id, reasons[path_id].text if path_id in reasons else "")
            for path_id in self._order
            if path_id in boxes
        )
        return kinds.PATHS.write(PathsAnswer(picks=tuple(picks)))

    @on(Checkbox.Changed)
    @on(TextArea.Changed)
    async def _edited(self, event: Message) -> None:
        event.stop()
        if isinstance(event, Checkbox.Changed) and event.checkbox.name:
            await self._show_reason(event.checkbox.name, event.value)
        self.changed(self.answer())

    async def _show_reason(self, path_id: str, shown: bool) -> None:
        """The field for why under a path picked; hidden again, with what it holds, when it is unpicked.
        Made on the first pick, in the handling of the key that picked it, and awaited there: the key
        after it (Tab, in the same burst) waits until the key that picked is handled all the way
        (ui/key_order.py), which is after this handler, so it finds the field mounted."""
        if path_id in self._reasons:
            self._reasons[path_id].display = shown
        elif shown and path_id in self._boxes:
            hold_keys(self)  # also when the mounting takes longer than the key order waits
            try:
                await self._boxes[path_id].mount(self._reason(path_id, ""))
            finally:
                release_keys_when_shown(self)
