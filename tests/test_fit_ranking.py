"""The ranking of career paths by fit: pure, total, stable, and a matching signal only ever helps."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from apps import pack_of
from hypothesis import given, settings
from hypothesis import strategies as st

from loopbaan_tui.domain.content.model import Kind, Pack, Signal
from loopbaan_tui.domain.fit.ranking import because, rank
from loopbaan_tui.domain.kinds import Stored

PACKS = {lang: pack_of(lang) for lang in ("nl", "en")}
NL = PACKS["nl"]
PROFILES = ("student", "starter", "ervaren", "ondersteuner")


def ids(pack: Pack, answers: dict[str, Stored], profile: str = "ervaren") -> list[str]:
    return [fit.path.id for fit in rank(pack, answers, profile)]


def pack_order(pack: Pack, profile: str) -> list[str]:
    return [p.id for p in pack.paths if p.for_profile(profile)]


@pytest.mark.parametrize("profile", PROFILES)
def test_without_answers_the_pack_order_stays(profile: str) -> None:
    assert ids(NL, {}, profile) == pack_order(NL, profile)
    assert all(fit.score == 0 and not fit.reasons for fit in rank(NL, {}, profile))


def test_a_picked_motive_and_a_high_role_lift_their_paths_with_reasons_in_words() -> None:
    answers: dict[str, Stored] = {
        "wil-motieven": {"choices": ["afwisseling"]},
        "kan-rollen": {"rol-collegas": {"now": 5}, "rol-ontwikkelen": {"now": 3}},
    }
    fits = rank(NL, answers, "ervaren")
    assert fits[0].path.id == "taken-rollen" and fits[0].score == 4
    assert because(NL, fits[0]) == (
        "omdat je 'Ik wil meer afwisseling of verandering in mijn werk' koos en 'Collega's ondersteunen' hoog scoorde"
    )
    assert because(PACKS["en"], rank(PACKS["en"], answers, "ervaren")[0]).startswith("because you ")
    untouched = [f.path.id for f in fits if f.score == 0]
    assert untouched == [p for p in pack_order(NL, "ervaren") if p in untouched]  # still in pack order


def test_a_scale_counts_only_past_its_middle_and_low_signals_count_low_scores() -> None:
    def score(path: str, stored: Stored) -> Fraction:
        return next(f.score for f in rank(NL, {"wil-balans": stored}, "ervaren") if f.path.id == path)

    assert score("flexibel", {"blijven": {"now": 3}}) == 0
    assert score("flexibel", {"blijven": {"now": 2}}) == Fraction(1, 2)
    assert score("flexibel", {"blijven": {"then": 1, "now": 1}}) == 1
    assert score("flexibel", {"blijven": {"then": 1}}) == 0  # only "now" counts
    assert score("flexibel", {"blijven": {"now": 99}}) == 0  # a hand-edited score counts as the nearest end


def test_support_staff_get_their_own_paths_and_signals() -> None:
    answers: dict[str, Stored] = {"wil-motieven-ondersteuner": {"choices": ["leraar-worden"]}}
    fits = rank(NL, answers, "ondersteuner")
    assert fits[0].path.id == "ondersteuner-doorgroeien" and fits[0].score == 3
    assert {f.path.id for f in fits} == set(pack_order(NL, "ondersteuner"))
    assert rank(NL, answers, "ervaren")[0].score == 0  # another profile's prompt does not count


def test_ties_keep_the_pack_order() -> None:
    answers: dict[str, Stored] = {"wil-motieven": {"choices": ["ambitie"]}, "wil-behouden": {"choices": ["groei"]}}
    fits = rank(NL, answers, "ervaren")
    for a, b in itertools.pairwise(fits):
        if a.score == b.score:
            assert pack_order(NL, "ervaren").index(a.path.id) < pack_order(NL, "ervaren").index(b.path.id)


# Random answers: any stored shape for every prompt a signal names, and the real options and scores.

SIGNAL_PROMPTS = sorted({s.prompt for pack in PACKS.values() for p in pack.paths for s in p.signals})
ODD: st.SearchStrategy[Stored] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
).filter(lambda v: v is not None)


def choice_key(prompt_id: str) -> str:
    prompt = NL.prompt(prompt_id)
    return "choices" if prompt is not None and prompt.kind is Kind.MULTIPLE_CHOICE else "choice"


def answer_for(prompt_id: str) -> st.SearchStrategy[Stored]:
    prompt = NL.prompt(prompt_id)
    assert prompt is not None
    if prompt.scales:
        score = st.fixed_dictionaries({}, optional={"now": st.integers(-2, 8), "then": st.integers(1, 5)})
        real = st.dictionaries(st.sampled_from(prompt.scales), score, max_size=len(prompt.scales))
    else:
        picked = st.lists(st.sampled_from([o.id for o in prompt.options]), max_size=4)
        real = st.fixed_dictionaries({choice_key(prompt_id): picked})
    return st.one_of(real, ODD)  # type: ignore[arg-type]


ANSWERS = st.fixed_dictionaries({}, optional={p: answer_for(p) for p in SIGNAL_PROMPTS})


@settings(max_examples=30, deadline=None)
@given(answers=ANSWERS, profile=st.sampled_from(PROFILES), language=st.sampled_from(("nl", "en")))
def test_any_answers_give_a_total_order_without_an_exception(
    answers: dict[str, Stored], profile: str, language: str
) -> None:
    pack = PACKS[language]
    fits = rank(pack, answers, profile)
    assert sorted(f.path.id for f in fits) == sorted(pack_order(pack, profile))  # every path, once
    assert all(a.score >= b.score for a, b in itertools.pairwise(fits))
    for fit in fits:
        assert fit.score >= 0 and fit.score == sum(r.points for r in fit.reasons)
        assert isinstance(because(pack, fit), str)


def matching(answers: dict[str, Stored], signal: Signal) -> dict[str, Stored]:
    """The answers with `signal` matched in full (its option picked, its scale at its end)."""
    old = answers.get(signal.prompt)
    if signal.scale:
        ratings = dict(old) if isinstance(old, dict) else {}
        ratings[signal.scale] = {"now": 5 if signal.direction == "high" else 1}
        return {**answers, signal.prompt: ratings}
    key = choice_key(signal.prompt)
    choices = old.get(key) if isinstance(old, dict) else None
    return {**answers, signal.prompt: {key: [*(choices if isinstance(choices, list) else []), signal.option]}}


@settings(max_examples=30, deadline=None)
@given(answers=ANSWERS, profile=st.sampled_from(PROFILES), data=st.data())
def test_a_matching_answer_never_lowers_its_path(answers: dict[str, Stored], profile: str, data: st.DataObject) -> None:
    path = data.draw(st.sampled_from([p for p in NL.paths if p.for_profile(profile) and p.signals]))
    signal = data.draw(st.sampled_from(path.signals))
    before, after = rank(NL, answers, profile), rank(NL, matching(answers, signal), profile)
    score = {f.path.id: f.score for f in before}
    assert next(f.score for f in after if f.path.id == path.id) >= score[path.id]
    # Only paths sharing the answer can gain too; when none does, the path never moves down.
    if all(f.score <= score[f.path.id] for f in after if f.path.id != path.id):
        assert [f.path.id for f in after].index(path.id) <= [f.path.id for f in before].index(path.id)
