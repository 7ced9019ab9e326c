"""Storage: atomic saves, backups, damaged files, locks, trash and every fault we can inject."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import tomllib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from trajects import fill_traject

from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.trajects import atomic, storage
from loopbaan_tui.domain.trajects import recovery as recovery_module
from loopbaan_tui.domain.trajects.storage import (
    SCHEMA_VERSION,
    DamagedTraject,
    FormatError,
    StorageError,
    Store,
    TrajectLocked,
    from_toml,
    to_toml,
)
from loopbaan_tui.domain.trajects.store_summary import sidecar_of
from loopbaan_tui.domain.trajects.text import clean_text
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.domain.trajects.traject_file import MAX_DEPTH

ROOT = Path(__file__).resolve().parent.parent
MINI_PACK = ROOT / "tests" / "packs" / "mini"
POSIX = os.name == "posix"


def _chmod_blocks_writes() -> bool:
    """False as root (or with CAP_DAC_OVERRIDE) and on Windows: then chmod cannot make a folder read-only."""
    if not POSIX:
        return False
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o500)
        try:
            Path(folder, "probe").write_text("")
        except PermissionError:
            return True
        finally:
            os.chmod(folder, 0o700)
    return False


CHMOD_BLOCKS = _chmod_blocks_writes()

ODD_TEXTS = [
    "Één café, naïef geüpdatet: ĳs en ÿ",
    "🙂👩🏽‍🏫🏳️‍🌈 emoji with joiners",
    "[bold]not bold[/bold] [link=https://x]x[/link] [/] [[double]]",
    "# not a heading\n## nor this",
    "tabs\tin\t\tbetween\t",
    'quotes " and \' and """ and \'\'\' and ""',
    "back\\slash \\n \\t \\u0041 \\",
    "ends with a backslash\\",
    'ends with a quote"',
    "\nstarts and ends with newlines\n\n",
    "line one\nline two\n\nline four",
    "x = 1\n[answers]\nschema = 2",
    "right-to-left: שלום مرحبا \u202e reversed",
    "\u2028line separator\u2029paragraph separator\ufeffBOM",
    "\x85 NEL is a C1 control (stripped by clean_text), \u00a0 non-breaking space stays",
    "long " * 20_000,
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A store with its own folder and its own recovery folder."""
    return Store(tmp_path / "data", recovery_folders=[tmp_path / "cache" / "recovery"])


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "REPLACE_RETRY_DELAYS", (0.0, 0.0, 0.0))


def make(store: Store, **answers: Any) -> Traject:
    traject = store.create("Mijn loopbaan", "student", "nl")
    for prompt_id, value in answers.items():
        traject.set_answer(prompt_id, value)
    store.save(traject)
    return traject


def leftovers(folder: Path) -> list[str]:
    """Temp files a save left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def fail_for(target: Path, error: OSError, times: int | None = None) -> Callable[..., None]:
    """An os.replace that fails for renames onto `target` (`times` times, or always)."""
    real = os.replace
    count = {"n": 0}

    def fake(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if Path(dst) == target and (times is None or count["n"] < times):
            count["n"] += 1
            raise error
        real(src, dst, *args, **kwargs)

    return fake


# --- format -----------------------------------------------------------------------------------


def test_a_whole_traject_round_trips_through_the_store(store: Store) -> None:
    pack = load_pack(MINI_PACK).pack
    assert pack is not None
    for profile in pack.profiles:
        traject = fill_traject(pack, profile.id, private=["kan_1", "wie_1"])
        store.save(traject)
        assert store.load(traject.id) == traject


def test_the_file_format(store: Store) -> None:
    traject = make(store, kan_1="Ik kan [bold]dit[/bold]", lijst=["a", "b"], schaal={"x": {"now": 3, "then": 2}})
    traject.set_private("kan_1", True)
    text = store.path_of(traject.id).read_text("utf-8")
    assert text.startswith("# ")
    doc = tomllib.loads(text)
    assert doc["schema"] == SCHEMA_VERSION == 2
    assert doc["traject"]["id"] == traject.id
    assert doc["traject"]["name"] == "Mijn loopbaan"
    assert isinstance(doc["traject"]["created"], datetime) and doc["traject"]["created"].tzinfo is not None
    (checkin,) = doc["checkin"]
    assert checkin["answers"]["schaal"] == {"x": {"now": 3, "then": 2}} and checkin["date"] == doc["traject"]["created"]
    assert from_toml(to_toml(traject)) == traject


@pytest.mark.parametrize("text", ODD_TEXTS, ids=range(len(ODD_TEXTS)))
def test_odd_text_survives_exactly(store: Store, text: str) -> None:
    traject = make(
        store,
        tekst=text,
        lijst=[text, text],
        acties=[{"what": text, "who": text}],
        keuze={"choice": "a", "other": text},
    )
    loaded = store.load(traject.id)
    assert loaded.answers == traject.answers
    assert loaded.answers["tekst"] == clean_text(text)


def test_naive_and_foreign_times_are_kept_as_utc() -> None:
    traject = Traject(
        "t-000000",
        "n",
        "p",
        "nl",
        created=datetime(2025, 1, 2, 3, 4, 5),
        updated=datetime(2025, 1, 2, 5, 4, 5, tzinfo=UTC) + timedelta(hours=0),
    )
    loaded = from_toml(to_toml(traject))
    assert loaded.created == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert loaded.updated.tzinfo is not None


class Text(str):
    def __str__(self) -> str:
        return "something else"


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"a": Text("echt")}, {"a": "echt"}),
        ({Text("a"): "b"}, {"a": "b"}),
        ({"a": ("x", "y")}, {"a": ["x", "y"]}),
        ({"a": {"x": None, "y": 1}, "b": None, "c": [None, "z"]}, {"a": {"y": 1}, "c": ["z"]}),
        ({"a": "lone \ud800 surrogate and \x07 bell"}, {"a": "lone \ufffd surrogate and  bell"}),
        ({"a": {"b", "a"}}, {"a": ["a", "b"]}),
        ({"a": True, "b": 1.5}, {"a": True, "b": 1.5}),
    ],
)
def test_odd_values_are_written_as_plain_toml(answers: dict[Any, Any], expected: dict[str, Any]) -> None:
    traject = Traject("t-000000", "n", "p", "nl", answers=answers)
    assert from_toml(to_toml(traject)).answers == expected


