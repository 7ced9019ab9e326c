"""`loopbaan check NEW --against OLD`: the changes that touch answers already given, on a pack pair."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loopbaan_tui.cli import EXIT_INPUT, EXIT_OK, main
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.content.pack_diff import compare_packs

PACKS = Path(__file__).parent / "packs"
OLD, NEW = PACKS / "mini", PACKS / "mini-v2"


def pack_of(folder: Path) -> Pack:
    pack = load_pack(folder).pack
    assert pack is not None
    return pack


def test_every_change_that_touches_answers() -> None:
    changes = compare_packs(pack_of(NEW), pack_of(OLD), new_shown=Path("new"), old_shown=Path("old"))
    found = [(c.location(), c.code, dict(c.values).get("prompt") or dict(c.values).get("path")) for c in changes]
    assert found == [
        ("old/paths.toml:9:1", "diff_path_removed", "leiderschap"),
        ("old/wil.toml:25:1", "diff_prompt_removed", "wil-energie"),
        ("new/kan.toml:16:1", "diff_kind_changed", "kan-feedback"),
        ("new/kan.toml:25:1", "diff_option_removed", "kan-rol"),
        ("new/wil.toml:21:1", "diff_scale_removed", "wil-balans"),
        ("new/wil.toml:16:1", "diff_then_now_off", "wil-balans"),
        ("new/waar.toml:16:1", "diff_profiles_narrowed", "waar-stage"),
    ]
    removed = changes[1].text("en")
    assert "Did you rename 'wil-energie' to 'wil-energiebron'?" in removed  # ODK: a rename is removal + addition
    assert "(list → long_text)" in changes[2].text("en")
    assert changes[3].values["option"] == "organiseren" and changes[6].values["profiles"] == "student"


def test_no_changes_and_a_version_left_as_it_was(tmp_path: Path) -> None:
    assert compare_packs(pack_of(OLD), pack_of(OLD)) == ()
    assert compare_packs(pack_of(NEW), pack_of(NEW)) == ()
    assert compare_packs(pack_of(OLD), pack_of(NEW)) != ()  # going back touches answers given with the new one
    with_starter = tmp_path / "old"
    shutil.copytree(OLD, with_starter)
    with (with_starter / "pack.toml").open("a", encoding="utf-8") as file:
        file.write('\n[[profile]]\nid = "starter"\nlabel = "Startende leraar"\n')
    changes = compare_packs(pack_of(OLD), pack_of(with_starter), new_shown=Path("new"), old_shown=Path("old"))
    assert [(c.code, c.location()) for c in changes][:1] == [("diff_profile_removed", "old/pack.toml:19:1")]
    assert changes[-1].code == "diff_version_same" and changes[-1].location() == "new/pack.toml:5:1"


def test_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", str(NEW), "--against", str(OLD)]) == EXIT_INPUT
    out, err = capsys.readouterr()
    assert out.startswith("In orde: Testpakket") and "kan.toml:16:1: de vraag 'kan-feedback' is van soort" in out
    assert err.strip() == f"7 wijzigingen raken antwoorden die al gegeven zijn (vergeleken met {OLD})."
    assert main(["--lang", "en", "check", str(OLD), "--against", str(OLD)]) == EXIT_OK
    assert "No changes that touch existing answers" in capsys.readouterr().out
    assert main(["check", str(OLD), "--against", str(tmp_path / "weg")]) == EXIT_INPUT
    assert "De oude versie in" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "weg"), "--against", str(OLD)]) == EXIT_INPUT
    assert "Traceback" not in capsys.readouterr().err
