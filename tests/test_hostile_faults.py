"""Storage faults while a person is typing, injected under the running app (Pilot).

tests/test_storage.py proves each fault at the Store level; here the whole app must cope: the
screen says what is wrong, the answers stay in memory and on screen, a recovery copy is written,
nothing already saved is destroyed, and once the fault clears the next autosave succeeds.
Also: a file replaced or damaged under the app's feet, hostile files in the data folder, answers
of the wrong type, and quitting in the middle of an autosave.
"""

from __future__ import annotations

import errno
import os
import shutil
import threading
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import apps
import pytest
from apps import MINI, type_text
from hostile.pilot import SIZE, open_first, paste, record_notifications, rendered, wait_until
from textual.widgets import TextArea

from loopbaan_tui.domain.trajects import atomic
from loopbaan_tui.domain.trajects.autosave import Delays
from loopbaan_tui.domain.trajects.storage import Store, from_toml, to_toml
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.ui.app import LoopbaanApp
from loopbaan_tui.ui.screens.reflection import ReflectionScreen
from loopbaan_tui.ui.screens.start import StartScreen

QUICK = Delays(delay=0.1, max_delay=0.1, retry=0.3)
"""Autosave and retry sooner, so a test waits tenths of seconds instead of seconds."""


def make_app(store: Store) -> LoopbaanApp:
    return apps.make_app(store, autosave=QUICK)


def on_disk(path: Path) -> str:
    """The first answer as the file holds it ('' when there is none or no file)."""
    try:
        return from_toml(path.read_text(encoding="utf-8")).answers.get("kan-sterk", "")
    except (OSError, ValueError):
        return ""


def area(app: LoopbaanApp) -> TextArea:
    return app.screen.query_one("#prompt-kan-sterk TextArea", TextArea)


# --- faults that come and go ---------------------------------------------------------------------


def _fd_in(folder: Path, fd: int) -> bool:
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}")).parent == folder
    except OSError:
        return False


def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """The folder refuses new files, as a read-only folder does (root ignores chmod, so refuse by hand)."""
    real = atomic.tempfile.mkstemp

    def mkstemp(*args: Any, dir: Any = None, **kwargs: Any) -> Any:
        if dir is not None and Path(dir).resolve() == folder.resolve():
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)
    return lambda: monkeypatch.setattr(atomic.tempfile, "mkstemp", real)


def disk_full(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Every write into the folder's disk fails with ENOSPC; elsewhere (the recovery folder) still works."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell files apart")
    real = os.write
    target = folder.resolve()

    def write(fd: int, data: Any) -> int:
        if _fd_in(target, fd):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)
    return lambda: monkeypatch.setattr(os, "write", real)


def drive_unplugged(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """The data folder's drive goes away (folder and parent gone); plugging it back brings it all back."""
    drive = folder.parent
    parked = drive.with_name(drive.name + "-unplugged")
    drive.rename(parked)
    return lambda: parked.rename(drive)


FAULTS = {
    "read_only": (read_only, "unwritable"),
    "disk_full": (disk_full, "disk_full"),
    "drive_unplugged": (drive_unplugged, "folder_missing"),
}


async def fault_phase(
    pilot: Any,
    app: LoopbaanApp,
    store: Store,
    traject_id: str,
    fault: str,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[str, str, str]],
) -> None:
    """Type, inject the fault, type on: message, memory, recovery copy, nothing destroyed; clear it: healed."""
    inject, code = FAULTS[fault]
    path = store.path_of(traject_id)
    session = app.session
    assert session is not None
    await paste(pilot, " Eerst dit.")
    typed = area(app).text
    await wait_until(pilot, lambda: on_disk(path) == typed and not session.dirty)
    before = path.read_bytes()
    errors_before = len([m for m in shown if m[2] == "error"])
    clear = inject(store.folder, monkeypatch)
    await paste(pilot, " Dan dat [b].")
    typed += " Dan dat [b]."
    await wait_until(pilot, lambda: session.state.error is not None, timeout=3)
    assert session.traject.answers["kan-sterk"] == typed, (fault, session.traject.answers["kan-sterk"], typed)
    # the screen says so, in words and with where the copy is
    assert session.state.error.code == code
    assert rendered(app.screen.query_one("#save-status")) == app.words("save_failed")
    messages = [message for title, message, severity in shown if severity == "error"][errors_before:]
    assert len(messages) == 1, shown
    assert app.words(f"storage_{code}", path=str(session.state.error.path)) in messages[0]
    # the answers stay in memory and on screen
    assert session.traject.answers["kan-sterk"] == typed and area(app).text == typed
    # a recovery copy holds them, kept up to date by the retries
    recovery = session.state.recovery
    assert recovery is not None and str(recovery) in messages[0]
    await wait_until(pilot, lambda: on_disk(recovery) == typed)
    await paste(pilot, " En meer.")
    typed += " En meer."
    await wait_until(pilot, lambda: on_disk(recovery) == typed)
    assert len([m for m in shown if m[2] == "error"]) == errors_before + 1, "one message, not one per retry"
    clear()
    if fault != "drive_unplugged":
        assert path.read_bytes() == before, "what was saved before the fault is untouched"
    # the next autosave succeeds on its own
    await wait_until(pilot, lambda: session.state.error is None and not session.dirty)
    assert on_disk(path) == typed
    assert rendered(app.screen.query_one("#save-status")).startswith(app.words("save_done", time="")[:6])
    assert not recovery.exists(), "a successful save makes the recovery copy unneeded"
    if fault == "drive_unplugged":
        assert backup_text(store, traject_id) == on_disk_text(before), "the old file became the backup"


