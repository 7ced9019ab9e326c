"""The list of ui.toml keys in the course leaders' guides, made from the built-in pack's ui.toml.

`UPDATE_GOLDEN=1 pytest tests/test_content_docs_keys.py` writes it between the markers in both guides.
"""

from __future__ import annotations

import tomllib
from itertools import groupby
from pathlib import Path

CONTENT = Path(__file__).resolve().parent.parent / "content"
START, END = "<!-- ui-keys:start -->", "<!-- ui-keys:end -->"


def ui_keys(language: str = "nl") -> list[str]:
    """Every key of the built-in ui.toml, in the file's order."""
    data = tomllib.loads((CONTENT / language / "ui.toml").read_text(encoding="utf-8"))
    return [key for key, value in data.items() if isinstance(value, str)]


def key_list() -> str:
    """The keys grouped by the word they start with (`button_*`, `doc_*`, ...), each group on one line."""
    keys = sorted(ui_keys())
    lines = []
    for prefix, group in groupby(keys, key=lambda key: key.split("_")[0]):
        names = ", ".join(f"`{key}`" for key in group)
        lines.append(f"- **{prefix}**: {names}")
    return "\n".join(lines)


def with_list(guide: str) -> str:
    """The guide's text with the list between the markers replaced by the current one."""
    before, rest = guide.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{key_list()}\n{END}{after}"
