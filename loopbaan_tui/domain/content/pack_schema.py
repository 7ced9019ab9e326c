"""What each table of a pack may hold, derived from the model's dataclasses, and the checks of each value.

A key of a table is a field of its dataclass: its type comes from the annotation, and it is required when
the field has no default. `NOT_KEYS` names the fields a pack file does not write itself.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal, TypeGuard

from ..words.messages import NOTHING, Piece
from .condition_parse import parse as parse_condition
from .conditions import Condition
from .model import CareerPath, Option, PackInfo, Profile, Prompt, Scale, Section, Signal, Suggestion
from .pack_files import PACK_FILE, PATHS_FILE, SCALES_FILE, STEP_FILES, PackFile, Position
from .suggest import suggestion

TEXT, TEXTS, BOOL, INT, OPTIONS, CONDITION = "text", "texts", "bool", "int", "options", "condition"
SIGNALS, SUGGESTIONS = "signals", "suggestions"

_TYPES: Mapping[object, str] = {
    str: TEXT,
    tuple[str, ...]: TEXTS,
    bool: BOOL,
    int: INT,
    tuple[Option, ...]: OPTIONS,
    Condition: CONDITION,
    tuple[Signal, ...]: SIGNALS,
    tuple[Suggestion, ...]: SUGGESTIONS,
}
"""The annotation of a field, and the kind of TOML value its key takes."""

NOT_KEYS: Mapping[type, frozenset[str]] = {
    Section: frozenset({"id", "prompts", "core_marked"}),  # the file's name, its [[prompt]]s, the pack's core marks
}
"""Fields of the model that no table of a pack sets with a key of its own."""


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One key of a table: the kind of value it takes, whether it must be there, and its allowed values."""

    type: str
    required: bool
    choices: tuple[str, ...] = ()
    """For a Literal or an enum field: the values it may have (checked where the value is used)."""


Spec = Mapping[str, KeySpec]
"""For each key of a table, in the order of the dataclass's fields: what it takes."""

Fields = dict[str, Any]
"""The values of a table that passed their checks, ready to be a dataclass's keyword arguments (hence Any:
each key has its own type, which only the dataclass names)."""


def spec_of(model: type) -> Spec:
    """The keys of the table that becomes a `model`, read from its fields."""
    skipped = NOT_KEYS.get(model, frozenset())
    return types.MappingProxyType(
        {
            field.name: _key_spec(model, field.name, _annotation(model, field), _required(field))
            for field in dataclasses.fields(model)
            if field.name not in skipped
        }
    )


def _annotation(model: type, field: dataclasses.Field[object]) -> object:
    """A field's type; written as text (`from __future__ import annotations`), read in the model's module."""
    if isinstance(field.type, str):
        return _evaluated(model.__module__, field.type)
    return field.type


@functools.cache
def _evaluated(module: str, annotation: str) -> object:
    """The type an annotation names (cached: the same few are written many times, and start-up counts)."""
    return eval(annotation, vars(sys.modules[module]))  # a model's own annotation, not input


