"""An example reflection to look at before you begin: which person, then their roadmap, read-only.

The example is read from the app's own files (domain/content/examples.py) and shown with the built-in pack of
its language; it never becomes a traject, and nothing of it is written to the data folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.content import builtin
from ...domain.content.examples import ExampleMissing, example_profiles, load_example
from ...domain.content.model import Pack
from ...domain.roadmap.export import render
from ..keys import HELP_KEY, localize_bindings
from ..text import literal
from ..widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from ..app import LoopbaanApp


def example_pack(app: LoopbaanApp) -> Pack | None:
    """The built-in pack in the app's language (the default for a course's pack in another one): the examples
    answer its prompts."""
    language = builtin.language_or_default(app.pack.info.language)
    pack = app.pack_for(language)
    return pack if isinstance(pack, Pack) else None


class ExampleChoice(ModalScreen[str | None]):
    """Which example: one line per profile that has one; dismisses with the profile id (None on escape)."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Terug", id="back")]
    DEFAULT_CSS = """
    ExampleChoice #example-profiles {
        height: auto;
        max-height: 12;
        border: none;
        background: transparent;
    }
    """

    def __init__(self, pack: Pack) -> None:
        super().__init__(classes="dialog")
        self._pack = pack

    def compose(self) -> ComposeResult:
        words, pack = self.app.words, self._pack
        profiles = [p for p in pack.profiles if p.id in example_profiles(pack.info.language)]
        with Vertical(id="dialog"):
            yield Static(literal(words("example_title")), id="dialog-title")
            yield Static(literal(words("example_body")), id="dialog-body")
            yield OptionList(*(Option(literal(p.label), id=p.id) for p in profiles), id="example-profiles")
        yield KeyFooter()  # the dialog's own keys, over the line of the screen below (whose keys wait)

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)
        options = self.query_one(OptionList)
        options.highlighted = 0 if options.option_count else None
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class ExampleScreen(Screen[None]):
    """The example's roadmap, to read and scroll; Escape goes back. Nothing to edit, nothing saved."""

    app: LoopbaanApp
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP_KEY,
        Binding("escape", "back", "Terug", id="back"),
    ]
    DEFAULT_CSS = """
    ExampleScreen #example-heading {
        margin: 1 2 0 2;
        color: $text-muted;
    }
    ExampleScreen #example-preview {
        height: 1fr;
        margin: 0 2;
        border: round $primary 50%;
    }
    """

    def __init__(self, pack: Pack, profile: str) -> None:
        """ExampleMissing when there is no example for the pack's language and this profile."""
        super().__init__()
        self.pack = pack
        self.traject = load_example(pack.info.language, profile)
        found = pack.profile(profile)
        self.profile_label = found.label if found else profile

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # heavy: imported only when an example is shown

        yield Static(literal(self.app.words("example_heading", profile=self.profile_label)), id="example-heading")
        with VerticalScroll(id="example-preview"):
            yield Markdown(render(self.pack, self.traject, "md"), id="example-markdown", open_links=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.app.words)
        self.query_one("#example-preview").focus()

    def action_back(self) -> None:
        self.dismiss()


async def show_example(app: LoopbaanApp) -> None:
    """Ask which example, then show it; a word on screen when there is none. Run from a worker."""
    pack = example_pack(app)
    if pack is None or not example_profiles(pack.info.language):
        app.notify(app.words("example_missing"), severity="warning")
        return
    profile = await app.push_screen_wait(ExampleChoice(pack))
    if profile is None:
        return
    try:
        screen = ExampleScreen(pack, profile)
    except ExampleMissing:
        app.notify(app.words("example_missing"), severity="warning")
        return
    await app.push_screen(screen)
