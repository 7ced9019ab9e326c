"""Plain mode (`loopbaan --plain`) driven through pipes: in-process over text streams (fast), once through
the real command line in a subprocess, and once in a pseudo-terminal (tests/test_plain_pty.py).

Each run types a whole script of lines; the traject file, the roadmap and the output are checked."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from apps import MINI

from loopbaan_tui.cli import main
from loopbaan_tui.domain.content.model import Kind, Option, Prompt
from loopbaan_tui.domain.trajects.storage import StorageError, Store
from loopbaan_tui.plain import plain_asked, run_plain
from loopbaan_tui.plain.answers import ASKERS, ask
from loopbaan_tui.plain.console import Console
from loopbaan_tui.plain.question import Question

CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Anything a terminal could take for a control sequence (a line feed is the only control allowed)."""

EVERY_KIND = [
    "Jan",  # name
    "1",  # profile: student
    "Ik kan een klas rustig krijgen.",  # kan-sterk (long text), two lines
    "En ik luister.",
    "",
    "Mentor: helder",  # kan-feedback (list)
    "Klas: streng",
    "/weg 1",
    "",
    "4",  # kan-rol: other
    "Iets eigens",
    "1 3",  # wil-motieven (multiple choice)
    "2",  # wil-balans: werkplezier then, now; werkdruk then, now
    "4",
    "5",
    "1",
    "Een klas die iets snapt",  # wil-energie (short text)
    "1",  # waar-paden: expert
    "Ik wil groeien",
    "Stage bij de Vinkenschool",  # waar-stage (long text)
    "",
    "Mentor bellen",  # hoe-acties: one row
    "voor de kerst",
    "mail sturen",
    "mentor",
    "",
    "Anna",  # wie-mensen: one row
    "advies",
    "koffie",
    "",
    "Ik begon als invaller.",  # roadmap-herkomst
    "",
    "30 februari 2027",  # roadmap-checkin: no date (kept as typed, said), then a date
    "2-3-2027",
    "1",  # write the roadmap
]
"""A whole reflection of the mini pack, every kind in it answered by typing."""

EXPECTED = {
    "kan-sterk": "Ik kan een klas rustig krijgen.\nEn ik luister.",
    "kan-feedback": ["Klas: streng"],
    "kan-rol": {"other": "Iets eigens"},
    "wil-motieven": {"choices": ["verkennen", "minder-lesgeven"]},
    "wil-balans": {"werkplezier": {"then": 2, "now": 4}, "werkdruk": {"then": 5, "now": 1}},
    "wil-energie": "Een klas die iets snapt",
    "waar-paden": [{"path": "expert", "reason": "Ik wil groeien"}],
    "waar-stage": "Stage bij de Vinkenschool",
    "hoe-acties": [{"what": "Mentor bellen", "when": "voor de kerst", "first_step": "mail sturen", "who": "mentor"}],
    "wie-mensen": [{"who": "Anna", "help": "advies", "reach": "koffie"}],
    "roadmap-herkomst": "Ik begon als invaller.",
    "roadmap-checkin": "2027-03-02",
}


def plain(data: Path, lines: list[str], *, content: Path | None = MINI, lang: str = "nl") -> tuple[int, str]:
    """Run plain mode over `lines` (the end of input after them); the exit code and all it wrote."""
    out = io.StringIO()
    code = run_plain(
        str(content) if content else None,
        str(data),
        lang,
        stdin=io.StringIO("".join(line + "\n" for line in lines)),
        stdout=out,
    )
    text = out.getvalue()
    assert not CONTROL.search(text), repr(CONTROL.search(text))
    return code, text


def only(data: Path) -> Store:
    store = Store(data)
    assert len(store.summaries()) == 1
    return store


