"""The route a traject keeps: saved in the [traject] table only when short, read back leniently, and
counted by the progress; answers outside the route are never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from loopbaan_tui.domain.content.builtin import pack_folder
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject, overall_progress, progress
from loopbaan_tui.domain.trajects.traject_file import from_toml, to_toml


@pytest.fixture(scope="module")
def pack() -> Pack:
    loaded = load_pack(pack_folder("nl")).pack
    assert loaded is not None and loaded.has_short_route
    return loaded


def traject(**fields: object) -> Traject:
    return Traject(id="t-1", name="Mijn loopbaan", profile="student", pack="nl", **fields)  # type: ignore[arg-type]


def test_the_full_route_is_the_default_and_is_not_written() -> None:
    text = to_toml(traject())
    assert "route" not in text
    assert from_toml(text).route == "full"


def test_the_short_route_is_written_and_read_back() -> None:
    text = to_toml(traject(route="short"))
    assert 'route = "short"' in text
    assert from_toml(text).route == "short"


@pytest.mark.parametrize("value", ['"kort"', "1", "true", '""', '["short"]', '"SHORT"'])
def test_a_route_that_is_not_known_reads_as_the_full_one(value: str) -> None:
    text = to_toml(traject()).replace("[traject]\n", f"[traject]\nroute = {value}\n")
    read = from_toml(text)
    assert read.route == "full"
    assert "route" not in to_toml(read)  # and is not written back as an unknown key


def test_an_older_file_without_a_route_loads_as_full(tmp_path: Path) -> None:
    store = Store(tmp_path)
    made = store.create("Oud", "student", "nl")
    path = store.path_of(made.id)
    assert "route" not in path.read_text(encoding="utf-8")
    assert Store(tmp_path).load(made.id).route == "full"


def test_create_keeps_the_route(tmp_path: Path) -> None:
    made = Store(tmp_path).create("Kort", "student", "nl", route="short")
    assert made.route == "short"
    assert Store(tmp_path).load(made.id).route == "short"
    with pytest.raises(ValueError):
        Store(tmp_path).create("Raar", "student", "nl", route="kort")  # type: ignore[arg-type]


def test_set_route_switches_and_touches_no_answer() -> None:
    kept = traject(answers={"kan-moment": "De les over breuken", "wil-drijfveren": ["groei"]})
    before = dict(kept.answers)
    assert kept.set_route("short") is True
    assert kept.set_route("short") is False
    assert kept.answers == before
    assert kept.set_route("full") is True and kept.answers == before
    with pytest.raises(ValueError):
        kept.set_route("kort")  # type: ignore[arg-type]


def test_progress_counts_the_route(pack: Pack) -> None:
    short = traject(route="short")
    full = traject()
    kan = pack.sections[0]
    short_total = progress(kan, "student", short)[1]
    full_total = progress(kan, "student", full)[1]
    assert short_total == len(kan.prompts_for("student", "short")) < full_total == len(kan.prompts_for("student"))
    assert progress(kan, "student", short, "full")[1] == full_total  # an explicit route wins
    assert overall_progress(pack, short)[1] < overall_progress(pack, full)[1]
    assert overall_progress(pack, short, "full") == overall_progress(pack, full)


def test_an_answer_outside_the_short_route_counts_only_on_the_full_one(pack: Pack) -> None:
    kan = pack.sections[0]
    outside = next(p for p in kan.prompts_for("student") if not p.core)
    answered = traject(route="short", answers={outside.id: "Iets wat ik schreef"})
    assert progress(kan, "student", answered)[0] == 0
    assert progress(kan, "student", answered, "full")[0] == 1
