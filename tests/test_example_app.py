"""The example on the start screen ("Bekijk een voorbeeld"): choose a person, read their roadmap, and nothing of it
lands in the data folder. Keys pressed as a person would; the screen and the disk checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import make_app
from hostile.pilot import wait_until
from test_lived_in import SIZE
from textual.widgets import Markdown, OptionList

from loopbaan_tui.domain.content.examples import load_example
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.screens.example import ExampleChoice, ExampleScreen
from loopbaan_tui.ui.screens.start import StartScreen


def folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under the data folder, with its size and modification time."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


@pytest.mark.parametrize("language", ["nl"])
async def test_the_example_opens_read_only_and_writes_nothing(tmp_path: Path, language: str) -> None:
    """The screens are the same in every language: one run, in Dutch. That every language has an example per
    profile, fitting its pack, whose roadmap opens with its author: tests/test_examples.py, per language."""
    data = tmp_path / "data"
    store = Store(data)
    store.create("Mijn loopbaan", "student", language)
    before = folder_state(data)
    app = make_app(data, language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#example")  # the button opens the choice too, and Escape leaves it
        await wait_until(pilot, lambda: isinstance(app.screen, ExampleChoice))
        await pilot.press("escape")  # changed my mind
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, ExampleChoice))
        choice = app.screen.query_one("#example-profiles", OptionList)
        assert choice.option_count == len(app.pack.profiles)  # one example per built-in profile
        assert choice.highlighted == 0  # Enter alone would show the first profile's example
        await pilot.press("down", "enter")  # the second profile
        await wait_until(pilot, lambda: isinstance(app.screen, ExampleScreen))
        await pilot.pause()
        profile = app.pack.profiles[1]
        example = load_example(language, profile.id)
        shown = app.screen.query_one("#example-markdown", Markdown).source
        assert example.name in shown
        assert profile.label in str(app.screen.query_one("#example-heading").render())
        await pilot.press("a", "b", "enter", "ctrl+s")  # nothing to type into, nothing to save
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("ctrl+q")
    assert folder_state(data) == before
    assert [s.name for s in Store(data).summaries()] == ["Mijn loopbaan"]
