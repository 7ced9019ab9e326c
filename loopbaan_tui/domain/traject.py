"""A traject: one person's reflection with one pack, and the answers they gave.

Answers are stored by prompt id as plain TOML-friendly values, by kind:

- long_text, short_text, date: `str` (a date as YYYY-MM-DD)
- list: `list[str]`
- scale: `{scale_id: {"now": int, "then": int}}` ("then" only when the prompt asks it)
- single_choice: `{"choice": option_id, "other": str}` (either may be absent)
- multiple_choice: `{"choices": [option_id, ...], "other": str}`
- paths: `[{"path": path_id, "reason": str}, ...]`
- actions: `[{"what": str, "when": str, "first_step": str, "who": str}, ...]`
- people: `[{"who": str, "help": str, "reach": str}, ...]`
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .model import ROUTES, Kind, Pack, Prompt, Route, Section
from .text import clean_text as clean_text  # re-exported: callers that still import it from here
from .text import clean_value as clean_value  # (used here, and re-exported)

ACTION_FIELDS = ("what", "when", "first_step", "who")
PEOPLE_FIELDS = ("who", "help", "reach")


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_id(name: str) -> str:
    """A file-safe id from a name: a short ASCII slug and a random suffix, never reserved."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return f"{slug or 'traject'}-{secrets.token_hex(3)}"


@dataclass
class Traject:
    """One person's reflection: who, with which pack, and what they answered."""

    id: str
    name: str
    profile: str
    pack: str
    """Which pack: "nl" or "en" for a built-in pack, else the folder's path."""
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    answers: dict[str, Any] = field(default_factory=dict)
    private: set[str] = field(default_factory=set)
    last_prompt: str = ""
    """The id of the prompt last edited (set by `set_answer`): where the user left off."""
    route: Route = "full"
    """The way through the reflection: "short" asks only the pack's core prompts, "full" all of them.
    Only which prompts are shown: answers outside the route stay, and the roadmap shows them."""

    def answer(self, prompt_id: str) -> Any:
        return self.answers.get(prompt_id)

    def set_answer(self, prompt_id: str, value: Any) -> bool:
        """Store a cleaned answer (or remove it when empty); True when something changed."""
        value = clean_value(value)
        if is_empty(value):
            changed = prompt_id in self.answers
            self.answers.pop(prompt_id, None)
        else:
            changed = self.answers.get(prompt_id) != value
            self.answers[prompt_id] = value
        if changed:
            self.updated = now()
            self.last_prompt = prompt_id
        return changed

    def set_route(self, route: Route) -> bool:
        """Switch to another route (ValueError for an unknown one); True when it changed. No answer is touched."""
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; expected one of {ROUTES}")
        if route == self.route:
            return False
        self.route = route
        self.updated = now()
        return True

    def set_private(self, prompt_id: str, private: bool) -> None:
        if private != (prompt_id in self.private):
            (self.private.add if private else self.private.discard)(prompt_id)
            self.updated = now()


def keep_hidden(pack: Pack, prompt: Prompt, profile: str, old: Any, new: Any) -> Any:
    """The answer an editor reports (`new`), with what the stored answer (`old`) holds that the
    editor cannot show: a career path, option or scale since removed from the pack, a row of
    another shape from a hand-edited file. It is not on screen, so its absence from the editor's
    value is no choice of the user's, and it is kept (after what the editor reports).
    """
    if prompt.kind is Kind.PATHS and isinstance(old, list) and isinstance(new, list):
        shown = {p.id for p in pack.paths if p.for_profile(profile) and (not prompt.paths or p.id in prompt.paths)}
        return [*new, *(item for item in old if not (isinstance(item, dict) and item.get("path") in shown))]
    if prompt.kind in (Kind.ACTIONS, Kind.PEOPLE) and isinstance(old, list) and isinstance(new, list):
        return [*new, *(row for row in old if not isinstance(row, dict))]
    if not isinstance(old, dict) or not isinstance(new, dict):
        return new
    if prompt.kind is Kind.SCALE:
        shown = {scale_id for scale_id in prompt.scales if pack.scale(scale_id) is not None}
        return {**{k: v for k, v in old.items() if k not in shown}, **new}
    if prompt.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
        options = {option.id for option in prompt.options}
        shown_keys = ("choice", "choices", "other") if prompt.allow_other else ("choice", "choices")
        kept = {k: v for k, v in old.items() if k not in shown_keys}
        if prompt.kind is Kind.SINGLE_CHOICE:
            choice = old.get("choice")
            if "choice" not in new and choice is not None and not (isinstance(choice, str) and choice in options):
                kept["choice"] = choice
            return {**kept, **new}
        hidden = (
            [c for c in old.get("choices", []) if not (isinstance(c, str) and c in options)]
            if isinstance(old.get("choices"), list)
            else []
        )
        merged = {**kept, **new}
        if hidden:
            merged["choices"] = [*new.get("choices", []), *hidden]
        return merged
    return new


def is_empty(value: Any) -> bool:
    """No answer: None, blank text, or a list/table holding only empty things."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        items = value.values() if isinstance(value, dict) else value
        return all(is_empty(v) for v in items)
    return False


def is_answered(prompt: Prompt, value: Any) -> bool:
    """Whether a prompt counts as answered in the progress rail."""
    if is_empty(value):
        return False
    if prompt.kind is Kind.SCALE and isinstance(value, dict):
        return all(isinstance(value.get(s), dict) and "now" in value[s] for s in prompt.scales)
    return True


def progress(section: Section, profile: str, traject: Traject, route: Route | None = None) -> tuple[int, int]:
    """(answered, total) for a step, counting only this profile's prompts on the route (the traject's
    own when not given): on the short route only the core prompts count."""
    prompts = section.prompts_for(profile, traject.route if route is None else route)
    return sum(is_answered(p, traject.answer(p.id)) for p in prompts), len(prompts)


def overall_progress(pack: Pack, traject: Traject, route: Route | None = None) -> tuple[int, int]:
    """(answered, total) over every step, counting only the traject's profile's prompts on the route
    (the traject's own when not given)."""
    answered = total = 0
    for section in pack.sections:
        done, count = progress(section, traject.profile, traject, route)
        answered, total = answered + done, total + count
    return answered, total