def test_a_whole_reflection_of_every_kind_is_saved_and_ends_in_a_roadmap(tmp_path: Path) -> None:
    data, roadmap = tmp_path / "data", tmp_path / "roadmap.md"
    code, out = plain(data, [*EVERY_KIND, str(roadmap)])
    assert code == 0
    store = only(data)
    traject = store.load(store.summaries()[0].id)
    assert traject.name == "Jan" and traject.profile == "student" and traject.route == "full"
    assert traject.answers == EXPECTED
    text = roadmap.read_text(encoding="utf-8")
    assert text.startswith("# Roadmap: Jan") and "Ik begon als invaller." in text and "| Mentor bellen |" in text
    # what was said on the way: the step and question first, an impossible date explained, the end
    assert "Stap 1 van 6: Kwaliteitenreflectie." in out and "Vraag 1 van 3: Waar ben je goed in?" in out
    assert "Weggehaald: Mentor: helder" in out
    assert "30 februari 2027 bestaat niet" in out and "Bewaard: dinsdag 2 maart 2027." in out
    assert f"Je roadmap staat in {roadmap}" in out and out.rstrip().endswith("Alles is bewaard. Tot ziens.")
    # every answer was written as it was given: the backup holds the traject one answer before the end
    assert store.load_backup(traject.id).answers["roadmap-checkin"] == "30 februari 2027"


