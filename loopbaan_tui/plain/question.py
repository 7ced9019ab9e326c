"""One question being asked: its prompt, the answer stored now, and how a new answer is saved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..domain.content.model import Pack, Prompt
from ..domain.kinds import Stored
from .console import CommandGiven, Console


@dataclass
class Question:
    """What a kind's asker needs. `save` stores an answer and writes the traject file at once."""

    console: Console
    pack: Pack
    prompt: Prompt
    profile: str
    current: Callable[[], Stored | None]
    save: Callable[[Stored], None]
    answers: Callable[[], Mapping[str, Stored]] = dict
    """Every answer of the traject now (a kind that shows earlier answers, such as sort, reads them)."""

    @property
    def language(self) -> str:
        return self.pack.info.language

    def listed(self, lines: list[str]) -> None:
        """Lines as a numbered list, one per line."""
        for number, line in enumerate(lines, 1):
            self.console.show(f"{number}. {line}")


def removal(question: Question, given: CommandGiven, count: int) -> int | None:
    """The item a `/remove N` names (0-based), or None after saying why there is none; the command
    raised on when it is another one."""
    if given.command.name != "remove":
        raise given
    argument = given.command.argument
    if argument.isdigit() and 1 <= int(argument) <= count:
        return int(argument) - 1
    if count:
        question.console.tell("plain_remove_which", high=count)
    else:
        question.console.tell("plain_remove_nothing")
    return None
