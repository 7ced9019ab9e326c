"""A prompt's scales are one widget (ScaleInput): its keys are those of a field per column, as before."""

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
        (scales,) = screen.query(ScaleInput).results(ScaleInput)
        assert [scale.id for scale in scales.scales] == ["werkplezier", "werkdruk"]
        assert app.focused is scales and (scales.row, scales.column) == (0, 0)  # entered from above: "then"
        assert cursor_spot(scales) == scales.content_region.offset + Offset(COLUMN_WORD, ROW_LINE)
        await pilot.press("right", "tab", "5")  # then 2 -> 3; Tab to "now": 5
        assert scales.values["werkplezier"] == {"then": 3, "now": 5}
        assert "+2" in str(scales.render())  # then to now, drawn in the scale itself
        await pilot.press("tab")  # past the last column: the next scale
        assert app.focused is scales and (scales.row, scales.column) == (1, 0)
        load_line = scales.cursor_cell().y  # the first scale's 3 lines and its change (2 more), a line between
        assert load_line == ROW_LINE + 6
        assert cursor_spot(scales) == scales.content_region.offset + Offset(COLUMN_WORD, load_line)
        await pilot.press("shift+tab")  # back: into the last column of the scale above
        assert (scales.row, scales.column) == (0, 1)
        await pilot.press("delete", "shift+tab", "1")
        assert scales.values["werkplezier"] == {"then": 1, "now": None}
        await pilot.click(
            scales, offset=(COLUMN_WORD + ROW + COLUMN_WORD + 3, ROW_LINE + 4)
        )  # werkdruk (the first scale has no change line now): "now", its second point
        await pilot.pause()
        assert app.focused is scales and scales.values["werkdruk"] == {"then": None, "now": 2}
        assert (scales.row, scales.column) == (1, 1)
        await pilot.press("tab")  # past the last column of the last scale: the next field
        assert app.focused is not scales
        await pilot.press("shift+tab")  # entered backwards: the last column of the last scale
        assert app.focused is scales and (scales.row, scales.column) == (1, 1)
        assert screen.session.traject.answer("wil-balans") == {"werkplezier": {"then": 1}, "werkdruk": {"now": 2}}
        await pilot.press("ctrl+q")
