"""Drive the real app as a person would: keys in, screen and disk checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import MINI, make_app, type_text
from hostile.pilot import wait_until
from textual.widgets import Checkbox, OptionList, RadioButton, TextArea

from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.start import StartScreen
from loopbaan_tui.ui.widgets.key_footer import KeyFooter
from loopbaan_tui.ui.widgets.scale_input import ScaleInput
from loopbaan_tui.ui.widgets.text_fields import LineField

TRICKY = "[b]x[/b] \\ #é <i>"


async def create_traject(pilot, name: str = "Mijn traject", profile: int = 0) -> None:
    await pilot.press("n")
    await pilot.pause()
    await type_text(pilot, name)
    await pilot.press("enter")  # no profile chosen yet: the dialog asks for one
    await pilot.pause()
    await pilot.press(*["down"] * profile, "enter")  # choose; the focus stays on the choice
    await pilot.pause()
    await pilot.press("tab", "tab")  # past the pack (its default is fine) to "Beginnen"
    if pilot.app.focused is not None and pilot.app.focused.id == "route":  # a pack with a short route
        await pilot.press("tab")  # the full route, the default, is fine too
    await pilot.press("enter")
    for _ in range(20):
        await pilot.pause()
        if isinstance(pilot.app.screen, ReflectionScreen):
            break
    assert isinstance(pilot.app.screen, ReflectionScreen)


def focused_prompt(app: LoopbaanApp) -> str:
    node = app.focused
    while (node is not None and not node.id) or (node is not None and not node.id.startswith("prompt-")):
        node = node.parent
    return node.id.removeprefix("prompt-") if node is not None else ""


async def test_the_empty_start_screen_says_how_to_begin_opens_help_and_survives_a_too_small_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One run of the start screen with no traject yet, each check once a test of its own:
    - its first resume (right after mounting) does not restyle the whole screen again (first paint);
    - the start screen says there is no traject yet (how to begin);
    - F1 shows help with the competencies, the keys of the screen it was opened on (the start screen's,
      not the reflection's) and the data folder, and Escape goes back;
    - a too small terminal shows a notice instead of the screen, and the screen comes back."""
    restyled: list[StartScreen] = []
    restyle = StartScreen.update_node_styles
    monkeypatch.setattr(
        StartScreen, "update_node_styles", lambda s, animate=True: [restyled.append(s), restyle(s, animate)]
    )
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert restyled == [], "the first resume restyled the whole start screen"
        hint = str(app.screen.query_one("#start-hint").render())
        assert "nog geen traject" in hint, f"the start screen's hint: {hint!r}"

        await pilot.press("f1")
        await pilot.pause()
        text = "\n".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Wat kan ik?" in text and "Kwaliteitenreflectie" in text, "help: the competencies"
        assert str(tmp_path) in text, "help: the data folder"
        # the keys of the screen it was opened on: the start screen's, not the reflection's
        assert app.words("help_key_new") in text and "Del / d" in text and "F2" not in text, "help: the keys"
        footer = app.screen.query_one(KeyFooter)
        assert footer.region.bottom == 24 and "esc Hulp sluiten" in str(footer.render()), "help: how to close it"
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen), "Escape leaves help"

        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert "te klein" in str(app.screen.query_one("#too-small").render()), "too small: the notice"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen), "too small: the start screen is back"


