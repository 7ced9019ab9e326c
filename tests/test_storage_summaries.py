"""The start screen's list: summaries written by every save, files never parsed whole to list them,
where the user left off, and the progress shown in `loopbaan list`."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest
from apps import make_app
from hostile.pilot import SIZE
from hypothesis import given, settings
from hypothesis import strategies as st

from loopbaan_tui import cli
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.trajects import atomic, store_summary, traject_file
from loopbaan_tui.domain.trajects import storage as storage_module
from loopbaan_tui.domain.trajects.lookup import matching
from loopbaan_tui.domain.trajects.storage import PARSE_LIMIT, Store, from_toml, to_toml
from loopbaan_tui.domain.trajects.store_summary import sidecar_of
from loopbaan_tui.domain.trajects.text import clean_text
from loopbaan_tui.domain.trajects.traject import Traject, overall_progress, progress
from loopbaan_tui.ui.screens.start import StartScreen
from loopbaan_tui.ui.screens.start_list import describe

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "packs" / "mini"
POSIX = os.name == "posix"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data", recovery_folders=[tmp_path / "cache"])


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every whole traject file the store parses, by its size."""
    parsed: list[int] = []
    # listing and saving use the one, opening the other
    for module, name in ((storage_module, "parse"), (traject_file, "parse_versioned")):
        real = getattr(module, name)

        def parse(data: bytes, real=real):  # type: ignore[no-untyped-def]
            parsed.append(len(data))
            return real(data)

        monkeypatch.setattr(module, name, parse)
    return parsed


# --- the summary a save writes -------------------------------------------------------------------


