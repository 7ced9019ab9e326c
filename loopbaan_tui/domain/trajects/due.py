"""What is due: a traject's next check-in (the roadmap step's date prompt), and its dates as a calendar.

A check-in is due on its date, overdue after it, and "soon" within SOON_DAYS before it. The calendar
(.ics, made with the icalendar library) holds each traject's next check-in and the deadlines of its
actions still open, as all-day events, so they land in the user's own calendar: an offline reminder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from ..content.model import Kind, Pack
from .traject import Traject

DueState = Literal["overdue", "due", "soon"]
SOON_DAYS = 7


def next_checkin(pack: Pack, traject: Traject) -> date | None:
    """The date the user set for the next check-in (the roadmap step's check-in prompt), if any."""
    if pack.roadmap is None:
        return None
    from ..kinds import kind_of  # here: the start screen asks only due_state, without the kinds or dates
    from ..words.dates import recognize_date

    for prompt in pack.roadmap.prompts_for(traject.profile):
        value = traject.answer(prompt.id)
        if kind_of(prompt).checkin and isinstance(value, str) and (found := recognize_date(value)):
            return found
    return None


def due_state(day: date, today: date) -> DueState | None:
    """ "overdue" after the day, "due" on it, "soon" within SOON_DAYS before it; None otherwise."""
    if today > day:
        return "overdue"
    if today == day:
        return "due"
    return "soon" if day - today <= timedelta(days=SOON_DAYS) else None


@dataclass(frozen=True, slots=True)
class Deadline:
    """A date in a traject: its next check-in (`what` empty) or an open action's 'when'. `name` is
    the traject's name (its id when it has none)."""

    traject_id: str
    name: str
    day: date
    what: str = ""


def deadlines(pack: Pack, traject: Traject) -> list[Deadline]:
    """The traject's next check-in and the deadlines of its actions not yet done or let go."""
    from ..kinds import ACTIONS
    from ..kinds.rows import status_of
    from ..words.dates import recognize_date

    found = []
    name = traject.name.strip() or traject.id
    if (day := next_checkin(pack, traject)) is not None:
        found.append(Deadline(traject.id, name, day))
    for section in pack.sections:
        for prompt in section.prompts_for(traject.profile):
            if prompt.kind != Kind.ACTIONS:
                continue
            for row in ACTIONS.read(prompt, traject.answer(prompt.id)).rows:
                when = recognize_date(row.get("when"))
                if when is not None and status_of(row) in ("open", "bezig"):
                    found.append(Deadline(traject.id, name, when, " ".join(row.get("what").split())))
    return found


def calendar(items: Iterable[Deadline], checkin_title: Callable[[str], str], stamp: datetime) -> bytes:
    """An .ics file of all-day events; `checkin_title` names a check-in's event from the traject's name."""
    from icalendar import Calendar, Event  # here: importing it takes longer than the whole start screen

    cal = Calendar()
    cal.add("prodid", "-//loopbaan//check-ins//")
    cal.add("version", "2.0")
    for number, item in enumerate(items):
        event = Event()
        event.add("summary", item.what or checkin_title(item.name))
        if item.what:
            event.add("description", item.name)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("dtstamp", stamp)
        event.add("uid", f"{item.traject_id}-{item.day.isoformat()}-{number}@loopbaan")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
