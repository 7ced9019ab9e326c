"""Help: what each step is about, what the keys do, and where your files are."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import HELP_WORDS, localize_bindings
from ..text import literal
from ..widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from ..app import LoopbaanApp

KEY_NAMES = {
    "escape": "Esc",
    "delete": "Del",
    "pagedown": "PageDown",
    "pageup": "PageUp",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "enter": "Enter",
    "tab": "Tab",
}


def key_label(key: str) -> str:
    """ "ctrl+down" -> "Ctrl+↓", "f2" -> "F2", "delete,d" -> "Del / d"."""

    def one(key: str) -> str:
        *mods, name = key.split("+")
        shown = KEY_NAMES.get(name) or (name.upper() if name.startswith("f") and name[1:].isdigit() else name)
        return "+".join([*(m.capitalize() for m in mods), shown.upper() if mods and len(shown) == 1 else shown])

    return " / ".join(one(k.strip()) for k in key.split(","))


def key_lines(bindings: Iterable[Binding], words: Callable[..., str]) -> list[tuple[str, str]]:
    """(keys, what they do) for every binding with a help word (keys.HELP_WORDS), in order; a range of
    F-keys as "F5 … F9"."""
    lines: dict[str, list[str]] = {}  # by the first binding id with the line's word: its keys
    first: dict[str, str] = {}  # a help word: the first binding id with it
    for binding in bindings:
        if binding.id in HELP_WORDS:
            keys = lines.setdefault(first.setdefault(HELP_WORDS[binding.id], binding.id), [])
            if key_label(binding.key) not in keys:
                keys.append(key_label(binding.key))
    return [
        (keys[0] + " … " + keys[-1] if len(keys) > 2 else " / ".join(keys), words(HELP_WORDS[binding_id]))
        for binding_id, keys in lines.items()
    ]


class HelpScreen(ModalScreen[None]):
    """Everything a user may wonder about, on one scrollable page."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Sluiten", id="close_help"),
        Binding("f1,q", "close", show=False),
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
            lines = self._keys()
            width = max(len(key) for key, _ in lines)
            yield Static(literal("\n".join(f"{key:<{width}}  {text}" for key, text in lines)), classes="help-keys")
            yield Static(literal(words("help_files")), classes="help-heading")
            yield Static(literal(self._files()), classes="help-text")
            yield Static(literal(words("help_close")), classes="help-close")
        yield KeyFooter()  # how to close it, on the first frame too: the page may be longer than the window

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)

    def _keys(self) -> list[tuple[str, str]]:
        """The keys of the screen the help was opened on, then those that work everywhere."""
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app.screen
        bindings = [
            *getattr(type(below), "BINDINGS", []),
            Binding("tab,shift+tab", "", id="tab"),
            *type(self.app).BINDINGS,
        ]
        return key_lines([b for b in bindings if isinstance(b, Binding)], self.app.words)

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