@pytest.mark.parametrize(
    "answers",
    [
        {1: "int key"},
        {"a": {2: "int key inside"}},
        {"a": object()},
        {"a": float("nan")},
        {"a": b"bytes"},
        {"a": {1, 2}},
    ],
)
def test_values_toml_cannot_hold_give_a_clear_value_error(answers: dict[Any, Any]) -> None:
    traject = Traject("t-000000", "n", "p", "nl", answers=answers)
    with pytest.raises(ValueError, match=r"answer|prompt"):
        to_toml(traject)


def test_too_deep_nesting_is_a_value_error() -> None:
    value: Any = "x"
    for _ in range(100):
        value = [value]
    with pytest.raises(ValueError, match="deep"):
        to_toml(Traject("t-000000", "n", "p", "nl", answers={"a": value}))


def test_wrong_field_types_are_a_value_error() -> None:
    with pytest.raises(ValueError, match="name"):
        to_toml(Traject("t-000000", 42, "p", "nl"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="created"):
        to_toml(Traject("t-000000", "n", "p", "nl", created="yesterday"))  # type: ignore[arg-type]


MOMENT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)  # fixed, so test ids are the same in every worker
GOOD = to_toml(
    Traject("t-000000", "Naam", "student", "nl", created=MOMENT, updated=MOMENT, answers={"a": "geheim antwoord"})
)


