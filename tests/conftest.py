"""Shared fixtures: every test runs with its own data folder, never the developer's home.

Also what keeps the run cheap: bytecode is cached even where PYTHONDONTWRITEBYTECODE is set, the apps
share parsed CSS and Pilot waits a shorter idle window (textual_speed.py), the longest tests start
first (`start_rank`), and the garbage collector is tuned for a process that starts and ends hundreds of
apps (see `tidy_after_test`). Several snapshots are taken from one run of the app where a person reaches the
screens in turn (screenshots.py). The pty tests start the app as a fork of a server that has imported it
once (hostile/forkserver.py), started here once the tests are collected.
"""

from __future__ import annotations

import sys

# Each xdist worker imports the app, Textual's widgets and every test module. With
# PYTHONDONTWRITEBYTECODE=1 (set in some shells and containers) each of them compiled all of it
# again on every run (~5 CPU-s per worker). The tests write their bytecode cache whatever the shell
# says; __pycache__ is ignored by git. Set before the imports below so that they are cached too.
sys.dont_write_bytecode = False

import gc  # noqa: E402
import inspect  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hostile.slow import deselect_slow  # noqa: E402
from textual_speed import speed_up_textual  # noqa: E402

# Parsed CSS shared between the apps of a worker, and a shorter idle window for Pilot (textual_speed.py).
speed_up_textual()


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data folder and the platform's user folders at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("LOOPBAAN_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (
        ("XDG_DATA_HOME", "share"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("APPDATA", "appdata"),
        ("LOCALAPPDATA", "localappdata"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    return home


# --- the order the tests start in ---------------------------------------------------------------------
# xdist (--dist worksteal) gives each worker a contiguous part of the collected tests and lets a worker
# that has run out take the second half of another's remaining tests. In file order the longest tests
# (seconds each) came last in some workers' parts, and the run ended with one worker finishing one alone.
# So the longest start first, then the other tests that run an app, then the rest (milliseconds each):
# what is left at the end is short, whichever worker takes it.
LONGEST = (
    # from `pytest --durations=30`, longest first; a file name stands for each of its tests
    "tests/test_serve_browser.py::",
    "tests/test_app.py::test_whole_reflection_survives_quit_and_reopen",
    "tests/test_example_app.py::",
    "tests/test_hostile_kill.py::",
    "tests/test_fit_app.py::test_the_paths_follow_earlier_answers_and_keep_the_focus",
    "tests/test_fit_sort.py::test_the_user_sorts_lines_with_digits_and_new_lines_appear",
    "tests/test_lived_in.py::test_the_focused_field_stays_in_view_through_help_paging_and_every_step",
    "tests/test_hostile_text.py::test_hostile_",
    "tests/test_hostile_packs.py::",
    "tests/test_hostile_faults.py::test_answers_to_what_the_pack_no_longer_offers_survive_opening_and_editing",
    "tests/test_snapshots_lived.py::test_the_screens_of_one_opened_traject",
    "tests/test_hostile_typing.py::",
    "tests/test_hostile_quit.py::",
)


def start_rank(item: pytest.Item) -> tuple[int, int]:
    """(0, its place in LONGEST) for the longest tests; (1, 0) for a test that runs an app (a coroutine, or a
    snapshot, with snap_compare or syrupy's `snapshot` as screenshots.py uses it); (2, 0) for the rest."""
    for place, start in enumerate(LONGEST):
        if item.nodeid.startswith(start):
            return 0, place
    function = getattr(item, "function", None)
    fixtures = getattr(item, "fixturenames", ())
    runs_app = inspect.iscoroutinefunction(function) or "snap_compare" in fixtures or "snapshot" in fixtures
    return (1, 0) if runs_app else (2, 0)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests run only when asked for (`-m slow`, LOOPBAAN_SLOW=1): otherwise they are deselected. The
    rest start longest first (`start_rank`; the sort keeps the file order within a rank)."""
    deselect_slow(config, items)
    items.sort(key=start_rank)


# --- the garbage collector --------------------------------------------------------------------------
# An app run makes tens of thousands of objects in reference cycles (widgets and their parents). With
# the default thresholds the collector walked the whole heap (every module, class and cached Strip of
# every earlier app) about once per test: a quarter of the CPU time of an app test. So: what exists
# once the tests are collected (modules, classes, packs) is frozen (never walked again), young
# collections are rarer, and the old generation is collected between tests, every few tests, instead
# of in the middle of one.
GC_THRESHOLDS = (10_000, 20, 20)
FULL_COLLECT_EVERY = 10
"""App tests between two full collections (each one takes ~0.05-0.2 s with the heap of a test worker).
Only the tests that run an app (`start_rank` below 2) count: the cycles are theirs, and the ~900 tests
of the domain made a full collection every 10 tests that found little (~8 CPU-s a run)."""


def pytest_collection_finish(session: pytest.Session) -> None:
    if "hostile.ptyapp" in sys.modules and session.items:  # pty tests to run: their fork server imports meanwhile
        from hostile import forkserver

        forkserver.prestart()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _forget_textual_styles_caches() -> None:
    """Let go of the widgets' render caches that Textual keeps after their app has ended.

    Textual 8.2 caches `StylesCache.get_inner_outer` with `functools.lru_cache` on the method, so up
    to 1024 StylesCache objects (each with its rendered Strips) outlive their widgets
    (Textualize/textual#6665): most of a worker's heap after a few tests. Tests only: the app's own
    use is bounded by the cache size."""
    from textual._styles_cache import StylesCache

    cache_clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    if cache_clear is not None:
        cache_clear()


_tests_run = 0


@pytest.fixture(autouse=True)
def tidy_after_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """After every test: drop Textual's leftover render caches; every FULL_COLLECT_EVERY app tests, collect."""
    global _tests_run
    yield
    _forget_textual_styles_caches()
    if start_rank(request.node)[0] < 2:
        _tests_run += 1
        if _tests_run % FULL_COLLECT_EVERY == 0:
            gc.collect()


from loopbaan_tui.domain.trajects.storage import Store  # noqa: E402 - appended: fixtures are added at the end


@pytest.fixture
def data_store(private_folders: Path) -> Store:
    """The Store the app would use here ($LOOPBAAN_DATA_DIR), with recovery copies kept out of /tmp."""
    return Store(private_folders / "data", recovery_folders=[private_folders / "cache" / "loopbaan" / "recovery"])
