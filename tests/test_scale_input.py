"""A scale is one widget (ScaleInput): its keys are those of a field per column, as before."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from apps import MINI, make_app
from hostile.pilot import open_first
from textual.geometry import Offset

from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.cursor import cursor_spot
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.widgets.scale_input import COLUMN_WORD, ROW, ROW_LINE, ScaleInput

MOMENT = datetime(2026, 3, 6, 14, 30, tzinfo=UTC)


async def test_a_scale_takes_digits_arrows_tab_and_clicks_column_by_column(tmp_path: Path) -> None:
    traject = Traject(
        id="t",
        name="T",
        profile="student",
        pack=str(MINI),
        created=MOMENT,
        updated=MOMENT,
        answers={"wil-balans": {"werkplezier": {"then": 2, "now": 4}}},
        last_prompt="wil-balans",
    )
    app = make_app(tmp_path, MINI, trajects=[traject])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        joy, load = screen.query(ScaleInput).results(ScaleInput)
        assert app.focused is joy and joy.column == 0  # entered from above: the first column, "then"
        assert cursor_spot(joy) == joy.content_region.offset + Offset(COLUMN_WORD, ROW_LINE)
        await pilot.press("right", "tab", "5")  # then 2 -> 3; Tab to "now": 5
        assert joy.values == {"then": 3, "now": 5}
        assert "+2" in str(joy.render())  # then to now, drawn in the scale itself
        await pilot.press("tab")  # past the last column: the next scale
        assert app.focused is load and load.column == 0
        await pilot.press("shift+tab")  # back: into the last column of the scale above
        assert app.focused is joy and joy.column == 1
        await pilot.press("delete", "shift+tab", "1")
        assert joy.values == {"then": 1, "now": None}
        await pilot.click(load, offset=(COLUMN_WORD + ROW + COLUMN_WORD + 3, ROW_LINE))  # "now", its second point
        await pilot.pause()
        assert app.focused is load and load.values == {"then": None, "now": 2} and load.column == 1
        assert screen.session.traject.answer("wil-balans") == {"werkplezier": {"then": 1}, "werkdruk": {"now": 2}}
        await pilot.press("ctrl+q")
