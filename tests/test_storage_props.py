"""Property tests: any text a person can type or paste survives saving and loading exactly."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypo import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loopbaan_tui.domain.trajects.storage import Store, from_toml, to_toml
from loopbaan_tui.domain.trajects.text import clean_text
from loopbaan_tui.domain.trajects.traject import Traject

TRICKY = [
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\\",
    '"',
    "'",
    '"""',
    "'''",
    "[",
    "]",
    "[bold]",
    "#",
    "=",
    "\x00",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u2028",
    "\ufeff",
    "\u202e",
    "\ud800",
    "\udfff",
    "🙂",
    "👩🏽‍🏫",
    "ĳ",
    "é",
    "e\u0301",
    " ",
]

# every code point, lone surrogates and control characters included, with the troublemakers often
any_text = st.lists(
    st.one_of(st.text(st.characters(codec=None, categories=None)), st.sampled_from(TRICKY)), max_size=12
).map("".join)
keys = any_text.filter(lambda k: clean_text(k).strip() != "")


def answer_values() -> st.SearchStrategy[Any]:
    """Values in the shapes of traject.py, and deeper odd mixes of them."""
    row = st.dictionaries(
        st.sampled_from(["what", "when", "first_step", "who", "help", "reach", "path", "reason"]), any_text, max_size=4
    )
    scale = st.dictionaries(
        keys, st.fixed_dictionaries({"now": st.integers(1, 5)}, optional={"then": st.integers(1, 5)}), max_size=3
    )
    choice = st.fixed_dictionaries(
        {}, optional={"choice": any_text, "other": any_text, "choices": st.lists(any_text, max_size=3)}
    )
    plain = st.one_of(any_text, st.lists(any_text, max_size=4), st.lists(row, max_size=3), scale, choice)
    odd = st.recursive(
        any_text, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3), max_leaves=8
    )
    return st.one_of(plain, odd)


def _traject(name: str, answers: dict[str, Any], private: list[str]) -> Traject:
    """A traject as the app holds it: every answer through set_answer's clean-up."""
    traject = Traject(id="prop-000000", name=clean_text(name), profile="student", pack="nl")
    for prompt_id, value in answers.items():
        traject.set_answer(clean_text(prompt_id), value)
    traject.private = {clean_text(p) for p in private}
    return traject


trajecten = st.builds(
    _traject, any_text, st.dictionaries(keys, answer_values(), max_size=6), st.lists(keys, max_size=3)
)


@settings(max_examples=examples(40, 100))
@given(any_text)
def test_clean_text_can_always_be_written_as_utf8(text: str) -> None:
    clean_text(text).encode("utf-8")


@settings(max_examples=examples(15, 40), deadline=None)
@given(trajecten)
def test_any_traject_survives_to_toml_and_back(traject: Traject) -> None:
    assert from_toml(to_toml(traject)) == traject


@settings(max_examples=examples(40, 100), deadline=None)
@given(any_text)
def test_any_text_survives_exactly_with_only_documented_clean_up(text: str) -> None:
    traject = Traject("prop-000000", "n", "p", "nl")
    traject.set_answer("a", text)
    traject.set_answer("b", [text, "x"])
    loaded = from_toml(to_toml(traject)).answers
    if clean_text(text).strip():
        assert loaded["a"] == clean_text(text)  # the only change: line ends, controls, lone surrogates
        assert loaded["b"] == [clean_text(text), "x"]
    else:
        assert "a" not in loaded  # blank text is no answer


_folder = Path(tempfile.mkdtemp(prefix="loopbaan-props-"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trajecten)
def test_any_traject_survives_save_and_load(traject: Traject) -> None:
    store = Store(_folder / "data", recovery_folders=[_folder / "recovery"])
    store.save(traject)
    assert store.load(traject.id) == traject
