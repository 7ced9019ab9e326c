"""Dates: the forms people type are read, impossible dates say why, and every date survives a round trip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loopbaan_tui.domain.content.builtin import LANGUAGES, reference_ui
from loopbaan_tui.domain.words.dates import DateProblem, describe_problem, format_date, parse_date, recognize_date

TODAY = date(2026, 9, 1)


def words_of(language: str) -> Callable[..., str]:
    """The built-in pack's words, filled in the way Pack.text does."""
    words = reference_ui(language)
    return lambda key, **values: words[key].format(**values)


@pytest.mark.parametrize(
    "text",
    [
        "2-3-2027",
        "02-03-2027",
        "2/3/2027",
        "2.3.2027",
        "02.03.2027",
        "2 maart 2027",
        "2 mrt 2027",
        "2 mrt. 2027",
        "dinsdag 2 maart 2027",
        "di 2 maart 2027",
        "2027-03-02",
        "2027-3-2",
        "2 March 2027",
        "2 Mar 2027",
        "March 2, 2027",
        "March 2 2027",
        "Tuesday, 2 March 2027",
        "Tuesday 2nd March 2027",
        "Tue, March 2, 2027",
        "  2 MAART 2027  ",
        "2\u00a0maart\u00a02027",
        "DINSDAG 2  maart   2027",
        "2 maart, 2027",
        "2 - 3 - 2027",
    ],
)
def test_the_usual_forms_are_read(text: str) -> None:
    assert parse_date(text) == date(2027, 3, 2)
    assert recognize_date(text) == date(2027, 3, 2)


def test_numbers_are_always_day_first() -> None:
    assert parse_date("3-2-2027") == date(2027, 2, 3)
    assert parse_date("12/1/2027") == date(2027, 1, 12)
    assert parse_date("1.12.2027") == date(2027, 12, 1)


@pytest.mark.parametrize(
    ("text", "code", "parts"),
    [
        ("", "empty", {}),
        ("   \n\t", "empty", {}),
        ("na de voorjaarsvakantie", "not_a_date", {}),
        ("eind maart", "not_a_date", {}),
        ("maart 2027", "not_a_date", {}),
        ("2-3/2027", "not_a_date", {}),
        ("2 maart 202", "not_a_date", {}),
        ("2 maart 20270", "not_a_date", {}),
        ("2 foo 2027", "not_a_date", {}),
        ("2027-02-30", "impossible", {"day": 30, "month": 2, "year": 2027}),
        ("30 februari 2027", "impossible", {"day": 30, "month": 2, "year": 2027}),
        ("29-2-2027", "impossible", {"day": 29, "month": 2, "year": 2027}),
        ("31 april 2027", "impossible", {"day": 31, "month": 4, "year": 2027}),
        ("2-13-2027", "impossible", {"day": 2, "month": 13, "year": 2027}),
        ("0-3-2027", "impossible", {"day": 0, "month": 3, "year": 2027}),
        ("2 maart", "no_year", {"day": 2, "month": 3, "year": None}),
        ("2-3", "no_year", {"day": 2, "month": 3, "year": None}),
        ("2-3-27", "short_year", {"day": 2, "month": 3, "year": None}),
        ("maandag 2 maart 2027", "wrong_weekday", {"day": 2, "month": 3, "year": 2027, "weekday": 0}),
    ],
)
def test_what_is_not_a_date_says_why(text: str, code: str, parts: dict[str, object]) -> None:
    with pytest.raises(DateProblem) as caught:
        parse_date(text)
    assert caught.value.code == code
    assert {name: getattr(caught.value, name) for name in parts} == parts
    assert recognize_date(text) is None


def test_a_leap_day_is_a_date_only_in_a_leap_year() -> None:
    assert parse_date("29 februari 2028") == date(2028, 2, 29)
    with pytest.raises(DateProblem):
        parse_date("29 februari 2100")


def test_recognize_date_wants_the_whole_text() -> None:
    for text in ("voor de kerst", "eind maart", "rond 2 maart 2027", "2 maart 2027 of later", "maart", "2027"):
        assert recognize_date(text) is None, text
    assert recognize_date(None) is None and recognize_date(12) is None  # type: ignore[arg-type]


