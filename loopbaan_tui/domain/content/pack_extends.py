"""A pack that builds on another (`extends = "nl"` in pack.toml) holds only what it changes.

Its step files add prompts (placed with `after = "id"` or `before = "id"`, else at the end of the
step), replace a prompt by giving one with the same id (in its place, unless placed), and remove
prompts with `remove = ["id", ...]` at the top of a step file; paths.toml and scales.toml add,
replace and remove the same way; pack.toml's `[[profile]]`s add or replace profiles; ui.toml sets
words over the base's. This module finds the base, takes the editing keys out of the files (so the
ordinary checks see plain tables), and lays the changes over the base pack.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from ..words.messages import NOTHING, Piece
from . import builtin
from .condition_checks import Origin
from .model import COMPETENCY_IDS, ROADMAP_SECTION, Pack, Prompt, Section
from .pack_files import PACK_FILE, PATHS_FILE, SCALES_FILE, STEP_FILES, PackFile
from .pack_schema import Fields, Item, type_name, where
from .problems import Problem
from .suggest import suggestion

MAX_CHAIN = 8
"""At most this many packs in a chain of `extends` (a longer one is surely a mistake)."""

_LISTED = {PATHS_FILE: "path", SCALES_FILE: "scale", **{name: "prompt" for name in STEP_FILES}}
"""The files that may say `remove = [...]`, and the array of tables each one edits."""


@dataclass
class Edits:
    """The editing keys of one file: the ids it removes, and where each of its tables goes."""

    remove: list[str] = field(default_factory=list)
    place: dict[int, tuple[str, str]] = field(default_factory=dict)
    """For a table of the file (by number): ("after" or "before", the id it goes beside)."""


def take_edits(files: Mapping[str, PackFile], extending: bool) -> dict[str, Edits]:
    """Take `remove`, `after` and `before` out of every file (reported when the pack extends none)."""
    found: dict[str, Edits] = {}
    for name, table in _LISTED.items():
        file = files.get(name)
        if file is not None:
            found[name] = _take(file, table, extending)
    return found


def _take(file: PackFile, table: str, extending: bool) -> Edits:
    edits = Edits()
    if "remove" in file.data:
        value = file.data.pop("remove")
        if not extending:
            file.report("extends_only", "", 0, "remove", key="remove", where=NOTHING)
        elif isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            edits.remove = [v.strip() for v in value]
        else:
            file.report("wrong_type", "", 0, "remove", key="remove", where=NOTHING, **_texts(value))
    listed = file.data.get(table)
    for index, item in enumerate(listed if isinstance(listed, list) else []):
        if not isinstance(item, dict):
            continue
        keys = [key for key in ("after", "before") if key in item]
        values = {key: item.pop(key) for key in keys}
        at = where(table, index, item)
        if keys and not extending:
            file.report("extends_only", table, index, keys[0], key=keys[0], where=at)
        elif len(keys) > 1:
            file.report("place_both", table, index, keys[1], where=at)
        elif keys and isinstance(values[keys[0]], str) and values[keys[0]].strip():
            edits.place[index] = (keys[0], values[keys[0]].strip())
        elif keys:
            file.report("wrong_type", table, index, keys[0], key=keys[0], where=at, **_text(values[keys[0]]))
    return edits


def _texts(value: object) -> dict[str, object]:
    return {"expected": Piece("type_texts"), "actual": type_name(value)}


def _text(value: object) -> dict[str, object]:
    return {"expected": Piece("type_text"), "actual": type_name(value)}


def extends_of(file: PackFile | None) -> str:
    """What pack.toml's [pack] says it extends ("" for nothing, or a value that is no text)."""
    pack = file.data.get("pack") if file else None
    value = pack.get("extends") if isinstance(pack, dict) else None
    return value.strip() if isinstance(value, str) else ""


def base_folder(folder: Path, extends: str) -> Path:
    """The folder `extends` names: a built-in pack by its language, else a folder relative to this pack's."""
    if extends in builtin.languages() and "/" not in extends and "\\" not in extends:
        return builtin.pack_folder(extends)
    return (folder / extends).resolve()


Load = Callable[[Path, tuple[Path, ...]], tuple[Pack | None, Sequence[Problem]]]
"""Loads a pack folder with the chain of folders that led to it."""


def load_base(
    file: PackFile, folder: Path, chain: tuple[Path, ...], load: Load, problems: list[Problem]
) -> Pack | None:
    """The base pack, or None after a problem at `extends` (missing, a cycle, a chain too long, or broken)."""
    extends = extends_of(file)
    base = base_folder(folder, extends)
    if base in chain or base == folder.resolve():
        names = " → ".join(str(p) for p in (*chain, folder.resolve(), base))
        file.report("extends_cycle", "pack", 0, "extends", chain=names)
        return None
    if len(chain) + 1 >= MAX_CHAIN:
        file.report("extends_too_long", "pack", 0, "extends", limit=MAX_CHAIN)
        return None
    if not (base / PACK_FILE).is_file():
        file.report("extends_missing", "pack", 0, "extends", base=extends, path=str(base))
        return None
    pack, found = load(base, (*chain, folder.resolve()))
    if pack is None:
        file.report("extends_broken", "pack", 0, "extends", base=extends, count=len(found))
        problems.extend(found)  # the base's own problems, each in its own file
    return pack


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


