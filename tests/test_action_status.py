"""An action's status (open, bezig, gedaan, losgelaten) and its done date: the kind and its editor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from apps import MINI, make_app, pack_of
from hostile.pilot import open_first

from loopbaan_tui.domain import kinds
from loopbaan_tui.domain.kinds.base import DocContext
from loopbaan_tui.domain.kinds.rows import STATUSES, Row, status_of
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.widgets.rows_editor import ChoiceButton
from loopbaan_tui.ui.widgets.text_fields import LineField

ROW = {"what": "Meelopen", "when": "2026-01-15", "first_step": "Mail", "who": "Fatima"}


def test_a_row_without_a_status_is_open_and_is_written_as_before() -> None:
    pack = pack_of(MINI)
    prompt = pack.prompt("hoe-acties")
    assert prompt is not None
    answer = kinds.ACTIONS.read(prompt, [ROW])
    assert status_of(answer.rows[0]) == "open"
    assert kinds.ACTIONS.write(answer) == [ROW]  # status and done only when set: a format-1 row stays as it was
    done = kinds.ACTIONS.read(prompt, [{**ROW, "status": "gedaan", "done": "2026-02-01"}])
    assert status_of(done.rows[0]) == "gedaan"
    assert kinds.ACTIONS.write(done) == [{**ROW, "status": "gedaan", "done": "2026-02-01"}]
    assert status_of(Row({"status": "misschien"})) == "open"
    words = pack.text
    (line,) = kinds.ACTIONS.summary(pack, prompt, done, words)
    assert "Status gedaan" in line and "Gedaan op zondag 1 februari 2026" in line
    # the roadmap's table keeps its four columns: the status and date go with what the action is
    table = kinds.ACTIONS.markdown(DocContext(pack), prompt, done)
    assert table.splitlines()[0].count("|") == 5
    assert "| Meelopen (gedaan, zondag 1 februari 2026) |" in table
    assert "(" not in kinds.ACTIONS.markdown(DocContext(pack), prompt, answer)  # an open action as before
    assert {word for _, word in STATUSES} <= kinds.ACTIONS.word_keys()


async def test_the_status_button_moves_on_and_done_gets_todays_date(tmp_path: Path) -> None:
    store = Store(tmp_path)
    traject = store.create("Mijn loopbaan", "student", str(MINI))
    traject.answers["hoe-acties"] = [ROW]
    traject.last_prompt = "hoe-acties"
    store.save(traject)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        await pilot.press("tab", "tab", "tab", "tab")  # past what, when, first step, who: the status
        button = app.focused
        assert isinstance(button, ChoiceButton) and str(button.label) == "open ▸"
        await pilot.press("enter")
        assert str(button.label) == "bezig ▸"
        await pilot.press("enter")
        done = next(box for box in app.screen.query(LineField) if box.name == "done")
        assert str(button.label) == "gedaan ▸" and done.text == date.today().isoformat()
        await pilot.press("enter")  # let go: the date filled in a moment ago goes again
        assert str(button.label) == "losgelaten ▸" and done.text == ""
        await pilot.press("enter", "enter")  # round to open, and on to bezig
        await pilot.press("ctrl+q")
    (row,) = Store(tmp_path).load(traject.id).answers["hoe-acties"]
    assert row == {**ROW, "status": "bezig"}
