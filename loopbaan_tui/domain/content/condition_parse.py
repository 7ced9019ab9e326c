"""A `show_if` value as a pack writes it (an inline table) read into a `Condition`, or reported.

This is the shape only (which keys, which types); whether the prompts, options and scales it names
exist and come earlier is checked on the whole pack (condition_checks.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..words.messages import Piece
from .conditions import AllOf, Answered, AnyOf, Condition, Has, InProfile, Score
from .suggest import suggestion

Report = Callable[..., None]
"""Reports a problem: a message code and its values (the caller adds where it stands)."""

KEYS = ("prompt", "has", "scale", "at_least", "at_most", "answered", "profile", "all", "any")
"""Every key a condition may hold."""

_TESTS = ("has", "scale", "answered")
"""What a condition on a prompt asks of its answer: one of these."""


def parse(value: object, report: Report, key: str = "show_if") -> Condition | None:
    """The condition `value` writes, or None after reporting what is wrong with it."""
    if not isinstance(value, Mapping):
        report("wrong_type", key=key, expected=Piece("type_table"), actual=_type_word(value))
        return None
    unknown = [k for k in value if k not in KEYS]
    for name in unknown:
        report("key_unknown", key=f"{key}.{name}", suggestion=suggestion(name, KEYS, Piece("fix_key")))
    if unknown:
        return None
    if "all" in value or "any" in value:
        return _combined(value, report, key)
    if "profile" in value:
        return _profile(value, report, key)
    if "prompt" in value:
        return _on_prompt(value, report, key)
    return _unclear(value, report, key)


def _unclear(value: Mapping[str, object], report: Report, key: str) -> Condition | None:
    """None, after saying that the keys make no condition loopbaan knows."""
    report("condition_unclear", key=key, found=", ".join(value) or "-")
    return None


def _combined(value: Mapping[str, object], report: Report, key: str) -> Condition | None:
    if len(value) != 1:
        return _unclear(value, report, key)
    name, parts = next(iter(value.items()))
    if not isinstance(parts, list) or not parts:
        report("wrong_type", key=f"{key}.{name}", expected=Piece("type_conditions"), actual=_type_word(parts))
        return None
    parsed = [parse(part, report, f"{key}.{name}") for part in parts]
    if any(part is None for part in parsed):
        return None
    done = tuple(part for part in parsed if part is not None)
    return AllOf(done) if name == "all" else AnyOf(done)


def _profile(value: Mapping[str, object], report: Report, key: str) -> Condition | None:
    if len(value) != 1:
        return _unclear(value, report, key)
    profiles = value["profile"]
    if isinstance(profiles, str):
        profiles = [profiles]
    if not isinstance(profiles, list) or not profiles or not all(isinstance(p, str) for p in profiles):
        report("wrong_type", key=f"{key}.profile", expected=Piece("type_texts"), actual=_type_word(profiles))
        return None
    return InProfile(tuple(p.strip() for p in profiles))


def _on_prompt(value: Mapping[str, object], report: Report, key: str) -> Condition | None:
    tests = [name for name in _TESTS if name in value]
    bounds = [name for name in ("at_least", "at_most") if name in value]
    if len(tests) != 1 or (bounds and tests != ["scale"]) or (tests == ["scale"] and not bounds):
        return _unclear(value, report, key)
    texts = {name: value[name] for name in ("prompt", "has", "scale") if name in value}
    wrong = [name for name, text in texts.items() if not isinstance(text, str) or not text.strip()]
    wrong += [name for name in bounds if not isinstance(value[name], int) or isinstance(value[name], bool)]
    wrong += [name for name in ("answered",) if name in value and value[name] is not True]
    for name in wrong:
        expected = {"at_least": "type_int", "at_most": "type_int", "answered": "type_true"}.get(name, "type_text")
        report("wrong_type", key=f"{key}.{name}", expected=Piece(expected), actual=_type_word(value[name]))
    if wrong:
        return None
    prompt = str(value["prompt"]).strip()
    if tests == ["has"]:
        return Has(prompt, str(value["has"]).strip())
    if tests == ["answered"]:
        return Answered(prompt)
    at_least, at_most = value.get("at_least"), value.get("at_most")
    assert at_least is None or isinstance(at_least, int)
    assert at_most is None or isinstance(at_most, int)
    return Score(prompt, str(value["scale"]).strip(), at_least, at_most)


def _type_word(value: object) -> Piece:
    from .pack_schema import type_name  # pack_schema reads conditions with this module

    return type_name(value)
