"""The dialog that starts a traject: a name, who you are, which content pack, and (when the pack marks
core prompts) the short or the full route."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, Static, TextArea

from ...domain.content import builtin
from ...domain.content.model import Pack, Route
from ...domain.trajects.text import clean_text
from ...domain.words.catalogue import language_name
from ..keys import localize_bindings
from ..text import literal
from ..widgets.key_footer import KeyFooter
from ..widgets.text_fields import LineField

if TYPE_CHECKING:
    from ..app import LoopbaanApp

MAX_NAME = 80


class BeginButton(Button):
    """Begin: from the moment it is pressed, keys wait for the reflection it opens (app.hold_keys). Its
    Pressed message reaches the dialog after the next keys of a fast typist would, who then lost the
    first letter to this button."""

    def press(self) -> BeginButton:
        hold = getattr(self.app, "hold_keys", None)  # the LoopbaanApp's; any other app just presses
        if hold is not None:
            hold()
        super().press()
        return self


@dataclass(frozen=True)
class NewTraject:
    """What the dialog returns."""

    name: str
    profile: str
    pack: str
    route: Route = "full"


class NewTrajectDialog(ModalScreen[NewTraject | None]):
    """Ask the three things a new traject needs."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Terug", id="back")]
    DEFAULT_CSS = """
    NewTrajectDialog #route-row {
        height: auto;
    }
    NewTrajectDialog #route-label {
        width: auto;
        margin-right: 1;
        text-style: bold;
    }
    NewTrajectDialog #route {
        layout: horizontal;
        width: 1fr;
    }
    NewTrajectDialog #route > RadioButton {
        width: auto;
        margin-right: 2;
    }
    """

    def __init__(self) -> None:
        super().__init__(classes="dialog")
        self._packs = self._pack_choices()

    def _pack_choices(self) -> list[tuple[str, str]]:
        """The course's own pack first when there is one, else the built-in pack in the user's language."""
        words, language = self.app.words, self.app.pack.info.language
        built_in = sorted(builtin.LANGUAGES, key=lambda each: each != language)
        choices = [(each, words("pack_builtin", language=language_name(each, language))) for each in built_in]
        if self.app.custom_content is not None:
            custom = self.app.pack_key(self.app.pack)
            choices.insert(0, (custom, words("pack_custom", name=self.app.pack.info.name)))
        return choices

    def compose(self) -> ComposeResult:
        words, pack = self.app.words, self.app.pack
        with Vertical(id="dialog", classes="-form"):
            yield Static(literal(words("new_title")), id="dialog-title")
            with VerticalScroll(id="dialog-form"):
                yield Static(literal(words("new_name")), classes="field-label")
                yield LineField(placeholder=words("new_name_placeholder"), id="name", compact=True)
                yield Static(classes="field-error", id="name-error")
                yield Static(literal(words("new_profile")), classes="field-label", id="profile-label")
                with RadioSet(id="profile"):
                    for profile in pack.profiles:
                        yield RadioButton(literal(profile.label), name=profile.id)
                yield Static(classes="field-error", id="profile-error")
                yield Static(id="profile-description", classes="field-help")
                yield Static(literal(words("new_pack")), classes="field-label")
                with RadioSet(id="pack"):
                    for index, (key, label) in enumerate(self._packs):
                        yield RadioButton(literal(label), value=index == 0, name=key)
                # one line, right under the pack it belongs to: the dialog fits 80x24 with it
                with Horizontal(id="route-row"):
                    yield Static(literal(words("new_route")), id="route-label")
                    with RadioSet(id="route"):
                        yield RadioButton(literal(words("route_full")), value=True, name="full")
                        yield RadioButton(literal(words("route_short", count="")), name="short", id="route-short")
            with Horizontal(id="dialog-buttons"):
                yield BeginButton(literal(words("button_start")), id="begin", variant="primary")
                yield Button(literal(words("button_cancel")), id="cancel")
        yield KeyFooter()  # the dialog's own keys, over the line of the screen below (whose keys wait)

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)
        self.query_one("#name", LineField).focus()
        self._show_profile_description()
        self._show_route()

    @on(RadioSet.Changed, "#profile")
    def _profile_chosen(self) -> None:
        self._show_profile_description()
        self._show_route()
        self._say("#profile-error", "")

    @on(RadioSet.Changed, "#pack")
    def _pack_chosen(self) -> None:
        self._show_route()

    def _chosen_pack(self) -> Pack | None:
        key = self._chosen("#pack")
        pack = self.app.pack_for(key) if key else None
        return pack if isinstance(pack, Pack) else None

    def _show_route(self) -> None:
        """The route choice, only for a pack with a short route, saying how many questions it asks
        (for the chosen profile; before one is chosen, for the profile it asks most of)."""
        pack = self._chosen_pack()
        row = self.query_one("#route-row")
        row.display = pack is not None and pack.has_short_route
        # the room for the route's line: no blank line between the name and "who are you" then
        self.query_one("#profile-label").styles.margin = (0 if row.display else 1, 0, 0, 0)
        if pack is None or not row.display:
            return
        profiles = [self._chosen("#profile")] if self._chosen("#profile") else [p.id for p in pack.profiles]
        count = max((sum(len(s.prompts_for(p, "short")) for s in pack.sections) for p in profiles), default=0)
        self.query_one("#route-short", RadioButton).label = literal(self.app.words("route_short", count=count))

    def _chosen_route(self) -> Route:
        if not self.query_one("#route-row").display:
            return "full"
        return "short" if self._chosen("#route") == "short" else "full"

    @on(TextArea.Changed, "#name")
    def _named(self) -> None:
        if self._typed_name():
            self._say("#name-error", "")

    def _say(self, selector: str, text: str) -> None:
        """An error under its field, taking no room when there is none."""
        error = self.query_one(selector, Static)
        error.update(literal(text))
        error.display = bool(text)

    def _typed_name(self) -> str:
        return clean_text(self.query_one("#name", LineField).text).replace("\n", " ").strip()[:MAX_NAME].strip()

    def _show_profile_description(self) -> None:
        profile = self.app.pack.profile(self._chosen("#profile"))
        description = self.query_one("#profile-description", Static)
        description.update(literal(profile.description if profile else ""))
        description.display = profile is not None

    def _chosen(self, selector: str) -> str:
        button = self.query_one(selector, RadioSet).pressed_button
        return button.name if button and button.name else ""

    @on(LineField.Submitted, "#name")
    @on(Button.Pressed, "#begin")
    def _start(self) -> None:
        name = self._typed_name()
        if not name:
            self._say("#name-error", self.app.words("new_name_missing"))
            self.query_one("#name", LineField).focus()
            self.app.release_keys()  # held by BeginButton: the keys go on after the focus, to the name
            return
        self._say("#name-error", "")
        if not self._chosen("#profile"):
            self._say("#profile-error", self.app.words("new_profile_missing"))
            self.query_one("#profile", RadioSet).focus()
            self.app.release_keys()
            return
        self.app.hold_keys()  # what is typed next is for the new reflection, not the start screen (start.py)
        self.dismiss(NewTraject(name, self._chosen("#profile"), self._chosen("#pack"), self._chosen_route()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
