"""What every prompt kind owns, and the helpers the kinds share.

A kind is told apart from the others by its `id` (the TOML `kind` value). It owns, in one class:
which `Prompt` fields of a pack it uses (`pack_keys`) and their checks, its typed answer (a frozen
dataclass), how that answer is read from a traject file and written back (`read`, `write`), when
it counts as answered, how a hidden part of a stored answer survives an edit (`merge_hidden`), its
one-line summary, its Markdown in the roadmap and where it stands there, the word keys of its
editor, and `compare(then, now)`.

`PromptKind` is what the rest of the program holds (`KINDS` in `__init__.py`): every method takes
the answer as stored (`Stored`), so callers never look at shapes. `ValueKind[V]` is the base of
each concrete kind: it implements those methods by reading the stored answer into its typed value
`V` once, and asks its subclass for the typed parts.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, Literal, TypeAlias, TypeVar

from ..content.model import Kind, Pack, Prompt
from ..roadmap.balance import Change
from ..roadmap.markdown import escape_inline, text_block
from ..words.dates import format_date

Stored: TypeAlias = str | int | float | bool | list["Stored"] | dict[str, "Stored"]
"""An answer as a traject file holds it (TOML values); the shapes per kind are in docs/data-format.md."""

Words = Callable[..., str]
"""The app's words: a ui.toml key (and placeholder values) to text."""

Gathered = Literal["balance", "paths", "actions", "network"]
"""A roadmap section that gathers answers from every step (see roadmap.py for the order)."""


@dataclass(frozen=True, slots=True)
class TooFew:
    """A pack problem a kind finds: the list `key` holds fewer than `minimum` items."""

    key: str
    minimum: int


@dataclass(frozen=True, kw_only=True)
class Answer:
    """Base of every typed answer. `stray` holds the words of a stored value whose shape does not
    fit the kind (a hand-edited file, or a prompt whose kind changed in the pack): they are shown
    as plain text, never dropped."""

    stray: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScaleChange:
    """One scale's move between two answers: the scores, and the change when both are there."""

    scale: str
    then: int | None
    now: int | None
    change: Change | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed between two answers to one prompt (for the check-ins).

    `added` / `removed` are items (list lines, option or path ids, rows as text), `moved` the ids
    whose place changed (a ranking), `scales` the per-scale changes."""

    changed: bool
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()
    scales: tuple[ScaleChange, ...] = ()


def too_few(raw: Mapping[str, object], key: str, minimum: int) -> list[TooFew]:
    """[TooFew] when the list `key` is missing or too short (a value that is no list is reported elsewhere)."""
    value = raw.get(key)
    return [TooFew(key, minimum)] if value is None or (isinstance(value, list) and len(value) < minimum) else []


def set_comparison(then: Sequence[str], now: Sequence[str]) -> Comparison:
    """Items added and removed between two sequences (order ignored)."""
    added = tuple(item for item in now if item not in then)
    removed = tuple(item for item in then if item not in now)
    return Comparison(bool(added or removed), added, removed)


@dataclass(frozen=True, slots=True)
class DocContext:
    """What a kind's Markdown needs from the roadmap being written: the pack and its words."""

    pack: Pack

    def w(self, key: str, **values: object) -> str:
        """A document word, escaped for inline use."""
        return escape_inline(self.pack.text(key, **values))

    def date(self, value: date, *, weekday: bool = True) -> str:
        """A date in words in the pack's language."""
        return format_date(value, self.pack.info.language, weekday=weekday)


def is_empty(value: object) -> bool:
    """No answer: None, blank text, or a list/table holding only empty things."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        items = value.values() if isinstance(value, dict) else value
        return all(is_empty(v) for v in items)
    return False


def strings(value: object) -> list[str]:
    """Every text inside a value of an unexpected shape, so no words are lost."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return [] if value is None or isinstance(value, bool) else [str(value)]


def as_text(value: object) -> str:
    """A stored value that should be text, as text: its words on separate lines when it is not."""
    return value if isinstance(value, str) else "\n".join(strings(value))


def stray_lines(stray: Sequence[str]) -> list[str]:
    """Words that do not fit the kind, for a summary."""
    return ", ".join(stray).split("\n") if stray else []


