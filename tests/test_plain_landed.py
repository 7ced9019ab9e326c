"""Plain mode with what landed beside it: conditions (show_if), the fit ranking of the paths, check-ins
and an action's status. Driven through pipes, in process (tests/test_plain.py's `plain`)."""

from __future__ import annotations

from pathlib import Path

from apps import PACKS
from test_plain import only, plain

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
