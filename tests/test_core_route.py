"""The short route: `core = true` marks a pack's core prompts; the loader checks every step has one per profile."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.builtin import LANGUAGES
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import ROUTES, Pack

MINI_PACK = Path(__file__).parent / "packs" / "mini"
FIRST_PROMPTS = {  # the first prompt of each step of the mini pack, seen by every profile
    "kan.toml": "kan-sterk",
    "wil.toml": "wil-motieven",
    "waar.toml": "waar-paden",
    "hoe.toml": "hoe-acties",
    "wie.toml": "wie-mensen",
    "roadmap.toml": "roadmap-herkomst",
}
BUILTIN_PROFILES = ("student", "starter", "ervaren", "ondersteuner")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(MINI_PACK, target)
    return target


def mark_core(folder: Path, name: str, prompt_id: str, value: str = "true") -> None:
    """Put `core = value` on one prompt, right under its id."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    marked, count = re.subn(rf'(id = "{re.escape(prompt_id)}"\n)', rf"\1core = {value}\n", text)
    assert count == 1, prompt_id
    path.write_text(marked, encoding="utf-8")


def loaded(folder: Path) -> Pack:
    result = load_pack(folder)
    assert result.problems == (), [p.render("en") for p in result.problems]
    assert result.pack is not None
    return result.pack


def test_a_pack_without_core_prompts_has_one_route(folder: Path) -> None:
    """Course leaders' existing packs keep working: every prompt counts as core."""
    pack = loaded(folder)
    assert not pack.has_short_route
    for section in pack.sections:
        for profile in pack.profiles:
            assert section.prompts_for(profile.id, "short") == section.prompts_for(profile.id, "full")
            assert section.prompts_for(profile.id) == section.prompts_for(profile.id, "full")


def test_core_prompts_make_the_short_route(folder: Path) -> None:
    for name, prompt_id in FIRST_PROMPTS.items():
        mark_core(folder, name, prompt_id)
    pack = loaded(folder)
    assert pack.has_short_route
    for section in pack.sections:
        for profile in pack.profiles:
            short = section.prompts_for(profile.id, "short")
            assert [p.id for p in short] == [FIRST_PROMPTS[f"{section.id}.toml"]]
            assert set(short) <= set(section.prompts_for(profile.id, "full"))
    assert pack.prompt("kan-sterk").core and not pack.prompt("kan-feedback").core


def test_every_step_needs_a_core_prompt_for_every_profile(folder: Path) -> None:
    mark_core(folder, "kan.toml", "kan-sterk")
    result = load_pack(folder)
    assert result.pack is None
    problems = [p for p in result.problems if p.code == "profile_no_core"]
    assert [p.code for p in result.problems] == ["profile_no_core"] * len(problems)
    steps = {Path(p.file).name for p in problems}
    assert steps == set(FIRST_PROMPTS) - {"kan.toml"}
    for problem in problems:
        assert (problem.line, problem.column) == (1, 1), "points at the step's [step] table"
        assert "core = true" in problem.render("nl") and "core = true" in problem.render("en")
        assert problem.values["profile"] in {"student", "ervaren"}


def test_a_core_prompt_for_one_profile_leaves_the_other_without(folder: Path) -> None:
    for name, prompt_id in FIRST_PROMPTS.items():
        if name != "waar.toml":
            mark_core(folder, name, prompt_id)
    mark_core(folder, "waar.toml", "waar-stage")  # for students only
    result = load_pack(folder)
    assert [(p.code, p.values["profile"], Path(p.file).name) for p in result.problems] == [
        ("profile_no_core", "ervaren", "waar.toml")
    ]
    text = result.problems[0].render("en")
    assert "profile 'ervaren'" in text and "step 'waar'" in text


def test_core_must_be_yes_or_no(folder: Path) -> None:
    mark_core(folder, "kan.toml", "kan-sterk", '"ja"')
    result = load_pack(folder)
    assert [p.code for p in result.problems] == ["wrong_type"]
    assert result.problems[0].values["key"] == "core"


def test_an_unknown_route_is_a_programming_error(folder: Path) -> None:
    section = loaded(folder).competencies[0]
    assert ROUTES == ("short", "full")
    with pytest.raises(ValueError, match="route"):
        section.prompts_for("student", "kort")  # type: ignore[arg-type]


# The built-in packs


@pytest.fixture(scope="module", params=LANGUAGES)
def pack(request: pytest.FixtureRequest) -> Pack:
    return loaded(builtin.pack_folder(request.param))


def test_the_builtin_short_route_is_about_a_dozen_prompts(pack: Pack) -> None:
    """About a dozen questions to think about per profile, plus the roadmap's name lines."""
    assert pack.has_short_route
    for profile in BUILTIN_PROFILES:
        short = [p for s in pack.sections for p in s.prompts_for(profile, "short")]
        full = [p for s in pack.sections for p in s.prompts_for(profile, "full")]
        assert 10 <= len(short) <= 16, (profile, len(short))
        assert len(full) >= 2 * len(short), profile
        for section in pack.sections:
            assert section.prompts_for(profile, "short"), (profile, section.id)


def test_the_builtin_short_route_reaches_the_work_joy_balance_and_the_actions(pack: Pack) -> None:
    for profile in BUILTIN_PROFILES:
        ids = {p.id for s in pack.sections for p in s.prompts_for(profile, "short")}
        assert {"wil-balans", "waar-paden", "hoe-acties", "wie-mensen", "roadmap-plan", "roadmap-checkin"} <= ids


def test_dutch_and_english_mark_the_same_core_prompts() -> None:
    dutch, english = (loaded(builtin.pack_folder(lang)) for lang in ("nl", "en"))
    assert [p.id for s in dutch.sections for p in s.prompts if p.core] == [
        p.id for s in english.sections for p in s.prompts if p.core
    ]
