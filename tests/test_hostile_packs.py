"""Broken content packs, the way a course leader breaks them: a message with file, line and a hint.

Each folder in tests/hostile/packs holds the broken file(s) of one case, laid over a copy of
tests/packs/mini (a file `NAME.remove` removes NAME). Enormous files are made by a fixture.
Every case goes through both commands, `loopbaan check PATH` and starting the app with
`loopbaan --content PATH`: through cli.main in this process, and a sample of cases (the rest
with `-m slow` or LOOPBAAN_SLOW=1) as real subprocesses. Both must exit 1 with the message and
never a traceback.
tests/test_loader.py checks the loader's every message in detail; this is the end-to-end attack.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from loopbaan_tui.domain.content.loader import MAX_FILE_BYTES, load_pack

HERE = Path(__file__).parent
ROOT = HERE.parent
MINI = HERE / "packs" / "mini"
CASES = HERE / "hostile" / "packs"


@dataclass(frozen=True)
class Expect:
    file: str
    line: int | None
    """None for a problem with the whole file (its encoding, its size, its name, its absence)."""
    hint: str
    """A piece of the message that tells what to do (Dutch, the default language)."""


EXPECTED: dict[str, Expect] = {
    # encodings and byte-order marks
    "encoding-latin1": Expect("kan.toml", 10, "Sla het op als UTF-8"),
    "encoding-utf16-bom": Expect("kan.toml", None, "Sla het op als UTF-8"),
    "encoding-utf16-no-bom": Expect("kan.toml", None, "Sla het op als UTF-8"),
    "bom-then-syntax-error": Expect("kan.toml", 4, "tekst tussen aanhalingstekens"),
    "bom-twice": Expect("kan.toml", 1, "onzichtbaar teken"),
    "bom-in-the-middle": Expect("wil.toml", 6, "onzichtbaar teken"),
    "hard-space-from-word": Expect("kan.toml", 11, "Typ de regel opnieuw"),
    "nul-bytes": Expect("kan.toml", 4, "Haal dit teken weg"),
    "control-character": Expect("kan.toml", 9, "Haal dit teken weg"),
    "stray-carriage-return": Expect("wie.toml", 4, "'sleutel = waarde'"),
    "terminal-escape-in-label": Expect("kan.toml", 9, "Haal het weg: zulke tekens"),
    "terminal-escape-in-ui-word": Expect("ui.toml", 1, "Haal het weg: zulke tekens"),
    # Windows paths
    "windows-path-invalid-escape": Expect("pack.toml", 6, "enkele aanhalingstekens ('C:\\map\\bestand')"),
    "windows-path-that-parses": Expect("pack.toml", 6, "enkele aanhalingstekens ('C:\\map\\bestand')"),
    "windows-unc-path": Expect("paths.toml", 6, "schrijf twee backslashes"),
    # quotes
    "curly-quotes": Expect("kan.toml", 9, "Gebruik rechte aanhalingstekens"),
    "quote-inside-text": Expect("kan.toml", 9, "Zet de tekst tussen enkele aanhalingstekens"),
    "single-quote-inside-single": Expect("wil.toml", 27, "Zet de tekst tussen dubbele aanhalingstekens"),
    "unclosed-string": Expect("kan.toml", 9, "Zet aan het eind een aanhalingsteken"),
    "unclosed-multiline-string": Expect("kan.toml", 10, "Zet aan het eind een aanhalingsteken"),
    "unclosed-literal-string": Expect("hoe.toml", 9, "Zet aan het eind een aanhalingsteken"),
    "unclosed-list": Expect("wil.toml", 21, "Sluit een lijst af met ]"),
    "unclosed-inline-table": Expect("kan.toml", 27, "een tabel tussen accolades met }"),
    # duplicate keys and tables
    "duplicate-key": Expect("kan.toml", 4, "Verwijder of hernoem de tweede"),
    "duplicate-table": Expect("wie.toml", 12, "Voeg ze samen"),
    "duplicate-key-inline": Expect("kan.toml", 26, "verwijder of hernoem de tweede"),
    "table-written-as-array": Expect("pack.toml", 1, "met één paar vierkante haken"),
    "array-written-as-table": Expect("scales.toml", 1, "met twee paar vierkante haken"),
    # wrong types
    "wrong-type-bool": Expect("kan.toml", 12, "moet true of false zijn"),
    "wrong-type-list": Expect("waar.toml", 16, "moet een lijst met teksten zijn"),
    "wrong-type-float": Expect("scales.toml", 6, "moet een geheel getal zijn"),
    "wrong-type-date": Expect("hoe.toml", 9, "moet tekst zijn"),
    "options-as-plain-texts": Expect("wil.toml", 10, "[{ id = ..., label = ... }]"),
    # missing and unknown keys, files and words
    "missing-kind": Expect("hoe.toml", 6, "Voeg een regel kind = ... toe"),
    "missing-id": Expect("wie.toml", 6, "Voeg een regel id = ... toe"),
    "unknown-key-typo": Expect("kan.toml", 11, "Bedoel je 'example'?"),
    "unknown-table": Expect("pack.toml", 8, "Bedoel je 'profile'?"),
    "unknown-ui-word": Expect("ui.toml", 1, "Bedoel je 'app_title'?"),
    "ui-unknown-placeholder": Expect("ui.toml", 1, "Mogelijk: {time}"),
    "empty-label": Expect("wie.toml", 9, "Schrijf er een tekst in"),
    "unsupported-language": Expect("pack.toml", 4, "Kies 'nl' of 'en'"),
    "missing-file": Expect("wie.toml", None, "Elk pakket heeft wie.toml nodig"),
    "unknown-file": Expect("kann.toml", None, "Bedoel je 'kan.toml'?"),
    "file-saved-as-txt": Expect("kan.toml.txt", None, "Hernoem het naar kan.toml"),
    # bad references
    "unknown-recall": Expect("hoe.toml", 11, "Bedoel je 'waar-paden'?"),
    "unknown-scale": Expect("wil.toml", 21, "Bedoel je 'werkdruk'?"),
    "unknown-profile": Expect("paths.toml", 13, "Bedoel je 'ervaren'?"),
    "unknown-kind": Expect("kan.toml", 8, "Bedoel je 'long_text'?"),
    "scale-range-upside-down": Expect("scales.toml", 13, "'min' moet kleiner zijn dan 'max'"),
    # duplicate and unsafe ids
    "duplicate-id-across-files": Expect("wie.toml", 7, "kies hier een andere"),
    "duplicate-option-id": Expect("kan.toml", 28, "Geef elke keuze een eigen id"),
    "unsafe-id-path": Expect("kan.toml", 15, "Gebruik kleine letters, cijfers en - of _"),
    "unsafe-id-spaces-capitals": Expect("paths.toml", 2, "Gebruik kleine letters, cijfers en - of _"),
    "unsafe-id-emoji": Expect("wil.toml", 25, "Gebruik kleine letters, cijfers en - of _"),
    # enormous files (made by the fixture, not stored)
    "enormous-file": Expect("kan.toml", None, "Is dit wel het goede bestand?"),
    "enormous-line": Expect("wie.toml", 9, "Zet aan het eind een aanhalingsteken"),
    "enormous-nesting": Expect("wie.toml", 11, "Controleer de haken"),
    "enormous-pack": Expect("wie.toml", 15_013, "kies hier een andere"),
}

GENERATED = ("enormous-file", "enormous-line", "enormous-nesting", "enormous-pack")


def _generate(case: str, folder: Path) -> None:
    """The enormous files: too large, one endless line, brackets nested past any parser, 3000 prompts."""
    wie = (MINI / "wie.toml").read_text(encoding="utf-8")
    if case == "enormous-file":
        filler = "# " + "x" * 98 + "\n"
        text = (MINI / "kan.toml").read_text(encoding="utf-8")
        (folder / "kan.toml").write_text(text + filler * (MAX_FILE_BYTES // len(filler) + 10), encoding="utf-8")
    elif case == "enormous-line":
        (folder / "wie.toml").write_text(
            wie.replace('label = "Met wie ga je praten?"', 'label = "' + "bla " * 150_000), encoding="utf-8"
        )
    elif case == "enormous-nesting":
        (folder / "wie.toml").write_text(wie + "profiles = " + "[" * 200_000 + "\n", encoding="utf-8")
    elif case == "enormous-pack":
        prompts = "".join(
            f'\n[[prompt]]\nid = "wie-{n}"\nkind = "long_text"\nlabel = "Vraag {n}?"\n' for n in range(3000)
        )
        (folder / "wie.toml").write_text(
            wie + prompts + '\n[[prompt]]\nid = "kan-sterk"\nkind = "long_text"\nlabel = "Nog eens?"\n',
            encoding="utf-8",
        )


def build(case: str, root: Path) -> Path:
    folder = root / case
    shutil.copytree(MINI, folder)
    if case in GENERATED:
        _generate(case, folder)
        return folder
    for item in (CASES / case).iterdir():
        if item.name.endswith(".remove"):
            (folder / item.name.removesuffix(".remove")).unlink()
        else:
            shutil.copyfile(item, folder / item.name)
    return folder


SUBPROCESS_SAMPLE = (
    "encoding-utf16-bom",
    "encoding-latin1",
    "control-character",
    "windows-path-invalid-escape",
    "unclosed-string",
    "duplicate-table",
    "unknown-kind",
    "enormous-nesting",
)
"""Cases that always go through real subprocesses; the slow run (`-m slow`, LOOPBAAN_SLOW=1) sends the rest."""


@dataclass(frozen=True)
class Result:
    returncode: int
    output: str
    stderr: str


def _subprocess(args: list[str], home: Path) -> Result:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "LOOPBAAN_DATA_DIR": str(home / "data"),
        "TERM": "xterm-256color",
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("LOOPBAAN_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "loopbaan_tui.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    return Result(done.returncode, done.stdout + done.stderr, done.stderr)


def _in_process(args: list[str], home: Path) -> Result:
    """The same command through cli.main in this process (the app stops before any screen)."""
    from loopbaan_tui import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(args)
        except BaseException as error:  # a traceback would have been printed: show it as one
            code = -1
            err.write("Traceback (in process): " + "".join(traceback.format_exception(error)))
    return Result(code, out.getvalue() + err.getvalue(), err.getvalue())


class Runs:
    """Every case through both commands in this process, and the sample also in real subprocesses: each case
    run when a test first asks for it. (Run all at once by a fixture, they were run again in every test
    worker that took one of this file's tests: the file's tests are spread over the workers.)"""

    def __init__(self, root: Path, home: Path) -> None:
        self.root, self.home = root, home
        self.results: dict[str, dict[str, Result]] = {}

    def __getitem__(self, case: str) -> dict[str, Result]:
        if case not in self.results:
            folder = build(case, self.root)
            home = self.home
            found = {
                "check": _in_process(["check", str(folder)], home),
                "app": _in_process(["--content", str(folder), "--data-dir", str(home / "data")], home),
            }
            if case in SUBPROCESS_SAMPLE:
                found.update(_subprocesses(folder, home))
            found["folder"] = Result(0, str(folder), "")
            self.results[case] = found
        return self.results[case]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    return Runs(tmp_path_factory.mktemp("hostile-packs"), tmp_path_factory.mktemp("home"))


def _subprocesses(folder: Path, home: Path) -> dict[str, Result]:
    """`loopbaan check PATH` and `loopbaan --content PATH` as real processes, side by side."""
    commands = {
        "check (subprocess)": ["check", str(folder)],
        "app (subprocess)": ["--content", str(folder), "--data-dir", str(home / "data")],
    }
    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        done = {name: pool.submit(_subprocess, args, home) for name, args in commands.items()}
        return {name: future.result() for name, future in done.items()}


def assert_explained(expect: Expect, folder: Path, found: dict[str, Result]) -> None:
    where = str(folder / expect.file) + (f":{expect.line}:" if expect.line else ":")
    for name, result in found.items():
        output = result.output
        assert result.returncode == 1, f"{name}: exit {result.returncode}\n{output[-3000:]}"
        assert "Traceback" not in output, output[-3000:]
        assert any(line.startswith(where) for line in output.splitlines()), (
            f"{name}: no message at {where}\n{output[-3000:]}"
        )
        assert expect.hint in output, f"{name}: no hint {expect.hint!r}\n{output[-3000:]}"
        assert max(len(line) for line in output.splitlines()) < 2_000, "an enormous line is cut, not echoed"
        if name.startswith("app"):
            assert "kan niet starten met dit inhoudspakket" in result.stderr


def test_the_fixture_folder_holds_every_case_and_no_more() -> None:
    on_disk = {p.name for p in CASES.iterdir() if p.is_dir()}
    assert on_disk == set(EXPECTED) - set(GENERATED)
    assert len(EXPECTED) >= 30


@pytest.mark.parametrize("case", EXPECTED)
def test_a_broken_pack_is_explained_by_check_and_by_the_app(runs: Runs, case: str) -> None:
    found = dict(runs[case])
    folder = Path(found.pop("folder").output)
    assert_explained(EXPECTED[case], folder, found)


@pytest.mark.slow
@pytest.mark.parametrize("case", [case for case in EXPECTED if case not in SUBPROCESS_SAMPLE])
def test_a_broken_pack_through_real_subprocesses(tmp_path: Path, case: str) -> None:
    """The rest of the cases (the sample runs by default) as real `loopbaan` processes."""
    folder = build(case, tmp_path)
    assert_explained(EXPECTED[case], folder, _subprocesses(folder, tmp_path))


def test_classic_mac_line_ends_are_read_as_lines(tmp_path: Path) -> None:
    """A file saved with CR-only line ends (old Mac editors) is read, not refused as one long line."""
    folder = tmp_path / "pack"
    shutil.copytree(MINI, folder)
    wie = folder / "wie.toml"
    wie.write_bytes(wie.read_bytes().replace(b"\n", b"\r"))
    result = load_pack(folder)
    assert result.pack is not None, [p.render() for p in result.problems]
    assert result.pack.competencies[4].intro == "Niemand doet dit alleen."
