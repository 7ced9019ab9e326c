"""The files of a pack folder: which names belong in it, and reading each one safely into TOML data."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from ..words.messages import Piece
from .model import COMPETENCY_IDS, ROADMAP_SECTION
from .problems import Problem
from .suggest import suggestion
from .toml_syntax import syntax_problem
from .tomlsource import EncodingProblem, SourceMap, decode, may_hold_windows_paths, scan

PACK_FILE = "pack.toml"
PATHS_FILE = "paths.toml"
SCALES_FILE = "scales.toml"
UI_FILE = "ui.toml"
STEP_FILES = tuple(f"{step}.toml" for step in (*COMPETENCY_IDS, ROADMAP_SECTION))
REQUIRED_FILES = (PACK_FILE, *(f"{step}.toml" for step in COMPETENCY_IDS))
KNOWN_FILES = (PACK_FILE, *STEP_FILES, PATHS_FILE, SCALES_FILE, UI_FILE)
MAX_FILE_BYTES = 1_000_000

Position = tuple[int | None, int | None]
"""A 1-based line and column, either of them unknown (None)."""


def problem(
    shown: str, code: str, position: Position = (None, None), source_line: str | None = None, **values: object
) -> Problem:
    """A problem in the file (or folder) shown as `shown`."""
    return Problem(shown, code, MappingProxyType(values), *position, source_line)


class PackFile:
    """One parsed file, with what is needed to point at places in it."""

    def __init__(
        self, name: str, data: dict[str, object], text: str, problems: list[Problem], source: SourceMap | None = None
    ) -> None:
        self.name = name
        self.data = data
        self._text = text
        self._source = source
        self._problems = problems

    @property
    def source(self) -> SourceMap:
        """Where each table and key stands: scanned only when a problem needs a position (a good
        pack never needs one, and scanning costs as much as parsing)."""
        if self._source is None:
            self._source = scan(self._text)
        return self._source

    def report(self, code: str, table: str = "", index: int = 0, at: str | None = None, /, **values: object) -> None:
        """A problem at `at` (a key) in the `index`th table named `table`, or at that table."""
        self.report_at(code, self.source.where(table, index, at), **values)

    def report_at(self, code: str, position: Position, **values: object) -> None:
        self._problems.append(Problem(self.name, code, MappingProxyType(values), *position))


@dataclass
class FolderFiles:
    """The files of a folder that could be read and parsed, by name, and the ones that could not."""

    files: dict[str, PackFile] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)
    """Files whose contents are unknown (missing or unreadable): references into them are not checked."""


def read_folder(folder: Path, problems: list[Problem]) -> FolderFiles | None:
    """Every known file of the folder, parsed; None when the folder itself cannot be a pack."""
    names = _names(folder, problems)
    if names is None:
        return None
    present = [name for name in names if name.lower().endswith(".toml")]
    # Notepad saves "kan.toml" as "kan.toml.txt" unless told otherwise.
    misnamed = {name[: -len(".txt")]: name for name in names if name.lower().endswith(".toml.txt")}
    if not present and not misnamed:
        problems.append(problem(str(folder), "folder_empty"))
        return None
    found = FolderFiles()
    for fixed, name in misnamed.items():
        problems.append(problem(str(folder / name), "file_txt", name=name, fixed=fixed))
    for name in present:
        if name not in KNOWN_FILES:
            suggested = suggestion(name, KNOWN_FILES, Piece("fix_file"))
            known = ", ".join(KNOWN_FILES)
            problems.append(problem(str(folder / name), "file_unknown", name=name, known=known, suggestion=suggested))
        elif (file := read_file(folder / name, problems)) is not None:
            found.files[name] = file
        else:
            found.broken.add(name)
    # A pack that extends another needs only its pack.toml: the rest comes from the base.
    required = (PACK_FILE,) if _extends(found.files.get(PACK_FILE)) else REQUIRED_FILES
    for name in required:
        if name not in present:
            found.broken.add(name)
            if name not in misnamed:
                problems.append(problem(str(folder / name), "file_missing", name=name))
    return found


def _extends(file: PackFile | None) -> bool:
    """Whether pack.toml names a pack this one extends (then the step files are the base's)."""
    pack = file.data.get("pack") if file else None
    value = pack.get("extends") if isinstance(pack, dict) else None
    return isinstance(value, str) and bool(value.strip())


def _names(folder: Path, problems: list[Problem]) -> list[str] | None:
    """The names in the folder, sorted; None (after a problem) when it is missing or unreadable."""
    shown = str(folder)
    try:
        if not folder.exists():
            problems.append(problem(shown, "folder_missing"))
            return None
        if not folder.is_dir():
            problems.append(problem(shown, "folder_not_dir"))
            return None
        # Hidden files (such as macOS's "._kan.toml" on a USB stick) are not part of a pack.
        return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as error:
        problems.append(problem(shown, "folder_unreadable", reason=error.strerror or type(error).__name__))
        return None


def read_file(path: Path, problems: list[Problem]) -> PackFile | None:
    """One file read, decoded and parsed; None (after a problem) when it cannot be."""
    shown = str(path)
    raw = _read_bytes(path, problems)
    if raw is None:
        return None
    try:
        text = decode(raw)
    except EncodingProblem as error:
        problems.append(problem(shown, error.code, (error.line, error.column)))
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.append(syntax_problem(shown, error, scan(text)))
        return None
    except RecursionError:
        problems.append(problem(shown, "toml_too_deep", scan(text).open_bracket or (None, None)))
        return None
    source = scan(text) if may_hold_windows_paths(text) else None
    if source is not None:
        for position in source.windows_paths:
            problems.append(problem(shown, "windows_path", position, source.line_text(position[0])))
    return PackFile(shown, data, text, problems, source)


def _read_bytes(path: Path, problems: list[Problem]) -> bytes | None:
    """The file's bytes, at most MAX_FILE_BYTES of them; None (after a problem) when it cannot be read."""
    shown = str(path)
    raw = b""
    try:
        if path.is_dir():
            problems.append(problem(shown, "file_is_folder", name=path.name))
            return None
        if not path.is_file():  # a pipe or a device would block or never end
            problems.append(problem(shown, "file_not_regular", name=path.name))
            return None
        size = path.stat().st_size
        if size <= MAX_FILE_BYTES:
            with path.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since
            size = len(raw)
    except OSError as error:
        problems.append(problem(shown, "file_unreadable", reason=error.strerror or type(error).__name__))
        return None
    if size > MAX_FILE_BYTES:
        problems.append(problem(shown, "file_too_large", size=size // 1000, limit=MAX_FILE_BYTES // 1000))
        return None
    return raw
