"""`loopbaan list` and `loopbaan export`, through the real command line and real traject files."""

from __future__ import annotations

import errno
import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from trajects import fill_traject

from loopbaan_tui.cli import main
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.roadmap import export
from loopbaan_tui.domain.trajects import atomic
from loopbaan_tui.domain.trajects.storage import Store
from loopbaan_tui.domain.trajects.traject import Traject

PACK_FOLDER = Path(__file__).parent / "packs" / "roadmap"


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(PACK_FOLDER)
    assert result.pack is not None
    return result.pack


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def make(data: Path, pack: Pack, name: str, *, profile: str = "student", hours_ago: int = 0) -> Traject:
    """A traject saved through the Store, answered in full, last edited `hours_ago`."""
    store = Store(data)
    traject = store.create(name, profile, str(pack.folder))
    traject.answers = fill_traject(pack, profile).answers
    traject.updated = datetime(2025, 11, 21, 12, tzinfo=UTC) - timedelta(hours=hours_ago)
    store.save(traject)
    return traject


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- list ---------------------------------------------------------------------------------------


def test_list_without_trajecten_says_how_to_start(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    code, out, err = run(capsys, "list", "--data-dir", str(data))
    assert code == 0 and err == ""
    assert "nog geen trajecten" in out and "loopbaan" in out and str(data) in out
    code, out, _ = run(capsys, "--lang", "en", "list", "--data-dir", str(data))
    assert code == 0 and "no trajecten yet" in out


def test_list_shows_trajecten_newest_first(capsys: pytest.CaptureFixture[str], data: Path, pack: Pack) -> None:
    old = make(data, pack, "Oud traject", hours_ago=48)
    new = make(data, pack, "Nieuw traject", profile="ervaren", hours_ago=1)
    (data / "kapot-abc123.toml").write_text("dit is geen toml [", encoding="utf-8")
    os.utime(data / "kapot-abc123.toml", (0, 0))
    code, out, err = run(capsys, "list", "--data-dir", str(data))
    assert code == 0 and err == ""
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if "Nieuw traject" in line)
    second = next(i for i, line in enumerate(lines) if "Oud traject" in line)
    damaged = next(i for i, line in enumerate(lines) if "kapot-abc123" in line)
    assert first < second < damaged
    assert "Ervaren leraar" in lines[first] and new.id in lines[first]
    assert "Aanstaande leraar" in lines[second] and old.id in lines[second]
    local = datetime(2025, 11, 21, 11, tzinfo=UTC).astimezone()
    assert local.strftime("%d-%m-%Y %H:%M") in lines[first]
    assert "beschadigd: de opbouw van het bestand klopt niet" in lines[damaged]
    code, out, _ = run(capsys, "list", "--data-dir", str(data), "--lang", "en")
    assert "damaged: the file is not valid TOML" in out and local.strftime("%Y-%m-%d %H:%M") in out


# --- export -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_export_to_out(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack, fmt: str) -> None:
    traject = make(data, pack, "Sanne")
    out_file = tmp_path / f"mijn-roadmap.{fmt}"
    code, out, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(out_file), "--format", fmt)
    assert (code, err) == (0, "")
    assert str(out_file) in out
    text = out_file.read_text(encoding="utf-8")
    assert "Meelopen met de intern begeleider" in text
    assert text.startswith("<!doctype html>" if fmt == "html" else "# Roadmap: Sanne — ")
    if os.name == "posix":
        assert stat.S_IMODE(out_file.stat().st_mode) == 0o600


def test_export_by_name_to_the_default_file_here(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(data, pack, "Mijn Loopbaan")
    here = tmp_path / "hier"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out, _ = run(capsys, "export", "mijn loopbaan", "--data-dir", str(data))
    assert code == 0
    written = list(here.iterdir())
    assert [p.name for p in written] == [f"roadmap-mijn-loopbaan-{date.today().isoformat()}.md"]
    assert str(written[0]) in out
    # a folder as --out gets the default name inside it
    code, out, _ = run(
        capsys, "export", "Mijn Loopbaan", "--data-dir", str(data), "--out", str(tmp_path), "--format", "html"
    )
    assert code == 0 and (tmp_path / f"roadmap-mijn-loopbaan-{date.today().isoformat()}.html").is_file()


def test_export_never_overwrites_without_force(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack
) -> None:
    traject = make(data, pack, "Sanne")
    target = tmp_path / "roadmap.md"
    target.write_text("mijn eigen aantekeningen", encoding="utf-8")
    code, out, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(target))
    assert code == 1 and out == ""
    assert "bestaat al" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "mijn eigen aantekeningen"
    code, _, err = run(capsys, "--lang", "en", "export", traject.id, "--data-dir", str(data), "--out", str(target))
    assert code == 1 and "already exists" in err
    code, out, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(target), "--force")
    assert code == 0 and err == ""
    assert target.read_text(encoding="utf-8").startswith("# Roadmap: Sanne")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "roadmap.md"], "no temp files left"


