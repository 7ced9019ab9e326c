"""The code paths that only Windows takes, driven here by simulating Windows's answers: the lock
through msvcrt, a rename refused while a virus scanner holds the file, a file system without hard
links (FAT and exFAT USB sticks), and device names such as NUL. None of this has run on Windows
itself (README: "Windows").
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import types
from pathlib import Path

import pytest
from apps import MINI

from loopbaan_tui.domain.roadmap import export
from loopbaan_tui.domain.trajects import atomic, traject_lock
from loopbaan_tui.domain.trajects.storage import StorageError, Store, TrajectLocked


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows answers it: a byte range held by another handle refuses LK_NBLCK with
    EACCES (or EDEADLOCK), and each lock starts at the handle's current position."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self, refusal: int = errno.EACCES) -> None:
        super().__init__("msvcrt")
        self.refusal = refusal
        self.held: dict[int, int] = {}  # file (inode) -> the fd that holds its first byte
        self.positions: list[int] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        self.positions.append(os.lseek(fd, 0, os.SEEK_CUR))
        key = os.fstat(fd).st_ino
        if mode == self.LK_NBLCK:
            if self.held.get(key, fd) != fd:
                raise OSError(self.refusal, os.strerror(self.refusal))
            self.held[key] = fd
        elif mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise OSError(errno.EACCES, "not locked by this handle")
            del self.held[key]


@pytest.fixture
def windows_lock(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(traject_lock.sys, "platform", "win32")
    return fake


def test_the_windows_lock_keeps_another_copy_out_until_released(tmp_path: Path, windows_lock: FakeMsvcrt) -> None:
    store = Store(tmp_path)
    traject = store.create("Sanne", "student", str(MINI))
    lock = store.lock(traject.id)
    for refusal in (errno.EACCES, errno.EDEADLOCK):  # the two answers msvcrt gives for a held range
        windows_lock.refusal = refusal
        with pytest.raises(TrajectLocked):
            Store(tmp_path).lock(traject.id)  # another copy of the app
    lock.release()
    assert windows_lock.held == {}
    with Store(tmp_path).lock(traject.id) as again:
        assert again.held
    assert set(windows_lock.positions) == {0}


def test_the_windows_lock_is_taken_at_the_first_byte_wherever_the_file_was_read(
    tmp_path: Path, windows_lock: FakeMsvcrt
) -> None:
    fd = os.open(tmp_path / "x.lock", os.O_RDWR | os.O_CREAT)
    try:
        os.write(fd, b"12345")  # the handle's position is now 5
        assert traject_lock.try_lock(fd)
        os.lseek(fd, 3, os.SEEK_SET)
        traject_lock.unlock(fd)
        assert windows_lock.positions == [0, 0] and windows_lock.held == {}
    finally:
        os.close(fd)


def refuse_renames(monkeypatch: pytest.MonkeyPatch, times: int) -> list[float]:
    """os.replace fails `times` times as Windows does while a scanner holds the file (WinError 32,
    a PermissionError), then works; returns the pauses taken in between (not slept)."""
    real, left, pauses = os.replace, [times], []

    def replace(source: object, target: object) -> None:
        if left[0] > 0:
            left[0] -= 1
            raise PermissionError(errno.EACCES, "The process cannot access the file because it is being used")
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "replace", replace)
    monkeypatch.setattr(atomic.time, "sleep", pauses.append)
    return pauses


def test_a_save_waits_out_a_virus_scanner_that_holds_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path)
    traject = store.create("Sanne", "student", str(MINI))
    traject.set_answer("kan-sterk", "Ik leg goed uit")
    pauses = refuse_renames(monkeypatch, 3)
    store.save(traject)
    assert "Ik leg goed uit" in store.path_of(traject.id).read_text(encoding="utf-8")
    assert pauses == list(atomic.REPLACE_RETRY_DELAYS[:3])
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_hold_that_does_not_end_fails_the_save_plainly_and_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path)
    traject = store.create("Sanne", "student", str(MINI))
    before = store.path_of(traject.id).read_bytes()
    traject.set_answer("kan-sterk", "Nieuw")
    pauses = refuse_renames(monkeypatch, 1_000)
    with pytest.raises(StorageError) as failed:
        store.save(traject)
    assert failed.value.code == "unwritable"
    assert sum(pauses) < 1 and len(pauses) == len(atomic.REPLACE_RETRY_DELAYS)  # a moment, never a hang
    assert store.path_of(traject.id).read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))  # nothing half-written left behind


def test_without_hard_links_saves_and_roadmaps_are_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A FAT or exFAT USB stick has no hard links: Windows answers os.link with WinError 1."""

    def no_link(source: object, target: object) -> None:
        raise OSError(errno.EINVAL, "Incorrect function")

    monkeypatch.setattr(os, "link", no_link)
    store = Store(tmp_path / "stick")
    traject = store.create("Sanne", "student", str(MINI))
    traject.set_answer("kan-sterk", "Eerste versie")
    store.save(traject)
    traject.set_answer("kan-sterk", "Tweede versie")
    store.save(traject)
    assert "Tweede versie" in store.path_of(traject.id).read_text(encoding="utf-8")
    assert "Eerste versie" in store.backup_of(traject.id).read_text(encoding="utf-8")
    written = export.write_new_file(tmp_path / "roadmap.md", "# Roadmap\n")
    assert written.read_text(encoding="utf-8") == "# Roadmap\n"
    with pytest.raises(FileExistsError):
        export.write_new_file(tmp_path / "roadmap.md", "# Anders\n")  # still never overwrites by accident


def test_a_roadmap_to_a_device_name_is_refused_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows NUL, CON, COM1 ... name devices in every folder (os.stat says: a character device)."""
    real_stat = os.stat

    def windows_stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(path)).stem.upper() in export.WINDOWS_RESERVED:
            return os.stat_result((stat.S_IFCHR | 0o666, 0, 0, 1, 0, 0, 0, 0, 0, 0))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(export.os, "stat", windows_stat)
    for name in ("NUL", "con.md", "COM1.html"):
        with pytest.raises(export.NotAFileError) as refused:
            export.write_new_file(tmp_path / name, "# Roadmap\n")
        said = export.write_error_message(refused.value, tmp_path / name, "nl")
        assert name in said and "Traceback" not in said
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no temp file left either


def test_names_windows_keeps_for_devices_never_become_files(tmp_path: Path) -> None:
    store = Store(tmp_path)
    for name in ("CON", "nul", "Com1", "LPT9", "aux"):
        traject = store.create(name, "student", str(MINI))
        assert traject.id.split("-")[0] == name.lower() and traject.id.upper() not in export.WINDOWS_RESERVED
        assert export.safe_name(name, "md") == f"roadmap-{name.lower()}.md"
        with pytest.raises(ValueError):
            store.path_of(name)  # never a file named after a device, even when asked for by that id
