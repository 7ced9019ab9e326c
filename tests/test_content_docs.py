"""The course leaders' guide matches the loader: its example pack loads, every key is documented."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from loopbaan_tui.domain.content import loader
from loopbaan_tui.domain.content.model import Kind

DOCS = Path(__file__).resolve().parent.parent / "docs"
GUIDES = [DOCS / "content-format.md", DOCS / "content-format.en.md"]
_TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.DOTALL)


def toml_blocks(guide: Path) -> list[str]:
    return _TOML_BLOCK.findall(guide.read_text(encoding="utf-8"))


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_toml_snippet_parses(guide: Path) -> None:
    blocks = toml_blocks(guide)
    assert len(blocks) > 10
    for block in blocks:
        tomllib.loads(block)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_complete_example_is_a_good_pack(guide: Path, tmp_path: Path) -> None:
    files = {}
    for block in toml_blocks(guide):
        first = block.splitlines()[0].removeprefix("# ")
        if first in loader.KNOWN_FILES:
            files[first] = block
    assert set(loader.REQUIRED_FILES) <= set(files)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = loader.load_pack(tmp_path)
    assert result.problems == (), [p.render("en") for p in result.problems]
    assert result.pack is not None
    assert {p.kind for s in result.pack.sections for p in s.prompts} == set(Kind)  # every kind shown


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_file_key_and_kind_is_documented(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    specs = [
        loader.PACK_SPEC,
        loader.PROFILE_SPEC,
        loader.STEP_SPEC,
        loader.PROMPT_SPEC,
        loader.PATH_SPEC,
        loader.SCALE_SPEC,
    ]
    documented = set(re.findall(r"^\| `([a-z_.]+)` \|", text, re.MULTILINE))
    missing = {key for spec in specs for key in spec} - documented
    missing |= {kind.value for kind in Kind} - documented
    missing |= set(loader.KNOWN_FILES) - documented
    assert not missing
