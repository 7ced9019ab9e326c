"""Every kind of prompt, each one class owning all that is particular to it (see base.py).

Adding a kind: a member of `model.Kind`, a class here (with its typed answer), an editor in
`ui/widgets/editors.py` (`EDITORS`), and its words in both `ui.toml`; see docs/kinds.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..content.model import Kind, Prompt
from .base import (
    Answer,
    Comparison,
    DocContext,
    Gathered,
    PromptKind,
    ScaleChange,
    Stored,
    TooFew,
    ValueKind,
    Words,
    is_empty,
    strings,
)
from .choice import ChoiceAnswer, MultipleChoice, SingleChoice
from .paths import PathPick, PathsAnswer, PathsKind
from .ranking import Ranking, RankingAnswer
from .rows import Actions, People, Row, RowField, RowsAnswer, RowsKind
from .scale import Rating, ScaleAnswer, ScaleKind
from .sort import Group, SortAnswer, SortKind
from .text import DateAnswer, DateKind, ListAnswer, ListKind, LongText, ShortText, TextAnswer

LONG_TEXT = LongText()
SHORT_TEXT = ShortText()
LIST = ListKind()
DATE = DateKind()
SINGLE_CHOICE = SingleChoice()
MULTIPLE_CHOICE = MultipleChoice()
SCALE = ScaleKind()
PATHS = PathsKind()
ACTIONS = Actions()
PEOPLE = People()
RANKING = Ranking()
SORT = SortKind()

KINDS: Mapping[str, PromptKind] = MappingProxyType(
    {
        kind.id: kind
        for kind in (
            LONG_TEXT,
            SHORT_TEXT,
            LIST,
            SCALE,
            SINGLE_CHOICE,
            MULTIPLE_CHOICE,
            PATHS,
            ACTIONS,
            PEOPLE,
            DATE,
            RANKING,
            SORT,
        )
    }
)
"""Every kind by its id, in the order of `model.Kind`."""


def kind_of(prompt: Prompt) -> PromptKind:
    """The kind of a prompt (a loaded pack only holds known kinds)."""
    return KINDS[prompt.kind]


__all__ = [
    "ACTIONS",
    "DATE",
    "KINDS",
    "LIST",
    "LONG_TEXT",
    "MULTIPLE_CHOICE",
    "PATHS",
    "PEOPLE",
    "RANKING",
    "SCALE",
    "SHORT_TEXT",
    "SINGLE_CHOICE",
    "SORT",
    "Actions",
    "Answer",
    "ChoiceAnswer",
    "Comparison",
    "DateAnswer",
    "DateKind",
    "DocContext",
    "Gathered",
    "Group",
    "Kind",
    "ListAnswer",
    "ListKind",
    "LongText",
    "MultipleChoice",
    "PathPick",
    "PathsAnswer",
    "PathsKind",
    "People",
    "PromptKind",
    "Ranking",
    "RankingAnswer",
    "Rating",
    "Row",
    "RowField",
    "RowsAnswer",
    "RowsKind",
    "ScaleAnswer",
    "ScaleChange",
    "ScaleKind",
    "ShortText",
    "SingleChoice",
    "SortAnswer",
    "SortKind",
    "Stored",
    "TextAnswer",
    "TooFew",
    "ValueKind",
    "Words",
    "is_empty",
    "kind_of",
    "strings",
]
