"""The short route in the app: chosen in the new-traject dialog of the built-in packs and saved, counted in
the rail and switched with Ctrl+K without losing a word (a copy of the small pack with core prompts).
Each test presses keys as a person would and checks the screen and the disk."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from apps import MINI, make_app
from hostile.pilot import open_first, wait_until
from test_core_route import FIRST_PROMPTS, mark_core
from test_lived_in import SIZE, answers_on_disk, focused_prompt, open_dialog, saved_traject
from textual.widgets import Markdown, RadioSet

from loopbaan_tui.domain.content.builtin import LANGUAGES
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.roadmap import RoadmapScreen
from loopbaan_tui.ui.screens.start import StartScreen
from loopbaan_tui.ui.widgets.rail import StepRail

CORE = "kan-moment"  # the first step's first prompt, on both routes
OUTSIDE = "kan-bewijs"  # the first step's third prompt, on the full route only
CORE_TEXT = "De les over breuken ging goed."
OUTSIDE_TEXT = "Mijn mentor schreef het op in haar verslag."


def prompt_ids(app: LoopbaanApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, ReflectionScreen)
    return [view.prompt.id for view in screen._prompt_views()]


def rail_label(app: LoopbaanApp, index: int) -> str:
    return str(app.screen.query_one(StepRail).get_option_at_index(index).prompt)


def file_text(data: Path, traject: Traject) -> str:
    return Store(data).path_of(traject.id).read_text(encoding="utf-8")


async def start_in_dialog(pilot: Any, route_keys: tuple[str, ...]) -> None:
    """Name, the first profile, the preselected pack, then `route_keys` on the route, then Start."""
    await open_dialog(pilot, "Mijn loopbaan")
    await pilot.press("tab", "enter", "tab", "tab")  # the profile, the pack, the route
    assert isinstance(pilot.app.focused, RadioSet) and pilot.app.focused.id == "route"
    await pilot.press(*route_keys, "tab", "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ReflectionScreen))
    await pilot.pause()


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_route_chosen_in_the_dialog_is_saved(tmp_path: Path, language: str) -> None:
    """The short route chosen in the dialog is saved; in Dutch, first a traject with the dialog's default:
    the full route, not written in the file (each was a test of its own)."""
    app = make_app(tmp_path, language)
    async with app.run_test(size=SIZE) as pilot:
        if language == "nl":
            await start_in_dialog(pilot, ())
            assert OUTSIDE in prompt_ids(app)
            await pilot.press("escape")  # back to the start screen, for the next traject
            await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await start_in_dialog(pilot, ("right", "enter"))  # from "full" (the default, first) to "short"
        assert OUTSIDE not in prompt_ids(app) and prompt_ids(app)[0] == CORE
        await pilot.press("ctrl+q")
    store = Store(tmp_path)
    routes = {traject.route: traject for traject in (store.load(summary.id) for summary in store.summaries())}
    assert sorted(routes) == (["full", "short"] if language == "nl" else ["short"])
    assert 'route = "short"' in file_text(tmp_path, routes["short"])
    if language == "nl":
        assert "route" not in file_text(tmp_path, routes["full"])


def short_route_pack(folder: Path) -> Path:
    """A copy of the small pack with a short route: the first prompt of each step is core, and in the
    first step kan-rol too (so the short route of the first step has two of its three prompts)."""
    pack = folder / "pack"
    shutil.copytree(MINI, pack)
    for name, prompt_id in (*FIRST_PROMPTS.items(), ("kan.toml", "kan-rol")):
        mark_core(pack, name, prompt_id)
    return pack


SMALL_CORE = "kan-sterk"  # the small pack's first prompt, on both routes
SMALL_OUTSIDE = "kan-feedback"  # its second prompt (a list), on the full route only


async def test_switching_the_route_there_and_back_keeps_every_answer_and_counts_the_route(tmp_path: Path) -> None:
    """Ctrl+K to the short route and back, in one run: the rail counts the questions of the route (the
    answer outside it is not counted), words typed just before the switch are not lost, every answer stays
    on disk and in the roadmap, and comes back on screen. F1 names Ctrl+K (it is not in the footer: at 80
    columns it would push Back and Quit out). Then, from a question outside the short route, Ctrl+K gives
    the focus to the first question of the step (was a test of its own). Any pack with core prompts
    switches the same: a copy of the small pack (the built-in packs' routes: the dialog test above, and
    tests/test_core_route.py)."""
    pack = short_route_pack(tmp_path)
    data = tmp_path / "data"
    outside = [OUTSIDE_TEXT]
    traject = saved_traject(data, {SMALL_CORE: CORE_TEXT, SMALL_OUTSIDE: outside}, SMALL_CORE, language=str(pack))
    app = make_app(data, pack)
    kan = app.pack.sections[0]
    short, full = len(kan.prompts_for("student", "short")), len(kan.prompts_for("student"))
    assert (short, full) == (2, 3)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        assert focused_prompt(app) == SMALL_CORE and SMALL_OUTSIDE in prompt_ids(app)
        assert rail_label(app, 0).endswith(f"2/{full}")
        await pilot.press("f1")
        await pilot.pause()
        keys = str(app.screen.query_one(".help-keys").render())
        assert "Ctrl+K" in keys and app.words("help_key_route") in keys
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        assert focused_prompt(app) == SMALL_CORE
        await pilot.press("end", *" En daarna?")  # typed just before the switch: not lost
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert SMALL_OUTSIDE not in prompt_ids(app)
        assert focused_prompt(app) == SMALL_CORE  # the same question keeps the focus
        assert rail_label(app, 0).endswith(f"1/{short}")  # the answer outside the route is not counted
        await pilot.press("ctrl+s")
        await pilot.pause()
        on_disk = Store(data).load(traject.id)
        assert on_disk.route == "short"
        assert on_disk.answers[SMALL_OUTSIDE] == outside
        assert on_disk.answers[SMALL_CORE] == CORE_TEXT + " En daarna?"
        await pilot.press("ctrl+r")  # the roadmap keeps the answer outside the route
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen))
        await pilot.app.workers.wait_for_complete()  # the preview is made on a thread
        assert OUTSIDE_TEXT in app.screen.query_one("#roadmap-markdown", Markdown).source
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert SMALL_OUTSIDE in prompt_ids(app)
        assert rail_label(app, 0).endswith(f"2/{full}")
        field = app.screen.query_one(f"#prompt-{SMALL_OUTSIDE}").query_one("TextArea")
        assert field.text == OUTSIDE_TEXT  # back, as it was
        await pilot.press("ctrl+down")  # to the question outside the short route
        assert focused_prompt(app) == SMALL_OUTSIDE
        await pilot.press("ctrl+k")  # was a test of its own: the focus goes to the steps first
        await pilot.pause()
        assert focused_prompt(app) == SMALL_CORE
        await pilot.press("ctrl+k")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert answers_on_disk(data, traject)[SMALL_OUTSIDE] == outside
    assert not [line for line in file_text(data, traject).splitlines() if line.startswith("route")], "full: not written"


async def test_a_pack_without_a_short_route_asks_no_route_and_has_no_route_key(tmp_path: Path) -> None:
    """The small pack has no core prompts: the dialog asks no route (Tab goes from the pack to Start), and
    in a traject Ctrl+K changes nothing and is not in the footer (each was a test of its own)."""
    store = Store(tmp_path)
    traject = store.create("Mini", "student", str(Path(__file__).parent / "packs" / "mini"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        assert not dialog.query_one("#route-row").display
        await pilot.press("tab", "enter", "tab", "tab")  # past the profile and the pack: Start
        assert pilot.app.focused is not None and pilot.app.focused.id == "begin"
        await pilot.press("escape")  # no new traject: the one there is opened
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await open_first(pilot)
        before = prompt_ids(app)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert prompt_ids(app) == before
        shown = app.screen.active_bindings.get("ctrl+k")
        assert shown is None or shown.binding.id != "route"  # nor in the footer
        await pilot.press("ctrl+q")
    assert Store(tmp_path).load(traject.id).route == "full"
