"""File format 2 (dated check-ins) and the migration from format 1: the fixtures in tests/format1 are
files as today's app writes them (the inputs of the golden roadmaps), edited by hand, and damaged."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from golden_files import GOLDEN
from hypo import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_storage_props import trajecten

from loopbaan_tui.domain.content.builtin import pack_folder
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack, PackInfo
from loopbaan_tui.domain.roadmap.roadmap import build_markdown
from loopbaan_tui.domain.trajects.checkins import series, stamp_pack, start_checkin
from loopbaan_tui.domain.trajects.storage import DamagedTraject, Store
from loopbaan_tui.domain.trajects.text import clean_text
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.domain.trajects.traject_file import FormatError, from_toml, parse_versioned, to_toml

FIXTURES = Path(__file__).resolve().parent / "format1"
GOOD = sorted(p.name for p in FIXTURES.glob("*.toml") if not p.name.startswith("damaged-"))
DAMAGED = {
    "damaged-not-toml.toml": "not_toml",
    "damaged-no-name.toml": "bad_data",
    "damaged-answers-not-a-table.toml": "bad_data",
    "damaged-schema-text.toml": "bad_data",
    "damaged-too-deep.toml": "too_deep",
}
TODAY = date(2025, 11, 21)
V1_HEADER = "# A loopbaan traject, file format 1: see docs/data-format.md. Edit with care.\n"


def format1(traject: Traject) -> str:
    """A traject as format 1 wrote it (the writer before check-ins)."""
    data: dict[str, Any] = {
        "schema": 1,
        "private": sorted(traject.private),
        "traject": {
            "id": traject.id,
            "name": traject.name,
            "profile": traject.profile,
            "pack": traject.pack,
            "created": traject.created,
            "updated": traject.updated,
        },
        "answers": traject.answers,
    }
    return V1_HEADER + tomli_w.dumps(data, multiline_strings=True)


def as_read(value: Any) -> Any:
    """A format-1 answer as the app reads it: texts cleaned, a TOML date as its text."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {clean_text(k): as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_read(v) for v in value]
    return value


def test_the_fixtures_are_format_1_and_cover_every_builtin_profile() -> None:
    assert {"roadmap-student.toml", "roadmap-ervaren.toml", "hand-edited.toml", "hand-windows.toml"} <= set(GOOD)
    for profile in ("student", "starter", "ervaren", "ondersteuner"):
        assert f"builtin-nl-{profile}.toml" in GOOD
    for name in (*GOOD, *DAMAGED):
        assert b"schema = 1" in (FIXTURES / name).read_bytes() or name == "damaged-schema-text.toml", name


