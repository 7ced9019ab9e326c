"""The pack schema is read from the model's dataclasses: a field is a key, with its type and whether it is required."""

from __future__ import annotations

import dataclasses
import shutil
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

import pytest

from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import CareerPath, Kind, Option, PackInfo, Profile, Prompt, Scale, Section
from loopbaan_tui.domain.content.pack_schema import (
    BOOL,
    INT,
    NOT_KEYS,
    OPTIONS,
    PACK_SPEC,
    PROMPT_SPEC,
    SCALE_SPEC,
    TEXT,
    TEXTS,
    KeySpec,
    spec_of,
)

MINI_PACK = Path(__file__).parent / "packs" / "mini"


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Sample:
    name: str
    tags: tuple[str, ...] = ()
    on: bool = False
    count: int = 1
    choices: tuple[Option, ...] = ()
    colour: Colour = Colour.RED
    size: Literal["s", "m"] | None = None
    extra: tuple[str, ...] = dataclasses.field(default_factory=tuple)


@dataclass(frozen=True)
class Unreadable:
    where: Path


def test_each_field_becomes_a_key_of_its_type() -> None:
    assert dict(spec_of(Sample)) == {
        "name": KeySpec(TEXT, True),
        "tags": KeySpec(TEXTS, False),
        "on": KeySpec(BOOL, False),
        "count": KeySpec(INT, False),
        "choices": KeySpec(OPTIONS, False),
        "colour": KeySpec(TEXT, False, ("red", "blue")),
        "size": KeySpec(TEXT, False, ("s", "m")),
        "extra": KeySpec(TEXTS, False),
    }


def test_a_field_no_key_can_hold_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match=r"Unreadable\.where"):
        spec_of(Unreadable)


@pytest.mark.parametrize("model", [PackInfo, Profile, Section, Prompt, CareerPath, Scale, Option])
def test_every_field_of_the_model_is_a_key_unless_listed(model: type) -> None:
    """A field added to the model is a pack key at once, in the order of the fields."""
    names = [field.name for field in dataclasses.fields(model)]
    assert list(spec_of(model)) == [name for name in names if name not in NOT_KEYS.get(model, ())]


def test_required_keys_are_the_fields_without_a_default() -> None:
    assert [key for key, spec in PACK_SPEC.items() if spec.required] == ["id", "name", "language"]
    assert [key for key, spec in PROMPT_SPEC.items() if spec.required] == ["id", "kind", "label"]


def test_literal_and_enum_fields_list_their_values() -> None:
    assert PROMPT_SPEC["kind"] == KeySpec(TEXT, True, tuple(kind.value for kind in Kind))
    assert PROMPT_SPEC["byline"].choices == ("name", "school", "reader")
    assert SCALE_SPEC["better"].choices == ("high", "low")


def test_the_built_in_pack_is_its_own_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading a built-in pack parses its ui.toml once: the loader hands its words over itself."""
    monkeypatch.setattr(builtin, "reference_ui", _no_reference)
    result = load_pack(builtin.pack_folder("nl"))
    assert result.pack is not None, [p.render("en") for p in result.problems]
    ui = tomllib.loads((builtin.pack_folder("nl") / "ui.toml").read_text(encoding="utf-8"))
    assert dict(result.pack.ui) == ui


def _no_reference(language: str) -> dict[str, str]:
    raise AssertionError(f"the built-in {language} words were read again")


def test_the_english_pack_takes_its_keys_from_the_dutch_one() -> None:
    english = load_pack(builtin.pack_folder("en")).pack
    assert english is not None
    assert set(english.ui) == set(builtin.reference_ui("nl"))
    assert dict(english.ui) == {**builtin.reference_ui("nl"), **builtin.reference_ui("en")}


def test_a_course_pack_falls_back_on_the_built_in_words(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(MINI_PACK, folder)
    (folder / "ui.toml").write_text('app_title = "Mijn loopbaan"\n', encoding="utf-8")
    pack = load_pack(folder).pack
    assert pack is not None
    assert pack.ui["app_title"] == "Mijn loopbaan"
    assert {key: value for key, value in pack.ui.items() if key != "app_title"} == {
        key: value for key, value in builtin.reference_ui("nl").items() if key != "app_title"
    }
