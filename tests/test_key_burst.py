"""Keys that arrive in one burst while a key makes a widget appear land in that widget, in order
(the editor holds the keys, app.hold_keys, until what it made is mounted and shown)."""

from __future__ import annotations

from pathlib import Path

from apps import MINI, make_app
from hostile.pilot import open_first
from textual import events
from textual.pilot import Pilot

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.widgets.prompt_view import PromptView
from loopbaan_tui.ui.widgets.text_fields import LineField

CONDITIONAL = Path(__file__).parent / "packs" / "conditional"


async def burst(pilot: Pilot[object], *keys: str) -> None:
    """Keys posted together, as one write from the terminal brings them: no pause between them."""
    app = pilot.app
    assert isinstance(app, LoopbaanApp)
    for key in keys:
        character = key if len(key) == 1 else {"tab": "\t", "enter": "\r", "space": " "}.get(key)
        app.post_message(events.Key(key, character))
    for _ in range(100):
        await pilot.pause()
        if app.keys_settled():
            break
    await pilot.pause()


async def test_a_path_picked_and_a_row_added_take_the_keys_of_the_same_burst_into_their_new_fields(
    tmp_path: Path,
) -> None:
    """One run (each was a test of its own): a path picked by Space takes the Tab and letters of the same
    burst into its new reason field; a row added by Enter takes the letters into its first field and, after
    a Tab, the one after it."""
    Store(tmp_path).create("Burst", "ervaren", str(MINI))
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        await pilot.press("f7")
        await pilot.pause()
        await burst(pilot, "space", "tab", *"ok")
        focused = app.focused
        assert isinstance(focused, LineField) and focused.has_class("path-reason"), focused
        assert focused.text == "ok"
        await pilot.press("f8")
        await pilot.pause()
        app.screen.query_one("#prompt-hoe-acties .row-add").focus()
        await pilot.pause()
        await burst(pilot, "enter", *"ab", "tab", "c")  # a new row, its first field, the one after it
        rows = list(app.screen.query("#prompt-hoe-acties .row"))
        assert len(rows) == 2
        assert [(f.name, f.text) for f in rows[1].query(LineField) if f.text] == [("what", "ab"), ("when", "c")]
        await pilot.press("ctrl+q")
    answers = Store(tmp_path).load(Store(tmp_path).summaries()[0].id).answers
    assert answers["waar-paden"] == [{"path": "expert", "reason": "ok"}]
    assert answers["hoe-acties"][-1]["what"] == "ab"


async def test_a_prompt_shown_by_a_letter_takes_the_tab_and_letters_of_the_same_burst(tmp_path: Path) -> None:
    Store(tmp_path).create("Burst", "student", str(CONDITIONAL))
    app = make_app(tmp_path, CONDITIONAL)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)  # in kan-sterk: any words in it show kan-voorbeeld below it
        await burst(pilot, "U", "tab", "x")
        shown = app.screen.query_one("#prompt-kan-voorbeeld", PromptView)
        assert shown.display and app.focused is shown.editor
        assert shown.editor.answer() == "x"