@pytest.mark.parametrize("name", GOOD)
def test_a_format_1_file_becomes_one_check_in_with_every_answer(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    traject, extra, schema = parse_versioned(data)
    old = tomllib.loads(data.decode("utf-8-sig"))
    assert schema == 1
    assert traject.earlier == [] and traject.current.date == traject.created
    assert (traject.current.pack_id, traject.current.pack_version) == ("", "")  # not recorded in format 1
    assert traject.answers == as_read(old.get("answers", {}))
    assert traject.private == set(old.get("private", []))
    # written as format 2 and read back: the same traject, the unknown keys still there
    text = to_toml(traject, extra=extra)
    assert text.startswith("# A loopbaan traject, file format 2") and "\nschema = 2\n" in text
    again, extra_again, schema_again = parse_versioned(text.encode())
    assert (again, extra_again, schema_again) == (traject, extra, 2)
    assert to_toml(again, extra=extra_again) == text  # save, load, save: the same bytes


def test_a_hand_edited_file_keeps_what_this_version_does_not_know() -> None:
    traject, extra, _ = parse_versioned((FIXTURES / "hand-edited.toml").read_bytes())
    assert extra == {"notities": {"tekst": "Een tabel die deze versie niet kent."}, "traject": {"kleur": "blauw"}}
    assert traject.created == datetime(2025, 9, 1, 8, tzinfo=UTC)  # no time zone: UTC
    assert traject.updated == datetime(2025, 9, 2, 8, 15, tzinfo=UTC)  # +02:00 in UTC
    assert traject.answers["hoe-gesprek"] == "2026-03-06"  # a TOML date as the date prompt's text
    assert traject.answers["waar-paden"] == [{"path": "verdiepen", "reason": "Rekenen"}, "een losse zin"]
    windows, _, _ = parse_versioned((FIXTURES / "hand-windows.toml").read_bytes())
    assert windows.answers["kan-moment"] == "Regel een\nregel twee 👩🏽‍🏫"
    assert (windows.route, windows.last_prompt, windows.private) == ("short", "kan-moment", {"kan-moment"})


def _pack(folder: Path) -> Pack:
    result = load_pack(folder)
    assert result.pack is not None
    return result.pack


@pytest.mark.parametrize("name", [n for n in GOOD if n.startswith(("roadmap-", "builtin-"))])
def test_a_migrated_file_gives_todays_golden_roadmap(name: str) -> None:
    """The migration changes nothing the roadmap shows: each fixture gives its golden file as it is."""
    traject = from_toml((FIXTURES / name).read_text("utf-8"))
    if name.startswith("roadmap-"):
        pack = _pack(Path(__file__).resolve().parent / "packs" / "roadmap")
    else:
        pack = _pack(pack_folder(name.split("-")[1]))
    assert build_markdown(pack, traject, today=TODAY) == (GOLDEN / name.replace(".toml", ".md")).read_text("utf-8")


def test_the_store_migrates_on_load_and_keeps_the_format_1_file(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", recovery_folders=[tmp_path / "recovery"])
    store.folder.mkdir()
    original = (FIXTURES / "hand-edited.toml").read_bytes()
    path = store.path_of("hand-bewerkt-000001")
    path.write_bytes(original)
    traject = store.load("hand-bewerkt-000001")
    assert path.read_bytes() == original and not list(store.folder.glob("*.format1-*"))  # reading is reading
    traject.set_answer("kan-moment", "Nieuw")
    store.save(traject)
    (kept,) = store.folder.glob("hand-bewerkt-000001.format1-*.toml")
    assert kept.read_bytes() == original and store.backup_of(traject.id).read_bytes() == original
    doc = tomllib.loads(path.read_text("utf-8"))
    assert doc["schema"] == 2 and doc["notities"] == {"tekst": "Een tabel die deze versie niet kent."}
    assert doc["traject"]["kleur"] == "blauw" and doc["checkin"][0]["answers"]["kan-moment"] == "Nieuw"
    traject.set_answer("kan-moment", "Nog eens")
    store.save(traject)
    assert len(list(store.folder.glob("*.format1-*"))) == 1  # kept once, and kept for good
    assert kept.read_bytes() == original
    assert Store(store.folder).load(traject.id) == traject


@pytest.mark.parametrize(("name", "code"), DAMAGED.items())
def test_a_damaged_format_1_file_is_refused_kept_and_never_overwritten(tmp_path: Path, name: str, code: str) -> None:
    data = (FIXTURES / name).read_bytes()
    with pytest.raises(FormatError) as caught:
        parse_versioned(data)
    assert caught.value.code == code
    store = Store(tmp_path / "data", recovery_folders=[tmp_path / "recovery"])
    store.folder.mkdir()
    path = store.path_of("kapot-000001")
    path.write_bytes(data)
    with pytest.raises(DamagedTraject) as damaged:
        store.load("kapot-000001")
    kept = damaged.value.kept_as
    assert damaged.value.code == code and kept is not None and kept.read_bytes() == data
    assert path.read_bytes() == data


# --- format 2 ---------------------------------------------------------------------------------


def three_check_ins() -> Traject:
    start = datetime(2025, 11, 21, 9, 30, tzinfo=UTC)
    traject = Traject("drie-000001", "Drie keer", "student", "nl", created=start, updated=start)
    stamp_pack(traject, PackInfo("nl", "Nederlands", "nl", version="1"))
    traject.set_answer("kan-moment", "Eerste keer")
    traject.set_answer("balans", {"plezier": {"now": 2}})
    start_checkin(traject, start + timedelta(days=100), cleared=frozenset({"balans"}))
    traject.set_answer("balans", {"plezier": {"now": 3}})
    stamp_pack(traject, PackInfo("nl", "Nederlands", "nl", version="2"))
    start_checkin(traject, start + timedelta(days=200))
    traject.set_answer("kan-moment", "Derde keer")
    return traject


def test_each_check_in_holds_its_full_answers_date_and_pack() -> None:
    traject = three_check_ins()
    text = to_toml(traject)
    doc = tomllib.loads(text)
    dates = [c["date"].date() for c in doc["checkin"]]
    assert dates == [date(2025, 11, 21), date(2026, 3, 1), date(2026, 6, 9)]
    assert [c["pack_version"] for c in doc["checkin"]] == ["1", "2", "2"]
    assert [c["answers"] for c in doc["checkin"]] == [
        {"kan-moment": "Eerste keer", "balans": {"plezier": {"now": 2}}},
        {"kan-moment": "Eerste keer", "balans": {"plezier": {"now": 3}}},
        {"kan-moment": "Derde keer", "balans": {"plezier": {"now": 3}}},
    ]
    again = from_toml(text)
    assert again == traject and [c.answers for c in series(again)] == [c["answers"] for c in doc["checkin"]]
    assert to_toml(again) == text


def test_a_check_in_keeps_keys_of_a_newer_version_and_a_day_for_a_date() -> None:
    text = to_toml(three_check_ins()).replace('pack_version = "1"', 'pack_version = "1"\nmood = "zonnig"', 1)
    text = text.replace("date = 2026-03-01 09:30:00+00:00", "date = 2026-03-01")
    traject = from_toml(text)
    assert traject.earlier[0].info.extra == {"mood": "zonnig"}
    assert traject.earlier[1].date == datetime(2026, 3, 1, tzinfo=UTC)
    assert 'mood = "zonnig"' in to_toml(traject)


def test_a_file_without_check_ins_is_one_empty_check_in() -> None:
    text = to_toml(Traject("leeg-000001", "Leeg", "student", "nl"))
    head = text.split("[[checkin]]")[0]
    traject = from_toml(head)
    assert traject.answers == {} and traject.earlier == [] and traject.current.date == traject.created


def test_a_copy_of_a_traject_shares_its_closed_check_ins() -> None:
    import copy

    traject = three_check_ins()
    snapshot = copy.deepcopy(traject)
    assert snapshot.earlier[0] is traject.earlier[0] and snapshot.answers is not traject.answers
    with pytest.raises(TypeError):
        traject.earlier[0].answers["kan-moment"] = "x"  # type: ignore[index]


@settings(max_examples=examples(10, 25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trajecten)
def test_any_format_1_file_migrates_without_losing_an_answer(traject: Traject) -> None:
    migrated, extra, schema = parse_versioned(format1(traject).encode())
    assert schema == 1 and extra == {}
    assert migrated.answers == traject.answers and migrated.private == traject.private
    assert (migrated.name, migrated.created, migrated.current.date) == (traject.name, traject.created, traject.created)
    text = to_toml(migrated)
    assert to_toml(from_toml(text)) == text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(trajecten, min_size=1, max_size=3))
def test_save_load_save_of_format_2_gives_the_same_bytes(rounds: list[Traject]) -> None:
    """Several check-ins, each with any answers: the text read back writes the same bytes."""
    traject = rounds[0]
    for n, later in enumerate(rounds[1:], 1):
        start_checkin(traject, traject.created + timedelta(days=90 * n))
        traject.answers = dict(later.answers)
    text = to_toml(traject)
    again = from_toml(text)
    assert again == traject and to_toml(again) == text
    assert len(series(again)) == len(rounds)
