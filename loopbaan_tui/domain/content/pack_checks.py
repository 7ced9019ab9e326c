"""Checks across the files of a pack: ids unique, references known, every profile served."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..words.messages import Piece
from .model import Kind, Pack, Prompt, Section
from .pack_files import PACK_FILE, PATHS_FILE, SCALES_FILE, STEP_FILES, PackFile
from .pack_prompts import Step
from .pack_schema import PROMPT_SPEC, SCALE_SPEC, Fields, Item, is_slug, where
from .suggest import suggestion

BETTER_VALUES = (*SCALE_SPEC["better"].choices, "neither")
"""A scale's `better`: which end is the better one; "neither" is the same as leaving the key out."""
_BETTER_HINTS = {"hoog": "high", "laag": "low", "geen": "neither", "none": "neither"}
BYLINES = PROMPT_SPEC["byline"].choices


def check_ids(
    profiles: list[Item],
    paths: list[Item],
    scales: list[Item],
    steps: Mapping[str, Step],
    broken: set[str],
    inherited: Mapping[str, set[str]] | None = None,
) -> None:
    """Ids unique and well-formed, every reference to one known, scales' ranges and ends, bylines.

    `inherited`: for a pack that extends another, the base's ids it may name too, by table."""
    base = inherited or {}

    def known(table: str, ids: set[str], *files: str) -> set[str] | None:
        # References into a file that is missing or could not be read are not checked: its ids are unknown.
        return None if broken.intersection(files) else ids | base.get(table, set())

    profile_ids = known("profile", _unique(profiles, "profile"), PACK_FILE)
    path_ids = known("path", _unique(paths, "path"), PATHS_FILE)
    scale_ids = known("scale", _unique(scales, "scale"), SCALES_FILE)
    all_prompts = [item for _, prompts in steps.values() for item in prompts]
    prompt_ids = known("prompt", _unique(all_prompts, "prompt"), *STEP_FILES)
    for file, index, path in paths:
        _refs(file, "path", index, path, "profiles", profile_ids)
    for file, index, scale in scales:
        _check_range(file, index, scale)
        _check_better(file, index, scale)
    bylines: dict[str, tuple[PackFile, int]] = {}
    for file, index, prompt in all_prompts:
        _check_byline(file, index, prompt, bylines)
        _refs(file, "prompt", index, prompt, "profiles", profile_ids)
        _refs(file, "prompt", index, prompt, "scales", scale_ids)
        _refs(file, "prompt", index, prompt, "paths", path_ids)
        _refs(file, "prompt", index, prompt, "recall", prompt_ids)
        if prompt.get("kind") is Kind.PATHS and not paths and not base.get("path") and PATHS_FILE not in broken:
            file.report("no_paths", "prompt", index, "kind")


def _check_range(file: PackFile, index: int, scale: Fields) -> None:
    """A scale runs from `min` to `max`, at most ten steps apart."""
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


def _check_better(file: PackFile, index: int, scale: Fields) -> None:
    """`better` is one of BETTER_VALUES; "neither" is stored as no `better` at all."""
    value = scale.get("better")
    if value == "neither":
        del scale["better"]
    elif value is not None and value not in BETTER_VALUES:
        hint = _BETTER_HINTS.get(value.strip().lower())
        file.report(
            "better_unknown",
            "scale",
            index,
            "better",
            value=value,
            where=where("scale", index, scale),
            suggestion=Piece.of("did_you_mean", name=hint) if hint else suggestion(value, BETTER_VALUES),
        )
        del scale["better"]


def _check_byline(file: PackFile, index: int, prompt: Fields, seen: dict[str, tuple[PackFile, int]]) -> None:
    """`byline` is one of BYLINES, each on one prompt of the pack at most."""
    value = prompt.get("byline")
    if value is None:
        return
    at = where("prompt", index, prompt)
    if value not in BYLINES:
        suggested = suggestion(value, BYLINES)
        file.report("byline_unknown", "prompt", index, "byline", value=value, where=at, suggestion=suggested)
        del prompt["byline"]
    elif value in seen:
        other = _other(*seen[value], "prompt", "byline")
        file.report("byline_duplicate", "prompt", index, "byline", value=value, where=at, other=other)
    else:
        seen[value] = (file, index)


def _other(file: PackFile, index: int, table: str, key: str) -> str:
    """Where the first of two equal values stands, as `file:line`: looked up only now."""
    line, _ = file.source.where(table, index, key)
    return f"{Path(file.name).name}:{line}" if line else Path(file.name).name


def _unique(found: list[Item], table: str) -> set[str]:
    """The ids of the tables; reported when one is no slug or is used twice."""
    seen: dict[str, tuple[PackFile, int]] = {}
    for file, index, item in found:
        value = item.get("id")
        if value is None:
            continue
        if not is_slug(value):
            file.report("id_not_slug", table, index, "id", id=value, where=where(table, index, item))
        elif value in seen:
            file.report("id_duplicate", table, index, "id", id=value, other=_other(*seen[value], table, "id"))
        else:
            seen[value] = (file, index)
    return set(seen)


def _refs(file: PackFile, table: str, index: int, item: Fields, key: str, known: set[str] | None) -> None:
    """Every id listed under `key` is one of `known` (when the ids are known at all)."""
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
                where=where(table, index, item),
                suggestion=suggestion(ref, known),
                choices=", ".join(sorted(known)) or "-",
            )


def check_coverage(pack: Pack, files: Mapping[str, PackFile]) -> None:
    """Every profile gets a prompt in every step (a core one, when the pack marks core prompts), and a
    career path in every `paths` prompt."""
    for section in pack.competencies:
        for profile in pack.profiles:
            if not section.prompts_for(profile.id):
                file = _step_file(files, section.id)
                file.report("profile_no_prompts", "step", 0, profile=profile.id, step=section.id)
    for section in pack.sections if pack.has_short_route else ():
        for profile in pack.profiles:
            if section.prompts_for(profile.id) and not section.prompts_for(profile.id, "short"):
                file = _step_file(files, section.id)
                file.report("profile_no_core", "step", 0, profile=profile.id, step=section.id)
    for section in pack.sections:
        _check_paths_shown(pack, section, _step_file(files, section.id))


def _step_file(files: Mapping[str, PackFile], section_id: str) -> PackFile:
    """A step's file; for a pack that extends another and leaves the step as it is, its pack.toml."""
    return files.get(f"{section_id}.toml") or files[PACK_FILE]


def _check_paths_shown(pack: Pack, section: Section, file: PackFile) -> None:
    """Every profile that gets a `paths` prompt gets at least one career path in it."""
    if not pack.paths:
        return
    for index, prompt in enumerate(section.prompts):  # all of them were built, in file order
        if prompt.kind is not Kind.PATHS:
            continue
        for profile in pack.profiles:
            if prompt.for_profile(profile.id) and not _paths_shown(pack, prompt, profile.id):
                file.report(
                    "profile_no_paths",
                    "prompt",
                    index,
                    "paths" if prompt.paths else "kind",
                    profile=profile.id,
                    where=Piece.of("in_prompt", id=prompt.id),
                )


def _paths_shown(pack: Pack, prompt: Prompt, profile: str) -> bool:
    return any(p.for_profile(profile) and (not prompt.paths or p.id in prompt.paths) for p in pack.paths)
