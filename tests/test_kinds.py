"""Each prompt kind owns its answer: read and write, summary and Markdown, merging, comparing."""

from __future__ import annotations

from typing import Any

import pytest
from hypo import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from loopbaan_tui.domain import kinds
from loopbaan_tui.domain.content.builtin import pack_folder
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Kind, Option, Pack, Prompt
from loopbaan_tui.domain.kinds import KINDS, DocContext, Stored, kind_of
from loopbaan_tui.ui.key_hints import hint_for
from loopbaan_tui.ui.widgets.editors import EDITORS, AnswerChanged, RankingEditor, make_editor
from loopbaan_tui.ui.widgets.ranking_editor import RankItem


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(pack_folder("nl"))
    assert result.pack is not None
    return result.pack


RANKED = Prompt(
    "rangorde",
    Kind.RANKING,
    "Wat is het belangrijkst?",
    options=(Option("x", "Leerlingen"), Option("y", "Een goed team"), Option("z", "Tijd")),
)
"""The built-in packs use no ranking prompt."""


def first(pack: Pack, kind: Kind, **wanted: Any) -> Prompt:
    if kind is Kind.RANKING:
        return RANKED
    return next(
        p
        for s in pack.sections
        for p in s.prompts
        if p.kind is kind and all(getattr(p, k) == v for k, v in wanted.items())
    )


WELL_FORMED: dict[Kind, Stored] = {
    Kind.LONG_TEXT: "Twee regels\nen nog een",
    Kind.SHORT_TEXT: "Sanne",
    Kind.LIST: ["een", "twee"],
    Kind.DATE: "2027-03-02",
    Kind.SINGLE_CHOICE: {"choice": "x", "other": "iets anders"},
    Kind.MULTIPLE_CHOICE: {"choices": ["a", "b"], "other": "ook"},
    Kind.SCALE: {"werkplezier": {"then": 2, "now": 4}, "werkdruk": {"now": 3}},
    Kind.PATHS: [{"path": "expert", "reason": "verdieping"}],
    Kind.ACTIONS: [{"what": "meelopen", "when": "maart", "first_step": "mailen", "who": "ib'er"}],
    Kind.PEOPLE: [{"who": "Sanne", "help": "feedback", "reach": "app"}],
    Kind.RANKING: {"order": ["y", "x", "z"]},
    Kind.SORT: {"bouwen": ["Ik leg helder uit"], "loslaten": ["Pleinwacht", "Notuleren"]},
}


def test_every_kind_is_one_class_with_one_editor() -> None:
    assert set(KINDS) == set(Kind)
    assert set(EDITORS) == set(KINDS)
    assert all(key == kind.id for key, kind in KINDS.items())


@pytest.mark.parametrize("kind", list(Kind))
def test_a_well_formed_answer_reads_and_writes_back_unchanged(pack: Pack, kind: Kind) -> None:
    prompt = first(pack, kind)
    value = KINDS[kind]
    assert isinstance(value, kinds.ValueKind)
    stored = WELL_FORMED[kind]
    typed = value.read(prompt, stored)
    assert typed.stray == ()
    assert value.write(typed) == stored
    every_scale_rated = isinstance(stored, dict) and all(s in stored for s in prompt.scales)
    assert value.answered(prompt, stored) is (kind is not Kind.SCALE or every_scale_rated)
    assert value.summarize(pack, prompt, stored, pack.text)
    assert value.render(DocContext(pack), prompt, stored).strip()
    assert not value.compare_stored(pack, prompt, stored, stored).changed


stored_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["choice", "choices", "other", "now", "then", "path", "reason", "what", "when", "who", "werkdruk"]
            ),
            inner,
            max_size=3,
        )
    ),
    max_leaves=8,
)