def test_format_date_needs_no_locale() -> None:
    assert format_date(date(2027, 3, 2), "nl") == "dinsdag 2 maart 2027"
    assert format_date(date(2027, 3, 2), "en") == "Tuesday 2 March 2027"
    assert format_date(date(2027, 3, 2), "fr") == "dinsdag 2 maart 2027", "Dutch unless English"
    assert format_date(date(2026, 3, 6), "nl", weekday=False) == "6 maart 2026"


@pytest.mark.parametrize(
    ("text", "nl", "en"),
    [
        (
            "",
            "Vul een datum in: dag, maand en jaar, bijvoorbeeld 2-3-2026 of 2 maart 2026.",
            "Fill in a date: day, month and year, for example 2-3-2026 or 2 March 2026.",
        ),
        (
            "na de kerst",
            "'na de kerst' lees ik niet als datum. Schrijf dag, maand en jaar, bijvoorbeeld 2-3-2026 of 2 maart 2026.",
            "'na de kerst' does not read as a date. Write the day, the month and the year, for example "
            "2-3-2026 or 2 March 2026.",
        ),
        (
            "30 februari 2027",
            "30 februari 2027 bestaat niet: februari heeft 28 dagen. Kies een andere dag.",
            "30 February 2027 does not exist: February has 28 days. Choose another day.",
        ),
        (
            "2-13-2027",
            "Maand 13 bestaat niet: een jaar heeft 12 maanden. Schrijf eerst de dag, dan de maand, dan het "
            "jaar, bijvoorbeeld 2-3-2026.",
            "There is no month 13: a year has 12 months. Write the day first, then the "
            "month, then the year, for example 2-3-2026.",
        ),
        (
            "2 maart",
            "Welk jaar? Schrijf het jaar erbij, bijvoorbeeld 2 maart 2026.",
            "Which year? Add the year, for example 2 March 2026.",
        ),
        (
            "2-3-27",
            "Schrijf het jaar helemaal, met vier cijfers, bijvoorbeeld 2 maart 2026.",
            "Write the year in full, with four digits, for example 2 March 2026.",
        ),
        (
            "maandag 2 maart 2027",
            "2 maart 2027 is een dinsdag, geen maandag. Welke dag bedoel je? Schrijf de datum "
            "zonder dag ervoor, of met de goede dag.",
            "2 March 2027 is a Tuesday, not a Monday. Which day do you mean? "
            "Write the date without the weekday, or with the right one.",
        ),
    ],
)
def test_describe_problem_says_what_to_do(text: str, nl: str, en: str) -> None:
    with pytest.raises(DateProblem) as caught:
        parse_date(text)
    for language, expected in (("nl", nl), ("en", en)):
        said = describe_problem(caught.value, words_of(language), language, TODAY)
        assert said == expected


# --- properties ---------------------------------------------------------------------------------

any_date = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@given(any_date)
def test_every_date_round_trips(value: date) -> None:
    assert parse_date(value.isoformat()) == value
    assert parse_date(f"{value.day}-{value.month}-{value.year:04d}") == value
    assert parse_date(f"{value.day:02d}/{value.month:02d}/{value.year:04d}") == value
    for language in LANGUAGES:
        assert parse_date(format_date(value, language)) == value
        assert parse_date(format_date(value, language, weekday=False)) == value
        assert parse_date(format_date(value, language).upper()) == value


def date_or_problem(text: str) -> None:
    """A text is a date (and recognised as one) or raises DateProblem, which can always be described."""
    try:
        found = parse_date(text)
    except DateProblem as problem:
        assert problem.code in ("empty", "not_a_date", "no_year", "short_year", "impossible", "wrong_weekday")
        assert recognize_date(text) is None
        for language in LANGUAGES:
            describe_problem(problem, words_of(language), language, TODAY)
    else:
        assert recognize_date(text) == found


@given(st.text())
def test_any_text_is_a_date_or_a_date_problem(text: str) -> None:
    date_or_problem(text)


date_like = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "2",
                "02",
                "30",
                "31",
                "0",
                "13",
                "2027",
                "27",
                "0000",
                "-",
                "/",
                ".",
                " ",
                ",",
                "maart",
                "mrt.",
                "March",
                "dinsdag",
                "Tue,",
                "2nd",
                "e",
                "februari",
            ]
        ),
        st.text(max_size=3),
    ),
    max_size=7,
).map("".join)


@given(date_like)
def test_nearly_dates_are_a_date_or_a_date_problem(text: str) -> None:
    date_or_problem(text)
