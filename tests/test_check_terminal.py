"""`loopbaan check` on a terminal: the place in bold and the source line dimmed (rich), no markup read
from a pack; through a pipe: plain text without escape codes."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from loopbaan_tui.cli import main

MINI_PACK = Path(__file__).parent / "packs" / "mini"
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_a_terminal(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> tuple[int, str, str]:
    """Run the command with stdout and stderr as terminals (inside the test: pytest's capture resets
    sys.stdout between set-up and the test)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    out, err = Terminal(), Terminal()
    with monkeypatch.context() as patch:
        patch.setattr("sys.stdout", out)
        patch.setattr("sys.stderr", err)
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def broken_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "[bold red]pakket[/]"
    shutil.copytree(MINI_PACK, folder)
    with (folder / "kan.toml").open("a", encoding="utf-8") as kan:
        kan.write('[[prompt]]\nid = "x"\nkind = "long_text"\nlabel = "Vraag"\n"[link=http://x]hlep" = "x"\n')
    with (folder / "wil.toml").open("a", encoding="utf-8") as wil:
        wil.write("help = [blink] x\n")
    return folder


def test_on_a_terminal_the_place_is_bold_and_no_markup_is_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = broken_pack(tmp_path)
    code, styled, err = on_a_terminal(monkeypatch, ["check", str(folder)])
    assert code == 1
    assert main(["check", str(folder)]) == 1
    assert ESCAPE.sub("", styled) == capsys.readouterr().out, "the same text as through a pipe"
    assert "\x1b[1m" in styled, "the place is bold"
    assert "\x1b[2m" in styled, "the source line is dimmed"
    plain = ESCAPE.sub("", styled)
    assert "[bold red]pakket[/]" in plain and "[link=http://x]hlep" in plain and "[blink] x" in plain
    assert ESCAPE.sub("", err) == "2 problemen gevonden.\n"


def test_through_a_pipe_it_is_plain_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = broken_pack(tmp_path)
    assert main(["check", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    lines = out.splitlines()
    assert lines[0].startswith(f"{folder / 'kan.toml'}:") and "'[link=http://x]hlep'" in lines[0]
    assert lines[1].startswith(f"{folder / 'wil.toml'}:") and lines[2] == "    help = [blink] x"
    assert err == "2 problemen gevonden.\n"


def test_a_good_pack_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = on_a_terminal(monkeypatch, ["check", str(MINI_PACK)])
    assert code == 0 and "\x1b[" in out
    assert ESCAPE.sub("", out) == "In orde: Testpakket (2 profielen, 13 vragen).\n"
