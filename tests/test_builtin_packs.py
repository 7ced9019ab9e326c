"""The built-in Dutch and English packs: complete, checked, and at parity (issue 3)."""

from __future__ import annotations

import re

import pytest

from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.builtin import LANGUAGES
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import COMPETENCY_IDS, Kind, Pack, Prompt

PROFILES = ("student", "starter", "ervaren", "ondersteuner")
BALANCE_SCALES = (
    "werkplezier",
    "ertoe-doen",
    "werkdruk",
    "zelfvertrouwen",
    "autonomie",
    "waardering",
    "ontwikkelmogelijkheden",
    "blijven",
)
SOURCE_MOTIVES = ("verkennen", "afwisseling", "ambitie", "minder-lesgeven", "ontevreden", "werkdruk")
TEACHER_PATHS = ("flexibel", "expert", "switch", "taken-rollen", "leiderschap", "bereik")
MIN_PROMPTS = 5
MAX_LABEL = 72  # a label is one question that must read on one line at 80 columns
OPEN_QUESTION_WORDS = {
    "nl": {
        "wat",
        "welke",
        "welk",
        "waar",
        "wie",
        "hoe",
        "waarom",
        "wanneer",
        "waarvoor",
        "waaraan",
        "waarin",
        "voor",
        "in",
        "met",
    },
    "en": {"what", "which", "where", "who", "how", "why", "when", "in", "with"},
}
ASSIGNMENT = {"nl": "Opdracht:", "en": "Assignment:"}


@pytest.fixture(scope="module", params=LANGUAGES)
def pack(request: pytest.FixtureRequest) -> Pack:
    return _load(request.param)


def _load(language: str) -> Pack:
    result = load_pack(builtin.pack_folder(language))
    assert result.problems == (), "\n".join(p.render("en") for p in result.problems)
    assert result.pack is not None
    return result.pack


def _prompts(pack: Pack) -> list[Prompt]:
    return [p for s in pack.sections for p in s.prompts]


# Loading


@pytest.mark.parametrize("language", LANGUAGES)
def test_pack_loads_without_problems(language: str) -> None:
    pack = _load(language)
    assert pack.info.language == language
    assert pack.info.id == language
    assert pack.info.description


def test_profiles_are_the_four_of_the_issue(pack: Pack) -> None:
    assert tuple(p.id for p in pack.profiles) == PROFILES
    assert all(p.label and p.description for p in pack.profiles)


# Every competency and every prompt


def test_every_competency_has_an_intro_and_enough_prompts_per_profile(pack: Pack) -> None:
    assert tuple(s.id for s in pack.competencies) == COMPETENCY_IDS
    for section in pack.competencies:
        assert section.name and section.question and section.intro
        for profile in PROFILES:
            count = len(section.prompts_for(profile))
            assert count >= MIN_PROMPTS, f"{section.id}: {count} prompts for {profile}"


def test_every_prompt_has_help_and_an_example(pack: Pack) -> None:
    for prompt in _prompts(pack):
        assert prompt.help.strip(), f"{prompt.id} has no help"
        assert prompt.example.strip(), f"{prompt.id} has no example"


def test_labels_are_short_open_questions(pack: Pack) -> None:
    """No label runs off an 80-column screen, and none can be answered with a bare yes."""
    language = pack.info.language
    for prompt in _prompts(pack):
        label = prompt.label
        assert len(label) <= MAX_LABEL, f"{prompt.id}: label is {len(label)} characters"
        assert label.endswith("?"), f"{prompt.id}: label is not a question"
        question = re.split(r"(?<=[.:])\s+", label)[-1]  # "Opdracht: doe dit. Welke ...?" asks the last part
        first = question.split()[0].strip(",").lower()
        assert first in OPEN_QUESTION_WORDS[language], f"{prompt.id}: {label!r} is not an open question"


def test_each_step_has_its_own_kind_of_answer(pack: Pack) -> None:
    kinds = {s.id: {p.kind for p in s.prompts} for s in pack.sections}
    assert Kind.SCALE in kinds["kan"]  # the roles of the profession, as a self-placement
    assert Kind.MULTIPLE_CHOICE in kinds["wil"]  # the motives
    assert Kind.PATHS in kinds["waar"]
    assert Kind.ACTIONS in kinds["hoe"]
    assert Kind.PEOPLE in kinds["wie"]


# References


def test_every_reference_exists(pack: Pack) -> None:
    prompt_ids = {p.id for p in _prompts(pack)}
    scale_ids = {s.id for s in pack.scales}
    path_ids = {p.id for p in pack.paths}
    for prompt in _prompts(pack):
        assert set(prompt.recall) <= prompt_ids, prompt.id
        assert prompt.id not in prompt.recall, prompt.id
        assert set(prompt.scales) <= scale_ids, prompt.id
        assert set(prompt.paths) <= path_ids, prompt.id
        if prompt.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
            assert len(prompt.options) >= 2, prompt.id
    profile_ids = {p.id for p in pack.profiles}
    for item in [*_prompts(pack), *pack.paths]:
        assert set(item.profiles) <= profile_ids, item.id


