"""What changed between two versions of a pack that touches answers people already gave.

ODK's rule, in our terms: a published prompt's kind never changes, and a rename is a removal plus
an addition (answers are kept under the prompt's id). So the changes reported are: a prompt,
option, scale, career path or profile that answers point to and that is gone; a kind changed;
a prompt that some profile saw and no longer sees; a then-and-now scale no longer asked then and
now; and, when any of those is found, a version left as it was. Each change is a `Problem` (code
`diff_*` in the catalogue) at the place in the new pack, or in the old one for what was removed.
Additions never touch an answer and are not listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType

from ..words.messages import NOTHING, Piece
from .model import Pack, Prompt, Section
from .pack_files import PACK_FILE, PATHS_FILE
from .problems import Problem
from .tomlsource import EncodingProblem, SourceMap, decode, scan


class _Places:
    """Where a table or key of a pack's file stands, read only when a change needs it."""

    def __init__(self, pack: Pack, shown: Path | None) -> None:
        self.pack = pack
        self.shown = shown or pack.folder
        self._maps: dict[str, SourceMap | None] = {}

    def _map(self, name: str) -> SourceMap | None:
        if name not in self._maps:
            try:
                self._maps[name] = scan(decode((self.pack.folder / name).read_bytes()))
            except (OSError, EncodingProblem):  # a file changed or gone since it was loaded: no position
                self._maps[name] = None
        return self._maps[name]

    def change_at(self, name: str, code: str, table: str, index: int, key: str | None, /, **values: object) -> Problem:
        found = self._map(name)
        line, column = found.where(table, index, key) if found else (None, None)
        source = found.line_text(line) if found and line else None
        return Problem(str(self.shown / name), code, MappingProxyType(values), line, column, source)

    def at_prompt(self, item: Prompt, code: str, key: str | None, /, **values: object) -> Problem:
        """A change at a prompt (its `key`, or the prompt itself) in the file of its step."""
        section = self.pack.section_of(item.id)
        assert section is not None
        index = next(i for i, p in enumerate(section.prompts) if p.id == item.id)
        return self.change_at(f"{section.id}.toml", code, "prompt", index, key, **values)


def _rename_hint(old: Pack, new: Pack, gone: Prompt, section: Section | None) -> Piece:
    """ " Renamed to 'x'? ..." when a new prompt of the same kind stands in the same step; else nothing."""
    if section is None:
        return NOTHING
    same = [p for p in section.prompts if old.prompt(p.id) is None and p.kind is gone.kind]
    best = next((p for p in same if p.label == gone.label), same[0] if same else None)
    return Piece.of("diff_rename_hint", new=best.id, old=gone.id) if best else NOTHING


def _removed_prompts(old: Pack, new: Pack, old_places: _Places) -> Iterator[Problem]:
    for section in old.sections:
        for prompt in section.prompts:
            if new.prompt(prompt.id) is None:
                hint = _rename_hint(old, new, prompt, new.section_of(prompt.id) or _same_step(new, section))
                yield old_places.at_prompt(prompt, "diff_prompt_removed", "id", prompt=prompt.id, hint=hint)


def _same_step(pack: Pack, section: Section) -> Section | None:
    return next((s for s in pack.sections if s.id == section.id), None)


def _changed_prompt(old: Prompt, new: Prompt, old_pack: Pack, places: _Places) -> Iterator[Problem]:
    """What changed in one prompt that keeps its id."""
    if new.kind is not old.kind:
        yield places.at_prompt(new, "diff_kind_changed", "kind", prompt=new.id, old=old.kind.value, new=new.kind.value)
        return
    options = {o.id for o in new.options}
    for option in old.options:
        if option.id not in options:
            yield places.at_prompt(new, "diff_option_removed", "options", prompt=new.id, option=option.id)
    for scale in old.scales:
        if scale not in new.scales:
            yield places.at_prompt(new, "diff_scale_removed", "scales", prompt=new.id, scale=scale)
    if old.then_now and not new.then_now:
        yield places.at_prompt(new, "diff_then_now_off", "then_now", prompt=new.id)
    yield from _lost_paths(old, new, old_pack, places)
    lost = [p.id for p in old_pack.profiles if old.for_profile(p.id) and not new.for_profile(p.id)]
    if lost:
        yield places.at_prompt(new, "diff_profiles_narrowed", "profiles", prompt=new.id, profiles=", ".join(lost))


def _lost_paths(old: Prompt, new: Prompt, old_pack: Pack, places: _Places) -> Iterator[Problem]:
    """Career paths a `paths` prompt offered and no longer offers (a path gone from the pack is reported apart)."""
    if not new.paths:
        return
    for path in old.paths or tuple(p.id for p in old_pack.paths):
        if path not in new.paths and places.pack.path(path) is not None:
            yield places.at_prompt(new, "diff_prompt_path_removed", "paths", prompt=new.id, path=path)


def _removed_items(old: Pack, new: Pack, old_places: _Places) -> Iterator[Problem]:
    """Profiles and career paths of the old pack that the new one no longer has."""
    for index, profile in enumerate(old.profiles):
        if new.profile(profile.id) is None:
            yield old_places.change_at(PACK_FILE, "diff_profile_removed", "profile", index, "id", profile=profile.id)
    for index, path in enumerate(old.paths):
        if new.path(path.id) is None:
            yield old_places.change_at(PATHS_FILE, "diff_path_removed", "path", index, "id", path=path.id)


def compare_packs(
    new: Pack, old: Pack, *, new_shown: Path | None = None, old_shown: Path | None = None
) -> tuple[Problem, ...]:
    """The changes from `old` to `new` that affect answers given with `old` (see the module docstring);
    file names start with `new_shown` / `old_shown` (default: each pack's folder)."""
    old_places, new_places = _Places(old, old_shown), _Places(new, new_shown)
    changes = [*_removed_items(old, new, old_places), *_removed_prompts(old, new, old_places)]
    for section in old.sections:
        for prompt in section.prompts:
            now = new.prompt(prompt.id)
            if now is not None:
                changes += _changed_prompt(prompt, now, old, new_places)
    if changes and new.info.version == old.info.version:
        changes.append(
            new_places.change_at(PACK_FILE, "diff_version_same", "pack", 0, "version", version=new.info.version)
        )
    return tuple(changes)
