"""Saving a roadmap: safe default file names, and a write that never overwrites unasked."""

from __future__ import annotations

import errno
import os
import socket
import stat
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loopbaan_tui.domain.roadmap import export
from loopbaan_tui.domain.roadmap.export import (
    MAX_NAME,
    WINDOWS_RESERVED,
    default_folder,
    roadmap_filename,
    safe_name,
    write_error_code,
    write_error_message,
    write_new_file,
)
from loopbaan_tui.domain.trajects.traject import Traject

DAY = date(2025, 11, 21)


def named(name: str) -> Traject:
    return Traject(id="t-1", name=name, profile="student", pack="nl")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mijn loopbaan", "roadmap-mijn-loopbaan-2025-11-21.md"),
        ("Één-op-één met Loïs & Zoë!", "roadmap-een-op-een-met-lois-zoe-2025-11-21.md"),
        ("Straße Ærø", "roadmap-strasse-aero-2025-11-21.md"),
        ("", "roadmap-2025-11-21.md"),
        ("   ", "roadmap-2025-11-21.md"),
        ("🎓🍎", "roadmap-2025-11-21.md"),
        ("ложка 先生", "roadmap-2025-11-21.md"),
        ("../../etc/passwd", "roadmap-etc-passwd-2025-11-21.md"),
        ("C:\\Users\\x", "roadmap-c-users-x-2025-11-21.md"),
        ("CON", "roadmap-con-2025-11-21.md"),
    ],
)
def test_default_names(name: str, expected: str) -> None:
    assert roadmap_filename(named(name), DAY) == expected


def test_long_names_are_cut_and_keep_the_date() -> None:
    name = roadmap_filename(named("heel " * 100), DAY, "html")
    assert len(name) <= MAX_NAME and name.endswith("-2025-11-21.html") and "--" not in name


@pytest.mark.parametrize("stem", ["CON", "con", "Nul", "aux", "PRN", "com1", "LPT9", "com0", "con.txt", "Com7.tar"])
def test_reserved_windows_names_are_never_made(stem: str) -> None:
    name = safe_name(stem, "md")
    assert name.split(".")[0].upper() not in WINDOWS_RESERVED
    assert name.startswith("roadmap-") or "-" in name


@given(st.text(), st.text(max_size=20))
def test_any_name_gives_a_safe_file_name(name: str, ext: str) -> None:
    result = roadmap_filename(named(name), DAY, ext)
    assert 0 < len(result) <= MAX_NAME
    assert result.isascii() and "/" not in result and "\\" not in result and ".." not in result
    stem, suffix = result.rsplit(".", 1)
    assert stem.split(".")[0].upper() not in WINDOWS_RESERVED
    assert suffix and suffix.isalnum() and not result.startswith(("-", "."))
    assert all(c.isalnum() or c in "-." for c in result)


def test_default_folder_is_an_existing_folder() -> None:
    assert default_folder().is_dir()


# --- writing ------------------------------------------------------------------------------------