def test_export_include_empty(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack) -> None:
    store = Store(data)
    traject = store.create("Half af", "student", str(pack.folder))
    traject.set_answer("kan-sterk", "Rustig blijven.")
    store.save(traject)
    target = tmp_path / "r.md"
    assert run(capsys, "export", "Half af", "--data-dir", str(data), "--out", str(target), "--include-empty")[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "## Open vragen" in text and "Rustig blijven." in text


def test_export_unknown_traject(capsys: pytest.CaptureFixture[str], data: Path, pack: Pack) -> None:
    make(data, pack, "Sanne")
    code, out, err = run(capsys, "export", "Pietje", "--data-dir", str(data))
    assert code == 1 and out == ""
    assert "Er is geen traject 'Pietje'" in err and "loopbaan list" in err
    code, _, err = run(capsys, "export", "Pietje", "--data-dir", str(data), "--lang", "en")
    assert code == 1 and "There is no traject 'Pietje'" in err
    code, _, err = run(capsys, "export", "x", "--data-dir", str(data / "bestaat-niet"))
    assert code == 1 and "Er is geen traject 'x'" in err


def test_export_damaged_traject(capsys: pytest.CaptureFixture[str], data: Path, pack: Pack) -> None:
    make(data, pack, "Sanne")
    broken = data / "kapot-abc123.toml"
    broken.write_bytes(b"\xff\xfe kapot")
    code, out, err = run(capsys, "export", "kapot-abc123", "--data-dir", str(data))
    assert code == 1 and out == ""
    assert "kan niet worden gelezen" in err and "onleesbare tekens" in err and str(broken) in err
    assert broken.read_bytes() == b"\xff\xfe kapot", "a damaged file is never touched"


def test_export_to_a_missing_folder(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack) -> None:
    traject = make(data, pack, "Sanne")
    missing = tmp_path / "nergens" / "roadmap.md"
    code, out, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(missing))
    assert code == 1 and out == ""
    assert f"De map {missing.parent} bestaat niet" in err
    code, _, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "nieuw") + "/")
    assert code == 1 and "bestaat niet" in err


def test_export_to_an_unwritable_place(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    traject = make(data, pack, "Sanne")

    def refuse(*_: object, **__: object) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic, "write_temp", refuse)
    code, out, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "r.md"))
    assert code == 1 and out == ""
    assert "mag loopbaan niet schrijven" in err and str(tmp_path) in err
    code, _, err = run(
        capsys, "--lang", "en", "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "r.md")
    )
    assert code == 1 and "may not write" in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and not root")
def test_export_to_a_read_only_folder(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack
) -> None:
    traject = make(data, pack, "Sanne")
    locked = tmp_path / "alleen-lezen"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(locked / "r.md"))
    finally:
        locked.chmod(0o700)
    assert code == 1 and "mag loopbaan niet schrijven" in err


def test_export_with_a_broken_pack(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack) -> None:
    traject = make(data, pack, "Sanne")
    broken = tmp_path / "pakket"
    broken.mkdir()
    (broken / "pack.toml").write_text("[pack\n", encoding="utf-8")
    code, out, err = run(
        capsys, "--content", str(broken), "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "r.md")
    )
    assert code == 1 and out == ""
    assert "pack.toml:1" in err and "heeft fouten" in err
    assert not (tmp_path / "r.md").exists()


def test_export_with_a_profile_the_pack_lacks(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack
) -> None:
    store = Store(data)
    traject = store.create("Sanne", "ondersteuner", str(pack.folder))
    code, _, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "r.md"))
    assert code == 1 and "'ondersteuner'" in err


def test_a_bug_ends_in_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    traject = make(data, pack, "Sanne")
    import loopbaan_tui.commands as commands

    def boom(*_: object, **__: object) -> str:
        raise RuntimeError("stuk")

    monkeypatch.setattr(commands, "render", boom)
    code, _, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "r.md"))
    assert code == 1 and "Er ging iets mis" in err and "RuntimeError: stuk" in err and "Traceback" not in err
    assert export.FORMATS == ("md", "html")


# --- the output file: its format, standard output, --content after the command -------------------


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("y.html", "<!doctype html>"),
        ("y.HTM", "<!doctype html>"),
        ("y.md", "# Roadmap: Sanne"),
        ("y.markdown", "# Roadmap: Sanne"),
        ("y.txt", "# Roadmap: Sanne"),
    ],
)
def test_the_format_follows_the_file_name(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack, name: str, start: str
) -> None:
    traject = make(data, pack, "Sanne")
    code, _, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / name))
    assert (code, err) == (0, "")
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


