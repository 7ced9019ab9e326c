"""The file's text kept between saves (domain/trajects/file_text.py) is byte for byte one tomli_w dump
of the whole document, whatever the traject holds and however it changed since the last save."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import tomli_w
from hypo import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_storage_props import answer_values, any_text, keys

from loopbaan_tui.domain.trajects import file_text
from loopbaan_tui.domain.trajects.checkins import CheckInInfo, start_checkin
from loopbaan_tui.domain.trajects.file_text import FileText
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.text import clean_text
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.domain.trajects.traject_file import Converter, document, dump, to_toml

START = datetime(2024, 9, 1, 9, 0, tzinfo=UTC)

short_text = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs")), max_size=6)
small_values = st.one_of(short_text, st.integers(0, 9), st.lists(short_text, max_size=2))
small_answers = st.dictionaries(st.sampled_from(["a", "b", "c d"]), small_values, max_size=2)
"""A check-in this small goes inline in the file (`checkin = [{ ... }]`) when all of them are."""
answers = st.one_of(small_answers, st.dictionaries(keys, answer_values(), max_size=6))
edit = st.one_of(
    st.tuples(st.just("answer"), keys, answer_values()),
    st.tuples(st.just("clear"), keys, st.none()),
    st.tuples(st.just("checkin"), st.lists(keys, max_size=2), st.none()),
    st.tuples(st.just("name"), any_text, st.none()),
)


def _traject(rounds: list[dict[str, Any]], pack: tuple[str, str]) -> Traject:
    """A traject whose check-ins hold `rounds` (each answered over the last), a quarter apart."""
    traject = Traject("prop-000000", "Proef", "student", "nl", created=START, updated=START)
    traject.current = CheckInInfo(START, *pack)
    for number, values in enumerate(rounds):
        if number:
            start_checkin(traject, START + number * timedelta(days=91))
        for key, value in values.items():
            traject.set_answer(clean_text(key), value)
    return traject


def _apply(traject: Traject, change: tuple[str, Any, Any]) -> None:
    what, first, second = change
    if what == "answer":
        traject.set_answer(clean_text(first), second)
    elif what == "clear":
        traject.set_answer(clean_text(first), None)
    elif what == "checkin":
        start_checkin(traject, traject.current.date + timedelta(days=30), cleared=frozenset(first[:1]))
        traject.current.revisit = tuple(clean_text(k) for k in first)
    else:
        traject.name = clean_text(first)


@settings(max_examples=examples(15, 30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(answers, min_size=1, max_size=4),
    st.sampled_from([("", ""), ("nl", "2026.1")]),
    st.lists(edit, max_size=5),
)
def test_the_kept_text_is_one_dump_of_the_whole_document(
    rounds: list[dict[str, Any]], pack: tuple[str, str], edits: list[tuple[str, Any, Any]]
) -> None:
    traject = _traject(rounds, pack)
    kept = FileText()
    assert kept.joined(traject, traject.answers, None) == to_toml(traject)  # joined: without the self-check
    for change in edits:  # each save after a change reuses what the last one made
        _apply(traject, change)
        assert kept.joined(traject, traject.answers, None) == to_toml(traject)


def test_the_shapes_tomli_w_writes_otherwise_are_joined_right() -> None:
    """Every check-in small: tomli_w writes them inline; one grows: all become [[checkin]] tables;
    rows short enough go inline inside a check-in; keys of a newer version are written back."""
    traject = _traject([{"a": "x"}, {"a": "y"}], ("nl", "1"))
    kept = FileText()
    inline = kept.text(traject, None)
    assert inline == to_toml(traject) and "checkin = [" in inline
    traject.set_answer("lang", "een\nlang antwoord")
    traject.set_answer("rijen", [{"wat": "kort"}])
    grown = kept.text(traject, None)
    assert grown == to_toml(traject) and grown.count("[[checkin]]") == 2 and "rijen = [" in grown
    traject.set_answer("rijen", [{"wat": "kort"}, {"wat": "twee\nregels"}])
    assert kept.text(traject, None) == to_toml(traject)
    extra = {"later": {"key": 1}, "traject": {"mood": "good"}}
    traject.current.extra = {"newer": True}
    assert kept.text(traject, extra) == dump(document(traject, extra, lenient=False))
    traject.current.extra = {}
    assert kept.text(traject, {"traject": {"mood": "good"}}) == to_toml(traject, extra={"traject": {"mood": "good"}})


def test_the_same_types_are_told_apart() -> None:
    """1 and True, 1 and 1.0 are equal in Python but not in the file: a kept piece is never reused for them."""
    traject = _traject([{"n": 1}], ("nl", "1"))
    traject.set_answer("lang", "een\nlang antwoord")
    kept = FileText()
    for value in (1, True, 1.0, [1], [True], {"a": 1}, {"a": True}):
        traject.answers["n"] = value
        assert kept.text(traject, None) == to_toml(traject)


def test_a_save_formats_only_what_changed(monkeypatch: Any) -> None:
    """After the first save, a one-answer edit formats that answer and the check-in's own keys, not
    the earlier check-ins nor the other answers: the cost does not grow with the check-ins."""
    calls: list[Any] = []
    real = file_text._dumps
    monkeypatch.setattr(file_text, "_dumps", lambda data: calls.append(data) or real(data))
    converted: list[Any] = []
    convert = Converter.answers
    monkeypatch.setattr(Converter, "answers", lambda self, answers: converted.extend(answers) or convert(self, answers))
    counts = []
    for checkins in (2, 20):
        rounds = [{f"vraag-{n}": f"antwoord {n}\nover twee regels" for n in range(30)}] * checkins
        traject = _traject(rounds, ("nl", "1"))
        kept = FileText()
        kept.text(traject, None)
        calls.clear()
        converted.clear()
        traject.set_answer("vraag-3", "een nieuw antwoord")
        text = kept.text(traject.snapshot(), None)  # a snapshot, as a save gets it
        assert converted == ["vraag-3"], "only the changed answer is converted and compared again"
        assert text == to_toml(traject)
        counts.append(len(calls))
    assert counts[0] == counts[1] <= 4  # the answer, the check-in's keys, the head


def test_the_store_writes_the_same_bytes_as_before(tmp_path: Any) -> None:
    traject = _traject([{"a": "een\ntwee"}, {"a": "drie\nvier", "b": [{"wat": "x\ny"}]}], ("nl", "1"))
    store = Store(tmp_path)
    for text in ("vijf", "zes\nzeven"):
        traject.set_answer("c", text)
        store.save(traject)
        assert store.path_of(traject.id).read_text("utf-8") == to_toml(traject)
        assert Store(tmp_path).load(traject.id) == traject


def test_the_self_check_passes_with_this_tomli_w() -> None:
    assert file_text.self_check()


_TRICKY = ["\r\n", "\n", "\r", "\t", '"', '"""', "\\", "\\u", "\x7f", "\x08", "\x0c", "\x00"]


@settings(max_examples=examples(40, 200), deadline=None)
@given(keys, st.lists(st.characters(codec="utf-8") | st.sampled_from(_TRICKY), max_size=40).map("".join))
def test_a_text_is_written_as_tomli_w_writes_it(key: str, text: str) -> None:
    """A text answer's line (file_text.toml_string, not tomli_w's loop over every character) is tomli_w's own."""
    assert file_text.piece(key, text).text == tomli_w.dumps({key: text}, multiline_strings=True)
