"""A pack to start from: the built-in pack of a language copied, a small commented skeleton, or a
small commented pack that extends the built-in one (`extends = "nl"`: one added prompt, one word).

The skeletons are data, one folder per language in `content/skeleton/<lang>/` and
`content/skeleton/extends/<lang>/`, each a pack that passes `loopbaan check`. Nothing is ever
overwritten: the target folder must be new or empty.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import builtin
from .pack_files import KNOWN_FILES

SKELETON_FOLDER = "skeleton"
EXTENDS_FOLDER = "extends"


class NewPackError(Exception):
    """Why no pack was written: `code` is "not_empty" (a folder with files in it) or "not_folder"."""

    def __init__(self, code: str, target: Path) -> None:
        super().__init__(code, str(target))
        self.code = code
        self.target = target


def skeleton_folder(language: str, *, extends: bool = False) -> Path:
    """The small commented pack for a language (the default language's when there is none); with
    `extends`, the one that extends the built-in pack of that language."""
    root = builtin.content_root() / SKELETON_FOLDER
    if extends:
        root = root / EXTENDS_FOLDER
    folder = root / language
    return folder if folder.is_dir() else root / builtin.DEFAULT_LANGUAGE


def source_folder(language: str, *, minimal: bool, extends: bool = False) -> Path:
    """Where a new pack is copied from: a skeleton (the small one, or the extending one) or the full
    built-in pack of `language`."""
    if minimal or extends:
        return skeleton_folder(language, extends=extends)
    return builtin.pack_folder(language)


def pack_sources(language: str, *, minimal: bool, extends: bool = False) -> dict[str, bytes]:
    """The files of the pack to start from, by name, as bytes (comments and layout kept)."""
    folder = source_folder(language, minimal=minimal, extends=extends)
    return {name: (folder / name).read_bytes() for name in KNOWN_FILES if (folder / name).is_file()}


def _check_target(target: Path) -> None:
    """The target is a new or empty folder; NewPackError otherwise."""
    if not os.path.lexists(target):
        return
    if not target.is_dir() or target.is_symlink():
        raise NewPackError("not_folder", target)
    if any(target.iterdir()):
        raise NewPackError("not_empty", target)


def write_new_pack(target: Path, language: str, *, minimal: bool = False, extends: bool = False) -> tuple[Path, ...]:
    """Write a pack to start from into `target` (made if needed); the files written, in order.
    `minimal`: the small skeleton; `extends`: the small pack that extends the built-in one.

    NewPackError when the target holds anything or is no folder; OSError when writing fails
    (a file written before the failure stays: nothing of the person's is at stake in a new folder).
    """
    sources = pack_sources(language, minimal=minimal, extends=extends)
    _check_target(target)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in sources.items():
        path = target / name
        with path.open("xb") as file:  # "x": never replace a file that appeared meanwhile
            file.write(data)
        written.append(path)
    return tuple(written)
