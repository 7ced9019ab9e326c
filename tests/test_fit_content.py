"""The career paths' signals in a pack: read into the model, and every reference checked with its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_loader import MINI_PACK, PackCopy

from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Signal


@pytest.fixture
def pack(tmp_path: Path) -> PackCopy:
    return PackCopy(tmp_path / "pack")


def test_signals_are_read_with_their_defaults() -> None:
    loaded = load_pack(MINI_PACK).pack
    assert loaded is not None
    path = loaded.path("leiderschap")
    assert path is not None
    assert path.signals == (
        Signal("kan-rol", option="organiseren", weight=2),
        Signal("wil-balans", scale="werkdruk", weight=1, direction="low"),
    )
    assert loaded.path("expert").signals == ()  # type: ignore[union-attr]


OLD = '{ prompt = "wil-balans", scale = "werkdruk", direction = "low" },'


@pytest.mark.parametrize(
    ("signal", "code", "words"),
    [
        ('{ prompt = "wil-motiven", option = "verkennen" }', "signal_prompt_unknown", "Did you mean 'wil-motieven'?"),
        ('{ prompt = "kan-sterk", option = "x" }', "signal_prompt_kind", "'long_text'"),
        ('{ prompt = "wil-motieven", option = "verkenen" }', "signal_ref_unknown", "Did you mean 'verkennen'?"),
        ('{ prompt = "wil-motieven", scale = "werkdruk" }', "signal_wants_option", "verkennen, afwisseling"),
        ('{ prompt = "wil-balans", option = "werkdruk" }', "signal_wants_scale", "werkplezier, werkdruk"),
        ('{ prompt = "wil-balans", scale = "plezier" }', "signal_ref_unknown", "werkplezier, werkdruk"),
        ('{ prompt = "wil-motieven", option = "verkennen", weight = 9 }', "signal_weight", "from 1"),
        ('{ prompt = "wil-balans", scale = "werkdruk", direction = "hoog" }', "signal_direction", "'low'"),
        ('{ prompt = "wil-balans", scale = "werkdruk", weight = "2" }', "wrong_type", "weight"),
        ('{ scale = "werkdruk" }', "key_missing", "prompt"),
    ],
)
def test_each_wrong_signal_is_reported_at_its_own_place(pack: PackCopy, signal: str, code: str, words: str) -> None:
    pack.replace("paths.toml", OLD, "\n" + signal + ",")
    problem = pack.only(code)
    lines = pack.path("paths.toml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text == signal + ",")
    assert (problem.file.endswith("paths.toml"), problem.line, problem.column) == (True, line, 1)
    assert words in problem.render("en")
    assert "signals no. 2" in problem.render("en") and "signals nr. 2" in problem.render("nl")


def test_signals_that_are_no_list_of_tables_say_what_they_should_be(pack: PackCopy) -> None:
    block = '[\n    { prompt = "kan-rol", option = "organiseren", weight = 2 },\n    ' + OLD + "\n]"
    pack.replace("paths.toml", block, '"kan-rol"')
    problem = pack.only("wrong_type")
    assert "a list like [{ prompt = ..." in problem.render("en")
