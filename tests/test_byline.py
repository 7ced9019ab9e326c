"""Whose roadmap it is: `byline` prompts open the roadmap with who wrote it, where, and for whom."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.builtin import LANGUAGES
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import BYLINES, Pack
from loopbaan_tui.domain.roadmap.roadmap import build_markdown
from loopbaan_tui.domain.trajects.traject import Traject

ROADMAP_PACK = Path(__file__).parent / "packs" / "roadmap"
MOMENT = datetime(2025, 11, 21, 9, 30, tzinfo=UTC)
TODAY = date(2025, 11, 21)
BYLINE_PROMPTS = """
[[prompt]]
id = "naam"
kind = "short_text"
byline = "name"
label = "Welke naam?"

[[prompt]]
id = "school"
kind = "short_text"
byline = "school"
label = "Welke school?"

[[prompt]]
id = "lezer"
kind = "short_text"
byline = "reader"
label = "Voor wie?"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(ROADMAP_PACK, target)
    return target


def with_bylines(folder: Path, text: str = BYLINE_PROMPTS) -> Pack:
    """The roadmap test pack with the byline prompts first in its roadmap step."""
    path = folder / "roadmap.toml"
    head, first, rest = path.read_text(encoding="utf-8").partition("[[prompt]]")
    path.write_text(head + text.strip() + "\n\n" + first + rest, encoding="utf-8")
    result = load_pack(folder)
    assert result.problems == (), [p.render("en") for p in result.problems]
    assert result.pack is not None
    return result.pack


def traject(pack: Pack, answers: dict[str, object], private: set[str] | None = None) -> Traject:
    profile = pack.profiles[0].id
    return Traject(
        id="t",
        name="Mijn roadmap",
        profile=profile,
        pack=str(pack.folder),
        created=MOMENT,
        updated=MOMENT,
        answers=dict(answers),
        private=private or set(),
    )


def lines(markdown: str) -> list[str]:
    return [block for block in markdown.split("\n\n") if block.strip()]


def test_the_roadmap_opens_with_who_wrote_it_where_and_for_whom(folder: Path) -> None:
    pack = with_bylines(folder)
    answers = {
        "naam": "Sanne de Vries",
        "school": "pabo, Hogeschool Rotterdam",
        "lezer": "Marieke Jansen",
        "roadmap-herkomst": "Ik was onderwijsassistent.",
    }
    blocks = lines(build_markdown(pack, traject(pack, answers), today=TODAY))
    assert blocks[0] == "# Roadmap: Mijn roadmap — 21 november 2025"
    assert blocks[1] == "Geschreven door Sanne de Vries (pabo, Hogeschool Rotterdam) voor Marieke Jansen"
    markdown = "\n\n".join(blocks)
    assert markdown.count("Sanne de Vries") == 1 and markdown.count("Marieke Jansen") == 1
    assert "Welke naam?" not in markdown, "the byline prompts have no section of their own"
    # The first prompt that is not a byline still opens the story.
    assert "## Hoe ik kwam waar ik nu sta\n\nIk was onderwijsassistent." in markdown


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"naam": "Sanne"}, "Geschreven door Sanne"),
        ({"lezer": "Marieke"}, "Voor Marieke"),
        ({"school": "De Regenboog", "lezer": "Marieke"}, "De Regenboog, voor Marieke"),
        ({"naam": "  Sanne\n de Vries "}, "Geschreven door Sanne de Vries"),
    ],
)
def test_only_what_was_answered_is_in_the_line(folder: Path, answers: dict[str, str], expected: str) -> None:
    pack = with_bylines(folder)
    assert lines(build_markdown(pack, traject(pack, answers), today=TODAY))[1] == expected


def test_no_byline_answers_no_line(folder: Path) -> None:
    pack = with_bylines(folder)
    blocks = lines(build_markdown(pack, traject(pack, {}), today=TODAY))
    assert blocks[1].startswith("**Profiel:**")


def test_a_private_name_stays_out_and_markdown_in_a_name_does_nothing(folder: Path) -> None:
    pack = with_bylines(folder)
    answers = {"naam": "Sanne", "school": "# *De* [Regenboog](http://x)", "lezer": "Marieke"}
    markdown = build_markdown(pack, traject(pack, answers, private={"naam"}), today=TODAY)
    assert "Sanne" not in markdown
    tokens = MarkdownIt("commonmark").parse(lines(markdown)[1])
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert [c.type for c in tokens[1].children] == ["text"], "no heading, emphasis or link"
    assert tokens[1].content.replace("\\", "") == "# *De* [Regenboog](http://x), voor Marieke"


def test_the_english_pack_says_written_by() -> None:
    pack = load_pack(builtin.pack_folder("en")).pack
    answers = {"roadmap-naam": "Sam", "roadmap-school": "Rotterdam", "roadmap-lezer": "my tutor"}
    assert lines(build_markdown(pack, traject(pack, answers), today=TODAY))[1] == (
        "Written by Sam (Rotterdam) for my tutor"
    )


def test_the_builtin_packs_have_each_byline_once() -> None:
    for lang in LANGUAGES:
        pack = load_pack(builtin.pack_folder(lang)).pack
        for role in BYLINES:
            prompt = pack.byline_prompt(role)
            assert prompt is not None and prompt.kind.value == "short_text", (lang, role)
            assert not prompt.profiles and not prompt.required, "optional, for everyone"


# The check


def test_an_unknown_byline_is_reported_with_a_suggestion(folder: Path) -> None:
    (folder / "roadmap.toml").write_text(
        (folder / "roadmap.toml").read_text(encoding="utf-8") + BYLINE_PROMPTS.replace('"reader"', '"raeder"'),
        encoding="utf-8",
    )
    result = load_pack(folder)
    assert [p.code for p in result.problems] == ["byline_unknown"]
    text = result.problems[0].render("en")
    assert "'raeder'" in text and "reader" in text and "prompt 'lezer'" in text
    assert result.problems[0].line is not None


def test_a_byline_twice_is_reported_with_where_the_first_is(folder: Path) -> None:
    (folder / "roadmap.toml").write_text(
        (folder / "roadmap.toml").read_text(encoding="utf-8") + BYLINE_PROMPTS.replace('"school"', '"name"'),
        encoding="utf-8",
    )
    result = load_pack(folder)
    assert [p.code for p in result.problems] == ["byline_duplicate"]
    assert "roadmap.toml:" in result.problems[0].render("nl")


def test_a_byline_on_a_long_text_is_reported(folder: Path) -> None:
    (folder / "roadmap.toml").write_text(
        (folder / "roadmap.toml").read_text(encoding="utf-8")
        + BYLINE_PROMPTS.replace('id = "naam"\nkind = "short_text"', 'id = "naam"\nkind = "long_text"'),
        encoding="utf-8",
    )
    result = load_pack(folder)
    assert [p.code for p in result.problems] == ["key_not_for_kind"]
    assert result.problems[0].values["key"] == "byline"