async def test_whole_reflection_survives_quit_and_reopen(tmp_path: Path) -> None:
    """Every step filled in by keys, Ctrl+Q, and every answer back on screen after reopening, opened on the
    prompt last edited (was a test of its own in test_lived_in.py); on the way, at 80x24, the rail shows a
    step's progress and a click on it goes to its step, and after reopening at 120x40 too (was a test of its
    own)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await create_traject(pilot)
        # Step 1: long text, list, single choice with "other".
        assert focused_prompt(app) == "kan-sterk"
        await type_text(pilot, TRICKY)
        rail = app.screen.query_one("#rail", OptionList)
        await wait_until(pilot, lambda: "1/3" in str(rail.get_option_at_index(0).prompt))  # the rail: the progress
        await pilot.press("tab")
        assert focused_prompt(app) == "kan-feedback"
        await type_text(pilot, "mentor")
        await pilot.press("enter")
        await type_text(pilot, "buddy")
        await pilot.press("ctrl+down")
        assert focused_prompt(app) == "kan-rol"
        await pilot.press("down", "enter")  # second radio button
        await pilot.pause()
        # Step 2: multiple choice, scales then/now, short text.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert focused_prompt(app) == "wil-motieven"
        await pilot.press("space", "tab", "tab", "space")
        await pilot.press("ctrl+down")
        assert focused_prompt(app) == "wil-balans"
        await pilot.press("2", "tab", "4", "tab", "right", "right", "right", "tab", "3")
        await pilot.press("ctrl+down")
        await type_text(pilot, "klas")
        # Step 3: paths with a reason.
        await pilot.press("f7")
        await pilot.pause()
        assert focused_prompt(app) == "waar-paden"
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "<vak> | x")
        # Step 4: actions.
        await pilot.press("f8")
        await pilot.pause()
        assert focused_prompt(app) == "hoe-acties"
        for word in ("Meelopen", "jan", "Mail"):
            await type_text(pilot, word)
            await pilot.press("tab")
        await type_text(pilot, "IB")
        # Step 5: people.
        await pilot.press("f9")
        await pilot.pause()
        for word in ("Sanne", "vragen"):
            await type_text(pilot, word)
            await pilot.press("tab")
        await type_text(pilot, "lopen")
        # Roadmap step: the date.
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "2027-03-01")
        await pilot.press("ctrl+q")
    answers = Store(tmp_path).load(Store(tmp_path).summaries()[0].id).answers
    assert answers["kan-sterk"] == TRICKY
    assert answers["kan-feedback"] == ["mentor", "buddy"]
    assert answers["kan-rol"] == {"choice": "ontwikkelen"}
    assert answers["wil-motieven"]["choices"] == ["verkennen", "minder-lesgeven"]
    assert answers["wil-balans"] == {"werkplezier": {"then": 2, "now": 4}, "werkdruk": {"then": 3, "now": 3}}
    assert answers["wil-energie"] == "klas"
    assert answers["waar-paden"] == [{"path": "expert", "reason": "<vak> | x"}]
    assert answers["hoe-acties"] == [{"what": "Meelopen", "when": "jan", "first_step": "Mail", "who": "IB"}]
    assert answers["wie-mensen"] == [{"who": "Sanne", "help": "vragen", "reach": "lopen"}]
    assert answers["roadmap-checkin"] == "2027-03-01"

    # Reopen: the start screen's list has the progress saved with the file (answered, total), the traject
    # opens on the prompt last edited (was: always on step 1), and every answer is back on screen.
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        summary = app.store.summaries()[0]
        assert (summary.answered, summary.total) == (10, 12), "the progress, from the summary"
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, ReflectionScreen):
                break
        screen = app.screen
        assert focused_prompt(app) == "roadmap-checkin", "it opens where the user left off"
        area = app.focused
        assert area is not None and screen.query_one("#steps").region.contains_region(area.region), "in view"
        await pilot.press("f5")
        await pilot.pause()
        assert screen.query_one("#prompt-kan-sterk TextArea", TextArea).text == TRICKY
        assert screen.query_one("#prompt-kan-feedback TextArea", TextArea).text == "mentor\nbuddy"
        assert [b.value for b in screen.query("#prompt-kan-rol RadioButton").results(RadioButton)] == [
            False,
            True,
            False,
        ]
        await pilot.press("f6")
        await pilot.pause()
        assert [b.value for b in screen.query("#prompt-wil-motieven Checkbox").results(Checkbox)] == [True, False, True]
        assert [v for s in screen.query(ScaleInput) for v in s.values.values()] == [2, 4, 3, 3]
        await pilot.click("#rail", offset=(3, 4))  # the third step's first line
        await pilot.pause()
        assert screen.query_one("#steps").current == "step-waar", "a click on the rail goes to that step"
        reason = screen.query_one("#prompt-waar-paden .path-reason", LineField)
        assert reason.display and reason.text == "<vak> | x"
        await pilot.press("f9")
        await pilot.pause()
        recall = str(screen.query_one("#prompt-wie-mensen .prompt-recall").render())
        assert "Meelopen" in recall
        # the larger screen (was a test of its own): the rail shows the progress and a click moves too
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert str(screen.query_one("#rail", OptionList).get_option_at_index(0).prompt).endswith("✓"), "step 1: done"
        await pilot.click("#rail", offset=(3, 4))  # the third step's first line
        await pilot.pause()
        assert screen.query_one("#steps").current == "step-waar", "at 120x40 a click on the rail goes to that step"


async def test_typing_switching_autosave_and_the_private_marker_in_one_session(tmp_path: Path) -> None:
    """A new traject's first minute: text typed while switching prompts lands under the prompt it was typed
    in; it is on disk within a second without quitting; F3 marks the prompt private and F2 shows its help,
    and both the answers and the marker are on disk after Ctrl+Q. Then a paste into the same field keeps
    emoji, tabs and lines (CRLF becomes one line break, a control character goes)."""
    from textual.events import Paste

    pasted = "Regel één 😀👩‍🏫\n\tingesprongen [link]x[/link]\r\nCRLF\x07 bel"
    app = make_app(tmp_path)
    store = Store(tmp_path)

    def answers() -> dict[str, object]:
        return store.load(store.summaries()[0].id).answers

    async with app.run_test(size=(80, 24)) as pilot:
        await create_traject(pilot)
        status = app.screen.query_one("#save-status")
        width = status.outer_size.width
        for _ in range(3):
            await pilot.press("a", "tab", "b", "shift+tab", "c")
        # autosave: was a fixed pause(1.0), then the same check
        await wait_until(pilot, lambda: answers().get("kan-sterk") == "acacac", timeout=1.0)
        await wait_until(pilot, lambda: "Opgeslagen" in str(status.render()))
        # the line keeps one width whatever it says: a new width laid out the whole screen on every key
        assert status.outer_size.width == width == len("Opgeslagen om 00:00:00")
        await pilot.press("f3", "f2")  # the focus is back on kan-sterk
        await pilot.pause()
        view = app.screen.query_one("#prompt-kan-sterk")
        assert view.has_class("-show-help", "-private")
        assert "Denk aan een les" in str(view.query_one(".prompt-help").render())
        area = app.screen.query_one("#prompt-kan-sterk TextArea", TextArea)
        assert app.focused is area
        app.post_message(Paste(pasted))
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert answers()["kan-sterk"] == "acacac" + "Regel één 😀👩‍🏫\n\tingesprongen [link]x[/link]\nCRLF bel"
    assert answers()["kan-feedback"] == ["bbb"]
    assert store.load(store.summaries()[0].id).private == {"kan-sterk"}


async def test_remove_asks_first_and_can_be_undone(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.create("Oud traject", "student", str(MINI))
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("escape")  # changed my mind
        await pilot.pause()
        assert len(store.summaries()) == 1
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")  # the safe button has the focus: nothing happens
        await pilot.pause()
        assert len(store.summaries()) == 1
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # "Verwijderen", chosen on purpose
        await pilot.pause()
        assert store.summaries() == []
        await pilot.press("u")
        await pilot.pause()
        assert [s.name for s in store.summaries()] == ["Oud traject"]


async def test_roadmap_screen_previews_and_saves_without_overwriting(tmp_path: Path) -> None:
    """The preview shows what was typed; Ctrl+S saves it; opened again, the screen offers the folder saved to
    last; the button does not overwrite someone else's file without asking, and a missing folder is said."""
    from textual.widgets import Markdown

    target = tmp_path / "out" / "mijn-roadmap.md"
    target.parent.mkdir()
    app = make_app(tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await create_traject(pilot, "Roadmap test")
        await type_text(pilot, "Ik ben [sterk] in #uitleggen")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # the preview is made on a thread
        preview = app.screen.query_one(Markdown)
        assert "#uitleggen" in preview.source
        box = app.screen.query_one("#roadmap-path", LineField)
        box.text = str(target)
        await pilot.pause()
        await pilot.press("ctrl+s")  # saved by the key
        await wait_until(pilot, target.exists)
        await pilot.app.workers.wait_for_complete()  # the folder is remembered on the same thread, after
        assert "#uitleggen" in target.read_text(encoding="utf-8")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        box = app.screen.query_one("#roadmap-path", LineField)
        assert Path(box.text).parent == target.parent, "the roadmap screen offers the folder saved to last"
        target.write_text("van iemand anders", encoding="utf-8")  # meanwhile, someone else's file
        box.text = str(target)
        await pilot.pause()  # a long path wraps: the button moves down
        await pilot.click("#save-roadmap")  # by the button, this time
        await wait_until(pilot, lambda: app.screen.query("#dialog-title"))
        assert "bestaat al" in str(app.screen.query_one("#dialog-title").render())
        await pilot.press("enter")  # the first button is "cancel"
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "van iemand anders"
        box.text = str(tmp_path / "missing" / "x.md")
        await pilot.pause()  # a shorter path: the button moves up
        await pilot.pause()
        await pilot.click("#save-roadmap")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        assert "missing" in str(app.screen.query_one("#roadmap-message").render())


async def open_first(pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")
    for _ in range(10):
        await pilot.pause()


async def test_second_copy_on_the_same_traject_is_refused_kindly(tmp_path: Path) -> None:
    Store(tmp_path).create("Gedeeld", "student", str(MINI))
    first, second = make_app(tmp_path), make_app(tmp_path)
    async with first.run_test(size=(80, 24)) as pilot_one:
        await open_first(pilot_one)
        assert isinstance(first.screen, ReflectionScreen)
        async with second.run_test(size=(80, 24)) as pilot_two:
            await open_first(pilot_two)
            assert "al open" in str(second.screen.query_one("#dialog-title").render())
            await pilot_two.press("enter")
            await pilot_two.pause()
            assert isinstance(second.screen, StartScreen)
        await type_text(pilot_one, "nog steeds van mij")
        await pilot_one.press("ctrl+q")
    store = Store(tmp_path)
    assert store.load(store.summaries()[0].id).answers["kan-sterk"] == "nog steeds van mij"


# A damaged file: the dialog says so and offers the backup (Enter opens it), the damaged file is kept
# aside: tests/test_hostile_faults.py, test_opening_the_backup_and_leaving_at_once_leaves_the_backup_as_the_file.


# English on request (the English pack: its step heads and status line): tests/test_lived_in.py,
# test_english_users_get_the_english_questions_by_default.


# Markup-like labels in a pack and a markup-like traject name, shown literally: tests/test_hostile_text.py
# (test_hostile_labels_in_a_pack_are_shown_literally: every label of the mini pack made hostile, on every
# screen; test_hostile_text_is_shown_literally_on_every_screen: the name on the start screen, in its dialog
# and in the reflection's title).


async def test_theme_choice_is_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
    assert Store(tmp_path).summaries() == []  # the settings file is not a traject
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
