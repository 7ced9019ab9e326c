"""Plain mode in a real pseudo-terminal: what a screen reader's terminal gets holds no escape sequence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from loopbaan_tui.domain.trajects.storage import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def test_plain_mode_in_a_terminal_writes_plain_lines_and_saves(tmp_path: Path) -> None:
    from hostile.ptyapp import PtyApp, start_args

    data = tmp_path / "data"
    with PtyApp(["--plain", *start_args(data)], env={"LOOPBAAN_PLAIN": "0"}) as app:
        assert app.wait_for("Hoe wil je dit traject noemen?")
        app.send("Jan\r")
        assert app.wait_for("Typ een getal van 1 tot en met 2.")
        app.send("1\r")
        assert app.wait_for("Vraag 1 van 3: Waar ben je goed in?")
        app.send("Ik kan uitleggen \N{GRINNING FACE}\r\r")
        assert app.wait_for("Vraag 2 van 3")
        app.send("/stop\r")
        assert app.wait_exit() == 0
        raw = app.output
    assert b"\x1b" not in raw and b"\x07" not in raw, raw[:200]  # no escape sequence, no bell
    assert "Alles is bewaard. Tot ziens." in raw.decode("utf-8")
    store = Store(data)
    (summary,) = store.summaries()
    assert store.load(summary.id).answers == {"kan-sterk": "Ik kan uitleggen \N{GRINNING FACE}"}
