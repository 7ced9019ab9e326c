"""`loopbaan preview`: what a profile sees of a pack, as Markdown and HTML (golden files)."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_files import assert_golden

from loopbaan_tui.cli import EXIT_INPUT, EXIT_OK, main
from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Option, Pack, Prompt
from loopbaan_tui.domain.content.preview import Condition, build_preview, preview_html

MINI = Path(__file__).parent / "packs" / "mini"


def pack_of(folder: Path) -> Pack:
    pack = load_pack(folder).pack
    assert pack is not None
    return pack


@pytest.mark.parametrize("language", ["nl", "en"])
def test_golden_previews(language: str) -> None:
    pack = pack_of(builtin.pack_folder(language))
    markdown = build_preview(pack, "student")
    assert_golden(f"preview-{language}-student.md", markdown)
    assert_golden(f"preview-{language}-student.html", preview_html(pack, "student"))
    shown = [p for s in pack.sections for p in s.prompts_for("student")]
    assert all(f"### {p.label.split('?')[0]}" in markdown for p in shown if "*" not in p.label)
    assert markdown.count("\n### ") == len(shown)


def test_only_what_the_profile_sees() -> None:
    pack = pack_of(MINI)
    student, ervaren = build_preview(pack, "student"), build_preview(pack, "ervaren")
    assert "Welke stageschool past bij je?" in student and "Welke stageschool" not in ervaren
    assert "Welke andere school" in ervaren and "Welke andere school" not in student
    assert "Groei naar leiderschap" in ervaren and "Groei naar leiderschap" not in student  # a path for ervaren only
    assert "Voorbeeld: Testpakket voor Aanstaande leraar" in student
    assert "- **Soort:** één keuze" in student and "*een eigen antwoord mag ook*" in student
    assert "Werkdruk (1 = laag, 5 = hoog)" in student and "toen en voor nu" in student
    assert "- **Toont ook het antwoord op:** Welke loopbaanpaden spreken je aan?; Waarom denk je" in student


def test_the_conditions_hook() -> None:
    pack = pack_of(MINI)

    def conditions(pack: Pack, prompt: Prompt, option: Option | None, profile: str) -> Condition:
        if prompt.id == "wil-energie":
            return Condition(shown=False)
        if prompt.id == "kan-feedback":
            return Condition(words="je bij 'Waar ben je goed in?' iets schreef")
        if option and option.id == "minder-lesgeven":
            return Condition(words="je ervaren bent")
        return Condition()

    text = build_preview(pack, "student", conditions=conditions)
    assert "Wat geeft je energie?" not in text
    assert "- **Alleen als:** je bij 'Waar ben je goed in?' iets schreef" in text
    assert "- Ik wil minder lesgeven *(alleen als: je ervaren bent)*" in text


def test_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["preview", str(MINI), "--profile", "student"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert out == build_preview(pack_of(MINI), "student") and err == ""
    assert main(["preview", "nl", "--profile", "leerling"]) == EXIT_INPUT
    assert "Kies uit: 'student', 'starter', 'ervaren', 'ondersteuner'" in capsys.readouterr().err
    target = tmp_path / "voorbeeld.html"
    assert main(["preview", str(MINI), "--profile", "ervaren", "--out", str(target)]) == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
    capsys.readouterr()
    assert main(["--lang", "en", "preview", str(MINI), "--profile", "ervaren", "--out", str(target)]) == EXIT_INPUT
    assert "--force" in capsys.readouterr().err
    assert main(["preview", str(tmp_path / "geen"), "--profile", "student"]) == EXIT_INPUT
    assert "heeft fouten" in capsys.readouterr().err
