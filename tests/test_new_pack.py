"""`loopbaan new-pack`: a pack to start from that passes the check, and never a file overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from loopbaan_tui.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.new_pack import NewPackError, write_new_pack


@pytest.mark.parametrize("language", builtin.LANGUAGES)
@pytest.mark.parametrize("minimal", [True, False])
def test_new_pack_passes_the_check(tmp_path: Path, language: str, minimal: bool) -> None:
    written = write_new_pack(tmp_path / "pack", language, minimal=minimal)
    result = load_pack(tmp_path / "pack")
    assert result.problems == ()
    assert result.pack is not None and result.pack.info.language == language
    assert {path.name for path in written} >= {"pack.toml", "kan.toml", "wil.toml", "waar.toml", "hoe.toml", "wie.toml"}
    if minimal:  # small, and every file explains itself
        assert sum(len(s.prompts) for s in result.pack.sections) < 12
        assert all(path.read_text(encoding="utf-8").startswith("#") for path in written)
    else:  # the built-in pack byte for byte
        assert all(path.read_bytes() == (builtin.pack_folder(language) / path.name).read_bytes() for path in written)


def test_an_empty_folder_is_used_and_a_full_one_left_alone(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert write_new_pack(tmp_path / "empty", "nl", minimal=True)
    full = tmp_path / "full"
    full.mkdir()
    (full / "kan.toml").write_text("mijn eigen werk", encoding="utf-8")
    with pytest.raises(NewPackError) as raised:
        write_new_pack(full, "nl")
    assert raised.value.code == "not_empty"
    assert [p.name for p in full.iterdir()] == ["kan.toml"]
    assert (full / "kan.toml").read_text(encoding="utf-8") == "mijn eigen werk"
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(NewPackError) as raised:
        write_new_pack(tmp_path / "file", "nl")
    assert raised.value.code == "not_folder"


def test_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "cursus" / "pakket"
    assert main(["new-pack", str(target), "--minimal"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "Pakket geschreven in" in out and "loopbaan check" in out and err == ""
    assert main(["check", str(target)]) == EXIT_OK
    capsys.readouterr()
    assert main(["--lang", "en", "new-pack", str(target)]) == EXIT_INPUT
    out, err = capsys.readouterr()
    assert out == "" and "already exists" in err and "Traceback" not in err
    assert main(["new-pack", str(tmp_path / "en"), "--from", "en", "--lang", "en"]) == EXIT_OK
    assert load_pack(tmp_path / "en").pack is not None
    assert "Pack written to" in capsys.readouterr().out


@pytest.mark.parametrize("language", builtin.LANGUAGES)
def test_a_pack_that_extends_the_built_in_one(tmp_path: Path, language: str) -> None:
    written = write_new_pack(tmp_path / "pack", language, extends=True)
    assert [path.name for path in written] == ["pack.toml", "waar.toml", "ui.toml"]
    assert all(path.read_text(encoding="utf-8").startswith("#") for path in written)  # each explains itself
    result = load_pack(tmp_path / "pack")
    assert result.problems == () and result.pack is not None
    pack, base = result.pack, load_pack(builtin.pack_folder(language)).pack
    assert base is not None and pack.info.extends == language and pack.info.language == language
    ids = [p.id for p in pack.sections[2].prompts]
    assert ids == [*ids[:1], "waar-expert-vak", *[p.id for p in base.sections[2].prompts][1:]]  # after waar-paden
    added = pack.prompt("waar-expert-vak")
    assert added is not None and added.show_if is not None and added.show_if.prompts() == ("waar-paden",)
    assert pack.ui["app_tagline"] != base.ui["app_tagline"]
    assert {key for key, word in pack.ui.items() if word != base.ui[key]} == {"app_tagline"}


def test_the_command_for_an_extending_pack(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["new-pack", str(tmp_path / "ons"), "--extends"]) == EXIT_OK
    assert "(3 bestanden)" in capsys.readouterr().out
    assert main(["check", str(tmp_path / "ons")]) == EXIT_OK
    assert main(["preview", str(tmp_path / "ons"), "--profile", "student"]) == EXIT_OK
    assert "- **Alleen als:** je bij 'Welke loopbaanpaden" in capsys.readouterr().out
    assert main(["new-pack", str(tmp_path / "twee"), "--extends", "--minimal"]) == EXIT_USAGE
    assert "--extends" in capsys.readouterr().err and not (tmp_path / "twee").exists()
