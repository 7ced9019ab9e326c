"""The fast TOML writer writes exactly what tomli_w writes, and its checks catch a wrong text."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from loopbaan_tui.domain import storage, tomlwrite
from loopbaan_tui.domain.traject import Traject

TRICKY = ["\n", "\r\n", "\r", "\t", "\\", '"', '"""', "'", "\x00", "\x1b", "\x7f", "\x85", "\u2028", "é", "🙂", " ",
          "a" * 90, "[x]", "#", "="]
texts = st.lists(st.one_of(st.text(st.characters(codec="utf-8")), st.sampled_from(TRICKY)), max_size=6).map("".join)
scalars = st.one_of(texts, st.integers(-(2**63), 2**63 - 1), st.booleans(), st.floats(allow_nan=False,
                    allow_infinity=False), st.datetimes(timezones=st.just(UTC)), st.dates())
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
                      max_leaves=12)
documents = st.dictionaries(texts, values, max_size=6)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_writes_what_tomli_w_writes_and_reads_back(document: dict[str, Any]) -> None:
    writer = tomlwrite.Writer()
    try:
        text = writer.dumps(document)
    except tomlwrite.Unsupported:
        # only where tomli_w's own text would not read back either
        with pytest.raises((tomllib.TOMLDecodeError, AssertionError)):
            assert tomllib.loads(tomli_w.dumps(document, multiline_strings=True)) == document
        return
    assert text == tomli_w.dumps(document, multiline_strings=True)
    assert tomllib.loads(text) == document
    assert writer.dumps(document) == text  # again, from what it remembers


def test_a_changed_answer_is_checked_again_and_the_rest_is_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    writer = tomlwrite.Writer()
    document = {"answers": {"a": "één\ntwee", "b": ["x", "y"], "c": [{"who": "Sanne", "help": "veel"}]}}
    writer.dumps(document)
    parsed: list[str] = []
    real_loads = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or real_loads(text))
    writer.dumps(document)
    assert parsed == []  # nothing new: nothing parsed
    document["answers"]["a"] = "één\ntwee\ndrie"
    text = writer.dumps(document)
    assert parsed == ['x = """\néén\ntwee\ndrie"""\ny = 1']  # only the changed answer
    assert real_loads(text) == document


def test_a_wrong_literal_is_caught_and_the_save_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tomlwrite, "literal", lambda text, multiline: '"kapot"')
    with pytest.raises(tomlwrite.Unsupported):
        tomlwrite.Writer().dumps({"a": "heel"})
    traject = Traject(id="t-000000", name="Naam", profile="student", pack="nl",
                      created=datetime(2025, 1, 2, tzinfo=UTC), updated=datetime(2025, 1, 2, tzinfo=UTC),
                      answers={"a": "heel"})
    text = storage.to_toml(traject)
    assert storage.from_toml(text) == traject  # tomli_w wrote it, and the whole text was checked


def test_a_wrong_skeleton_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tomlwrite, "key", lambda part: "kapot")
    with pytest.raises(tomlwrite.Unsupported):
        tomlwrite.Writer().dumps({"a": 1, "b": 2})


def test_values_it_does_not_know_are_left_to_tomli_w() -> None:
    with pytest.raises(tomlwrite.Unsupported):
        tomlwrite.Writer().dumps({"a": {1, 2}})
    assert tomlwrite.Writer().dumps({"d": date(2025, 1, 2)}) == "d = 2025-01-02\n"
