"""Start the app from the command line (placeholder until the reflection app lands)."""

from __future__ import annotations


def launch(content: str | None, data_dir: str | None, lang: str) -> int:
    from textual.app import App
    from textual.widgets import Static

    class Placeholder(App[None]):
        BINDINGS = [("q", "quit", "Stoppen")]

        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("loopbaan — druk op q om te stoppen")

    Placeholder().run()
    return 0
