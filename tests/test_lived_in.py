"""A person at the keyboard, with the built-in packs: fields that already hold text, focus that stays in
view, dialogs that fit 80x24, keys that say what they do. Each test presses keys as a person would and
checks the screen and the disk."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from apps import MINI, make_app, pack_of, type_text
from hostile.pilot import open_first, paste, wait_until
from textual import events
from textual.widgets import Button, Checkbox, OptionList, RadioSet, Static, TextArea

from loopbaan_tui.domain.trajects.autosave import Delays
from loopbaan_tui.domain.trajects.storage import Saved, Store
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.new_traject import NewTrajectDialog
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.widgets.key_footer import KeyFooter
from loopbaan_tui.ui.widgets.prompt_view import PromptView
from loopbaan_tui.ui.widgets.scale_input import ScaleInput
from loopbaan_tui.ui.widgets.text_fields import LineField

SIZE = (80, 24)
DELEN = "Met mijn opleider op 14 januari"
MINI_PACK = str(MINI)
"""The pack of a traject made for the mini test pack (tests that need no built-in content use it)."""


def saved_traject(
    data: Path, answers: dict[str, Any], last_prompt: str = "", profile: str = "student", language: str = "nl"
) -> Traject:
    store = Store(data)
    traject = store.create("Mijn loopbaan", profile, language)
    traject.answers.update(answers)
    traject.last_prompt = last_prompt
    store.save(traject)
    return traject


def answers_on_disk(data: Path, traject: Traject) -> dict[str, Any]:
    return Store(data).load(traject.id).answers


def focused_prompt(app: LoopbaanApp) -> str:
    node = app.focused
    while node is not None and not (node.id or "").startswith("prompt-"):
        node = node.parent
    return (node.id or "").removeprefix("prompt-") if node is not None else ""


def in_view(app: LoopbaanApp) -> bool:
    """The focused widget is on the screen, inside the part of its step that shows."""
    widget = app.focused
    assert widget is not None
    region = widget.region
    step = app.screen.query_one("#steps")
    return region.height > 0 and step.region.contains(region.x, region.y)


async def burst(pilot: Any, *keys: str) -> None:
    """Keys that arrive together, as from a fast typist or a paste-and-press: no pause between them."""
    for key in keys:
        character = key if len(key) == 1 else {"tab": "\t", "enter": "\r", "space": " "}.get(key)
        pilot.app.post_message(events.Key(key, character))
    await pilot.pause()
    await pilot.pause()


# --- 1. typing into a field that holds text adds to it; Ctrl+Z undoes -------------------------------

ONE_LINE_FIELDS = {
    # prompt whose field already holds text, the answer, the keys that reach the field from the one before
    # (the small pack: the fields behave the same with any content), and the text of the field in the answer
    "short text": ("wil-energie", DELEN, ["ctrl+down"], lambda a: a),
    "path reason": (
        "waar-paden",
        [{"path": "expert", "reason": "Dieper in rekenen"}],
        ["f7", "tab"],
        lambda a: a[0]["reason"],
    ),
    "action cell": (
        "hoe-acties",
        [{"what": "Meelopen met de IB'er", "when": "", "first_step": "", "who": ""}],
        ["ctrl+down", "ctrl+down"],  # waar-stage, then the next step's first prompt
        lambda a: a[0]["what"],
    ),
    "people cell": ("wie-mensen", [{"who": "Sanne", "help": "", "reach": ""}], ["f9"], lambda a: a[0]["who"]),
}


async def test_typing_into_a_one_line_field_that_holds_text_adds_to_it(tmp_path: Path) -> None:
    """Was: moving into the field selected all of it, and one letter replaced the whole answer. Each kind of
    one-line field in turn, in one run (opened on wil-balans): typing adds, Ctrl+Z undoes, and on disk after
    Ctrl+Q each holds its text with what was typed after it."""
    answers = {prompt_id: answer for prompt_id, answer, _, _ in ONE_LINE_FIELDS.values()}
    traject = saved_traject(tmp_path, answers, last_prompt="wil-balans", language=MINI_PACK)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await wait_until(pilot, lambda: focused_prompt(app) == "wil-balans")  # back where the person left off
        for case, (prompt_id, answer, keys, text_of) in ONE_LINE_FIELDS.items():
            before = text_of(answer)
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            assert focused_prompt(app) == prompt_id and isinstance(app.focused, LineField), case
            assert app.focused.text == before, case
            await pilot.press("e", "n")
            assert app.focused.text == before + "en", case
            await pilot.press("ctrl+z")  # undo brings the text back as it was
            assert app.focused.text == before, f"{case}: Ctrl+Z"
            await pilot.press("e", "n")
        await pilot.press("ctrl+q")
    saved = answers_on_disk(tmp_path, traject)
    for case, (prompt_id, answer, _, text_of) in ONE_LINE_FIELDS.items():
        assert text_of(saved[prompt_id]) == text_of(answer) + "en", case


async def test_one_tour_of_the_keys_of_the_reflection_and_the_roadmap_screen(tmp_path: Path) -> None:
    """One run of the small pack, opened on its first prompt; each check was a test of its own:
    - the hint line says which keys the field takes: a long text, a list (Ctrl+Down), a checkbox (F6),
      the rail (Shift+Tab);
    - Tab from the rail goes straight to the first field (was: a Tab stop where nothing was highlighted);
    - Down on a checkbox goes to the next option, Up back (was: Down scrolled the page);
    - Ctrl+Up at the first prompt of a step goes to the last prompt of the step before, in view;
    - Ctrl+Z undoes in a long answer too, and what is typed after it is kept (on disk after Ctrl+Q);
    - help (F1) lists the keys of the screen it was opened on: the reflection's, then the roadmap screen's;
    - the roadmap preview can take the whole screen (F4) and give it back (was: ~11 lines at 80x24);
    - typing into the roadmap's path adds to what is there (was: the first key replaced it)."""
    traject = saved_traject(tmp_path, {"kan-sterk": "De les over breuken"}, language=MINI_PACK)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        hint = app.screen.query_one("#key-hint", Static)
        assert focused_prompt(app) == "kan-sterk"
        assert str(hint.render()) == app.words("hint_text"), "hint: a long text"
        await type_text(pilot, " ging goed")
        await pilot.press("ctrl+z")
        await type_text(pilot, " liep goed")
        await pilot.press("ctrl+down")
        assert str(hint.render()) == app.words("hint_list"), "hint: a list"
        await pilot.press("f6")
        await pilot.pause()
        assert str(hint.render()) == app.words("hint_checkbox"), "hint: a checkbox"
        await pilot.press("shift+tab")
        assert app.focused is not None and app.focused.id == "rail"
        assert str(hint.render()) == app.words("hint_rail"), "hint: the rail"
        await pilot.press("tab")
        assert focused_prompt(app) == "wil-motieven", "Tab from the rail: the step's first field"
        first = app.focused
        assert isinstance(first, Checkbox)
        await pilot.press("down")  # was: Down on a checkbox scrolled the page instead
        assert isinstance(app.focused, Checkbox) and app.focused is not first and in_view(app), "Down: next option"
        await pilot.press("up")
        assert app.focused is first, "Up: the option before"
        await pilot.press("ctrl+up")
        await pilot.pause()
        last = [view.prompt.id for view in app.screen.query("#step-kan PromptView")][-1]
        assert focused_prompt(app) == last and in_view(app), "Ctrl+Up at a step's first prompt"

        await pilot.press("f1")
        await pilot.pause()
        text = str(app.screen.query_one(".help-keys", Static).render())
        assert "F2" in text and "Ctrl+↓ / Ctrl+↑" in text and "F5 … F9" in text and "PageDown" in text, "help"
        assert app.words("help_key_new") not in text, "help: not the start screen's keys"
        await pilot.press("escape", "ctrl+r")
        await pilot.pause()
        preview = app.screen.query_one("#roadmap-preview")
        small = preview.region.height
        await pilot.press("f4")
        await pilot.pause()
        assert preview.region.height >= 22 > small, "F4: the preview on the whole screen"
        await pilot.press("f4")
        await pilot.pause()
        assert preview.region.height == small, "F4 again: back"
        await pilot.press("f1")
        await pilot.pause()
        text = str(app.screen.query_one(".help-keys", Static).render())
        assert "F4" in text and app.words("help_key_full_screen") in text and "F2" not in text, "help: roadmap"
        await pilot.press("escape")
        await pilot.pause()
        field = app.screen.query_one("#roadmap-path", LineField)
        before = field.text
        field.focus()
        await pilot.pause()
        await pilot.press("x")
        assert field.text == before + "x", "the roadmap path: typing adds to it"
        await pilot.press("ctrl+q")
    kept = answers_on_disk(tmp_path, traject)["kan-sterk"]
    assert kept.startswith("De les over breuken") and kept.endswith(" liep goed"), kept