def test_write_new_file_writes_privately(tmp_path: Path) -> None:
    target = write_new_file(tmp_path / "r.md", "Één regel\n")
    assert target.read_bytes() == "Één regel\n".encode()
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_write_new_file_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("van mij", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_new_file(target, "nieuw")
    assert target.read_text(encoding="utf-8") == "van mij"
    write_new_file(target, "nieuw", overwrite=True)
    assert target.read_text(encoding="utf-8") == "nieuw"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_dangling_link_counts_as_existing(tmp_path: Path) -> None:
    link = tmp_path / "r.md"
    link.symlink_to(tmp_path / "elders.md")
    with pytest.raises(FileExistsError):
        write_new_file(link, "x")
    assert not (tmp_path / "elders.md").exists()


def test_without_hard_links_it_still_refuses_and_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*_: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_new_file(tmp_path / "r.md", "eerste")
    with pytest.raises(FileExistsError):
        write_new_file(tmp_path / "r.md", "tweede")
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == "eerste"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_a_file_appearing_meanwhile_is_not_clobbered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.md"
    real_write_temp = export.atomic.write_temp

    def write_temp_then_someone_else(folder: Path, prefix: str, data: bytes) -> Path:
        temp = real_write_temp(folder, prefix, data)
        target.write_text("van iemand anders", encoding="utf-8")
        return temp

    monkeypatch.setattr(export.atomic, "write_temp", write_temp_then_someone_else)
    with pytest.raises(FileExistsError):
        write_new_file(target, "van ons")
    assert target.read_text(encoding="utf-8") == "van iemand anders"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_write_failures_have_codes_and_words(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as missing:
        write_new_file(tmp_path / "nergens" / "r.md", "x")
    with pytest.raises(IsADirectoryError) as folder:
        write_new_file(tmp_path, "x")
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    with pytest.raises(OSError) as not_dir:
        write_new_file(tmp_path / "bestand" / "r.md", "x")
    assert write_error_code(missing.value) == "folder_missing"
    assert write_error_code(folder.value) == "is_folder"
    assert write_error_code(not_dir.value) == "parent_is_file"
    cases = {
        FileExistsError(errno.EEXIST, "exists"): ("exists", "bestaat al"),
        PermissionError(errno.EACCES, "denied"): ("unwritable", "mag loopbaan niet schrijven"),
        OSError(errno.EROFS, "read-only"): ("unwritable", "mag loopbaan niet schrijven"),
        OSError(errno.ENOSPC, "full"): ("disk_full", "De schijf is vol"),
        OSError(errno.ENAMETOOLONG, "long"): ("name_too_long", "te lang"),
        OSError(errno.EINVAL, "invalid"): ("bad_name", "tekens die niet mogen"),
        OSError(errno.EIO, "I/O error"): ("other", "(I/O error)"),
    }
    for error, (code, words) in cases.items():
        assert write_error_code(error) == code
        assert words in write_error_message(error, tmp_path / "r.md")
        assert write_error_message(error, tmp_path / "r.md", "en") != write_error_message(error, tmp_path / "r.md")
    message = write_error_message(missing.value, tmp_path / "nergens" / "r.md", "en")
    assert message.startswith(f"The folder {tmp_path / 'nergens'} does not exist.")


# --- what --force may replace, and the words for each failure (branch cli) -----------------------


def _special_files(folder: Path) -> dict[str, Path]:
    """A named pipe, a device node (root only), a socket and a folder, each where a roadmap could go."""
    made: dict[str, Path] = {}
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.md")
        made["pipe"] = folder / "pipe.md"
    if hasattr(os, "mknod"):
        try:  # a copy of /dev/full's node: as root, --force once turned the device itself into a file
            os.mknod(folder / "device.md", 0o600 | stat.S_IFCHR, os.makedev(1, 7))
            made["device"] = folder / "device.md"
        except OSError:  # not root, or a file system without device nodes
            pass
    if hasattr(socket, "AF_UNIX") and len(str(folder / "socket.md")) < 100:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(folder / "socket.md"))
        server.close()
        made["socket"] = folder / "socket.md"
    (folder / "folder.md").mkdir()
    made["folder"] = folder / "folder.md"
    return made


@pytest.mark.skipif(os.name != "posix", reason="pipes, devices and sockets")
@pytest.mark.parametrize("overwrite", [False, True])
def test_only_regular_files_are_ever_replaced(tmp_path: Path, overwrite: bool) -> None:
    made = _special_files(tmp_path)
    link = tmp_path / "link.md"
    link.symlink_to(made["pipe"])
    for kind, path in [*made.items(), ("link to a pipe", link)]:
        before = os.lstat(path)
        with pytest.raises(OSError) as refused:
            write_new_file(path, "x", overwrite=overwrite)
        after = os.lstat(path)
        assert (stat.S_IFMT(after.st_mode), after.st_ino) == (stat.S_IFMT(before.st_mode), before.st_ino), kind
        expected = "is_folder" if kind == "folder" else "not_a_file"
        assert write_error_code(refused.value) == expected, kind
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*(p.name for p in made.values()), "link.md"])
    message = write_error_message(export.NotAFileError(errno.EPERM, "x"), made["pipe"])
    assert message.startswith(f"{made['pipe']} is geen gewoon bestand") and "Kies een andere naam" in message
    assert "not an ordinary file" in write_error_message(export.NotAFileError(errno.EPERM, "x"), made["pipe"], "en")


