"""show_if in the app: a prompt appears and disappears as the answer above it is typed and erased, with
the focus kept and the words typed in the hidden prompt kept, counted in the rail only while shown."""

from __future__ import annotations

from pathlib import Path

from apps import make_app, type_text
from hostile.pilot import open_first
from test_lived_in import SIZE, answers_on_disk, focused_prompt

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.widgets.prompt_view import PromptView
from loopbaan_tui.ui.widgets.rail import StepRail

CONDITIONAL = Path(__file__).parent / "packs" / "conditional"


def shown_ids(screen: ReflectionScreen) -> list[str]:
    return [view.prompt.id for view in screen._prompt_views()]


async def test_a_prompt_appears_and_disappears_while_typing_and_an_option_follows_a_motive(tmp_path: Path) -> None:
    """One run, each part once a test of its own:
    - a prompt appears and disappears as the answer above it is typed and erased, the focus kept, its words
      kept (on screen and in the file) and counted in the rail only while shown;
    - an option of a later step follows a motive; ticking another option while it is hidden keeps it."""
    answers = {"wil-motieven": {"choices": ["minder-lesgeven"]}, "hoe-vorm": {"choices": ["minder-uren"]}}
    traject = Traject(id="c-1", name="Voorwaarden", profile="student", pack=str(CONDITIONAL), answers=answers)
    app = make_app(tmp_path, CONDITIONAL, trajects=[traject])
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        rail = screen.query_one(StepRail)
        assert shown_ids(screen) == ["kan-sterk", "kan-feedback", "kan-rol"]
        assert "0/3" in str(rail.get_option_at_index(0).prompt)
        assert focused_prompt(app) == "kan-sterk"
        await type_text(pilot, "Uitleg")
        assert shown_ids(screen) == ["kan-sterk", "kan-voorbeeld", "kan-feedback", "kan-rol"]
        assert focused_prompt(app) == "kan-sterk"  # the focus did not move
        follow = screen.query_one("#prompt-kan-voorbeeld", PromptView)
        assert follow.number == 2 and screen.query_one("#prompt-kan-feedback", PromptView).number == 3
        assert "1/4" in str(rail.get_option_at_index(0).prompt)
        await pilot.press("tab")
        assert focused_prompt(app) == "kan-voorbeeld"
        await type_text(pilot, "De breukenles")
        await pilot.press("shift+tab")
        await pilot.press(*["backspace"] * len("Uitleg"))
        assert shown_ids(screen) == ["kan-sterk", "kan-feedback", "kan-rol"]
        assert focused_prompt(app) == "kan-sterk" and not follow.display
        assert "0/3" in str(rail.get_option_at_index(0).prompt)  # the hidden answer does not count
        await pilot.press("ctrl+s")
        assert answers_on_disk(tmp_path, traject)["kan-voorbeeld"] == "De breukenles"  # kept in the file
        await type_text(pilot, "X")
        assert follow.display and follow.editor.answer() == "De breukenles"  # back, with its words

        await pilot.press("f8")  # hoe: the motive is ticked, so both options show
        view = screen.query_one("#prompt-hoe-vorm", PromptView)
        assert view.options_shown == ("cursus", "minder-uren")
        await pilot.press("f6")
        assert focused_prompt(app) == "wil-motieven"
        await pilot.press("down", "down", "space")  # untick "minder lesgeven"
        await pilot.pause()
        assert view.options_shown == ("cursus",)
        assert focused_prompt(app) == "wil-motieven"
        await pilot.press("f8", "space")  # tick "cursus", the one option shown
        assert focused_prompt(app) == "hoe-vorm"
        await pilot.press("ctrl+s")
        assert answers_on_disk(tmp_path, traject)["hoe-vorm"]["choices"] == ["cursus", "minder-uren"]
        await pilot.press("ctrl+q")
    assert Store(tmp_path).load(traject.id).answers["kan-voorbeeld"] == "De breukenles"
