"""Step 3 on screen: the career paths ordered by fit with the answers so far, with their reasons."""

from __future__ import annotations

from pathlib import Path

from apps import MINI, make_app
from hostile.pilot import open_first
from textual.widgets import Checkbox, Markdown, Static

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.widgets.paths_editor import PathsEditor
from loopbaan_tui.ui.widgets.text_fields import LineField


def order(editor: PathsEditor) -> list[str]:
    return [box.name or "" for box in editor.query(Checkbox)]


def fit_words(editor: PathsEditor) -> list[str]:
    """Each path's line of reasons shown: the first line of its details."""
    return [str(s.render()).split("\n")[0] for s in editor.query(".path-details.-fitted").results(Static)]


async def test_the_paths_follow_earlier_answers_and_keep_the_focus(tmp_path: Path) -> None:
    Store(tmp_path).create("Fit", "ervaren", str(MINI))
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        screen = app.screen
        await pilot.press("f7")
        await pilot.pause()
        editor = screen.query_one("#prompt-waar-paden PathsEditor", PathsEditor)
        assert order(editor) == ["expert", "leiderschap"] and fit_words(editor) == []
        assert not screen.query_one("#prompt-waar-paden .paths-ranked").display
        await pilot.press("f5")
        await pilot.pause()

        # Step 1: "Onderwijs organiseren" points to leadership; in step 3 it comes first, with why.
        await pilot.press("ctrl+down", "ctrl+down", "down", "down", "enter")
        await pilot.press("f7")
        await pilot.pause()
        assert order(editor) == ["leiderschap", "expert"]
        assert fit_words(editor) == ["Misschien iets voor jou, omdat je 'Onderwijs organiseren' koos."]
        assert screen.query_one("#prompt-waar-paden .paths-ranked").display
        assert not editor.query(".path-reason")  # no field for why until a path is picked
        await pilot.press("space")  # the first path on screen: any path can be picked
        await pilot.press("tab", "o", "k")  # into its field for why, made as it was picked
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, LineField) and focused.has_class("path-reason") and focused.text == "ok"
        assert "ok" in str(screen.session.traject.answer("waar-paden"))

        # Another answer in step 1: the order goes back, the pick and the focus stay.
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down", "up", "enter")
        await pilot.press("f7")
        await pilot.pause()
        assert order(editor) == ["expert", "leiderschap"] and fit_words(editor) == []
        assert [box.value for box in editor.query(Checkbox)] == [False, True]

        # Re-ranking while the user is in the list (an answer changed elsewhere) moves the paths, not the focus.
        app.set_focus(focused)
        await pilot.pause()
        screen.session.set_answer("kan-rol", {"choice": "organiseren"})  # type: ignore[attr-defined]
        editor.refresh_fit()
        await pilot.pause()
        assert order(editor) == ["leiderschap", "expert"] and app.focused is focused

        # The roadmap names the best fitting path with its reason when asked.
        await pilot.press("ctrl+r")
        await pilot.pause()
        preview = app.screen.query_one(Markdown)
        await app.workers.wait_for_complete()
        assert "Waar mijn antwoorden naar wijzen" not in preview.source
        app.screen.query_one("#include-fit", Checkbox).value = True
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "**Groei naar leiderschap**: omdat ik 'Onderwijs organiseren' koos" in preview.source
        await pilot.press("ctrl+q")
    answers = Store(tmp_path).load(Store(tmp_path).summaries()[0].id).answers
    assert answers["waar-paden"] == [{"path": "leiderschap", "reason": "ok"}]
