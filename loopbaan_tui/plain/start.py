"""The start choices, line by line: a new traject (name, profile, route), or one to open."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.content import builtin
from ..domain.content.loader import load_pack
from ..domain.content.model import Pack, Route
from ..domain.trajects.storage import DamagedTraject, StorageError, Store, TrajectLock, TrajectLocked
from ..domain.trajects.store_summary import TrajectSummary
from ..domain.trajects.text import clean_text
from ..domain.trajects.traject import Traject, now
from ..domain.words.dates import format_date
from ..ui.words import damage_word, storage_word
from .checkin import begin_checkin
from .console import CommandGiven, Console

MAX_NAME = 80
"""As long as a name may be in the full-screen app's dialog."""


@dataclass(frozen=True)
class Opened:
    """A traject, locked for this process, and the pack it was made with."""

    traject: Traject
    pack: Pack
    lock: TrajectLock
    checkin: bool = False
    """A new check-in was begun: the reflection walks the prompts it looks at again."""


class Start:
    """What the start screen offers, asked until a traject is open (or the user stops)."""

    def __init__(self, console: Console, store: Store, pack: Pack, clock: Callable[[], datetime] = now) -> None:
        self.console = console
        self.store = store
        self.pack = pack
        self.clock = clock
        """The time a new check-in begins (tests pass a fixed one)."""
        self._packs: dict[str, Pack] = {self.pack_key(): pack}

    def pack_key(self) -> str:
        """How a traject names the pack given, as the app does: a built-in one by its language, else its folder."""
        for language in builtin.LANGUAGES:
            if self.pack.folder == builtin.pack_folder(language).resolve():
                return language
        return str(self.pack.folder)

    def choose(self) -> Opened:
        """Ask until a traject is open; CommandGiven for /stop is raised (another command starts over)."""
        while True:
            summaries = self._summaries()
            try:
                if not summaries:
                    self.console.tell("plain_start_empty")
                    opened = self.new()
                else:
                    opened = self._pick(summaries)
            except CommandGiven as given:
                if given.command.name == "stop":
                    raise
                continue  # any other command: back to the choices
            if opened is not None:
                return opened

    def _summaries(self) -> list[TrajectSummary]:
        try:
            return self.store.summaries()
        except StorageError as error:
            self.console.tell(storage_word(error.code), path=str(error.path))
            return []

    def _pick(self, summaries: list[TrajectSummary]) -> Opened | None:
        console = self.console
        readable = [s for s in summaries if not s.problem]
        lines = [
            console.words("plain_start_new"),
            *(self._describe(s) for s in summaries),
            *(console.words("plain_start_checkin", name=s.name or s.id) for s in readable),
        ]

        def again() -> None:
            console.tell("plain_start")
            for number, line in enumerate(lines, 1):
                console.show(f"{number}. {line}")
            console.tell("plain_choose_one", high=len(lines))

        again()
        number = console.number(1, len(lines), again)
        if number is None:
            return None
        if number == 1:
            return self.new()
        if number <= 1 + len(summaries):
            return self.open(summaries[number - 2])
        return self.open(readable[number - 2 - len(summaries)], checkin=True)

    def _describe(self, summary: TrajectSummary) -> str:
        words = self.console.words
        if summary.problem:
            return words("plain_start_damaged", name=summary.name or summary.id)
        found = self.pack.profile(summary.profile)
        profile = found.label if found else summary.profile or "?"
        when = format_date(summary.updated.astimezone().date(), self.pack.info.language, weekday=False)
        return words("plain_start_open", name=summary.name or summary.id, profile=profile, when=when)

    # a new traject

    def new(self) -> Opened | None:
        name = self._name()
        profile = self._profile()
        route = self._route(profile)
        traject = self.store.create(name, profile, self.pack_key(), route)
        self.console.tell("plain_created", name=traject.name)
        lock = self._lock(traject.id)
        return Opened(traject, self.pack, lock) if lock else None

    def _name(self) -> str:
        console = self.console
        console.tell("new_name")
        while True:
            name = clean_text(console.answer()).strip()[:MAX_NAME].strip()
            if name:
                return name
            console.tell("new_name_missing")

    def _profile(self) -> str:
        console, profiles = self.console, self.pack.profiles

        def again() -> None:
            console.tell("new_profile")
            for number, profile in enumerate(profiles, 1):
                text = f"{profile.label}: {profile.description}" if profile.description else profile.label
                console.show(f"{number}. {text}")
            console.tell("plain_choose_one", high=len(profiles))

        again()
        while True:
            number = console.number(1, len(profiles), again)
            if number is not None:
                return profiles[number - 1].id
            console.tell("plain_profile_missing")

    def _route(self, profile: str) -> Route:
        console, pack = self.console, self.pack
        if not pack.has_short_route:
            return "full"
        count = sum(len(s.prompts_for(profile, "short")) for s in pack.sections)

        def again() -> None:
            console.tell("plain_route")
            console.show(f"1. {console.words('route_full')}")
            console.show(f"2. {console.words('route_short', count=count)}")
            console.tell("plain_route_keep")

        again()
        return "short" if console.number(1, 2, again) == 2 else "full"

    # opening one

    def open(self, summary: TrajectSummary, *, checkin: bool = False) -> Opened | None:
        """The traject opened and locked (with a new check-in begun, when asked); None when it cannot be."""
        lock = self._lock(summary.id)
        if lock is None:
            return None
        try:
            traject = self._load(summary.id)
            pack = self._pack_for(traject) if traject else None
            if traject is not None and pack is not None and checkin:
                self.console.use_pack(pack)
                begin_checkin(self.console, self.store, pack, traject, self.clock())
        except BaseException:
            lock.release()
            self.console.use_pack(self.pack)  # back on the start choices: in their words
            raise
        if traject is None or pack is None:
            lock.release()
            return None
        return Opened(traject, pack, lock, checkin)

    def _lock(self, traject_id: str) -> TrajectLock | None:
        try:
            return self.store.lock(traject_id)
        except TrajectLocked:
            self.console.tell("locked_body")
        except StorageError as error:
            self.console.tell(storage_word(error.code), path=str(error.path))
        return None

    def _load(self, traject_id: str) -> Traject | None:
        console = self.console
        try:
            return self.store.load(traject_id)
        except FileNotFoundError:
            console.tell("plain_gone")
            return None
        except DamagedTraject as damage:
            if damage.code == "link":
                console.tell("damaged_link", target=damage.link_target or "?")
                return None
            kept = str(damage.kept_as or damage.path)
            console.tell("damaged_body", reason=console.words(damage_word(damage.code)), kept=kept)
            if damage.backup is None:
                console.tell("damaged_no_backup")
                return None
        console.tell("damaged_backup")
        console.tell("plain_backup_ask")
        console.tell("plain_choose_one", high=2)
        if console.number(1, 2) != 1:
            return None
        try:
            return self.store.restore_backup(traject_id)
        except (FileNotFoundError, DamagedTraject):
            console.tell("damaged_backup_bad")
        except StorageError as error:
            console.tell(storage_word(error.code), path=str(error.path))
        return None

    def _pack_for(self, traject: Traject) -> Pack | None:
        """The pack the traject was made with, loaded once; its problems told when it cannot be used."""
        key = traject.pack
        if key not in self._packs:
            folder = builtin.pack_folder(key) if key in builtin.LANGUAGES else Path(key)
            result = load_pack(folder)
            if result.pack is None:
                for problem in result.problems:
                    self.console.show(problem.render(self.pack.info.language))
                self.console.tell("plain_pack_broken")
                return None
            self._packs[key] = result.pack
        return self._packs[key]
