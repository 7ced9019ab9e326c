"""Hostile text: whatever a person types or pastes, and whatever a course leader writes in a pack,
is kept (with only the documented clean-up, `clean_text`) and shown literally on every screen.

The storage round trip of any text is proven in tests/test_storage_props.py, the roadmap's
structure under any answer in tests/test_roadmap.py; this file adds typing and pasting through
the real editors, every screen, hostile labels in a pack, and labels in the roadmap.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apps import MINI, make_app
from hostile.network import no_network_fixture  # noqa: F401 - a fixture, used by pytest
from hostile.pilot import SIZE, open_first, paste, wait_until
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roadmap import headings, parse
from textual.widget import Widget
from textual.widgets import Checkbox, OptionList, RadioButton, TextArea

from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.roadmap.roadmap import build_markdown
from loopbaan_tui.domain.trajects.storage import Store, to_toml
from loopbaan_tui.domain.trajects.text import clean_text
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.roadmap import RoadmapScreen
from loopbaan_tui.ui.screens.start import StartScreen
from loopbaan_tui.ui.text import literal
from loopbaan_tui.ui.widgets.prompt_view import PromptView

SLOW = bool(os.environ.get("LOOPBAAN_SLOW"))


NASTY = (
    "[bold]vet[/bold] [/] [link=https://x]klik[/link] [@click=app.quit]weg[/] [red]rood",
    "back\\slash \\n \\t \\\\ \\[niet\\] eind\\",
    "# geen kop",
    "```python",
    "| a | b |",
    "<script>alert(1)</script> &amp; <b>vet</b>",
    "👩🏽‍🏫 🏳️‍🌈 👨‍👩‍👧‍👦 e\u0301 ĳ",
    "שלום עולם مرحبا بالعالم \u202eomgekeerd\u202c",
    "tab\there\t\tend",
    "{name} {0} %s $HOME ~/x ../../etc/passwd",
    "lang " + "x" * 3000,
)
NAME = "[bold]Naam[/] \\ 😀 مرحبا #1 <b>"

TRICKY = (
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\\",
    "[",
    "]",
    "[bold]",
    "[/]",
    "[link=x]",
    "#",
    "\x00",
    "\x1b]52;c;eA==\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u202e",
    "\ud800",
    "🙂",
    "👩🏽‍🏫",
    "ש",
    "م",
    "e\u0301",
    " ",
    "x" * 500,
)
any_text = st.lists(
    st.one_of(st.text(st.characters(codec=None, categories=None)), st.sampled_from(TRICKY)), max_size=10
).map("".join)


# --- what the screen shows ------------------------------------------------------------------------


def shown(widget: Widget) -> str:
    """The text a widget puts on the screen (its content, not its wrapped lines)."""
    if isinstance(widget, OptionList):
        return "\n".join(str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count))
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Checkbox | RadioButton):
        return str(widget.label)
    try:
        return str(widget.render())
    except Exception:  # a container has nothing of its own to show
        return ""


def screen_text(app: LoopbaanApp) -> str:
    return "\n".join(shown(widget) for widget in app.screen.query("*"))


def norm(text: str) -> str:
    return " ".join(text.split())


# --- literal() ----------------------------------------------------------------------------------


@settings(max_examples=300 if SLOW else 100, deadline=None)
@given(any_text)
def test_literal_shows_any_text_as_is_and_never_a_control_character(text: str) -> None:
    content = literal(text)
    control = {chr(c) for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}
    assert not control & set(content.plain)
    assert content.plain == "".join("\ufffd" if c in control else c for c in text)
    assert literal(clean_text(text)).plain == clean_text(text), "stored text is shown exactly"


# --- typing and pasting -------------------------------------------------------------------------


async def _paste_and_keep(tmp_path: Path, text: str) -> None:
    store = Store(tmp_path / "data")
    traject = store.create("Plakken", "student", str(MINI))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await paste(pilot, text)
        area = app.screen.query_one("#prompt-kan-sterk TextArea", TextArea)
        assert area.text == clean_text(text), "the editor shows what will be kept"
        assert "\x1b" not in screen_text(app)
        await pilot.press("ctrl+q")
    kept = Store(tmp_path / "data").load(traject.id).answers.get("kan-sterk")
    if clean_text(text).strip():
        assert kept == clean_text(text)
    else:
        assert kept is None, "blank text is no answer"


@pytest.mark.slow
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(text=any_text)
async def test_any_pasted_text_is_kept_with_only_the_documented_clean_up(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    await _paste_and_keep(tmp_path_factory.mktemp("paste"), text)


@pytest.mark.parametrize(
    "text",
    ["[bold]x[/] \\ \u2028 \x1b]0;titel\x07 einde\r\nCRLF\rCR \ud800 🙂", "\x00\x01\x1b"],
    ids=["everything", "only-controls"],
)
async def test_a_pasted_terminal_escape_never_reaches_the_terminal(tmp_path: Path, text: str) -> None:
    await _paste_and_keep(tmp_path, text)


@pytest.mark.slow
async def test_typed_brackets_and_backslashes_are_kept(tmp_path: Path) -> None:
    """Pressed key by key (not pasted), into a text area and a one-line field."""
    store = Store(tmp_path / "data")
    traject = store.create("Typen", "student", str(MINI))
    typed = "[b]\\#é[/]"
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press(*typed)
        await pilot.press("f6", "ctrl+down", "ctrl+down", *typed)  # wil-energie: a one-line field
        await pilot.press("ctrl+q")
    answers = Store(tmp_path / "data").load(traject.id).answers
    assert answers["kan-sterk"] == typed and answers["wil-energie"] == typed


# --- every screen: hostile text, in a pack with hostile labels -----------------------------------------

HOSTILE_LABEL = "[bold]{n}[/] [link=x]y[/] \\[ \\ 😀 مرحبا #{n}"
"""Written in TOML as a literal string; {n} makes each field's label unique."""


