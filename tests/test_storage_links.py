"""Files that are not ours: symbolic links in the data folder are never read or written through,
and a data folder that is a file, a pipe or a device is said to be one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from apps import MINI, make_app
from hostile.pilot import SIZE, rendered, wait_until

from loopbaan_tui import cli
from loopbaan_tui.domain.trajects.storage import DamagedTraject, StorageError, Store, to_toml
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.screens.start import StartScreen
from loopbaan_tui.ui.screens.start_list import describe

POSIX = os.name == "posix"
pytestmark = pytest.mark.skipif(not POSIX, reason="symbolic links, pipes and /dev/null")

SECRET = "een tekst van buiten de map"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A valid traject file outside the data folder, and the folder it is in."""
    folder = tmp_path / "elders"
    folder.mkdir()
    path = folder / "van-een-ander.toml"
    path.write_text(
        to_toml(Traject("ander-000001", "Van een ander", "student", str(MINI), answers={"kan-sterk": SECRET})),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "data", recovery_folders=[tmp_path / "cache"])
    store.create("Eigen", "student", str(MINI))
    return store


def holds_secret(folder: Path) -> list[str]:
    """Files in the data folder (not links) that hold the outside file's words."""
    return [
        p.name for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and SECRET.encode() in p.read_bytes()
    ]


def test_a_traject_file_that_is_a_link_is_listed_as_one_and_never_read_through(store: Store, outside: Path) -> None:
    link = store.folder / "koppeling-000001.toml"
    link.symlink_to(outside)
    before = outside.read_bytes()
    listed = {s.id: s for s in store.summaries()}
    assert listed["koppeling-000001"].problem_code == "link"
    assert listed["koppeling-000001"].link_target == str(outside)
    with pytest.raises(DamagedTraject) as caught:
        store.load("koppeling-000001")
    assert caught.value.code == "link" and caught.value.link_target == str(outside)
    assert caught.value.kept_as is None
    assert holds_secret(store.folder) == [], "the target's words were copied into the data folder"
    assert outside.read_bytes() == before and link.is_symlink()


def test_list_says_it_is_a_link_and_where_it_points(
    store: Store, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (store.folder / "koppeling-000001.toml").symlink_to(outside)
    assert cli.main(["list", "--data-dir", str(store.folder)]) == 0
    out = capsys.readouterr().out
    assert f"koppeling naar {outside}" in out and "opbouw" not in out
    assert cli.main(["export", "koppeling-000001", "--data-dir", str(store.folder)]) == 1
    assert "koppeling" in capsys.readouterr().err
    assert holds_secret(store.folder) == []


async def test_opening_a_linked_traject_in_the_app_says_where_it_points(store: Store, outside: Path) -> None:
    link = store.folder / "koppeling-000001.toml"
    link.symlink_to(outside)
    os.utime(link, (2_000_000_000, 2_000_000_000), follow_symlinks=False)  # listed first
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen) and start._summaries[0].id == "koppeling-000001"
        assert str(outside) in describe(start._summaries[0], app.pack)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.query("#dialog-body"))
        body = rendered(app.screen.query_one("#dialog-body"))
        assert "koppeling" in body and str(outside) in body
        assert app.words("damaged_not_toml") not in body
        await pilot.press("enter")  # back
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
    assert holds_secret(store.folder) == []
    assert link.is_symlink()


def test_a_file_that_became_a_link_before_a_save_is_set_aside_not_followed(store: Store, outside: Path) -> None:
    traject = store.load(store.summaries()[0].id)
    path = store.path_of(traject.id)
    path.unlink()
    path.symlink_to(outside)
    before = outside.read_bytes()
    traject.set_answer("kan-sterk", "mijn eigen woorden")
    kept = store.save(traject).kept_aside
    assert outside.read_bytes() == before, "the save wrote through the link"
    assert not path.is_symlink() and store.load(traject.id).answers == {"kan-sterk": "mijn eigen woorden"}
    assert kept is not None and kept.is_symlink()
    assert not store.backup_of(traject.id).is_symlink(), "the link became the backup, to be read through later"
    assert holds_secret(store.folder) == []


