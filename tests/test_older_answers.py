"""Older answers: what a traject holds for prompts its pack no longer has stays visible and can go in the roadmap."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apps import make_app
from golden_files import assert_golden
from hostile.pilot import wait_until
from textual.widgets import Checkbox, Static
from trajects import fill_traject

from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.roadmap.export import render
from loopbaan_tui.domain.roadmap.older import OlderAnswer, older_answers
from loopbaan_tui.domain.roadmap.roadmap import build_markdown
from loopbaan_tui.domain.trajects.traject import Traject

MINI = Path(__file__).parent / "packs" / "mini"
TODAY = date(2025, 11, 21)


@pytest.fixture(scope="module")
def pack() -> Pack:
    loaded = load_pack(MINI).pack
    assert loaded is not None
    return loaded


def with_older(pack: Pack) -> Traject:
    """A full traject plus answers to two prompts the pack no longer has (one of them private)."""
    traject = fill_traject(pack, "student")
    traject.answers["wil-energie-oud"] = "Een klas die *ineens* snapt hoe breuken werken."
    traject.answers["kan-talenten"] = ["Ik leg helder uit", "Ik zie wie afhaakt"]
    traject.answers["kan-geheim"] = "Dit is alleen voor mij."
    traject.private.add("kan-geheim")
    return traject


def test_the_older_answers(pack: Pack) -> None:
    traject = with_older(pack)
    assert older_answers(pack, traject) == (
        OlderAnswer("wil-energie-oud", ("Een klas die *ineens* snapt hoe breuken werken.",)),
        OlderAnswer("kan-talenten", ("Ik leg helder uit", "Ik zie wie afhaakt")),
        OlderAnswer("kan-geheim", ("Dit is alleen voor mij.",), private=True),
    )
    assert older_answers(pack, fill_traject(pack, "student")) == ()


def test_in_the_roadmap_only_when_asked(pack: Pack) -> None:
    traject = with_older(pack)
    without = build_markdown(pack, traject, today=TODAY)
    assert "Oudere antwoorden" not in without and "wil-energie-oud" not in without
    assert without == build_markdown(pack, fill_traject(pack, "student"), today=TODAY)
    markdown = build_markdown(pack, traject, today=TODAY, include_older=True)
    assert_golden("roadmap-older.md", markdown)
    assert "## Oudere antwoorden" in markdown and "\\*ineens\\*" in markdown
    assert "kan-geheim" not in markdown
    assert "Dit is alleen voor mij." in build_markdown(pack, traject, include_older=True, include_private=True)
    assert "<h2>Oudere antwoorden</h2>" in render(pack, traject, "html", include_older=True, today=TODAY)


async def test_shown_on_the_roadmap_step_and_offered_in_the_roadmap(tmp_path: Path, pack: Pack) -> None:
    traject = with_older(pack)
    app = make_app(tmp_path, trajects=[traject])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the one traject in the start list
        await wait_until(pilot, lambda: app.screen.query("#older-answers"))
        older = app.screen.query_one("#older-answers")
        texts = [str(static.render()) for static in older.query(Static)]
        assert texts[0] == "Oudere antwoorden" and "wil-energie-oud" in texts
        assert "Ik leg helder uit\nIk zie wie afhaakt" in texts
        assert not any(widget.focusable for widget in older.query("*"))  # read-only
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: app.screen.query("#include-older"))
        box = app.screen.query_one("#include-older", Checkbox)
        assert str(box.label) == "Oudere antwoorden opnemen (3)" and not box.value
        box.value = True
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = app.screen.query_one("#roadmap-markdown")
        assert "wil-energie-oud" in shown.source  # type: ignore[attr-defined]
        assert "kan-geheim" not in shown.source  # type: ignore[attr-defined]
