"""The benchmark script runs and prints every figure (tiny sizes, one repetition; no timings checked)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parent.parent / "bench" / "run.py"
FIGURES = (
    "first paint [pty]",
    "memory [pty]: peak RSS at the start screen",
    "step switch [pty], first visit",
    "step switch [pty], revisit",
    "frames drawn per switch",
    "Ctrl+N 50 ms after opening",
    "memory [pty]: peak RSS, a traject open, every step visited",
    "open a traject [pty]: Enter to settled",
    "compare [pty]: Ctrl+L to settled",
    "key echo [pty]: ",
    "keys over one frame",
    "key echo [pty] while autosaving",
    "autosave: Store.save",
    "export md",
    "export html",
    "content: load + validate",
    "content growth",
)


def test_bench_runs_the_in_process_figures(tmp_path: Path) -> None:
    """The quick part of the quick run; the whole of it (apps in pseudo-terminals) is marked slow."""
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--only", "autosave,export,content"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    for figure in ("autosave: Store.save", "export md", "export html", "content: load + validate"):
        assert figure in done.stdout, f"{figure!r} missing from:\n{done.stdout}"
    assert "measured: " in done.stdout


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_bench_runs_and_prints_every_figure(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # the script's work folders end up here
    done = subprocess.run([sys.executable, str(RUN), "--quick"], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    for figure in FIGURES:
        assert figure in done.stdout, f"{figure!r} missing from:\n{done.stdout}"
    assert "floor" in done.stdout
