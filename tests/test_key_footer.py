"""The key line at the bottom of each screen (widgets/key_footer.py): the keys the Footer showed, in its
order and words, drawn in the screen's first frame, and a click on a key presses it."""

from __future__ import annotations

from pathlib import Path

from apps import make_app

from loopbaan_tui.ui.screens.new_traject import NewTrajectDialog
from loopbaan_tui.ui.screens.start import StartScreen
from loopbaan_tui.ui.widgets.key_footer import KeyFooter


async def test_the_start_screen_shows_its_keys_on_one_line_and_a_click_presses_one(tmp_path: Path) -> None:
    app = make_app(tmp_path, "nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        footer = app.screen.query_one(KeyFooter)
        words = [app.words(key) for key in ("key_help", "key_new", "key_remove", "key_example", "key_quit")]
        assert [description for _, _, description, _ in footer.shown()] == words
        line = str(footer.render())
        assert line == f"f1 {words[0]} n {words[1]} del {words[2]} v {words[3]} ^q {words[4]}"
        assert footer.region.y == 23 and footer.region.height == 1
        await pilot.click(KeyFooter, offset=(line.index(" n ") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, NewTrajectDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and str(footer.render()) == line
