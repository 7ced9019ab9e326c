"""A new check-in, line by line: what to look at again (the app's default chosen), then begun and saved.

The reflection then walks only the prompts looked at again (reflection.py), each with last time's
answer at hand ("Vorige keer, 3 maart 2026: ...").
"""

from __future__ import annotations

from datetime import datetime

from ..domain.content.model import Pack, Prompt
from ..domain.kinds import kind_of
from ..domain.trajects.checkins import begin, default_revisit, last_time, series
from ..domain.trajects.storage import StorageError, Store
from ..domain.trajects.traject import Traject, overall_progress
from ..domain.trajects.visibility import visible_prompts
from ..domain.words.dates import format_date
from ..ui.words import storage_word
from .console import Console


def choose_revisit(console: Console, pack: Pack, traject: Traject) -> tuple[str, ...]:
    """The prompts to look at again, in the pack's order: those typed by number, or (an empty line)
    the default ones, marked as chosen."""
    prompts = [p for section in pack.sections for p in section.prompts_for(traject.profile)]
    chosen = set(default_revisit(pack, traject.profile))
    marked = console.words("plain_chosen")
    when = format_date(series(traject)[-1].date.date(), pack.info.language, weekday=False)

    def again() -> None:
        console.tell("plain_checkin", name=traject.name, date=when)
        for number, prompt in enumerate(prompts, 1):
            line = f"{number}. {prompt.label}"
            console.show(f"{line} {marked}" if prompt.id in chosen else line)
        console.tell("plain_checkin_pick", high=len(prompts))

    again()
    picked = console.numbers(len(prompts), again)
    if picked is not None:
        chosen = {prompts[n - 1].id for n in picked}
    return tuple(p.id for p in prompts if p.id in chosen)


def begin_checkin(console: Console, store: Store, pack: Pack, traject: Traject, when: datetime) -> None:
    """Close the current check-in, begin one dated `when` looking again at what the user chooses, and
    write the file (a failure is said; the next answer's save tries again)."""
    revisit = choose_revisit(console, pack, traject)
    begin(traject, pack, when, revisit)
    try:
        store.save(traject, progress=overall_progress(pack, traject))
    except StorageError as error:
        console.tell(storage_word(error.code), path=str(error.path))
    day = format_date(when.date(), pack.info.language, weekday=False)
    asked = [p for s in pack.sections for p in visible_prompts(pack, s, traject) if p.id in revisit]
    console.tell("plain_checkin_begun", date=day, count=len(asked))  # those on its route, shown now


def last_time_lines(console: Console, pack: Pack, traject: Traject, prompt: Prompt) -> list[str]:
    """ "Vorige keer, 3 maart 2026:" and last time's answer, for a prompt this check-in looks at again;
    [] for any other prompt, or when there was no answer then."""
    found = last_time(traject, prompt.id) if prompt.id in traject.current.revisit else None
    if found is None:
        return []
    checkin, value = found
    lines = kind_of(prompt).summarize(pack, prompt, value, console.words)
    when = format_date(checkin.date.date(), pack.info.language, weekday=False)
    return [console.words("last_time", date=when), *lines] if lines else []
