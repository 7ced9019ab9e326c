"""Saving a roadmap: safe default file names, and a write that never overwrites unasked."""

from __future__ import annotations

import errno
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loopbaan_tui.domain import export
from loopbaan_tui.domain.export import (
    MAX_NAME,
    WINDOWS_RESERVED,
    default_folder,
    roadmap_filename,
    safe_name,
    write_error_code,
    write_error_message,
    write_new_file,
)
from loopbaan_tui.domain.traject import Traject

DAY = date(2025, 11, 21)


def named(name: str) -> Traject:
    return Traject(id="t-1", name=name, profile="student", pack="nl")


@pytest.mark.parametrize(("name", "expected"), [
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
])
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
    assert write_error_code(not_dir.value) == "folder_missing"
    cases = {
        FileExistsError(errno.EEXIST, "exists"): ("exists", "bestaat al"),
        PermissionError(errno.EACCES, "denied"): ("unwritable", "mag loopbaan niet schrijven"),
        OSError(errno.EROFS, "read-only"): ("unwritable", "mag loopbaan niet schrijven"),
        OSError(errno.ENOSPC, "full"): ("disk_full", "De schijf is vol"),
        OSError(errno.ENAMETOOLONG, "long"): ("bad_name", "te lang"),
        OSError(errno.EIO, "I/O error"): ("other", "(I/O error)"),
    }
    for error, (code, words) in cases.items():
        assert write_error_code(error) == code
        assert words in write_error_message(error, tmp_path / "r.md")
        assert write_error_message(error, tmp_path / "r.md", "en") != write_error_message(error, tmp_path / "r.md")
    message = write_error_message(missing.value, tmp_path / "nergens" / "r.md", "en")
    assert message.startswith(f"The folder {tmp_path / 'nergens'} does not exist.")
