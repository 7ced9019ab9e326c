"""Dates as people write them: read from the usual Dutch, English and ISO forms, written out in words.

`parse_date` accepts, ignoring case and the spaces around and between words:

- ISO: `2027-03-02` (year first, so never ambiguous);
- numbers, always DAY first (the Dutch convention, also in the English UI): `2-3-2027`,
  `02-03-2027`, `2/3/2027`, `2.3.2027` (the same separator twice);
- words in any built-in language (Dutch, English), full or short (`mrt`, `okt`, `Sept.`), with an
  optional weekday in front:
  `2 maart 2027`, `2 mrt 2027`, `dinsdag 2 maart 2027`, `2 March 2027`, `March 2, 2027`,
  `Tuesday, 2nd March 2027`.

The year is always written in full (four digits). A weekday that does not match the date is a
problem, not something to ignore: the person may have meant the other day. Month and weekday
names come from the built-in catalogues (`[dates]` in `content/<lang>/words/messages.toml`), not the
pack's words, so a date typed in any built-in language is read the same way whatever the pack says;
`format_date` writes them without the machine's locale.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from ..content.builtin import languages
from .catalogue import catalogue


@cache
def _month_numbers(spoken: tuple[str, ...]) -> dict[str, int]:
    """Every month name and short form of these languages, lower-case, to its number."""
    found: dict[str, int] = {}
    for language in spoken:
        words = catalogue(language).dates
        for n, (name, shorts) in enumerate(zip(words.months, words.months_short, strict=True), 1):
            found |= {name.lower(): n} | dict.fromkeys(shorts, n)
    return found


@cache
def _weekday_numbers(spoken: tuple[str, ...]) -> dict[str, int]:
    """Every weekday name and short form of these languages, lower-case, to its number (0 = Monday)."""
    found: dict[str, int] = {}
    for language in spoken:
        words = catalogue(language).dates
        for n, (name, shorts) in enumerate(zip(words.weekdays, words.weekdays_short, strict=True)):
            found |= {name.lower(): n} | dict.fromkeys(shorts, n)
    return found


Code = Literal["empty", "not_a_date", "no_year", "short_year", "impossible", "wrong_weekday"]

_NUMBERS = re.compile(r"([0-9]{1,2}) ?([-/.]) ?([0-9]{1,2})(?: ?\2 ?([0-9]+))?", re.ASCII)
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_WORD = r"([^\W\d_]+)\.?"
_DAY = r"([0-9]{1,2})(?:st|nd|rd|th|e)?\.?"
_YEAR = r"(?:(?:,\s*|\s+)([0-9]+))?"  # "2027" never splits into a day and a year
_DAY_MONTH = re.compile(rf"{_DAY}\s*{_WORD}{_YEAR}", re.ASCII | re.IGNORECASE)
_MONTH_DAY = re.compile(rf"{_WORD}\s*{_DAY}{_YEAR}", re.ASCII | re.IGNORECASE)
_WEEKDAY = re.compile(r"([^\W\d_]+)\.?,?\s*(.*)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class _Parts:
    day: int
    month: int
    year: int | None
    year_text: str
    weekday: int | None


class DateProblem(ValueError):
    """Why a text is not a date, with what could be read of it, so the UI can say what to change.

    `code`: "empty"; "not_a_date" (no date form recognised); "no_year" (`2 maart`); "short_year"
    (`2-3-27`); "impossible" (`30 februari 2027`, month 13); "wrong_weekday" (`maandag 2 maart 2027`,
    a Tuesday: `date` is the date, `weekday` the day that was typed, 0 = Monday).
    """

    def __init__(
        self,
        code: Code,
        text: str,
        *,
        day: int | None = None,
        month: int | None = None,
        year: int | None = None,
        weekday: int | None = None,
        found: date | None = None,
    ) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code: Code = code
        self.text = text
        self.day = day
        self.month = month
        self.year = year
        self.weekday = weekday
        self.date = found


def parse_date(text: str) -> date:
    """The date a text stands for (forms: see the module docstring); DateProblem when it is none."""
    if not isinstance(text, str) or not text.split():
        raise DateProblem("empty", text if isinstance(text, str) else "")
    clean = " ".join(text.split()).lower()
    parts = _read(clean) or _read_with_weekday(clean)
    if parts is None:
        raise DateProblem("not_a_date", text)
    if parts.year is None:
        raise DateProblem("short_year" if parts.year_text else "no_year", text, day=parts.day, month=parts.month)
    if (
        not 1 <= parts.month <= 12
        or not 1 <= parts.year <= 9999
        or not 1 <= parts.day <= calendar.monthrange(parts.year, parts.month)[1]
    ):
        raise DateProblem("impossible", text, day=parts.day, month=parts.month, year=parts.year)
    found = date(parts.year, parts.month, parts.day)
    if parts.weekday is not None and parts.weekday != found.weekday():
        raise DateProblem(
            "wrong_weekday", text, day=parts.day, month=parts.month, year=parts.year, weekday=parts.weekday, found=found
        )
    return found


def recognize_date(text: object) -> date | None:
    """The date when the whole text is one (as `parse_date` reads it); None for "eind maart" or anything else."""
    if not isinstance(text, str):
        return None
    try:
        return parse_date(text)
    except DateProblem:
        return None


def format_date(value: date, language: str, *, weekday: bool = True) -> str:
    """A date in words, "dinsdag 2 maart 2027" / "Tuesday 2 March 2027" (the default language for one
    loopbaan does not speak)."""
    words = catalogue(language).dates
    text = f"{value.day} {words.months[value.month - 1]} {value.year:04d}"
    return f"{words.weekdays[value.weekday()]} {text}" if weekday else text


def describe_problem(problem: DateProblem, words: Callable[..., str], language: str, today: date | None = None) -> str:
    """What is wrong and what to do, in the pack's words (the `date_problem_*` keys of ui.toml); examples
    use this year (`today`'s)."""
    year = (today or date.today()).year
    names = catalogue(language).dates
    month = names.months[problem.month - 1] if problem.month is not None and 1 <= problem.month <= 12 else None
    values: dict[str, object] = {"text": " ".join(problem.text.split()), "year": year}
    match problem.code:
        case "no_year" | "short_year":
            values["example"] = f"{problem.day} {month} {year}" if month else f"2 {names.months[2]} {year}"
            key = "date_problem_no_year" if problem.code == "no_year" else "date_problem_short_year"
        case "impossible" if month is None:
            key = "date_problem_no_month"
            values["month"] = problem.month
        case "impossible":
            days = calendar.monthrange(min(max(problem.year or 1, 1), 9999), problem.month or 1)[1]
            key = "date_problem_no_day"
            values |= {"date": f"{problem.day} {month} {problem.year}", "month": month, "days": days}
        case "wrong_weekday" if problem.date is not None and problem.weekday is not None:
            key = "date_problem_wrong_weekday"
            values |= {
                "date": format_date(problem.date, language, weekday=False),
                "weekday": names.weekdays[problem.date.weekday()],
                "typed": names.weekdays[problem.weekday],
            }
        case "empty":
            key = "date_problem_empty"
        case _:
            key = "date_problem_not_a_date"
    return words(key, **values)


def _read(text: str) -> _Parts | None:
    """Day, month and year from a text without a weekday, or None when it has no date's form."""
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
        return _Parts(int(day), int(month), int(year), year, None)
    if match := _NUMBERS.fullmatch(text):
        day, _, month, year = match.groups()
        return _with_year(int(day), int(month), year)
    for form, day_first in ((_DAY_MONTH, True), (_MONTH_DAY, False)):
        if match := form.fullmatch(text):
            first, second, year = match.groups()
            day, name = (first, second) if day_first else (second, first)
            month = _month_numbers(languages()).get(name.lower())
            return None if month is None else _with_year(int(day), month, year)
    return None


def _with_year(day: int, month: int, year: str | None) -> _Parts | None:
    """The parts, the year only when it is written in full (four digits); None for 3 or 5+ digits."""
    if year is None or len(year) in (1, 2):
        return _Parts(day, month, None, year or "", None)
    return _Parts(day, month, int(year), year, None) if len(year) == 4 else None


def _read_with_weekday(text: str) -> _Parts | None:
    """A date with a weekday in front: "dinsdag 2 maart 2027", "Tue, March 2, 2027"."""
    match = _WEEKDAY.fullmatch(text)
    if not match or (weekday := _weekday_numbers(languages()).get(match.group(1))) is None:
        return None
    parts = _read(match.group(2))
    if parts is None:
        return None
    return _Parts(parts.day, parts.month, parts.year, parts.year_text, weekday)
