"""The dialog that starts a traject: a name, who you are, and which content pack."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from ...domain.traject import clean_text
from ..text import literal

if TYPE_CHECKING:
    from ..app import LoopbaanApp

MAX_NAME = 80


@dataclass(frozen=True)
class NewTraject:
    """What the dialog returns."""

    name: str
    profile: str
    pack: str


class NewTrajectDialog(ModalScreen[NewTraject | None]):
    """Ask the three things a new traject needs."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self) -> None:
        super().__init__(classes="dialog")
        self._packs = self._pack_choices()

    def _pack_choices(self) -> list[tuple[str, str]]:
        words = self.app.words
        choices = [("nl", words("pack_builtin_nl")), ("en", words("pack_builtin_en"))]
        if self.app.custom_content is not None:
            custom = self.app.pack_key(self.app.pack)
            choices.insert(0, (custom, words("pack_custom", name=self.app.pack.info.name)))
        return choices

    def compose(self) -> ComposeResult:
        words, pack = self.app.words, self.app.pack
        with VerticalScroll(id="dialog", classes="-form"):
            yield Static(literal(words("new_title")), id="dialog-title")
            yield Static(literal(words("new_name")), classes="field-label")
            yield Input(placeholder=words("new_name_placeholder"), id="name")
            yield Static(classes="field-error", id="name-error")
            yield Static(literal(words("new_profile")), classes="field-label")
            with RadioSet(id="profile"):
                for profile in pack.profiles:
                    yield RadioButton(literal(profile.label), name=profile.id)
            yield Static(classes="field-error", id="profile-error")
            yield Static(id="profile-description", classes="field-help")
            yield Static(literal(words("new_pack")), classes="field-label")
            with RadioSet(id="pack"):
                for index, (key, label) in enumerate(self._packs):
                    yield RadioButton(literal(label), value=index == 0, name=key)
            with Horizontal(id="dialog-buttons"):
                yield Button(literal(words("button_start")), id="start", variant="primary")
                yield Button(literal(words("button_cancel")), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        self._show_profile_description()

    @on(RadioSet.Changed, "#profile")
    def _profile_chosen(self) -> None:
        self._show_profile_description()
        self.query_one("#profile-error", Static).update("")
        self.query_one("#start", Button).focus()

    def _show_profile_description(self) -> None:
        profile = self.app.pack.profile(self._chosen("#profile"))
        text = profile.description if profile else ""
        self.query_one("#profile-description", Static).update(literal(text))

    def _chosen(self, selector: str) -> str:
        button = self.query_one(selector, RadioSet).pressed_button
        return button.name if button and button.name else ""

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        name = clean_text(self.query_one("#name", Input).value).replace("\n", " ").strip()[:MAX_NAME].strip()
        if not name:
            self.query_one("#name-error", Static).update(literal(self.app.words("new_name_missing")))
            self.query_one("#name", Input).focus()
            return
        self.query_one("#name-error", Static).update("")
        if not self._chosen("#profile"):
            self.query_one("#profile-error", Static).update(literal(self.app.words("new_profile_missing")))
            self.query_one("#profile", RadioSet).focus()
            return
        self.dismiss(NewTraject(name, self._chosen("#profile"), self._chosen("#pack")))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
