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
