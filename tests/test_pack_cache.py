"""The built-in pack kept checked in the cache folder: used while fresh, rebuilt when anything it was made
from changes, ignored (and rebuilt) when broken or foreign, never a traceback (pack_cache.py)."""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
from pathlib import Path

import pytest

from loopbaan_tui.domain.content import loader, pack_cache
from loopbaan_tui.domain.content.builtin import pack_folder
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.starting_pack import starting_pack

MINI = Path(__file__).parent / "packs" / "mini"


def _no_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(folder: object) -> object:
        raise AssertionError("the pack was read from its folder, not from the cache")

    monkeypatch.setattr(loader, "load_pack", refused)


def test_a_fresh_cache_gives_the_same_pack_without_reading_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(tmp_path / "cache"))
    first = pack_cache.builtin_pack("nl")
    assert isinstance(first, Pack)
    [cache] = (tmp_path / "cache").glob("pack-nl-*.pickle")
    if hasattr(os, "getuid"):
        assert cache.stat().st_mode & 0o777 == 0o600
    _no_loader(monkeypatch)
    again = pack_cache.builtin_pack("nl")
    assert isinstance(again, Pack) and again == first
    prompt = again.sections[0].prompts[0]
    assert again.prompt(prompt.id) is prompt  # the index points into the same objects
    with pytest.raises(dataclasses.FrozenInstanceError):  # built from its fields, still frozen
        again.info.name = "Anders"  # type: ignore[misc]
    assert again.text("app_title") == first.text("app_title")
    folder, pack, said = starting_pack(None, "nl")  # the app's start takes it from the cache too
    assert (folder, pack, said) == (pack_folder("nl"), first, [])


def test_a_change_to_the_pack_is_seen_and_a_broken_pack_is_not_cached(tmp_path: Path) -> None:
    folder, cache = tmp_path / "pack", tmp_path / "cache" / "pack.pickle"
    shutil.copytree(MINI, folder)
    first = pack_cache.cached_pack(folder, cache)
    assert isinstance(first, Pack)
    pack_toml = folder / "pack.toml"
    text = pack_toml.read_text(encoding="utf-8")
    pack_toml.write_text(text.replace(f'name = "{first.info.name}"', 'name = "Anders"', 1), encoding="utf-8")
    changed = pack_cache.cached_pack(folder, cache)
    assert isinstance(changed, Pack) and changed.info.name == "Anders"
    pack_toml.write_text("[pack\n", encoding="utf-8")
    problems = pack_cache.cached_pack(folder, cache)
    assert isinstance(problems, tuple) and problems
    assert pickle.loads(cache.read_bytes())[1].info.name == "Anders"  # the last good one, not replaced


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps(("stamp", "pack"))[:-3],
        pickle.dumps((1, 2)),
        pickle.dumps(os.system),  # a cache naming anything but a pack's classes is never loaded
    ],
    ids=["empty", "garbage", "truncated", "other data", "foreign"],
)
def test_a_broken_or_foreign_cache_is_ignored_and_rebuilt(tmp_path: Path, content: bytes) -> None:
    cache = tmp_path / "pack.pickle"
    cache.write_bytes(content)
    cache.chmod(0o600)
    pack = pack_cache.cached_pack(MINI, cache)
    assert isinstance(pack, Pack)
    assert pickle.loads(cache.read_bytes())[1] == pack


def test_a_cache_that_cannot_be_written_or_is_writable_by_others_is_not_used(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    assert isinstance(pack_cache.cached_pack(MINI, blocked / "pack.pickle"), Pack)  # its folder is a file
    cache = tmp_path / "pack.pickle"
    pack = pack_cache.cached_pack(MINI, cache)
    assert isinstance(pack, Pack)
    if hasattr(os, "getuid"):
        cache.chmod(0o666)
        assert pack_cache._read(cache, pack_cache._stamp(MINI) or ()) is None
