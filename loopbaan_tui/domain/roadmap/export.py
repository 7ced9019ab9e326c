"""Writing a roadmap to a file: a safe default name, a folder to offer, a write that never clobbers."""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from datetime import date
from pathlib import Path

from ..content.model import Pack
from ..trajects import atomic
from ..trajects.traject import Traject
from ..words.messages import message

FORMATS = ("md", "html")
MAX_NAME = 80
"""The longest default file name, extension included (well within every file system's limit)."""

WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
)
"""Names Windows keeps for devices, with or without an extension (COM0 and LPT0 too, to be safe)."""
_TRANSLITERATE = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
    }
)
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_UNWRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_BAD_NAME = {errno.ENAMETOOLONG, errno.EINVAL}
NAME_MAX = 255
"""The longest file name most file systems take (bytes on POSIX, characters on Windows)."""


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits joined by hyphens ("Één-op-één!" -> "een-op-een")."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def safe_name(stem: str, ext: str) -> str:
    """A file name from any stem: a slug, never empty or Windows-reserved, at most MAX_NAME long."""
    ext = re.sub(r"[^a-z0-9]", "", ext.lower())[:10] or "md"
    base = slug(stem)[: MAX_NAME - len(ext) - 1].strip("-") or "roadmap"
    if base.split(".")[0].upper() in WINDOWS_RESERVED:
        base = f"roadmap-{base}"
    return f"{base}.{ext}"


def roadmap_filename(traject: Traject, today: date | None = None, ext: str = "md") -> str:
    """The default file name: `roadmap-<name>-<date>.<ext>`, safe on every system, at most 80 long."""
    day = (today or date.today()).isoformat()
    room = MAX_NAME - len("roadmap--") - len(day) - len(ext) - 1
    name = slug(traject.name)[: max(0, room)].strip("-")
    return safe_name(f"roadmap-{name}-{day}" if name else f"roadmap-{day}", ext)


def default_folder() -> Path:
    """Where to offer to save a roadmap: the user's Documents folder if there is one, else home."""
    try:
        from platformdirs import user_documents_path

        documents = user_documents_path()
        if documents.is_dir():
            return documents
    except Exception:  # a broken platform lookup just means "use home"
        pass
    return Path.home()


def render(
    pack: Pack,
    traject: Traject,
    fmt: str = "md",
    *,
    include_empty: bool = False,
    include_private: bool = False,
    today: date | None = None,
    include_older: bool = False,
    include_fit: bool = False,
) -> str:
    """The roadmap's text in a format ("md" or "html")."""
    options = {
        "include_empty": include_empty,
        "include_private": include_private,
        "include_older": include_older,
        "include_fit": include_fit,
    }
    if fmt == "html":
        from .roadmap_html import build_html

        return build_html(pack, traject, today=today, **options)
    if fmt != "md":
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    from .roadmap import build_markdown

    return build_markdown(pack, traject, today=today, **options)


class NotAFileError(OSError):
    """The name belongs to a device, a pipe or a socket: loopbaan writes only ordinary files."""


class ReadOnlyFileError(PermissionError):
    """The file exists and is read-only (or held by another program): it is not replaced."""


