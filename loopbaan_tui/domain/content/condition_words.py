"""A `show_if` condition in the course leader's words, and whether a profile can ever meet it.

The words are clauses that follow the preview's "Alleen als:" ("je bij 'Waarom nu?' 'Ik ben
ontevreden' koos"), made from the pack's `preview_if_*` UI strings with the labels of the prompts,
options, paths, scales and profiles a condition names (its id where a label is missing).
Combinations are joined with `preview_and` / `preview_or`; one inside another stands in brackets.
"""

from __future__ import annotations

from .conditions import AllOf, Answered, AnyOf, Condition, Has, InProfile, OnPrompt, Score
from .model import Kind, Pack


def describe(pack: Pack, condition: Condition, *, nested: bool = False) -> str:
    """The condition as a clause in the pack's language; `nested`: it stands inside a combination."""
    if isinstance(condition, AllOf | AnyOf):
        joined = _joined(pack, [describe(pack, part, nested=True) for part in condition.parts], condition)
        return f"({joined})" if nested and len(condition.parts) > 1 else joined
    if isinstance(condition, InProfile):
        labels = [_quoted(_profile_label(pack, p)) for p in condition.profiles]
        return pack.text("preview_if_profile", profiles=_listed(pack, labels, "preview_or"))
    if isinstance(condition, Has):
        return pack.text("preview_if_has", prompt=_prompt_label(pack, condition.prompt), option=_value(pack, condition))
    if isinstance(condition, Score):
        return _score(pack, condition)
    if isinstance(condition, Answered):
        return pack.text("preview_if_answered", prompt=_prompt_label(pack, condition.prompt))
    return type(condition).__name__


def possible_for(pack: Pack, condition: Condition, profile: str) -> bool:
    """Whether some answers of this profile meet the condition: no, when it asks for another profile, or
    for an answer to a prompt this profile never sees (the parts of a combination taken as independent)."""
    if isinstance(condition, AllOf):
        return all(possible_for(pack, part, profile) for part in condition.parts)
    if isinstance(condition, AnyOf):
        return any(possible_for(pack, part, profile) for part in condition.parts)
    if isinstance(condition, InProfile):
        return profile in condition.profiles
    if isinstance(condition, OnPrompt):
        return _prompt_seen(pack, condition.prompt, profile, set())
    return True


def for_profile(pack: Pack, condition: Condition, profile: str) -> Condition:
    """The condition without the alternatives (`any` parts) this profile can never meet, to describe."""
    if isinstance(condition, AllOf):
        return AllOf(tuple(for_profile(pack, part, profile) for part in condition.parts))
    if isinstance(condition, AnyOf):
        kept = [for_profile(pack, p, profile) for p in condition.parts if possible_for(pack, p, profile)]
        return kept[0] if len(kept) == 1 else AnyOf(tuple(kept) or condition.parts)
    return condition


def _prompt_seen(pack: Pack, prompt_id: str, profile: str, seen: set[str]) -> bool:
    """Whether the profile can see a prompt: it is for this profile, and so is its own condition."""
    prompt = pack.prompt(prompt_id)
    if prompt is None or not prompt.for_profile(profile) or prompt_id in seen:
        return False
    seen.add(prompt_id)
    return prompt.show_if is None or possible_for(pack, prompt.show_if, profile)


def _joined(pack: Pack, clauses: list[str], condition: AllOf | AnyOf) -> str:
    return _listed(pack, clauses, "preview_and" if isinstance(condition, AllOf) else "preview_or")


def _listed(pack: Pack, items: list[str], word: str) -> str:
    """ "a", "a en b", "a, b en c" (with the pack's word for "and" or "or")."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {pack.text(word)} {items[-1]}"


def _score(pack: Pack, condition: Score) -> str:
    scale = pack.scale(condition.scale)
    values = {"prompt": _prompt_label(pack, condition.prompt), "scale": scale.label if scale else condition.scale}
    low, high = condition.at_least, condition.at_most
    if low is not None and high is not None:
        if low == high:
            return pack.text("preview_if_score", value=low, **values)
        return pack.text("preview_if_between", low=low, high=high, **values)
    if high is not None:
        return pack.text("preview_if_at_most", value=high, **values)
    if low is None and scale:
        return pack.text("preview_if_between", low=scale.min, high=scale.max, **values)
    return pack.text("preview_if_at_least", value=low if low is not None else "", **values)


def _value(pack: Pack, condition: Has) -> str:
    """The label of the option or career path a `has` names."""
    prompt = pack.prompt(condition.prompt)
    if prompt and prompt.kind is Kind.PATHS:
        path = pack.path(condition.value)
        return path.name if path else condition.value
    option = next((o for o in prompt.options if o.id == condition.value), None) if prompt else None
    return option.label if option else condition.value


def _prompt_label(pack: Pack, prompt_id: str) -> str:
    prompt = pack.prompt(prompt_id)
    return prompt.label if prompt else prompt_id


def _profile_label(pack: Pack, profile_id: str) -> str:
    profile = pack.profile(profile_id)
    return profile.label if profile else profile_id


def _quoted(text: str) -> str:
    return f"'{text}'"
