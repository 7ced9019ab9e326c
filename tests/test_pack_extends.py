"""A pack that extends another: what it adds, replaces and removes, and every mistake with file:line:col."""

from __future__ import annotations

import shutil
from pathlib import Path

from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.content.problems import Problem

MINI_PACK = Path(__file__).parent / "packs" / "mini"

PACK_TOML = """\
[pack]
id = "pabo"
name = "Pabo Noord"
language = "nl"
extends = "{base}"
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def extension(tmp_path: Path, base: str = "../mini", **files: str) -> Path:
    """A pack in tmp_path/ext extending a copy of the mini pack in tmp_path/mini."""
    if not (tmp_path / "mini").exists():
        shutil.copytree(MINI_PACK, tmp_path / "mini")
    named = {name.replace("_toml", ".toml"): text for name, text in files.items()}
    return write(tmp_path / "ext", {"pack.toml": PACK_TOML.format(base=base), **named})


def loaded(folder: Path) -> Pack:
    result = load_pack(folder)
    assert not result.problems, [p.render("en") for p in result.problems]
    assert result.pack is not None
    return result.pack


def problems(folder: Path) -> list[Problem]:
    result = load_pack(folder)
    assert result.pack is None and result.problems
    for problem in result.problems:
        assert problem.render("nl") and problem.render("en")  # every message fills in
    return list(result.problems)


def ids(pack: Pack, step: str) -> list[str]:
    section = next(s for s in pack.sections if s.id == step)
    return [p.id for p in section.prompts]


def test_only_pack_toml_is_the_base_itself(tmp_path: Path) -> None:
    pack = loaded(extension(tmp_path))
    base = loaded(MINI_PACK)
    assert pack.info.name == "Pabo Noord" and pack.info.extends == "../mini"
    assert [ids(pack, s.id) for s in pack.sections] == [ids(base, s.id) for s in base.sections]
    assert pack.profiles == base.profiles and pack.paths == base.paths and pack.ui == base.ui


def test_builtin_base_by_language(tmp_path: Path) -> None:
    pack = loaded(write(tmp_path / "ext", {"pack.toml": PACK_TOML.format(base="en").replace('"nl"', '"en"')}))
    assert pack.info.language == "en" and ids(pack, "kan")[0] == "kan-moment"


def test_add_place_replace_remove(tmp_path: Path) -> None:
    kan = """\
remove = ["kan-feedback"]

[step]
intro = "Onze eigen inleiding."

[[prompt]]
id = "kan-stage"
after = "kan-sterk"
kind = "long_text"
label = "Wat ging goed op je stage?"

[[prompt]]
id = "kan-eerst"
before = "kan-sterk"
kind = "short_text"
label = "In één woord?"

[[prompt]]
id = "kan-rol"
kind = "long_text"
label = "Welke rol past bij je? Vertel."

[[prompt]]
id = "kan-laatst"
kind = "long_text"
label = "Nog iets?"
"""
    paths = 'remove = ["leiderschap"]\n\n[[path]]\nid = "eigen"\nname = "Eigen pad"\ndescription = "Iets anders."\n'
    ui = 'app_tagline = "Onze opleiding."\n'
    pack = loaded(extension(tmp_path, kan_toml=kan, paths_toml=paths, ui_toml=ui))
    assert ids(pack, "kan") == ["kan-eerst", "kan-sterk", "kan-stage", "kan-rol", "kan-laatst"]
    kan_step = pack.competencies[0]
    assert kan_step.intro == "Onze eigen inleiding." and kan_step.name == "Kwaliteitenreflectie"
    replaced = pack.prompt("kan-rol")
    assert replaced is not None and replaced.label == "Welke rol past bij je? Vertel."
    assert [p.id for p in pack.paths] == ["expert", "eigen"]
    assert pack.text("app_tagline") == "Onze opleiding."
    assert pack.text("app_title") == loaded(MINI_PACK).text("app_title")


def test_mistakes_point_at_the_extending_file(tmp_path: Path) -> None:
    kan = """\
remove = ["kan-feedbak"]

[[prompt]]
id = "kan-stage"
kind = "long_text"
label = "Stage?"
recall = ["wil-onbekend"]

[[prompt]]
id = "kan-twee"
after = "kan-sterk"
before = "kan-sterk"
kind = "long_text"
label = "Twee?"
"""
    found = problems(extension(tmp_path, kan_toml=kan))
    where = {(Path(p.file).name, p.line, p.column, p.code) for p in found}
    assert where == {
        ("kan.toml", 1, 11, "remove_unknown"),
        ("kan.toml", 7, 1, "ref_unknown"),
        ("kan.toml", 12, 1, "place_both"),
    }
    assert "Did you mean 'kan-feedback'?" in " ".join(p.text("en") for p in found)


def test_mistakes_found_once_the_steps_are_laid_over(tmp_path: Path) -> None:
    """Placing beside an unknown prompt, and removing one a kept prompt still recalls."""
    kan = '[[prompt]]\nid = "kan-stage"\nafter = "kan-sterkk"\nkind = "long_text"\nlabel = "Stage?"\n'
    hoe = 'remove = ["hoe-acties"]\n'  # wie-mensen (kept from the base) still recalls hoe-acties
    found = problems(extension(tmp_path, kan_toml=kan, hoe_toml=hoe))
    assert {(Path(p.file).name, p.line, p.column, p.code) for p in found} >= {
        ("kan.toml", 3, 1, "place_unknown"),
        ("hoe.toml", 1, 11, "remove_still_used"),
    }
    assert "Did you mean 'kan-sterk'?" in " ".join(p.text("en") for p in found)


def test_missing_base_cycle_and_language(tmp_path: Path) -> None:
    missing = problems(extension(tmp_path, base="../nergens"))
    assert [(p.code, p.line, p.column) for p in missing] == [("extends_missing", 5, 1)]
    write(tmp_path / "a", {"pack.toml": PACK_TOML.format(base="../b")})
    write(tmp_path / "b", {"pack.toml": PACK_TOML.format(base="../a")})
    cycle = problems(tmp_path / "a")
    assert "extends_cycle" in {p.code for p in cycle}
    assert all(p.line == 5 for p in cycle if p.code == "extends_cycle")
    other = problems(write(tmp_path / "en-ext", {"pack.toml": PACK_TOML.format(base="en")}))
    assert [(p.code, p.line) for p in other] == [("extends_language", 4)]
    empty = problems(write(tmp_path / "empty", {"pack.toml": PACK_TOML.format(base=" ")}))
    assert {p.code for p in empty} == {"file_missing", "too_few"}  # extends nothing: a whole pack of its own


def test_broken_base_reports_its_own_files(tmp_path: Path) -> None:
    folder = extension(tmp_path)
    (tmp_path / "mini" / "kan.toml").write_text('[step]\nname = "x"\n', encoding="utf-8")
    found = problems(folder)
    assert "extends_broken" in {p.code for p in found}
    assert any(Path(p.file).name == "kan.toml" and Path(p.file).parent.name == "mini" for p in found)


def test_edit_keys_without_extends(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    shutil.copytree(MINI_PACK, folder)
    text = (folder / "kan.toml").read_text(encoding="utf-8")
    (folder / "kan.toml").write_text(
        'remove = ["kan-rol"]\n' + text.replace('id = "kan-rol"', 'id = "kan-rol"\nafter = "kan-sterk"')
    )
    found = problems(folder)
    assert {(p.code, p.line) for p in found} == {("extends_only", 1), ("extends_only", 24)}
