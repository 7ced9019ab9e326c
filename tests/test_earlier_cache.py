"""The closed check-ins kept beside the file (domain/trajects/earlier_cache.py): opening with it reads the
same traject as parsing the whole file; a cache that does not describe the file is not used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_file_text import _apply, _traject, answers, edit

from loopbaan_tui.domain.trajects import earlier_cache
from loopbaan_tui.domain.trajects.earlier_cache import cache_of
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.domain.trajects.traject_file import parse_versioned, to_toml


def whole(store: Store, traject_id: str) -> Traject:
    """The traject as parsing its whole file reads it."""
    traject, _, _ = parse_versioned(store.path_of(traject_id).read_bytes())
    traject.id = traject_id
    return traject


def cached(store: Store, traject_id: str) -> bool:
    """Whether the cache describes the file now (opening then parses only the rest)."""
    data = store.path_of(traject_id).read_bytes()
    return earlier_cache.parse(store.folder, traject_id, data)[3] is not None


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.lists(answers, min_size=2, max_size=4), st.lists(edit, max_size=4))
def test_opening_with_the_cache_reads_what_the_whole_file_says(
    tmp_path: Path, rounds: list[dict[str, Any]], edits: list[tuple[str, Any, Any]]
) -> None:
    traject = _traject(rounds, ("nl", "1"))
    traject.id = f"prop-{abs(hash((repr(rounds), repr(edits)))) % 10**6:06d}"
    store = Store(tmp_path)
    for change in [None, *edits]:  # saves with and without new check-ins in between
        if change is not None:
            _apply(traject, change)
        store.save(traject)
        reopened = Store(tmp_path)
        opened = reopened.load(traject.id)
        assert opened == whole(store, traject.id) == traject
        opened.set_answer("na-het-openen", "een\nwoord")  # saved by the store that opened it (its text seeded)
        reopened.save(opened)
        assert reopened.path_of(traject.id).read_text("utf-8") == to_toml(opened)
        assert Store(tmp_path).load(traject.id) == opened
        store, traject = reopened, opened  # the next edits go on from the opened one


def test_the_cache_is_used_only_where_it_describes_the_file(tmp_path: Path) -> None:
    traject = _traject([{"a": "een\ntwee"}, {"a": "drie\nvier"}, {"a": "vijf\nzes"}], ("nl", "1"))
    store = Store(tmp_path)
    store.save(traject)
    assert cached(store, traject.id) and Store(tmp_path).load(traject.id) == traject
    traject.set_answer("b", "zeven")  # the current check-in only: the cache still holds
    store.save(traject)
    assert cached(store, traject.id) and Store(tmp_path).load(traject.id) == traject

    path = store.path_of(traject.id)
    text = path.read_text("utf-8")
    path.write_text(text.replace('"""\neen', '"""\nEEN', 1), "utf-8")  # a closed check-in edited by hand
    assert not cached(store, traject.id)
    assert Store(tmp_path).load(traject.id).earlier[0].answers["a"] == "EEN\ntwee"
    cache_of(tmp_path, traject.id).write_text('{"schema": 2, "length": "x"}', "utf-8")  # broken: not used
    assert Store(tmp_path).load(traject.id).earlier[0].answers["a"] == "EEN\ntwee"

    fresh = Store(tmp_path)
    opened = fresh.load(traject.id)
    fresh.save(opened)  # a save after opening without the cache writes it again
    assert cached(fresh, traject.id) and Store(tmp_path).load(traject.id) == opened
    fresh.remove(traject.id)  # removed with the traject: no copy of its answers stays behind
    assert not cache_of(tmp_path, traject.id).exists()


def test_a_save_that_changes_no_closed_check_in_leaves_the_cache_alone(tmp_path: Path) -> None:
    traject = _traject([{"a": "een\ntwee"}, {"a": "drie\nvier"}], ("nl", "1"))
    store = Store(tmp_path)
    store.save(traject)
    written = cache_of(tmp_path, traject.id).stat().st_mtime_ns
    cache_of(tmp_path, traject.id).touch()  # so that a rewrite would show
    touched = cache_of(tmp_path, traject.id).stat().st_mtime_ns
    traject.set_answer("a", "anders")
    store.save(traject)
    assert cache_of(tmp_path, traject.id).stat().st_mtime_ns == touched >= written
