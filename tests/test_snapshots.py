"""Screens that must look right, at the smallest size we promise (80x24)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from apps import MINI, make_app
from screenshots import assert_screenshots, take_screenshots
from syrupy import SnapshotAssertion
from textual.widgets import TextArea

from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.app import LoopbaanApp

SIZE = (80, 24)
MOMENT = datetime(2026, 3, 6, 14, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same clock zone and a relative data folder, so paths and times on screen never vary."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.chdir(tmp_path)
    # A blinking cursor would be caught on or off by chance, more so on a busy machine.
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


def snapshot_app(answers: dict | None = None, with_traject: bool = True) -> LoopbaanApp:
    traject = Traject(
        id="mijn-traject",
        name="Mijn [bold] traject",
        profile="student",
        pack=str(MINI),
        created=MOMENT,
        updated=MOMENT,
        answers=answers or {},
    )
    return make_app(Path("data"), MINI, trajects=[traject] if with_traject else [])


ANSWERS = {
    "kan-sterk": "Ik leg [red]helder[/red] uit.\nEn ik luister.",
    "kan-feedback": ["mentor: rustig", "buddy: # geen kop"],
    "kan-rol": {"choice": "ontwikkelen", "other": ""},
    "wil-motieven": {"choices": ["verkennen"]},
    "wil-balans": {"werkplezier": {"then": 2, "now": 4}},
    "waar-paden": [{"path": "expert", "reason": "Ik wil <dieper> in mijn vak"}],
    "hoe-acties": [{"what": "Meelopen", "when": "januari", "first_step": "Mailen", "who": "IB'er"}],
}


def test_start_empty(snap_compare) -> None:
    assert snap_compare(snapshot_app(with_traject=False), terminal_size=SIZE)


def test_new_traject_dialog(snap_compare) -> None:
    assert snap_compare(snapshot_app(), terminal_size=SIZE, press=["n"])


STEPS_IN_TURN = (
    ("start_with_traject", []),
    ("help", ["f1"]),  # from the start screen
    ("step_1", ["escape", "enter"]),  # opened: its files are read on a thread, which the screenshot waits for
    ("step_2", ["f6"]),
    ("step_3", ["f7"]),
    ("step_4", ["f8"]),
    ("step_5", ["f9"]),
    ("step_6", ["ctrl+n"]),
    ("light_theme_step", ["f5", "ctrl+t"]),
)
"""The start screen with the traject and help over it, each step in turn, then the first again in the light
theme, with the keys that take them there."""


def test_each_step_of_one_opened_traject(snapshot: SnapshotAssertion, tmp_path: Path) -> None:
    """One run: the start screen with a traject and help (F1) over it (each was a test of its own), every
    step of the mini pack with answers (the first as opened, then F6-F9 and Ctrl+N to the roadmap step),
    and the first step again (F5) in the light theme (Ctrl+T). One snapshot each."""
    taken = take_screenshots(snapshot_app(ANSWERS), STEPS_IN_TURN, SIZE)
    assert_screenshots(snapshot, taken, tmp_path)


def test_too_small(snap_compare) -> None:
    assert snap_compare(snapshot_app(), terminal_size=(50, 15))
