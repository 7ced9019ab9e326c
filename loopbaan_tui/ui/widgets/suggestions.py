"""Suggestions of the chosen career paths in the actions and people prompts: Enter takes one as a row."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.content.model import Kind, Pack
from ...domain.fit.suggestions import Offer, offers, untaken
from ...domain.kinds import Row, Stored, Words
from ..text import literal


class Suggestions(Vertical):
    """The suggestions not taken yet, one per line; Enter (or a click) on one posts `Taken` with its fields.
    Hidden when there are none: then it is no stop for Tab."""

    DEFAULT_CSS = """
    Suggestions { height: auto; }
    Suggestions OptionList { height: auto; max-height: 10; }
    """

    class Taken(Message):
        """The user took a suggestion: the fields of the row it becomes."""

        def __init__(self, values: Mapping[str, str]) -> None:
            super().__init__()
            self.values = values

    def __init__(
        self,
        kind: Kind,
        pack: Pack,
        profile: str,
        answers: Callable[[], Mapping[str, Stored]],
        words: Words,
        rows: Callable[[], Iterable[Row]],
    ) -> None:
        super().__init__(classes="suggestions")
        self.display = False  # until there is something to offer
        self.kind, self.pack, self.profile, self.words = kind, pack, profile, words
        self._answers, self._rows = answers, rows
        self._offers: tuple[Offer, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(literal(self.words("suggestions_title")), classes="suggestions-title")
        yield OptionList(classes="suggestion-list")

    def on_mount(self) -> None:
        self.refresh_offers()

    def refresh_offers(self) -> bool:
        """The offers of the paths chosen now, less those a row already holds; True when they changed."""
        lists = self.query_children(OptionList)
        if not lists:  # not composed yet: on_mount fills it
            return False
        found = untaken(offers(self.pack, self._answers(), self.profile, self.kind), self._rows())
        if found == self._offers:
            return False
        self.display = bool(found)
        self._offers = found
        listed = lists.first()
        highlighted = listed.highlighted
        listed.clear_options()
        listed.add_options(Option(literal(self._words(offer))) for offer in found)
        if found:
            listed.highlighted = min(highlighted or 0, len(found) - 1)
        return True

    def _words(self, offer: Offer) -> str:
        if self.kind is Kind.PEOPLE:
            return self.words("suggestion_person", who=offer.lead, path=offer.path.name)
        first = offer.values.get("first_step", "")
        if first:
            return self.words("suggestion_action", what=offer.lead, first_step=first, path=offer.path.name)
        return self.words("suggestion_action_only", what=offer.lead, path=offer.path.name)

    @on(OptionList.OptionSelected)
    def _taken(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._offers):
            self.post_message(self.Taken(self._offers[event.option_index].values))
