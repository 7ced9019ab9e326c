"""show_if: which prompts a traject shows for its answers, and every mistake in a condition with file:line:col."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.content.problems import Problem
from loopbaan_tui.domain.roadmap.roadmap import build_markdown
from loopbaan_tui.domain.trajects.traject import Traject, overall_progress, progress
from loopbaan_tui.domain.trajects.visibility import is_shown, visible_options, visible_prompts

PACKS = Path(__file__).parent / "packs"
CONDITIONAL = PACKS / "conditional"


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(CONDITIONAL)
    assert result.pack is not None, [p.render("en") for p in result.problems]
    return result.pack


def shown(pack: Pack, traject: Traject, step: str) -> list[str]:
    section = next(s for s in pack.sections if s.id == step)
    return [p.id for p in visible_prompts(pack, section, traject)]


def test_prompts_follow_the_answers(pack: Pack) -> None:
    traject = Traject(id="t", name="T", profile="ervaren", pack=str(CONDITIONAL))
    assert shown(pack, traject, "kan") == ["kan-sterk", "kan-feedback", "kan-rol"]
    assert shown(pack, traject, "wil") == ["wil-motieven", "wil-balans", "wil-energie"]
    traject.set_answer("kan-sterk", "Uitleggen.")
    traject.set_answer("wil-motieven", {"choices": ["afwisseling"]})
    traject.set_answer("wil-balans", {"werkdruk": {"then": 2, "now": 4}})
    assert shown(pack, traject, "kan") == ["kan-sterk", "kan-voorbeeld", "kan-feedback", "kan-rol"]
    assert shown(pack, traject, "wil") == ["wil-motieven", "wil-afwisseling", "wil-balans", "wil-energie", "wil-druk"]
    traject.set_answer("wil-druk", "Vergaderen.")
    assert "wil-verder" in shown(pack, traject, "wil")  # any = [...]: one answered is enough
    assert progress(pack.competencies[1], "ervaren", traject, pack=pack)[1] == 6
    # A student never gets wil-druk (all = [..., profile]); its stored answer stays but counts for nothing.
    student = Traject(id="s", name="S", profile="student", pack=str(CONDITIONAL), answers=dict(traject.answers))
    assert "wil-druk" not in shown(pack, student, "wil")
    prompt = pack.prompt("wil-druk")
    assert prompt is not None and not is_shown(pack, prompt, student) and "wil-druk" in student.answers
    # Taking the choice back hides the follow-up, and what depended on it (its answer no longer counts).
    traject.set_answer("wil-motieven", {"choices": ["verkennen"]})
    traject.set_answer("wil-druk", None)
    assert shown(pack, traject, "wil") == ["wil-motieven", "wil-balans", "wil-energie", "wil-druk"]
    traject.set_answer("wil-afwisseling", "Andere vakken.")  # answered while it showed, now hidden
    assert "wil-verder" not in shown(pack, traject, "wil")
    assert overall_progress(pack, traject)[1] == sum(len(shown(pack, traject, s.id)) for s in pack.sections)


def test_scale_bounds_read_the_now_score(pack: Pack) -> None:
    traject = Traject(id="t", name="T", profile="ervaren", pack=str(CONDITIONAL))
    traject.set_answer("wil-balans", {"werkdruk": {"then": 5, "now": 3}})
    assert "wil-druk" not in shown(pack, traject, "wil")
    traject.set_answer("wil-balans", {"werkdruk": {"then": 5, "now": "veel"}})  # a hand-edited file
    assert "wil-druk" in shown(pack, traject, "wil")  # no number now: the one for then counts


def test_options_with_a_condition(tmp_path: Path) -> None:
    folder = extend(tmp_path, "wil.toml", OPTIONS)
    result = load_pack(folder)
    assert result.pack is not None, [p.render("en") for p in result.problems]
    prompt = result.pack.prompt("wil-hoe")
    assert prompt is not None
    traject = Traject(id="t", name="T", profile="student", pack=str(folder))
    assert [o.id for o in visible_options(result.pack, prompt, traject)] == ["a"]
    traject.set_answer("wil-motieven", {"choices": ["minder-lesgeven"]})
    assert [o.id for o in visible_options(result.pack, prompt, traject)] == ["a", "b"]


OPTIONS = """\
[[prompt]]
id = "wil-hoe"
kind = "single_choice"
label = "Hoe?"
options = [
    { id = "a", label = "A" },
    { id = "b", label = "B", show_if = { prompt = "wil-motieven", has = "minder-lesgeven" } },
]
"""


def extend(tmp_path: Path, name: str, text: str) -> Path:
    """The conditional pack (and the mini pack it extends) copied, with `name` replaced by `text`."""
    shutil.copytree(PACKS / "mini", tmp_path / "mini")
    shutil.copytree(CONDITIONAL, tmp_path / "conditional")
    (tmp_path / "conditional" / name).write_text(text, encoding="utf-8")
    return tmp_path / "conditional"


def problems_of(folder: Path) -> list[Problem]:
    result = load_pack(folder)
    assert result.pack is None and result.problems
    for problem in result.problems:
        assert problem.render("nl") and problem.render("en")
    return list(result.problems)


def prompt_with(condition: str, kind: str = "long_text", pid: str = "wil-extra") -> str:
    return f'[[prompt]]\nid = "{pid}"\nkind = "{kind}"\nlabel = "Extra?"\nshow_if = {condition}\n'


@pytest.mark.parametrize(
    ("condition", "code", "hint"),
    [
        ('{ prompt = "wil-motiven", has = "x" }', "condition_prompt_unknown", "Did you mean 'wil-motieven'?"),
        ('{ prompt = "wie-mensen", answered = true }', "condition_forward", "only comes later"),
        ('{ prompt = "wil-extra", answered = true }', "condition_forward", "or is this prompt itself"),
        ('{ prompt = "wil-energie", has = "x" }', "condition_kind", "kind short_text"),
        ('{ prompt = "wil-balans", has = "x" }', "condition_kind", "single_choice, multiple_choice, paths"),
        ('{ prompt = "wil-motieven", scale = "werkdruk", at_least = 4 }', "condition_kind", "kinds scale"),
        ('{ prompt = "wil-motieven", has = "afwiseling" }', "condition_value", "Did you mean 'afwisseling'?"),
        ('{ prompt = "wil-balans", scale = "werkplzier", at_most = 2 }', "condition_value", "werkplezier"),
        ('{ prompt = "wil-balans", scale = "werkdruk", at_least = 6 }', "condition_range", "from 6 to 5"),
        ('{ prompt = "wil-balans", scale = "werkdruk", at_least = 4, at_most = 3 }', "condition_range", "4 to 3"),
        ('{ profile = ["sturter"] }', "condition_value", "There are: student, ervaren"),
        ('{ prompt = "wil-motieven", hass = "x" }', "key_unknown", "Did you mean 'has'?"),
        ('{ prompt = "wil-motieven" }', "condition_unclear", "keys: prompt"),
        ('{ prompt = "wil-motieven", has = "x", answered = true }', "condition_unclear", "answered = true"),
        ('{ prompt = "wil-balans", scale = "werkdruk" }', "condition_unclear", "at_least"),
        ('{ prompt = "wil-balans", scale = "werkdruk", at_least = "4" }', "wrong_type", "a whole number"),
        ('{ prompt = "kan-sterk", answered = "ja" }', "wrong_type", "'show_if.answered'"),
        ("{ all = [] }", "wrong_type", "a list of conditions"),
        ('{ any = [{ prompt = "kan-sterk", answerd = true }] }', "key_unknown", "show_if.any.answerd"),
        ('"wil-motieven"', "wrong_type", "a table"),
    ],
)
def test_condition_mistakes(tmp_path: Path, condition: str, code: str, hint: str) -> None:
    found = problems_of(extend(tmp_path, "wil.toml", prompt_with(condition)))
    assert [(Path(p.file).name, p.line, p.column, p.code) for p in found] == [("wil.toml", 5, 1, code)]
    assert hint in found[0].text("en")
    assert "(prompt 'wil-extra')" in found[0].text("en")


def test_a_condition_in_an_option_and_on_a_core_prompt(tmp_path: Path) -> None:
    option = OPTIONS.replace("minder-lesgeven", "minder")
    found = problems_of(extend(tmp_path, "wil.toml", option))
    assert [(p.line, p.code) for p in found] == [(5, "condition_value")]
    assert "(prompt 'wil-hoe', option 2)" in found[0].text("en")
    shutil.rmtree(tmp_path / "conditional")
    shutil.rmtree(tmp_path / "mini")
    # wie has one prompt: with a condition on an answer, the step could stay empty.
    found = problems_of(
        extend(tmp_path, "wie.toml", prompt_with('{ prompt = "kan-sterk", answered = true }', pid="wie-mensen"))
    )
    assert [(Path(p.file).name, p.line, p.code) for p in found] == [("wie.toml", 5, "condition_hides_core")]
    assert "profile 'student'" in found[0].text("en")


def test_has_on_paths(tmp_path: Path) -> None:
    found = problems_of(extend(tmp_path, "hoe.toml", prompt_with('{ prompt = "waar-paden", has = "expret" }')))
    assert [(Path(p.file).name, p.line, p.code) for p in found] == [("hoe.toml", 5, "condition_value")]
    assert "Did you mean 'expert'?" in found[0].text("en")


def test_a_kept_base_prompt_whose_condition_lost_its_prompt(tmp_path: Path) -> None:
    """A pack on top of the conditional pack removes kan-sterk, which kan-voorbeeld's show_if reads."""
    extend(tmp_path, "hoe.toml", "")
    third = tmp_path / "third"
    third.mkdir()
    pack_toml = (CONDITIONAL / "pack.toml").read_text(encoding="utf-8").replace("../mini", "../conditional")
    (third / "pack.toml").write_text(pack_toml, encoding="utf-8")
    (third / "kan.toml").write_text('remove = ["kan-sterk"]\n', encoding="utf-8")
    found = problems_of(third)
    assert [(Path(p.file).name, p.line, p.column, p.code) for p in found] == [("kan.toml", 1, 11, "remove_still_used")]
    assert "kan-voorbeeld" in found[0].text("en")


def test_the_roadmap_leaves_out_a_hidden_answer(pack: Pack) -> None:
    traject = Traject(id="t", name="T", profile="student", pack=str(CONDITIONAL))
    traject.set_answer("wil-motieven", {"choices": ["afwisseling"]})
    traject.set_answer("wil-afwisseling", "Andere vakken geven.")
    assert "Andere vakken geven." in build_markdown(pack, traject)
    traject.set_answer("wil-motieven", {"choices": ["verkennen"]})
    assert "Andere vakken geven." not in build_markdown(pack, traject)
    assert traject.answer("wil-afwisseling") == "Andere vakken geven."
