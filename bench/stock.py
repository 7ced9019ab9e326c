"""The yardsticks: stock Textual apps with none of loopbaan's code or style sheets, each run in its own
pseudo-terminal by `seen.py`, as loopbaan is.

    python bench/stock.py empty            # an empty App: the floor of every first paint and memory
    python bench/stock.py screens          # two empty screens; Ctrl+N switches between them
    python bench/stock.py textarea FILE    # a bare TextArea holding FILE's text (cursor at its end),
                                           # sized as loopbaan's long-answer editor: --width W --height H
    python bench/stock.py statics N        # N plain Static widgets (what Textual keeps per widget)

Nothing is imported at the top beyond `sys`: every import is part of what is measured.
"""

from __future__ import annotations

import sys


def empty() -> None:
    from textual.app import App

    App[None]().run()


def screens() -> None:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import Static

    class Empty(Screen[None]):
        def __init__(self, name: str) -> None:
            super().__init__(name=name)

        def compose(self) -> ComposeResult:
            yield Static(f"screen {self.name}")

    class Screens(App[None]):
        BINDINGS = [Binding("ctrl+n", "other", "Other")]  # noqa: RUF012
        SCREENS = {"a": lambda: Empty("a"), "b": lambda: Empty("b")}  # noqa: RUF012

        def on_mount(self) -> None:
            self.push_screen("a")

        def action_other(self) -> None:
            self.switch_screen("b" if self.screen.name == "a" else "a")

    Screens().run()


def textarea(path: str, width: int, height: int) -> None:
    from pathlib import Path

    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    text = Path(path).read_text(encoding="utf-8")

    class Bare(App[None]):
        CSS = f"TextArea {{ width: {width}; height: {height}; }}"

        def compose(self) -> ComposeResult:
            yield TextArea(text, soft_wrap=True)

        def on_mount(self) -> None:
            area = self.query_one(TextArea)
            area.focus()
            area.move_cursor(area.document.end)

    Bare().run()


def statics(count: int) -> None:
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    class Many(App[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield from (Static(f"Vraag {n}: wat kan ik?") for n in range(count - 1))

    Many().run()


if __name__ == "__main__":
    what, *rest = sys.argv[1:]
    if what == "empty":
        empty()
    elif what == "screens":
        screens()
    elif what == "textarea":
        textarea(rest[0], int(rest[1]), int(rest[2]))
    elif what == "statics":
        statics(int(rest[0]))
    else:
        sys.exit(f"unknown yardstick {what!r}")
