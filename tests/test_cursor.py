"""The terminal's cursor follows the focus (ui/cursor.py), so that a magnifier or braille display can:
on a button, on the highlighted trajectory in the list, on the radio button the arrows are on, and
at the caret in a text field (Textual's own)."""

from __future__ import annotations

from pathlib import Path

from apps import MINI, make_app
from hostile.pilot import SIZE, wait_until
from textual.geometry import Offset
from textual.widgets import Button, OptionList, RadioSet, TextArea

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.screens.new_traject import NewTrajectDialog
from loopbaan_tui.ui.textual_private import highlighted_line, show_terminal_cursor


def spot_of(widget: object, row: int = 0) -> Offset:
    region = widget.content_region  # type: ignore[attr-defined]
    return Offset(region.x, region.y + row)


async def test_the_cursor_stands_on_what_has_the_focus(tmp_path: Path) -> None:
    store = Store(tmp_path)
    for name in ("Eerste", "Tweede"):
        store.create(name, "student", str(MINI))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        assert app.focused is listing
        await wait_until(pilot, lambda: app.cursor_position == spot_of(listing, 0))
        await pilot.press("down")
        second = highlighted_line(listing)  # an option may take more than one line
        assert second is not None and second > 0
        await wait_until(pilot, lambda: app.cursor_position == spot_of(listing, second))  # the highlighted one
        await pilot.press("tab")
        button = app.focused
        assert isinstance(button, Button)
        await wait_until(pilot, lambda: app.cursor_position == spot_of(button))
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, NewTrajectDialog))
        await pilot.press("enter")  # no name yet: the focus stays on the name
        name = app.focused
        assert isinstance(name, TextArea)
        await pilot.press("x", "y")
        await wait_until(pilot, lambda: app.cursor_position == name.cursor_screen_offset)  # Textual's own
        await pilot.press("enter", "enter")  # to who you are, the first one chosen
        radios = app.focused
        assert isinstance(radios, RadioSet)
        first, second_radio = list(radios.children)[:2]
        await wait_until(pilot, lambda: app.cursor_position == spot_of(first))
        await pilot.press("down")
        await wait_until(pilot, lambda: app.cursor_position == spot_of(second_radio))


class Driver:
    """Enough of a Textual driver to see what is written to the terminal."""

    def __init__(self, *, headless: bool = False, web: bool = False) -> None:
        self.is_headless, self.is_web, self.written = headless, web, ""

    def write(self, data: str) -> None:
        self.written += data

    def flush(self) -> None:
        pass


def test_the_cursor_is_shown_in_a_terminal_only(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    for driver, shown in ((Driver(), True), (Driver(headless=True), False), (Driver(web=True), False)):
        app._driver = driver  # type: ignore[assignment]
        show_terminal_cursor(app)
        assert driver.written == ("\x1b[?25h" if shown else "")
    app._driver = None
    show_terminal_cursor(app)  # before the app runs: nothing to write to, no error