def test_recall_points_backwards_or_within_the_step(pack: Pack) -> None:
    """Earlier answers are shown next to a prompt: they come from this step or an earlier one."""
    order = {s.id: i for i, s in enumerate(pack.sections)}
    for section in pack.sections:
        for prompt in section.prompts:
            for ref in prompt.recall:
                source = pack.section_of(ref)
                assert source is not None
                assert order[source.id] <= order[section.id], f"{prompt.id} recalls {ref} from a later step"


def test_every_profile_sees_six_career_paths_with_examples_and_what_they_ask(pack: Pack) -> None:
    for profile in PROFILES:
        paths = [p for p in pack.paths if p.for_profile(profile)]
        assert len(paths) == 6, profile
        for path in paths:
            assert path.description and path.examples and path.asks, path.id
    teachers = [p.id for p in pack.paths if p.for_profile("ervaren")]
    assert tuple(teachers) == TEACHER_PATHS
    support = [p.id for p in pack.paths if p.for_profile("ondersteuner")]
    assert not set(support) & set(teachers), "support staff have their own variants"


# The content the issue asks for


def test_work_joy_balance_has_eight_scales_asked_then_and_now(pack: Pack) -> None:
    scale_ids = [s.id for s in pack.scales]
    for scale_id in BALANCE_SCALES:
        scale = pack.scale(scale_id)
        assert scale is not None, scale_id
        assert (scale.min, scale.max) == (1, 5), scale_id
        assert scale.low and scale.high and scale.help, scale_id
    assert scale_ids[: len(BALANCE_SCALES)] == list(BALANCE_SCALES)
    balance = pack.prompt("wil-balans")
    assert balance is not None and balance.kind is Kind.SCALE
    assert balance.scales == BALANCE_SCALES
    assert balance.then_now
    assert not balance.profiles, "everyone fills in the balance"


def test_motives_from_the_source_programme_are_a_choice(pack: Pack) -> None:
    motives = pack.prompt("wil-motieven")
    assert motives is not None and motives.kind is Kind.MULTIPLE_CHOICE
    assert tuple(o.id for o in motives.options) == SOURCE_MOTIVES
    assert motives.allow_other
    student = pack.prompt("wil-motieven-student")
    assert student is not None and student.profiles == ("student",)
    support = pack.prompt("wil-motieven-ondersteuner")
    assert support is not None and support.profiles == ("ondersteuner",)
    assert "minder-lesgeven" not in {o.id for o in support.options}
    assert {"erkenning", "salaris", "specialiseren", "leraar-worden"} <= {o.id for o in support.options}
    assert set(motives.profiles) | set(student.profiles) | set(support.profiles) == set(PROFILES)
    for profile in PROFILES:  # exactly one motives question each
        assert sum(p.for_profile(profile) for p in (motives, student, support)) == 1, profile


def test_students_talk_to_their_tutor_not_to_a_school_leader(pack: Pack) -> None:
    hoe = next(s for s in pack.competencies if s.id == "hoe")
    talks = {p.id for p in hoe.prompts if p.id.startswith("hoe-gesprek")}
    for profile in PROFILES:
        seen = [p.id for p in hoe.prompts_for(profile) if p.id in talks]
        assert len(seen) == 1, f"{profile} sees {seen}"
    assert [p.id for p in hoe.prompts_for("student") if p.id in talks] == ["hoe-gesprek-student"]


def test_the_roadmap_step_asks_where_from_what_next_and_when_to_check_in(pack: Pack) -> None:
    assert pack.roadmap is not None and pack.roadmap.intro
    for profile in PROFILES:
        ids = [p.id for p in pack.roadmap.prompts_for(profile)]
        assert {"roadmap-herkomst", "roadmap-plan", "roadmap-checkin"} <= set(ids), profile
    assert pack.prompt("roadmap-checkin").kind is Kind.DATE


def test_the_assignments_are_there(pack: Pack) -> None:
    for prompt_id in (
        "wie-wandeling",
        "wie-interview",
        "wie-buddy",
        "wie-rolmodel",
        "wil-houden-snoeien-zaaien",
        "hoe-verbreden-verdiepen",
        "waar-kijkje",
        "kan-bewijs",
        "kan-feedback",
        "kan-rollen",
    ):
        prompt = pack.prompt(prompt_id)
        assert prompt is not None, prompt_id
        assert not prompt.profiles, f"{prompt_id} is for everyone"
    assert pack.prompt("wie-wandeling").label.startswith(ASSIGNMENT[pack.info.language])
    assert pack.prompt("wie-interview").label.startswith(ASSIGNMENT[pack.info.language])


# Parity between the Dutch and the English pack


