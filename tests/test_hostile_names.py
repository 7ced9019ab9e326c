"""Hostile names: a traject name or an export name that would leave the folder, is reserved on
Windows, holds characters file systems refuse, is far too long, or is nothing once cleaned.

The name itself is kept (cleaned) for people to read; the file name is always an id made from
it (`new_id`) or a roadmap name (`roadmap_filename`, tested at length in test_roadmap_export.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apps import MINI, make_app
from hostile.pilot import SIZE, paste, wait_until
from hypo import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from loopbaan_tui import cli
from loopbaan_tui.domain.roadmap.export import MAX_NAME, WINDOWS_RESERVED
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.text import clean_text
from loopbaan_tui.domain.trajects.traject import new_id
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.start import StartScreen

HOSTILE_NAMES = (
    "../x",
    "../../../../etc/passwd",
    "/etc/passwd",
    "C:\\x",
    "C:\\Windows\\System32\\config",
    "\\\\server\\share",
    "CON",
    "con",
    "nul.txt",
    "COM1",
    "LPT9.md",
    "aux.",
    "prn ",
    '<>:"|?*',
    "naam.",
    " naam ",
    ".verborgen",
    "..",
    ".",
    "~",
    "~/x",
    "$HOME",
    "%APPDATA%",
    "a" * 500,
    "😀🙂",
    "👩🏽‍🏫",
    "מורה",
    "ложка",
    "\x00\x01",
    "\u202eexe.txt",
    "naam\nmet\nregels",
    "tab\tnaam",
    "x" * 40 + "-" * 20 + "y",
)


def assert_safe_id(traject_id: str) -> None:
    assert traject_id.isascii() and 0 < len(traject_id) <= 100
    assert all(c.isalnum() or c == "-" for c in traject_id) and not traject_id.startswith("-")
    assert traject_id.split(".")[0].upper() not in WINDOWS_RESERVED


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_a_hostile_name_makes_a_safe_file_inside_the_folder(tmp_path: Path, name: str) -> None:
    store = Store(tmp_path / "data")
    traject = store.create(name, "student", str(MINI))
    assert_safe_id(traject.id)
    path = store.path_of(traject.id)
    assert path.parent == store.folder and path.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"], "nothing written outside the data folder"
    assert traject.name == clean_text(name).strip()
    assert store.load(traject.id).name == traject.name, "the name itself is kept, for people to read"


@settings(max_examples=examples(100, 300), deadline=None)
@given(st.text())
def test_any_name_gives_a_safe_id(name: str) -> None:
    assert_safe_id(new_id(name))
    assert new_id(name) != new_id(name), "a random part: the same name twice is two trajecten"


def test_the_same_hostile_name_twice_is_two_files(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    first, second = store.create("../x", "student", "nl"), store.create("../x", "student", "nl")
    assert first.id != second.id and len(store.summaries()) == 2


@pytest.mark.parametrize("name", ["../../etc/passwd", "CON", "<>:|?*", "😀", "a" * 300])
def test_export_by_a_hostile_name_writes_a_safe_file_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    store = Store(tmp_path / "data")
    traject = store.create(name, "student", str(MINI))
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert cli.main(["export", traject.id, "--data-dir", str(store.folder)]) == 0
    [written] = list(here.iterdir())
    assert written.name.startswith("roadmap-") and written.name.endswith(".md") and len(written.name) <= MAX_NAME
    assert written.name.split(".")[0].upper() not in WINDOWS_RESERVED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "here"]
    if os.name == "posix":
        assert written.stat().st_mode & 0o777 == 0o600


@pytest.mark.slow
async def test_hostile_names_through_the_new_traject_dialog(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        for name in ("../../etc/passwd", "\x00\x01\x1b", "CON" + "x" * 77):  # 80: the longest the field takes
            await pilot.press("n")
            await wait_until(pilot, lambda: app.screen.query("#name"))
            await paste(pilot, name)
            await pilot.press("enter")
            await pilot.pause()
            if not clean_text(name).strip():  # nothing left: the dialog asks for a name, nothing is made
                assert str(app.screen.query_one("#name-error").render()) == app.words("new_name_missing")
                await pilot.press("escape")
                await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
                continue
            if not isinstance(app.screen, ReflectionScreen):  # the dialog asks who you are: the first profile
                app.screen.query("#profile RadioButton").first().value = True
                app.screen.query_one("#begin").focus()  # Enter on the profiles chooses one; Begin starts
                await pilot.pause()
                await pilot.press("enter")  # start
            await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
    names = sorted(s.name for s in store.summaries())
    assert names == sorted(["../../etc/passwd", "CON" + "x" * 77])
    for summary in store.summaries():
        assert_safe_id(summary.id) if summary.path.parent == store.folder else pytest.fail(str(summary.path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