@settings(max_examples=examples(60, 200), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stored=stored_values, kind=st.sampled_from(list(Kind)))
def test_any_stored_shape_is_read_without_error_and_keeps_its_words(pack: Pack, stored: Any, kind: Kind) -> None:
    prompt = first(pack, kind)
    value = KINDS[kind]
    value.answered(prompt, stored)
    lines = value.summarize(pack, prompt, stored, pack.text)
    markdown = value.render(DocContext(pack), prompt, stored)
    value.compare_stored(pack, prompt, stored, WELL_FORMED[kind])
    value.merge_hidden(pack, prompt, "student", stored, WELL_FORMED[kind])
    if isinstance(stored, str) and stored.strip() and kind is not Kind.SCALE:
        assert lines and markdown  # a text where another shape belongs is still shown


def test_summaries_by_kind(pack: Pack) -> None:
    words = pack.text
    choice = first(pack, Kind.MULTIPLE_CHOICE)
    option = choice.options[0]
    assert kinds.MULTIPLE_CHOICE.summarize(pack, choice, {"choices": [option.id, "weg"], "other": "x"}, words) == [
        f"• {option.label}",
        "• weg",
        "• x",
    ]
    people = first(pack, Kind.PEOPLE)
    row = {"who": "Sanne", "help": "", "reach": "app"}
    assert kinds.PEOPLE.summarize(pack, people, [row, "los"], words) == [
        f"• Sanne · {words('people_reach')} app",
        "• los",
    ]
    assert kinds.LIST.summarize(pack, first(pack, Kind.LIST), "een tekst", words) == ["een tekst"]


def test_compare_says_what_changed(pack: Pack) -> None:
    balance = first(pack, Kind.SCALE, then_now=True)
    found = kinds.SCALE.compare_stored(
        pack,
        balance,
        {"werkplezier": {"now": 2}, "werkdruk": {"now": 4}},
        {"werkplezier": {"now": 4}, "werkdruk": {"now": 4}},
    )
    assert found.changed
    changes = {c.scale: c for c in found.scales}
    assert changes["werkplezier"].change is not None and changes["werkplezier"].change.verdict == "better"
    assert changes["werkdruk"].change is not None and changes["werkdruk"].change.verdict == "same"
    listing = first(pack, Kind.LIST)
    found = kinds.LIST.compare_stored(pack, listing, ["een", "twee"], ["twee", "drie"])
    assert (found.added, found.removed) == (("drie",), ("een",))
    choice = first(pack, Kind.MULTIPLE_CHOICE)
    found = kinds.MULTIPLE_CHOICE.compare_stored(pack, choice, {"choices": ["a"]}, {"choices": ["a", "b"]})
    assert found.changed and found.added == ("b",) and not found.removed
    text = first(pack, Kind.LONG_TEXT)
    assert kinds.LONG_TEXT.compare_stored(pack, text, "a", "b").changed
    assert not kinds.LONG_TEXT.compare_stored(pack, text, "a", "a").changed
    actions = first(pack, Kind.ACTIONS)
    found = kinds.ACTIONS.compare_stored(pack, actions, [], [{"what": "meelopen", "when": "", "who": "ib"}])
    assert found.added == ("meelopen · ib",)
    paths = first(pack, Kind.PATHS)
    found = kinds.PATHS.compare_stored(pack, paths, [{"path": "expert"}], [{"path": "switch", "reason": "x"}])
    assert (found.added, found.removed) == (("switch",), ("expert",))


def test_what_the_editor_cannot_show_is_kept(pack: Pack) -> None:
    choice = first(pack, Kind.MULTIPLE_CHOICE)
    shown = choice.options[0].id
    merged = kinds.MULTIPLE_CHOICE.merge_hidden(
        pack, choice, "student", {"choices": ["weg", shown], "note": "n"}, {"choices": [shown]}
    )
    assert merged == {"note": "n", "choices": [shown, "weg"]}
    people = first(pack, Kind.PEOPLE)
    assert kinds.PEOPLE.merge_hidden(pack, people, "student", ["los", {"who": "a"}], [{"who": "b"}]) == [
        {"who": "b"},
        "los",
    ]
    balance = first(pack, Kind.SCALE, then_now=True)
    merged = kinds.SCALE.merge_hidden(pack, balance, "student", {"oud": {"now": 1}}, {"werkplezier": {"now": 3}})
    assert merged == {"oud": {"now": 1}, "werkplezier": {"now": 3}}