def backup_text(store: Store, traject_id: str) -> str:
    return on_disk(store.backup_of(traject_id))


def on_disk_text(data: bytes) -> str:
    return from_toml(data.decode("utf-8")).answers.get("kan-sterk", "")


@pytest.mark.slow
@pytest.mark.parametrize("fault", FAULTS)
async def test_a_fault_while_typing_is_shown_kept_in_memory_copied_and_healed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    store = Store(tmp_path / "drive" / "data", recovery_folders=[tmp_path / "cache" / "recovery"])
    traject = store.create("Fouten", "student", str(MINI))
    app = make_app(store)
    shown = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await fault_phase(pilot, app, store, traject.id, fault, monkeypatch, shown)
        await pilot.press("ctrl+q")


async def test_a_tour_of_faults_in_one_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One person, one afternoon: a read-only folder, a full disk, a sync tool that replaces the file,
    and one that leaves it (and the backup) damaged. Nothing is lost, all is said."""
    store = Store(tmp_path / "drive" / "data", recovery_folders=[tmp_path / "cache" / "recovery"])
    traject = store.create("Fouten", "student", str(MINI))
    app = make_app(store)
    shown = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        for fault in ("read_only", "disk_full"):  # the unplugged drive: in the slow test above
            await fault_phase(pilot, app, store, traject.id, fault, monkeypatch, shown)
        for replacement in ("good", "garbage-and-backup"):
            await replaced_phase(pilot, app, store, traject.id, replacement, shown)
        typed = area(app).text
        await pilot.press("ctrl+q")
    assert on_disk(store.path_of(traject.id)) == typed


@pytest.mark.slow
async def test_the_data_folder_deleted_while_typing_comes_back_with_everything(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", recovery_folders=[tmp_path / "cache"])
    traject = store.create("Weg", "student", str(MINI))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await type_text(pilot, "een")
        await wait_until(pilot, lambda: on_disk(store.path_of(traject.id)) == "een")
        shutil.rmtree(store.folder)
        await type_text(pilot, " twee")
        await wait_until(pilot, lambda: on_disk(store.path_of(traject.id)) == "een twee")
        assert app.session is not None and app.session.state.error is None
        await pilot.press("ctrl+q")
    assert oct(store.folder.stat().st_mode & 0o777) == oct(0o700)


@pytest.mark.slow
async def test_a_rename_that_keeps_failing_then_clears(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Windows case: a virus scanner holds the file; the rename fails for longer than our retries."""
    monkeypatch.setattr(atomic, "REPLACE_RETRY_DELAYS", (0.0, 0.0))
    store = Store(tmp_path / "data", recovery_folders=[tmp_path / "cache"])
    traject = store.create("Scanner", "student", str(MINI))
    path = store.path_of(traject.id)
    real = os.replace
    blocked = {"on": False}

    def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if blocked["on"] and Path(dst) == path:
            raise PermissionError(errno.EACCES, "Access is denied")
        real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await type_text(pilot, "vast")
        await wait_until(pilot, lambda: on_disk(path) == "vast")
        blocked["on"] = True
        await type_text(pilot, "gehouden")
        session = app.session
        assert session is not None
        await wait_until(pilot, lambda: session.state.error is not None)
        assert session.state.error.code == "unwritable" and on_disk(path) == "vast"
        assert sorted(p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")) == []
        blocked["on"] = False
        await wait_until(pilot, lambda: on_disk(path) == "vastgehouden")
        await pilot.press("ctrl+q")


# --- the file changed by someone else -----------------------------------------------------------


def someone_elses_version(traject_id: str, text: str) -> bytes:
    other = Traject(id=traject_id, name="Fouten", profile="student", pack=str(MINI), answers={"kan-sterk": text})
    return to_toml(other).encode("utf-8")


async def replaced_phase(
    pilot: Any, app: LoopbaanApp, store: Store, traject_id: str, replacement: str, shown: list[tuple[str, str, str]]
) -> None:
    """Someone else writes the file (and maybe the backup) between two autosaves."""
    path, backup = store.path_of(traject_id), store.backup_of(traject_id)
    session = app.session
    assert session is not None
    await paste(pilot, " mijn tekst")
    mine = area(app).text
    await wait_until(pilot, lambda: on_disk(path) == mine and not session.dirty)
    foreign = (
        someone_elses_version(traject_id, "de tekst van de sync-dienst")
        if replacement == "good"
        else b"\x00\x00\x00 half geschreven door een ander programma"
    )
    path.write_bytes(foreign)
    if replacement == "garbage-and-backup":
        backup.write_bytes(b"[[[ ook kapot")
    backup_before = backup.read_bytes()
    warnings_before = len([m for m in shown if m[2] == "warning"])
    kept_before = set(store.folder.iterdir())
    session.autosave.delay = session.autosave.max_delay = 0.5  # what is typed next goes in one save
    await paste(pilot, ", verder")
    # the screen has been told (session.state), not only the disk written: the warning comes with it
    await wait_until(
        pilot, lambda: on_disk(path) == mine + ", verder" and not session.dirty and not session.state.dirty
    )
    assert session.state.error is None
    kept = [p for p in set(store.folder.iterdir()) - kept_before if "-20" in p.name]
    assert len(kept) == 1, sorted(p.name for p in store.folder.iterdir())
    assert kept[0].read_bytes() == foreign, "the other version is kept, byte for byte"
    assert f".{'conflict' if replacement == 'good' else 'damaged'}-" in kept[0].name
    if replacement == "good":
        assert backup.read_bytes() == foreign, "the backup is the version before this save: theirs"
    else:
        assert backup.read_bytes() == backup_before, "a damaged file never becomes the backup"
    # the person is told, once, where the other version went
    warnings = [message for _, message, severity in shown if severity == "warning"][warnings_before:]
    assert len(warnings) == 1 and str(kept[0]) in warnings[0], shown


@pytest.mark.slow
@pytest.mark.parametrize("replacement", ["good", "garbage", "garbage-and-backup"])
async def test_the_file_replaced_under_the_apps_feet(tmp_path: Path, replacement: str) -> None:
    store = Store(tmp_path / "data", recovery_folders=[tmp_path / "cache"])
    traject = store.create("Fouten", "student", str(MINI))
    app = make_app(store)
    shown = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await replaced_phase(pilot, app, store, traject.id, replacement, shown)
        await pilot.press("ctrl+q")


async def test_opening_a_traject_whose_file_and_backup_are_both_damaged(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    traject = store.create("Dubbel kapot", "student", str(MINI))
    traject.set_answer("kan-sterk", "versie één")
    store.save(traject)
    traject.set_answer("kan-sterk", "versie twee")
    store.save(traject)
    path, backup = store.path_of(traject.id), store.backup_of(traject.id)
    path.write_bytes(b"schema = 1\n[traject\n")
    backup.write_bytes("\ufeffgeen toml".encode())
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.query("#dialog-body"))
        body = rendered(app.screen.query_one("#dialog-body"))
        assert app.words("damaged_no_backup") in body
        assert not app.screen.query("#backup"), "a damaged backup is not offered"
        await pilot.press("enter")  # back
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        # the app goes on: a new traject can be started and saved
        store.create("Opnieuw", "student", str(MINI))
        app.screen.refresh_list()  # type: ignore[attr-defined]
        await pilot.pause()
    assert path.read_bytes() == b"schema = 1\n[traject\n" and backup.read_bytes() == "\ufeffgeen toml".encode()
    assert len([p for p in store.folder.iterdir() if ".damaged-" in p.name]) == 1


async def test_opening_the_backup_and_leaving_at_once_leaves_the_backup_as_the_file(tmp_path: Path) -> None:
    """Found this way: open a damaged traject, choose "Reservekopie openen", leave without typing:
    the screen said "Alles is bewaard" while the damaged file was still the traject. On the way: the
    dialog says the file is damaged and offers the backup, with the focus, and Enter opens it."""
    store = Store(tmp_path / "data")
    traject = store.create("Terug naar de kopie", "student", str(MINI))
    traject.set_answer("kan-sterk", "versie één")
    store.save(traject)
    traject.set_answer("kan-sterk", "versie twee")
    store.save(traject)
    path, backup = store.path_of(traject.id), store.backup_of(traject.id)
    damaged = b"schema = 1\n[traject\n"
    path.write_bytes(damaged)
    backup_before = backup.read_bytes()
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.query("#backup"))
        body = rendered(app.screen.query_one("#dialog-body"))
        assert "beschadigd" in body and "reservekopie" in body, body
        assert app.focused is app.screen.query_one("#backup"), "the backup is offered first"
        await pilot.press("enter")  # open the backup (test_app.py had this as a test of its own)
        await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen))
        await pilot.pause()
        assert area(app).text == "versie één"
        assert on_disk(path) == "versie één", "the backup is the traject file as soon as it is chosen"
        await pilot.press("ctrl+q")  # leave without typing a word
    assert on_disk(path) == "versie één"
    assert store.load(traject.id).answers == {"kan-sterk": "versie één"}
    kept = [p for p in store.folder.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged, "the damaged file is kept aside, once"
    assert backup.read_bytes() == backup_before, "the backup itself is left as it was"


# --- hostile files in the data folder -----------------------------------------------------------


HOSTILE_FILES: dict[str, bytes] = {
    "deep-lists": b"schema = 1\nx = " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "deep-tables": b"schema = 1\nx = " + b"{a=" * 5_000 + b"1" + b"}" * 5_000 + b"\n",
    "deep-answer": (
        b"schema = 1\n[traject]\nid = 'deep-answer'\nname = 'Diep'\nprofile = 'student'\npack = 'nl'\n"
        b"created = 2025-01-01T00:00:00Z\nupdated = 2025-01-01T00:00:00Z\n[answers]\nkan-sterk = "
        + b"[" * 200
        + b"'x'"
        + b"]" * 200
        + b"\n"
    ),
    "nul-bytes": b"\x00" * 1000,
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "utf16": "schema = 1\n".encode("utf-16"),
    "latin1": "schema = 1\n[traject]\nname = 'Caf\u00e9'\n".encode("latin-1"),
}


async def test_hostile_files_in_the_data_folder_are_listed_as_damaged_and_never_crash(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    good = store.create("Goed", "student", str(MINI))
    for name, data in HOSTILE_FILES.items():
        (store.folder / f"{name}.toml").write_bytes(data)
    (store.folder / ".settings.toml").write_text("theme = " + "[" * 50_000, encoding="utf-8")
    summaries = {s.id: s for s in store.summaries()}
    assert all(summaries[name].problem for name in HOSTILE_FILES) and summaries[good.id].problem is None
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen), app.crash_report
        assert app.theme == "textual-dark", "a damaged settings file means the defaults"
        options = app.screen.query_one("#trajecten")
        assert options.option_count == len(HOSTILE_FILES) + 1  # type: ignore[attr-defined]
        for name in ("deep-lists", "deep-answer", "utf16"):
            index = [s.id for s in app.screen._summaries].index(name)  # type: ignore[attr-defined]
            options.highlighted = index  # type: ignore[attr-defined]
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.screen.query("#dialog-body"))
            assert app.words("damaged_title") in rendered(app.screen.query_one("#dialog-title"))
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
    assert not app.crash_report


