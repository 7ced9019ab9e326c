"""The screen's keys on one line at the bottom: what Textual's compact Footer shows, as one widget.

Textual's Footer is a container with a widget per key, which it builds only once the screen has told it
its keys: each screen took a second frame to fill it, and its style rules and widgets were a good part of
the first paint. This line reads the keys when it is drawn (so the first frame has them) and draws
again only when the keys it shows change. A click on a key presses it, as in the Footer.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

Shown = tuple[str, str, str, bool]
"""One key as shown: (the key, as displayed, its word, enabled)."""
_DIM = Style(dim=True)


class KeyFooter(Widget, can_focus=False):
    """The keys of the screen's active bindings that are shown (`show=True`), one per action, in order:
    the key in bold, then its word; a disabled one dimmed."""

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        text-wrap: nowrap;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-footer--key", "key-footer--description"}
    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Shown, ...] | None = None
        self._spans: list[tuple[int, int, Shown]] = []  # where each key is on the line

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def shown(self) -> tuple[Shown, ...]:
        """The keys the line shows now, in order."""
        keys: dict[str, Shown] = {}
        for _, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = (binding.key, self.app.get_key_display(binding), binding.description, enabled)
        return tuple(keys.values())

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if self._shown is not None and self.shown() != self._shown:
            self.refresh()

    def render(self) -> Text:
        self._shown = self.shown()
        key_style = self.get_component_rich_style("key-footer--key")
        word_style = self.get_component_rich_style("key-footer--description")
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        self._spans = []
        for shown in self._shown:
            _key, display, description, enabled = shown
            if line:
                line.append(" ")
            start = len(line)
            line.append(display, key_style if enabled else key_style + _DIM)
            if description:
                line.append(" " + description, word_style if enabled else word_style + _DIM)
            self._spans.append((start, len(line), shown))
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, (key, _display, _description, enabled) in self._spans:
            if start <= event.x < end:
                event.stop()
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
