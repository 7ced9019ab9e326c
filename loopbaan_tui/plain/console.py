"""Lines in, lines out: the only place plain mode reads and writes.

Everything shown goes through `printable` (no control character, so no escape sequence, ever reaches
the terminal); every line read is either an answer or a command. A command is a line that starts with
a slash and one of the command words of the pack's language ("/terug", "/back"); a line starting with
two slashes is an answer that starts with one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from ..domain.content.model import Pack
from ..domain.content.problems import printable

COMMANDS = (
    ("help", "plain_cmd_help", "plain_about_help", ""),
    ("example", "plain_cmd_example", "plain_about_example", ""),
    ("earlier", "plain_cmd_earlier", "plain_about_earlier", ""),
    ("back", "plain_cmd_back", "plain_about_back", ""),
    ("skip", "plain_cmd_skip", "plain_about_skip", ""),
    ("step", "plain_cmd_step", "plain_about_step", "3"),
    ("clear", "plain_cmd_clear", "plain_about_clear", ""),
    ("remove", "plain_cmd_remove", "plain_about_remove", "2"),
    ("status", "plain_cmd_status", "plain_about_status", "2"),
    ("done", "plain_cmd_done", "plain_about_done", ""),
    ("stop", "plain_cmd_stop", "plain_about_stop", ""),
)
"""Each command: its id, the ui.toml word typed after the slash, the word saying what it does, and the
example number it takes ("" for none)."""
INFO_COMMANDS = frozenset({"help", "example", "earlier"})
"""Commands that only tell something: the question is asked again after them."""


class EndOfInput(Exception):
    """Standard input is closed (Ctrl+D, the end of a pipe): stop as /stop does."""


@dataclass(frozen=True, slots=True)
class Command:
    """A command the user typed, with the text after its word ("3" in "/stap 3")."""

    name: str
    argument: str = ""


class CommandGiven(Exception):
    """A command that changes where the user is (back, skip, step, clear, remove, stop)."""

    def __init__(self, command: Command) -> None:
        super().__init__(command.name)
        self.command = command


Informer = Callable[[str], None]
"""What answers an information command (help, example, earlier) for the question being asked."""


class Console:
    """The user's terminal or pipe, with the pack's words."""

    def __init__(self, stdin: TextIO, stdout: TextIO, pack: Pack) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.pack = pack
        self.informer: Informer | None = None

    def use_pack(self, pack: Pack) -> None:
        """Speak with another pack's words (a traject made with another pack)."""
        self.pack = pack

    # writing

    def show(self, text: str) -> None:
        """Text as it is (a label, an answer), each of its lines on a line of its own."""
        self.stdout.write(printable(text.replace("\r\n", "\n")) + "\n")
        self.stdout.flush()

    def tell(self, key: str, **values: object) -> None:
        """A word of the pack (a ui.toml key) with its placeholders filled in."""
        self.show(self.words(key, **values))

    def words(self, key: str, **values: object) -> str:
        return self.pack.text(key, **values)

    def blank(self) -> None:
        self.stdout.write("\n")
        self.stdout.flush()

    def commands(self) -> None:
        """Every command, a line each: "/terug: de vorige vraag", "/stap 3: naar stap 3"."""
        self.tell("plain_commands")
        for _, key, about, number in COMMANDS:
            typed = f"/{self.words(key)} {number}" if number else f"/{self.words(key)}"
            self.show(f"{typed}: {self.words(about)}")

    # reading

    def read(self) -> str:
        """One line as typed, without its line ending; EndOfInput when there is no more."""
        line = self.stdin.readline()
        if not line:
            raise EndOfInput
        return line.removesuffix("\n").removesuffix("\r")

    def answer(self, again: Callable[[], None] | None = None) -> str:
        """The next line that is no command. An information command is answered and the line read again
        (`again` first repeats what is asked); any other command is raised as CommandGiven."""
        while True:
            line = self.read()
            command = self.command(line)
            if command is None:
                return line[1:] if line.startswith("//") else line
            if command.name in INFO_COMMANDS:
                if self.informer is not None:
                    self.informer(command.name)
                elif command.name == "help":  # outside a question: the commands
                    self.commands()
                else:
                    self.tell("plain_nothing_here")
                if again is not None:
                    again()
                continue
            raise CommandGiven(command)

    def command(self, line: str) -> Command | None:
        """The command a line holds, or None for an answer (also for a path: "/home/jan/roadmap.md"). An
        unknown command word is said, and the help follows."""
        text = line.strip()
        if not text.startswith("/") or text.startswith("//"):
            return None
        word, _, argument = text[1:].partition(" ")
        word = word.casefold()
        if any(mark in word for mark in "/\\.:~"):  # a path such as /home/jan/roadmap.md is an answer
            return None
        if word in ("?", "help"):  # "/?" and "/help" in every language
            return Command("help")
        for name, key, _, _ in COMMANDS:
            if word == self.words(key).casefold():
                return Command(name, argument.strip())
        self.tell("plain_unknown_command", command=printable(text.split(" ")[0]))
        return Command("help")

    def number(self, low: int, high: int, again: Callable[[], None] | None = None) -> int | None:
        """A whole number from `low` to `high`, asked until it is one; None for an empty line."""
        while True:
            line = self.answer(again).strip()
            if not line:
                return None
            if line.isdigit() and low <= int(line) <= high:
                return int(line)
            self.tell("plain_number_wrong", low=low, high=high)

    def numbers(self, high: int, again: Callable[[], None] | None = None) -> list[int] | None:
        """Several numbers from 1 to `high` (spaces or commas between them), each once, in the order
        typed; None for an empty line."""
        while True:
            line = self.answer(again).replace(",", " ").replace(";", " ").split()
            if not line:
                return None
            if all(item.isdigit() and 1 <= int(item) <= high for item in line):
                return list(dict.fromkeys(int(item) for item in line))
            self.tell("plain_numbers_wrong", high=high)