def _required(field: dataclasses.Field[object]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _key_spec(model: type, name: str, annotation: object, required: bool) -> KeySpec:
    """A field's annotation as a key: `X | None` is X that may be left out; Literal and enums are texts."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        annotation, *others = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if others:
            raise TypeError(f"{model.__name__}.{name}: a key has one type, not {annotation} and {others}")
    if typing.get_origin(annotation) is Literal:
        return KeySpec(TEXT, required, tuple(str(arg) for arg in typing.get_args(annotation)))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return KeySpec(TEXT, required, tuple(str(member.value) for member in annotation))
    if annotation not in _TYPES:
        raise TypeError(f"{model.__name__}.{name}: no pack key can hold a {annotation}; add it to NOT_KEYS")
    return KeySpec(_TYPES[annotation], required)


PACK_SPEC = spec_of(PackInfo)
PROFILE_SPEC = spec_of(Profile)
STEP_SPEC = spec_of(Section)
PROMPT_SPEC = spec_of(Prompt)
PATH_SPEC = spec_of(CareerPath)
SCALE_SPEC = spec_of(Scale)
OPTION_SPEC = spec_of(Option)
SIGNAL_SPEC = spec_of(Signal)
SUGGESTION_SPEC = spec_of(Suggestion)

# Each file's top level: its tables and whether they are arrays of tables.
FILE_TABLES: Mapping[str, Mapping[str, bool]] = {
    PACK_FILE: {"pack": False, "profile": True},
    PATHS_FILE: {"path": True},
    SCALES_FILE: {"scale": True},
    **{name: {"step": False, "prompt": True} for name in STEP_FILES},
}

_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_MAX_ID = 64

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (written as escapes like \\u001b or \\r in TOML): on screen they would steer the
terminal (a title, the clipboard), so a text may hold none; tab and newline are fine."""

_NOT_EMPTY = frozenset({"id", "label", "name", "question", "intro", "low", "high", "description", "kind", "what"})
"""Text keys that may not be empty or only spaces."""

Item = tuple[PackFile, int, Fields]
"""A table of an array of tables: its file, which one it is (0-based), and its checked values."""


def is_slug(value: str) -> bool:
    return len(value) <= _MAX_ID and _SLUG.fullmatch(value) is not None


def type_name(value: object) -> Piece:
    """What a value is, in words: "a number", "a list"."""
    if isinstance(value, bool):
        return Piece("is_bool")
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return Piece("type_texts")
    for kind, code in _TYPE_WORDS:
        if isinstance(value, kind):
            return Piece(code)
    return Piece("is_date")


_TYPE_WORDS: tuple[tuple[type, str], ...] = (
    (str, "is_text"),
    (int, "is_number"),
    (float, "is_number"),
    (list, "is_list"),
    (dict, "is_table"),
)


def where(table: str, index: int, data: Mapping[str, object]) -> Piece:
    """How a message names a table: a prompt by its id, anything else by its number."""
    prompt_id = data.get("id")
    if table == "prompt" and isinstance(prompt_id, str) and prompt_id.strip():
        return Piece.of("in_prompt", id=prompt_id)
    return Piece.of("in_item", table=table, number=index + 1)


@dataclass(frozen=True, slots=True)
class TableAt:
    """A table being checked: its file, its name and number, how messages name it, and where it stands.

    Problems point at each key's line, or at `position()` for a table written inline.
    """

    file: PackFile
    table: str
    index: int
    where: Piece
    position: Callable[[], Position] | None = None

    def report(self, code: str, key: str | None, /, **values: object) -> None:
        at = self.position() if self.position else self.file.source.where(self.table, self.index, key)
        self.file.report_at(code, at, **values)


def check_fields(at: TableAt, data: Mapping[str, object], spec: Spec) -> Fields:
    """Check one table against its spec; the values that passed (bad ones are reported)."""
    clean: Fields = {}
    for key, value in data.items():
        if key not in spec:
            at.report("key_unknown", key, key=key, where=at.where, suggestion=suggestion(key, spec, Piece("fix_key")))
            continue
        checked = _CHECKS[spec[key].type](at, key, value)
        if checked is not None:
            clean[key] = checked
    for key, key_spec in spec.items():
        if key_spec.required and key not in data:
            at.report("key_missing", None, key=key, where=at.where)
    return clean


def _wrong(at: TableAt, key: str, value: object, expected: str) -> None:
    """Report a value of the wrong type (so that the check's result is None)."""
    at.report("wrong_type", key, key=key, where=at.where, expected=Piece(expected), actual=type_name(value))


def check_text(at: TableAt, key: str, value: str) -> str | None:
    """The text, stripped; None when it is empty where it may not be, or holds a control character."""
    if not value.strip() and key in _NOT_EMPTY:
        at.report("empty_text", key, key=key, where=at.where)
        return None
    if control := CONTROL.search(value):
        at.report("text_control", key, key=key, where=at.where, char=f"U+{ord(control[0]):04X}")
        return None
    return value.strip()


def _text(at: TableAt, key: str, value: object) -> str | None:
    if isinstance(value, str):
        return check_text(at, key, value)
    _wrong(at, key, value, "type_text")
    return None


def _texts(at: TableAt, key: str, value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _wrong(at, key, value, "type_texts")
        return None
    if any(not v.strip() for v in value):
        at.report("empty_text", key, key=key, where=at.where)
        return None
    if control := next((c for v in value if (c := CONTROL.search(v))), None):
        at.report("text_control", key, key=key, where=at.where, char=f"U+{ord(control[0]):04X}")
        return None
    return tuple(v.strip() for v in value)


def _bool(at: TableAt, key: str, value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    _wrong(at, key, value, "type_bool")
    return None


def _int(at: TableAt, key: str, value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    _wrong(at, key, value, "type_int")
    return None


def _options(at: TableAt, key: str, value: object) -> tuple[Option, ...] | None:
    """The options of a choice prompt, each checked and pointed at on its own line."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        _wrong(at, key, value, "type_options")
        return None
    prompt_id = dict(at.where.values).get("id")
    file, index = at.file, at.index
    options: list[Option] = []
    seen: set[str] = set()
    for number, item in enumerate(value):

        def position(number: int = number) -> Position:
            """Where this option's inline table starts; looked up only for a problem."""
            key_line, _ = file.source.where("prompt", index, "options")
            return file.source.nth_inline_table(key_line, number) if key_line else file.source.where("prompt", index)

        inside = Piece.of("in_option", id=prompt_id, number=number + 1) if prompt_id else at.where
        option = check_fields(TableAt(file, "prompt", index, inside, position), item, OPTION_SPEC)
        if any(key not in option for key, spec in OPTION_SPEC.items() if spec.required):
            continue
        if not is_slug(option["id"]):
            file.report_at("id_not_slug", position(), id=option["id"], where=inside)
        elif option["id"] in seen:
            file.report_at("option_duplicate", position(), id=option["id"], where=at.where)
        seen.add(option["id"])
        options.append(Option(**option))
    return tuple(options)


def _condition(at: TableAt, key: str, value: object) -> Condition | None:
    """A `show_if` table read into a condition (its shape only: what it names is checked on the whole pack)."""
    return parse_condition(value, at, key)


def entry_position(file: PackFile, table: str, index: int, key: str, number: int) -> Position:
    """Where the `number`th inline table (0-based) under `key` of a table starts; looked up only for a problem."""
    key_line, _ = file.source.where(table, index, key)
    return file.source.nth_inline_table(key_line, number) if key_line else file.source.where(table, index)


def entry_where(table: str, index: int, key: str, number: int) -> Piece:
    """How a message names an inline table (0-based `number`) of a list: "(path no. 2, signals no. 3)"."""
    return Piece.of("in_entry", table=table, item=index + 1, key=key, number=number + 1)


def _entries(at: TableAt, key: str, value: object, spec: Spec, expected: str) -> list[Fields] | None:
    """A list of inline tables of one shape, each checked and pointed at on its own line; only the
    complete ones are kept."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        _wrong(at, key, value, expected)
        return None
    kept = []
    for number, item in enumerate(value):

        def position(number: int = number) -> Position:
            return entry_position(at.file, at.table, at.index, key, number)

        fields = check_fields(
            TableAt(at.file, at.table, at.index, entry_where(at.table, at.index, key, number), position), item, spec
        )
        if all(name in fields for name, key_spec in spec.items() if key_spec.required):
            kept.append(fields)
    return kept


def _signals(at: TableAt, key: str, value: object) -> tuple[Signal, ...] | None:
    """A path's signals, in shape only: what they refer to is checked in pack_signals."""
    found = _entries(at, key, value, SIGNAL_SPEC, "type_signals")
    return None if found is None else tuple(Signal(**fields) for fields in found)


def _suggestions(at: TableAt, key: str, value: object) -> tuple[Suggestion, ...] | None:
    found = _entries(at, key, value, SUGGESTION_SPEC, "type_suggestions")
    return None if found is None else tuple(Suggestion(**fields) for fields in found)


_CHECKS: Mapping[str, Callable[[TableAt, str, object], object]] = {
    TEXT: _text,
    TEXTS: _texts,
    BOOL: _bool,
    INT: _int,
    OPTIONS: _options,
    CONDITION: _condition,
    SIGNALS: _signals,
    SUGGESTIONS: _suggestions,
}
"""For each type of key: its check, giving the clean value or None (after reporting)."""


def is_tables(value: object) -> TypeGuard[list[dict[str, object]]]:
    """Whether a value is an array of tables (`[[x]]`, or a list of inline tables)."""
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def tables(file: PackFile, table: str, array: bool) -> list[tuple[int, dict[str, object]]]:
    """The tables named `table` in a file, checking their shape ([x] or [[x]])."""
    value = file.data.get(table)
    if value is None:
        return []
    if array and is_tables(value):
        return list(enumerate(value))
    if not array and isinstance(value, dict):
        return [(0, value)]
    if array and isinstance(value, dict) and (table, 0) in file.source.tables:
        file.report("table_not_array", "", 0, table, table=table)
    elif not array and value and is_tables(value):
        file.report("table_is_array", "", 0, table, table=table)
    else:
        expected = Piece("type_tables" if array else "type_table")
        file.report("wrong_type", "", 0, table, key=table, where=NOTHING, expected=expected, actual=type_name(value))
    return []


def check_top_level(file: PackFile, name: str) -> None:
    """Every name at a file's top level is one of its tables."""
    known = FILE_TABLES[name]
    for key in file.data:
        if key not in known:
            suggested = suggestion(key, known, Piece("fix_key"))
            file.report("key_unknown", "", 0, key, key=key, where=NOTHING, suggestion=suggested)


def items(file: PackFile | None, name: str, table: str, spec: Spec, minimum: int = 0) -> list[Item]:
    """Each `[[table]]` of a file, checked against its spec; at least `minimum` of them."""
    if file is None:
        return []
    check_top_level(file, name)
    found = tables(file, table, array=True)
    checked = [
        (file, index, check_fields(TableAt(file, table, index, where(table, index, data)), data, spec))
        for index, data in found
    ]
    well_formed = is_tables(file.data.get(table, []))  # else reported
    if len(found) < minimum and well_formed:
        file.report("too_few", "", 0, table, key=f"[[{table}]]", minimum=minimum, where=NOTHING)
    return checked
