"""Help: what each step is about, what the keys do, and where your files are."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..text import literal

if TYPE_CHECKING:
    from ..app import LoopbaanApp

KEYS = (
    ("F1", "help_key_help"),
    ("F2", "help_key_explain"),
    ("F3", "help_key_private"),
    ("Tab / Shift+Tab", "help_key_tab"),
    ("Ctrl+↓ / Ctrl+↑", "help_key_prompt"),
    ("Ctrl+N / Ctrl+B", "help_key_step"),
    ("F5 … F9", "help_key_goto"),
    ("Ctrl+R", "help_key_roadmap"),
    ("Ctrl+S", "help_key_save"),
    ("Ctrl+T", "help_key_theme"),
    ("Esc", "help_key_back"),
    ("Ctrl+Q", "help_key_quit"),
)


class HelpScreen(ModalScreen[None]):
    """Everything a user may wonder about, on one scrollable page."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", show=False),
    ]

    def compose(self) -> ComposeResult:
        words, pack = self.app.words, self.app.session.pack if self.app.session else self.app.pack
        with VerticalScroll(id="help"):
            yield Static(literal(words("help_title")), classes="help-title")
            yield Static(literal(words("help_intro")), classes="help-text")
            yield Static(literal(words("help_steps")), classes="help-heading")
            for number, section in enumerate(pack.competencies, start=1):
                yield Static(literal(f"{number}. {section.question} — {section.name}"), classes="help-step")
                yield Static(literal(section.intro), classes="help-text")
            yield Static(literal(words("help_keys")), classes="help-heading")
            width = max(len(key) for key, _ in KEYS)
            yield Static(literal("\n".join(f"{key:<{width}}  {words(text)}" for key, text in KEYS)),
                         classes="help-keys")
            yield Static(literal(words("help_files")), classes="help-heading")
            yield Static(literal(self._files()), classes="help-text")
            yield Static(literal(words("help_close")), classes="help-close")

    def _files(self) -> str:
        words, store = self.app.words, self.app.store
        lines = [words("help_files_folder", path=str(store.folder))]
        if self.app.session is not None:
            lines.append(words("help_files_traject", path=str(store.path_of(self.app.session.traject.id))))
        lines.append(words("help_files_backup"))
        lines.append(words("help_files_trash", path=str(store.folder / "prullenbak")))
        return "\n".join(lines)

    def action_close(self) -> None:
        self.dismiss()
