"""The course leaders' guides list every ui.toml key (the list is made by tests/ui_key_list.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_files import UPDATE_ENV, updating
from ui_key_list import END, START, key_list, ui_keys, with_list

DOCS = Path(__file__).resolve().parent.parent / "docs"
GUIDES = [DOCS / "content-format.md", DOCS / "content-format.en.md"]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guide_lists_every_ui_key(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    if updating():
        text = with_list(text)
        guide.write_text(text, encoding="utf-8", newline="\n")
    listed = text.split(START, 1)[1].split(END, 1)[0]
    missing = [key for key in ui_keys() if f"`{key}`" not in listed]
    assert not missing, f"{guide.name} does not list {missing}: run {UPDATE_ENV}=1 pytest {__file__}"
    assert listed.strip() == key_list(), f"{guide.name}: the list is out of date; run {UPDATE_ENV}=1 pytest {__file__}"
