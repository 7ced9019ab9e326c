"""Small modal dialogs: a question with buttons, returning which one was pressed."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..keys import localize_bindings
from ..text import literal
from ..widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from ..app import LoopbaanApp


class Choice(ModalScreen[str | None]):
    """A message and a row of buttons; dismisses with the pressed button's id (None on escape)."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Terug", id="back")]

    def __init__(
        self, title: str, body: str, buttons: list[tuple[str, str]], *, warning: bool = False, focus: str | None = None
    ) -> None:
        """`focus`: the button to start on (the first one when not given); the safe one for a removal."""
        super().__init__(classes="dialog")
        self._focus = focus
        self._title = title
        self._body = body
        self._buttons = buttons
        self._warning = warning

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="-warning" if self._warning else ""):
            yield Static(literal(self._title), id="dialog-title")
            yield Static(literal(self._body), id="dialog-body")
            with Horizontal(id="dialog-buttons"):
                for index, (button_id, label) in enumerate(self._buttons):
                    yield Button(literal(label), id=button_id, variant="primary" if index == 0 else "default")
        yield KeyFooter()  # the dialog's own keys, over the line of the screen below (whose keys wait)

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)
        # A question asked while keys are held (opening a traject failed): what is typed now is for it.
        self.app.release_keys()
        buttons = self.query(Button)
        chosen = [b for b in buttons if b.id == self._focus]
        (chosen[0] if chosen else buttons.first()).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