# --- 2 and 3. the new-traject dialog -------------------------------------------------------------------


async def open_dialog(pilot: Any, name: str = "Mijn loopbaan") -> NewTrajectDialog:
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    if name:
        await type_text(pilot, name)
    screen = pilot.app.screen
    assert isinstance(screen, NewTrajectDialog)
    return screen


async def test_english_users_get_the_english_questions_by_default(tmp_path: Path) -> None:
    """Was: with --lang en the dialog preselected the Dutch pack, and choosing a profile jumped past it.
    And the traject made opens in English: its step heads and its status line."""
    app = make_app(tmp_path, "en")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "Year five")
        assert dialog._chosen("#pack") == "en"
        await every_profile_fits(pilot, dialog)  # the English dialog fits 80x24 with each profile
        assert app.focused is not None and app.focused.id == "profile"  # the focus stays on the choice
        await pilot.press("tab")
        assert isinstance(app.focused, RadioSet) and app.focused.id == "pack"  # next: the pack, not Start
        await pilot.press("tab")
        assert isinstance(app.focused, RadioSet) and app.focused.id == "route"  # then the route, on one line
        await pilot.press("tab", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        assert "What can I do?" in str(app.screen.query_one(".step-head").render()), "in English: the step"
        assert "Everything is saved" in str(app.screen.query_one("#save-status").render()), "and the status"
    assert Store(tmp_path).summaries()[0].pack == "en"


async def every_profile_fits(pilot: Any, dialog: NewTrajectDialog) -> None:
    """From the name field: choose each profile in turn; with each the Start button is whole and in view,
    and the form does not scroll. Was: after a profile was chosen the Start button stretched to 17 rows,
    its label out of view, and the dialog scrolled even at 40 rows. Ends on the last profile, focused."""
    await pilot.press("tab")
    for profile in range(len(pilot.app.pack.profiles)):
        if profile:
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        start = dialog.query_one("#begin", Button)
        assert start.region.height == 3 and dialog.region.contains_region(start.region), profile
        assert dialog.query_one("#dialog-form").max_scroll_y == 0, f"the form scrolls for profile {profile}"


async def test_the_name_error_goes_once_a_name_is_typed_and_the_dialog_fits(tmp_path: Path) -> None:
    """The Dutch dialog: the error for a missing name goes once a name is typed, and the dialog fits 80x24
    with each profile (the English one: test_english_users_get_the_english_questions_by_default)."""
    app = make_app(tmp_path, "nl")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, "")
        await pilot.press("enter")
        error = dialog.query_one("#name-error", Static)
        assert error.display and str(error.render())
        await pilot.press("J")
        assert not error.display
        await every_profile_fits(pilot, dialog)


