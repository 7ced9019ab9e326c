"""The roadmap as it will be written: choose what goes in, see it, and save it where you want."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypedDict

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, RadioButton, RadioSet, Static

from ...domain.roadmap.export import default_folder, render, roadmap_filename, write_error_message, write_new_file
from ...domain.roadmap.older import older_answers
from ...domain.trajects.settings import load_settings, save_settings
from ..keys import HELP_KEY, localize_bindings
from ..session import Session
from ..text import literal
from ..widgets.key_footer import KeyFooter
from ..widgets.text_fields import LineField
from .dialogs import Choice

if TYPE_CHECKING:
    from textual.widgets import Markdown

    from ..app import LoopbaanApp


LAST_FOLDER = "roadmap_folder"
"""Settings key: where the last roadmap was saved, offered again next time."""


class _Options(TypedDict):
    """What the roadmap leaves in or out (the keywords of `export.render`)."""

    include_empty: bool
    include_private: bool
    include_older: bool
    include_fit: bool


class RoadmapScreen(Screen[None]):
    """Preview and save; nothing is written until the user presses Save."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP_KEY,
        Binding("escape", "back", "Terug", id="back_to_steps"),
        Binding("ctrl+s", "save", "Opslaan", id="save_roadmap"),
        Binding("f4", "full_screen", "Groot", id="full_screen"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._saving = False

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # heavy: imported only when the roadmap is shown

        words = self.app.words
        with Vertical(id="roadmap-options"):
            yield Static(literal(words("roadmap_title")), classes="step-question")
            with Horizontal(classes="roadmap-row"):
                yield Checkbox(literal(words("roadmap_include_empty")), id="include-empty")
                yield Checkbox(literal(words("roadmap_include_private")), id="include-private")
                yield Checkbox(literal(words("roadmap_include_fit")), id="include-fit")
            older = len(older_answers(self.session.pack, self.session.traject))
            if older:  # a row of its own: only a traject whose pack lost prompts has it
                with Horizontal(classes="roadmap-row"):
                    yield Checkbox(literal(words("roadmap_include_older", count=older)), id="include-older")
            yield LineField(id="roadmap-path")
            with Horizontal(classes="roadmap-row"):
                with RadioSet(id="roadmap-format"):
                    yield RadioButton("Markdown", value=True, name="md")
                    yield RadioButton("HTML", name="html")
                yield Button(literal(words("button_save_roadmap")), id="save-roadmap", variant="primary")
            yield Static(id="roadmap-message")
        with VerticalScroll(id="roadmap-preview"):
            yield Markdown(id="roadmap-markdown", open_links=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)
        if self.app.is_web:  # in a browser (loopbaan serve): the file goes to the browser, not to a folder here
            self.query_one("#roadmap-path", LineField).display = False
            self.query_one("#save-roadmap", Button).label = literal(self.app.words("button_download_roadmap"))
            self.refresh_preview()
            return
        folder = self._folder()
        self.query_one("#roadmap-path", LineField).load_text(str(folder / roadmap_filename(self.session.traject)))
        if folder == Path.home():  # no Documents folder (or none known): say plainly where it goes
            self._say(self.app.words("roadmap_to_home", folder=str(folder)))
        self.refresh_preview()

    def _folder(self) -> Path:
        """The folder the user last saved a roadmap to, while it is there; else Documents (or home)."""
        last = load_settings(self.app.store.folder).get(LAST_FOLDER)
        if last and Path(last).is_dir():
            return Path(last)
        return default_folder()

    def action_full_screen(self) -> None:
        """The preview takes the whole screen, or gives the options back."""
        self.toggle_class("-full")

    def _format(self) -> str:
        pressed = self.query_one("#roadmap-format", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "md"

    def _options(self) -> _Options:
        return {
            "include_empty": self.query_one("#include-empty", Checkbox).value,
            "include_private": self.query_one("#include-private", Checkbox).value,
            "include_older": any(box.value for box in self.query("#include-older").results(Checkbox)),
            "include_fit": self.query_one("#include-fit", Checkbox).value,
        }

    def _renderer(self, form: str) -> Callable[[], str]:
        """The roadmap as the options now say, to be made on a thread (from its own copy of the traject)."""
        pack, traject, options = self.session.pack, self.session.traject.snapshot(), self._options()
        return lambda: render(pack, traject, form, **options)

    @on(Checkbox.Changed)
    def _options_changed(self) -> None:
        self.refresh_preview()

    @work(exclusive=True, group="preview")
    async def refresh_preview(self) -> None:
        """Render the roadmap on a thread (a long reflection takes a moment), then show it; a newer
        choice of what goes in replaces a preview still being made."""
        text = await asyncio.to_thread(self._renderer("md"))
        markdown: Markdown = self.query_one("#roadmap-markdown")  # type: ignore[assignment]
        await markdown.update(text)

    @on(RadioSet.Changed, "#roadmap-format")
    def _format_changed(self) -> None:
        box = self.query_one("#roadmap-path", LineField)
        path = Path(box.text)
        if path.suffix.lower() in (".md", ".html", ".htm"):
            box.replace(str(path.with_suffix("." + self._format())), (0, 0), box.document.end)  # Ctrl+Z undoes

    @on(LineField.Submitted, "#roadmap-path")
    @on(Button.Pressed, "#save-roadmap")
    def _save_pressed(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Write the roadmap (on a thread); a second request while one is being written is let go."""
        if not self._saving:
            self._saving = True
            self._save()

    @work
    async def _save(self) -> None:
        try:
            await (self._render_and_deliver() if self.app.is_web else self._render_and_write())
        finally:
            self._saving = False

    async def _render_and_deliver(self) -> None:
        """In a browser: hand the roadmap to the browser as a download (Textual's `deliver_text`)."""
        form = self._format()
        text = await asyncio.to_thread(self._renderer(form))
        name = roadmap_filename(self.session.traject, ext=form)
        mime = "text/html" if form == "html" else "text/markdown"
        self.app.deliver_text(io.StringIO(text), save_filename=name, encoding="utf-8", mime_type=mime)
        self._say(self.app.words("roadmap_download_started", name=name))

    async def _render_and_write(self) -> None:
        words = self.app.words
        raw = self.query_one("#roadmap-path", LineField).text.strip()
        if not raw:
            self._say(words("roadmap_no_path"), error=True)
            return
        path = Path(raw).expanduser()
        text = await asyncio.to_thread(self._renderer(self._format()))
        try:
            written = await asyncio.to_thread(write_new_file, path, text)
        except FileExistsError:
            answer = await self.app.push_screen_wait(
                Choice(
                    words("roadmap_exists_title"),
                    words("roadmap_exists_body", path=str(path)),
                    [("cancel", words("button_cancel")), ("overwrite", words("button_overwrite"))],
                    warning=True,
                )
            )
            if answer != "overwrite":
                return
            try:
                written = await asyncio.to_thread(write_new_file, path, text, overwrite=True)
            except OSError as error:
                self._say(write_error_message(error, path, self.session.pack.info.language), error=True)
                return
        except OSError as error:
            self._say(write_error_message(error, path, self.session.pack.info.language), error=True)
            return
        self._say(words("roadmap_saved", path=str(written)))
        await asyncio.to_thread(self._remember_folder, written.parent)

    def _remember_folder(self, folder: Path) -> None:
        settings = load_settings(self.app.store.folder)
        save_settings(self.app.store.folder, {**settings, LAST_FOLDER: str(folder)})

    def _say(self, text: str, error: bool = False) -> None:
        message = self.query_one("#roadmap-message", Static)
        message.update(literal(text))
        message.set_class(error, "-error")

    def action_back(self) -> None:
        self.dismiss()