def inherited_ids(base: Pack, edits: Mapping[str, Edits]) -> dict[str, set[str]]:
    """The base's ids a pack that extends it may name, by table (what it removes is gone)."""
    removed = {r for e in edits.values() for r in e.remove}
    return {
        "profile": {p.id for p in base.profiles},
        "path": {p.id for p in base.paths} - removed,
        "scale": {s.id for s in base.scales} - removed,
        "prompt": {p.id for s in base.sections for p in s.prompts} - removed,
    }


def merged(base: Sequence[T], own: Sequence[T], removed: Sequence[str]) -> tuple[T, ...]:
    """The base's items without the removed ones, each replaced by an own one with its id, new ones after."""
    by_id = {item.id: item for item in own}
    kept = [by_id.pop(item.id, item) for item in base if item.id not in removed]
    return (*kept, *by_id.values())


def report_removed(file: PackFile, edits: Edits, known: set[str], table: str) -> None:
    """Every id in `remove` is one the base has."""
    for ref in edits.remove:
        if ref not in known:
            line, column = _remove_position(file, ref)
            file.report_at(
                "remove_unknown",
                (line, column),
                ref=ref,
                table=table,
                suggestion=suggestion(ref, known),
            )


def _remove_position(file: PackFile, ref: str) -> tuple[int | None, int | None]:
    """Where `ref` is written in the file's `remove` list, else where the key is."""
    line, column = file.source.where("", 0, "remove")
    if line is None:
        return line, column
    for number in range(line, min(line + 50, len(file.source.lines) + 1)):
        at = file.source.lines[number - 1].find(f'"{ref}"')
        at = at if at >= 0 else file.source.lines[number - 1].find(f"'{ref}'")
        if at >= 0:
            return number, at + 1
    return line, column


@dataclass
class Extension:
    """What an extending pack writes, checked on its own, ready to lay over the base."""

    steps: Mapping[str, tuple[Fields | None, list[Item]]]
    edits: Mapping[str, Edits]
    origins: dict[str, Origin] = field(default_factory=dict)


def extend_sections(base: Pack, ext: Extension) -> tuple[Section, ...]:
    """The base's steps with the extension's prompts removed, replaced, placed and added, in order."""
    removed = {r for name in STEP_FILES for r in ext.edits.get(name, Edits()).remove}
    lists = {s.id: [p for p in s.prompts if p.id not in removed] for s in base.sections}
    for name in STEP_FILES:
        section_id = name.removesuffix(".toml")
        _, prompts = ext.steps.get(name, (None, []))
        lists.setdefault(section_id, [])
        edits = ext.edits.get(name, Edits())
        for file, index, fields in prompts:
            prompt = Prompt(**fields)
            ext.origins[prompt.id] = (file, index)
            _place(file, index, prompt, edits.place.get(index), lists, section_id)
    core_marked = any(p.core for prompts in lists.values() for p in prompts)
    sections = []
    for section_id in (*COMPETENCY_IDS, ROADMAP_SECTION):
        old = next((s for s in base.sections if s.id == section_id), None)
        step = ext.steps.get(f"{section_id}.toml", (None, []))[0] or {}
        if old is None and not lists[section_id]:
            continue
        if old is None:
            old = Section(section_id, step.get("name", ""), step.get("question", ""), step.get("intro", ""), ())
        sections.append(dataclasses.replace(old, prompts=tuple(lists[section_id]), core_marked=core_marked, **step))
    return tuple(sections)


def _place(
    file: PackFile,
    index: int,
    prompt: Prompt,
    place: tuple[str, str] | None,
    lists: dict[str, list[Prompt]],
    section_id: str,
) -> None:
    """Put one prompt of the extension in its step: in the place of the base's with its id, or beside
    the one `after`/`before` names, or at the end."""
    own = lists[section_id]
    for prompts in lists.values():
        spot = next((i for i, p in enumerate(prompts) if p.id == prompt.id), None)
        if spot is not None and prompts is own and place is None:
            own[spot] = prompt
            return
        if spot is not None:
            del prompts[spot]
    if place is None:
        own.append(prompt)
        return
    key, anchor = place
    spot = next((i for i, p in enumerate(own) if p.id == anchor), None)
    if spot is None:
        ids = [p.id for p in own]
        at = where("prompt", index, {"id": prompt.id})
        shown = ", ".join(ids) or "-"
        hint = suggestion(anchor, ids)
        file.report(
            "place_unknown", "prompt", index, key, key=key, ref=anchor, where=at, choices=shown, suggestion=hint
        )
        own.append(prompt)
        return
    own.insert(spot + 1 if key == "after" else spot, prompt)


def report_still_used(pack: Pack, ext: Extension, files: Mapping[str, PackFile]) -> None:
    """A prompt kept from the base may not name what the extension removed (in `recall`, `paths`,
    `scales`, or its `show_if`): reported at the `remove` that took it away."""
    ids = {
        "recall": {p.id for s in pack.sections for p in s.prompts},
        "paths": {p.id for p in pack.paths},
        "scales": {s.id for s in pack.scales},
    }
    for section in pack.sections:
        for prompt in section.prompts:
            if prompt.id in ext.origins:
                continue
            used = {key: getattr(prompt, key) for key in ids}
            used["recall"] = (*used["recall"], *(prompt.show_if.prompts() if prompt.show_if else ()))
            for key, refs in used.items():
                for ref in refs:
                    if ref not in ids[key]:
                        _report_used(ref, key, prompt.id, ext, files)


def _report_used(ref: str, key: str, user: str, ext: Extension, files: Mapping[str, PackFile]) -> None:
    for name, edits in ext.edits.items():
        if ref in edits.remove:
            file = files[name]
            file.report_at("remove_still_used", _remove_position(file, ref), ref=ref, key=key, user=user)
            return