def test_not_a_file_is_an_oserror_the_roadmap_screen_catches() -> None:
    assert issubclass(export.NotAFileError, OSError) and not issubclass(export.NotAFileError, FileExistsError)
    assert issubclass(export.ReadOnlyFileError, OSError) and not issubclass(export.ReadOnlyFileError, FileExistsError)


def test_a_read_only_file_is_never_replaced_and_called_a_file(tmp_path: Path) -> None:
    target = tmp_path / "x.toml"
    target.write_text("van mij", encoding="utf-8")
    target.chmod(0o444)
    for overwrite in (False, True):
        with pytest.raises(export.ReadOnlyFileError) as refused:
            write_new_file(target, "nieuw", overwrite=overwrite)
        assert write_error_code(refused.value) == "read_only"
    assert target.read_text(encoding="utf-8") == "van mij"
    message = write_error_message(refused.value, target)
    assert message.startswith(f"Het bestand {target} is alleen-lezen") and "In de map" not in message
    assert write_error_message(refused.value, target, "en").startswith(f"The file {target} is read-only")


def test_a_file_that_cannot_be_replaced_is_named_as_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "r.md"
    target.write_text("van mij", encoding="utf-8")

    def held(*_: object) -> None:  # an immutable file, or on Windows one another program holds open
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(export.atomic, "replace", held)
    with pytest.raises(export.ReadOnlyFileError) as refused:
        write_new_file(target, "nieuw", overwrite=True)
    assert write_error_code(refused.value) == "read_only"
    assert target.read_text(encoding="utf-8") == "van mij"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_a_file_where_a_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    for path in (tmp_path / "bestand" / "r.md", tmp_path / "bestand" / "sub" / "r.md"):
        with pytest.raises(NotADirectoryError) as refused:
            write_new_file(path, "x")
        assert write_error_code(refused.value) == "parent_is_file"
        message = write_error_message(refused.value, path)
        assert message.startswith(f"{tmp_path / 'bestand'} is een bestand, geen map") and "bestaat niet" not in message
        english = write_error_message(refused.value, path, "en")
        assert english.startswith(f"{tmp_path / 'bestand'} is a file, not a folder")
    assert (tmp_path / "bestand").read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_folder_that_takes_no_files() -> None:
    with pytest.raises(OSError) as refused:
        write_new_file("/proc/x.md", "x")
    assert write_error_code(refused.value) == "unwritable"
    message = write_error_message(refused.value, "/proc/x.md")
    assert "In de map /proc mag loopbaan niet schrijven" in message and "bestaat niet" not in message


def test_a_name_too_long(tmp_path: Path) -> None:
    path = tmp_path / ("lang" * 75 + ".md")
    with pytest.raises(OSError) as refused:
        write_new_file(path, "x")
    assert write_error_code(refused.value) == "name_too_long"
    message = write_error_message(refused.value, path)
    assert "te lang" in message and "303 tekens" in message and "Kies een kortere naam" in message
    assert "langlanglang" in message and len(message) < 300, "a shorter name is suggested, not the long one repeated"
    assert "too long" in write_error_message(refused.value, path, "en")
    deep = tmp_path / "/".join(["map"] * 1500) / "r.md"
    with pytest.raises(OSError) as refused:
        write_new_file(deep, "x")
    assert write_error_code(refused.value) == "name_too_long"
    assert "Het pad naar" in write_error_message(refused.value, deep)
    assert list(tmp_path.iterdir()) == []
