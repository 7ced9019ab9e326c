"""Read a pack folder into a `Pack`, or into the complete list of what is wrong with it."""

from __future__ import annotations

import difflib
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import builtin
from .messages import NOTHING, Piece
from .model import (
    COMPETENCY_IDS,
    ROADMAP_SECTION,
    CareerPath,
    Kind,
    Option,
    Pack,
    PackInfo,
    Profile,
    Prompt,
    Scale,
    Section,
)
from .problems import Problem
from .tomlsource import EncodingProblem, SourceMap, decode, looks_like_windows_path, scan, syntax_position

PACK_FILE = "pack.toml"
PATHS_FILE = "paths.toml"
SCALES_FILE = "scales.toml"
UI_FILE = "ui.toml"
STEP_FILES = tuple(f"{step}.toml" for step in (*COMPETENCY_IDS, ROADMAP_SECTION))
REQUIRED_FILES = (PACK_FILE, *(f"{step}.toml" for step in COMPETENCY_IDS))
KNOWN_FILES = (PACK_FILE, *STEP_FILES, PATHS_FILE, SCALES_FILE, UI_FILE)
MAX_FILE_BYTES = 1_000_000
LANGUAGES = ("nl", "en")

_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_MAX_ID = 64

TEXT, TEXTS, BOOL, INT, OPTIONS = "text", "texts", "bool", "int", "options"
Spec = Mapping[str, tuple[str, bool]]
"""For each key of a table: its type and whether it is required."""

PACK_SPEC: Spec = {
    "id": (TEXT, True),
    "name": (TEXT, True),
    "language": (TEXT, True),
    "version": (TEXT, False),
    "description": (TEXT, False),
    "authors": (TEXTS, False),
}
PROFILE_SPEC: Spec = {"id": (TEXT, True), "label": (TEXT, True), "description": (TEXT, False)}
STEP_SPEC: Spec = {"name": (TEXT, True), "question": (TEXT, True), "intro": (TEXT, True)}
PROMPT_SPEC: Spec = {
    "id": (TEXT, True),
    "kind": (TEXT, True),
    "label": (TEXT, True),
    "help": (TEXT, False),
    "example": (TEXT, False),
    "profiles": (TEXTS, False),
    "required": (BOOL, False),
    "recall": (TEXTS, False),
    "options": (OPTIONS, False),
    "allow_other": (BOOL, False),
    "scales": (TEXTS, False),
    "then_now": (BOOL, False),
    "paths": (TEXTS, False),
}
KIND_KEYS: Mapping[Kind, frozenset[str]] = {
    Kind.SINGLE_CHOICE: frozenset({"options", "allow_other"}),
    Kind.MULTIPLE_CHOICE: frozenset({"options", "allow_other"}),
    Kind.SCALE: frozenset({"scales", "then_now"}),
    Kind.PATHS: frozenset({"paths"}),
}
KIND_ONLY_KEYS = frozenset().union(*KIND_KEYS.values())
PATH_SPEC: Spec = {
    "id": (TEXT, True),
    "name": (TEXT, True),
    "description": (TEXT, True),
    "examples": (TEXTS, False),
    "asks": (TEXT, False),
    "profiles": (TEXTS, False),
}
SCALE_SPEC: Spec = {
    "id": (TEXT, True),
    "label": (TEXT, True),
    "low": (TEXT, True),
    "high": (TEXT, True),
    "help": (TEXT, False),
    "min": (INT, False),
    "max": (INT, False),
}
OPTION_SPEC: Spec = {"id": (TEXT, True), "label": (TEXT, True)}