async def test_an_unreadable_data_folder_is_said_not_crashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "data")
    store.create("Verborgen", "student", str(MINI))
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == store.folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen), app.crash_report
        hint = rendered(app.screen.query_one("#start-hint"))
        assert app.words("storage_unwritable", path=str(store.folder)) in hint or str(store.folder) in hint
    assert not app.crash_report


# --- answers of the wrong type (a hand-edited file, or a prompt whose kind changed in the pack) --

ODD_VALUES: list[Any] = [
    5,
    1.5,
    True,
    "gewoon tekst",
    ["een", "twee"],
    [1, 2],
    {"a": "b"},
    {"a": {"b": [1, "x"]}},
    [{"what": 1}, "x", [2]],
    [[["diep"]]],
    {"choices": 3, "choice": ["x"], "other": 7},
    [{"path": 3, "reason": ["x"]}],
    {"werkplezier": "hoog", "werkdruk": {"now": "veel", "then": None}},
]


@pytest.mark.parametrize(
    "rotations", [(0,), pytest.param(tuple(range(1, len(ODD_VALUES))), marks=pytest.mark.slow)], ids=["one", "the-rest"]
)
async def test_answers_of_any_type_open_everywhere_and_are_kept_untouched(
    tmp_path: Path, rotations: tuple[int, ...]
) -> None:
    """Every prompt gets an odd value, another one in each traject: one traject by default, the rest when slow."""
    from loopbaan_tui.domain.content.loader import load_pack

    pack = load_pack(MINI).pack
    assert pack is not None
    prompt_ids = [p.id for s in pack.sections for p in s.prompts]
    store = Store(tmp_path / "data")
    trajecten = []
    for rotation in rotations:
        answers = {pid: ODD_VALUES[(n + rotation) % len(ODD_VALUES)] for n, pid in enumerate(prompt_ids)}
        traject = Traject(
            id=f"odd-{rotation}", name=f"Vreemd {rotation}", profile="ervaren", pack=str(MINI), answers=answers
        )
        path = store.path_of(traject.id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_toml(traject), encoding="utf-8")
        trajecten.append((traject.id, path.read_bytes()))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        for traject_id, _ in trajecten:
            await pilot.pause()
            start = app.screen
            assert isinstance(start, StartScreen), app.crash_report
            start.open_traject(traject_id)
            await wait_until(pilot, lambda: isinstance(app.screen, ReflectionScreen) or app.crash_report)
            assert not app.crash_report, traject_id
            for key in ("f5", "f6", "f7", "f8", "f9", "ctrl+n"):  # every step, recall boxes included
                await pilot.press(key)
            await pilot.press("ctrl+r")  # the roadmap preview
            await pilot.pause()
            assert not app.crash_report, traject_id
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("escape")  # back to the start screen
            await wait_until(pilot, lambda: isinstance(app.screen, StartScreen) or app.crash_report)
    assert not app.crash_report
    for traject_id, before in trajecten:
        after = store.path_of(traject_id).read_bytes()
        then, now = (tomllib.loads(data.decode())["checkin"][-1]["answers"] for data in (before, after))
        assert now == then, traject_id


