"""What is due: the next check-in's state, `loopbaan due`, and the .ics calendar of the dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from loopbaan_tui.cli import main
from loopbaan_tui.domain.trajects.due import due_state
from loopbaan_tui.domain.trajects.storage import Store


def test_due_soon_and_overdue() -> None:
    day = date(2026, 3, 6)
    assert due_state(day, date(2026, 3, 7)) == "overdue"
    assert due_state(day, day) == "due"
    assert due_state(day, date(2026, 2, 27)) == "soon"  # 7 days before
    assert due_state(day, date(2026, 2, 26)) is None


def test_loopbaan_due_lists_one_line_each_and_writes_a_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    store = Store(data)
    today = date.today()
    for name, days in (("Te laat", -3), ("Bijna", 2), ("Later", 40)):
        traject = store.create(name, "student", "nl")
        traject.set_answer("roadmap-checkin", (today + timedelta(days=days)).isoformat())
        traject.set_answer(
            "hoe-acties",
            [
                {"what": "Open actie", "when": (today + timedelta(days=10)).isoformat()},
                {"what": "Al gedaan", "when": today.isoformat(), "status": "gedaan"},
            ],
        )
        store.save(traject)
    store.create("Geen datum", "student", "nl")
    assert main(["due", "--data-dir", str(data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(lines) == sorted(
        [
            f"Te laat: je check-in is te laat (gepland op {_words(today - timedelta(days=3))})",
            f"Bijna: je check-in komt eraan ({_words(today + timedelta(days=2))})",
        ]
    )
    ics = tmp_path / "loopbaan.ics"
    assert main(["due", "--data-dir", str(data), "--ics", str(ics)]) == 0
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == sorted(["Check-in: Te laat", "Check-in: Bijna", "Check-in: Later", *["Open actie"] * 3])
    assert main(["due", "--data-dir", str(tmp_path / "leeg")]) == 0
    assert "Agenda geschreven" in capsys.readouterr().out


def _words(day: date) -> str:
    from loopbaan_tui.domain.words.dates import format_date

    return format_date(day, "nl")


async def test_the_start_screen_marks_a_check_in_that_is_due(tmp_path: Path) -> None:
    """The summary of each save holds the next check-in (when the app saved it): the start list marks it."""
    from apps import make_app
    from textual.widgets import OptionList

    from loopbaan_tui.domain.trajects.due import next_checkin
    from loopbaan_tui.domain.trajects.store_summary import read_sidecar
    from loopbaan_tui.ui.screens.start import StartScreen

    store = Store(tmp_path)
    today = date.today()
    late = store.create("Te laat", "student", "nl")
    late.set_answer("roadmap-checkin", (today - timedelta(days=1)).isoformat())
    app = make_app(store, "nl")
    store.save(late, due=next_checkin(app.pack, late))
    info = store.path_of(late.id).stat()
    summary = read_sidecar(store.folder, late.id, store.path_of(late.id), info)
    assert summary is not None and summary.due == today - timedelta(days=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        option = app.screen.query_one("#trajecten", OptionList).get_option_at_index(0)
        assert "⚑ check-in te laat" in str(option.prompt)


def test_loopbaan_due_reads_the_summary_when_it_holds_the_check_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that knew the next check-in (as the app's do) put it in the summary: `loopbaan due`
    reads no traject file for it; one saved without it (the date unknown) is read, as is every file
    for --ics (the actions' deadlines are only in the file). A damaged file is skipped, not set aside."""
    from loopbaan_tui.domain.content import builtin
    from loopbaan_tui.domain.content.loader import load_pack
    from loopbaan_tui.domain.trajects.due import next_checkin

    pack = load_pack(builtin.pack_folder("nl")).pack
    assert pack is not None
    store, today = Store(tmp_path), date.today()
    known, unknown = store.create("Bekend", "student", "nl"), store.create("Onbekend", "student", "nl")
    for traject, days in ((known, 1), (unknown, -1)):
        traject.set_answer("roadmap-checkin", (today + timedelta(days=days)).isoformat())
    store.save(known, due=next_checkin(pack, known))
    store.save(unknown)  # as a save that has no pack to read the date with
    store.create("Geen datum", "student", "nl")
    store.save(store.load(store.create("Zonder", "student", "nl").id), due=None)  # known: none set
    (tmp_path / "kapot-000001.toml").write_text("schema = ", encoding="utf-8")
    read: list[str] = []
    real = Store.load
    monkeypatch.setattr(Store, "load", lambda self, traject_id: read.append(traject_id) or real(self, traject_id))
    assert main(["due", "--data-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(lines) == sorted(
        [
            f"Bekend: je check-in komt eraan ({_words(today + timedelta(days=1))})",
            f"Onbekend: je check-in is te laat (gepland op {_words(today - timedelta(days=1))})",
        ]
    )
    assert sorted(read) == sorted([unknown.id, *(s.id for s in store.summaries() if s.name == "Geen datum")])
    assert not list(tmp_path.glob("kapot-000001.damaged-*"))
    read.clear()
    assert main(["due", "--data-dir", str(tmp_path), "--ics", str(tmp_path / "a.ics")]) == 0
    assert len(read) == 4
