"""Plain mode with what landed beside it: conditions (show_if), the fit ranking of the paths, check-ins
and an action's status. Driven through pipes, in process (tests/test_plain.py's `plain`)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from apps import MINI, PACKS
from test_plain import CONTROL, only, plain

from loopbaan_tui.domain.words.dates import format_date
from loopbaan_tui.plain import run_plain

CONDITIONAL = PACKS / "conditional"


def test_only_the_prompts_and_options_shown_are_asked_and_a_follow_up_comes_right_after(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lines = [
        "Jan",
        "2",  # ervaren
        "Ik leg goed uit.",  # kan-sterk: answered, so kan-voorbeeld follows it
        "",
        "De breukenles",  # kan-voorbeeld
        "/stap 2",
        "2 3",  # wil-motieven: afwisseling (wil-afwisseling follows) and minder-lesgeven
        "Andere vakken",  # wil-afwisseling
        "",
        "/stap 4",
        "1 2",  # hoe-vorm: both options shown (minder-uren because of minder-lesgeven)
        "/stap 2",
        "1",  # wil-motieven: only verkennen now, so wil-afwisseling is hidden; on to wil-balans
        "/stap 4",
        "1",  # hoe-vorm: only "cursus" is offered now; the hidden choice stays
        "/stop",
    ]
    code, out = plain(data, lines, content=CONDITIONAL)
    assert code == 0
    follow_up = "Vraag 2 van 4: Noem één voorbeeld."
    assert out.index("Vraag 1 van 3: Waar ben je goed in?") < out.index(follow_up)
    assert out.index(follow_up) < out.index("Vraag 3 van 4: Wat zeggen anderen over je?")
    assert out.count("Wat voor afwisseling zoek je?") == 1  # asked once, then hidden
    assert out.count("2. Minder uren lesgeven") == 1 and out.count("1. Een cursus volgen") == 2
    assert "Wat maakt je werkdruk hoog?" not in out  # its condition never held
    # after the second wil-motieven answer the next question is the balance, not the hidden follow-up
    second = out.index("Waarom denk je nu na over je loopbaan?", out.index("Stap 4 van"))
    assert "Vraag 2 van 3: Hoe staat je werkplezier ervoor?" in out[second:]
    store = only(data)
    answers = store.load(store.summaries()[0].id).answers
    assert answers["kan-voorbeeld"] == "De breukenles"
    assert answers["wil-motieven"] == {"choices": ["verkennen"]}
    assert answers["wil-afwisseling"] == "Andere vakken"  # hidden, but kept in the file
    assert set(answers["hoe-vorm"]["choices"]) == {"cursus", "minder-uren"}


def test_the_paths_are_ranked_by_fit_with_a_reason_and_picked_by_the_number_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lines = ["Jan", "2", "/stap 1", "", "", "3", "/stap 3", "1", "Ik wil leiden", "/stop"]
    code, out = plain(data, lines)
    assert code == 0
    assert (
        "1. Groei naar leiderschap: Je gaat leidinggeven.\n"
        "   Misschien iets voor jou, omdat je 'Onderwijs organiseren' koos.\n"
        "2. Van beginner naar expert: Je wordt steeds beter in je vak.\n"
    ) in out
    assert "Op volgorde van wat je eerder antwoordde" in out
    store = only(data)
    answers = store.load(store.summaries()[0].id).answers
    assert answers["waar-paden"] == [{"path": "leiderschap", "reason": "Ik wil leiden"}]


FIRST_ROUND = ["Jan", "2", "/stap 2", "1", "2", "4", "5", "1", "/stap 4"]
"""A traject of the mini pack with motives and a balance, at its actions."""
ACTIONS = ["Mentor bellen", "", "", "", "Cursus", "", "", ""]


def test_an_action_status_is_set_by_number_and_done_gets_a_date(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lines = [*FIRST_ROUND, *ACTIONS, "/status 3", "/status 1", "3", "/status 2", "2", "", "/stap 4", "/stop"]
    code, out = plain(data, lines)
    assert code == 0
    assert "Welke actie? Typ /status en een getal van 1 tot en met 2." in out
    assert "De status van Mentor bellen is nu open. Wat wordt het?\n1. open\n2. bezig\n3. gedaan\n4. losgelaten" in out
    assert "Mentor bellen: gedaan." in out and "Cursus: bezig." in out
    assert "2. Cursus · Status bezig\nMet /status en een nummer" in out  # the rows again, with the hint
    store = only(data)
    rows = store.load(store.summaries()[0].id).answers["hoe-acties"]
    assert rows[0]["status"] == "gedaan" and rows[0]["done"] and rows[1] == {"what": "Cursus", "status": "bezig"}


def test_a_new_check_in_walks_what_is_looked_at_again_with_last_time_beside_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plain(data, [*FIRST_ROUND, *ACTIONS, "/status 1", "3", "", "/stop"])
    store = only(data)
    traject_id = store.summaries()[0].id
    first = format_date(store.load(traject_id).current.date.date(), "nl", weekday=False)
    when = datetime(2027, 3, 2, 9, 30, tzinfo=UTC)
    lines = ["3", "", "/eerder", "", "3", "3", "4", "2", "", "/stop"]
    out = io.StringIO()
    stdin = io.StringIO("".join(line + "\n" for line in lines))
    assert run_plain(str(MINI), str(data), "nl", stdin=stdin, stdout=out, clock=lambda: when) == 0
    text = out.getvalue()
    assert not CONTROL.search(text)
    assert "3. Een nieuwe check-in beginnen voor Jan" in text
    assert "4. Waarom denk je nu na over je loopbaan? (gekozen)" in text and "1. Waar ben je goed in?\n" in text
    assert "Je check-in van 2 maart 2027 is begonnen. We lopen de 4 vragen langs" in text
    assert f"Vorige keer, {first}:\n• Ik wil zien wat er kan" in text  # /eerder
    # the scale starts empty, last time's scores shown before it is asked
    assert f"Vorige keer, {first}:\n• Werkplezier: 2 → 4\n• Werkdruk: 5 → 1\nWerkplezier: van 1" in text
    assert "1. Cursus\n2. Mentor bellen · Status gedaan" in text  # open actions first
    assert "Waar ben je goed in?" not in text.split("begonnen.")[1]  # only what is looked at again
    traject = store.load(traject_id)
    assert [c.date for c in traject.earlier] != [] and traject.current.date == when
    assert traject.current.revisit == ("wil-motieven", "wil-balans", "hoe-acties", "roadmap-checkin")
    assert traject.answers["wil-balans"] == {"werkplezier": {"then": 3, "now": 3}, "werkdruk": {"then": 4, "now": 2}}
    assert traject.earlier[-1].answers["wil-balans"]["werkplezier"] == {"then": 2, "now": 4}
    assert traject.answers["wil-motieven"] == {"choices": ["verkennen"]}
