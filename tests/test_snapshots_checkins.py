"""Snapshots of the check-in screens (new): choosing what to look at again, and comparing two check-ins."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from apps import MINI, make_app
from hostile.pilot import wait_until
from textual.widgets import TextArea

from loopbaan_tui.domain.trajects.checkins import begin
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.checkins import CheckinDialog, CompareScreen

SIZE = (80, 24)
MARCH = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
JUNE = datetime(2026, 6, 3, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


def two_check_ins() -> LoopbaanApp:
    traject = Traject("mijn-traject", "Mijn traject", "student", str(MINI), created=MARCH, updated=MARCH)
    traject.set_answer("kan-sterk", "Rustig blijven.")
    traject.set_answer("wil-balans", {"werkplezier": {"now": 2}, "werkdruk": {"now": 4}})
    traject.set_answer("hoe-acties", [{"what": "Meelopen"}, {"what": "Cursus"}])
    app = make_app(Path("data"), MINI, clock=lambda: JUNE)
    begin(traject, app.pack, JUNE, ("kan-sterk", "wil-balans", "hoe-acties"))
    traject.set_answer("kan-sterk", "Rustig blijven, ook bij ouders.")
    traject.set_answer("wil-balans", {"werkplezier": {"now": 4}, "werkdruk": {"now": 3}})
    traject.set_answer(
        "hoe-acties", [{"what": "Meelopen", "status": "gedaan", "done": "2026-05-20"}, {"what": "Cursus"}]
    )
    traject.updated = JUNE
    app.store.save(traject)
    return app


def test_checkin_dialog(snap_compare) -> None:
    async def asked(pilot) -> None:
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CheckinDialog))
        await pilot.pause()

    assert snap_compare(two_check_ins(), terminal_size=SIZE, run_before=asked)


def test_compare_screen(snap_compare) -> None:
    async def compared(pilot) -> None:
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CompareScreen))
        await pilot.pause()

    assert snap_compare(two_check_ins(), terminal_size=SIZE, run_before=compared)
