"""Career paths ranked by fit with the user's answers so far, each with its reasons in plain words.

The pack's paths declare their signals (`CareerPath.signals`): an option picked, or a scale rated towards
one end. A path's score is the sum of its matching signals' points; a matching signal only ever adds.
The ranking is a conversation starter, not a verdict: it orders, it never hides a path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from ..content.model import CareerPath, Kind, Pack, Prompt, Scale, Signal
from ..kinds import MULTIPLE_CHOICE, SCALE, SINGLE_CHOICE, Stored


@dataclass(frozen=True, slots=True)
class Reason:
    """A matching signal: what the user said (the option's or scale's label) and how much it counts."""

    signal: Signal
    label: str
    points: Fraction


@dataclass(frozen=True, slots=True)
class Fit:
    """A career path, its score for this user's answers (0 when nothing points to it) and why."""

    path: CareerPath
    score: Fraction
    reasons: tuple[Reason, ...] = ()


def rank(pack: Pack, answers: Mapping[str, Stored], profile: str, prompt: Prompt | None = None) -> tuple[Fit, ...]:
    """This profile's paths (those `prompt` offers, when given), best fit first; equal scores keep the
    pack's order. Answers of any shape are read through their kinds: this never raises."""
    paths = [
        p for p in pack.paths if p.for_profile(profile) and (prompt is None or not prompt.paths or p.id in prompt.paths)
    ]
    fits = [_fit(pack, answers, profile, path) for path in paths]
    order = sorted(range(len(fits)), key=lambda i: (-fits[i].score, i))
    return tuple(fits[i] for i in order)


def _fit(pack: Pack, answers: Mapping[str, Stored], profile: str, path: CareerPath) -> Fit:
    reasons = []
    for signal in path.signals:
        reason = _matched(pack, answers, profile, signal)
        if reason is not None:
            reasons.append(reason)
    reasons.sort(key=lambda r: -r.points)  # the strongest reason first (stable for equal ones)
    return Fit(path, sum((r.points for r in reasons), Fraction(0)), tuple(reasons))


def _matched(pack: Pack, answers: Mapping[str, Stored], profile: str, signal: Signal) -> Reason | None:
    """The reason when the user's answer matches the signal, else None."""
    prompt = pack.prompt(signal.prompt)
    stored = answers.get(signal.prompt)
    if prompt is None or stored is None or not prompt.for_profile(profile):
        return None
    if prompt.kind is Kind.SCALE:
        return _scale_matched(pack, prompt, stored, signal)
    if prompt.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
        kind = SINGLE_CHOICE if prompt.kind is Kind.SINGLE_CHOICE else MULTIPLE_CHOICE
        if signal.option in kind.read(prompt, stored).choices:
            return Reason(signal, kind.label(prompt, signal.option), Fraction(signal.weight))
    return None


def _scale_matched(pack: Pack, prompt: Prompt, stored: Stored, signal: Signal) -> Reason | None:
    scale = pack.scale(signal.scale)
    rating = SCALE.read(prompt, stored).rating(signal.scale)
    if scale is None or rating is None or rating.now is None:
        return None
    beyond = _beyond_middle(scale, rating.now, signal.direction == "low")
    return Reason(signal, scale.label, signal.weight * beyond) if beyond > 0 else None


def _beyond_middle(scale: Scale, score: int, low: bool) -> Fraction:
    """How far a score lies past the scale's middle towards the signal's end: 0 (at or before the middle)
    to 1 (at the end). A score outside the scale (a hand-edited file) counts as the nearest end."""
    score = min(max(score, scale.min), scale.max)
    middle, half = Fraction(scale.min + scale.max, 2), Fraction(scale.max - scale.min, 2)
    return max(Fraction(0), (middle - score if low else score - middle) / half)


MAX_REASONS = 3
"""How many reasons are named (the strongest): more would bury them."""


def because(pack: Pack, fit: Fit, *, first_person: bool = False) -> str:
    """The strongest reasons in plain words from the pack's ui.toml: "omdat je 'meer afwisseling' koos en
    'onderwijs ontwikkelen' hoog scoorde" ("omdat ik ..." in the roadmap); "" when no answer points to it."""
    parts = [_reason_words(pack, reason) for reason in fit.reasons[:MAX_REASONS]]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + pack.text("fit_and") + parts[-1]
    return pack.text("doc_fit_because" if first_person else "fit_because", reasons=listed)


def _reason_words(pack: Pack, reason: Reason) -> str:
    if not reason.signal.scale:
        return pack.text("fit_reason_option", label=reason.label)
    key = "fit_reason_low" if reason.signal.direction == "low" else "fit_reason_high"
    return pack.text(key, label=reason.label)
