"""The roadmap's "Wat is er veranderd sinds <datum>": a traject with three check-ins, in golden files."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime

import pytest
from golden_files import assert_golden
from test_roadmap import PACK_FOLDER, assert_sound, english, headings
from trajects import fill_traject

from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.roadmap.changes import changes
from loopbaan_tui.domain.roadmap.roadmap import build_markdown
from loopbaan_tui.domain.roadmap.roadmap_html import build_html
from loopbaan_tui.domain.trajects.checkins import start_checkin
from loopbaan_tui.domain.trajects.traject import Traject

TODAY = date(2026, 6, 9)


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(PACK_FOLDER)
    assert result.pack is not None
    return result.pack


def three_check_ins(pack: Pack) -> Traject:
    """November: the first reflection; March: work joy up, one action done; June: werkdruk down, one
    action let go and another done."""
    traject = fill_traject(pack, "student")
    actions = copy.deepcopy(traject.answers["hoe-acties"])
    assert isinstance(actions, list)
    start_checkin(traject, datetime(2026, 3, 3, 15, 40, tzinfo=UTC), cleared=frozenset({"wil-balans"}))
    traject.set_answer("wil-balans", {"werkplezier": {"now": 4}, "werkdruk": {"now": 4}})
    actions[0] = {**actions[0], "status": "gedaan", "done": "2026-02-20"}  # type: ignore[dict-item]
    actions[1] = {**actions[1], "status": "bezig"}  # type: ignore[dict-item]
    traject.set_answer("hoe-acties", actions)
    traject.set_answer("roadmap-koers", "Ik blijf bij rekenen, en ik wil nu ook | een werkgroep # leiden.")
    start_checkin(traject, datetime(2026, 6, 9, 10, 0, tzinfo=UTC), cleared=frozenset({"wil-balans"}))
    traject.set_answer("wil-balans", {"werkplezier": {"now": 4}, "werkdruk": {"now": 2}})
    actions[1] = {**actions[1], "status": "losgelaten"}  # type: ignore[dict-item]
    actions[2] = {**actions[2], "status": "gedaan", "done": "28-5-2026"}  # type: ignore[dict-item]
    traject.set_answer("hoe-acties", actions)
    traject.set_answer("kan-sterk", "Ik kan nu ook een hele klas meenemen in een instructie.")
    return traject


def test_the_changes_since_the_last_check_in(pack: Pack) -> None:
    traject = three_check_ins(pack)
    found = changes(pack, traject)
    assert found is not None and found.since.date.date() == date(2026, 3, 3) and len(found.checkins) == 3
    ((prompt, scales),) = found.scales
    assert prompt.id == "wil-balans"
    by_scale = {s.scale: s for s in scales}
    assert by_scale["werkdruk"].change is not None and by_scale["werkdruk"].change.verdict == "better"  # lower
    assert by_scale["werkplezier"].change is not None and by_scale["werkplezier"].change.verdict == "same"
    rows = traject.answers["hoe-acties"]
    assert isinstance(rows, list)
    assert [(m.status, m.what) for m in found.actions] == [
        ("losgelaten", rows[1]["what"]),  # type: ignore[index,call-overload]
        ("gedaan", rows[2]["what"]),  # type: ignore[index,call-overload]
    ]
    assert [p.id for _, p in found.answers] == ["kan-sterk"]
    first = fill_traject(pack, "student")
    assert changes(pack, first) is None and "veranderd" not in build_markdown(pack, first, today=TODAY)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_golden_three_check_ins(pack: Pack, language: str) -> None:
    pack = pack if language == "nl" else english(pack)
    traject = three_check_ins(pack)
    markdown = build_markdown(pack, traject, today=TODAY)
    suffix = "" if language == "nl" else "-en"
    assert_golden(f"roadmap-checkins{suffix}.md", markdown)
    assert_golden(f"roadmap-checkins{suffix}.html", build_html(pack, traject, today=TODAY))
    tokens = assert_sound(pack, traject, markdown)
    title = "Wat is er veranderd sinds 3 maart 2026" if language == "nl" else "What has changed since 3 March 2026"
    h2 = [text for level, text in headings(tokens) if level == 2]
    assert title in h2 and h2.index(title) == len(h2) - 2  # just before the next check-in
    # the earlier check-ins stay out of the rest of the document: it shows the current answers
    assert "Ik kan nu ook een hele klas" in markdown and "rumoerige klas" not in markdown


def test_private_answers_stay_out_of_the_changes(pack: Pack) -> None:
    traject = three_check_ins(pack)
    traject.private = {"wil-balans", "kan-sterk"}
    markdown = build_markdown(pack, traject, today=TODAY)
    assert "Werkplezier over de check-ins" not in markdown and "hele klas" not in markdown
    shown = build_markdown(pack, traject, today=TODAY, include_private=True)
    assert "Werkplezier over de check-ins" in shown
