"""A `show_if` value as a pack writes it (an inline table) read into a `Condition`, or reported.

This is the shape only (which keys, which types); whether the prompts, options and scales it names
exist and come earlier is checked on the whole pack (condition_checks.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from ..words.messages import Piece
from .conditions import AllOf, Answered, AnyOf, Condition, Has, InProfile, Score
from .suggest import suggestion


class Place(Protocol):
    """Where a condition is written (a `pack_schema.TableAt`): how messages name it, and its `report`."""

    @property
    def where(self) -> Piece: ...

    def report(self, code: str, key: str | None, /, **values: object) -> None: ...


@dataclass(frozen=True, slots=True)
class _At:
    """A condition being read: its table, the table's key holding it (`show_if`, for the position),
    and its path inside (`show_if.any`, for the message)."""

    place: Place
    field: str
    path: str

    def inside(self, name: str) -> _At:
        return _At(self.place, self.field, f"{self.path}.{name}")


KEYS = ("prompt", "has", "scale", "at_least", "at_most", "answered", "profile", "all", "any")
"""Every key a condition may hold."""

_TESTS = ("has", "scale", "answered")
"""What a condition on a prompt asks of its answer: one of these."""


def parse(value: object, place: Place, field: str = "show_if") -> Condition | None:
    """The condition `value` (the table's key `field`) writes, or None after reporting what is wrong with it."""
    return _parse(value, _At(place, field, field))


def _parse(value: object, at: _At) -> Condition | None:
    if not isinstance(value, Mapping):
        _wrong(at, Piece("type_table"), value)
        return None
    unknown = [k for k in value if k not in KEYS]
    for name in unknown:
        hint = suggestion(name, KEYS, Piece("fix_key"))
        at.place.report("key_unknown", at.field, key=at.inside(name).path, where=at.place.where, suggestion=hint)
    if unknown:
        return None
    if "all" in value or "any" in value:
        return _combined(value, at)
    if "profile" in value:
        return _profile(value, at)
    if "prompt" in value:
        return _on_prompt(value, at)
    return _unclear(value, at)


def _unclear(value: Mapping[str, object], at: _At) -> Condition | None:
    """None, after saying that the keys make no condition loopbaan knows."""
    at.place.report("condition_unclear", at.field, key=at.path, where=at.place.where, found=", ".join(value) or "-")
    return None


def _combined(value: Mapping[str, object], at: _At) -> Condition | None:
    if len(value) != 1:
        return _unclear(value, at)
    name, parts = next(iter(value.items()))
    if not isinstance(parts, list) or not parts:
        _wrong(at.inside(name), Piece("type_conditions"), parts)
        return None
    parsed = [_parse(part, at.inside(name)) for part in parts]
    if any(part is None for part in parsed):
        return None
    done = tuple(part for part in parsed if part is not None)
    return AllOf(done) if name == "all" else AnyOf(done)


def _profile(value: Mapping[str, object], at: _At) -> Condition | None:
    if len(value) != 1:
        return _unclear(value, at)
    profiles = value["profile"]
    if isinstance(profiles, str):
        profiles = [profiles]
    if not isinstance(profiles, list) or not profiles or not all(isinstance(p, str) for p in profiles):
        _wrong(at.inside("profile"), Piece("type_texts"), profiles)
        return None
    return InProfile(tuple(p.strip() for p in profiles))


def _on_prompt(value: Mapping[str, object], at: _At) -> Condition | None:
    tests = [name for name in _TESTS if name in value]
    bounds = [name for name in ("at_least", "at_most") if name in value]
    if len(tests) != 1 or (bounds and tests != ["scale"]) or (tests == ["scale"] and not bounds):
        return _unclear(value, at)
    texts = {name: value[name] for name in ("prompt", "has", "scale") if name in value}
    wrong = [name for name, text in texts.items() if not isinstance(text, str) or not text.strip()]
    wrong += [name for name in bounds if not isinstance(value[name], int) or isinstance(value[name], bool)]
    wrong += [name for name in ("answered",) if name in value and value[name] is not True]
    for name in wrong:
        _wrong(at.inside(name), _EXPECTED.get(name, Piece("type_text")), value[name])
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


_EXPECTED = {"at_least": Piece("type_int"), "at_most": Piece("type_int"), "answered": Piece("type_true")}
"""What a key of a condition takes, where it is not a text."""


def _wrong(at: _At, expected: Piece, value: object) -> None:
    from .pack_schema import type_name  # pack_schema reads conditions with this module

    at.place.report(
        "wrong_type", at.field, key=at.path, where=at.place.where, expected=expected, actual=type_name(value)
    )
