"""The start screen's rules are parsed before the first frame and the other screens' right after it
(style_sheets.py); a saved theme is there before any parsing (issue 18: first paint). Every style sheet
and DEFAULT_CSS of the app parses without an error, parsed afresh (the other tests share parsed CSS:
textual_speed.py)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from apps import make_app
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets import Button
from textual_speed import parse_uncached

import loopbaan_tui.ui
from loopbaan_tui.domain.trajects.settings import save_settings
from loopbaan_tui.ui import app as app_module
from loopbaan_tui.ui.screens.start import StartScreen
from loopbaan_tui.ui.style_sheets import SHEETS
from loopbaan_tui.ui.widgets.light_button import LightButton


async def test_a_saved_light_theme_is_set_before_the_sheets_are_parsed_and_the_rest_follow_the_start_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(tmp_path, {"theme": "textual-light"})
    app = make_app(tmp_path)
    assert app.theme == "textual-light" and app.current_theme.dark is False  # before anything is parsed
    parsed: list[int] = []
    reparse = type(app.stylesheet).reparse
    monkeypatch.setattr(type(app.stylesheet), "reparse", lambda sheet: (parsed.append(1), reparse(sheet))[1])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.has_class("-light-mode")
        assert app.screen.styles.background.brightness > 0.5
        assert all(app.stylesheet.has_source(str(path)) for path in SHEETS)
        assert {type(button) for button in app.screen.query("#start-buttons > *")} == {LightButton}  # no Button rules
        assert app.stylesheet.has_source(inspect.getfile(Button), "Button.DEFAULT_CSS")  # parsed after the start
        assert len(parsed) == 1  # the other screens' sheets, once; not again for the theme
        app.load_style_sheets()
        assert len(parsed) == 1  # read once


def our_default_css() -> dict[str, str]:
    """The DEFAULT_CSS of every widget, screen and app class that loopbaan_tui.ui defines, by class."""
    found: dict[str, str] = {}
    for module_info in pkgutil.walk_packages(loopbaan_tui.ui.__path__, "loopbaan_tui.ui."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, DOMNode) and value.__module__ == module.__name__:
                css = value.__dict__.get("DEFAULT_CSS", "")
                if css:
                    found[f"{module.__name__}.{name}"] = css
    return found


def test_every_style_sheet_and_default_css_of_the_app_parses_without_an_error(tmp_path: Path) -> None:
    """A fresh Stylesheet with the app's theme variables, every source parsed anew: a style error in any
    sheet or widget fails here by name, whether or not a test mounts that widget."""
    defaults = our_default_css()
    assert "loopbaan_tui.ui.widgets.scale_input.ScaleInput" in defaults  # the walk finds the widgets
    stylesheet = Stylesheet(variables=make_app(tmp_path).get_css_variables())
    stylesheet.read_all([Path(app_module.__file__).with_name(app_module.LoopbaanApp.CSS_PATH), *SHEETS])
    for where, css in defaults.items():
        stylesheet.add_source(css, read_from=(where, "DEFAULT_CSS"), is_default_css=True)
    parse_uncached(stylesheet)  # raises StylesheetParseError, naming the rule, on any error
    assert len(stylesheet.rules) > 100
    assert not [rule.css for rule in stylesheet.rules if rule.errors]
