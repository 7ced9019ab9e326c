"""Read a pack folder into a `Pack`, or into the complete list of what is wrong with it.

The jobs are in modules of their own: `pack_files` (the folder and its files), `toml_syntax` (syntax
errors), `pack_schema` (each table's keys, derived from the model), `pack_prompts` (steps, prompts and
kinds), `pack_ui` (ui.toml), `pack_checks` (across files). This module runs them in order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from ..words.messages import NOTHING, Piece
from . import builtin
from .condition_checks import Origin, check_conditions
from .model import COMPETENCY_IDS, ROADMAP_SECTION, CareerPath, Pack, PackInfo, Profile, Prompt, Scale, Section
from .pack_checks import check_coverage, check_ids
from .pack_extends import (
    Edits,
    Extension,
    extend_sections,
    inherited_ids,
    load_base,
    merged,
    report_removed,
    report_still_used,
    take_edits,
)
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
    pack, problems = _load(Path(folder), ())
    return LoadResult(pack, ()) if pack is not None else _failed(list(problems))


def _load(folder: Path, chain: tuple[Path, ...]) -> tuple[Pack | None, list[Problem]]:
    """A pack, or the problems; `chain` holds the folders of the packs that extend this one."""
    problems: list[Problem] = []
    found = read_folder(folder, problems)
    if found is None:
        return None, problems
    pack = _Loader(folder, found, problems, chain).load()
    if problems:
        return None, problems
    assert pack is not None
    return pack, []


def _failed(problems: list[Problem]) -> LoadResult:
    return LoadResult(None, tuple(sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))))


class _Loader:
    """Each file's tables, checked on their own and then across files, built into a pack."""

    def __init__(self, folder: Path, found: FolderFiles, problems: list[Problem], chain: tuple[Path, ...]) -> None:
        self.folder = folder
        self.files = found.files
        self.broken = found.broken
        self.problems = problems  # the files report into the same list
        self.chain = chain

    def load(self) -> Pack | None:
        """The pack, or None when a problem stops it from being built (more may be found after it)."""
        files = self.files
        info = self._info()
        extending = bool(info and info.get("extends"))
        edits = take_edits(files, extending)
        base = self._base() if extending else None
        profiles = items(files.get(PACK_FILE), PACK_FILE, "profile", PROFILE_SPEC, minimum=0 if extending else 1)
        paths = items(files.get(PATHS_FILE), PATHS_FILE, "path", PATH_SPEC)
        scales = items(files.get(SCALES_FILE), SCALES_FILE, "scale", SCALE_SPEC)
        steps = {name: read_step(files[name], name, extending) for name in STEP_FILES if name in files}
        ui = self._ui(info.get("language", "nl") if info else "nl", base)
        inherited = inherited_ids(base, edits) if base else None
        check_ids(profiles, paths, scales, steps, self.broken, inherited)
        if base is not None:
            self._check_removed(base, edits)
        check_signals(paths, steps, self.broken)
        if self.problems:
            return None
        if base is None:
            pack, origins = self._build(info, profiles, paths, scales, steps, ui)
        else:
            ext = Extension(steps, edits)
            pack = self._extend(base, info, profiles, paths, scales, ui, ext)
            report_still_used(pack, ext, files)
            origins = ext.origins
        check_coverage(pack, files)
        check_conditions(pack, origins, files.get(PACK_FILE))
        return pack

    def _base(self) -> Pack | None:
        """The pack this one extends, or None after a problem (reported at `extends`)."""
        file = self.files[PACK_FILE]
        return load_base(file, self.folder, self.chain, _load, self.problems)

    def _check_removed(self, base: Pack, edits: Mapping[str, Edits]) -> None:
        known = {
            PATHS_FILE: ({p.id for p in base.paths}, "path"),
            SCALES_FILE: ({s.id for s in base.scales}, "scale"),
        }
        prompt_ids = {p.id for s in base.sections for p in s.prompts}
        for name, file_edits in edits.items():
            ids, table = known.get(name, (prompt_ids, "prompt"))
            report_removed(self.files[name], file_edits, ids, table)

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

    def _ui(self, language: str, base: Pack | None) -> dict[str, str]:
        own = self.files.get(UI_FILE)
        reference = reference_words(self.folder, REFERENCE_LANGUAGE, own)
        if base is not None:  # the base's words (its own changes included), the reference's keys
            return read_ui(own, {**reference, **base.ui}, dict(base.ui))
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
    ) -> tuple[Pack, dict[str, Origin]]:
        """The pack, and where each prompt is written."""
        assert info is not None
        sections = {}
        origins: dict[str, Origin] = {}
        core_marked = any(prompt.get("core") for _, prompts in steps.values() for _, _, prompt in prompts)
        for name, (step, prompts) in steps.items():
            assert step is not None
            section_id = name.removesuffix(".toml")
            origins.update({fields["id"]: (file, index) for file, index, fields in prompts})
            sections[section_id] = Section(
                id=section_id,
                prompts=tuple(Prompt(**prompt) for _, _, prompt in prompts),
                core_marked=core_marked,
                **step,
            )
        pack = Pack(
            info=PackInfo(**info),
            folder=self.folder.resolve(),
            profiles=tuple(Profile(**p) for _, _, p in profiles),
            competencies=tuple(sections[c] for c in COMPETENCY_IDS),
            roadmap=sections.get(ROADMAP_SECTION),
            paths=tuple(CareerPath(**p) for _, _, p in paths),
            scales=tuple(Scale(**s) for _, _, s in scales),
            ui=MappingProxyType(ui),
        )
        return pack, origins

    def _extend(
        self,
        base: Pack,
        info: Fields | None,
        profiles: list[Item],
        paths: list[Item],
        scales: list[Item],
        ui: dict[str, str],
        ext: Extension,
    ) -> Pack:
        """The base pack with this one's changes laid over it."""
        assert info is not None
        if info["language"] != base.info.language:
            self.files[PACK_FILE].report(
                "extends_language", "pack", 0, "language", language=info["language"], base=base.info.language
            )
        sections = extend_sections(base, ext)
        return Pack(
            info=PackInfo(**info),
            folder=self.folder.resolve(),
            profiles=merged(base.profiles, [Profile(**p) for _, _, p in profiles], ()),
            competencies=tuple(s for s in sections if s.id != ROADMAP_SECTION),
            roadmap=next((s for s in sections if s.id == ROADMAP_SECTION), None),
            paths=merged(base.paths, [CareerPath(**p) for _, _, p in paths], ext.edits.get(PATHS_FILE, Edits()).remove),
            scales=merged(base.scales, [Scale(**s) for _, _, s in scales], ext.edits.get(SCALES_FILE, Edits()).remove),
            ui=MappingProxyType(ui),
        )
