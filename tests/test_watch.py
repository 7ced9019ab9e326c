"""`loopbaan --content MAP --watch`: the pack reloaded on a change; with problems, the previous one stays."""

from __future__ import annotations

import shutil
from pathlib import Path

from apps import make_app
from hostile.pilot import wait_until
from textual.widgets import Static

from loopbaan_tui.cli import build_parser
from loopbaan_tui.domain.content.watch import PackWatcher, fingerprint
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.watch import PackWatch

MINI = Path(__file__).parent / "packs" / "mini"
LABEL = 'label = "Waar ben je goed in?"'


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "kan.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_watcher_loads_only_after_a_change(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(MINI, folder)
    watcher = PackWatcher(folder)
    assert watcher.poll() is None
    edit(folder, LABEL, 'label = "Waar ben je heel goed in?"')
    result = watcher.poll()
    assert result is not None and result.pack is not None
    assert result.pack.prompt("kan-sterk").label == "Waar ben je heel goed in?"  # type: ignore[union-attr]
    assert watcher.poll() is None
    edit(folder, 'kind = "long_text"', 'kind = "longtext"')
    broken = watcher.poll()
    assert broken is not None and broken.pack is None and "kan.toml" in broken.problems[0].file
    (folder / ".kan.toml.swp").write_text("x", encoding="utf-8")  # an editor's own files do not count
    assert watcher.poll() is None
    assert fingerprint(tmp_path / "gone") == ()


def test_the_option() -> None:
    assert build_parser().parse_args(["--content", "x", "--watch"]).watch is True
    assert build_parser().parse_args([]).watch is False


async def test_reloaded_in_the_open_reflection_and_problems_shown(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(MINI, folder)
    Store(tmp_path / "data").create("Kijken", "student", str(folder.resolve()))
    app = make_app(tmp_path / "data", folder)
    app.watch_folder = folder
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await pilot.press(*"mijn tekst")
        watch: PackWatch = app.pack_watch  # type: ignore[attr-defined]
        first = app.screen
        edit(folder, LABEL, 'label = "Waar ben je heel goed in?"')
        await watch.check_now()
        await wait_until(pilot, lambda: app.screen is not first and isinstance(app.screen, ReflectionScreen))
        assert app.session is not None and app.session.traject.answer("kan-sterk") == "mijn tekst"
        label = app.screen.query_one("#prompt-kan-sterk .prompt-label", Static)
        await wait_until(pilot, lambda: "heel goed" in str(label.render()))
        good = app.pack
        edit(folder, 'kind = "long_text"', 'kind = "longtext"')
        await watch.check_now()
        await wait_until(pilot, lambda: watch.problems)
        assert "kan.toml" in watch.problems[0] and "longtext" in watch.problems[0]
        assert app.pack is good and app.session.pack is good
