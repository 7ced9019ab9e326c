"""A `show_if` in words for the preview (nl and en), and which conditions a profile can ever meet."""

from __future__ import annotations

from pathlib import Path

import pytest

from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.condition_words import describe, for_profile, possible_for
from loopbaan_tui.domain.content.conditions import AllOf, Answered, AnyOf, Condition, Has, InProfile, Score
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.content.preview import build_preview

WHY = {"nl": "Waarom denk je juist nu na over je loopbaan?", "en": "Why are you thinking about your career right now?"}
VARIETY = {
    "nl": "Ik wil meer afwisseling of verandering in mijn werk",
    "en": "I want more variety or change in my work",
}
FEEL = {
    "nl": "Hoe staat het met je werkplezier, nu en toen?",
    "en": "How do you feel about your work now, compared with before?",
}
JOY = {"nl": "Ik heb plezier in mijn werk", "en": "I enjoy my work"}
TASKS = {
    "nl": "Welke taken doe je al die niet in je functie staan?",
    "en": "Which tasks do you do that aren't in your job description?",
}

CASES: list[tuple[Condition, str, str]] = [
    (Has("wil-motieven", "afwisseling"), "je bij '{why}' '{variety}' koos", "you chose '{variety}' in '{why}'"),
    (
        Has("waar-paden", "expert"),
        "je bij 'Welke loopbaanpaden spreken je aan, en waarom?' 'Van beginner naar expert' koos",
        "you chose 'From beginner to expert' in 'Which career paths appeal to you, and why?'",
    ),
    (
        Score("wil-balans", "werkplezier", at_least=4),
        "je '{joy}' bij '{feel}' een 4 of hoger gaf",
        "you scored '{joy}' 4 or higher in '{feel}'",
    ),
    (
        Score("wil-balans", "werkplezier", at_most=2),
        "je '{joy}' bij '{feel}' een 2 of lager gaf",
        "you scored '{joy}' 2 or lower in '{feel}'",
    ),
    (
        Score("wil-balans", "werkplezier", at_least=2, at_most=3),
        "je '{joy}' bij '{feel}' een 2 tot en met 3 gaf",
        "you scored '{joy}' from 2 to 3 in '{feel}'",
    ),
    (Score("wil-balans", "werkplezier", 3, 3), "je '{joy}' bij '{feel}' een 3 gaf", "you scored '{joy}' 3 in '{feel}'"),
    (Answered("kan-taken"), "je '{tasks}' beantwoordde", "you answered '{tasks}'"),
    (InProfile(("starter",)), "je profiel 'Startende leraar' is", "your profile is 'Starting teacher'"),
    (
        InProfile(("student", "starter", "ervaren")),
        "je profiel 'Aanstaande leraar', 'Startende leraar' of 'Ervaren leraar' is",
        "your profile is 'Student teacher', 'Starting teacher' or 'Experienced teacher'",
    ),
    (
        AnyOf((Has("wil-motieven", "afwisseling"), Answered("kan-taken"))),
        "je bij '{why}' '{variety}' koos of je '{tasks}' beantwoordde",
        "you chose '{variety}' in '{why}' or you answered '{tasks}'",
    ),
    (
        AllOf((Answered("kan-taken"), AnyOf((InProfile(("starter",)), Has("wil-motieven", "afwisseling"))))),
        "je '{tasks}' beantwoordde en (je profiel 'Startende leraar' is of je bij '{why}' '{variety}' koos)",
        "you answered '{tasks}' and (your profile is 'Starting teacher' or you chose '{variety}' in '{why}')",
    ),
    (AllOf((Answered("kan-taken"),)), "je '{tasks}' beantwoordde", "you answered '{tasks}'"),
]


@pytest.fixture(scope="module", params=builtin.LANGUAGES)
def pack(request: pytest.FixtureRequest) -> Pack:
    loaded = load_pack(builtin.pack_folder(request.param)).pack
    assert loaded is not None
    return loaded


@pytest.mark.parametrize(("condition", "nl", "en"), CASES)
def test_each_form_in_words(pack: Pack, condition: Condition, nl: str, en: str) -> None:
    language = pack.info.language
    labels = {"why": WHY, "variety": VARIETY, "feel": FEEL, "joy": JOY, "tasks": TASKS}
    expected = (nl if language == "nl" else en).format(**{name: words[language] for name, words in labels.items()})
    assert describe(pack, condition) == expected


def test_what_a_profile_can_meet(pack: Pack) -> None:
    assert possible_for(pack, InProfile(("starter",)), "starter")
    assert not possible_for(pack, InProfile(("starter",)), "student")
    assert not possible_for(pack, Answered("kan-taken"), "student")  # kan-taken is for teaching assistants only
    assert possible_for(pack, Answered("kan-taken"), "ondersteuner")
    assert not possible_for(pack, Has("wil-motieven", "afwisseling"), "student")  # nor this one for students
    either = AnyOf((InProfile(("ervaren",)), Score("wil-balans", "werkplezier", at_least=4)))
    assert possible_for(pack, either, "student") and for_profile(pack, either, "student") == either.parts[1]
    assert for_profile(pack, either, "ervaren") == either
    both = AllOf((InProfile(("ervaren",)), Score("wil-balans", "werkplezier", at_least=4)))
    assert not possible_for(pack, both, "student") and possible_for(pack, both, "ervaren")


def test_the_preview_says_when_a_prompt_is_shown() -> None:
    pack = load_pack(Path(__file__).parent / "packs" / "conditional").pack
    assert pack is not None
    student, ervaren = build_preview(pack, "student"), build_preview(pack, "ervaren")
    variety = "- **Alleen als:** je bij 'Waarom denk je nu na over je loopbaan?' 'Ik wil meer afwisseling' koos"
    assert variety in student and variety in ervaren
    pressure = "een 4 of hoger gaf en je profiel 'Ervaren leraar' is"
    assert "Wat maakt je werkdruk hoog?" not in student and pressure in ervaren  # for ervaren only
    then = "- **Alleen als:** je 'Wat voor afwisseling zoek je?' beantwoordde"
    assert f"{then}\n" in student and f"{then} of je 'Wat maakt je werkdruk hoog?' beantwoordde" in ervaren
    assert "- Minder uren lesgeven *(alleen als: je bij 'Waarom denk je nu na over je loopbaan?'" in student
