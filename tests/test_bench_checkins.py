"""The check-ins benchmark runs and prints every figure (tiny sizes, one repetition; no timings checked)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKINS = Path(__file__).resolve().parent.parent / "bench" / "checkins.py"


def _run(tmp_path: Path, *args: str) -> str:
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # the script's work folders end up here
    done = subprocess.run(
        [sys.executable, str(CHECKINS), "--quick", *args], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_checkins_autosave_benchmark_runs(tmp_path: Path) -> None:
    """The quick part; the whole of it (two apps opening trajecten in pseudo-terminals) is marked slow."""
    printed = _run(tmp_path, "--only", "autosave")
    for figure in ("autosave: Store.save, 3 check-ins against 1", "file size", "writing the same file", "Store.load"):
        assert figure in printed, f"{figure!r} missing from:\n{printed}"


@pytest.mark.slow
def test_the_checkins_benchmark_runs_and_prints_every_figure(tmp_path: Path) -> None:
    printed = _run(tmp_path)
    for figure in ("open a traject [pty]: Enter to settled", "compare [pty]: Ctrl+L", "autosave: Store.save"):
        assert figure in printed, f"{figure!r} missing from:\n{printed}"
