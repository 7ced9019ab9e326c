"""Read a pack folder into a `Pack`, or into the complete list of what is wrong with it.

The jobs are in modules of their own: `pack_files` (the folder and its files), `toml_syntax` (syntax
errors), `pack_schema` (each table's keys, derived from the model), `pack_prompts` (steps, prompts and
kinds), `pack_ui` (ui.toml), `pack_checks` (across files). This module runs them in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from ..words.messages import NOTHING, Piece
from . import builtin
from .model import COMPETENCY_IDS, ROADMAP_SECTION, CareerPath, Pack, PackInfo, Profile, Prompt, Scale, Section
from .pack_checks import check_coverage, check_ids
from .pack_files import (
    KNOWN_FILES,
    MAX_FILE_BYTES,
    PACK_FILE,
    PATHS_FILE,
    REQUIRED_FILES,
    SCALES_FILE,
    STEP_FILES,
    UI_FILE,
    FolderFiles,
    read_folder,
)
from .pack_prompts import Step, read_step
from .pack_schema import (
    PACK_SPEC,
    PATH_SPEC,
    PROFILE_SPEC,
    PROMPT_SPEC,
    SCALE_SPEC,
    STEP_SPEC,
    Fields,
    Item,
    TableAt,
    check_fields,
    items,
    tables,
)
from .pack_signals import check_signals
from .pack_ui import REFERENCE_LANGUAGE, read_ui, reference_words
from .problems import Problem

__all__ = [
    "KNOWN_FILES",
    "LANGUAGES",
    "MAX_FILE_BYTES",
    "PACK_SPEC",
    "PATH_SPEC",
    "PROFILE_SPEC",
    "PROMPT_SPEC",
    "REQUIRED_FILES",
    "SCALE_SPEC",
    "STEP_SPEC",
    "LoadResult",
    "load_pack",
]

LANGUAGES = builtin.LANGUAGES


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Either a pack (and no problems) or the problems (and no pack)."""

    pack: Pack | None
    problems: tuple[Problem, ...]


def load_pack(folder: Path | str) -> LoadResult:
    """Read and check every file of a pack, gathering all problems before giving up."""
    folder = Path(folder)
    problems: list[Problem] = []
    found = read_folder(folder, problems)
    if found is None:
        return _failed(problems)
    pack = _Loader(folder, found, problems).load()
    if problems:
        return _failed(problems)
    assert pack is not None
    return LoadResult(pack, ())


def _failed(problems: list[Problem]) -> LoadResult:
    return LoadResult(None, tuple(sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))))


class _Loader:
    """Each file's tables, checked on their own and then across files, built into a pack."""

    def __init__(self, folder: Path, found: FolderFiles, problems: list[Problem]) -> None:
        self.folder = folder
        self.files = found.files
        self.broken = found.broken
        self.problems = problems  # the files report into the same list

    def load(self) -> Pack | None:
        """The pack, or None when a problem stops it from being built (more may be found after it)."""
        files = self.files
        info = self._info()
        profiles = items(files.get(PACK_FILE), PACK_FILE, "profile", PROFILE_SPEC, minimum=1)
        paths = items(files.get(PATHS_FILE), PATHS_FILE, "path", PATH_SPEC)
        scales = items(files.get(SCALES_FILE), SCALES_FILE, "scale", SCALE_SPEC)
        steps = {name: read_step(files[name], name) for name in STEP_FILES if name in files}
        ui = self._ui(info.get("language", "nl") if info else "nl")
        check_ids(profiles, paths, scales, steps, self.broken)
        check_signals(paths, steps, self.broken)
        if self.problems:
            return None
        pack = self._build(info, profiles, paths, scales, steps, ui)
        check_coverage(pack, files)
        return pack

    def _info(self) -> Fields | None:
        """The [pack] table: what the pack is and its language."""
        file = self.files.get(PACK_FILE)
        if file is None:
            return None
        found = tables(file, "pack", array=False)
        if not found:
            if "pack" not in file.data:
                file.report("table_missing", table="pack")
            return None
        clean = check_fields(TableAt(file, "pack", 0, Piece.of("in_table", table="pack")), found[0][1], PACK_SPEC)
        if "language" in clean and clean["language"] not in LANGUAGES:
            file.report("language_unknown", "pack", 0, "language", language=clean["language"], where=NOTHING)
            return None
        return clean

    def _ui(self, language: str) -> dict[str, str]:
        own = self.files.get(UI_FILE)
        reference = reference_words(self.folder, REFERENCE_LANGUAGE, own)
        defaults = {**reference, **reference_words(self.folder, language, own)}
        return read_ui(own, reference, defaults)

    def _build(
        self,
        info: Fields | None,
        profiles: list[Item],
        paths: list[Item],
        scales: list[Item],
        steps: dict[str, Step],
        ui: dict[str, str],
    ) -> Pack:
        assert info is not None
        sections = {}
        core_marked = any(prompt.get("core") for _, prompts in steps.values() for _, _, prompt in prompts)
        for name, (step, prompts) in steps.items():
            assert step is not None
            section_id = name.removesuffix(".toml")
            sections[section_id] = Section(
                id=section_id,
                prompts=tuple(Prompt(**prompt) for _, _, prompt in prompts),
                core_marked=core_marked,
                **step,
            )
        return Pack(
            info=PackInfo(**info),
            folder=self.folder.resolve(),
            profiles=tuple(Profile(**p) for _, _, p in profiles),
            competencies=tuple(sections[c] for c in COMPETENCY_IDS),
            roadmap=sections.get(ROADMAP_SECTION),
            paths=tuple(CareerPath(**p) for _, _, p in paths),
            scales=tuple(Scale(**s) for _, _, s in scales),
            ui=MappingProxyType(ui),
        )
