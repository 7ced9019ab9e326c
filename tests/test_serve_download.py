"""In a browser (`loopbaan serve`) the roadmap screen hands the roadmap to the browser as a download
instead of writing it to a folder on the server."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

import pytest
from apps import MINI, make_app
from hostile.pilot import SIZE, wait_until
from textual.widgets import Button, RadioButton, RadioSet, Static

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.roadmap import RoadmapScreen
from loopbaan_tui.ui.widgets.text_fields import LineField


async def test_in_a_browser_the_roadmap_is_downloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "data")
    traject = store.create("Kaart", "student", str(MINI))
    traject.set_answer("kan-sterk", "Ik leg goed uit")
    store.save(traject)
    delivered: list[dict[str, Any]] = []

    def deliver_text(self: LoopbaanApp, file: TextIO, **options: Any) -> str:
        delivered.append({"text": file.read(), **options})
        return "key"

    monkeypatch.setattr(LoopbaanApp, "is_web", property(lambda self: True))  # as under textual-serve's driver
    monkeypatch.setattr(LoopbaanApp, "deliver_text", deliver_text)
    home_before = sorted(Path.home().rglob("*"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen))
        screen = app.screen
        assert not screen.query_one("#roadmap-path", LineField).display  # no folder on the server to choose
        assert str(screen.query_one("#save-roadmap", Button).label) == app.words("button_download_roadmap")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(delivered) == 1)
        screen.query_one("#roadmap-format", RadioSet).query(RadioButton).last().value = True  # HTML
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(delivered) == 2)
        said = str(screen.query_one("#roadmap-message", Static).render())
    markdown, html = delivered
    assert "Ik leg goed uit" in markdown["text"] and markdown["mime_type"] == "text/markdown"
    assert markdown["save_filename"].startswith("roadmap-kaart-") and markdown["save_filename"].endswith(".md")
    assert html["save_filename"].endswith(".html") and html["mime_type"] == "text/html"
    assert "<html" in html["text"] and "Ik leg goed uit" in html["text"]
    assert html["save_filename"] in said
    assert sorted(Path.home().rglob("*")) == home_before  # nothing written on the server
