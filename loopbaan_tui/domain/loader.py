"""Read a pack folder into a `Pack`, or into the complete list of what is wrong with it."""

from __future__ import annotations

import difflib
import re
import string
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import builtin
from .kinds import KINDS
from .messages import NOTHING, Piece
from .model import (
    BYLINES,
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
from .tomlsource import (
    EncodingProblem,
    SourceMap,
    decode,
    looks_like_windows_path,
    may_hold_windows_paths,
    scan,
    syntax_position,
)

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
    "core": (BOOL, False),
    "byline": (TEXT, False),
}
KIND_KEYS: Mapping[Kind, frozenset[str]] = {Kind(k.id): k.pack_keys for k in KINDS.values() if k.pack_keys}
"""The kind-specific prompt keys, each kind's own (`PromptKind.pack_keys`)."""
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
    "better": (TEXT, False),
}
BETTER_VALUES = ("high", "low", "neither")
"""A scale's `better`: which end is the better one; "neither" is the same as leaving the key out."""
_BETTER_HINTS = {"hoog": "high", "laag": "low", "geen": "neither", "none": "neither"}
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


def suggestion(name: str, choices: Iterable[object], fallback: Piece = NOTHING) -> Piece:
    """ "Did you mean X?" when a close match exists (ignoring case), else `fallback`."""
    names = [str(c) for c in choices]
    same = [c for c in names if c.lower() == name.lower()]
    close = same or difflib.get_close_matches(name.lower(), names, n=1, cutoff=0.6)
    return Piece.of("did_you_mean", name=close[0]) if close else fallback


def is_slug(value: str) -> bool:
    return len(value) <= _MAX_ID and _SLUG.fullmatch(value) is not None


def _type_name(value: object) -> Piece:
    """What a value is, in words: "a number", "a list"."""
    if isinstance(value, bool):
        return Piece("is_bool")
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return Piece("type_texts")
    names = {str: "is_text", int: "is_number", float: "is_number", list: "is_list", dict: "is_table"}
    return Piece(next((code for kind, code in names.items() if isinstance(value, kind)), "is_date"))


Position = tuple[int | None, int | None]


