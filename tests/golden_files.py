"""The one golden-file mechanism: a text the code makes, compared with the file kept in tests/golden.

After a deliberate change, `UPDATE_GOLDEN=1 pytest tests/...` writes the new texts; the diff then
shows in review. (Screens are compared by pytest-textual-snapshot instead: `pytest --snapshot-update`.)
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_ENV = "UPDATE_GOLDEN"


def updating() -> bool:
    """True when this run writes the golden files instead of comparing with them (UPDATE_GOLDEN=1)."""
    return os.environ.get(UPDATE_ENV) == "1"


def assert_golden(path: Path | str, text: str) -> None:
    """`text` equals the golden file at `path` (relative to tests/golden); with UPDATE_GOLDEN=1, write it first.

    Files are UTF-8 with "\\n" line ends, on every platform."""
    target = GOLDEN / path
    if updating():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    assert target.exists(), f"{target} is missing: run {UPDATE_ENV}=1 pytest"
    expected = target.read_text(encoding="utf-8")
    assert text == expected, f"{target.name} changed; if that is intended: {UPDATE_ENV}=1 pytest"
