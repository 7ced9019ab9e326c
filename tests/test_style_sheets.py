"""The start screen's rules are parsed before the first frame and the other screens' right after it
(style_sheets.py); a saved theme is there before any parsing (issue 18: first paint)."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import make_app

from loopbaan_tui.domain.trajects.settings import save_settings
from loopbaan_tui.ui.screens.start import StartScreen
from loopbaan_tui.ui.style_sheets import SHEETS


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
        assert len(parsed) == 1  # the other screens' sheets, once; not again for the theme
        app.load_style_sheets()
        assert len(parsed) == 1  # read once