def test_every_save_writes_a_private_summary_and_listing_reads_it_not_the_file(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    traject = store.create("Mijn loopbaan", "student", "nl")
    traject.set_answer("a", "een")
    store.save(traject, progress=(1, 41))
    sidecar = sidecar_of(store.folder, traject.id)
    assert sidecar.is_file()
    if POSIX:
        assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600
    parsed = count_parses(monkeypatch)
    (summary,) = Store(store.folder).summaries()  # a fresh store: nothing cached in memory
    assert parsed == [], "the traject file was parsed to list it"
    assert (summary.name, summary.profile, summary.pack) == ("Mijn loopbaan", "student", "nl")
    assert (summary.answered, summary.total, summary.unchecked) == (1, 41, False)
    assert summary.updated == traject.updated


def test_a_save_without_progress_lists_it_as_unknown(store: Store) -> None:
    traject = store.create("x", "student", "nl")
    store.save(traject, progress=(3, 9))
    store.save(traject)
    (summary,) = Store(store.folder).summaries()
    assert (summary.answered, summary.total) == (None, None)


@pytest.mark.parametrize(
    "change",
    [
        "rewritten by someone else",
        "same size, other time",
        "summary garbage",
        "summary of another version",
        "summary missing",
    ],
)
def test_a_stale_or_broken_summary_falls_back_to_the_file(store: Store, change: str) -> None:
    traject = store.create("Oud", "student", "nl")
    store.save(traject, progress=(2, 5))
    path, sidecar = store.path_of(traject.id), sidecar_of(store.folder, traject.id)
    other = Traject(traject.id, "Nieuw", "ervaren", "en", created=traject.created, updated=traject.updated)
    if change == "rewritten by someone else":
        path.write_text(to_toml(other), encoding="utf-8")
    elif change == "same size, other time":
        text = path.read_text("utf-8").replace("Oud", "Ouw")
        info = path.stat()
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
        other = Traject(traject.id, "Ouw", "student", "nl")
    elif change == "summary garbage":
        sidecar.write_bytes(b"\x00\xff[[[")
        other = Traject(traject.id, "Oud", "student", "nl")
    elif change == "summary of another version":  # e.g. restored by a backup tool
        earlier = sidecar.read_bytes()
        traject.name = "Nieuwer"
        store.save(traject)
        sidecar.write_bytes(earlier)
        other = Traject(traject.id, "Nieuwer", "student", "nl")
    else:
        sidecar.unlink()
        other = Traject(traject.id, "Oud", "student", "nl")
    (summary,) = Store(store.folder).summaries()
    assert (summary.name, summary.profile, summary.pack) == (other.name, other.profile, other.pack)
    assert summary.answered is None, "progress from a stale summary is not shown"


def test_a_damaged_file_with_a_summary_is_listed_as_damaged(store: Store) -> None:
    traject = store.create("Kapot", "student", "nl")
    store.save(traject, progress=(1, 2))
    store.path_of(traject.id).write_bytes(b"schema = 1\n[traject\n")
    (summary,) = Store(store.folder).summaries()
    assert summary.problem_code == "not_toml" and summary.answered is None


def test_a_summary_never_shows_a_traject_that_is_gone(store: Store) -> None:
    gone = store.create("Weg", "student", "nl")
    store.save(gone, progress=(1, 2))
    store.path_of(gone.id).unlink()  # deleted by hand: its summary is still there
    assert sidecar_of(store.folder, gone.id).exists()
    assert Store(store.folder).summaries() == []
    assert matching(Store(store.folder).summaries(), "Weg") == []


def test_remove_and_restore_take_the_summary_along(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    traject = store.create("Heen en weer", "student", "nl")
    store.save(traject, progress=(4, 8))
    trashed = store.remove(traject.id)
    assert not sidecar_of(store.folder, traject.id).exists()
    assert Store(store.folder).summaries() == []
    assert not [p for p in store.trash.iterdir() if p.name.endswith(".toml") and p != trashed]
    store.restore(trashed)
    parsed = count_parses(monkeypatch)
    (summary,) = Store(store.folder).summaries()
    assert (summary.name, summary.answered, summary.total) == ("Heen en weer", 4, 8)
    assert parsed == []
    assert store.trashed() == []


def test_listing_writes_nothing(store: Store) -> None:
    traject = store.create("x", "student", "nl")
    sidecar_of(store.folder, traject.id).unlink()
    before = sorted(p.name for p in store.folder.iterdir())
    Store(store.folder).summaries()
    assert sorted(p.name for p in store.folder.iterdir()) == before


# --- files too large to parse for a listing ------------------------------------------------------


def _big_traject(store: Store, traject_id: str) -> Path:
    """A valid traject file over the limit, put there without a save (so without a summary)."""
    big = Traject(traject_id, "Groot", "student", "nl", answers={"a": "woord " * (PARSE_LIMIT // 5)})
    path = store.path_of(traject_id)
    store.folder.mkdir(parents=True, exist_ok=True)
    path.write_text(to_toml(big), encoding="utf-8")
    return path


def test_a_file_over_the_limit_is_listed_unchecked_and_checked_when_opened(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _big_traject(store, "groot-000001")
    parsed = count_parses(monkeypatch)
    (summary,) = store.summaries()
    assert parsed == []
    assert summary.unchecked and summary.id == summary.name == "groot-000001" and summary.problem is None
    assert matching(store.summaries(), "groot-000001") == [summary]  # `export`/`list` find it by its id
    traject = store.load("groot-000001")  # opening it parses it in full
    assert parsed == [path.stat().st_size] and traject.name == "Groot"
    store.save(traject, progress=(1, 3))  # and once saved, its summary lists it properly
    (summary,) = Store(store.folder).summaries()
    assert (summary.name, summary.unchecked, summary.answered) == ("Groot", False, 1)


@pytest.mark.parametrize("garbage", [b"\x00" * 64, b"\xff\xfe" + "schema = 1\n".encode("utf-16-le")])
def test_a_large_damaged_file_is_known_damaged_from_its_first_bytes(
    store: Store, garbage: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.folder.mkdir(parents=True)
    path = store.folder / "kapot-000001.toml"
    with open(path, "wb") as handle:
        handle.write(garbage)
        handle.truncate(PARSE_LIMIT * 3)
    reads: list[int] = []
    real_open = open

    def counting_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        handle = real_open(file, mode, *args, **kwargs)
        if Path(file) == path:
            real_read = handle.read
            handle.read = lambda n=-1: reads.append(n) or real_read(n)  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(store_summary, "open", counting_open, raising=False)
    parsed = count_parses(monkeypatch)
    (summary,) = store.summaries()
    assert parsed == [] and summary.problem is not None and not summary.unchecked
    assert reads and all(0 < n <= store_summary.HEAD_BYTES for n in reads), "read no more than the head"


# --- progress over all steps ---------------------------------------------------------------------


def test_overall_progress_is_the_sum_over_the_steps() -> None:
    pack = load_pack(MINI).pack
    assert pack is not None
    profile = pack.profiles[0].id
    traject = Traject("t-000001", "x", profile, "nl")
    answered, total = overall_progress(pack, traject)
    assert answered == 0 and total == sum(progress(s, profile, traject)[1] for s in pack.sections) > 0
    prompt = pack.sections[0].prompts_for(profile)[0]
    traject.set_answer(prompt.id, "iets" if prompt.kind.value in ("long_text", "short_text") else ["iets"])
    assert overall_progress(pack, traject) == (1, total)


# --- where the user left off ---------------------------------------------------------------------


def test_set_answer_remembers_the_prompt_last_edited_and_the_file_keeps_it(store: Store) -> None:
    traject = store.create("x", "student", "nl")
    assert traject.last_prompt == ""
    traject.set_answer("a", "een")
    traject.set_answer("b", "twee")
    traject.set_answer("a", "een")  # no change: still b
    assert traject.last_prompt == "b"
    traject.set_answer("a", "")  # removing an answer is a change too
    assert traject.last_prompt == "a"
    store.save(traject)
    text = store.path_of(traject.id).read_text("utf-8")
    assert tomllib.loads(text)["traject"]["last_prompt"] == "a"
    assert Store(store.folder).load(traject.id).last_prompt == "a"


def test_an_old_file_without_last_prompt_loads_and_saves_the_same() -> None:
    old = Traject("t-000001", "Oud", "student", "nl", answers={"a": "een"})
    text = to_toml(old)
    assert "last_prompt" not in text, "a file without it stays without it"
    assert from_toml(text).last_prompt == ""
    hand_edited = text.replace('profile = "student"', 'profile = "student"\nlast_prompt = 3')
    assert from_toml(hand_edited).last_prompt == "", "a wrong type is dropped, not a damaged file"


# --- `loopbaan list` ------------------------------------------------------------------------------


def test_list_shows_progress_and_large_files(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    pack = load_pack(MINI).pack
    assert pack is not None
    traject = store.create("Met voortgang", pack.profiles[0].id, str(MINI))
    store.save(traject, progress=(12, 41))
    _big_traject(store, "groot-000001")
    assert cli.main(["list", "--data-dir", str(store.folder)]) == 0
    out = capsys.readouterr().out
    assert "12/41 beantwoord" in out and "voortgang" in out
    assert "groot-000001" in out and "nagekeken bij openen" in out
    assert cli.main(["list", "--data-dir", str(store.folder), "--lang", "en"]) == 0
    assert "12/41 answered" in capsys.readouterr().out


def test_a_summary_is_written_without_fsync(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary is a cache: an autosave pays one fsync for the words, not a second for it."""
    traject = store.create("x", "student", "nl")
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: synced.append(fd) or real(fd))
    store.save(traject, progress=(0, 1))
    assert len(synced) == 2, "the traject file and its folder"


async def test_the_start_screen_shows_progress_and_large_files(store: Store) -> None:
    pack = load_pack(MINI).pack
    assert pack is not None
    traject = store.create("Met voortgang", pack.profiles[0].id, str(MINI))
    store.save(traject, progress=(12, 41))
    _big_traject(store, "groot-000001")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen)
        shown = {s.id: describe(s, app.pack) for s in start._summaries}
        assert "12/41 beantwoord" in shown[traject.id]
        assert app.words("start_unchecked") in shown["groot-000001"]


# --- a large file without a summary: its head only ---------------------------------------------


def test_a_large_file_without_a_summary_is_listed_from_its_head(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of an older version have no summary: one over HEAD_BYTES is listed from its beginning,
    so listing it costs the same whatever its size; a damaged end shows when it is opened."""
    traject = Traject("groot-000001", "Groot\n[[checkin]]\nnaam", "student", "nl")  # a name that looks like a table
    for n in range(300):
        traject.set_answer(f"vraag-{n}", f"antwoord {n}\n" * 40)
    store.save(traject)
    path = store.path_of(traject.id)
    assert path.stat().st_size > store_summary.HEAD_BYTES
    sidecar_of(store.folder, traject.id).unlink()
    parsed = count_parses(monkeypatch)
    (summary,) = Store(store.folder).summaries()
    assert (summary.name, summary.profile, summary.updated, summary.problem) == (
        traject.name,
        "student",
        traject.updated,
        None,
    )
    assert parsed == [], "the whole file was parsed to list it"
    path.write_bytes(path.read_bytes()[:-200])  # its end lost: found out when opened
    (summary,) = Store(store.folder).summaries()
    assert summary.problem is None and summary.name == traject.name


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["", "\n[x]\n", '"""', "\n[[checkin]]\n", "'''"]))
def test_the_head_tells_what_the_whole_file_says_or_nothing(name: str, trap: str) -> None:
    traject = Traject("kop-000001", clean_text(name + trap + name), "student", "nl", answers={"a": "x\n" * 50})
    data = to_toml(traject).encode("utf-8")
    fields = store_summary.head_fields(data[: len(data) // 2])
    if fields is not None:
        whole = traject_file.from_toml(data.decode("utf-8"))
        assert (fields["name"], fields["profile"], fields["pack"], fields["updated"]) == (
            whole.name,
            whole.profile,
            whole.pack,
            whole.updated,
        )
    assert store_summary.head_fields(data) is not None or "\n[" in traject.name