def hostile_pack(tmp_path: Path) -> tuple[Path, list[str]]:
    """The mini pack with every text a person sees replaced by a unique hostile label."""
    folder = tmp_path / "pack"
    shutil.copytree(MINI, folder)
    labels: list[str] = []
    fields = ("name", "question", "intro", "label", "help", "example", "description", "asks", "low", "high")
    for file in sorted(folder.glob("*.toml")):
        lines = []
        for line in file.read_text(encoding="utf-8").splitlines():
            key = line.split("=", 1)[0].strip()
            if key in fields and '"' in line and not line.startswith("    "):
                label = HOSTILE_LABEL.format(n=len(labels))
                labels.append(label)
                line = f"{key} = '{label}'"
            elif line.startswith("    { id = "):  # an option
                option_id = line.split('"')[1]
                label = HOSTILE_LABEL.format(n=len(labels))
                labels.append(label)
                line = f"    {{ id = \"{option_id}\", label = '{label}' }},"
            lines.append(line)
        file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, labels


async def test_hostile_text_and_labels_are_shown_literally_on_every_screen(
    tmp_path: Path, no_network: list[str]
) -> None:
    """Hostile answers and a hostile name, in a pack whose every label is hostile: each shown literally on
    every screen (start, dialogs, steps with their help and examples, help, roadmap); and the whole run
    without any network use (hostile/network.py)."""
    folder, labels = hostile_pack(tmp_path)
    result = load_pack(folder)
    assert result.pack is not None, [p.render() for p in result.problems]
    store = Store(tmp_path / "data")
    long_text = "\n".join(NASTY)
    answers: dict[str, Any] = {
        "kan-sterk": long_text,
        "kan-feedback": list(NASTY),
        "wil-energie": NASTY[0],
        "waar-paden": [{"path": "expert", "reason": NASTY[1]}],
        "hoe-acties": [{"what": NASTY[0], "when": NASTY[2], "first_step": NASTY[5], "who": NASTY[7]}],
        "wie-mensen": [{"who": NASTY[6], "help": NASTY[8], "reach": NASTY[9]}],
    }
    traject = Traject(id="vijandig", name=NAME, profile="ervaren", pack=str(folder), answers=answers)
    path = store.path_of(traject.id)
    path.parent.mkdir(parents=True)
    path.write_text(to_toml(traject), encoding="utf-8")
    seen: list[str] = []
    app = make_app(store, folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # the start screen's list, and the dialog that asks before removing
        assert NAME in screen_text(app), "the start screen"
        await pilot.press("delete")
        await wait_until(pilot, lambda: app.screen.query("#dialog-body"))
        assert NAME in screen_text(app), "the dialog before removing"
        await pilot.press("escape")
        await pilot.press("n")  # the new-traject dialog: profiles and their descriptions, the pack's name
        await wait_until(pilot, lambda: app.screen.query("#profile"))
        for button in app.screen.query("#profile RadioButton").results(RadioButton):
            button.value = True  # chosen: its description shows
            await pilot.pause()
            seen.append(screen_text(app))
        await pilot.press("escape")
        await open_first(pilot)
        assert isinstance(app.screen, ReflectionScreen)
        # the reflection: the title, each answer in its editor
        text = screen_text(app)
        assert NAME in text and long_text in text, "the reflection"
        for key in ("f5", "f6", "f7", "f8", "f9", "ctrl+n"):
            await pilot.press(key)
            await pilot.pause()
            closed = [view for view in app.screen.query(PromptView) if not view.has_class("-show-help")]
            await asyncio.gather(*(view.toggle_help() for view in closed))  # help and example, as F2 shows them
            await pilot.pause()
            seen.append(screen_text(app))
            if key == "f9":
                for field in ("what", "when", "first_step", "who"):  # the recall box of this step: the actions
                    assert norm(answers["hoe-acties"][0][field]) in norm(seen[-1]), field
        # help
        await pilot.press("f1")
        await pilot.pause()
        seen.append(screen_text(app))
        assert str(store.folder) in seen[-1], "help: the data folder"
        await pilot.press("escape", "ctrl+r")
        # the preview is made on a thread: wait until it shows the last answer (each line is checked below)
        on_preview = lambda: isinstance(app.screen, RoadmapScreen) and norm(NASTY[-1]) in norm(screen_text(app))  # noqa: E731
        await wait_until(pilot, on_preview, timeout=20)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        preview = norm(screen_text(app))
        seen.append(preview)
        # the roadmap preview: every line of every answer, as typed
        for line in [NAME, *NASTY]:
            assert norm(line) in preview, line
        assert "\x1b" not in preview
        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
    text = "\n".join(seen)
    unseen = [label for label in labels if label not in text]
    other_profile = [p for s in result.pack.sections for p in s.prompts if not p.for_profile("ervaren")]
    hidden = {result.pack.info.description, *(x for p in other_profile for x in (p.label, p.help, p.example))}
    assert [label for label in unseen if label not in hidden] == [], "labels never shown"
    assert not app.crash_report
    assert no_network == []


# --- labels in the roadmap ----------------------------------------------------------------------

labels_text = (
    st.one_of(st.sampled_from([*NASTY, HOSTILE_LABEL]), any_text).map(clean_text).filter(lambda t: t.strip() != "")
)


@settings(max_examples=200 if SLOW else 40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=labels_text, label=labels_text)
def test_hostile_labels_never_break_the_roadmap(question: str, label: str) -> None:
    """A course leader's labels become headings: each stays one heading with exactly its text."""
    pack = load_pack(MINI).pack
    assert pack is not None
    first = pack.competencies[0]
    prompt = dataclasses.replace(first.prompts[0], label=label)
    section = dataclasses.replace(first, question=question, prompts=(prompt, *first.prompts[1:]))
    pack = dataclasses.replace(pack, competencies=(section, *pack.competencies[1:]))
    traject = Traject(id="t", name="Naam", profile="student", pack=str(MINI), answers={prompt.id: "antwoord"})
    tokens = parse(build_markdown(pack, traject, today=date(2025, 11, 21)))
    found = headings(tokens)
    assert (2, norm(question)) in found
    assert (3, norm(label)) in found