# --- quitting in the middle of an autosave ------------------------------------------------------


async def test_quitting_during_an_autosave_neither_hangs_nor_loses_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "data")
    traject = store.create("Haast", "student", str(MINI))
    started, gate = threading.Event(), threading.Event()
    real_save = Store.save

    def slow_save(self: Store, item: Traject, **options: Any) -> Path:
        if threading.current_thread() is not threading.main_thread():  # the autosave worker
            started.set()
            gate.wait(5)
        return real_save(self, item, **options)

    monkeypatch.setattr(Store, "save", slow_save)
    app = make_app(store)
    stuck: list[bool] = []
    real_call = app.call_from_thread

    def call_from_thread(callback: Any, *args: Any, **kwargs: Any) -> Any:
        """Textual's, but giving up after 3 s instead of waiting forever (which would hang this test)."""
        result: list[Any] = []
        helper = threading.Thread(target=lambda: result.append(real_call(callback, *args, **kwargs)), daemon=True)
        helper.start()
        helper.join(3)
        if helper.is_alive():
            stuck.append(True)
            raise RuntimeError("the main thread never ran the callback")
        return result[0] if result else None

    app.call_from_thread = call_from_thread  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await type_text(pilot, "abc")
        await wait_until(pilot, started.is_set)  # the autosave is writing now
        await type_text(pilot, "def")
        threading.Timer(0.3, gate.set).start()
        await pilot.press("ctrl+q")  # saves on the main thread while the worker is mid-save
    assert not stuck, "deadlock: quitting waited for the autosave, the autosave waited for the screen"
    assert on_disk(store.path_of(traject.id)) == "abcdef"


