"""Adding a language is adding a folder: a copy of content/en as "xx" speaks everywhere without a code change."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from loopbaan_tui.cli import build_parser, main
from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.words import catalogue
from loopbaan_tui.domain.words.dates import DateProblem, describe_problem, format_date, parse_date
from loopbaan_tui.domain.words.messages import message

REAL = builtin.content_root()


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def xx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Built-in content with a third language "xx": content/en copied, a few of its words changed."""
    root = tmp_path / "content"
    shutil.copytree(REAL, root)
    folder = root / "xx"
    shutil.copytree(REAL / "en", folder)
    _replace(folder / "pack.toml", 'language = "en"', 'language = "xx"')
    _replace(folder / "pack.toml", 'id = "en"', 'id = "xx"')
    _replace(folder / "ui.toml", 'help_title = "Help with loopbaan"', 'help_title = "Xx help"')
    words = folder / "words" / "messages.toml"
    _replace(words, "language_name = 'English'", "language_name = 'Xxish'")
    _replace(words, 'folder_missing = "the folder does not exist.', 'folder_missing = "xx: no folder.')
    _replace(words, "months = ['January',", "months = ['Primo',")
    _replace(words, "weekdays = ['Monday',", "weekdays = ['Moonday',")
    monkeypatch.setattr(builtin, "content_root", lambda: root)
    catalogue.forget()
    yield folder
    monkeypatch.undo()
    catalogue.forget()


def test_the_folder_is_a_language(xx: Path) -> None:
    assert list(builtin.LANGUAGES) == ["nl", "en", "xx"]
    assert "xx" in builtin.LANGUAGES and builtin.language_or_default("xx") == "xx"
    assert catalogue.language_name("xx", "nl") == "Xxish"  # not yet named in Dutch: its own name


def test_its_pack_loads_with_its_words(xx: Path) -> None:
    result = load_pack(xx)
    assert result.problems == () and result.pack is not None
    assert result.pack.info.language == "xx"
    assert result.pack.text("help_title") == "Xx help"
    assert result.pack.text("new_title") == "A new reflection"


def test_its_messages_and_dates(xx: Path, tmp_path: Path) -> None:
    assert message("folder_missing", "xx").startswith("xx: no folder.")
    assert message("cli_written", "xx", path="r.md") == "Roadmap written: r.md"
    problems = load_pack(tmp_path / "nowhere").problems
    assert problems[0].text("xx").startswith("xx: no folder.")
    assert format_date(date(2027, 1, 4), "xx") == "Moonday 4 Primo 2027"
    assert parse_date("Moonday 4 Primo 2027") == date(2027, 1, 4)
    assert parse_date("4 januari 2027") == parse_date("4 January 2027") == date(2027, 1, 4)
    pack = load_pack(xx).pack
    assert pack is not None
    with pytest.raises(DateProblem) as problem:
        parse_date("4 Primo")
    assert describe_problem(problem.value, pack.text, "xx", date(2027, 1, 1)).endswith("4 Primo 2027.")


def test_the_command_line_speaks_it(xx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "--lang {nl,en,xx}" in build_parser("xx").format_help()
    assert main(["check", str(xx.parent / "missing"), "--lang", "xx"]) == 1
    out, err = capsys.readouterr()
    assert "xx: no folder." in out and err == "1 problem found.\n"
    assert main(["--lang=xx", "list", "--data-dir", str(xx.parent / "data")]) == 0
    assert capsys.readouterr().out.startswith("You have no trajecten yet in")


async def test_the_app_offers_its_pack(xx: Path, tmp_path: Path) -> None:
    from apps import make_app

    from loopbaan_tui.ui.screens.new_traject import NewTrajectDialog

    app = make_app(tmp_path / "data", "nl")
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = NewTrajectDialog()
        app.push_screen(dialog)
        await pilot.pause()
        assert dialog._packs == [
            ("nl", "De vragen van loopbaan (Nederlands)"),
            ("en", "De vragen van loopbaan (Engels)"),
            ("xx", "De vragen van loopbaan (Xxish)"),
        ]
        assert app.pack_key(load_pack(builtin.pack_folder("xx")).pack) == "xx"  # type: ignore[arg-type]
