"""Older answers on screen: what the traject holds for prompts the pack no longer has, read-only."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...domain.roadmap.older import OlderAnswer
from ..text import literal


class OlderAnswers(Vertical):
    """A heading, a line on why these are here, and each older answer under its prompt's id; nothing to edit."""

    def __init__(self, answers: Sequence[OlderAnswer], words: Callable[..., str]) -> None:
        super().__init__(id="older-answers", classes="prompt")
        self.answers = tuple(answers)
        self.words = words

    def compose(self) -> ComposeResult:
        yield Static(literal(self.words("older_title"), "bold"), classes="prompt-label")
        yield Static(literal(self.words("older_note")), classes="step-intro")
        for answer in self.answers:
            yield Static(literal(answer.prompt_id), classes="older-id")
            yield Static(literal("\n".join(answer.texts)), classes="older-text")
