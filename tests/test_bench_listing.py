"""The storage benchmark runs and prints every figure (tiny sizes, one repetition; no timings checked)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

LISTING = Path(__file__).resolve().parent.parent / "bench" / "listing.py"


def test_the_storage_benchmark_runs(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(LISTING), "--quick"], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    for figure in ("listing: Store.summaries()", "no summaries yet", "big answer: Store.load + Store.save"):
        assert figure in done.stdout, f"{figure!r} missing from:\n{done.stdout}"