def test_stop_then_resume_where_you_left_off(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, out = plain(data, ["Jan", "2", "Ik kan uitleggen.", "", "/stop"])
    assert code == 0 and "Alles is bewaard" in out
    store = only(data)
    traject_id = store.summaries()[0].id
    assert store.load(traject_id).answers == {"kan-sterk": "Ik kan uitleggen."}
    store.lock(traject_id).release()  # the lock was let go: no TrajectLocked

    # the start lists the traject; opening it goes on at the first open question
    code, out = plain(data, ["2", "Collega: rustig", "", "/stop"])
    assert "1. Een nieuw traject beginnen" in out and "2. Jan openen (Ervaren leraar," in out
    assert "Welkom terug. Je hebt 1 van de 12 vragen beantwoord." in out
    assert out.index("Vraag 2 van 3: Wat zeggen anderen over je?") < out.index("Alles is bewaard")
    assert store.load(traject_id).answers["kan-feedback"] == ["Collega: rustig"]

    # the end of the input is a stop too; what was typed before it is saved
    code, out = plain(data, ["2", "4", "Eigen rol"])
    assert code == 0 and store.load(traject_id).answers["kan-rol"] == {"other": "Eigen rol"}


def test_commands_move_clear_and_tell(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lines = [
        "Jan",
        "1",
        "/voorbeeld",  # kan-sterk's example, then the question again
        "Eerste antwoord",
        "",
        "/terug",  # back to kan-sterk: it is answered now
        "/eerder",
        "/wissen",
        "/verder",  # kan-sterk stays empty; on to kan-feedback
        "/verder",
        "/stap",
        "/stap 9",
        "/stap 5",  # Netwerken
        "/hulp",
        "/onzin",
        "//begint met een streep",  # wie-mensen: a who that starts with a slash
        "",
        "",
        "/weg 1",  # at the next row's first field
        "",
        "/klaar",  # to the end: no roadmap now
        "2",
    ]
    code, out = plain(data, lines)
    assert code == 0
    assert out.count("Ik kan een rumoerige klas rustig krijgen.") == 1  # the example
    assert out.count("Vraag 1 van 3: Waar ben je goed in?") == 3  # asked, back, cleared
    assert "Je hebt dit al beantwoord." in out and "Je antwoord:\nEerste antwoord" in out
    assert "Het antwoord is nu leeg." in out
    assert "De stappen:\nStap 1: Kwaliteitenreflectie, 0 van 3 beantwoord\nStap 2: Motievenreflectie," in out
    assert out.count("Welke stap? Typ /stap en een getal van 1 tot en met 6.") == 2
    assert "Zal ik je roadmap nu opslaan? De andere vragen kun je later nog beantwoorden." in out
    assert "Stap 5 van 6: Netwerken." in out
    assert "Bij deze vraag is geen uitleg." in out and "/terug: de vorige vraag" in out
    assert "/onzin is geen opdracht." in out
    assert "Nummer 1 is weggehaald." in out
    store = only(data)
    traject_id = store.summaries()[0].id
    answers = store.load(traject_id).answers
    assert "kan-sterk" not in answers and "wie-mensen" not in answers
    assert store.load_backup(traject_id).answers["wie-mensen"] == [{"who": "/begint met een streep"}]


def test_wrong_numbers_are_asked_again_with_what_to_type(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, out = plain(data, ["/hulp", "", "Jan", "/eerder", "zeven", "7", "1", "", "", "0", "2 2", "2", "/stop"])
    assert code == 0 and "Traceback" not in out
    assert out.index("/terug: de vorige vraag") < out.index("Wie ben je?")  # /hulp before a question
    assert "Hier is niets te laten zien." in out  # /eerder there
    assert "Geef je traject een naam" in out  # an empty name
    assert out.count("Typ een getal van 1 tot en met 2.") >= 3  # "zeven", 7: the profile asked again
    assert out.count("Typ een getal van 1 tot en met 4.") == 3  # 0 and "2 2" for the role
    store = only(data)
    assert store.load(store.summaries()[0].id).answers == {"kan-rol": {"choice": "ontwikkelen"}}


def test_a_locked_traject_is_not_opened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store(data)
    traject = store.create("Jan", "student", str(MINI.resolve()))
    with store.lock(traject.id):
        code, out = plain(data, ["2", "/stop"])
    assert code == 0 and "al geopend in een ander venster" in out
    assert out.count("Wat wil je doen?") == 2  # back to the choices


def test_english_and_the_short_route_of_the_built_in_pack(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, out = plain(data, ["Ann", "1", "2", "/stop"], content=None, lang="en")
    assert code == 0 and "Which route?" in out and "Step 1 of 6:" in out and "Question 1 of" in out
    store = only(data)
    traject = store.load(store.summaries()[0].id)
    assert (traject.name, traject.route, traject.pack) == ("Ann", "short", "en")


def test_every_kind_has_an_asker_and_a_ranking_is_typed_as_an_order() -> None:
    assert set(ASKERS) == set(Kind)
    prompt = Prompt(
        "rank",
        Kind.RANKING,
        "Wat is het belangrijkst?",
        options=(Option("a", "Rust"), Option("b", "Geld"), Option("c", "Collega's")),
    )
    saved: list[object] = []
    out = io.StringIO()
    from apps import pack_of

    console = Console(io.StringIO("4\n3 a\n3\n"), out, pack_of(MINI))
    ask(Question(console, pack_of(MINI), prompt, "student", lambda: {"order": ["b"]}, saved.append))
    assert saved == [{"order": ["c", "b", "a"]}]
    assert out.getvalue().startswith("1. Geld\n2. Rust\n3. Collega's\n")
    assert "Je volgorde nu:\n1. Collega's\n2. Geld\n3. Rust" in out.getvalue()


def test_a_sort_prompt_puts_each_earlier_line_in_a_group_by_number() -> None:
    """Each line of the list it recalls in turn: a group's number, 0 for none, an empty line keeps it."""
    prompt = Prompt(
        "sorteer",
        Kind.SORT,
        "Waar hoort het bij?",
        recall=("kan-feedback",),
        options=(Option("bouw", "Bouw erop"), Option("los", "Laat los")),
    )
    from apps import pack_of

    answers = {"kan-feedback": ["uitleggen", "plannen", "vergaderen"]}
    saved: list[object] = []
    out = io.StringIO()
    console = Console(io.StringIO("1\n\n0\n"), out, pack_of(MINI))
    current = {"los": ["plannen", "vergaderen"], "weg": ["een groep die het pakket niet meer heeft"]}
    ask(Question(console, pack_of(MINI), prompt, "student", lambda: current, saved.append, lambda: answers))
    assert saved[-1] == {"los": ["plannen"], "weg": ["een groep die het pakket niet meer heeft"], "bouw": ["uitleggen"]}
    assert "1. Bouw erop\n2. Laat los\n" in out.getvalue() and "plannen: nu Laat los." in out.getvalue()
    assert not CONTROL.search(out.getvalue())


def test_plain_mode_through_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--plain` in-process, LOOPBAAN_PLAIN=1 in a subprocess over real pipes."""
    assert plain_asked({"LOOPBAAN_PLAIN": "1"}) and not plain_asked({"LOOPBAAN_PLAIN": "0"}) and not plain_asked({})
    data = tmp_path / "data"
    monkeypatch.setattr(sys, "stdin", io.StringIO("Jan\n1\nUitleggen\n\n/stop\n"))
    assert main(["--plain", "--content", str(MINI), "--data-dir", str(data)]) == 0
    assert only(data).summaries()[0].name == "Jan"

    done = subprocess.run(
        [sys.executable, "-m", "loopbaan_tui.cli", "--content", str(MINI), "--data-dir", str(data)],
        input=b"2\nm\xe9\xe9r\n/stop\n",  # a letter that is no UTF-8 (Latin-1) is read as a "?"
        capture_output=True,
        timeout=60,
        env={**os.environ, "LOOPBAAN_PLAIN": "1", "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert done.stderr == b"" and "Welkom terug." in out and not CONTROL.search(out)
    store = only(data)
    assert store.load(store.summaries()[0].id).answers["kan-feedback"] == ["m\ufffd\ufffdr"]


class _Interrupted(io.StringIO):
    """Standard input that gets Ctrl+C after its lines."""

    def readline(self, size: int | None = -1) -> str:
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_stops_with_everything_saved_and_the_lock_let_go(tmp_path: Path) -> None:
    data, out = tmp_path / "data", io.StringIO()
    code = run_plain(str(MINI), str(data), stdin=_Interrupted("Jan\n1\nUitleggen\n"), stdout=out)
    assert code == 130 and out.getvalue().endswith("Alles is bewaard. Tot ziens.\n")
    store = only(data)
    traject_id = store.summaries()[0].id
    assert store.load(traject_id).answers == {"kan-sterk": "Uitleggen"}
    store.lock(traject_id).release()  # free: no TrajectLocked


def test_a_damaged_traject_is_kept_and_its_backup_can_be_opened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store(data)
    traject = store.create("Jan", "student", str(MINI.resolve()))
    traject.set_answer("kan-sterk", "Uitleggen")
    store.save(traject)  # the backup now holds the traject as it was made
    store.path_of(traject.id).write_bytes(b"schema = [[[")
    code, out = plain(data, ["2", "1", "/stop"])
    assert code == 0 and "Traceback" not in out
    assert f"{traject.id} openen (nu niet te lezen)" in out and "Het bestand is beschadigd" in out
    assert "Vraag 1 van 3: Waar ben je goed in?" in out  # the backup opened
    assert Store(data).load(traject.id).answers == {}
    assert list(data.glob(f"{traject.id}.damaged-*.toml"))  # the damaged file kept aside


def test_a_save_that_fails_is_said_and_a_recovery_copy_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    plain(data, ["Jan", "1", "/stop"])

    def full(self: Store, traject: object, **_: object) -> None:
        raise StorageError("disk_full", data, "no space left")

    monkeypatch.setattr(Store, "save", full)
    code, out = plain(data, ["2", "Uitleggen", "", "/stop"])
    assert code == 0 and "De schijf is vol." in out and "Een kopie van je antwoorden staat in" in out
    found = re.search(r"Een kopie van je antwoorden staat in (.+)\.\n", out)
    assert found and "Uitleggen" in Path(found[1]).read_text(encoding="utf-8")