def _shape(pack: Pack) -> dict[str, object]:
    return {
        "profiles": [p.id for p in pack.profiles],
        "sections": [
            (
                s.id,
                [
                    (
                        p.id,
                        p.kind,
                        p.profiles,
                        p.recall,
                        p.scales,
                        p.then_now,
                        p.paths,
                        p.allow_other,
                        p.required,
                        p.core,
                        p.byline,
                        tuple(o.id for o in p.options),
                    )
                    for p in s.prompts
                ],
            )
            for s in pack.sections
        ],
        "paths": [(p.id, p.profiles, len(p.examples)) for p in pack.paths],
        "scales": [(s.id, s.min, s.max, s.better) for s in pack.scales],
    }


def test_dutch_and_english_packs_have_the_same_structure() -> None:
    dutch, english = _shape(_load("nl")), _shape(_load("en"))
    for key in dutch:
        assert dutch[key] == english[key], f"the packs differ in {key}"


def test_dutch_and_english_packs_are_really_translated() -> None:
    dutch, english = _load("nl"), _load("en")
    for nl_prompt, en_prompt in zip(_prompts(dutch), _prompts(english), strict=True):
        assert nl_prompt.label != en_prompt.label, nl_prompt.id
        assert nl_prompt.help != en_prompt.help, nl_prompt.id


# The concepts of content v2 (issue 14)

RETENTION_OPTIONS = (
    "groei",
    "minder-werkdruk",
    "waardering",
    "salaris",
    "uitdaging",
    "autonomie",
    "studie",
    "ondersteuning",
    "combinatie",
    "administratie",
    "nieuwe-rol",
)
CAREER_COMPETENCIES = ("lc-kwaliteiten", "lc-motieven", "lc-werkexploratie", "lc-sturing", "lc-netwerken")


def test_every_balance_scale_says_which_end_is_better(pack: Pack) -> None:
    """The balance scales know better from worse; staying long is neither, workload is better low."""
    directions = {scale_id: pack.scale(scale_id).better for scale_id in BALANCE_SCALES}
    assert directions["werkdruk"] == "low"
    assert directions["blijven"] is None
    assert all(directions[s] == "high" for s in BALANCE_SCALES if s not in ("werkdruk", "blijven")), directions


def test_the_balance_help_names_the_scales_in_the_order_of_the_screen() -> None:
    """The Dutch help walks through the balance in the order the scales are shown."""
    help_text = _load("nl").prompt("wil-balans").help.lower()
    words = [
        "plezier",
        "ertoe doet",
        "werkdruk",
        "genoeg weet en kunt",
        "autonomie",
        "waardering",
        "ontwikkelen",
        "in het onderwijs verwacht te blijven",
    ]
    positions = [help_text.index(w) for w in words]
    assert positions == sorted(positions)


def test_what_would_keep_you_is_the_list_of_the_source(pack: Pack) -> None:
    prompt = pack.prompt("wil-behouden")
    assert prompt is not None and prompt.kind is Kind.MULTIPLE_CHOICE and not prompt.profiles
    assert tuple(o.id for o in prompt.options) == RETENTION_OPTIONS
    assert prompt.allow_other


def test_career_competencies_are_scored_by_you_and_by_your_buddy(pack: Pack) -> None:
    own, buddy = pack.prompt("wie-competenties"), pack.prompt("wie-competenties-buddy")
    assert own.kind is buddy.kind is Kind.SCALE
    assert own.scales == buddy.scales == CAREER_COMPETENCIES
    assert not own.then_now and not buddy.then_now
    assert "wie-competenties" in buddy.recall, "the buddy's scores are shown beside your own"
    mirror = pack.prompt("wie-spiegel")
    assert set(mirror.recall) == {"wie-competenties", "wie-competenties-buddy"}


def test_the_round_has_an_outcome_and_staying_is_one_of_them(pack: Pack) -> None:
    outcome = pack.prompt("roadmap-uitkomst")
    assert outcome is not None and outcome.kind is Kind.SINGLE_CHOICE
    assert tuple(o.id for o in outcome.options) == ("nieuwe-stap", "blijven", "verkennen")
    assert pack.section_of("roadmap-uitkomst") is pack.roadmap


def test_profile_specific_prompts_of_content_v2(pack: Pack) -> None:
    assert pack.prompt("kan-taken-check").profiles == ("ondersteuner",)
    assert pack.prompt("kan-startbekwaam").profiles == ("student",)
    assert pack.prompt("waar-lob").profiles == ("student",)


def test_a_long_exhausted_reader_is_sent_to_a_doctor() -> None:
    for language, words in (("nl", ("huisarts", "bedrijfsarts")), ("en", ("GP", "occupational health"))):
        help_text = _load(language).prompt("wil-balans").help
        assert all(w in help_text for w in words), language


def test_no_step_intro_ends_in_the_old_formula(pack: Pack) -> None:
    for section in pack.sections:
        assert not re.search(r"(Dus|So): [^.]*\?$", section.intro), section.id


def test_the_route_to_teacher_is_not_only_the_pabo() -> None:
    text = _load("nl").path("ondersteuner-doorgroeien").description
    assert "Om leraar in het basisonderwijs te worden, heb je een pabodiploma nodig" not in text
    for word in ("zij-instroom", "hbo-bachelor", "toelatingstoetsen", "21+", "vraag het na"):
        assert word in text.lower() or word in text, word
