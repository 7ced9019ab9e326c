"""One prompt on screen: its question, help and example on request, earlier answers, the editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.events import Click, DescendantBlur, DescendantFocus
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Static

from ...domain.content.model import Kind, Pack, Prompt
from ...domain.kinds import kind_of
from ...domain.trajects.checkins import last_time
from ...domain.trajects.traject import Traject
from ...domain.trajects.visibility import as_shown
from ...domain.words.dates import format_date
from ..text import literal
from .editors import make_editor
from .paths_editor import PathsEditor
from .rows_editor import RowsEditor
from .sort_editor import SortEditor


class PromptView(Vertical):
    """A prompt and its editor; F2 shows its help, F3 marks it private."""

    def __init__(self, number: int, prompt: Prompt, pack: Pack, traject: Traject, words: Callable[..., str]) -> None:
        super().__init__(classes="prompt", id=f"prompt-{prompt.id}")
        self.number = number
        self.prompt = prompt
        self.pack = pack
        self.traject = traject
        self.words = words
        self._recalled: str | None = None  # the text its box of earlier answers shows

    def compose(self) -> ComposeResult:
        prompt = self.prompt
        # The label and the line that offers help are one widget, and the help itself is made on the
        # first F2: a step holds one widget fewer per prompt, and two fewer per prompt with help.
        yield Static(self._heading(), classes="prompt-label")
        if prompt.recall and prompt.kind is not Kind.SORT:  # a sort shows what it recalls as its lines
            yield Static(classes="prompt-recall")
        if last := self._last_time():
            yield Static(last, classes="prompt-last-time")
        yield self._new_editor()

    def _new_editor(self) -> Widget:
        """The editor, offering the options shown for the answers so far."""
        shown = as_shown(self.pack, self.prompt, self.traject)
        self.options_shown = tuple(option.id for option in shown.options)
        self.editor = make_editor(shown, self.traject.answer(shown.id), self.pack, self.words, self.traject.profile)
        if isinstance(self.editor, (PathsEditor, RowsEditor, SortEditor)):  # they use other answers
            self.editor.use_answers(lambda: self.traject.answers)
        return self.editor

    async def refresh_options(self) -> bool:
        """A new editor when an earlier answer showed or hid an option (only then: the focus is
        elsewhere, in the prompt whose answer changed, and the stored answer holds every choice).
        True when it made one."""
        shown = as_shown(self.pack, self.prompt, self.traject)
        if tuple(option.id for option in shown.options) == self.options_shown:
            return False
        # Neither awaited (Textual carries both out all the same): when the screen went meanwhile (a new
        # check-in, a traject closed), awaiting them could wait for ever, this prompt never closed and
        # held by the app's theme signal, its step with it (tests/test_collector.py: ~1 check-in in 15
        # with every step mounted at once). `_note_answer` waits for the new editor's parts itself.
        self.editor.remove()
        self.mount(self._new_editor())
        self._note_answer()
        return True

    def on_mount(self) -> None:
        self._note_shown()
        self.refresh_recall()

    def _note_shown(self) -> None:
        self._note_answer()
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def on_unmount(self) -> None:
        # A signal keeps its subscribers until it next fires: without this every prompt of a step
        # that was removed (a switch of route, a check-in, a traject closed) stayed in memory.
        self.app.theme_changed_signal.unsubscribe(self)

    def _note_answer(self) -> None:
        """Remember the answer as the editor first shows it (once the editor's own parts are there)."""
        try:
            self._shown = self.editor.answer()  # type: ignore[attr-defined]
        except NoMatches:  # a container editor not composed yet
            self.call_after_refresh(self._note_answer)

    def first_field(self) -> Widget | None:
        """Where the focus goes when the prompt is entered: its editor's first field."""
        return next((w for w in self.walk_children(Widget) if w.focusable), None)

    # The accent bar beside the prompt being answered is set here, on this widget alone: a CSS
    # `:focus-within` rule makes Textual restyle every widget of the prompt on each change of focus
    # (half a millisecond a widget; 10-25 ms for a prompt with scales or paths, on every Tab).

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self._show_focus()

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        self._show_focus()

    def _theme_changed(self, theme: Theme) -> None:
        self._show_focus()

    def _show_focus(self) -> None:
        self.show_focus_bar(self.has_focus_within)

    def show_focus_bar(self, shown: bool) -> None:
        """The bar beside the prompt being answered. The screen sets it as it moves the focus, so the
        bar comes in the same frame as the step; the focus messages that follow find it set."""
        if shown:
            self.styles.border_left = ("thick", Color.parse(self.app.theme_variables["accent"]))
        else:
            self.styles.border_left = None  # back to the style sheet's

    def _heading(self) -> Content:
        """ "3. The question", its private marker, and the line offering help (F2) when it has any."""
        text = f"{self.number}. {self.prompt.label}"
        if self.prompt.id in self.traject.private:
            text += f"  ({self.words('private_marker')})"
        heading = literal(text, "bold")
        if self._has_help():
            heading = Content.assemble(heading, "\n", literal(self.words("prompt_more"), "italic $foreground-muted"))
        return heading

    def _has_help(self) -> bool:
        return bool(self.prompt.help or self.prompt.example)

    def set_number(self, number: int) -> None:
        """Its number among the prompts shown (a prompt above it appeared or went)."""
        if number != self.number:
            self.number = number
            if self.is_mounted:
                self.refresh_heading()

    def refresh_heading(self) -> None:
        self.query_one(".prompt-label", Static).update(self._heading())
        self.set_class(self.prompt.id in self.traject.private, "-private")

    def _last_time(self) -> Any:
        """ "Vorige keer, 3 maart 2026: ..." for a prompt this check-in looks at again; "" otherwise."""
        found = last_time(self.traject, self.prompt.id) if self.prompt.id in self.traject.current.revisit else None
        if found is None:
            return ""
        checkin, value = found
        lines = kind_of(self.prompt).summarize(self.pack, self.prompt, value, self.words)
        when = format_date(checkin.date.date(), self.pack.info.language, weekday=False)
        return literal(self.words("last_time", date=when) + "\n" + "\n".join(lines)) if lines else ""

    def refresh_recall(self) -> bool:
        """Show the earlier answers this prompt asks for (they may have changed in another step); rank the
        career paths by them, or offer the chosen paths' suggestions. True when what it shows changed."""
        changed = False
        if isinstance(self.editor, PathsEditor):
            changed = self.editor.refresh_fit()
        elif isinstance(self.editor, RowsEditor) and self.editor.suggestions is not None:
            changed = self.editor.suggestions.refresh_offers()
        elif isinstance(self.editor, SortEditor):
            changed = self.editor.refresh_items()
        if not self.prompt.recall:
            return changed
        boxes = self.query_children(".prompt-recall")
        if not boxes:  # not composed yet (its step is still being mounted): on_mount fills it
            return changed
        lines = self._recalled_lines()
        text = self.words("recall_title") + "\n" + "\n".join(lines) if lines else ""
        if text == self._recalled:
            return changed
        self._recalled = text
        box = boxes.first(Static)
        box.update(literal(text))
        box.display = bool(lines)
        return True

    def _recalled_lines(self) -> list[str]:
        lines = []
        for prompt_id in self.prompt.recall:
            earlier = self.pack.prompt(prompt_id)
            if earlier is None or not earlier.for_profile(self.traject.profile):
                continue
            answer = kind_of(earlier).summarize(self.pack, earlier, self.traject.answer(prompt_id), self.words)
            if answer:
                lines.append(earlier.label)
                lines += [f"  {line}" for line in answer]
        return lines

    def edited_answer(self) -> tuple[bool, Any]:
        """What the editor holds now, and whether the user changed it since it was shown (an answer
        merely shown is never rewritten in the editor's shape)."""
        if not hasattr(self, "_shown"):
            return False, None
        answer = self.editor.answer()  # type: ignore[attr-defined]
        return answer != self._shown, answer

    async def toggle_help(self) -> None:
        """Show the help and example below the heading, or hide them again; made the first time."""
        if not self._has_help():
            return
        if not self.query_children(".prompt-help"):
            parts = [self.prompt.help] if self.prompt.help else []
            if self.prompt.example:
                parts.append(self.words("prompt_example", example=self.prompt.example))
            help_text = Static(literal("\n\n".join(parts)), classes="prompt-help")
            await self.mount(help_text, after=self.query_children(".prompt-label").first())
        self.toggle_class("-show-help")

    async def on_click(self, event: Click) -> None:
        """A click on the line offering help (the heading's last) shows it."""
        widget = event.widget
        if isinstance(widget, Static) and widget.has_class("prompt-label") and self._has_help():
            offset = event.get_content_offset(widget)
            if offset is not None and offset.y == widget.content_size.height - 1:
                await self.toggle_help()