class _File:
    """One parsed file, with what is needed to point at places in it."""

    def __init__(
        self, name: str, data: dict[str, Any], text: str, problems: list[Problem], source: SourceMap | None = None
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
        self.report_at(code, self.source.where(table, index, at), **values)

    def report_at(self, code: str, position: Position, **values: object) -> None:
        self._problems.append(Problem(self.name, code, MappingProxyType(values), *position))


_OPEN_BRACE = re.compile(r"\{")


class _Loader:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []
        self.files: dict[str, _File] = {}
        # Files whose contents are unknown (missing or unreadable): references into them are not checked.
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

    def _add(
        self, shown: str, code: str, position: Position = (None, None), source_line: str | None = None, **values: object
    ) -> None:
        self.problems.append(Problem(shown, code, MappingProxyType(values), *position, source_line))

    # Files

    def _read_folder(self) -> bool:
        shown = str(self.folder)
        try:
            if not self.folder.exists():
                self._add(shown, "folder_missing")
                return False
            if not self.folder.is_dir():
                self._add(shown, "folder_not_dir")
                return False
            # Hidden files (such as macOS's "._kan.toml" on a USB stick) are not part of a pack.
            names = sorted(p.name for p in self.folder.iterdir() if not p.name.startswith("."))
        except OSError as error:
            self._add(shown, "folder_unreadable", reason=error.strerror or type(error).__name__)
            return False
        present = [name for name in names if name.lower().endswith(".toml")]
        # Notepad saves "kan.toml" as "kan.toml.txt" unless told otherwise.
        misnamed = {name[: -len(".txt")]: name for name in names if name.lower().endswith(".toml.txt")}
        if not present and not misnamed:
            self._add(shown, "folder_empty")
            return False
        for fixed, name in misnamed.items():
            self._add(self._shown(name), "file_txt", name=name, fixed=fixed)
        for name in present:
            if name in KNOWN_FILES:
                self._read_file(name)
            else:
                self._add(
                    self._shown(name),
                    "file_unknown",
                    name=name,
                    known=", ".join(KNOWN_FILES),
                    suggestion=suggestion(name, KNOWN_FILES, Piece("fix_file")),
                )
        for name in REQUIRED_FILES:
            if name not in present:
                self.broken.add(name)
                if name not in misnamed:
                    self._add(self._shown(name), "file_missing", name=name)
        return True

    def _shown(self, name: str) -> str:
        return str(self.folder / name)

    def _read_file(self, name: str) -> None:
        self.broken.add(name)  # until it has been read and parsed
        path = self.folder / name
        shown = self._shown(name)
        raw = b""
        try:
            if path.is_dir():
                self._add(shown, "file_is_folder", name=name)
                return
            if not path.is_file():  # a pipe or a device would block or never end
                self._add(shown, "file_not_regular", name=name)
                return
            size = path.stat().st_size
            if size <= MAX_FILE_BYTES:
                with path.open("rb") as handle:
                    raw = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since
                size = len(raw)
        except OSError as error:
            self._add(shown, "file_unreadable", reason=error.strerror or type(error).__name__)
            return
        if size > MAX_FILE_BYTES:
            self._add(shown, "file_too_large", size=size // 1000, limit=MAX_FILE_BYTES // 1000)
            return
        try:
            text = decode(raw)
        except EncodingProblem as error:
            self._add(shown, error.code, (error.line, error.column))
            return
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            self.problems.append(_syntax_problem(shown, error, scan(text)))
            return
        except RecursionError:
            self._add(shown, "toml_too_deep", scan(text).open_bracket or (None, None))
            return
        source = scan(text) if may_hold_windows_paths(text) else None
        for position in source.windows_paths if source else ():
            self._add(shown, "windows_path", position, source.line_text(position[0]))
        self.files[name] = _File(shown, data, text, self.problems, source)
        if name == UI_FILE:
            builtin.offer_ui(self.folder, data)
        self.broken.discard(name)

    # Tables

    def _tables(self, name: str, table: str, array: bool) -> list[tuple[int, dict[str, Any]]]:
        """The tables named `table` in a file, checking their shape ([x] or [[x]])."""
        file = self.files.get(name)
        if file is None:
            return []
        value = file.data.get(table)
        if value is None:
            return []
        if array:
            if isinstance(value, list) and all(isinstance(v, dict) for v in value):
                return list(enumerate(value))
            if isinstance(value, dict) and (table, 0) in file.source.tables:
                file.report("table_not_array", "", 0, table, table=table)
            else:
                file.report(
                    "wrong_type",
                    "",
                    0,
                    table,
                    key=table,
                    where=NOTHING,
                    expected=Piece("type_tables"),
                    actual=_type_name(value),
                )
            return []
        if isinstance(value, dict):
            return [(0, value)]
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            file.report("table_is_array", "", 0, table, table=table)
        else:
            file.report(
                "wrong_type",
                "",
                0,
                table,
                key=table,
                where=NOTHING,
                expected=Piece("type_table"),
                actual=_type_name(value),
            )
        return []

    def _check_top_level(self, name: str) -> None:
        file = self.files[name]
        tables = FILE_TABLES[name]
        for key in file.data:
            if key not in tables:
                file.report(
                    "key_unknown",
                    "",
                    0,
                    key,
                    key=key,
                    where=NOTHING,
                    suggestion=suggestion(key, tables, Piece("fix_key")),
                )

    def _fields(
        self,
        file: _File,
        table: str,
        index: int,
        data: dict[str, Any],
        spec: Spec,
        where: Piece,
        position: Callable[[], Position] | None = None,
    ) -> dict[str, Any]:
        """Check one table against its spec; the values that passed (bad ones are reported).

        Problems point at each key's line, or at `position()` for tables written inline.
        """

        def report(code: str, at: str | None, /, **values: object) -> None:
            file.report_at(code, position() if position else file.source.where(table, index, at), **values)

        clean: dict[str, Any] = {}
        for key, value in data.items():
            if key not in spec:
                report("key_unknown", key, key=key, where=where, suggestion=suggestion(key, spec, Piece("fix_key")))
                continue
            checked = self._typed(file, table, index, key, value, spec[key][0], where, report)
            if checked is not None:
                clean[key] = checked
        for key, (_, required) in spec.items():
            if required and key not in data:
                report("key_missing", None, key=key, where=where)
        return clean

    def _typed(
        self, file: _File, table: str, index: int, key: str, value: Any, kind: str, where: Piece, report: Any
    ) -> Any:
        """The value if it has the right type (texts stripped), else None after reporting."""
        expected = {
            TEXT: "type_text",
            TEXTS: "type_texts",
            BOOL: "type_bool",
            INT: "type_int",
            OPTIONS: "type_options",
        }[kind]

        def wrong() -> None:
            report("wrong_type", key, key=key, where=where, expected=Piece(expected), actual=_type_name(value))

        if kind == TEXT:
            if not isinstance(value, str):
                return wrong()
            if not value.strip() and key in _NOT_EMPTY:
                return report("empty_text", key, key=key, where=where)
            if control := _CONTROL.search(value):
                return report("text_control", key, key=key, where=where, char=f"U+{ord(control[0]):04X}")
            return value.strip()
        if kind == TEXTS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return wrong()
            if any(not v.strip() for v in value):
                return report("empty_text", key, key=key, where=where)
            if control := next((c for v in value if (c := _CONTROL.search(v))), None):
                return report("text_control", key, key=key, where=where, char=f"U+{ord(control[0]):04X}")
            return tuple(v.strip() for v in value)
        if kind == BOOL:
            return value if isinstance(value, bool) else wrong()
        if kind == INT:
            return value if isinstance(value, int) and not isinstance(value, bool) else wrong()
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            return wrong()
        return self._options(file, index, value, where)

    def _options(self, file: _File, index: int, value: list[dict[str, Any]], where: Piece) -> tuple[Option, ...]:
        """The options of a choice prompt, each checked and pointed at on its own line."""
        prompt_id = dict(where.values).get("id")
        options: list[Option] = []
        seen: set[str] = set()
        for number, item in enumerate(value):

            def at(number: int = number) -> Position:
                """Where this option's inline table starts; looked up only for a problem."""
                key_line, _ = file.source.where("prompt", index, "options")
                return _nth_brace(file.source, key_line, number) if key_line else file.source.where("prompt", index)

            inside = Piece.of("in_option", id=prompt_id, number=number + 1) if prompt_id else where
            option = self._fields(file, "prompt", index, item, OPTION_SPEC, inside, at)
            if len(option) < len(OPTION_SPEC):
                continue
            if not is_slug(option["id"]):
                file.report_at("id_not_slug", at(), id=option["id"], where=inside)
            elif option["id"] in seen:
                file.report_at("option_duplicate", at(), id=option["id"], where=where)
            seen.add(option["id"])
            options.append(Option(option["id"], option["label"]))
        return tuple(options)

    def _items(self, name: str, table: str, spec: Spec, minimum: int = 0) -> list[tuple[_File, int, dict[str, Any]]]:
        file = self.files.get(name)
        if file is None:
            return []
        self._check_top_level(name)
        items = []
        tables = self._tables(name, table, array=True)
        for index, data in tables:
            where = self._where(table, index, data)
            items.append((file, index, self._fields(file, table, index, data, spec, where)))
        value = file.data.get(table, [])
        well_formed = isinstance(value, list) and all(isinstance(v, dict) for v in value)  # else reported
        if len(tables) < minimum and well_formed:
            file.report("too_few", "", 0, table, key=f"[[{table}]]", minimum=minimum, where=NOTHING)
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
        listed = file.data.get("prompt")
        raw = dict(enumerate(listed)) if isinstance(listed, list) else {}
        for file_, index, clean in self._items(name, "prompt", PROMPT_SPEC, minimum=1):
            prompts.append((file_, index, self._prompt(file_, index, clean, raw.get(index, {}))))
        return step, prompts

    def _prompt(self, file: _File, index: int, clean: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
        where = self._where("prompt", index, clean)
        if "kind" not in clean:
            return clean
        try:
            kind = Kind(clean["kind"])
        except ValueError:
            choices = [k.value for k in Kind]
            file.report(
                "kind_unknown",
                "prompt",
                index,
                "kind",
                kind=clean["kind"],
                where=where,
                suggestion=suggestion(clean["kind"], choices),
                choices=", ".join(choices),
            )
            del clean["kind"]
            return clean
        for key in sorted(raw.keys() & KIND_ONLY_KEYS - KIND_KEYS.get(kind, frozenset())):
            file.report("key_not_for_kind", "prompt", index, key, key=key, kind=kind.value, where=where)
            clean.pop(key, None)
        # The kind's own checks (too few options or scales); a value of the wrong type has been reported already.
        for problem in KINDS[kind].check(raw):
            key, minimum = problem.key, problem.minimum
            file.report("too_few", "prompt", index, key, key=key, minimum=minimum, where=where)
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
                file.report(
                    "key_unknown",
                    "",
                    0,
                    key,
                    key=key,
                    where=NOTHING,
                    suggestion=suggestion(key, reference, Piece("fix_key")),
                )
                continue
            if not isinstance(value, str):
                file.report(
                    "wrong_type",
                    "",
                    0,
                    key,
                    key=key,
                    where=NOTHING,
                    expected=Piece("type_text"),
                    actual=_type_name(value),
                )
                continue
            if not value.strip():
                file.report("empty_text", "", 0, key, key=key, where=NOTHING)
                continue
            if control := _CONTROL.search(value):
                file.report("text_control", "", 0, key, key=key, where=NOTHING, char=f"U+{ord(control[0]):04X}")
                continue
            if self._ui_template(file, key, value, reference.get(key)):
                values[key] = value
        return values

    @staticmethod
    def _ui_template(file: _File, key: str, value: str, reference: str | None) -> bool:
        """Whether a UI string's {placeholders} are the ones its built-in version has."""
        if "{" not in value and "}" not in value:  # most words: no placeholders, nothing to check
            return True
        try:
            used = _placeholders(value)
        except ValueError:
            file.report("ui_braces", "", 0, key, key=key)
            return False
        try:
            allowed = {name for name in _placeholders(reference) if name.isidentifier()} if reference else None
        except ValueError:
            allowed = set()
        if allowed is None:  # nothing to compare with: any plain {name} will do
            allowed = {name for name in used if name.isidentifier()}
        wrong = sorted(used - allowed)
        for name in wrong:
            names = ", ".join(f"{{{a}}}" for a in sorted(allowed))
            file.report(
                "ui_placeholder",
                "",
                0,
                key,
                key=key,
                name=name,
                choices=Piece.of("ui_choices", names=names) if allowed else Piece("ui_no_choices"),
            )
        if wrong:
            return False
        try:
            value.format(**dict.fromkeys(used, "1"))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            file.report("ui_braces", "", 0, key, key=key)
            return False
        return True

    # Across files

    def _check_ids(self, profiles: list, paths: list, scales: list, steps: dict) -> None:
        # References into a file that is missing or could not be read are not checked: its ids are unknown.
        profile_ids = self._known(self._unique(profiles, "profile"), PACK_FILE)
        path_ids = self._known(self._unique(paths, "path"), PATHS_FILE)
        scale_ids = self._known(self._unique(scales, "scale"), SCALES_FILE)
        all_prompts = [item for _, prompts in steps.values() for item in prompts]
        prompt_ids = self._known(self._unique(all_prompts, "prompt"), *STEP_FILES)
        for file, index, path in paths:
            self._refs(file, "path", index, path, "profiles", profile_ids, self._where("path", index, path))
        for file, index, scale in scales:
            low, high = scale.get("min", 1), scale.get("max", 5)
            if not low < high or high - low > 10:
                file.report(
                    "scale_range",
                    "scale",
                    index,
                    "max" if "max" in scale else "min",
                    min=low,
                    max=high,
                    where=Piece.of("in_item", table="scale", number=index + 1),
                )
            self._check_better(file, index, scale)
        bylines: dict[str, tuple[_File, int]] = {}
        for file, index, prompt in all_prompts:
            where = self._where("prompt", index, prompt)
            self._check_byline(file, index, prompt, where, bylines)
            self._refs(file, "prompt", index, prompt, "profiles", profile_ids, where)
            self._refs(file, "prompt", index, prompt, "scales", scale_ids, where)
            self._refs(file, "prompt", index, prompt, "paths", path_ids, where)
            self._refs(file, "prompt", index, prompt, "recall", prompt_ids, where)
            if prompt.get("kind") is Kind.PATHS and not paths and PATHS_FILE not in self.broken:
                file.report("no_paths", "prompt", index, "kind")

    def _check_better(self, file: _File, index: int, scale: dict[str, Any]) -> None:
        """`better` is one of BETTER_VALUES; "neither" is stored as no `better` at all."""
        value = scale.get("better")
        if value == "neither":
            del scale["better"]
        elif value is not None and value not in BETTER_VALUES:
            hint = _BETTER_HINTS.get(value.strip().lower())
            where = self._where("scale", index, scale)
            file.report(
                "better_unknown",
                "scale",
                index,
                "better",
                value=value,
                where=where,
                suggestion=Piece.of("did_you_mean", name=hint) if hint else suggestion(value, BETTER_VALUES),
            )
            del scale["better"]

    @staticmethod
    def _check_byline(
        file: _File, index: int, prompt: dict[str, Any], where: Piece, seen: dict[str, tuple[_File, int]]
    ) -> None:
        """`byline` is one of BYLINES, each on one prompt of the pack at most."""
        value = prompt.get("byline")
        if value is None:
            return
        if value not in BYLINES:
            file.report(
                "byline_unknown",
                "prompt",
                index,
                "byline",
                value=value,
                where=where,
                suggestion=suggestion(value, BYLINES),
            )
            del prompt["byline"]
        elif value in seen:
            first, first_index = seen[value]
            line, _ = first.source.where("prompt", first_index, "byline")
            other = f"{Path(first.name).name}:{line}" if line else Path(first.name).name
            file.report("byline_duplicate", "prompt", index, "byline", value=value, where=where, other=other)
        else:
            seen[value] = (file, index)

    def _unique(self, items: list[tuple[_File, int, dict[str, Any]]], table: str) -> set[str]:
        seen: dict[str, tuple[_File, int]] = {}
        for file, index, item in items:
            value = item.get("id")
            if value is None:
                continue
            where = self._where(table, index, item)
            if not is_slug(value):
                file.report("id_not_slug", table, index, "id", id=value, where=where)
            elif value in seen:
                first, first_index = seen[value]  # where the first one stands: looked up only now
                line, _ = first.source.where(table, first_index, "id")
                other = f"{Path(first.name).name}:{line}" if line else Path(first.name).name
                file.report("id_duplicate", table, index, "id", id=value, other=other)
            else:
                seen[value] = (file, index)
        return set(seen)

    def _known(self, ids: set[str], *files: str) -> set[str] | None:
        return None if self.broken.intersection(files) else ids

    @staticmethod
    def _refs(
        file: _File, table: str, index: int, item: dict[str, Any], key: str, known: set[str] | None, where: Piece
    ) -> None:
        if known is None:
            return
        for ref in item.get(key, ()):
            if ref not in known:
                file.report(
                    "ref_unknown",
                    table,
                    index,
                    key,
                    ref=ref,
                    key=key,
                    where=where,
                    suggestion=suggestion(ref, known),
                    choices=", ".join(sorted(known)) or "-",
                )

    def _check_coverage(self, pack: Pack) -> None:
        """Every profile gets a prompt in every step (a core one, when the pack marks core prompts), and a
        career path in every `paths` prompt."""
        for section in pack.competencies:
            for profile in pack.profiles:
                if not section.prompts_for(profile.id):
                    file = self.files[f"{section.id}.toml"]
                    file.report("profile_no_prompts", "step", 0, profile=profile.id, step=section.id)
        for section in pack.sections if pack.has_short_route else ():
            for profile in pack.profiles:
                if section.prompts_for(profile.id) and not section.prompts_for(profile.id, "short"):
                    file = self.files[f"{section.id}.toml"]
                    file.report("profile_no_core", "step", 0, profile=profile.id, step=section.id)
        for section in pack.sections:
            file = self.files[f"{section.id}.toml"]
            for index, prompt in enumerate(section.prompts):  # all of them were built, in file order
                if prompt.kind is not Kind.PATHS or not pack.paths:
                    continue
                for profile in pack.profiles:
                    shown = [
                        p
                        for p in pack.paths
                        if p.for_profile(profile.id) and (not prompt.paths or p.id in prompt.paths)
                    ]
                    if prompt.for_profile(profile.id) and not shown:
                        file.report(
                            "profile_no_paths",
                            "prompt",
                            index,
                            "paths" if prompt.paths else "kind",
                            profile=profile.id,
                            where=Piece.of("in_prompt", id=prompt.id),
                        )

    # Building

    def _build(
        self, info: dict[str, Any] | None, profiles: list, paths: list, scales: list, steps: dict, ui: dict[str, str]
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


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (written as escapes like \\u001b or \\r in TOML): on screen they would steer the
terminal (a title, the clipboard), so a text may hold none; tab and newline are fine."""

_NOT_EMPTY = frozenset({"id", "label", "name", "question", "intro", "low", "high", "description", "kind"})
"""Text keys that may not be empty or only spaces."""


def _nth_brace(source: SourceMap, line: int, nth: int) -> Position:
    """Where the `nth` inline table `{ ... }` starts, from a key's line on."""
    seen = 0
    for number in range(line, len(source.lines) + 1):
        for match in _OPEN_BRACE.finditer(source.lines[number - 1]):
            if seen == nth:
                return number, match.start() + 1
            seen += 1
    return line, 1


def _placeholders(template: str) -> set[str]:
    """The `{name}` fields a UI string uses ("" for `{}`); ValueError on stray braces."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# Syntax errors: tomllib's message (English, fixed words) to our message and a hint.
_SYNTAX: tuple[tuple[str, str, str], ...] = (
    ("Invalid value", "syntax_invalid_value", "hint_value"),
    ("Expected '=' after a key", "syntax_expected_equals", "hint_equals"),
    ("Expected ']' at the end of a table", "syntax_header", ""),
    ("Expected ']]' at the end of an array", "syntax_array_header", ""),
    ("Invalid statement", "syntax_statement", "hint_statement"),
    ("Invalid initial character for a key", "syntax_key_char", "hint_statement"),
    ("Unterminated string", "syntax_unterminated", "hint_unterminated"),
    ('Expected "\'"', "syntax_unterminated", "hint_unterminated"),
    ("Unclosed array", "syntax_unclosed_array", "hint_bracket"),
    ("Unclosed inline table", "syntax_unclosed_table", "hint_bracket"),
    ("Invalid hex value", "syntax_backslash", "hint_escape"),
    ("Unescaped '\\'", "syntax_backslash", "hint_escape"),
    ("Escaped character is not", "syntax_backslash", "hint_escape"),
    ("Cannot overwrite a value", "syntax_overwrite", "hint_duplicate"),
    ("Expected newline or end of document", "syntax_after_value", ""),
    ("Invalid date", "syntax_date", ""),
)
_SMART_QUOTES = frozenset("“”„‘’‚«»")
_INVISIBLE = frozenset("\ufeff\u00a0\u200b\u2060\u202f\u2007")
"""Characters a person cannot see (a byte-order mark, a hard space from Word) that break a line of TOML."""


def _syntax_problem(shown: str, error: tomllib.TOMLDecodeError, source: SourceMap) -> Problem:
    """A TOML syntax error, pointed at the place a person should look, with a hint."""
    detail, line, column = syntax_position(error)

    def problem(code: str, values: dict[str, object], position: tuple[int, int]) -> Problem:
        return Problem(shown, code, MappingProxyType(values), *position, source.line_text(position[0]))

    if detail.startswith("Cannot declare") and source.duplicate_tables:
        name, *position = _at_line(source.duplicate_tables, line)
        return problem("duplicate_table", {"table": name}, (position[0], position[1]))
    if detail.startswith("Cannot overwrite") and source.duplicates:
        name, *position = _at_line(source.duplicates, line)
        return problem("duplicate_key", {"key": name}, (position[0], position[1]))

    code, hint = "syntax_other", ""
    for start, known_code, known_hint in _SYNTAX:
        if detail.startswith(start):
            code, hint = known_code, known_hint
            break
    values: dict[str, object] = {"text": detail}
    illegal = re.match(r"(?:Illegal|Found invalid) character (.+)$", detail)
    duplicate = re.match(r"Duplicate inline table key (.+)$", detail)
    if source.unterminated and source.unterminated[0] == line and "'\\n'" in detail:
        code, hint = "syntax_unterminated", "hint_unterminated"  # a newline inside "..."
    elif (
        source.open_bracket
        and code in ("syntax_invalid_value", "syntax_unclosed_array")
        and (line is None or line >= source.open_bracket[0])
    ):
        code, hint = "syntax_unclosed_array", "hint_bracket"  # a list left open runs into what follows
    elif code in ("syntax_key_char", "syntax_statement", "syntax_invalid_value") and _opens_brace(source, line):
        code, hint = "syntax_unclosed_table", "hint_bracket"  # { ... without its }: the next key looks wrong
    elif illegal:
        code, hint, values = "syntax_illegal_char", "hint_illegal_char", {"char": illegal.group(1)}
    elif duplicate:
        code, hint, values = "syntax_inline_duplicate", "hint_duplicate", {"key": duplicate.group(1)}

    # Point at where the trouble starts: the opening quote or bracket, not the end of the file.
    if code == "syntax_unterminated":
        opened = source.open_multiline if detail.startswith("Unterminated") else None
        line, column = opened or source.unterminated or (line, column)
    elif code == "syntax_unclosed_array" and source.open_bracket:
        line, column = source.open_bracket
    if line is None:  # tomllib said "end of document": point at the last line.
        line = max(1, len(source.lines) - (1 if source.lines and not source.lines[-1] else 0))
        column = len(source.line_text(line)) + 1

    text = source.line_text(line)
    if code == "syntax_backslash" and column and text.rfind("\\", 0, column) >= 0:
        column = text.rfind("\\", 0, column) + 1  # tomllib points past the backslash
    if _SMART_QUOTES.intersection(text):
        hint = "hint_smart_quotes"
    elif _INVISIBLE.intersection(text):
        hint = "hint_invisible_char"
    elif code == "syntax_backslash" and looks_like_windows_path(text):
        hint = "hint_windows_path"
    elif code == "syntax_after_value" and text.count('"') > 2:
        hint = "hint_inner_quote"
    elif code == "syntax_after_value" and text.count("'") > 2:
        hint = "hint_inner_single_quote"
    if code == "syntax_unclosed_table" and "{" in text:
        column = text.rfind("{") + 1  # where the table that was left open begins
    return problem(
        "toml_syntax",
        {"detail": Piece.of(code, **values), "hint": Piece(hint) if hint else NOTHING},
        (line, column or 1),
    )


def _opens_brace(source: SourceMap, line: int | None) -> bool:
    """Whether the line opens more inline tables `{` than it closes."""
    text = source.line_text(line)
    return text.count("{") > text.count("}")


def _at_line(found: list[tuple[str, int, int]], line: int | None) -> tuple[str, int, int]:
    """The entry the parser stopped at, or else the first one."""
    return next((entry for entry in found if entry[1] == line), found[0])
