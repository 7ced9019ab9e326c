"""The one map from a prompt kind to its editor. Each editor posts `AnswerChanged` with its
prompt's id and new value (see editor_base.py); the kinds themselves live in `domain/kinds`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from textual.widget import Widget

from ...domain.content.model import Kind, Pack, Prompt
from ...domain.kinds import Stored, Words
from .choice_editors import ChoiceEditor, MultipleChoiceEditor, ScaleEditor
from .editor_base import AnswerChanged, Editor
from .paths_editor import PathsEditor
from .ranking_editor import RankingEditor
from .rows_editor import PeopleEditor, RowsEditor
from .sort_editor import SortEditor
from .text_editors import DateEditor, LineEditor, ListEditor, LongTextEditor

EditorClass = Callable[[Prompt, Stored | None, Pack, Words, str], Widget]
"""An editor is made from its prompt, the stored answer, the pack, the words and the profile."""

EDITORS: Mapping[str, EditorClass] = MappingProxyType(
    {
        Kind.LONG_TEXT: LongTextEditor,
        Kind.SHORT_TEXT: LineEditor,
        Kind.LIST: ListEditor,
        Kind.SCALE: ScaleEditor,
        Kind.SINGLE_CHOICE: ChoiceEditor,
        Kind.MULTIPLE_CHOICE: MultipleChoiceEditor,
        Kind.PATHS: PathsEditor,
        Kind.ACTIONS: RowsEditor,
        Kind.PEOPLE: PeopleEditor,
        Kind.DATE: DateEditor,
        Kind.RANKING: RankingEditor,
        Kind.SORT: SortEditor,
    }
)
"""Every kind's editor, by kind id (a test checks that every kind of `domain/kinds` has one)."""


def make_editor(prompt: Prompt, value: Stored | None, pack: Pack, words: Words, profile: str) -> Widget:
    """The editor for a prompt's kind."""
    return EDITORS[prompt.kind](prompt, value, pack, words, profile)


__all__ = [
    "EDITORS",
    "AnswerChanged",
    "ChoiceEditor",
    "DateEditor",
    "Editor",
    "EditorClass",
    "LineEditor",
    "ListEditor",
    "LongTextEditor",
    "MultipleChoiceEditor",
    "PathsEditor",
    "PeopleEditor",
    "RankingEditor",
    "RowsEditor",
    "ScaleEditor",
    "SortEditor",
    "make_editor",
]
