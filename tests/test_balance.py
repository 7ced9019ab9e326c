"""The balance knows better from worse: a scale's `better` decides, in the roadmap and in the app's recall."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from loopbaan_tui.domain.content.builtin import LANGUAGES, pack_folder
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack, Scale
from loopbaan_tui.domain.roadmap.balance import Change, change, describe_change
from loopbaan_tui.domain.roadmap.summary import summarize

BALANCE = (
    "werkplezier",
    "ertoe-doen",
    "werkdruk",
    "zelfvertrouwen",
    "autonomie",
    "waardering",
    "ontwikkelmogelijkheden",
    "blijven",
)
HIGH = Scale("plezier", "Plezier", "weinig", "veel", better="high")
LOW = Scale("druk", "Druk", "laag", "hoog", better="low")
NEUTRAL = Scale("blijven", "Blijven", "nee", "ja")


@pytest.mark.parametrize(
    ("scale", "then", "now", "expected"),
    [
        (HIGH, 2, 4, Change(2, "better")),
        (HIGH, 4, 2, Change(-2, "worse")),
        (LOW, 2, 3, Change(1, "worse")),
        (LOW, 3, 1, Change(-2, "better")),
        (NEUTRAL, 1, 5, Change(4, "unknown")),
        (HIGH, 3, 3, Change(0, "same")),
        (LOW, 3, 3, Change(0, "same")),
        (NEUTRAL, 3, 3, Change(0, "same")),
    ],
)
def test_change_knows_better_from_worse(scale: Scale, then: int, now: int, expected: Change) -> None:
    assert change(scale, then, now) == expected


@pytest.mark.parametrize(("then", "now"), [(None, 3), (3, None), (None, None)])
def test_no_change_without_both_scores(then: int | None, now: int | None) -> None:
    assert change(HIGH, then, now) is None


def test_describe_change() -> None:
    words = {"balance_better": "beter", "balance_worse": "slechter"}.__getitem__
    assert describe_change(Change(1, "worse"), words) == "↑ +1 · slechter"
    assert describe_change(Change(-2, "better"), words) == "↓ −2 · beter"
    assert describe_change(Change(3, "unknown"), words) == "↑ +3"
    assert describe_change(Change(0, "same"), words) == "= 0"


@pytest.fixture(scope="module", params=LANGUAGES)
def builtin_pack(request: pytest.FixtureRequest) -> Pack:
    result = load_pack(pack_folder(request.param))
    assert result.pack is not None
    return result.pack


def test_every_builtin_balance_scale_has_its_direction(builtin_pack: Pack) -> None:
    balance = next(p for s in builtin_pack.sections for p in s.prompts if p.then_now)
    assert balance.scales == BALANCE
    better = {scale_id: builtin_pack.scale(scale_id).better for scale_id in balance.scales}
    assert better == {**dict.fromkeys(BALANCE, "high"), "werkdruk": "low", "blijven": None}
    text = (Path(builtin_pack.folder) / "scales.toml").read_text(encoding="utf-8")
    assert text.count("\nbetter = ") == len(BALANCE), "each balance scale says it, 'neither' included"


def test_the_recall_says_better_or_worse(builtin_pack: Pack) -> None:
    balance = next(p for s in builtin_pack.sections for p in s.prompts if p.then_now)
    value = {
        "werkplezier": {"then": 2, "now": 4},
        "werkdruk": {"then": 2, "now": 4},
        "blijven": {"then": 2, "now": 4},
        "autonomie": {"then": 3, "now": 3},
        "waardering": {"now": 4},
    }
    lines = summarize(builtin_pack, balance, value, builtin_pack.text)
    worse, better = builtin_pack.text("balance_worse"), builtin_pack.text("balance_better")
    labels = [builtin_pack.scale(k).label for k in value]
    assert lines == [
        f"• {labels[0]}: 2 → 4 · {better}",
        f"• {labels[1]}: 2 → 4 · {worse}",
        f"• {labels[2]}: 2 → 4",
        f"• {labels[3]}: 3 → 3",
        f"• {labels[4]}: 4",
    ]


def test_the_recall_of_odd_scores_keeps_them(builtin_pack: Pack) -> None:
    balance = next(p for s in builtin_pack.sections for p in s.prompts if p.then_now)
    lines = summarize(
        builtin_pack, balance, {"werkdruk": {"then": "veel", "now": 4}, "weg": {"then": 1, "now": 2}}, builtin_pack.text
    )
    assert lines == [f"• {builtin_pack.scale('werkdruk').label}: veel → 4", "• weg: 1 → 2"]


def test_the_recall_writes_dates_in_words(builtin_pack: Pack) -> None:
    date_prompt = next(p for s in builtin_pack.sections for p in s.prompts if p.kind.value == "date")
    actions = next(p for s in builtin_pack.sections for p in s.prompts if p.kind.value == "actions")
    day = "vrijdag 6 maart 2026" if builtin_pack.info.language == "nl" else "Friday 6 March 2026"
    assert summarize(builtin_pack, date_prompt, "2026-03-06", builtin_pack.text) == [day]
    assert summarize(builtin_pack, date_prompt, "na de zomer", builtin_pack.text) == ["na de zomer"]
    assert summarize(builtin_pack, date_prompt, "2026-02-30", builtin_pack.text) == ["2026-02-30"]
    rows = [{"what": "Bellen", "when": "6-3-2026"}, {"what": "Mailen", "when": "eind maart"}]
    when = builtin_pack.text("actions_when")
    assert summarize(builtin_pack, actions, rows, builtin_pack.text) == [
        f"• Bellen · {when} {day}",
        f"• Mailen · {when} eind maart",
    ]


def test_a_pack_without_better_shows_only_numbers(builtin_pack: Pack) -> None:
    neutral = dataclasses.replace(
        builtin_pack, scales=tuple(dataclasses.replace(s, better=None) for s in builtin_pack.scales)
    )
    balance = next(p for s in neutral.sections for p in s.prompts if p.then_now)
    assert summarize(neutral, balance, {"werkdruk": {"then": 2, "now": 4}}, neutral.text) == [
        f"• {neutral.scale('werkdruk').label}: 2 → 4"
    ]