# --- leftovers of a killed save -----------------------------------------------------------------


@pytest.mark.parametrize("moment", ["before-the-file-rename", "between-the-renames"])
def test_temp_files_of_a_killed_save_are_cleared_when_the_traject_is_opened(tmp_path: Path, moment: str) -> None:
    store = Store(tmp_path / "data")
    traject = store.create("Resten", "student", str(MINI))
    for text in ("een", "twee", "drie"):
        traject.set_answer("kan-sterk", text)
        store.save(traject)
    path, backup = store.path_of(traject.id), store.backup_of(traject.id)
    # A save of "vier" was killed. It left a half-written temp file, and the file it set aside to
    # become the backup: still the file itself (killed before the file's rename), or, killed
    # between the renames, the version before the file, which then holds "vier".
    half = store.folder / f".{traject.id}.ab12cd34.tmp"
    half.write_bytes(b"schema = 1\n[traject]\nid = ")
    aside = store.folder / f".{traject.id}.0011aabb.bak.tmp"
    aside.write_bytes(path.read_bytes())
    if moment == "between-the-renames":
        traject.set_answer("kan-sterk", "vier")
        path.write_text(to_toml(traject), encoding="utf-8")
    other = store.folder / ".ander-traject.ab12cd34.tmp"
    other.write_bytes(b"niet van ons")
    with store.lock(traject.id):
        names = sorted(p.name for p in store.folder.iterdir())
    assert half.name not in names and aside.name not in names
    assert other.name in names, "another traject's files are not ours to clear"
    if moment == "between-the-renames":
        assert (on_disk(path), on_disk(backup)) == ("vier", "drie"), "the version before the file is the backup"
    else:
        assert (on_disk(path), on_disk(backup)) == ("drie", "twee"), "the backup stays the version before"