def stray_blocks(stray: Sequence[str]) -> str:
    """Words that do not fit the kind, as Markdown paragraphs."""
    return "\n\n".join(text_block(s) for s in stray)


class PromptKind(ABC):
    """A kind of prompt, as the rest of the program asks it: every answer is the stored one."""

    id: Kind
    """The TOML `kind` value."""
    pack_keys: frozenset[str] = frozenset()
    """The kind-specific `Prompt` fields this kind uses (a pack may not give them to another kind)."""
    opens_roadmap: bool = False
    """Whether the roadmap step's first prompt of this kind opens the document ("how I got here")."""
    checkin: bool = False
    """Whether this kind's prompts in the roadmap step are the next check-in."""

    def word_keys(self) -> frozenset[str]:
        """The ui.toml keys this kind's editor, summary and Markdown use (a test checks both packs have them)."""
        return frozenset()

    def check(self, raw: Mapping[str, object]) -> list[TooFew]:
        """Problems of a prompt's own keys in a pack (types are checked by the loader)."""
        return []

    def gathered(self, prompt: Prompt) -> Gathered | None:
        """The roadmap section gathering this prompt's answer, or None when it stays in its step."""
        return None

    def merge_hidden(self, pack: Pack, prompt: Prompt, profile: str, old: Stored | None, new: Stored) -> Stored:
        """The answer an editor reports (`new`), with what the stored answer (`old`) holds that the
        editor cannot show (a path, option or scale since removed from the pack, a row of another
        shape): it is not on screen, so its absence is no choice of the user's, and it is kept."""
        return new

    @abstractmethod
    def answered(self, prompt: Prompt, stored: Stored | None) -> bool:
        """Whether the prompt counts as answered in the progress rail."""

    @abstractmethod
    def summarize(self, pack: Pack, prompt: Prompt, stored: Stored | None, words: Words) -> list[str]:
        """Plain lines describing an answer; [] when there is none."""

    @abstractmethod
    def render(self, ctx: DocContext, prompt: Prompt, stored: Stored | None) -> str:
        """The answer as Markdown for the roadmap; "" when there is nothing to show."""

    @abstractmethod
    def compare_stored(self, pack: Pack, prompt: Prompt, then: Stored | None, now: Stored | None) -> Comparison:
        """What changed between two stored answers."""


V = TypeVar("V", bound=Answer)


class ValueKind(PromptKind, Generic[V]):
    """A kind with a typed answer `V`: the stored-answer methods read it once and ask the typed ones."""

    @abstractmethod
    def read(self, prompt: Prompt, stored: Stored | None) -> V:
        """The typed answer; never raises: what does not fit goes to `stray`."""

    @abstractmethod
    def write(self, value: V) -> Stored:
        """The answer as the traject file keeps it."""

    def is_answered(self, prompt: Prompt, value: V) -> bool:
        """Whether an answer that holds something counts as answered (a scale wants every scale rated)."""
        return True

    @abstractmethod
    def summary(self, pack: Pack, prompt: Prompt, value: V, words: Words) -> list[str]:
        """Plain lines describing the answer."""

    @abstractmethod
    def markdown(self, ctx: DocContext, prompt: Prompt, value: V) -> str:
        """The answer as Markdown."""

    @abstractmethod
    def compare(self, pack: Pack, prompt: Prompt, then: V, now: V) -> Comparison:
        """What changed between two answers."""

    def answered(self, prompt: Prompt, stored: Stored | None) -> bool:
        return not is_empty(stored) and self.is_answered(prompt, self.read(prompt, stored))

    def summarize(self, pack: Pack, prompt: Prompt, stored: Stored | None, words: Words) -> list[str]:
        return [] if is_empty(stored) else self.summary(pack, prompt, self.read(prompt, stored), words)

    def render(self, ctx: DocContext, prompt: Prompt, stored: Stored | None) -> str:
        return "" if is_empty(stored) else self.markdown(ctx, prompt, self.read(prompt, stored))

    def compare_stored(self, pack: Pack, prompt: Prompt, then: Stored | None, now: Stored | None) -> Comparison:
        return self.compare(pack, prompt, self.read(prompt, then), self.read(prompt, now))