@pytest.mark.parametrize(
    ("text", "code", "reason"),
    [
        ("", "empty", "empty"),
        (GOOD.replace("schema = 2", "schema = 3\nfuture = true"), "newer_version", "newer version"),
        (GOOD.replace("schema = 2", 'schema = "2"'), "bad_data", "schema"),
        (GOOD.replace("schema = 2\n", ""), "bad_data", "schema"),
        (GOOD.replace('name = "Naam"', "name = 3"), "bad_data", "traject.name"),
        (GOOD.replace('name = "Naam"\n', ""), "bad_data", "traject.name is missing"),
        (GOOD.replace("created = ", "created = 'x'\nold = "), "bad_data", "traject.created"),
        (GOOD.replace("private = []", "private = 3"), "bad_data", "private"),
        (GOOD.replace("[traject]", "[trajekt]"), "bad_data", "[traject]"),
        (GOOD.replace('a = "geheim antwoord"', 'a = "geheim antwoord'), "not_toml", "line"),
        (GOOD.replace("[checkin.answers]\na =", "answers = 3\n[checkin.other]\na ="), "bad_data", "answers"),
        (GOOD.replace("date = 2026-01-02 03:04:05+00:00", 'date = "maart"'), "bad_data", "check-in 1 has no date"),
        (GOOD.replace("[[checkin]]", "checkin = 3\n[x]"), "bad_data", "checkin is not a list"),
    ],
)
def test_bad_data_gives_a_short_reason(text: str, code: str, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        from_toml(text)
    assert isinstance(caught.value, ValueError)
    assert caught.value.code == code
    assert reason in caught.value.reason
    assert "geheim" not in caught.value.reason


def test_unknown_keys_from_a_newer_minor_version_are_written_back(store: Store) -> None:
    traject = make(store, a="tekst")
    path = store.path_of(traject.id)
    text = path.read_text("utf-8").replace("[traject]", 'future = [1, 2]\n\n[traject]\nkleur = "blauw"')
    text += '\n[notes]\nx = "bewaard"\n'
    path.write_text(text, "utf-8")
    fresh = Store(store.folder)
    loaded = fresh.load(traject.id)
    loaded.set_answer("a", "nieuw")
    fresh.save(loaded)
    doc = tomllib.loads(path.read_text("utf-8"))
    assert doc["future"] == [1, 2] and doc["notes"] == {"x": "bewaard"} and doc["traject"]["kleur"] == "blauw"
    assert doc["checkin"][-1]["answers"] == {"a": "nieuw"}


# --- saving -----------------------------------------------------------------------------------


def test_create_saves_at_once_with_private_permissions(store: Store) -> None:
    traject = store.create("Ünïcode naam / ../../etc", "student", "nl")
    path = store.path_of(traject.id)
    assert path.parent == store.folder and path.is_file()
    assert traject.id.startswith("unicode-naam-etc-")
    if POSIX:
        assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert leftovers(store.folder) == []


def test_the_constructor_does_no_io(tmp_path: Path) -> None:
    store = Store(tmp_path / "a" / "b")
    assert not (tmp_path / "a").exists()
    assert store.summaries() == []
    assert not (tmp_path / "a").exists()


def test_first_save_creates_missing_parents(tmp_path: Path) -> None:
    store = Store(tmp_path / "share" / "loopbaan")
    store.create("x", "p", "nl")
    assert (tmp_path / "share" / "loopbaan").is_dir()


def test_after_two_saves_the_backup_holds_the_first(store: Store) -> None:
    traject = make(store, a="eerste")  # create saved once without answers, make saved "eerste"
    traject.set_answer("a", "tweede")
    store.save(traject)
    backup = store.backup_of(traject.id)
    assert tomllib.loads(backup.read_text("utf-8"))["checkin"][-1]["answers"] == {"a": "eerste"}
    assert store.load_backup(traject.id).answers == {"a": "eerste"}
    if POSIX:
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert leftovers(store.folder) == []


@pytest.mark.parametrize("times", [1, None])
def test_a_failed_rename_leaves_the_saved_file_untouched(
    store: Store, monkeypatch: pytest.MonkeyPatch, times: int | None
) -> None:
    traject = make(store, a="opgeslagen")
    path = store.path_of(traject.id)
    before, backup_before = path.read_bytes(), store.backup_of(traject.id).read_bytes()
    monkeypatch.setattr(os, "replace", fail_for(path, OSError(errno.EIO, "I/O error"), times))
    traject.set_answer("a", "nieuw")
    with pytest.raises(StorageError) as caught:
        store.save(traject)
    assert caught.value.code == "other" and caught.value.detail == "I/O error"
    assert "nieuw" not in str(caught.value)
    assert path.read_bytes() == before
    assert store.backup_of(traject.id).read_bytes() == backup_before
    assert leftovers(store.folder) == []
    if times == 1:
        store.save(traject)
        assert store.load(traject.id).answers == {"a": "nieuw"}


def test_a_rename_that_fails_on_any_file_leaves_everything(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    traject = make(store, a="opgeslagen")
    before = {p.name: p.read_bytes() for p in store.folder.iterdir() if p.is_file()}

    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "replace", broken)
    traject.set_answer("a", "nieuw")
    with pytest.raises(StorageError):
        store.save(traject)
    assert {p.name: p.read_bytes() for p in store.folder.iterdir() if p.is_file()} == before


def test_a_windows_style_permission_error_clears_after_a_retry(
    store: Store, monkeypatch: pytest.MonkeyPatch, fast_retries: None
) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    monkeypatch.setattr(os, "replace", fail_for(path, PermissionError(errno.EACCES, "Access is denied"), 2))
    traject.set_answer("a", "twee")
    store.save(traject)
    assert store.load(traject.id).answers == {"a": "twee"}


def test_a_permission_error_that_stays_is_unwritable(
    store: Store, monkeypatch: pytest.MonkeyPatch, fast_retries: None
) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    before = path.read_bytes()
    monkeypatch.setattr(os, "replace", fail_for(path, PermissionError(errno.EACCES, "Access is denied")))
    with pytest.raises(StorageError) as caught:
        store.save(traject)
    assert caught.value.code == "unwritable"
    assert path.read_bytes() == before and leftovers(store.folder) == []


def test_retries_take_less_than_a_second() -> None:
    assert sum(atomic.REPLACE_RETRY_DELAYS) < 1


def test_a_failed_fsync_leaves_the_saved_file_untouched(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    before = path.read_bytes()

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fsync", broken)
    traject.set_answer("a", "twee")
    with pytest.raises(StorageError) as caught:
        store.save(traject)
    assert caught.value.code == "other"
    assert path.read_bytes() == before and leftovers(store.folder) == []


def _fd_in(folder: Path, fd: int) -> bool:
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}")).parent == folder
    except OSError:
        return True


def test_a_full_disk_keeps_the_file_and_a_recovery_copy_goes_elsewhere(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    before = path.read_bytes()
    real_write = os.write

    def full(fd: int, data: Any) -> int:
        if _fd_in(store.folder.resolve(), fd):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    traject.set_answer("a", "twee")
    with pytest.raises(StorageError) as caught:
        store.save(traject)
    assert caught.value.code == "disk_full" and caught.value.path == path
    assert path.read_bytes() == before and leftovers(store.folder) == []
    recovery = store.save_recovery(traject)
    assert recovery is not None
    if Path("/proc/self/fd").is_dir():  # where we can tell files apart, the copy is outside the full folder
        assert recovery.parent == store.folder.parent / "cache" / "recovery"
    assert from_toml(recovery.read_text("utf-8")).answers == {"a": "twee"}
    if POSIX:
        assert stat.S_IMODE(recovery.stat().st_mode) == 0o600
        assert stat.S_IMODE(recovery.parent.stat().st_mode) == 0o700
    monkeypatch.setattr(os, "write", real_write)
    traject.set_answer("a", "drie")
    assert store.save_recovery(traject) == recovery  # one recovery file per traject, kept up to date
    assert from_toml(recovery.read_text("utf-8")).answers == {"a": "drie"}
    assert store.recoveries(traject.id) == [recovery]
    store.save(traject)
    assert not recovery.exists()  # the saved file is newer; the copy is no longer needed


def test_an_unwritable_folder(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    before = path.read_bytes()
    if not CHMOD_BLOCKS:  # chmod does not stop root: refuse the way a read-only folder would

        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(storage.atomic.tempfile, "mkstemp", refuse)
    else:
        store.folder.chmod(0o500)
    try:
        traject.set_answer("a", "twee")
        with pytest.raises(StorageError) as caught:
            store.save(traject)
        assert caught.value.code == "unwritable"
        assert path.read_bytes() == before
        if CHMOD_BLOCKS:
            assert store.save_recovery(traject) is not None
    finally:
        store.folder.chmod(0o700)


@pytest.mark.skipif(not CHMOD_BLOCKS, reason="chmod does not stop root")
def test_a_read_only_folder_for_real(store: Store) -> None:
    traject = make(store, a="een")
    store.folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as caught:
            store.save(traject)
        assert caught.value.code == "unwritable"
    finally:
        store.folder.chmod(0o700)


def test_a_read_only_file_system(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    traject = make(store, a="een")

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(storage.atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(StorageError) as caught:
        store.save(traject)
    assert caught.value.code == "unwritable"


def test_a_deleted_folder_is_recreated_when_its_parent_is_there(store: Store) -> None:
    traject = make(store, a="een")
    for child in store.folder.iterdir():
        child.unlink()
    store.folder.rmdir()
    traject.set_answer("a", "twee")
    store.save(traject)
    assert store.load(traject.id).answers == {"a": "twee"}
    if POSIX:
        assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700


def test_a_vanished_drive_is_reported_not_rebuilt(tmp_path: Path) -> None:
    drive = tmp_path / "usb"
    store = Store(drive / "loopbaan")
    traject = store.create("x", "p", "nl")
    for child in store.folder.iterdir():
        child.unlink()
    store.folder.rmdir()
    drive.rmdir()
    with pytest.raises(StorageError) as caught:
        store.save(traject)
    assert caught.value.code == "folder_missing"
    assert not drive.exists()


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(StorageError) as caught:
        Store(tmp_path / "data").create("x", "p", "nl")
    assert caught.value.code == "folder_is_file"


def test_garbage_written_between_load_and_save_is_kept_and_the_backup_stays_good(store: Store) -> None:
    traject = make(store, a="een")
    traject.set_answer("a", "twee")
    store.save(traject)  # the backup now holds "een"
    loaded = store.load(traject.id)
    path = store.path_of(traject.id)
    garbage = b"\x00\x00 half geschreven [[["
    path.write_bytes(garbage)
    loaded.set_answer("a", "drie")
    kept = store.save(loaded).kept_aside
    assert kept is not None and kept.name.startswith(f"{traject.id}.damaged-") and kept.read_bytes() == garbage
    assert store.load(traject.id).answers == {"a": "drie"}
    assert store.load_backup(traject.id).answers == {"a": "een"}  # never replaced by the garbage


def test_a_good_file_changed_by_someone_else_is_kept_too(store: Store) -> None:
    traject = make(store, a="een")
    loaded = store.load(traject.id)
    other = Store(store.folder)
    theirs = other.load(traject.id)
    theirs.set_answer("b", "van een sync-programma")
    other.save(theirs)
    loaded.set_answer("a", "twee")
    kept = store.save(loaded).kept_aside
    assert kept is not None and ".conflict-" in kept.name
    assert from_toml(kept.read_text("utf-8")).answers == {"a": "een", "b": "van een sync-programma"}
    assert store.load(traject.id).answers == {"a": "twee"}
    assert store.summaries()[0].id == traject.id and len(store.summaries()) == 1


def test_an_unreadable_previous_file_is_kept_by_a_link(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    before = path.read_bytes()
    monkeypatch.setattr(atomic, "read_own_file", _unreadable(path))
    traject.set_answer("a", "twee")
    kept = store.save(traject).kept_aside
    monkeypatch.undo()
    assert kept is not None and kept.read_bytes() == before


# --- damaged files ----------------------------------------------------------------------------

GOOD_BYTES = GOOD.encode()
DAMAGED = {
    "empty": (b"", "empty"),
    "blank": (b" \n\n", "empty"),
    "zeros": (b"\x00" * 4096, "empty"),
    "nul_inside": (GOOD_BYTES[:60] + b"\x00\x00\x00" + GOOD_BYTES[60:], "not_toml"),
    "truncated": (GOOD_BYTES[: GOOD_BYTES.index(b"geheim") + 3], "not_toml"),
    "truncated_header": (GOOD_BYTES[: GOOD_BYTES.index(b"[traject]") + 4], "not_toml"),
    "latin1": (GOOD.replace("Naam", "Caf\xe9").encode("latin-1"), "not_utf8"),
    "utf16": (GOOD.encode("utf-16"), "not_utf8"),
    "wrong_types": (GOOD.replace('profile = "student"', "profile = [1]").encode(), "bad_data"),
    "newer": (GOOD.replace("schema = 2", "schema = 99").encode(), "newer_version"),
    "too_deep": (  # one level deeper than MAX_DEPTH: never written by the app, refused when read
        GOOD.replace('a = "geheim antwoord"', "a = " + "[" * (MAX_DEPTH + 1) + '"x"' + "]" * (MAX_DEPTH + 1)).encode(),
        "too_deep",
    ),
}


def nested(depth: int) -> Any:
    """An answer `depth` levels deep: a table of a list of a table ... of one text."""
    value: Any = "x"
    for level in range(depth):
        value = {"k": value} if level % 2 else [value]
    return value


def test_an_answer_as_deep_as_the_limit_is_kept_and_one_level_deeper_is_refused(store: Store) -> None:
    traject = make(store, a=nested(MAX_DEPTH))
    assert store.load(traject.id).answers == {"a": nested(MAX_DEPTH)}
    traject.answers["b"] = nested(MAX_DEPTH + 1)  # the app never makes one: set by hand here
    with pytest.raises(StorageError) as caught:
        store.save(traject)
    assert caught.value.code == "other" and "nested too deeply" in caught.value.detail
    deepest, deeper = ("[" * n + "1" + "]" * n for n in (MAX_DEPTH, MAX_DEPTH + 1))
    assert from_toml(GOOD.replace('"geheim antwoord"', deepest)).answers["a"] == json.loads(deepest)
    with pytest.raises(FormatError) as refused:
        from_toml(GOOD.replace('"geheim antwoord"', deeper))
    assert refused.value.code == "too_deep" and str(MAX_DEPTH) in refused.value.reason


@pytest.mark.parametrize("kind", DAMAGED)
def test_a_damaged_file_is_kept_and_never_overwritten(store: Store, kind: str) -> None:
    data, code = DAMAGED[kind]
    traject = make(store, a="een")
    traject.set_answer("a", "twee")
    store.save(traject)
    path = store.path_of(traject.id)
    path.write_bytes(data)
    with pytest.raises(DamagedTraject) as caught:
        store.load(traject.id)
    damage = caught.value
    assert damage.code == code and damage.path == path
    assert damage.reason and len(damage.reason) < 100 and "geheim" not in damage.reason
    assert damage.backup == store.backup_of(traject.id)
    assert path.read_bytes() == data  # loading never changes the file
    if code == "newer_version":
        assert damage.kept_as is None  # a newer app's file is not damaged: left exactly where it is
    else:
        assert damage.kept_as is not None and damage.kept_as.read_bytes() == data
        assert damage.kept_as.name.startswith(f"{traject.id}.damaged-")
        with pytest.raises(DamagedTraject) as again:
            store.load(traject.id)
        assert again.value.kept_as == damage.kept_as  # no pile of identical copies
    # the summary shows the problem instead of failing
    (summary,) = store.summaries()
    assert summary.problem == damage.reason and summary.problem_code == code
    # the user takes the backup and goes on: the damaged file survives under its kept name
    restored = store.load_backup(traject.id)
    assert restored.answers == {"a": "een"}
    restored.set_answer("a", "verder")
    store.save(restored)
    kept = (
        [p for p in store.folder.iterdir() if p.read_bytes() == data]
        if data
        else [p for p in store.folder.glob(f"{traject.id}.*-*.toml") if p.stat().st_size == 0]
    )
    assert kept, "the damaged file must still exist somewhere"
    assert store.load_backup(traject.id).answers == {"a": "een"}  # the good backup was not replaced by garbage
    assert store.load(traject.id).answers == {"a": "verder"}


def test_a_damaged_file_without_a_backup(store: Store) -> None:
    traject = store.create("x", "p", "nl")  # one save: no backup yet
    store.path_of(traject.id).write_bytes(b"\xff\xfe")
    with pytest.raises(DamagedTraject) as caught:
        store.load(traject.id)
    assert caught.value.backup is None and caught.value.code == "not_utf8"
    with pytest.raises(FileNotFoundError):
        store.load_backup(traject.id)


def test_a_damaged_backup_too(store: Store) -> None:
    traject = make(store, a="een")
    store.path_of(traject.id).write_bytes(b"kapot = ")
    store.backup_of(traject.id).write_bytes(b"")
    with pytest.raises(DamagedTraject) as caught:
        store.load(traject.id)
    assert caught.value.backup is None and caught.value.kept_as is not None
    with pytest.raises(DamagedTraject) as backup:
        store.load_backup(traject.id)
    assert backup.value.code == "empty" and backup.value.path == store.backup_of(traject.id)


def test_an_unreadable_file(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    traject = store.create("x", "p", "nl")
    path = store.path_of(traject.id)
    monkeypatch.setattr(atomic, "read_own_file", _unreadable(path))
    with pytest.raises(DamagedTraject) as caught:
        store.load(traject.id)
    assert caught.value.code == "unreadable" and "Permission denied" in caught.value.reason
    sidecar_of(store.folder, traject.id).unlink()  # the summary its save wrote still describes it
    assert store.summaries()[0].problem_code == "unreadable"


def _unreadable(path: Path) -> Callable[[Path], bytes]:
    """atomic.read_own_file, refusing `path` as a file without read permission would."""
    real = atomic.read_own_file

    def read(target: Path) -> bytes:
        if Path(target) == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(target)

    return read


@pytest.mark.parametrize("opened_first", [True, False])
def test_restore_backup_makes_the_backup_the_file_and_keeps_the_damaged_one(store: Store, opened_first: bool) -> None:
    traject = make(store, a="een")
    traject.set_answer("a", "twee")
    store.save(traject)
    path, backup = store.path_of(traject.id), store.backup_of(traject.id)
    path.write_bytes(b"\x00kapot")
    backup_before = backup.read_bytes()
    if opened_first:  # as the app does: the load keeps the damaged file aside first
        with pytest.raises(DamagedTraject):
            store.load(traject.id)
    restored = store.restore_backup(traject.id)
    assert restored.answers == {"a": "een"}
    assert Store(store.folder).load(traject.id).answers == {"a": "een"}
    kept = [p for p in store.folder.glob(f"{traject.id}.damaged-*.toml")]
    assert [p.read_bytes() for p in kept] == [b"\x00kapot"], "kept aside exactly once"
    assert backup.read_bytes() == backup_before


def test_restore_backup_without_a_good_backup_changes_nothing(store: Store) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    path.write_bytes(b"kapot")
    store.backup_of(traject.id).unlink()
    with pytest.raises(FileNotFoundError):
        store.restore_backup(traject.id)
    store.backup_of(traject.id).write_bytes(b"ook kapot")
    with pytest.raises(DamagedTraject):
        store.restore_backup(traject.id)
    assert path.read_bytes() == b"kapot" and store.backup_of(traject.id).read_bytes() == b"ook kapot"


def test_a_missing_traject_is_not_damaged(store: Store) -> None:
    with pytest.raises(FileNotFoundError):
        store.load("nergens-000000")


def test_a_file_copied_under_another_name_takes_that_name_as_id(store: Store) -> None:
    traject = make(store, a="een")
    copy = store.folder / "kopie-123456.toml"
    copy.write_bytes(store.path_of(traject.id).read_bytes())
    assert store.load("kopie-123456").id == "kopie-123456"
    assert {s.id for s in store.summaries()} == {traject.id, "kopie-123456"}


# --- listing, finding, ids ----------------------------------------------------------------------


def test_summaries_newest_first_tolerant_and_without_clutter(store: Store) -> None:
    old = store.create("Oud", "student", "nl")
    old.updated = datetime(2020, 1, 1, tzinfo=UTC)
    store.save(old)
    store.save(old)  # a backup exists
    new = store.create("Nieuw", "ervaren", "en")
    new.updated = datetime(2030, 1, 1, tzinfo=UTC)
    store.save(new)
    broken = store.folder / "kapot-abcdef.toml"
    broken.write_bytes(b"\x00")
    with store.lock(new.id):
        pass
    for name in (".x.tmp", "notes.txt", "Mijn traject.toml", "a.damaged-1.toml", "CON.toml", ".hidden.toml"):
        (store.folder / name).write_text("x")
    (store.folder / "map.toml").mkdir()
    store.remove(store.create("Weg", "p", "nl").id)
    summaries = store.summaries()
    assert [s.id for s in summaries if s.problem is None] == [new.id, old.id]
    assert [(s.name, s.profile, s.pack) for s in summaries if s.problem is None] == [
        ("Nieuw", "ervaren", "en"),
        ("Oud", "student", "nl"),
    ]
    (damaged,) = [s for s in summaries if s.problem]
    assert damaged.id == "kapot-abcdef" and damaged.path == broken and damaged.problem_code == "empty"
    assert damaged.updated.tzinfo is not None


@pytest.mark.parametrize("bad", ["", "../etc", "a/b", "a\\b", ".hidden", "x.toml", "CON", "nul", "a" * 101, "é"])
def test_unsafe_ids_are_refused(store: Store, bad: str) -> None:
    with pytest.raises(ValueError, match="traject id"):
        store.path_of(bad)


# --- trash --------------------------------------------------------------------------------------


def test_remove_moves_to_the_trash_and_restore_brings_it_back(store: Store) -> None:
    traject = make(store, a="een")
    traject.set_answer("a", "twee")
    store.save(traject)
    trashed = store.remove(traject.id)
    assert trashed.parent == store.folder / "prullenbak" and trashed.is_file()
    assert trashed.with_name(trashed.name + ".bak").is_file()
    assert store.summaries() == [] and store.trashed() == [trashed]
    assert not store.path_of(traject.id).exists() and not store.backup_of(traject.id).exists()
    assert not store.path_of(traject.id).with_suffix(".lock").exists()
    if POSIX:
        assert stat.S_IMODE(trashed.parent.stat().st_mode) == 0o700
    assert store.restore(trashed) == traject.id
    assert store.load(traject.id).answers == {"a": "twee"}
    assert store.load_backup(traject.id).answers == {"a": "een"}
    assert store.trashed() == []


def test_restore_never_overwrites(store: Store) -> None:
    traject = make(store, a="een")
    trashed = store.remove(traject.id)
    store.path_of(traject.id).write_text("iets anders")
    with pytest.raises(FileExistsError):
        store.restore(trashed)
    assert trashed.exists() and store.path_of(traject.id).read_text() == "iets anders"


def test_remove_twice_keeps_both(store: Store) -> None:
    traject = make(store, a="een")
    first = store.remove(traject.id)
    store.restore(first)
    second = store.remove(traject.id)
    store.path_of(traject.id).write_bytes(second.read_bytes())
    third = store.remove(traject.id)
    assert len({second, third}) == 2 and second.exists() and third.exists()


def test_remove_a_missing_traject(store: Store) -> None:
    with pytest.raises(FileNotFoundError):
        store.remove("nergens-000000")


def test_remove_while_this_store_has_it_open(store: Store) -> None:
    traject = make(store, a="een")
    lock = store.lock(traject.id)
    store.remove(traject.id)
    assert not lock.held
    lock.release()  # harmless


def test_a_failed_remove_keeps_the_lock_of_an_open_traject(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    traject = make(store, a="een")
    lock = store.lock(traject.id)
    monkeypatch.setattr(atomic, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error")))
    with pytest.raises(StorageError):
        store.remove(traject.id)
    assert lock.held and store.path_of(traject.id).exists()
    lock.release()


# --- locks --------------------------------------------------------------------------------------

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from loopbaan_tui.domain.trajects.storage import Store
    lock = Store(Path(sys.argv[1])).lock(sys.argv[2])
    print("locked", flush=True)
    time.sleep(60)
""")


@pytest.fixture
def holder(store: Store) -> Iterator[Callable[[str], subprocess.Popen[str]]]:
    """Start another process that takes the lock on a traject and keeps it."""
    started: list[subprocess.Popen[str]] = []

    def start(traject_id: str) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(store.folder), traject_id], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        started.append(process)
        assert process.stdout is not None and process.stdout.readline().strip() == "locked"
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stdout:
            process.stdout.close()


def test_a_lock_held_by_another_process_refuses(store: Store, holder: Callable[[str], Any]) -> None:
    traject = make(store, a="een")
    process = holder(traject.id)
    with pytest.raises(TrajectLocked) as caught:
        store.lock(traject.id)
    assert caught.value.traject_id == traject.id
    with pytest.raises(TrajectLocked):
        store.remove(traject.id)
    assert store.path_of(traject.id).exists()
    process.terminate()
    process.wait()
    store.lock(traject.id).release()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_lock_left_by_a_killed_process_never_blocks(store: Store, holder: Callable[[str], Any]) -> None:
    traject = make(store, a="een")
    process = holder(traject.id)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert store.path_of(traject.id).with_suffix(".lock").exists()  # the file stays; the OS lock is gone
    with store.lock(traject.id) as lock:
        assert lock.held
    assert not lock.held


def test_one_process_cannot_open_a_traject_twice(store: Store) -> None:
    traject = make(store, a="een")
    with store.lock(traject.id):
        with pytest.raises(TrajectLocked):
            store.lock(traject.id)
        with pytest.raises(TrajectLocked):
            Store(store.folder).lock(traject.id)
    store.lock(traject.id).release()


def test_the_lock_file_is_private(store: Store) -> None:
    traject = make(store, a="een")
    with store.lock(traject.id) as lock:
        if POSIX:
            assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600


def test_a_lock_in_an_unwritable_folder_is_a_storage_error(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    traject = make(store, a="een")

    def refuse(*args: Any, **kwargs: Any) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(StorageError) as caught:
        store.lock(traject.id)
    assert caught.value.code == "unwritable"


# --- recovery copies ----------------------------------------------------------------------------


def test_recovery_goes_to_the_data_folder_when_only_the_rename_fails(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    monkeypatch.setattr(os, "replace", fail_for(path, OSError(errno.EIO, "I/O error")))
    traject.set_answer("a", "twee")
    with pytest.raises(StorageError):
        store.save(traject)
    recovery = store.save_recovery(traject)
    assert recovery is not None and recovery.parent == store.folder
    assert recovery.name.startswith(f"{traject.id}.recovery-")
    assert [s.id for s in store.summaries()] == [traject.id]  # not listed as a second traject
    assert from_toml(recovery.read_text("utf-8")).answers == {"a": "twee"}


def test_recovery_falls_back_to_the_temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    store = Store(tmp_path / "data", recovery_folders=[blocked / "sub"])
    traject = store.create("x", "p", "nl")
    monkeypatch.setattr(recovery_module.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    monkeypatch.setattr(recovery_module.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    store.folder.rename(tmp_path / "gone")  # neither the data folder nor the recovery folder can be used
    recovery = store.save_recovery(traject)
    assert recovery is not None and recovery.parent.parent == tmp_path / "tmp"
    assert from_toml(recovery.read_text("utf-8")) == traject


def test_recovery_default_folders_include_the_user_cache(tmp_path: Path) -> None:
    folders = Store(tmp_path)._recovery_candidates()
    assert folders[0] == tmp_path
    assert any("cache" in str(f) for f in folders[1:])


# --- real permissions (skipped where chmod does not stop us, e.g. as root) ---------------------


@pytest.mark.skipif(not CHMOD_BLOCKS, reason="chmod does not stop root")
def test_a_really_unreadable_file_is_reported_and_kept(store: Store) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    before_inode = path.stat().st_ino
    path.chmod(0o000)
    try:
        with pytest.raises(DamagedTraject) as caught:
            store.load(traject.id)
        assert caught.value.code == "unreadable" and caught.value.backup is not None
        assert store.summaries()[0].problem_code == "unreadable"
        kept = store.save(traject).kept_aside  # the unreadable file is kept by a hard link, then replaced
        assert kept is not None and kept.stat().st_ino == before_inode
    finally:
        for p in store.folder.iterdir():
            p.chmod(0o600)


@pytest.mark.skipif(not CHMOD_BLOCKS, reason="chmod does not stop root")
def test_a_traject_in_a_read_only_folder_can_still_be_locked(store: Store) -> None:
    traject = make(store, a="een")
    store.lock(traject.id).release()  # the lock file exists from an earlier run
    store.folder.chmod(0o500)
    try:
        with store.lock(traject.id) as lock:
            assert lock.held
            assert store.load(traject.id).answers == {"a": "een"}
    finally:
        store.folder.chmod(0o700)


def test_the_example_in_the_docs_is_a_valid_traject() -> None:
    doc = (ROOT / "docs" / "data-format.md").read_text("utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    traject = from_toml(example)
    assert traject.answers["kan_sterk"].endswith('"Jij wacht gewoon tot het stil is."')
    assert traject.answers["kan_tevredenheid"] == {"plezier": {"now": 3}}
    (first,) = traject.earlier
    assert first.answers["kan_tevredenheid"] == {"plezier": {"now": 4, "then": 2}}
    assert (first.info.pack_id, first.info.pack_version) == ("nl", "1") and first.date < traject.current.date
    assert traject.private == {"wil_waarden"}


def test_a_value_toml_cannot_hold_fails_the_save_but_not_the_recovery_copy(store: Store) -> None:
    traject = make(store, a="een")
    path = store.path_of(traject.id)
    before = path.read_bytes()
    traject.answers["vreemd"] = {1: object(), "nan": float("nan")}
    traject.answers["a"] = "twee"
    with pytest.raises(StorageError) as caught:
        store.save(traject)
    assert caught.value.code == "other" and "vreemd" in caught.value.detail
    assert path.read_bytes() == before
    recovery = store.save_recovery(traject)
    assert recovery is not None
    answers = from_toml(recovery.read_text("utf-8")).answers
    assert answers["a"] == "twee" and answers["vreemd"]["nan"] == "nan" and "1" in answers["vreemd"]
