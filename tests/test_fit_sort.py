"""The sort kind: the lines of earlier list answers put in groups (strengths and energy in step 2)."""

from __future__ import annotations

from pathlib import Path

from apps import make_app, pack_of
from hostile.pilot import open_first

from loopbaan_tui.domain import kinds
from loopbaan_tui.domain.kinds import DocContext, Stored
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.widgets.sort_editor import SortEditor, SortItem

PACK = pack_of("nl")
PROMPT = PACK.prompt("wil-sterk-energie")
ANSWERS: dict[str, Stored] = {
    "kan-sterke-kanten": ["Ik leg helder uit", "Ik zie wie afhaakt"],
    "wil-energie-geeft": ["Een nieuw project", "Ik leg helder uit"],
    "wil-energie-kost": ["Pleinwacht"],
}


def test_the_lines_to_sort_come_from_the_recalled_lists_each_once() -> None:
    assert PROMPT is not None
    assert kinds.SORT.items(PACK, PROMPT, ANSWERS) == (
        "Ik leg helder uit",
        "Ik zie wie afhaakt",
        "Een nieuw project",
        "Pleinwacht",
    )
    assert kinds.SORT.items(PACK, PROMPT, {"kan-sterke-kanten": {"kapot": 1}}) == ()


def test_a_sort_reads_by_group_in_the_pack_order_and_keeps_unknown_groups() -> None:
    assert PROMPT is not None
    stored: Stored = {"loslaten": ["Pleinwacht"], "weg": ["oud"], "bouwen": ["Ik leg helder uit"]}
    answer = kinds.SORT.read(PROMPT, stored)
    assert [g.id for g in kinds.SORT.ordered(PROMPT, answer)] == ["bouwen", "loslaten", "weg"]
    markdown = kinds.SORT.render(DocContext(PACK), PROMPT, stored)
    assert markdown.startswith("**Bouw erop: je bent er goed in en het geeft je energie**\n\n- Ik leg helder uit")
    assert "**weg**\n\n- oud" in markdown
    merged = kinds.SORT.merge_hidden(PACK, PROMPT, "ervaren", stored, {"bouwen": ["Pleinwacht"]})
    assert merged == {"bouwen": ["Pleinwacht"], "weg": ["oud"]}
    moved = kinds.SORT.compare_stored(PACK, PROMPT, stored, {"bouwen": ["Pleinwacht", "Ik leg helder uit"]})
    assert moved.moved == ("Pleinwacht",) and moved.removed == ("oud",)


async def test_the_user_sorts_lines_with_digits_and_new_lines_appear(tmp_path: Path) -> None:
    store = Store(tmp_path)
    traject = store.create("Sort", "ervaren", "nl")
    for prompt_id, value in ANSWERS.items():
        traject.set_answer(prompt_id, value)
    traject.set_answer("wil-sterk-energie", {"leren": ["Iets wat ik schrapte"]})
    store.save(traject)
    app = make_app(tmp_path, "nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        screen = app.screen
        await pilot.press("f6")
        await pilot.pause()
        editor = screen.query_one("#prompt-wil-sterk-energie SortEditor", SortEditor)
        lines = list(editor.query(SortItem))
        assert [line.text for line in lines] == list(kinds.SORT.items(PACK, PROMPT, ANSWERS))  # type: ignore[arg-type]
        lines[0].focus()
        await pilot.press("1", "down", "2", "down", "3", "right", "down", "4", "backspace")
        await pilot.pause()
        assert "→ Bouw erop" in str(lines[0].render())
        # A strength added in step 1 is there to sort when the user comes back.
        screen.session.set_answer("kan-sterke-kanten", ["Ik leg helder uit", "Ik zie wie afhaakt", "Ik plan"])  # type: ignore[attr-defined]
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        await pilot.pause()
        assert "Ik plan" in [line.text for line in editor.query(SortItem)]
        await pilot.press("ctrl+q")
    answers = Store(tmp_path).load(Store(tmp_path).summaries()[0].id).answers
    assert answers["wil-sterk-energie"] == {
        "bouwen": ["Ik leg helder uit"],
        "kost": ["Ik zie wie afhaakt"],
        "leren": ["Iets wat ik schrapte"],
        "loslaten": ["Een nieuw project"],
    }