def test_a_format_that_contradicts_the_file_name_is_refused(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack
) -> None:
    traject = make(data, pack, "Sanne")
    code, out, err = run(
        capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "y.html"), "--format", "md"
    )
    assert code == 1 and out == ""
    assert "y.html" in err and "--format" in err and "Traceback" not in err
    code, _, err = run(
        capsys,
        "--lang",
        "en",
        "export",
        traject.id,
        "--data-dir",
        str(data),
        "--out",
        str(tmp_path / "y.md"),
        "--format",
        "html",
    )
    assert code == 1 and "--format" in err and "y.md" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"], "nothing written"
    # agreeing, or a name that says nothing about the format: fine
    assert (
        run(
            capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "a.htm"), "--format", "html"
        )[0]
        == 0
    )
    assert (
        run(
            capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "a.txt"), "--format", "html"
        )[0]
        == 0
    )
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_out_dash_writes_to_standard_output(
    capsys: pytest.CaptureFixture[str],
    data: Path,
    tmp_path: Path,
    pack: Pack,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    traject = make(data, pack, "Sanne")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", "-", "--format", fmt)
    assert (code, err) == (0, "")
    assert out.startswith("<!doctype html>" if fmt == "html" else "# Roadmap: Sanne — ")
    assert "Meelopen met de intern begeleider" in out and "Roadmap geschreven" not in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"], "no file named '-'"


def test_content_works_after_the_command(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack
) -> None:
    traject = make(data, pack, "Sanne")
    broken = tmp_path / "pakket"
    broken.mkdir()
    (broken / "pack.toml").write_text("[pack\n", encoding="utf-8")
    code, out, err = run(
        capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / "r.md"), "--content", str(broken)
    )
    assert code == 1 and out == ""
    assert "pack.toml:1" in err and "heeft fouten" in err
    assert not (tmp_path / "r.md").exists()
    code, out, err = run(
        capsys,
        "export",
        traject.id,
        "--data-dir",
        str(data),
        "--out",
        str(tmp_path / "r.md"),
        "--content",
        str(PACK_FOLDER),
    )
    assert (code, err) == (0, "") and (tmp_path / "r.md").is_file()
    code, out, err = run(capsys, "list", "--data-dir", str(data), "--content", str(PACK_FOLDER))
    assert (code, err) == (0, "") and "Sanne" in out and "Aanstaande leraar" in out


# --- where the roadmap may not go ----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_force_never_replaces_a_pipe_or_a_device(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack, force: list[str]
) -> None:
    traject = make(data, pack, "Sanne")
    targets = [tmp_path / "pipe.md"]
    os.mkfifo(targets[0])
    try:  # as root, `--out /dev/full --force` turned the device into a file; here a copy of its node
        os.mknod(tmp_path / "full", 0o600 | stat.S_IFCHR, os.makedev(1, 7))
        targets.append(tmp_path / "full")
    except (OSError, AttributeError):
        pass
    for target in targets:
        kind = stat.S_IFMT(os.lstat(target).st_mode)
        code, out, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(target), *force)
        assert code == 1 and out == ""
        assert f"{target} is geen gewoon bestand" in err and "--force" not in err and "Traceback" not in err
        assert stat.S_IFMT(os.lstat(target).st_mode) == kind, "still what it was"
    code, _, err = run(
        capsys, "--lang", "en", "export", traject.id, "--data-dir", str(data), "--out", str(targets[0]), *force
    )
    assert code == 1 and "not an ordinary file" in err


def test_a_file_name_too_long(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack) -> None:
    traject = make(data, pack, "Sanne")
    code, out, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(tmp_path / ("x" * 300)))
    assert code == 1 and out == ""
    assert "te lang" in err and "Kies een kortere naam" in err
    assert "Er ging iets mis" not in err and "OSError" not in err
    code, _, err = run(
        capsys,
        "--lang",
        "en",
        "export",
        traject.id,
        "--data-dir",
        str(data),
        "--out",
        str(tmp_path / ("x" * 300 + ".html")),
    )
    assert code == 1 and "too long" in err and "Something went wrong" not in err


def test_each_unwritable_place_has_its_own_words(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack
) -> None:
    traject = make(data, pack, "Sanne")
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")

    def export_to(path: Path, *more: str) -> str:
        code, out, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(path), *more)
        assert code == 1 and out == ""
        return err

    err = export_to(a_file / "x.md")
    assert f"{a_file} is een bestand, geen map" in err and "bestaat niet" not in err
    if Path("/proc/self").is_dir():
        err = export_to(Path("/proc/x.md"))
        assert "In de map /proc mag loopbaan niet schrijven" in err and "bestaat niet" not in err
    read_only = tmp_path / "x.toml"
    read_only.write_text("van mij", encoding="utf-8")
    read_only.chmod(0o444)
    for force in ([], ["--force"]):
        err = export_to(read_only, *force)
        assert f"Het bestand {read_only} is alleen-lezen" in err and "In de map" not in err
    assert read_only.read_text(encoding="utf-8") == "van mij"