def test_kind_of_and_placement(pack: Pack) -> None:
    assert kind_of(first(pack, Kind.PATHS)).gathered(first(pack, Kind.PATHS)) == "paths"
    assert kind_of(first(pack, Kind.SCALE, then_now=True)).gathered(first(pack, Kind.SCALE, then_now=True)) == "balance"
    assert kinds.LONG_TEXT.opens_roadmap and kinds.DATE.checkin and not kinds.SCALE.opens_roadmap
    assert kinds.SINGLE_CHOICE.check({"options": [{"id": "a"}]}) == [kinds.TooFew("options", 2)]
    assert kinds.SCALE.check({"scales": ["a"]}) == []


def test_a_ranking_reads_as_an_ordered_list(pack: Pack) -> None:
    stored: Stored = {"order": ["y", "weg", "x"]}
    assert kinds.RANKING.summarize(pack, RANKED, stored, pack.text) == ["1. Een goed team", "2. weg", "3. Leerlingen"]
    assert kinds.RANKING.render(DocContext(pack), RANKED, stored) == "1. Een goed team\n2. weg\n3. Leerlingen"
    assert kinds.RANKING.shown(RANKED, kinds.RANKING.read(RANKED, stored)) == ("y", "x", "z")
    found = kinds.RANKING.compare_stored(pack, RANKED, {"order": ["x", "y", "z"]}, {"order": ["y", "x", "z"]})
    assert found.changed and found.moved == ("y", "x") and not found.added
    merged = kinds.RANKING.merge_hidden(pack, RANKED, "student", stored, {"order": ["x", "y", "z"]})
    assert merged == {"order": ["x", "y", "z", "weg"]}
    assert kinds.RANKING.check({"options": [{"id": "a"}]}) == [kinds.TooFew("options", 2)]


class _RankingApp(App[None]):
    def __init__(self, pack: Pack, stored: Stored | None) -> None:
        super().__init__()
        self.pack, self.stored = pack, stored
        self.reported: list[Stored] = []

    def compose(self) -> ComposeResult:
        yield make_editor(RANKED, self.stored, self.pack, self.pack.text, "student")

    def on_answer_changed(self, event: AnswerChanged) -> None:
        self.reported.append(event.value)


async def test_the_ranking_editor_moves_the_focused_option(pack: Pack) -> None:
    app = _RankingApp(pack, {"order": ["z"]})
    async with app.run_test() as pilot:
        editor = app.query_one(RankingEditor)
        items = [str(item.render()) for item in app.query(RankItem)]
        assert items == ["1. Tijd", "2. Leerlingen", "3. Een goed team"]
        assert editor.answer() == {"order": ["z", "x", "y"]}
        assert hint_for(app.query(RankItem)[0]) == kinds.RANKING.hint_word  # the line under the step says how
        app.query(RankItem)[1].focus()
        await pilot.press("ctrl+up")
        assert app.reported[-1] == {"order": ["x", "z", "y"]}
        assert app.focused is app.query(RankItem)[0], "the focus goes along with the option"
        await pilot.press("ctrl+up")  # already at the top: nothing moves
        await pilot.press("ctrl+down", "ctrl+down")
        assert app.reported[-1] == {"order": ["z", "y", "x"]}
        assert [str(item.render()) for item in app.query(RankItem)][-1] == "3. Leerlingen"


def test_merging_keeps_a_pick_whose_path_is_no_text(pack: Pack) -> None:
    """Found by hypothesis: a hand-edited file with `path = []` made merging raise TypeError."""
    prompt = next(p for s in pack.sections for p in s.prompts if p.kind == "paths")
    odd: Stored = [{"path": []}, {"path": {"a": 1}}]
    assert kinds.PATHS.merge_hidden(pack, prompt, "student", odd, []) == odd