def write_new_file(path: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write text (UTF-8, mode 0o600) atomically; FileExistsError if the file exists and not `overwrite`.

    Only an ordinary, writable file is ever replaced: a folder raises IsADirectoryError, a device,
    pipe or socket NotAFileError, a read-only file ReadOnlyFileError, with or without `overwrite`.
    The text goes to a temp file in the same folder, is fsynced, then takes the final name: by a
    hard link when not overwriting (so a file that appears meanwhile is not clobbered either),
    else by `os.replace`. Other failures are the OS's own `OSError`s; `write_error_message` words them.
    """
    target = Path(path)
    folder = target.parent
    _check_folder(folder)
    _check_target(target)
    if not overwrite and os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, "the file exists", str(target))
    try:
        temp = atomic.write_temp(folder, f".{target.name[:40]}.", text.encode("utf-8"))
    except FileNotFoundError as error:  # a folder that takes no new files, such as /proc
        if not folder.is_dir():
            raise
        raise PermissionError(errno.EACCES, "no files can be made here", str(folder)) from error
    try:
        if overwrite:
            _replace(temp, target)
        else:
            _link_new(temp, target)
    finally:
        atomic.unlink_quietly(temp)  # gone already after a replace; the extra name after a link
    atomic.fsync_folder(folder)
    return target


def _check_folder(folder: Path) -> None:
    """Raise unless `folder` is a folder: NotADirectoryError naming a file on the way, else FileNotFoundError."""
    try:
        if stat.S_ISDIR(os.stat(folder).st_mode):
            return
    except (FileNotFoundError, NotADirectoryError):
        pass
    above = folder
    while not os.path.exists(above) and above.parent != above:
        above = above.parent
    if os.path.exists(above) and not os.path.isdir(above):
        raise NotADirectoryError(errno.ENOTDIR, "a file, not a folder", str(above))
    raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))


def _check_target(target: Path) -> None:
    """Raise when what is at `target` (a link followed) is anything but an ordinary writable file."""
    try:
        info = os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there, or a link to nothing: the name is free, or taken by the link
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileError(errno.EPERM, "not an ordinary file", str(target))
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):  # by its mode, also for root
        raise ReadOnlyFileError(errno.EACCES, "the file is read-only", str(target))


def _replace(temp: Path, target: Path) -> None:
    """Replace the file at `target`; one that cannot be replaced (immutable, held open) is named as the file."""
    try:
        atomic.replace(temp, target)
    except PermissionError as error:
        if not os.path.lexists(target):
            raise
        raise ReadOnlyFileError(errno.EACCES, "the file cannot be replaced", str(target)) from error


def _link_new(temp: Path, target: Path) -> None:
    """Give the temp file the target's name only if that name is free."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except (OSError, NotImplementedError):  # a file system without hard links (FAT, some shares)
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "the file exists", str(target)) from None
        atomic.replace(temp, target)


def write_error_code(error: OSError) -> str:
    """What went wrong, as a code: exists, not_a_file, read_only, is_folder, parent_is_file, folder_missing,
    unwritable, disk_full, name_too_long, bad_name, other."""
    for kinds, code in _ERROR_TYPES:
        if isinstance(error, kinds):
            return code
    if error.errno == errno.ENOTDIR:
        return "parent_is_file"
    if isinstance(error, FileNotFoundError) or error.errno == errno.ENOENT:
        return "folder_missing"
    return _errno_code(error)


_ERROR_TYPES: tuple[tuple[type[OSError], str], ...] = (
    (FileExistsError, "exists"),
    (NotAFileError, "not_a_file"),
    (ReadOnlyFileError, "read_only"),
    (IsADirectoryError, "is_folder"),
    (NotADirectoryError, "parent_is_file"),
)
"""Errors that say by their type what went wrong (checked in this order)."""


def _errno_code(error: OSError) -> str:
    """What went wrong, by the error number (the error's type said nothing more specific)."""
    number = error.errno
    if number in _DISK_FULL:
        return "disk_full"
    if isinstance(error, PermissionError) or number in _UNWRITABLE:
        return "unwritable"
    if number == errno.ENAMETOOLONG:
        return "name_too_long"
    if number in _BAD_NAME:
        return "bad_name"
    return "other"


_WRITE_WORDS = {
    "exists": "write_exists",
    "not_a_file": "write_not_a_file",
    "read_only": "write_read_only",
    "is_folder": "write_is_folder",
    "parent_is_file": "write_parent_is_file",
    "folder_missing": "write_folder_missing",
    "unwritable": "write_unwritable",
    "disk_full": "write_disk_full",
    "name_too_long": "write_name_too_long",
    "path_too_long": "write_path_too_long",
    "bad_name": "write_bad_name",
    "other": "write_other",
}
"""The words for each `write_error_code` (and "path_too_long")."""


def write_error_message(error: OSError, path: str | os.PathLike[str], lang: str = "nl") -> str:
    """A sentence for people: what went wrong writing `path`, and what to do about it."""
    target = Path(path)
    code = write_error_code(error)
    folder = Path(error.filename) if code == "parent_is_file" and error.filename else target.parent
    name = target.name
    if code == "name_too_long":
        if len(os.fsencode(name)) <= NAME_MAX:  # each name fits: the whole path is too long
            code = "path_too_long"
        else:
            name = f"{name[:24]}…"
    stem, _, ext = target.name.rpartition(".")
    shorter = safe_name((stem or ext)[:40], ext if stem else "md")
    return message(
        _WRITE_WORDS[code],
        lang,
        path=target,
        folder=folder,
        name=name,
        length=len(target.name),
        shorter=shorter,
        reason=error.strerror or type(error).__name__,
    )
