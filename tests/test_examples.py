"""The example trajecten: one believable person per built-in profile, in Dutch and English, that fit the packs."""

from __future__ import annotations

from datetime import date

import pytest

from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.builtin import LANGUAGES
from loopbaan_tui.domain.content.examples import ExampleMissing, example_path, example_profiles, load_example
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import BYLINES, Kind, Pack
from loopbaan_tui.domain.roadmap.roadmap import build_markdown
from loopbaan_tui.domain.trajects.traject import Traject

PROFILES = ("student", "starter", "ervaren", "ondersteuner")


@pytest.fixture(scope="module", params=LANGUAGES)
def pack(request: pytest.FixtureRequest) -> Pack:
    result = load_pack(builtin.pack_folder(request.param))
    assert result.pack is not None
    return result.pack


def _check_answer(pack: Pack, profile: str, prompt_id: str, value: object) -> None:
    """The answer has the shape its prompt's kind asks for, and names only what the pack has."""
    prompt = pack.prompt(prompt_id)
    assert prompt is not None and prompt.for_profile(profile), prompt_id
    match prompt.kind:
        case Kind.LONG_TEXT | Kind.SHORT_TEXT:
            assert isinstance(value, str) and value.strip(), prompt_id
        case Kind.DATE:
            assert date.fromisoformat(value) > date(2025, 11, 21), prompt_id
        case Kind.LIST:
            assert isinstance(value, list) and all(isinstance(v, str) and v for v in value), prompt_id
        case Kind.SINGLE_CHOICE:
            assert value["choice"] in {o.id for o in prompt.options}, prompt_id
        case Kind.MULTIPLE_CHOICE:
            assert set(value["choices"]) <= {o.id for o in prompt.options} and value["choices"], prompt_id
        case Kind.SCALE:
            assert set(value) == set(prompt.scales), prompt_id
            for scale_id, scores in value.items():
                scale = pack.scale(scale_id)
                assert set(scores) == ({"then", "now"} if prompt.then_now else {"now"}), prompt_id
                assert all(scale.min <= s <= scale.max for s in scores.values()), prompt_id
        case Kind.PATHS:
            for item in value:
                path = pack.path(item["path"])
                assert path is not None and path.for_profile(profile) and item["reason"], prompt_id
        case Kind.ACTIONS:
            assert value and all(row["what"] and row["first_step"] for row in value), prompt_id
        case Kind.PEOPLE:
            assert value and all(row["who"] and row["help"] for row in value), prompt_id


@pytest.mark.parametrize("profile", PROFILES)
def test_every_profile_has_an_example_that_fits_its_pack(pack: Pack, profile: str) -> None:
    language = pack.info.language
    traject = load_example(language, profile)
    assert isinstance(traject, Traject)
    assert (traject.profile, traject.pack) == (profile, language)
    assert traject.name.strip() and not traject.private
    for prompt_id, value in traject.answers.items():
        _check_answer(pack, profile, prompt_id, value)
    core = {p.id for s in pack.sections for p in s.prompts_for(profile, "short")}
    assert core <= set(traject.answers), f"the short route is fully answered: {sorted(core - set(traject.answers))}"
    full = [p.id for s in pack.sections for p in s.prompts_for(profile)]
    assert len(traject.answers) >= 0.8 * len(full), "a nearly finished reflection"


@pytest.mark.parametrize("profile", PROFILES)
def test_the_example_roadmap_opens_with_its_author(pack: Pack, profile: str) -> None:
    traject = load_example(pack.info.language, profile)
    markdown = build_markdown(pack, traject, today=date(2025, 11, 21))
    byline = markdown.split("\n\n")[1]
    for role in BYLINES:
        answer = traject.answers[pack.byline_prompt(role).id]
        assert answer in byline, role


@pytest.mark.parametrize("profile", PROFILES)
def test_dutch_and_english_examples_are_the_same_person(profile: str) -> None:
    """Same prompts answered, same choices, scores, paths and dates; only the words differ."""
    dutch, english = load_example("nl", profile), load_example("en", profile)
    assert list(dutch.answers) == list(english.answers)
    for prompt_id, value in dutch.answers.items():
        other = english.answers[prompt_id]
        if isinstance(value, dict) and "choices" in value:
            assert value["choices"] == other["choices"], prompt_id
        elif isinstance(value, dict) and "choice" in value:
            assert value["choice"] == other["choice"], prompt_id
        elif isinstance(value, dict):
            assert value == other, prompt_id  # scale scores
        elif isinstance(value, list) and value and isinstance(value[0], dict) and "path" in value[0]:
            assert [v["path"] for v in value] == [v["path"] for v in other], prompt_id
        elif isinstance(value, list) and value and isinstance(value[0], dict) and "when" in value[0]:
            assert [v["when"] for v in value] == [v["when"] for v in other], prompt_id
        elif prompt_id in ("roadmap-checkin", "roadmap-naam"):
            assert value == other, prompt_id
        elif prompt_id == "roadmap-school":
            continue  # a school's name may or may not be translated
        else:
            assert value != other, f"{prompt_id} is not translated"


def test_one_person_tells_one_story() -> None:
    """A few threads that must run through each example: the names the person gives stay the same."""
    threads = {
        "student": ("Esther", "Marieke", "Lotte", "Kees"),
        "starter": ("Wendy", "Ellen", "Ahmed", "Rob"),
        "ervaren": ("Anja", "Hanneke", "Ingrid", "musical"),
        "ondersteuner": ("Hans", "Anouk", "Priya", "Gerda"),
    }
    for language in LANGUAGES:
        for profile, names in threads.items():
            answers = load_example(language, profile).answers
            texts = " ".join(str(v) for v in answers.values())
            for name in names:
                assert texts.count(name) >= 2, (language, profile, name)


def test_the_examples_are_all_there_and_nothing_else() -> None:
    for language in LANGUAGES:
        assert example_profiles(language) == tuple(sorted(PROFILES))
        assert all(example_path(language, p).is_file() for p in PROFILES)


@pytest.mark.parametrize(
    ("language", "profile"), [("nl", "schoolleider"), ("de", "student"), ("nl", "../nl/pack"), ("..", "student")]
)
def test_an_unknown_example_is_a_clear_error(language: str, profile: str) -> None:
    with pytest.raises(ExampleMissing) as caught:
        load_example(language, profile)
    assert caught.value.profile == profile and profile in str(caught.value)
