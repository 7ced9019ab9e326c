"""The `show_if` conditions of a whole pack checked: what they name exists, comes earlier in the order
the user sees (after `extends` placed every prompt), is of a kind the test fits, and can be true; and
no step loses its last core prompt to a condition."""

from __future__ import annotations

from collections.abc import Mapping

from ..words.messages import Piece
from .conditions import Answered, Condition, Has, InProfile, OnPrompt, Score, depends_only_on_profile
from .model import Kind, Pack, Prompt, Section
from .pack_files import PackFile
from .suggest import suggestion

Origin = tuple[PackFile, int]
"""Where a prompt is written: its file and which [[prompt]] of it (0-based)."""

PICKED_KINDS = (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE, Kind.PATHS)
"""The kinds whose answer `has = "..."` can look into."""


class _Place:
    """Where problems of one condition are reported: the prompt's `show_if` (or `options`) key, or for a
    prompt the pack took over from its base unchanged, the `extends` key of pack.toml."""

    def __init__(self, origin: Origin | None, pack_file: PackFile | None, key: str, where: Piece) -> None:
        self.origin, self.pack_file, self.key, self.where = origin, pack_file, key, where

    def report(self, code: str, **values: object) -> None:
        if self.origin is not None:
            file, index = self.origin
            file.report(code, "prompt", index, self.key, where=self.where, **values)
        elif self.pack_file is not None:
            self.pack_file.report(code, "pack", 0, "extends", where=self.where, **values)


def check_conditions(pack: Pack, origins: Mapping[str, Origin], pack_file: PackFile | None) -> None:
    """Every condition of the pack's prompts and options, and the core prompts they may hide."""
    seen: dict[str, Prompt] = {}
    for section in pack.sections:
        for prompt in section.prompts:
            origin = origins.get(prompt.id)
            if prompt.show_if is not None:
                place = _Place(origin, pack_file, "show_if", Piece.of("in_prompt", id=prompt.id))
                _check(pack, prompt.show_if, seen, place)
            for number, option in enumerate(prompt.options):
                if option.show_if is not None:
                    where = Piece.of("in_option", id=prompt.id, number=number + 1)
                    _check(pack, option.show_if, seen, _Place(origin, pack_file, "options", where))
            seen[prompt.id] = prompt
        _check_core(pack, section, origins, pack_file)


def _check(pack: Pack, condition: Condition, seen: Mapping[str, Prompt], place: _Place) -> None:
    for leaf in condition.leaves():
        if isinstance(leaf, InProfile):
            known = [p.id for p in pack.profiles]
            for profile in leaf.profiles:
                if profile not in known:
                    _unknown_value(place, "profile", profile, "-", known)
        elif isinstance(leaf, OnPrompt):
            _check_on_prompt(pack, leaf, seen, place)


def _check_on_prompt(pack: Pack, leaf: OnPrompt, seen: Mapping[str, Prompt], place: _Place) -> None:
    target = seen.get(leaf.prompt)
    if target is None and pack.prompt(leaf.prompt) is None:
        if place.origin is None:  # a base's prompt: the `remove` that took its prompt away is reported
            return
        ids = [p.id for s in pack.sections for p in s.prompts]
        place.report("condition_prompt_unknown", ref=leaf.prompt, suggestion=suggestion(leaf.prompt, ids))
        return
    if target is None:
        place.report("condition_forward", ref=leaf.prompt)
        return
    if isinstance(leaf, Has):
        _check_has(pack, leaf, target, place)
    elif isinstance(leaf, Score):
        _check_score(pack, leaf, target, place)
    else:
        assert isinstance(leaf, Answered)


def _check_has(pack: Pack, leaf: Has, target: Prompt, place: _Place) -> None:
    if target.kind not in PICKED_KINDS:
        kinds = ", ".join(k.value for k in PICKED_KINDS)
        place.report("condition_kind", test="has", ref=target.id, kind=target.kind.value, kinds=kinds)
        return
    if target.kind is Kind.PATHS:
        ids = list(target.paths) or [p.id for p in pack.paths]
    else:
        ids = [o.id for o in target.options]
    if leaf.value not in ids:
        _unknown_value(place, "has", leaf.value, target.id, ids)


def _check_score(pack: Pack, leaf: Score, target: Prompt, place: _Place) -> None:
    if target.kind is not Kind.SCALE:
        place.report("condition_kind", test="scale", ref=target.id, kind=target.kind.value, kinds=Kind.SCALE.value)
        return
    if leaf.scale not in target.scales:
        _unknown_value(place, "scale", leaf.scale, target.id, list(target.scales))
        return
    scale = pack.scale(leaf.scale)
    if scale is None:
        return
    low = scale.min if leaf.at_least is None else leaf.at_least
    high = scale.max if leaf.at_most is None else leaf.at_most
    if low > high or low > scale.max or high < scale.min:
        place.report("condition_range", scale=scale.id, low=low, high=high, min=scale.min, max=scale.max)


def _unknown_value(place: _Place, key: str, value: str, ref: str, ids: list[str]) -> None:
    choices = ", ".join(ids) or "-"
    place.report("condition_value", key=key, value=value, ref=ref, suggestion=suggestion(value, ids), choices=choices)


def always_shown(prompt: Prompt, profile: str) -> bool:
    """Whether a prompt is shown to this profile whatever the answers (no condition, or one on the
    profile alone that holds)."""
    condition = prompt.show_if
    return condition is None or (depends_only_on_profile(condition) and condition.holds(_OnlyProfile(profile)))


class _OnlyProfile:
    """Facts with a profile and no answers."""

    def __init__(self, profile: str) -> None:
        self.profile = profile

    def picked(self, prompt_id: str) -> frozenset[str]:
        return frozenset()

    def score(self, prompt_id: str, scale: str) -> int | None:
        return None

    def answered(self, prompt_id: str) -> bool:
        return False


def _check_core(pack: Pack, section: Section, origins: Mapping[str, Origin], pack_file: PackFile | None) -> None:
    """Each profile keeps at least one core prompt of the step that no answer can hide."""
    for profile in pack.profiles:
        core = section.prompts_for(profile.id, "short")
        if core and not any(always_shown(p, profile.id) for p in core):
            prompt = next(p for p in core if p.show_if is not None)
            place = _Place(origins.get(prompt.id), pack_file, "show_if", Piece.of("in_prompt", id=prompt.id))
            place.report("condition_hides_core", step=section.id, profile=profile.id)
            return
