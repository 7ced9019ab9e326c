"""Text cleaned where it enters the app (domain/trajects/text.py): what it changes, and that it is linear."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
import tomli_w
from hypo import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from test_storage_props import TRICKY

from loopbaan_tui.domain.trajects import text
from loopbaan_tui.domain.trajects.text import clean_text, clean_value
from loopbaan_tui.domain.trajects.traject_file import MAX_DEPTH


class CountedDict(dict[str, Any]):
    """A table that counts how often it is read."""

    reads = 0

    def items(self) -> Any:
        type(self).reads += 1
        return super().items()


def chain(depth: int, width: int = 3) -> Any:
    """Tables `depth` deep, each holding `width` texts (one dirty) and the next table."""
    inner: Any = "laatste\r\nregel"
    for level in range(depth):
        table = CountedDict({f"t{i}": f"tekst {level}.{i}\x1b" for i in range(width)})
        table["next"] = inner
        inner = table
    return inner


def test_cleaning_the_deepest_answer_reads_each_table_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: clean_value cleaned every table's values twice, so the work doubled with each level."""
    CountedDict.reads = 0
    calls = 0
    real = text.clean_text

    def counted(value: str) -> str:
        nonlocal calls
        calls += 1
        return real(value)

    monkeypatch.setattr(text, "clean_text", counted)
    depth, width = MAX_DEPTH + 12, 3  # past the file limit too: editors never make more than 2
    value = clean_value(chain(depth, width))
    assert CountedDict.reads == depth, "each table is read once"
    assert calls == depth * (2 * width + 1) + 1, "each text and each key is cleaned once"
    for level in reversed(range(depth)):
        assert value["t0"] == f"tekst {level}.0"
        value = value["next"]
    assert value == "laatste\nregel"


def test_clean_value_drops_what_holds_nothing_at_every_level() -> None:
    dirty = {"a": [" ", None, {"x": ["", {"y": None}]}], "b": {"c": "\x00"}, "d": [{"e": "woord\x07"}], "n": 0}
    assert clean_value(dirty) == {"d": [{"e": "woord"}], "n": 0}
    assert clean_value([[[]], [" "], "ja"]) == ["ja"]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("a\r\nb\rc\u2028d\u2029e", "a\nb\nc\nd\ne"),
        ("\x1b]52;c;aGk=\x07 tab\tstays", "]52;c;aGk= tab\tstays"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("Één café 🙂 [bold] # \u00a0", "Één café 🙂 [bold] # \u00a0"),
    ],
)
def test_clean_text(typed: str, kept: str) -> None:
    assert clean_text(typed) == kept
    assert clean_text(kept) is kept, "clean text is returned as it is"


@settings(max_examples=examples(100, 300), deadline=None)
@given(st.lists(st.one_of(st.text(st.characters(codec=None, categories=None)), st.sampled_from(TRICKY)), max_size=8))
def test_the_quick_check_says_what_the_search_says(parts: list[str]) -> None:
    """is_clean (C-speed paths for every key typed) agrees with the one regex search over any text."""
    value = "".join(parts)
    assert text.is_clean(value) == (not text._TO_CLEAN.search(value))
    assert text.is_clean(value.encode("ascii", "ignore").decode()) == (
        not text._TO_CLEAN.search(value.encode("ascii", "ignore").decode())
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


_tables = st.recursive(
    st.one_of(st.lists(st.one_of(st.text(), st.sampled_from(TRICKY)), max_size=4).map("".join), st.integers()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=examples(60, 200), deadline=None)
@given(st.dictionaries(st.text(max_size=4), _tables, max_size=4), st.booleans())
def test_a_file_said_clean_holds_no_string_to_clean(document: dict[str, Any], multiline: bool) -> None:
    """Loading skips cleaning each string when file_is_clean says so: then none needs it."""
    try:
        data = tomli_w.dumps(document, multiline_strings=multiline).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: never in a file (and file_is_clean is not asked)
        return
    if text.file_is_clean(data):
        assert all(text.is_clean(s) for s in _strings(tomllib.loads(data.decode("utf-8"))))


@pytest.mark.parametrize(
    "toml",
    ["a = 'x\x85y'", 'a = "x\u2028"', 'a = """x\r\ny"""', 'a = "\\u001b"', 'a = "\\b"', "'\x85' = 1", "a = '\x7f'"],
)
def test_a_file_with_a_character_to_clean_is_not_clean(toml: str) -> None:
    assert not text.file_is_clean(toml.encode("utf-8"))
    assert text.file_is_clean('a = "plain \\"quoted\\" \\\\ text\\n"\nb = \'\xa0\u2019\''.encode())
