"""The parsed style rules kept between runs (ui/css_cache.py): used while the CSS text and the theme's
variables are the same, parsed anew when not; a broken or foreign cache is ignored; never a traceback."""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path

import pytest
from textual.app import App
from textual.css import stylesheet as stylesheet_module
from textual_speed import parse_uncached

from loopbaan_tui.domain.content import pack_cache
from loopbaan_tui.ui import css_cache
from loopbaan_tui.ui.textual_private import parse_cache

CSS = "Screen { background: $background; } #start-title { color: $accent; text-style: bold; }"


def _started(css: str = CSS, theme: str = "textual-dark") -> App[None]:
    """An app as launch.py makes it (primed), whose style sheet then parses `css`."""
    app: App[None] = App()
    app.theme = theme
    app.stylesheet.set_variables(app.get_css_variables())  # as the running app does for its theme
    css_cache.prime(app)
    app.stylesheet.add_source(css, read_from=("sheet.tcss", ""))
    parse_uncached(app.stylesheet)  # Textual's own parsing and cache, not the tests' shared one
    return app


def _kept(app: App[None]) -> None:
    thread = css_cache.keep(app)
    assert thread is not None
    thread.join()


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed, not taken from the cache")

    monkeypatch.setattr(stylesheet_module, "parse", refused)


def test_rules_kept_are_used_the_next_time_and_an_edited_sheet_is_parsed_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(tmp_path))
    first = _started()
    _kept(first)
    [cache] = tmp_path.glob("css-*.pickle")
    if hasattr(os, "getuid"):
        assert cache.stat().st_mode & 0o777 == 0o600
    with monkeypatch.context() as patch:
        _no_parsing(patch)
        again = _started()
        assert [str(rule.selector_set) for rule in again.stylesheet.rules] == [
            str(rule.selector_set) for rule in first.stylesheet.rules
        ]
        assert [rule.styles.css_lines for rule in again.stylesheet.rules] == [
            rule.styles.css_lines for rule in first.stylesheet.rules
        ]
        assert css_cache.keep(again) is None  # nothing new: the file stays as it is
    edited = _started(CSS.replace("bold", "italic"))  # another text: parsed, never the old rules
    assert any("italic" in line for rule in edited.stylesheet.rules for line in rule.styles.css_lines)
    light = _started(theme="textual-light")  # other variables: the dark theme's rules do not hold
    assert light.stylesheet.rules[0].styles.background != first.stylesheet.rules[0].styles.background


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage",
        pickle.dumps(("stamp", {})),
        pickle.dumps(os.system),  # naming anything is refused: the file holds plain values
    ],
    ids=["empty", "garbage", "other stamp", "foreign"],
)
def test_a_broken_or_foreign_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(tmp_path))
    css_cache._path().write_bytes(content)
    css_cache._path().chmod(0o600)
    app = _started()
    assert app.stylesheet.rules and parse_cache(app).fresh  # parsed as without a cache


def test_a_kept_source_that_names_anything_else_is_parsed_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(tmp_path))
    _kept(_started())
    stamp, kept = pickle.loads(css_cache._path().read_bytes())
    kept = {key: pickle.dumps(os.system) for key in kept}  # each source's rules replaced by a foreign name
    css_cache._path().write_bytes(pickle.dumps((stamp, kept)))
    with pytest.raises(pickle.UnpicklingError):
        css_cache._Rules(io.BytesIO(next(iter(kept.values())))).load()
    app = _started()
    assert app.stylesheet.rules and parse_cache(app).fresh


def test_an_unwritable_cache_folder_never_stops_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(blocked / "cache"))  # its folder is a file
    app = _started()
    _kept(app)
    assert app.stylesheet.rules
