"""The start screen's list of trajecten: the list itself and the lines it shows for each."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.widgets import OptionList

from ...domain.content.model import Pack
from ...domain.trajects.due import due_state
from ...domain.trajects.storage import TrajectSummary

if TYPE_CHECKING:
    from ..app import LoopbaanApp


class TrajectList(OptionList):
    """The list of trajecten. Enter opens one; the keys typed right after it wait from that moment on
    (not only once the selection has reached the screen), so they land in the reflection it opens."""

    app: LoopbaanApp

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.app.hold_keys()  # let go when the opening ends (StartScreen._open) or after HOLD_LIMIT
        super().action_select()


DUE_WORDS = {"overdue": "start_due_overdue", "due": "start_due_today", "soon": "start_due_soon"}
"""How the start list marks a traject whose check-in is overdue, today, or within a week."""


def describe(summary: TrajectSummary, pack: Pack) -> str:
    """The two lines the start list shows for a traject: its name, then its profile, when it was edited,
    how far it is and whether a check-in is due (or what is wrong with its file)."""
    words = pack.text
    if summary.problem_code == "link":
        return f"⚠ {summary.id}\n   {words('start_link', target=summary.link_target or '?')}"
    if summary.problem:
        return f"⚠ {summary.id}\n   {words('start_damaged')}"
    if summary.unchecked:
        return f"{summary.id}\n   {words('start_unchecked')}"
    profile = pack.profile(summary.profile)
    profile_label = profile.label if profile else summary.profile
    edited = summary.updated.astimezone().strftime(words("datetime_format"))
    line = f"{profile_label} · {words('start_edited', when=edited)}"
    if summary.total is not None:
        line += f" · {words('start_progress', answered=summary.answered, total=summary.total)}"
    if summary.due is not None and (state := due_state(summary.due, date.today())):
        from ...domain.words.dates import format_date  # here: most starts show no date

        day = format_date(summary.due, pack.info.language, weekday=False)
        line += f" · {words(DUE_WORDS[state], date=day)}"
    return f"{summary.name}\n   {line}"
