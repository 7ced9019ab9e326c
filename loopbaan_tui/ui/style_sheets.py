"""The style sheets: app.tcss holds the start screen's rules, parsed before the first frame; every other
screen's are in styles/, read all together once, right after the start screen is painted (or before the
first other screen is pushed, if that comes sooner)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from . import css_cache
from .textual_private import add_default_css

SHEETS = tuple(
    Path(__file__).with_name("styles") / name
    for name in ("dialogs.tcss", "reflection.tcss", "help.tcss", "roadmap.tcss")
)
"""The style sheets of every screen but the start screen (whose rules are in app.tcss, parsed before the
first frame): read once, all together, right after the start screen is painted, or before the first other
screen is pushed if that comes sooner (each reading re-parses every sheet)."""


def load_sheets(app: App[Any]) -> None:
    """Read SHEETS into the app's style sheet if they are not there yet: Textual then re-parses every
    sheet and restyles what is mounted (so once, not per screen)."""
    stylesheet = app.stylesheet
    missing = [path for path in SHEETS if not stylesheet.has_source(str(path))]
    if missing:
        from textual.widgets import Button

        for path in missing:
            stylesheet.read(path)
        add_default_css(app, Button)  # the start screen has LightButtons: opening a traject need not parse these
        stylesheet.reparse()
        stylesheet.update(app)
        css_cache.keep(app)  # every screen's rules parsed now: kept for the next start (css_cache.py)