def test_a_backup_that_is_a_link_is_not_offered(store: Store, outside: Path) -> None:
    traject_id = store.summaries()[0].id
    store.backup_of(traject_id).symlink_to(outside)
    store.path_of(traject_id).write_bytes(b"kapot [[")
    with pytest.raises(DamagedTraject) as caught:
        store.load(traject_id)
    assert caught.value.backup is None
    with pytest.raises(DamagedTraject) as caught:
        store.restore_backup(traject_id)
    assert caught.value.code == "link"
    assert holds_secret(store.folder) == []


def test_a_lock_file_that_is_a_link_is_refused(store: Store, tmp_path: Path) -> None:
    traject_id = store.summaries()[0].id
    elsewhere = tmp_path / "elders-lock"
    store.path_of(traject_id).with_suffix(".lock").symlink_to(elsewhere)
    with pytest.raises(StorageError) as caught:
        store.lock(traject_id)
    assert caught.value.code == "link"
    assert not elsewhere.exists(), "a file was made through the link"


def test_removing_when_the_bin_is_a_link_out_of_the_folder_is_refused(store: Store, tmp_path: Path) -> None:
    traject_id = store.summaries()[0].id
    away = tmp_path / "weg"
    away.mkdir()
    store.trash.symlink_to(away)
    with pytest.raises(StorageError) as caught:
        store.remove(traject_id)
    assert caught.value.code == "trash_link"
    assert list(away.iterdir()) == [], "the traject was moved out through the link"
    assert store.path_of(traject_id).is_file() and store.load(traject_id).name == "Eigen"
    store.lock(traject_id).release()  # and its lock is free again


# --- a data folder that is not a folder ----------------------------------------------------------


def _not_a_folder(tmp_path: Path, kind: str) -> Path:
    if kind == "file":
        path = tmp_path / "data"
        path.write_text("geen map")
        return path
    if kind == "fifo":
        path = tmp_path / "data"
        os.mkfifo(path)
        return path
    return Path("/dev/null")


@pytest.mark.parametrize(
    ("kind", "code"), [("file", "folder_is_file"), ("fifo", "folder_is_special"), ("devnull", "folder_is_special")]
)
def test_a_data_folder_that_is_not_a_folder_is_said_so(
    tmp_path: Path, kind: str, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if kind == "devnull" and not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    folder = _not_a_folder(tmp_path, kind)
    store = Store(folder)
    with pytest.raises(StorageError) as caught:
        store.summaries()
    assert caught.value.code == code
    with pytest.raises(StorageError) as caught:
        store.create("x", "student", "nl")
    assert caught.value.code == code
    assert cli.main(["list", "--data-dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "nog geen trajecten" not in captured.out
    assert str(folder) in captured.err and "--data-dir" in captured.err
    assert ("een bestand, geen map" if kind == "file" else "apparaat") in captured.err
    assert cli.main(["list", "--data-dir", str(folder), "--lang", "en"]) == 1
    assert ("a file, not a folder" if kind == "file" else "a device") in capsys.readouterr().err
    if kind != "devnull":
        assert stat.S_ISREG(os.lstat(folder).st_mode) == (kind == "file"), "left as it was"


async def test_the_app_says_the_data_folder_is_a_file(tmp_path: Path) -> None:
    folder = _not_a_folder(tmp_path, "file")
    app = make_app(Store(folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hint = rendered(app.screen.query_one("#start-hint"))
        assert "is een bestand, geen map" in hint and "USB" not in hint


def test_a_link_target_with_control_characters_never_reaches_the_terminal(store: Store, tmp_path: Path) -> None:
    link = store.folder / "koppeling-000001.toml"
    link.symlink_to(tmp_path / "x\x1b]52;c;aGFjaw==\x07y.toml")
    (summary,) = [s for s in store.summaries() if s.problem_code == "link"]
    assert summary.link_target is not None and "\x1b" not in summary.link_target and "\x07" not in summary.link_target
    with pytest.raises(DamagedTraject) as caught:
        store.load("koppeling-000001")
    assert "\x1b" not in (caught.value.link_target or "") and "\x1b" not in caught.value.reason