HIDDEN = {  # answers to what the mini pack no longer offers: an option, a scale, a career path, odd rows
    "kan-rol": {"choice": "weg-optie", "other": "iets anders"},
    "wil-motieven": {"choices": ["verkennen", "weg-optie"], "other": "nog iets"},
    "wil-balans": {"werkplezier": {"then": 2, "now": 4}, "weg-schaal": {"now": 3}},
    "waar-paden": [{"path": "expert", "reason": "mijn reden"}, {"path": "weg-pad", "reason": "woorden die blijven"}],
    "hoe-acties": [{"what": "meelopen", "when": "mei"}, "een losse regel uit een oud bestand"],
}


async def test_answers_to_what_the_pack_no_longer_offers_survive_opening_and_editing(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    traject = Traject(id="verouderd", name="Oud pakket", profile="student", pack=str(MINI), answers=dict(HIDDEN))
    path = store.path_of(traject.id)
    path.parent.mkdir(parents=True)
    path.write_text(to_toml(traject), encoding="utf-8")
    before = path.read_bytes()
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        for key in ("f6", "f7", "f8", "f9", "ctrl+n"):
            await pilot.press(key)
        await pilot.press("escape")  # back to the start screen: the session is closed
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        assert path.read_bytes() == before, "opening and looking changes nothing"
        await open_first(pilot)
        await pilot.press("ctrl+down", "ctrl+down", "tab", "end")
        await paste(pilot, " en meer")  # kan-rol: the "other" text
        await pilot.press("f6", "space")  # wil-motieven: tick the first option off
        await pilot.press("ctrl+down", "right")  # wil-balans: werkplezier then 2 -> 3
        await pilot.press("f7", "tab", "end")
        await paste(pilot, " en meer")  # waar-paden: the reason of the first path
        await pilot.press("f8", "end")
        await paste(pilot, " en meer")  # hoe-acties: the first row's "what"
        await pilot.press("ctrl+q")
    answers = from_toml(path.read_text(encoding="utf-8")).answers
    assert answers["kan-rol"] == {"choice": "weg-optie", "other": "iets anders en meer"}
    assert answers["wil-motieven"] == {"choices": ["weg-optie"], "other": "nog iets"}
    assert answers["wil-balans"] == {"werkplezier": {"then": 3, "now": 4}, "weg-schaal": {"now": 3}}
    assert answers["waar-paden"] == [
        {"path": "expert", "reason": "mijn reden en meer"},
        {"path": "weg-pad", "reason": "woorden die blijven"},
    ]
    assert answers["hoe-acties"][-1] == "een losse regel uit een oud bestand"
    assert answers["hoe-acties"][0]["what"] == "meelopen en meer"
