"""Which asker answers each prompt kind: one function per kind, in its own small module."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from ..domain.content.model import Kind
from .picks import ask_choice, ask_paths, ask_ranking, ask_scale
from .question import Question
from .rows import ask_rows
from .sort import ask_sort
from .text import ask_date, ask_list, ask_long_text

ASKERS: Mapping[Kind, Callable[[Question], None]] = MappingProxyType(
    {
        Kind.LONG_TEXT: ask_long_text,
        Kind.SHORT_TEXT: ask_long_text,
        Kind.LIST: ask_list,
        Kind.DATE: ask_date,
        Kind.SINGLE_CHOICE: ask_choice,
        Kind.MULTIPLE_CHOICE: ask_choice,
        Kind.SCALE: ask_scale,
        Kind.RANKING: ask_ranking,
        Kind.PATHS: ask_paths,
        Kind.ACTIONS: ask_rows,
        Kind.PEOPLE: ask_rows,
        Kind.SORT: ask_sort,
    }
)
"""Every kind's asker (a test checks that no kind is missing)."""


def ask(question: Question) -> None:
    """Ask one question of its kind; commands that move elsewhere are raised (console.CommandGiven)."""
    ASKERS[question.prompt.kind](question)