# --- 4. the focused field is always on screen ----------------------------------------------------------


async def test_the_focused_field_stays_in_view_through_help_paging_and_every_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One run of the built-in pack (its prompts are long enough to scroll), each check a bug that was:

    - F2 on the first prompt pushed the field below the screen while the user typed on, blind;
    - PageDown scrolled the step but left the focus behind, off the screen;
    - entering a step, the first field had the focus but the view stayed on the intro (a name went in
      the wrong column). Each step is entered for the first time on the way: the second by Ctrl+N from
      the first, the next three by their F-keys, the last by Ctrl+N from the step before;
    - a step entered again was drawn three times: where it was left, then scrolled to its top, then to
      the field (and its earlier answers were shown again though none had changed). Now it is scrolled
      where its first visit ended before anything is drawn (wherever it was left), and nothing moves after.
    And, first: the rail's long labels wrap under their own text, not under the step's number."""
    saved_traject(tmp_path, {})
    app = make_app(tmp_path, "nl")
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        label = str(app.screen.query_one("#rail", OptionList).get_option_at_index(4).prompt)
        first, second, *_ = label.split("\n")
        assert first.startswith("5 ") and second.startswith("  ") and len(first) <= 27, f"the rail: {label!r}"
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#prompt-kan-moment").has_class("-show-help")
        assert in_view(app)
        await pilot.press("f2")  # help closed again
        await pilot.pause()
        # was: the view stayed where the open help had put it, the question scrolled off above its field
        question = app.screen.query_one("#prompt-kan-moment .prompt-label")
        assert app.screen.query_one("#steps").region.contains_region(question.region), "the question after F2"
        seen = [focused_prompt(app)]
        for _ in range(4):
            await pilot.press("pagedown")
            await pilot.pause()
            assert in_view(app)
            seen.append(focused_prompt(app))
        assert len(set(seen)) > 2, seen
        await pilot.press("pageup")
        await pilot.pause()
        assert in_view(app)
        screen = app.screen
        assert isinstance(screen, ReflectionScreen)
        entered: dict[int, float] = {}
        for key in ["ctrl+n", "f7", "f8", "f9", "ctrl+n"]:
            await pilot.press(key)
            await pilot.pause()
            assert focused_prompt(app) and in_view(app), key
            step = screen.query_one(f"#step-{screen.sections[screen._step].id}")
            entered[screen._step] = step.scroll_y
            if key in ("f7", "f8"):
                await pilot.press("pagedown")  # left scrolled elsewhere
                await pilot.pause()
                assert step.scroll_y != entered[screen._step], key
        recalled: list[str] = []
        monkeypatch.setattr(PromptView, "refresh_recall", lambda view: recalled.append(view.prompt.id))
        for index in [2, 3]:
            await screen.action_goto(index)  # no refresh between the key and the check
            step = screen.query_one(f"#step-{screen.sections[index].id}")
            assert step.scroll_y == entered[index], index
            await pilot.pause()
            assert step.scroll_y == entered[index] and in_view(app), index
        assert not recalled


async def test_a_smaller_window_keeps_the_focused_field_in_view(tmp_path: Path) -> None:
    """Was: after resizing the terminal smaller, the step re-wrapped and the focused field ended up below it.
    And at 60x20 the footer keeps F1 (was a test of its own)."""
    saved_traject(tmp_path, {}, last_prompt="kan-rollen")
    app = make_app(tmp_path, "nl")
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        assert focused_prompt(app) == "kan-rollen" and in_view(app)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        assert focused_prompt(app) == "kan-rollen" and in_view(app)
        footer = app.screen.query_one(KeyFooter)  # was: at 60x20 the footer lost F1 off its right end
        shown = footer.shown()
        assert shown and shown[0][:2] == ("f1", "f1")
        assert str(footer.render()).startswith("f1 ") and footer.region.right <= 60, "the footer keeps F1"
        # Was: the actions' rows kept their labels beside their fields, which at 60 columns left a field
        # two cells or none, and Textual crashed wrapping its text (or placeholder) to no width.
        screen = app.screen
        assert isinstance(screen, ReflectionScreen) and app.has_class("-narrow")
        await screen.action_goto(next(i for i, s in enumerate(screen.sections) if s.id == "hoe"))
        await pilot.pause()
        await pilot.pause()
        fields = list(screen.query(".row-fields .row-input").results())
        assert fields and min(f.content_size.width for f in fields) >= 10, "a row's fields: room to type"
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not app.has_class("-narrow")


# --- 5 and 6. rows of actions and people -----------------------------------------------------------------


async def test_removing_a_row_with_words_asks_first_and_keeps_the_focus_in_the_table(tmp_path: Path) -> None:
    """Was: "Weghalen" removed the row at once, for good, and threw the focus to another prompt.
    And first: a long action cell shows all of its text (was: ~22 columns on one line, scrolled to the end,
    the start of the text out of sight)."""
    what = "Meelopen met de intern begeleider van de bovenbouw, twee ochtenden in januari"
    rows = [
        {"what": what, "when": "", "first_step": "", "who": ""},
        {"what": "Cursus zoeken", "when": "", "first_step": "", "who": ""},
    ]
    traject = saved_traject(tmp_path, {"hoe-acties": rows}, last_prompt="hoe-acties", language=MINI_PACK)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        field = app.focused
        assert isinstance(field, LineField) and field.text == what
        assert field.region.height == field.wrapped_document.height > 1, "the long cell: every line in view"
        assert field.scroll_y == 0 and field.max_scroll_y == 0, "the long cell: not scrolled"
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")  # past the first row's six fields: "Weghalen"
        assert isinstance(app.focused, Button) and app.focused.has_class("row-remove")
        await pilot.press("enter")
        await pilot.pause()
        assert "Meelopen" in str(app.screen.query_one("#dialog-body").render())
        await pilot.press("enter")  # the safe button has the focus: the row stays
        await pilot.pause()
        assert len(app.screen.query("#prompt-hoe-acties .row")) == 2 and app.focused.has_class("row-remove")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "enter")  # now "Weghalen", on purpose
        await pilot.pause()
        await pilot.pause()
        assert len(app.screen.query("#prompt-hoe-acties .row")) == 1
        assert focused_prompt(app) == "hoe-acties" and isinstance(app.focused, LineField)
        assert app.focused.text == "Cursus zoeken"
        await pilot.press("ctrl+q")
    assert [row["what"] for row in answers_on_disk(tmp_path, traject)["hoe-acties"]] == ["Cursus zoeken"]


# --- 7. what keys a field takes ------------------------------------------------------------------------

# The footer keeps F1 on a narrow screen: test_a_smaller_window_keeps_the_focused_field_in_view.


# --- 8. dates ------------------------------------------------------------------------------------------


async def test_dates_in_the_when_cell_and_the_roadmap_are_shown_as_dates(tmp_path: Path) -> None:
    """A date in an action's "when" cell is shown as a date, free text there stays as typed; the roadmap's
    date is kept as ISO and an impossible one is explained (was: "2027-02-30", "2-3-2027" and "na de
    voorjaarsvakantie" were stored as typed, printed raw)."""
    traject = saved_traject(tmp_path, {}, last_prompt="hoe-acties", language=MINI_PACK)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        # what is typed goes in as a paste and goes again with Ctrl+U (to the line's start): the keys are
        # not what is tested here, and each key lays out the screen
        await open_first(pilot)
        await paste(pilot, "Meelopen")
        await pilot.press("tab")
        await paste(pilot, "15-1-2027")
        hint = app.screen.query_one(".row-when-hint", Static)
        assert hint.display and "vrijdag 15 januari 2027" in str(hint.render()), "the when cell: a date"
        await pilot.press("ctrl+u")
        await paste(pilot, "voor de kerst")
        assert not hint.display, "the when cell: free text, no date"
        await pilot.press("f9", "ctrl+n")  # the roadmap step
        await pilot.pause()
        await pilot.press("tab")
        assert focused_prompt(app) == "roadmap-checkin"
        hint = app.screen.query_one(".date-hint", Static)
        await paste(pilot, "30-2-2027")
        assert hint.display and hint.has_class("-error") and "februari" in str(hint.render()), "an impossible date"
        await pilot.press("ctrl+u")
        await paste(pilot, "2-3-2027")
        assert not hint.has_class("-error") and "dinsdag 2 maart 2027" in str(hint.render()), "a date"
        await pilot.press("ctrl+q")
    answers = answers_on_disk(tmp_path, traject)
    assert answers["hoe-acties"][0]["when"] == "voor de kerst"  # free text stays
    assert answers["roadmap-checkin"] == "2027-03-02"


# --- 9. the roadmap screen -------------------------------------------------------------------------------


# The roadmap screen offers the folder saved to last: tests/test_app.py,
# test_roadmap_screen_previews_and_saves_without_overwriting.


# --- 10. better and worse on the balance -----------------------------------------------------------------


async def test_the_balance_says_whether_a_change_is_for_the_better(tmp_path: Path) -> None:
    """Was: werkdruk going up had the same arrow as werkplezier going up. The built-in packs say werkdruk
    better low and werkplezier high; the screen is checked with the small pack told so too (a copy: its
    balance has both scales)."""
    better = {"werkplezier": "high", "werkdruk": "low"}
    for language in ("nl", "en"):
        assert {s: getattr(pack_of(language).scale(s), "better", None) for s in better} == better, language
    pack = tmp_path / "pack"
    shutil.copytree(MINI, pack)
    scales = pack / "scales.toml"
    text = scales.read_text(encoding="utf-8")
    for scale, end in better.items():
        text = text.replace(f'id = "{scale}"\n', f'id = "{scale}"\nbetter = "{end}"\n')
    scales.write_text(text, encoding="utf-8")
    saved_traject(tmp_path / "data", {}, last_prompt="wil-balans", language=str(pack))
    app = make_app(tmp_path / "data", pack)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("2", "tab", "4")  # werkplezier 2 -> 4
        app.screen.query_one("#scale-werkdruk").focus()  # its first column: then
        await pilot.press("2", "tab", "4")  # werkdruk 2 -> 4
        await pilot.pause()
        joy = str(app.screen.query_one("#scale-werkplezier", ScaleInput).render())
        load = str(app.screen.query_one("#scale-werkdruk", ScaleInput).render())
        assert "↑ +2" in joy and app.words("balance_better") in joy
        assert "↑ +2" in load and app.words("balance_worse") in load


# --- 11. back where you left off -------------------------------------------------------------------------

# Reopening lands on the prompt last edited (was: always step 1), with the progress from the summary:
# tests/test_app.py, test_whole_reflection_survives_quit_and_reopen.


# --- 13. smaller things ----------------------------------------------------------------------------------


# --- keys in a burst, and quitting right after typing (issue: nothing lost at the edges) -----------------


async def test_a_burst_across_fields_lands_in_order(tmp_path: Path) -> None:
    """Was: letters typed right after a Tab went into the field the Tab was leaving."""
    traject = saved_traject(tmp_path, {}, last_prompt="wie-mensen", language=MINI_PACK)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await burst(pilot, *"Sanne", "tab", *"vragen", "tab", *"lopen")
        await pilot.press("ctrl+q")
    assert answers_on_disk(tmp_path, traject)["wie-mensen"] == [{"who": "Sanne", "help": "vragen", "reach": "lopen"}]


async def test_ctrl_q_right_after_typing_keeps_every_word(tmp_path: Path) -> None:
    """Was: Ctrl+Q, a priority binding, ran before the keys queued ahead of it reached the field."""
    traject = saved_traject(tmp_path, {"kan-sterk": "eerste. "}, language=MINI_PACK)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await burst(pilot, *"laatste woorden", "ctrl+q")
    assert answers_on_disk(tmp_path, traject)["kan-sterk"] == "eerste. laatste woorden"


async def test_saving_resumes_with_the_next_change_after_a_fault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: once a save failed, the next try came only 10 s later, whatever the user typed."""
    traject = saved_traject(tmp_path, {}, language=MINI_PACK)
    store = Store(tmp_path)
    app = make_app(tmp_path, autosave=Delays(delay=0.1, max_delay=0.1, retry=60.0))
    real = Store.save
    failing = [True]

    def save(self: Store, item: Traject, **options: Any) -> Saved:
        if failing[0]:
            from loopbaan_tui.domain.trajects.storage import StorageError

            raise StorageError("disk_full", self.folder, "full")
        return real(self, item, **options)

    monkeypatch.setattr(Store, "save", save)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        session = app.session
        assert session is not None
        await type_text(pilot, "een")
        await wait_until(pilot, lambda: session.state.error is not None)
        failing[0] = False  # the disk has room again
        await type_text(pilot, " twee")
        await wait_until(pilot, lambda: not session.dirty, timeout=3)
        assert store.load(traject.id).answers["kan-sterk"] == "een twee"
        assert isinstance(app.screen.query_one("#prompt-kan-sterk TextArea", TextArea), TextArea)


async def test_a_very_long_answer_is_kept_and_the_user_is_told(tmp_path: Path) -> None:
    from loopbaan_tui.domain.trajects.text import LARGE_ANSWER

    long = "woord " * (LARGE_ANSWER // 6 + 10)
    traject = saved_traject(tmp_path, {"kan-sterk": long}, language=MINI_PACK)
    app = make_app(tmp_path)
    told: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        real = app.notify
        app.notify = lambda message, **kw: (told.append(message), real(message, **kw))[1]  # type: ignore[method-assign]
        await open_first(pilot)
        assert told and app.words("answer_large", size="").split("(")[0] in told[0]
        await paste(pilot, "en meer")  # one change: each key in a 100 000-character field takes a second
        await pilot.press("ctrl+q")
    assert answers_on_disk(tmp_path, traject)["kan-sterk"] == long + "en meer"


async def test_an_answer_to_a_prompt_no_longer_asked_of_the_profile_stays_on_screen(tmp_path: Path) -> None:
    """Support staff got motives of their own in content v2: an earlier answer to the old question shows."""
    saved_traject(
        tmp_path,
        {"wil-motieven": {"choices": ["verkennen"], "other": "mijn eigen woorden"}},
        profile="ondersteuner",
        last_prompt="wil-waarom",
    )
    app = make_app(tmp_path, "nl")
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        assert app.screen.query("#step-wil #prompt-wil-motieven")
        other = app.screen.query_one("#prompt-wil-motieven .choice-other", LineField)
        assert other.text == "mijn eigen woorden"
