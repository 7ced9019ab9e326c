"""Suggested actions and people of the chosen career paths: in the content, and taken with one key."""

from __future__ import annotations

from pathlib import Path

from apps import MINI, make_app, pack_of, type_text
from hostile.pilot import open_first
from textual.widgets import OptionList

from loopbaan_tui.domain.content.model import Kind, Suggestion
from loopbaan_tui.domain.fit.suggestions import chosen_paths, offers, untaken
from loopbaan_tui.domain.kinds import Row, Stored
from loopbaan_tui.domain.trajects.storage import Store


def test_every_built_in_path_has_actions_and_people() -> None:
    for language in ("nl", "en"):
        for path in pack_of(language).paths:
            assert len(path.actions) >= 2 and all(a.what and a.first_step for a in path.actions), path.id
            assert len(path.people) >= 2, path.id


def test_offers_come_from_the_chosen_paths_of_this_profile_in_the_order_picked() -> None:
    pack = pack_of("nl")
    answers: dict[str, Stored] = {"waar-paden": [{"path": "leiderschap"}, {"path": "expert"}, "los"]}
    assert [p.id for p in chosen_paths(pack, answers, "ervaren")] == ["leiderschap", "expert"]
    assert chosen_paths(pack, answers, "ondersteuner") == ()  # these paths are not theirs
    actions = offers(pack, answers, "ervaren", Kind.ACTIONS)
    assert [o.path.id for o in actions] == ["leiderschap", "leiderschap", "expert", "expert"]
    first = pack.path("leiderschap").actions[0]  # type: ignore[union-attr]
    assert isinstance(first, Suggestion) and actions[0].values == {"what": first.what, "first_step": first.first_step}
    people = offers(pack, answers, "ervaren", Kind.PEOPLE)
    assert people[0].values == {"who": "je teamleider of schoolleider"}
    assert offers(pack, answers, "ervaren", Kind.LONG_TEXT) == ()
    taken = untaken(people, [Row({"who": "  Je teamleider of schoolleider "})])
    assert len(taken) == len(people) - 1 and people[0] not in taken
    assert offers(pack, {"waar-paden": "kapot"}, "ervaren", Kind.ACTIONS) == ()


async def test_a_suggestion_is_taken_with_enter_and_then_edited(tmp_path: Path) -> None:
    store = Store(tmp_path)
    traject = store.create("Fit", "ervaren", str(MINI))
    traject.set_answer("waar-paden", [{"path": "leiderschap", "reason": "ik wil leiden"}])
    store.save(traject)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        screen = app.screen
        await pilot.press("f8")
        await pilot.pause()
        listed = screen.query_one("#prompt-hoe-acties .suggestion-list", OptionList)
        assert listed.option_count == 2
        listed.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, ", in mei")
        assert listed.option_count == 1  # the one taken is no longer offered
        assert len(screen.query("#prompt-hoe-acties .row")) == 1  # it took the place of the empty row

        await pilot.press("f9")
        await pilot.pause()
        people = screen.query_one("#prompt-wie-mensen .suggestion-list", OptionList)
        people.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    answers = Store(tmp_path).load(Store(tmp_path).summaries()[0].id).answers
    assert answers["hoe-acties"] == [
        {"what": "Een dag meelopen met de teamleider, in mei", "first_step": "Vraag het deze week."}
    ]
    assert answers["wie-mensen"] == [{"who": "de intern begeleider"}]
