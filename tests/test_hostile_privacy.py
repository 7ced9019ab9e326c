"""Privacy: every file and folder we write is the owner's only; the app never touches the network;
answer text never ends up in a log, a crash report or the terminal after a crash.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apps import MINI, make_app
from hostile.network import no_network_fixture  # noqa: F401 - a fixture, used by pytest
from hostile.pilot import SIZE, paste, wait_until
from hostile.ptyapp import ROOT, PtyApp, start_args

from loopbaan_tui import cli
from loopbaan_tui.domain.roadmap.export import write_new_file
from loopbaan_tui.domain.trajects import atomic
from loopbaan_tui.domain.trajects.settings import save_settings
from loopbaan_tui.domain.trajects.storage import DamagedTraject, StorageError, Store, to_toml
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.roadmap import RoadmapScreen
from loopbaan_tui.ui.widgets.text_fields import LineField

POSIX = os.name == "posix"
CRASHING_APP = ROOT / "tests" / "hostile" / "crashing_app.py"


# --- owner-only files -----------------------------------------------------------------------------


@pytest.fixture
def careless_umask() -> Iterator[None]:
    """A umask that would give every new file to everyone: our modes must not depend on the umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def modes(*folders: Path) -> dict[str, str]:
    """Every file and folder below the folders (themselves included) that others could read."""
    loose = {}
    for top in folders:
        for path in [top, *top.rglob("*")]:
            mode = stat.S_IMODE(path.lstat().st_mode)
            wanted = 0o700 if path.is_dir() else 0o600
            if mode != wanted:
                loose[str(path.relative_to(top.parent))] = oct(mode)
    return loose


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_every_file_and_folder_we_write_is_the_owners_only(
    tmp_path: Path, careless_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "REPLACE_RETRY_DELAYS", (0.0,))
    data, cache, out = tmp_path / "home" / "data", tmp_path / "cache" / "recovery", tmp_path / "out"
    store = Store(data, recovery_folders=[cache])
    traject = store.create("Privé", "student", str(MINI))  # the folder (and its parents) come first
    traject.set_answer("kan-sterk", "een")
    store.save(traject)
    traject.set_answer("kan-sterk", "twee")
    store.save(traject)  # a backup
    lock = store.lock(traject.id)  # a lock file (removed with the traject, below)
    assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600
    # a traject file put there by hand, readable by all: its backup and kept copies are private
    by_hand = Traject(id="met-de-hand", name="Met de hand", profile="student", pack=str(MINI))
    (data / "met-de-hand.toml").write_text(to_toml(by_hand), encoding="utf-8")
    os.chmod(data / "met-de-hand.toml", 0o644)
    loaded = store.load("met-de-hand")
    (data / "met-de-hand.toml").write_text(to_toml(by_hand).replace("Met de hand", "Door een ander"))
    loaded.set_answer("kan-sterk", "mijn tekst")
    store.save(loaded)  # a conflict copy (a link to their file) and a backup
    # a damaged file: kept aside when read
    (data / "kapot.toml").write_bytes(b"\x00\x00 kapot")
    os.chmod(data / "kapot.toml", 0o600)
    with pytest.raises(DamagedTraject):
        store.load("kapot")
    # recovery copies: in the data folder (only the rename failed), then elsewhere (the folder refuses)
    real_replace = os.replace

    def refuse_onto_file(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if Path(dst) == store.path_of(traject.id):
            raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", refuse_onto_file)
    traject.set_answer("kan-sterk", "drie")
    with pytest.raises(StorageError):
        store.save(traject)
    assert store.save_recovery(traject).parent == data  # type: ignore[union-attr]
    monkeypatch.setattr(os, "replace", real_replace)
    other = Store(data, recovery_folders=[cache])
    monkeypatch.setattr(atomic.tempfile, "mkstemp", _refusing_in(data, atomic.tempfile.mkstemp))
    assert other.save_recovery(traject).parent == cache  # type: ignore[union-attr]
    monkeypatch.undo()
    lock.release()
    # the trash, the settings, a crash log, exported roadmaps
    store.remove(traject.id)
    save_settings(data, {"theme": "textual-light"})
    make_app(store)._write_crash_log(RuntimeError("x"))
    out.mkdir(mode=0o700)
    write_new_file(out / "roadmap.md", "# Roadmap\n")
    os.chdir(out)
    try:
        assert cli.main(["export", "met-de-hand", "--data-dir", str(data), "--format", "html"]) == 0
    finally:
        os.chdir(tmp_path)
    names = {p.name for p in data.rglob("*")}
    assert {"prullenbak", "crash.log", ".settings.toml"} <= names
    assert any(".conflict-" in n for n in names) and any(".damaged-" in n for n in names)
    assert any(".recovery-" in n for n in names) and any(n.endswith(".toml.bak") for n in names)
    assert len(list(out.iterdir())) == 2
    assert modes(data, cache, out) == {}, "the file put there by hand too: we wrote it since"


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_the_parents_we_create_are_the_owners_only_too(
    tmp_path: Path, careless_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh account: ~/.local/share and ~/.cache do not exist yet. What loopbaan creates on the
    way to its folders is private; a folder that was already there is left as it was."""
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    os.chmod(home, 0o755)
    data, cache = home / ".local" / "share" / "loopbaan", home / ".cache" / "loopbaan" / "recovery"
    store = Store(data, recovery_folders=[cache])
    traject = store.create("Privé", "student", str(MINI))
    monkeypatch.setattr(atomic.tempfile, "mkstemp", _refusing_in(data, atomic.tempfile.mkstemp))
    assert store.save_recovery(traject).parent == cache  # type: ignore[union-attr]
    monkeypatch.undo()
    made = [home / ".local", home / ".local" / "share", data, home / ".cache", home / ".cache" / "loopbaan", cache]
    assert {str(p.relative_to(home)): oct(stat.S_IMODE(p.stat().st_mode)) for p in made} == {
        str(p.relative_to(home)): "0o700" for p in made
    }
    assert stat.S_IMODE(home.stat().st_mode) == 0o755, "a folder that was there is not ours to change"


def _refusing_in(folder: Path, real: Any) -> Any:
    def mkstemp(*args: Any, dir: Any = None, **kwargs: Any) -> Any:
        if dir is not None and Path(dir).resolve() == folder.resolve():
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(*args, dir=dir, **kwargs)

    return mkstemp


# --- no network -----------------------------------------------------------------------------------


@pytest.mark.slow
async def test_a_whole_session_uses_no_network(tmp_path: Path, no_network: list[str]) -> None:
    store = Store(tmp_path / "data")
    app = make_app(store)
    out = tmp_path / "out"
    out.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "f1")  # a theme (saved as a setting), the help
        await pilot.pause()
        await pilot.press("escape", "n")
        await wait_until(pilot, lambda: app.screen.query("#name"))
        await paste(pilot, "Zonder netwerk")
        await pilot.press("enter")
        await pilot.pause()
        if not isinstance(app.screen, ReflectionScreen):
            app.screen.query("#profile RadioButton").first().value = True
            app.screen.query_one("#begin").focus()  # Enter on the profiles chooses one; Begin starts
            await pilot.pause()
            await pilot.press("enter")  # start
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await paste(pilot, "Mijn antwoord, met een https://example.org/link erin")
        for key in ("f6", "f7", "f8", "f9", "ctrl+n"):
            await pilot.press(key)
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen))
        app.screen.query_one("#roadmap-path", LineField).text = str(out / "roadmap.md")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: (out / "roadmap.md").exists())
        await pilot.press("escape", "escape")
        await pilot.press("ctrl+q")
    assert not app.crash_report
    assert no_network == []


def test_check_list_and_export_use_no_network(tmp_path: Path, no_network: list[str]) -> None:
    """(The app's own screens run under the same guard in test_hostile_text.py's every-screen test.)"""
    store = Store(tmp_path / "data")
    traject = store.create("Zonder netwerk", "student", str(MINI))
    data, out = str(store.folder), tmp_path / "r.html"
    assert cli.main(["check", str(MINI)]) == 0
    assert cli.main(["list", "--data-dir", data]) == 0
    assert cli.main(["export", traject.id, "--data-dir", data, "--out", str(out), "--format", "html"]) == 0
    assert out.exists() and no_network == []


# --- no answer text in crash output ----------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_crash_saves_the_answers_and_shows_none_of_them(tmp_path: Path) -> None:
    data = tmp_path / "data"
    traject = Store(data).create("Crash", "student", str(MINI))
    with PtyApp(start_args(data), script=CRASHING_APP) as app:
        app.wait_for("Crash")
        app.send("\r")
        assert app.wait_for("Waar ben je goed in") is not None, app.text()[-2000:]
        app.type("geheim antwoord", [0.02] * 15)
        app.drain(1.2)  # autosaved
        app.type(" nog geheimer KRAAK", [0.02] * 19)  # the last K sets off the planted bug
        code = app.wait_exit(timeout=10)
        output = app.output
    assert code == 1, output[-3000:]
    after = output.rsplit(b"\x1b[?1049l", 1)[-1].decode("utf-8", "replace")  # what stays after the app's screen
    assert "Er ging iets mis" in after and "crash.log" in after, after
    for secret in ("geheim", "KRAA", "planted", "Traceback", "secret"):
        assert secret not in after, f"{secret!r} in what the terminal keeps:\n{after}"
    log = data / "crash.log"
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "crashing_app.py" in text
    for secret in ("geheim", "KRAA", "planted", "secret"):
        assert secret not in text, f"{secret!r} in crash.log:\n{text}"
    if POSIX:
        assert stat.S_IMODE(log.stat().st_mode) == 0o600
    # the crash saved everything typed before the key that set it off
    assert Store(data).load(traject.id).answers["kan-sterk"] == "geheim antwoord nog geheimer KRAA"
