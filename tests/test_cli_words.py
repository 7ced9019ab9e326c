"""The command line speaks one language: argparse's own English never shows up in Dutch, nor Dutch in English."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from loopbaan_tui.cli import EXIT_OK, EXIT_USAGE, main

ENGLISH = (
    "usage:",
    "error:",
    "the following arguments are required",
    "show this help message and exit",
    "invalid choice",
    "unrecognized arguments",
    "options:",
    "positional arguments",
    "expected one argument",
    "choose from",
    "show program's version",
    "folder",
    "file",
    "write the roadmap",
    "check a content pack",
)
DUTCH = (
    "gebruik:",
    "fout:",
    "ontbreekt",
    "toon deze hulptekst",
    "ongeldige keuze",
    "onbekende",
    "opties:",
    "argumenten:",
    "kies uit",
    "de map",
    "bestand",
    "schrijf de roadmap",
    "controleer",
    "trajecten van",
)

CASES = {
    "help": (["--help"], EXIT_OK),
    "check help": (["check", "--help"], EXIT_OK),
    "list help": (["list", "--help"], EXIT_OK),
    "export help": (["export", "--help"], EXIT_OK),
    "new-pack help": (["new-pack", "--help"], EXIT_OK),
    "check without a folder": (["check"], EXIT_USAGE),
    "export without a traject": (["export"], EXIT_USAGE),
    "an unknown command": (["opruimen"], EXIT_USAGE),
    "an unknown option": (["list", "--kleur"], EXIT_USAGE),
    "a format that does not exist": (["export", "x", "--format", "pdf"], EXIT_USAGE),
    "an option without its value": (["list", "--data-dir"], EXIT_USAGE),
}


def shown(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(("args", "expected"), CASES.values(), ids=CASES.keys())
def test_dutch_throughout(capsys: pytest.CaptureFixture[str], args: list[str], expected: int) -> None:
    code, text = shown(capsys, args)
    assert code == expected
    found = [phrase for phrase in ENGLISH if phrase in text.casefold()]
    assert not found, f"English in the Dutch output: {found}\n{text}"
    assert ("gebruik: loopbaan" in text) and "Traceback" not in text
    if expected == EXIT_USAGE:
        assert "fout:" in text and "--help" in text.splitlines()[-1], "says where to read more"


@pytest.mark.parametrize(("args", "expected"), CASES.values(), ids=CASES.keys())
@pytest.mark.parametrize("where", ["before", "after"])
def test_english_throughout(capsys: pytest.CaptureFixture[str], args: list[str], expected: int, where: str) -> None:
    argv = ["--lang", "en", *args] if where == "before" else [*args, "--lang=en"]
    code, text = shown(capsys, argv)
    assert code == expected
    found = [phrase for phrase in DUTCH if phrase in text.casefold()]
    assert not found, f"Dutch in the English output: {found}\n{text}"
    assert "usage: loopbaan" in text and "Traceback" not in text


def test_the_words_say_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = shown(capsys, ["export"])
    assert code == EXIT_USAGE
    assert "loopbaan export: fout: dit ontbreekt nog: TRAJECT" in text
    assert text.rstrip().endswith("Meer uitleg: loopbaan export --help")
    _, text = shown(capsys, ["opruimen"])
    assert "ongeldige keuze: 'opruimen' (kies uit 'check', 'list', 'export'" in text  # more commands may follow
    _, text = shown(capsys, ["--help"])
    assert "--out" not in text and "export" in text and "--lang {nl,en}" in text
    _, text = shown(capsys, ["export", "--help"])
    assert "--out BESTAND" in text and "--content MAP" in text and "-h, --help" in text
    _, text = shown(capsys, ["export", "--help", "--lang", "en"])
    assert "--out FILE" in text and "--content PATH" in text


def test_a_real_process_in_both_languages() -> None:
    def loopbaan(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "loopbaan_tui", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            env={**os.environ, "LANG": "C.UTF-8"},
        )

    done = loopbaan("--help")
    assert done.returncode == 0 and done.stdout.startswith("gebruik: loopbaan") and "opties:" in done.stdout
    done = loopbaan("export", "--lang", "en")
    assert done.returncode == 2 and "usage: loopbaan export" in done.stderr
    assert "the following arguments are required: TRAJECT" in done.stderr
    done = loopbaan("export")
    assert done.returncode == 2 and "dit ontbreekt nog: TRAJECT" in done.stderr and done.stdout == ""
