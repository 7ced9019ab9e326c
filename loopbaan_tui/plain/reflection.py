"""The reflection, question after question: where the user is, the commands that move them, saving.

Which prompts are shown is the domain's answer (`shown`): a condition or a check-in added there is
followed here without change. Every answer is written to the traject file as soon as it is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.content.model import Pack, Prompt, Section
from ..domain.kinds import Stored, is_empty, kind_of
from ..domain.trajects.storage import StorageError, Store
from ..domain.trajects.traject import Traject, is_answered, keep_hidden, overall_progress, progress
from ..domain.trajects.visibility import as_shown, visible_prompts
from ..ui.words import storage_word
from .answers import ask
from .checkin import last_time_lines
from .console import CommandGiven, Console
from .question import Question


class Stop(Exception):
    """The user asked to stop (/stop, or the end of the input)."""


@dataclass(frozen=True, slots=True)
class Place:
    """A shown prompt and its step (its number among the pack's steps, from 1)."""

    step: int
    section: Section
    prompt: Prompt


class Reflection:
    """One open traject, asked line by line."""

    def __init__(self, console: Console, store: Store, traject: Traject, pack: Pack, *, checkin: bool = False) -> None:
        self.console = console
        self.store = store
        self.traject = traject
        self.pack = pack
        self.checkin = checkin
        """A check-in was just begun: only the prompts it looks at again are asked, from the first."""
        self._announced = ""
        self.finished_early = False
        """Set when the user went to the end with /done, before the last question."""

    # what is shown

    def shown(self) -> list[Place]:
        """The prompts this traject is asked, in order: its profile's, on its route, and those whose
        `show_if` holds for the answers so far (asked again after every answer); in a check-in just
        begun, only those it looks at again."""
        revisit = self.traject.current.revisit if self.checkin else None
        return [
            Place(step, section, prompt)
            for step, section in enumerate(self.pack.sections, 1)
            for prompt in visible_prompts(self.pack, section, self.traject)
            if revisit is None or prompt.id in revisit
        ]

    def first_place(self) -> int:
        """Where to begin: the first unanswered prompt after the one last edited, else from the start."""
        places = self.shown()
        if self.checkin:
            return 0
        last = next((i for i, place in enumerate(places) if place.prompt.id == self.traject.last_prompt), -1)
        order = [*range(last + 1, len(places)), *range(0, last + 1)]
        return next(
            (i for i in order if not is_answered(places[i].prompt, self.traject.answer(places[i].prompt.id))), 0
        )

    # the walk

    def run(self) -> bool:
        """Ask until the last question is done (True) or the user stops (Stop is raised)."""
        places = self.shown()
        if not places:
            self.console.tell("plain_no_questions")
            return True
        answered, total = overall_progress(self.pack, self.traject)
        if answered and not self.checkin:
            self.console.tell("plain_welcome_back", answered=answered, total=total)
        index: int | None = self.first_place()
        while index is not None:
            index = self.ask_at(index)
        return True

    def ask_at(self, index: int) -> int | None:
        """Ask the prompt at `index` of the shown ones; the index to go on with, None after the last."""
        places = self.shown()
        place = places[min(index, len(places) - 1)]
        self._announce(place, places)
        try:
            ask(self.question(place.prompt))
        except CommandGiven as given:
            return self.command(given, places, places.index(place))
        finally:
            self.console.informer = None
        following = self.shown()  # an answer may change which prompts follow
        position = next((i for i, p in enumerate(following) if p.prompt.id == place.prompt.id), index)
        return position + 1 if position + 1 < len(following) else None

    def question(self, prompt: Prompt) -> Question:
        self.console.informer = lambda name: self.inform(prompt, name)
        return Question(
            self.console,
            self.pack,
            as_shown(self.pack, prompt, self.traject),  # only the options shown for the answers so far
            self.traject.profile,
            lambda: self.traject.answer(prompt.id),
            lambda value: self.save(prompt, value),
            lambda: self.traject.answers,
        )

    def _announce(self, place: Place, places: list[Place]) -> None:
        """The step when it is a new one, then the question: its number, its label, whether it is answered."""
        console = self.console
        blank_before = True
        if place.section.id != self._announced:
            self._announced = place.section.id
            console.blank()
            console.tell("plain_step", number=place.step, total=len(self.pack.sections), name=place.section.name)
            console.show(place.section.question)
            if place.section.intro:
                console.show(place.section.intro)
            blank_before = False
        in_step = [p for p in places if p.section.id == place.section.id]
        if blank_before:
            console.blank()
        number = in_step.index(place) + 1
        console.tell("plain_question", number=number, total=len(in_step), label=place.prompt.label)
        if any(not is_empty(self.traject.answer(i)) for i in (place.prompt.id, *place.prompt.recall)):
            console.tell("plain_earlier_hint")
        if is_empty(self.traject.answer(place.prompt.id)):  # a scale looked at again: last time's beside it
            for line in last_time_lines(console, self.pack, self.traject, place.prompt):
                console.show(line)

    # commands

    def command(self, given: CommandGiven, places: list[Place], index: int) -> int | None:
        """Where a command takes the user (the index of a shown prompt), or Stop."""
        console, command = self.console, given.command
        match command.name:
            case "stop":
                raise Stop
            case "done":
                self.finished_early = True
                return None
            case "back":
                if index == 0:
                    console.tell("plain_first_question")
                return max(0, index - 1)
            case "skip":
                return index + 1 if index + 1 < len(places) else None
            case "step":
                return self._step(command.argument, places, index)
            case "clear":
                self.save(places[index].prompt, None)
                console.tell("plain_cleared")
                return index
            case "status":
                console.tell("plain_status_here")
                return index
        console.tell("plain_remove_here")
        return index

    def _step(self, argument: str, places: list[Place], index: int) -> int:
        total = len(self.pack.sections)
        if not argument:
            self._steps()
        if not (argument.isdigit() and 1 <= int(argument) <= total):
            self.console.tell("plain_step_which", high=total)
            return index
        found = next((i for i, place in enumerate(places) if place.step == int(argument)), None)
        if found is None:
            self.console.tell("plain_step_empty", number=int(argument))
            return index
        self._announced = ""  # the step is announced again, even when it is this one
        return found

    def _steps(self) -> None:
        """Every step by number, with how many of its questions are answered."""
        self.console.tell("plain_steps")
        for number, section in enumerate(self.pack.sections, 1):
            answered, total = progress(section, self.traject.profile, self.traject, pack=self.pack)
            self.console.tell("plain_step_line", number=number, name=section.name, answered=answered, total=total)

    def inform(self, prompt: Prompt, name: str) -> None:
        """The help, the example, or what was answered before (this prompt's and those it recalls)."""
        console = self.console
        if name == "help":
            if prompt.help:
                console.show(prompt.help)
            else:
                console.tell("plain_no_help")
            console.commands()
        elif name == "example":
            if prompt.example:
                console.show(prompt.example)
            else:
                console.tell("plain_no_example")
        else:
            self._earlier(prompt)

    def _earlier(self, prompt: Prompt) -> None:
        console, pack = self.console, self.pack
        lines = kind_of(prompt).summarize(pack, prompt, self.traject.answer(prompt.id), console.words)
        if lines:
            console.tell("plain_your_answer")
            for line in lines:
                console.show(line)
        else:
            console.tell("plain_no_answer")
        for line in last_time_lines(console, pack, self.traject, prompt):
            console.show(line)
        recalled = [p for p in (pack.prompt(i) for i in prompt.recall) if p is not None]
        for other in recalled:
            found = kind_of(other).summarize(pack, other, self.traject.answer(other.id), console.words)
            if found:
                console.tell("recall_title")
                console.show(other.label)
                for line in found:
                    console.show(line)

    # saving

    def save(self, prompt: Prompt, value: Stored | None) -> None:
        """Store the answer (what the plain asker cannot show is kept, a hidden option's choice too) and
        write the file now."""
        traject = self.traject
        if value is not None:
            shown = as_shown(self.pack, prompt, traject)
            value = keep_hidden(self.pack, shown, traject.profile, traject.answer(prompt.id), value)
        if traject.set_answer(prompt.id, value):
            self.write()

    def write(self) -> None:
        """Write the traject; when that fails, say so and keep a recovery copy where one can be made."""
        try:
            self.store.save(self.traject, progress=overall_progress(self.pack, self.traject))
        except StorageError as error:
            self.console.tell(storage_word(error.code), path=str(error.path))
            recovery = self.store.save_recovery(self.traject)
            if recovery is not None:
                self.console.tell("plain_recovery", path=str(recovery))
