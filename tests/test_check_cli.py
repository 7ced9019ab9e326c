"""`loopbaan check PATH`: one line per problem, exit 0/1/2, never a traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from loopbaan_tui import __version__
from loopbaan_tui.cli import main

MINI_PACK = Path(__file__).parent / "packs" / "mini"
PROBLEM_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command in this process: exit code, stdout, stderr."""
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse ends --help, --version and wrong usage this way
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def copy_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(MINI_PACK, folder)
    return folder


def problem_lines(out: str) -> list[str]:
    """The `file:...: message` lines, leaving out the source line and caret under a syntax error."""
    return [line for line in out.splitlines() if not line.startswith("    ")]


def test_good_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(MINI_PACK))
    assert code == 0
    assert out == "In orde: Testpakket (2 profielen, 13 vragen).\n"
    assert err == ""


@pytest.mark.parametrize("args", [("--lang", "en", "check", "{}"), ("check", "{}", "--lang", "en")])
def test_english(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, out, _ = run(capsys, *(a.format(MINI_PACK) for a in args))
    assert code == 0
    assert out == "OK: Testpakket (2 profiles, 13 prompts).\n"


def test_one_line_per_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    with (folder / "kan.toml").open("a", encoding="utf-8") as kan:
        kan.write('[[prompt]]\nid = "x"\nkind = "longtext"\nlabel = "Vraag"\nhlep = "x"\n')
    code, out, err = run(capsys, "check", str(folder), "--lang", "en")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    first, second = (PROBLEM_LINE.match(line) for line in lines)
    assert first and second
    assert first["file"] == str(folder / "kan.toml") and (first["line"], first["column"]) == ("33", "1")
    assert first["message"].startswith("unknown prompt kind 'longtext' (prompt 'x'). Did you mean 'long_text'?")
    assert (second["line"], second["message"]) == ("35", "unknown key 'hlep' (prompt 'x'). Did you mean 'help'?")
    assert err == "2 problems found.\n"


def test_dutch_by_default(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "wie.toml").unlink()
    code, out, err = run(capsys, "check", str(folder))
    assert code == 1
    assert out == f"{folder / 'wie.toml'}: het bestand wie.toml ontbreekt. Elk pakket heeft wie.toml nodig.\n"
    assert err == "1 probleem gevonden.\n"


def test_syntax_error_shows_the_line_and_a_caret(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    with (folder / "wie.toml").open("a", encoding="utf-8") as wie:
        wie.write("label = Met wie?\n")
    code, out, _ = run(capsys, "check", str(folder), "--lang", "en")
    assert code == 1
    assert out.splitlines() == [
        f"{folder / 'wie.toml'}:11:9: TOML error: invalid value. A value is text between quote marks, a number, "
        "true/false or a list [ ].",
        "    label = Met wie?",
        "            ^",
    ]


def test_folder_that_does_not_exist(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "check", str(tmp_path / "nergens"))
    assert code == 1
    assert out.startswith(f"{tmp_path / 'nergens'}: de map bestaat niet.")


# Usage


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("check", "a", "b"),
        ("check", str(MINI_PACK), "--kleur"),
        ("--kleur",),
        ("check", str(MINI_PACK), "--lang", "fr"),
        ("controleer", "x"),
    ],
)
def test_wrong_usage_exits_2(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert "gebruik: loopbaan" in err and "fout:" in err


@pytest.mark.parametrize("args", [("--help",), ("-h",), ("check", "--help")])
def test_help(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert "gebruik: loopbaan" in out and "usage" not in out
    assert "check" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out == f"loopbaan {__version__}\n"


# Hostile files: a problem, never a traceback


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return make


def _folder_named_kan_toml(folder: Path) -> None:
    (folder / "kan.toml").unlink()
    (folder / "kan.toml").mkdir()


def _unreadable(folder: Path) -> None:
    (folder / "kan.toml").chmod(0)


def _pipe(folder: Path) -> None:
    (folder / "kan.toml").unlink()
    os.mkfifo(folder / "kan.toml")


HOSTILE: dict[str, Callable[[Path], None]] = {
    "random bytes": _write("kan.toml", bytes(range(256)) * 8),
    "nul bytes": _write("wil.toml", b"\x00" * 500),
    "nul inside a key": _write("wil.toml", b"[step]\nna\x00me = 'x'\n"),
    "terminal escapes": _write("wil.toml", b"\x1b[2J\x1b]0;hacked\x07 = 1\n"),
    "utf-16": _write("kan.toml", "[step]\nname = 'Wat kan ik?'\n".encode("utf-16")),
    "deeply nested lists": _write("kan.toml", b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n"),
    "deeply nested tables": _write("kan.toml", b"x = " + b"{a = " * 50_000 + b"1" + b"}" * 50_000 + b"\n"),
    "a 2 MB file": _write("kan.toml", b"# " + b"x" * 2_000_000 + b"\n"),
    "a directory named kan.toml": _folder_named_kan_toml,
    "an unreadable file": _unreadable,
    "a named pipe": _pipe,
}


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_files_give_a_problem_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: Callable[[Path], None]
) -> None:
    if make is _unreadable and hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root can read any file")
    if make is _pipe and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    folder = copy_pack(tmp_path)
    make(folder)
    code, out, err = run(capsys, "check", str(folder), "--lang", "en")
    assert code == 1
    assert "Traceback" not in out + err
    assert "something went wrong inside loopbaan" not in out
    lines = problem_lines(out)
    assert lines
    assert all(line.startswith(str(folder)) for line in lines), out
    assert not any(char in out for char in "\x00\x1b\x07")


# A real process, as a course leader runs it


def _loopbaan(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "loopbaan_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        env={**os.environ, **env},
    )


def test_subprocess_good_pack() -> None:
    done = _loopbaan("check", str(MINI_PACK))
    assert (done.returncode, done.stdout, done.stderr) == (0, "In orde: Testpakket (2 profielen, 13 vragen).\n", "")


def test_subprocess_hostile_pack(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "kan.toml").write_bytes(b"x = " + b"[" * 100_000 + b"\xff" * 10)
    (folder / "wil.toml").write_text("[step]\nname = “Wat wil ik?”\n", encoding="utf-8")
    done = _loopbaan("check", str(folder))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert [line.split(":")[0] for line in problem_lines(done.stdout)] == [
        str(folder / "kan.toml"),
        str(folder / "wil.toml"),
    ]
    assert "Sla het op als UTF-8" in done.stdout
    assert done.stderr == "2 problemen gevonden.\n"


def test_subprocess_on_a_console_that_cannot_show_dutch_letters(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "wil.toml").write_text("[step]\nname = “Wat wil ik?”\n", encoding="utf-8")
    done = _loopbaan("check", str(folder), PYTHONIOENCODING="ascii")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "TOML-fout: ongeldige waarde." in done.stdout
    assert "(? ? ? ?)" in done.stdout  # the curly quotes in the hint, replaced


def test_subprocess_usage_and_version() -> None:
    assert _loopbaan("check").returncode == 2
    done = _loopbaan("--version")
    assert (done.returncode, done.stdout) == (0, f"loopbaan {__version__}\n")


def test_a_bug_in_the_loader_is_reported_not_dumped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from loopbaan_tui.domain.content import loader

    def broken(folder: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr(loader, "load_pack", broken)
    code, out, err = run(capsys, "check", str(MINI_PACK), "--lang", "en")
    assert code == 1
    assert out.startswith(f"{MINI_PACK}: something went wrong inside loopbaan (KeyError: 'oops').")
    assert "Traceback" not in out + err