# Each file's top level: its tables and whether they are arrays of tables.
FILE_TABLES: Mapping[str, Mapping[str, bool]] = {
    PACK_FILE: {"pack": False, "profile": True},
    PATHS_FILE: {"path": True},
    SCALES_FILE: {"scale": True},
    **{name: {"step": False, "prompt": True} for name in STEP_FILES},
}


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Either a pack (and no problems) or the problems (and no pack)."""

    pack: Pack | None
    problems: tuple[Problem, ...]


def load_pack(folder: Path | str) -> LoadResult:
    """Read and check every file of a pack, gathering all problems before giving up."""
    return _Loader(Path(folder)).load()


def suggestion(name: str, choices: object) -> Piece:
    """"Did you mean X?" when a close match exists."""
    close = difflib.get_close_matches(name, [str(c) for c in choices], n=1, cutoff=0.6)
    return Piece.of("did_you_mean", name=close[0]) if close else NOTHING


def is_slug(value: str) -> bool:
    return len(value) <= _MAX_ID and _SLUG.fullmatch(value) is not None


def _type_name(value: object) -> str:
    names = {str: "tekst/text", bool: "true/false", int: "getal/number", float: "getal/number",
             list: "lijst/list", dict: "tabel/table"}
    return next((name for kind, name in names.items() if type(value) is kind), type(value).__name__)


class _File:
    """One parsed file, with what is needed to point at places in it."""

    def __init__(self, name: str, data: dict[str, Any], source: SourceMap, problems: list[Problem]) -> None:
        self.name = name
        self.data = data
        self.source = source
        self._problems = problems

    def report(self, code: str, table: str = "", index: int = 0, at: str | None = None, /,
               **values: object) -> None:
        line, column = self.source.where(table, index, at)
        self._problems.append(Problem(self.name, code, MappingProxyType(values), line, column))

    def report_at(self, code: str, position: tuple[int | None, int | None], **values: object) -> None:
        self._problems.append(Problem(self.name, code, MappingProxyType(values), *position))


class _Loader:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []
        self.files: dict[str, _File] = {}
        self.broken: set[str] = set()

    def load(self) -> LoadResult:
        if not self._read_folder():
            return LoadResult(None, self._sorted())
        info = self._info()
        profiles = self._items(PACK_FILE, "profile", PROFILE_SPEC, minimum=1)
        paths = self._items(PATHS_FILE, "path", PATH_SPEC)
        scales = self._items(SCALES_FILE, "scale", SCALE_SPEC)
        steps = {name: self._step(name) for name in STEP_FILES if name in self.files}
        ui = self._ui(info.get("language", "nl") if info else "nl")
        self._check_ids(profiles, paths, scales, steps)
        if self.problems:
            return LoadResult(None, self._sorted())
        pack = self._build(info, profiles, paths, scales, steps, ui)
        self._check_coverage(pack)
        if self.problems:
            return LoadResult(None, self._sorted())
        return LoadResult(pack, ())

    def _sorted(self) -> tuple[Problem, ...]:
        return tuple(sorted(self.problems, key=lambda p: (p.file, p.line or 0, p.column or 0)))

    # Files

    def _read_folder(self) -> bool:
        shown = str(self.folder)
        if not self.folder.exists():
            self.problems.append(Problem(shown, "folder_missing"))
            return False
        if not self.folder.is_dir():
            self.problems.append(Problem(shown, "folder_not_dir"))
            return False
        present = sorted(p.name for p in self.folder.iterdir() if p.suffix.lower() == ".toml")
        if not present:
            self.problems.append(Problem(shown, "folder_empty"))
            return False
        for name in present:
            if name not in KNOWN_FILES:
                hint = suggestion(name, KNOWN_FILES)
                self.problems.append(Problem(self._shown(name), "file_unknown", MappingProxyType(
                    {"name": name, "suggestion": hint})))
                continue
            self._read_file(name)
        for name in REQUIRED_FILES:
            if name not in present:
                self.problems.append(Problem(self._shown(name), "file_missing", MappingProxyType({"name": name})))
        return True

    def _shown(self, name: str) -> str:
        return str(self.folder / name)

    def _read_file(self, name: str) -> None:
        self.broken.add(name)  # until it has been read and parsed
        path = self.folder / name
        shown = self._shown(name)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.problems.append(Problem(shown, "file_too_large", MappingProxyType(
                    {"size": size // 1000, "limit": MAX_FILE_BYTES // 1000})))
                return
            raw = path.read_bytes()
        except OSError as error:
            self.problems.append(Problem(shown, "file_unreadable", MappingProxyType(
                {"reason": error.strerror or type(error).__name__})))
            return
        try:
            text = decode(raw)
        except EncodingProblem as error:
            self.problems.append(Problem(shown, error.code, line=error.line, column=error.column))
            return
        source = scan(text)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            self.problems.append(self._syntax_problem(shown, error, source))
            return
        self.files[name] = _File(shown, data, source, self.problems)
        self.broken.discard(name)

    @staticmethod
    def _syntax_problem(shown: str, error: tomllib.TOMLDecodeError, source: SourceMap) -> Problem:
        detail, line, column = syntax_position(error)
        hint: Piece = NOTHING
        if source.duplicates and ("overwrite" in detail or "twice" in detail or line is None):
            key, line, column = source.duplicates[0]
            return Problem(shown, "duplicate_key", MappingProxyType({"key": key}), line, column,
                           source.line_text(line))
        if line is None and source.unterminated:
            line, column = source.unterminated
        text = source.line_text(line)
        if looks_like_windows_path(text):
            hint = Piece("hint_windows_path")
        elif "escape" in detail or "hex value" in detail:
            hint = Piece("hint_escape")
        elif "Unterminated" in detail or "Expected \"'\"" in detail or (
            source.unterminated and source.unterminated[0] == line
        ):
            hint = Piece("hint_unterminated")
        elif "overwrite" in detail or "twice" in detail:
            hint = Piece("hint_duplicate")
        elif "Expected '='" in detail:
            hint = Piece("hint_equals")
        elif "Invalid value" in detail:
            hint = Piece("hint_value")
        if line is None:  # tomllib said "end of document": point at the last line.
            line = max(1, len(source.lines) - (1 if source.lines and not source.lines[-1] else 0))
            column = len(source.line_text(line)) + 1
        return Problem(shown, "toml_syntax", MappingProxyType({"detail": detail, "hint": hint}),
                       line, column, source.line_text(line))

    # Tables

    def _tables(self, name: str, table: str, array: bool) -> list[tuple[int, dict[str, Any]]]:
        """The tables named `table` in a file, checking the file's top level on first use."""
        file = self.files.get(name)
        if file is None:
            return []
        value = file.data.get(table)
        if value is None:
            return []
        if array:
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                file.report("wrong_type", "", 0, table, key=table, where=NOTHING, expected=Piece("type_tables"),
                            actual=_type_name(value))
                return []
            return list(enumerate(value))
        if not isinstance(value, dict):
            file.report("wrong_type", "", 0, table, key=table, where=NOTHING, expected=Piece("type_table"),
                        actual=_type_name(value))
            return []
        return [(0, value)]

    def _check_top_level(self, name: str) -> None:
        file = self.files[name]
        tables = FILE_TABLES[name]
        for key in file.data:
            if key not in tables:
                file.report("key_unknown", "", 0, key, key=key, where=NOTHING, suggestion=suggestion(key, tables))

    def _fields(self, file: _File, table: str, index: int, data: dict[str, Any], spec: Spec,
                where: Piece) -> dict[str, Any]:
        """Check one table against its spec; the values that passed (bad ones are reported)."""
        clean: dict[str, Any] = {}
        for key, value in data.items():
            if key not in spec:
                file.report("key_unknown", table, index, key, key=key, where=where,
                            suggestion=suggestion(key, spec))
                continue
            kind, _ = spec[key]
            checked = self._typed(file, table, index, key, value, kind, where)
            if checked is not None:
                clean[key] = checked
        for key, (_, required) in spec.items():
            if required and key not in data:
                file.report("key_missing", table, index, None, key=key, where=where)
        return clean

    def _typed(self, file: _File, table: str, index: int, key: str, value: Any, kind: str, where: Piece) -> Any:
        expected = {TEXT: "type_text", TEXTS: "type_texts", BOOL: "type_bool", INT: "type_int",
                    OPTIONS: "type_options"}[kind]

        def wrong() -> None:
            file.report("wrong_type", table, index, key, key=key, where=where, expected=Piece(expected),
                        actual=_type_name(value))

        if kind == TEXT:
            if not isinstance(value, str):
                return wrong()
            if not value.strip() and key in ("id", "label", "name", "question", "intro", "low", "high",
                                               "description", "kind"):
                return file.report("empty_text", table, index, key, key=key, where=where)
            return value.strip()
        if kind == TEXTS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return wrong()
            if any(not v.strip() for v in value):
                return file.report("empty_text", table, index, key, key=key, where=where)
            return tuple(v.strip() for v in value)
        if kind == BOOL:
            return value if isinstance(value, bool) else wrong()
        if kind == INT:
            return value if isinstance(value, int) and not isinstance(value, bool) else wrong()
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            return wrong()
        options = [self._fields(file, table, index, item, OPTION_SPEC, where) for item in value]
        return tuple(Option(o["id"], o["label"]) for o in options if len(o) == len(OPTION_SPEC))

    def _items(self, name: str, table: str, spec: Spec, minimum: int = 0) -> list[tuple[_File, int, dict[str, Any]]]:
        file = self.files.get(name)
        if file is None:
            return []
        self._check_top_level(name)
        items = []
        for index, data in self._tables(name, table, array=True):
            where = self._where(table, index, data)
            items.append((file, index, self._fields(file, table, index, data, spec, where)))
        if minimum and table not in file.data:
            file.report("too_few", "", 0, None, key=f"[[{table}]]", minimum=minimum, where=NOTHING)
        return items

    @staticmethod
    def _where(table: str, index: int, data: dict[str, Any]) -> Piece:
        if table == "prompt" and isinstance(data.get("id"), str) and data["id"].strip():
            return Piece.of("in_prompt", id=data["id"])
        return Piece.of("in_item", table=table, number=index + 1)

    # Files of each kind

    def _info(self) -> dict[str, Any] | None:
        file = self.files.get(PACK_FILE)
        if file is None:
            return None
        tables = self._tables(PACK_FILE, "pack", array=False)
        if not tables:
            if "pack" not in file.data:
                file.report("table_missing", table="pack")
            return None
        clean = self._fields(file, "pack", 0, tables[0][1], PACK_SPEC, Piece.of("in_table", table="pack"))
        if "language" in clean and clean["language"] not in LANGUAGES:
            file.report("language_unknown", "pack", 0, "language", language=clean["language"], where=NOTHING)
            return None
        return clean

    def _step(self, name: str) -> tuple[dict[str, Any] | None, list[tuple[_File, int, dict[str, Any]]]]:
        file = self.files[name]
        tables = self._tables(name, "step", array=False)
        step = None
        if tables:
            step = self._fields(file, "step", 0, tables[0][1], STEP_SPEC, Piece.of("in_table", table="step"))
        elif "step" not in file.data:
            file.report("table_missing", table="step")
        prompts = []
        for file_, index, clean in self._items(name, "prompt", PROMPT_SPEC, minimum=1):
            prompts.append((file_, index, self._prompt(file_, index, clean)))
        return step, prompts

    def _prompt(self, file: _File, index: int, clean: dict[str, Any]) -> dict[str, Any]:
        where = self._where("prompt", index, clean)
        if "kind" not in clean:
            return clean
        try:
            kind = Kind(clean["kind"])
        except ValueError:
            choices = [k.value for k in Kind]
            file.report("kind_unknown", "prompt", index, "kind", kind=clean["kind"], where=where,
                        suggestion=suggestion(clean["kind"], choices), choices=", ".join(choices))
            del clean["kind"]
            return clean
        for key in clean.keys() & KIND_ONLY_KEYS - KIND_KEYS.get(kind, frozenset()):
            file.report("key_not_for_kind", "prompt", index, key, key=key, kind=kind.value, where=where)
        if kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE) and len(clean.get("options", ())) < 2:
            file.report("too_few", "prompt", index, "options", key="options", minimum=2, where=where)
        if kind is Kind.SCALE and not clean.get("scales"):
            file.report("too_few", "prompt", index, "scales", key="scales", minimum=1, where=where)
        clean["kind"] = kind
        return clean

    def _ui(self, language: str) -> dict[str, str]:
        reference = builtin.reference_ui("nl")
        values = {**reference, **builtin.reference_ui(language)}
        file = self.files.get(UI_FILE)
        if file is None:
            return values
        for key, value in file.data.items():
            if reference and key not in reference:
                file.report("key_unknown", "", 0, key, key=key, where=NOTHING,
                            suggestion=suggestion(key, reference))
                continue
            if not isinstance(value, str):
                file.report("wrong_type", "", 0, key, key=key, where=NOTHING, expected=Piece("type_text"),
                            actual=_type_name(value))
                continue
            if not value.strip():
                file.report("empty_text", "", 0, key, key=key, where=NOTHING)
                continue
            allowed = _placeholders(reference.get(key, value))
            try:
                used = _placeholders(value)
            except ValueError:
                file.report("ui_braces", "", 0, key, key=key)
                continue
            for name in sorted(used - allowed):
                file.report("ui_placeholder", "", 0, key, key=key, name=name,
                            choices=", ".join(f"{{{a}}}" for a in sorted(allowed)) or "-")
            values[key] = value
        return values

    # Across files

    def _check_ids(self, profiles: list, paths: list, scales: list, steps: dict) -> None:
        # References into a file that could not be read are not checked: its ids are unknown.
        profile_ids = self._known(self._unique(profiles, "profile"), PACK_FILE)
        path_ids = self._known(self._unique(paths, "path"), PATHS_FILE)
        scale_ids = self._known(self._unique(scales, "scale"), SCALES_FILE)
        all_prompts = [item for _, prompts in steps.values() for item in prompts]
        prompt_ids = self._known(self._unique(all_prompts, "prompt"), *STEP_FILES)
        for file, index, path in paths:
            self._refs(file, "path", index, path, "profiles", profile_ids, NOTHING)
        for file, index, scale in scales:
            low, high = scale.get("min", 1), scale.get("max", 5)
            if not low < high or high - low > 10:
                file.report("scale_range", "scale", index, "max", min=low, max=high,
                            where=Piece.of("in_item", table="scale", number=index + 1))
        for file, index, prompt in all_prompts:
            where = self._where("prompt", index, prompt)
            self._refs(file, "prompt", index, prompt, "profiles", profile_ids, where)
            self._refs(file, "prompt", index, prompt, "scales", scale_ids, where)
            self._refs(file, "prompt", index, prompt, "paths", path_ids, where)
            self._refs(file, "prompt", index, prompt, "recall", prompt_ids, where)
            seen: set[str] = set()
            for option in prompt.get("options", ()):
                if not is_slug(option.id):
                    file.report_at("id_not_slug", file.source.find(option.id, "prompt", index),
                                   id=option.id, where=where)
                elif option.id in seen:
                    file.report_at("id_duplicate", file.source.find(option.id, "prompt", index),
                                   id=option.id, other="options")
                seen.add(option.id)
            if prompt.get("kind") is Kind.PATHS and not paths and PATHS_FILE not in self.broken:
                file.report("no_paths", "prompt", index, "kind")

    def _unique(self, items: list[tuple[_File, int, dict[str, Any]]], table: str) -> set[str]:
        seen: dict[str, str] = {}
        for file, index, item in items:
            value = item.get("id")
            if value is None:
                continue
            where = self._where(table, index, item)
            if not is_slug(value):
                file.report("id_not_slug", table, index, "id", id=value, where=where)
            elif value in seen:
                file.report("id_duplicate", table, index, "id", id=value, other=seen[value])
            else:
                line, _ = file.source.where(table, index, "id")
                seen[value] = f"{Path(file.name).name}:{line}" if line else Path(file.name).name
        return set(seen)

    def _known(self, ids: set[str], *files: str) -> set[str] | None:
        return None if self.broken.intersection(files) else ids

    @staticmethod
    def _refs(file: _File, table: str, index: int, item: dict[str, Any], key: str, known: set[str] | None,
              where: Piece) -> None:
        if known is None:
            return
        for ref in item.get(key, ()):
            if ref not in known:
                file.report("ref_unknown", table, index, key, ref=ref, key=key, where=where,
                            suggestion=suggestion(ref, known), choices=", ".join(sorted(known)) or "-")

    def _check_coverage(self, pack: Pack) -> None:
        for section in pack.competencies:
            for profile in pack.profiles:
                if not section.prompts_for(profile.id):
                    file = self.files[f"{section.id}.toml"]
                    file.report("profile_no_prompts", "step", 0, profile=profile.id, step=section.id)

    # Building

    def _build(self, info: dict[str, Any] | None, profiles: list, paths: list, scales: list, steps: dict,
               ui: dict[str, str]) -> Pack:
        assert info is not None
        sections = {}
        for name, (step, prompts) in steps.items():
            assert step is not None
            section_id = name.removesuffix(".toml")
            sections[section_id] = Section(
                id=section_id,
                prompts=tuple(Prompt(**prompt) for _, _, prompt in prompts),
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


def _placeholders(template: str) -> set[str]:
    """The `{name}` fields a UI string uses; ValueError on stray braces."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
