"""A new check-in: what it looks at again, what carries over, and comparing two; one journey in the app."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apps import MINI, ROADMAP, make_app, pack_of
from hostile.pilot import wait_until
from textual.widgets import Static

from loopbaan_tui.domain.roadmap.changes import between, compare_lines, spark
from loopbaan_tui.domain.trajects.checkins import begin, default_revisit, last_time, series
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.screens.checkins import CheckinDialog, CheckinPicker, CompareScreen
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.start import StartScreen

MARCH = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
JUNE = MARCH + timedelta(days=92)
ACTIONS = [
    {"what": "Klaar", "status": "gedaan", "done": "2026-02-01"},
    {"what": "Nog open"},
    {"what": "Laten gaan", "status": "losgelaten"},
    {"what": "Bezig", "status": "bezig"},
]


def march() -> Traject:
    traject = Traject("proef-000001", "Proef", "student", str(MINI), created=MARCH, updated=MARCH)
    traject.set_answer("kan-sterk", "Rustig blijven in een drukke klas.")
    traject.set_answer("wil-balans", {"werkplezier": {"now": 3, "then": 2}, "werkdruk": {"now": 4}})
    traject.set_answer("hoe-acties", ACTIONS)
    traject.set_answer("waar-stage", "Een dorpsschool.")
    return traject


def test_a_new_check_in_starts_from_last_time() -> None:
    pack = pack_of(MINI)
    assert default_revisit(pack, "student") == ("wil-motieven", "wil-balans", "hoe-acties", "roadmap-checkin")
    traject = march()
    begin(traject, pack, JUNE, ("kan-sterk", "wil-balans", "hoe-acties"))
    first, now = series(traject)
    assert (first.date, now.date, traject.current.revisit) == (MARCH, JUNE, ("kan-sterk", "wil-balans", "hoe-acties"))
    assert traject.answers["kan-sterk"] == "Rustig blijven in een drukke klas."  # text starts from last time
    assert "wil-balans" not in traject.answers  # a scale starts empty ...
    assert last_time(traject, "wil-balans") == (first, {"werkplezier": {"now": 3, "then": 2}, "werkdruk": {"now": 4}})
    assert [row["what"] for row in traject.answers["hoe-acties"]] == ["Nog open", "Bezig", "Klaar", "Laten gaan"]  # type: ignore[index,union-attr]
    assert traject.answers["waar-stage"] == "Een dorpsschool."  # not revisited: carried over unchanged
    assert first.answers["hoe-acties"] == ACTIONS  # the closed check-in keeps its own answers
    assert traject.last_prompt == "kan-sterk"


def test_two_check_ins_compared_as_plain_text() -> None:
    pack = pack_of(ROADMAP)  # its werkdruk is better low
    traject = march()
    begin(traject, pack, JUNE, ("wil-balans", "hoe-acties"))
    traject.set_answer("wil-balans", {"werkplezier": {"now": 4}, "werkdruk": {"now": 2}})
    rows = list(traject.answers["hoe-acties"])  # type: ignore[arg-type]
    rows[0] = {"what": "Nog open", "status": "gedaan"}
    traject.set_answer("hoe-acties", rows)
    lines = compare_lines(pack, between(pack, traject, 0, 1), 0, 1)
    text = "\n".join(lines)
    werkdruk = next(line for line in lines if "4 → 2" in line)
    assert "beter" in werkdruk  # lower werkdruk is better
    assert "• Nog open" in text and "Klaar" not in text  # done since then; done before is no news
    assert spark([1, 3, 5, None], 1, 5) == "▁▅█·"


async def test_the_journey_of_a_check_in_three_months_later(tmp_path: Path) -> None:
    """Answered in March; back in June (a fixed clock): a check-in from the start screen, last time's
    words beside the fields, the scale empty, then the two check-ins compared."""
    store = Store(tmp_path)
    store.save(march())
    app = make_app(store, clock=lambda: JUNE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinDialog))
        dialog = app.screen
        assert "3 maart 2026" in str(dialog.query_one("#dialog-body", Static).render())
        await pilot.press("enter")  # kan-sterk too (the first prompt, highlighted), beside the defaults
        await pilot.press("tab", "enter")  # "Beginnen"
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen) and app.screen is not dialog)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert gc.isenabled()  # paused while it opened, on again once mounted (collector.py)
        last = app.screen.query_one("#prompt-kan-sterk .prompt-last-time", Static)
        assert str(last.render()).startswith("Vorige keer, 3 maart 2026:\nRustig blijven")
        await pilot.press("f6")
        await pilot.pause()
        balance = app.screen.query_one("#prompt-wil-balans .prompt-last-time", Static)
        assert "3 maart 2026" in str(balance.render())
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen))
        await pilot.pause()
        compare = app.screen
        assert "3 → –" in str(compare.query_one("#compare-lines", Static).render())
        assert app.focused is compare.query_one("#compare-from", CheckinPicker)
        assert str(app.focused.render()).startswith("‹ 3 maart 2026 ›")
        lines = compare.query_one("#compare-lines", Static)
        await pilot.press("right")  # the from-end on the later check-in too: June against June
        await pilot.pause()
        assert str(lines.render()) == "Sinds vorige keer is er niets veranderd."
        await pilot.press("right", "home")  # there is no later one; Home: the first
        await pilot.pause()
        assert "3 → –" in str(lines.render())
        await pilot.press("tab", "left")  # the to-end on March too
        await pilot.pause()
        assert [p.index for p in compare.query(CheckinPicker)] == [0, 0]
        assert "3 → 3  Werkplezier" in str(lines.render())
        await pilot.press("escape", "ctrl+q")
    saved = Store(tmp_path).load("proef-000001")
    assert [c.date for c in series(saved)] == [MARCH, JUNE]
    assert saved.current.revisit == ("kan-sterk", "wil-motieven", "wil-balans", "hoe-acties", "roadmap-checkin")
    assert "wil-balans" not in saved.answers and saved.earlier[0].answers["wil-balans"]


def test_a_new_school_year_starts_from_the_current_answers() -> None:
    from loopbaan_tui.domain.trajects.checkins import new_school_year

    traject = march()
    begin(traject, pack_of(MINI), JUNE, ("wil-balans",))
    traject.private = {"kan-sterk"}
    year = new_school_year(traject, "proef-2026", "Proef 2026-2027", JUNE + timedelta(days=90))
    assert year.answers == traject.answers and year.answers is not traject.answers
    assert year.earlier == [] and year.current.date == year.created == JUNE + timedelta(days=90)
    assert (year.id, year.name, year.private, year.profile) == (
        "proef-2026",
        "Proef 2026-2027",
        {"kan-sterk"},
        "student",
    )
    year.set_answer("kan-sterk", "Nieuw jaar")
    assert traject.answers["kan-sterk"] == "Rustig blijven in een drukke klas."


async def test_j_on_the_start_screen_copies_a_traject_for_a_new_school_year(tmp_path: Path) -> None:
    store = Store(tmp_path)
    traject = march()
    begin(traject, pack_of(MINI), JUNE, ("wil-balans",))
    store.save(traject)
    september = JUNE + timedelta(days=90)
    app = make_app(store, clock=lambda: september)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await wait_until(pilot, lambda: len(store.summaries()) == 2)
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
    (copy,) = [s for s in Store(tmp_path).summaries() if s.id != traject.id]
    year = Store(tmp_path).load(copy.id)
    assert year.name == "Proef (nieuw schooljaar)" and year.created == september and year.earlier == []
    assert year.answers == traject.answers
    assert len(Store(tmp_path).load(traject.id).earlier) == 1  # the original is left as it was
