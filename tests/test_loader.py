"""The pack loader: the good pack loads into the right objects; every broken pack says where and what."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import tomli_w
from hypo import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loopbaan_tui.domain.content import builtin
from loopbaan_tui.domain.content.loader import MAX_FILE_BYTES, PROMPT_SPEC, REQUIRED_FILES, LoadResult, load_pack
from loopbaan_tui.domain.content.model import Kind, Pack
from loopbaan_tui.domain.content.problems import Problem
from loopbaan_tui.domain.content.tomlsource import syntax_position

MINI_PACK = Path(__file__).parent / "packs" / "mini"


class PackCopy:
    """A copy of the mini pack in a temporary folder, to break one file at a time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        shutil.copytree(MINI_PACK, folder)

    def path(self, name: str) -> Path:
        return self.folder / name

    def write(self, name: str, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        self.path(name).write_bytes(data)

    def append(self, name: str, content: str) -> int:
        """Add text at the end of a file; the line number where it starts."""
        old = self.path(name).read_text(encoding="utf-8") if self.path(name).exists() else ""
        if old and not old.endswith("\n"):
            old += "\n"
        self.path(name).write_text(old + content, encoding="utf-8")
        return old.count("\n") + 1

    def replace(self, name: str, old: str, new: str) -> None:
        text = self.path(name).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        self.path(name).write_text(text.replace(old, new, 1), encoding="utf-8")

    def remove(self, name: str) -> None:
        self.path(name).unlink()

    def load(self) -> LoadResult:
        return load_pack(self.folder)

    def problems(self) -> tuple[Problem, ...]:
        result = self.load()
        assert result.pack is None
        assert result.problems
        for problem in result.problems:  # every problem can be shown in both languages
            problem.render("nl")
            problem.render("en")
        return result.problems

    def only(self, code: str) -> Problem:
        """The one problem the pack has, which must be of this kind."""
        problems = self.problems()
        assert [p.code for p in problems] == [code], [p.render("en") for p in problems]
        return problems[0]


@pytest.fixture
def pack(tmp_path: Path) -> PackCopy:
    return PackCopy(tmp_path / "pack")


@pytest.fixture
def reference_ui(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A fixed set of built-in UI words, so ui.toml tests do not depend on content/."""
    words = {"app_title": "loopbaan", "greeting": "Hallo {name}, je hebt {count} trajecten.", "quit": "Stoppen"}
    monkeypatch.setattr(builtin, "reference_ui", lambda language: dict(words))
    return words


def prompt(pid: str = "extra", kind: str = "long_text", label: str = '"Een vraag"', **extra: str) -> str:
    """A [[prompt]] block; values are written as TOML source."""
    lines = ["[[prompt]]", f'id = "{pid}"', f'kind = "{kind}"', f"label = {label}"]
    lines += [f"{key} = {value}" for key, value in extra.items()]
    return "\n".join(lines) + "\n"


def rendered(problem: Problem, lang: str = "en") -> str:
    return problem.render(lang)


# The good pack


def test_the_mini_pack_loads_into_the_expected_objects() -> None:
    result = load_pack(MINI_PACK)
    assert result.problems == ()
    pack = result.pack
    assert isinstance(pack, Pack)
    assert pack.info.id == "mini" and pack.info.language == "nl"
    assert [p.id for p in pack.profiles] == ["student", "ervaren"]
    assert [s.id for s in pack.competencies] == ["kan", "wil", "waar", "hoe", "wie"]
    assert pack.competencies[0].question == "Wat kan ik?"
    assert pack.roadmap is not None and pack.roadmap.id == "roadmap"
    assert [s.id for s in pack.sections][-1] == "roadmap"
    assert {p.kind for s in pack.sections for p in s.prompts} == set(Kind) - {Kind.RANKING, Kind.SORT}  # other tests

    rol = pack.prompt("kan-rol")
    assert rol is not None and rol.kind is Kind.SINGLE_CHOICE and rol.allow_other
    assert [o.id for o in rol.options] == ["leren", "ontwikkelen", "organiseren"]
    assert rol.options[0].label == "Het leren van leerlingen ondersteunen"
    balans = pack.prompt("wil-balans")
    assert balans is not None and balans.scales == ("werkplezier", "werkdruk") and balans.then_now
    acties = pack.prompt("hoe-acties")
    assert acties is not None and acties.recall == ("waar-paden", "wil-motieven")
    assert pack.prompt("kan-sterk") is not None and pack.prompt("kan-sterk").required  # type: ignore[union-attr]
    section = pack.section_of("wie-mensen")
    assert section is not None and section.id == "wie"

    waar = pack.competencies[2]
    assert [p.id for p in waar.prompts_for("student")] == ["waar-paden", "waar-stage"]
    assert [p.id for p in waar.prompts_for("ervaren")] == ["waar-paden", "waar-school"]
    assert [p.id for p in pack.paths if p.for_profile("student")] == ["expert"]
    assert [p.id for p in pack.paths if p.for_profile("ervaren")] == ["expert", "leiderschap"]
    assert pack.path("expert") is not None and pack.path("expert").examples == ("vakdidacticus", "onderzoeker")  # type: ignore[union-attr]
    assert pack.scale("werkdruk") is not None and (pack.scale("werkdruk").min, pack.scale("werkdruk").max) == (1, 5)  # type: ignore[union-attr]


def test_a_utf8_byte_order_mark_is_accepted(pack: PackCopy) -> None:
    pack.write("kan.toml", b"\xef\xbb\xbf" + pack.path("kan.toml").read_bytes())
    assert pack.load().problems == ()


def test_windows_line_ends_are_accepted(pack: PackCopy) -> None:
    pack.write("kan.toml", pack.path("kan.toml").read_bytes().replace(b"\n", b"\r\n"))
    assert pack.load().problems == ()


@pytest.mark.parametrize("label", ["'C:\\Users\\jan\\map'", '"C:\\\\Users\\\\jan"', "'''C:\\temp'''"])
def test_windows_paths_written_the_right_way_are_fine(pack: PackCopy, label: str) -> None:
    pack.append("kan.toml", prompt(label=label))
    assert pack.load().problems == ()


def test_hidden_files_are_ignored(pack: PackCopy) -> None:
    pack.write("._kan.toml", b"\x00\x05\x16\x07 macOS resource fork")
    assert pack.load().problems == ()


# TOML syntax


def test_syntax_error_shows_file_line_column_the_line_and_a_caret(pack: PackCopy) -> None:
    start = pack.append("kan.toml", '[[prompt]]\nid = "x"\nkind = long_text\n')
    problem = pack.only("toml_syntax")
    assert problem.file == str(pack.path("kan.toml"))
    assert (problem.line, problem.column) == (start + 2, 8)
    assert problem.source_line == "kind = long_text"
    first, shown, caret = rendered(problem).split("\n")
    assert first.startswith(f"{pack.path('kan.toml')}:{start + 2}:8: TOML error: invalid value.")
    assert shown == "    kind = long_text"
    assert caret == "    " + " " * 7 + "^"
    assert "tekst tussen aanhalingstekens" in problem.render("nl")


def test_syntax_position_is_read_from_the_message_text() -> None:
    """Python 3.11's TOMLDecodeError has the position only in its text."""
    assert syntax_position(ValueError("Invalid value (at line 3, column 5)")) == ("Invalid value", 3, 5)
    assert syntax_position(ValueError("Unclosed array (at end of document)")) == ("Unclosed array", None, None)

    class Newer(ValueError):
        lineno, colno = 7, 2

    assert syntax_position(Newer("Invalid value (at line 7, column 2)")) == ("Invalid value", 7, 2)


def test_a_missing_equals_sign(pack: PackCopy) -> None:
    start = pack.append("kan.toml", '[[prompt]]\nid = "x"\nkind "long_text"\n')
    problem = pack.only("toml_syntax")
    assert problem.line == start + 2
    assert "'key = value'" in rendered(problem)


def test_windows_path_in_double_quotes_gets_the_single_quote_hint(pack: PackCopy) -> None:
    start = pack.append("kan.toml", prompt(label='"Zie C:\\Users\\jan\\map"'))
    problem = pack.only("toml_syntax")
    assert problem.line == start + 3
    assert "single quotes ('C:\\folder\\file')" in rendered(problem)
    assert "enkele aanhalingstekens" in problem.render("nl")


def test_windows_path_that_happens_to_parse_is_still_caught(pack: PackCopy) -> None:
    """ "C:\\temp\\nieuw" is valid TOML, but holds a tab and a new line instead of backslashes."""
    start = pack.append("kan.toml", prompt(label='"Sla op in C:\\temp\\nieuw"'))
    problem = pack.only("windows_path")
    assert (problem.line, problem.column) == (start + 3, 20)
    assert "single quotes" in rendered(problem)
    assert rendered(problem).splitlines()[-1] == "    " + " " * 19 + "^"


def test_duplicate_key_points_at_the_second_one(pack: PackCopy) -> None:
    start = pack.append("kan.toml", prompt(help='"eerste"') + 'help = "tweede"\n')
    problem = pack.only("duplicate_key")
    assert problem.values["key"] == "help"
    assert (problem.line, problem.column) == (start + 5, 1)
    assert problem.source_line == 'help = "tweede"'
    assert "twee keer" in problem.render("nl")


def test_the_same_key_in_two_prompts_is_no_duplicate(pack: PackCopy) -> None:
    pack.append("kan.toml", prompt("een", help='"a"') + prompt("twee", help='"b"'))
    assert pack.load().problems == ()


def test_duplicate_table(pack: PackCopy) -> None:
    start = pack.append("kan.toml", '[step]\nname = "Nog eens"\n')
    problem = pack.only("duplicate_table")
    assert problem.values["table"] == "step"
    assert problem.line == start


@pytest.mark.parametrize("quote", ['"', "'"])
def test_unclosed_string_points_at_its_opening_quote(pack: PackCopy, quote: str) -> None:
    start = pack.append("kan.toml", prompt(label=f"{quote}Waar ben je goed in?", help='"x"'))
    problem = pack.only("toml_syntax")
    assert (problem.line, problem.column) == (start + 3, 9)
    assert '"""' in rendered(problem)
    assert "not closed" in rendered(problem)


def test_unclosed_multi_line_string_points_at_its_start(pack: PackCopy) -> None:
    start = pack.append("kan.toml", prompt(help='"""Eerste regel\ntweede regel\n'))
    problem = pack.only("toml_syntax")
    assert (problem.line, problem.column) == (start + 4, 8)
    assert "not closed" in rendered(problem)


def test_unclosed_list_points_at_its_bracket(pack: PackCopy) -> None:
    start = pack.append("kan.toml", prompt(profiles='["student",') + "\n" + prompt("nog-een"))
    problem = pack.only("toml_syntax")
    assert (problem.line, problem.column) == (start + 4, 12)
    assert "not closed with ]" in rendered(problem)


def test_curly_quotes_from_word(pack: PackCopy) -> None:
    pack.append("kan.toml", prompt(label="“Waar ben je goed in?”"))
    problem = pack.only("toml_syntax")
    assert "not curly ones" in rendered(problem)
    assert "niet in Word" in problem.render("nl")


def test_quote_marks_inside_a_text(pack: PackCopy) -> None:
    pack.append("kan.toml", prompt(label='"Wat is "goed" werk?"'))
    problem = pack.only("toml_syntax")
    assert "single quote marks ('What is \"good\"?')" in rendered(problem)


def test_deeply_nested_lists_are_a_problem_not_a_crash(pack: PackCopy) -> None:
    pack.append("kan.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")
    problem = pack.only("toml_too_deep")
    assert problem.file == str(pack.path("kan.toml"))


# Text encoding


def test_file_not_in_utf8_says_save_as_utf8(pack: PackCopy) -> None:
    text = pack.path("kan.toml").read_text(encoding="utf-8").replace("Wat kan ik?", "Wät kan ik?")
    pack.write("kan.toml", text.encode("latin-1"))  # what Notepad calls "ANSI"
    problem = pack.only("encoding_not_utf8")
    assert (problem.line, problem.column) == (3, 14)
    assert "Save it as UTF-8" in rendered(problem)
    assert "Sla het op als UTF-8" in problem.render("nl")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named(pack: PackCopy, encoding: str) -> None:
    pack.write("kan.toml", pack.path("kan.toml").read_text(encoding="utf-8").encode(encoding))
    problem = pack.only("encoding_utf16")
    assert "UTF-8" in rendered(problem)


# The shape of the data


def test_missing_required_key(pack: PackCopy) -> None:
    start = pack.append("kan.toml", '[[prompt]]\nid = "x"\nkind = "long_text"\n')
    problem = pack.only("key_missing")
    assert problem.values["key"] == "label"
    assert problem.line == start  # the prompt's [[prompt]] line
    assert rendered(problem).endswith("'label' is missing (prompt 'x'). Add a line label = ... .")


@pytest.mark.parametrize(
    ("extra", "key", "actual"),
    [
        ({"label": "3"}, "label", "a number"),
        ({"required": '"ja"'}, "required", "text"),
        ({"profiles": '"student"'}, "profiles", "text"),
        ({"help": "2024-01-01"}, "help", "a date or time"),
        ({"help.nl": '"x"'}, "help", "a table"),
    ],
)
def test_wrong_type(pack: PackCopy, extra: dict[str, str], key: str, actual: str) -> None:
    fields = {"label": '"Een vraag"', **extra}
    start = pack.append("kan.toml", prompt(**fields))  # type: ignore[arg-type]
    problem = pack.only("wrong_type")
    assert problem.values["key"] == key
    assert problem.line is not None and problem.line > start
    assert f"but is {actual} (prompt 'extra')" in rendered(problem)


def test_scale_bounds_must_be_whole_numbers(pack: PackCopy) -> None:
    pack.replace("scales.toml", 'high = "veel"', 'high = "veel"\nmax = 5.5')
    problem = pack.only("wrong_type")
    assert "'max' must be a whole number" in rendered(problem)


def test_unknown_key_suggests_the_right_one(pack: PackCopy) -> None:
    start = pack.append("kan.toml", prompt(hlep='"Denk aan een les."'))
    problem = pack.only("key_unknown")
    assert problem.line == start + 4
    assert "Did you mean 'help'?" in rendered(problem)
    assert "Bedoel je 'help'?" in problem.render("nl")


def test_unknown_key_without_a_close_match_says_what_to_do(pack: PackCopy) -> None:
    pack.append("kan.toml", prompt(kleur='"rood"'))
    problem = pack.only("key_unknown")
    assert "Remove the line or check the spelling." in rendered(problem)


def test_unknown_table_at_the_top_level(pack: PackCopy) -> None:
    pack.append("kan.toml", '[stap]\nname = "x"\n')
    problem = pack.only("key_unknown")
    assert "Did you mean 'step'?" in rendered(problem)


def test_unknown_prompt_kind(pack: PackCopy) -> None:
    start = pack.append("kan.toml", prompt(kind="longtext"))
    problem = pack.only("kind_unknown")
    assert problem.line == start + 2
    assert "Did you mean 'long_text'?" in rendered(problem)
    assert "multiple_choice" in rendered(problem)  # the kinds there are


def test_key_not_valid_for_the_kind(pack: PackCopy) -> None:
    start = pack.append("kan.toml", prompt(kind="long_text", then_now="true"))
    problem = pack.only("key_not_for_kind")
    assert problem.values["key"] == "then_now" and problem.line == start + 4


def test_single_table_where_a_list_of_tables_belongs(pack: PackCopy) -> None:
    text = pack.path("wie.toml").read_text(encoding="utf-8").replace("[[prompt]]", "[prompt]")
    pack.write("wie.toml", text)
    problem = pack.only("table_not_array")
    assert problem.line == 6
    assert "[[prompt]]" in rendered(problem)


def test_list_of_tables_where_one_table_belongs(pack: PackCopy) -> None:
    pack.replace("wie.toml", "[step]", "[[step]]")
    problem = pack.only("table_is_array")
    assert problem.line == 1


def test_missing_step_table(pack: PackCopy) -> None:
    text = pack.path("wie.toml").read_text(encoding="utf-8")
    pack.write("wie.toml", text[text.index("[[prompt]]") :])
    problem = pack.only("table_missing")
    assert problem.values["table"] == "step"


def test_a_step_without_prompts(pack: PackCopy) -> None:
    text = pack.path("wie.toml").read_text(encoding="utf-8")
    pack.write("wie.toml", text[: text.index("[[prompt]]")])
    problem = pack.only("too_few")
    assert problem.values["key"] == "[[prompt]]"


def test_unsupported_language(pack: PackCopy) -> None:
    pack.replace("pack.toml", 'language = "nl"', 'language = "fr"')
    problem = pack.only("language_unknown")
    assert problem.line == 4


# Ids


def test_duplicate_id_across_files(pack: PackCopy) -> None:
    start = pack.append("wie.toml", prompt("kan-sterk"))
    problem = pack.only("id_duplicate")
    assert problem.file == str(pack.path("wie.toml"))
    assert problem.line == start + 1
    assert problem.values["other"] == "kan.toml:7"


@pytest.mark.parametrize("bad", ["Mijn Vraag", "vraag!", "vráág", "-vraag", "vraag-", "a--b", "x" * 65])
def test_ids_must_be_slugs(pack: PackCopy, bad: str) -> None:
    start = pack.append("kan.toml", prompt(bad))
    problem = pack.only("id_not_slug")
    assert problem.line == start + 1
    assert "lower-case letters" in rendered(problem)


@pytest.mark.parametrize("good", ["kan-sterk-2", "a", "wil_1", "x" * 64])
def test_slugs_that_are_fine(pack: PackCopy, good: str) -> None:
    pack.append("kan.toml", prompt(good))
    assert pack.load().problems == ()


def test_option_ids(pack: PackCopy) -> None:
    start = pack.append(
        "kan.toml",
        prompt(
            kind="single_choice",
            options='[\n  { id = "Ja Graag", label = "Ja" },\n  { id = "nee", label = "Nee" },\n'
            '  { id = "nee", label = "Nee hoor" },\n  { id = "misschien" },\n]',
        ),
    )
    problems = pack.problems()
    assert [(p.code, p.line) for p in problems] == [
        ("id_not_slug", start + 5),
        ("option_duplicate", start + 7),
        ("key_missing", start + 8),
    ]
    assert "(prompt 'extra', option 4)" in rendered(problems[2])


# References


@pytest.mark.parametrize(
    ("kind", "key", "value", "suggested"),
    [
        ("paths", "paths", '["expret"]', "expert"),
        ("scale", "scales", '["werkplzier"]', "werkplezier"),
        ("long_text", "profiles", '["studnet"]', "student"),
        ("long_text", "recall", '["kan-strek"]', "kan-sterk"),
    ],
)
def test_references_that_do_not_exist(pack: PackCopy, kind: str, key: str, value: str, suggested: str) -> None:
    start = pack.append("kan.toml", prompt(kind=kind, **{key: value}))
    problem = pack.only("ref_unknown")
    assert problem.values["key"] == key
    assert problem.line == start + 4
    assert f"Did you mean '{suggested}'?" in rendered(problem)
    assert "There are: " in rendered(problem)


def test_career_path_for_an_unknown_profile(pack: PackCopy) -> None:
    pack.replace("paths.toml", 'profiles = ["ervaren"]', 'profiles = ["ervaaren"]')
    problem = pack.only("ref_unknown")
    assert problem.file == str(pack.path("paths.toml")) and problem.line == 13


def test_paths_prompt_needs_career_paths(pack: PackCopy) -> None:
    pack.remove("paths.toml")
    problem = pack.only("no_paths")
    assert problem.file == str(pack.path("waar.toml"))


def test_scale_prompt_needs_scales(pack: PackCopy) -> None:
    pack.append("kan.toml", prompt(kind="scale"))
    problem = pack.only("too_few")
    assert problem.values["key"] == "scales"


def test_every_profile_needs_a_prompt_in_every_step(pack: PackCopy) -> None:
    pack.replace("waar.toml", 'profiles = ["student"]', 'profiles = ["ervaren"]')
    pack.replace("waar.toml", 'kind = "paths"', 'kind = "paths"\nprofiles = ["ervaren"]')
    problem = pack.only("profile_no_prompts")
    assert problem.values["profile"] == "student"


def test_every_profile_needs_a_career_path_to_pick(pack: PackCopy) -> None:
    pack.replace("waar.toml", 'kind = "paths"', 'kind = "paths"\npaths = ["leiderschap"]')
    problem = pack.only("profile_no_paths")  # leiderschap is for "ervaren" only
    assert problem.values["profile"] == "student"
    assert (problem.file, problem.line) == (str(pack.path("waar.toml")), 9)


def test_references_into_a_broken_file_are_not_reported_twice(pack: PackCopy) -> None:
    pack.append("pack.toml", "this is not toml\n")
    problem = pack.only("toml_syntax")  # no "profile 'student' does not exist" on top
    assert problem.file == str(pack.path("pack.toml"))


# Empty texts and lists


@pytest.mark.parametrize("label", ['""', '"   "', "'''\n'''"])
def test_empty_label(pack: PackCopy, label: str) -> None:
    pack.append("kan.toml", prompt(label=label))
    problem = pack.only("empty_text")
    assert problem.values["key"] == "label"
    assert "Write some text in it." in rendered(problem)


def test_empty_text_in_a_list(pack: PackCopy) -> None:
    pack.replace("paths.toml", '"onderzoeker"', '""')
    assert pack.only("empty_text").values["key"] == "examples"


@pytest.mark.parametrize("options", ['[{ id = "ja", label = "Ja" }]', "[]", None])
def test_choice_needs_two_options(pack: PackCopy, options: str | None) -> None:
    extra = {"options": options} if options is not None else {}
    pack.append("kan.toml", prompt(kind="multiple_choice", **extra))
    problem = pack.only("too_few")
    assert problem.values == {"key": "options", "minimum": 2, "where": problem.values["where"]}


def test_options_written_as_plain_texts(pack: PackCopy) -> None:
    pack.append("kan.toml", prompt(kind="single_choice", options='["ja", "nee"]'))
    problem = pack.only("wrong_type")
    assert "but is a list of texts" in rendered(problem)


@pytest.mark.parametrize(("low", "high"), [(5, 1), (3, 3), (0, 100)])
def test_bad_scale_range(pack: PackCopy, low: int, high: int) -> None:
    pack.replace("scales.toml", 'high = "hoog"', f'high = "hoog"\nmin = {low}\nmax = {high}')
    problem = pack.only("scale_range")
    assert problem.file == str(pack.path("scales.toml"))
    assert problem.line == 13
    assert (problem.values["min"], problem.values["max"]) == (low, high)


@pytest.mark.parametrize(("written", "better"), [(None, None), ("high", "high"), ("low", "low"), ("neither", None)])
def test_a_scale_says_which_end_is_better(pack: PackCopy, written: str | None, better: str | None) -> None:
    if written:
        pack.replace("scales.toml", 'high = "hoog"', f'high = "hoog"\nbetter = "{written}"')
    result = pack.load()
    assert result.pack is not None, [p.render("en") for p in result.problems]
    scale = result.pack.scale("werkdruk")
    assert scale is not None and scale.better == better
    assert result.pack.scale("werkplezier").better is None, "absent: neither end is better"


@pytest.mark.parametrize(
    ("written", "hint"), [("hoog", "Did you mean 'high'?"), ("Low", "Did you mean 'low'?"), ("up", ""), ("", "")]
)
def test_an_unknown_better_says_where_and_what_to_choose(pack: PackCopy, written: str, hint: str) -> None:
    pack.replace("scales.toml", 'high = "hoog"', f'high = "hoog"\nbetter = "{written}"')
    problem = pack.only("better_unknown")
    assert problem.file == str(pack.path("scales.toml"))
    assert (problem.line, problem.column) == (12, 1)
    text = rendered(problem)
    assert hint in text and "Choose 'high'" in text and "'low'" in text and "'neither'" in text
    assert "Kies 'high'" in rendered(problem, "nl")


def test_better_must_be_text(pack: PackCopy) -> None:
    pack.replace("scales.toml", 'high = "hoog"', 'high = "hoog"\nbetter = 1')
    problem = pack.only("wrong_type")
    assert problem.line == 12


@pytest.mark.parametrize("profiles", ["", "profile = []\n"])
def test_a_pack_needs_a_profile(pack: PackCopy, profiles: str) -> None:
    text = pack.path("pack.toml").read_text(encoding="utf-8")
    pack.write("pack.toml", profiles + text[: text.index("[[profile]]")])
    problems = pack.problems()
    assert problems[0].code == "too_few" and problems[0].values["key"] == "[[profile]]"


# The folder and its files


def test_folder_that_does_not_exist(tmp_path: Path) -> None:
    result = load_pack(tmp_path / "nergens")
    assert [p.code for p in result.problems] == ["folder_missing"]
    assert result.problems[0].file == str(tmp_path / "nergens")


def test_a_file_instead_of_a_folder(pack: PackCopy) -> None:
    result = load_pack(pack.path("kan.toml"))
    assert [p.code for p in result.problems] == ["folder_not_dir"]


def test_folder_without_toml_files(tmp_path: Path) -> None:
    (tmp_path / "notities.txt").write_text("hallo", encoding="utf-8")
    result = load_pack(tmp_path)
    assert [p.code for p in result.problems] == ["folder_empty"]
    assert "Copy an existing pack" in result.problems[0].render("en")


@pytest.mark.parametrize("name", REQUIRED_FILES)
def test_missing_required_file(pack: PackCopy, name: str) -> None:
    pack.remove(name)
    problem = pack.only("file_missing")  # and nothing else: no references into the missing file
    assert problem.file == str(pack.path(name))
    assert problem.values["name"] == name


def test_unknown_file_suggests_the_right_name(pack: PackCopy) -> None:
    pack.write("scale.toml", "")
    problem = pack.only("file_unknown")
    assert "Did you mean 'scales.toml'?" in rendered(problem)


def test_file_saved_with_txt_at_the_end(pack: PackCopy) -> None:
    pack.path("kan.toml").rename(pack.path("kan.toml.txt"))
    problem = pack.only("file_txt")  # and not also "kan.toml is missing"
    assert problem.values["fixed"] == "kan.toml"


def test_absurdly_large_file(pack: PackCopy) -> None:
    pack.append("kan.toml", "# " + "x" * MAX_FILE_BYTES + "\n")
    problem = pack.only("file_too_large")
    assert problem.values["limit"] == MAX_FILE_BYTES // 1000
    assert "too large" in rendered(problem)


def test_a_folder_with_the_name_of_a_file(pack: PackCopy) -> None:
    pack.remove("kan.toml")
    pack.path("kan.toml").mkdir()
    assert pack.only("file_is_folder").file == str(pack.path("kan.toml"))


# ui.toml


def test_ui_words_override_the_built_in_ones(pack: PackCopy, reference_ui: dict[str, str]) -> None:
    pack.write("ui.toml", 'quit = "Klaar"\ngreeting = "Dag {name}: {count} stuks, {{zo}}."\n')
    loaded = pack.load().pack
    assert loaded is not None
    assert loaded.ui["quit"] == "Klaar"
    assert loaded.ui["app_title"] == "loopbaan"  # missing keys fall back to the built-in pack
    assert loaded.text("greeting", name="Ans", count=2) == "Dag Ans: 2 stuks, {zo}."


def test_ui_unknown_key(pack: PackCopy, reference_ui: dict[str, str]) -> None:
    pack.write("ui.toml", 'app_titel = "x"\n')
    problem = pack.only("key_unknown")
    assert (problem.file, problem.line) == (str(pack.path("ui.toml")), 1)
    assert "Did you mean 'app_title'?" in rendered(problem)


@pytest.mark.parametrize(("value", "name"), [("Hoi {naam}", "naam"), ("Hoi {}", ""), ("Hoi {0}", "0")])
def test_ui_placeholder_that_does_not_exist(
    pack: PackCopy, reference_ui: dict[str, str], value: str, name: str
) -> None:
    pack.write("ui.toml", f'app_title = "ok"\ngreeting = "{value}"\n')
    problem = pack.only("ui_placeholder")
    assert problem.line == 2 and problem.values["name"] == name
    assert "Possible: {count}, {name}." in rendered(problem)


def test_ui_placeholder_in_a_text_that_has_none(pack: PackCopy, reference_ui: dict[str, str]) -> None:
    pack.write("ui.toml", 'quit = "Stop {nu}"\n')
    assert "Remove it" in rendered(pack.only("ui_placeholder"))


@pytest.mark.parametrize("value", ["Hoi {name", "Hoi } daar", "Hoi {name!x}"])
def test_ui_stray_braces(pack: PackCopy, reference_ui: dict[str, str], value: str) -> None:
    pack.write("ui.toml", f'greeting = "{value}"\n')
    problem = pack.only("ui_braces")
    assert "{{" in rendered(problem)


def test_ui_value_must_be_text(pack: PackCopy, reference_ui: dict[str, str]) -> None:
    pack.write("ui.toml", "quit = 3\n")
    assert pack.only("wrong_type").values["key"] == "quit"


# All problems at once, in order


def test_all_problems_are_gathered_at_once(pack: PackCopy) -> None:
    kan = pack.append("kan.toml", '[[prompt]]\nid = "x"\nkind = "long_text"\n')
    wil = pack.append("wil.toml", prompt("y", kind="langtekst"))
    paths = pack.append("paths.toml", '[[path]]\nid = "z"\nname = "Nieuw pad"\n')
    problems = pack.problems()
    assert [(Path(p.file).name, p.code, p.line) for p in problems] == [
        ("kan.toml", "key_missing", kan),
        ("paths.toml", "key_missing", paths),
        ("wil.toml", "kind_unknown", wil + 2),
    ]


def test_a_syntax_error_does_not_hide_problems_in_other_files(pack: PackCopy) -> None:
    pack.append("kan.toml", "kind = \n")
    pack.append("wie.toml", prompt("wie-2", hlep='"x"'))
    assert [p.code for p in pack.problems()] == ["toml_syntax", "key_unknown"]


def test_problems_are_sorted_by_file_and_line(pack: PackCopy) -> None:
    pack.append("wil.toml", prompt("b", kleur='"rood"'))
    pack.append("kan.toml", prompt("a", kleur='"rood"') + prompt("c", kind="nope"))
    pack.replace("hoe.toml", 'label = "Welke stappen zet je?"', 'label = ""')
    problems = pack.problems()
    keys = [(p.file, p.line or 0, p.column or 0) for p in problems]
    assert keys == sorted(keys)
    assert [Path(p.file).name for p in problems] == ["hoe.toml", "kan.toml", "kan.toml", "wil.toml"]


# How problems are shown


def test_control_characters_never_reach_the_terminal(pack: PackCopy) -> None:
    pack.append("kan.toml", "\x1b[31mrood = 1\n")
    text = rendered(pack.only("toml_syntax"))
    assert "\x1b" not in text and "\ufffd[31mrood" in text


def test_a_very_long_line_is_shown_around_the_column(pack: PackCopy) -> None:
    start = pack.append("kan.toml", 'help = "' + "x" * 400 + '" y\n')
    problem = pack.only("toml_syntax")
    assert problem.line == start
    _, shown, caret = rendered(problem).split("\n")
    assert len(shown) < 120 and shown.strip().startswith("…")
    assert shown[caret.index("^") :].startswith("y")


def test_caret_under_wide_letters(pack: PackCopy) -> None:
    pack.append("kan.toml", "help = '日本語' x\n")
    _, _, caret = rendered(pack.only("toml_syntax")).split("\n")
    assert caret.index("^") == len("    help = '日本語' ") + 3  # three letters, six columns


# Whatever the files hold, the loader answers with a pack or problems, never an exception.


@pytest.fixture
def fuzz_pack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PackCopy]:
    yield PackCopy(tmp_path_factory.mktemp("fuzz") / "pack")


def _answers(write: Callable[[], None], pack: PackCopy) -> None:
    write()
    result = pack.load()
    assert (result.pack is None) == bool(result.problems)
    for problem in result.problems:
        problem.render("nl")
        problem.render("en")


@settings(max_examples=examples(25, 60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=400)
    | st.text(max_size=400).map(lambda t: t.encode("utf-8"))
    | st.text(alphabet="[]{}\"'=#.,\\ \t\nabc1“", max_size=200).map(lambda t: t.encode("utf-8"))
)
def test_any_bytes_give_problems_not_exceptions(fuzz_pack: PackCopy, data: bytes) -> None:
    _answers(lambda: fuzz_pack.write("kan.toml", data), fuzz_pack)


_VALUES = st.recursive(
    st.booleans()
    | st.integers(-10, 100)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["kan-sterk", "student", "expert", "werkdruk", "long_text", "scale"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "label", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)
_KEYS = st.sampled_from([*PROMPT_SPEC, "hlep", "Label"])


@settings(max_examples=examples(20, 50), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prompts=st.lists(st.dictionaries(_KEYS, _VALUES, max_size=6), max_size=3))
def test_any_prompt_values_give_problems_not_exceptions(fuzz_pack: PackCopy, prompts: list[dict]) -> None:
    def write() -> None:
        step = {"name": "Kwaliteitenreflectie", "question": "Wat kan ik?", "intro": "Intro"}
        fuzz_pack.write("kan.toml", tomli_w.dumps({"step": step, "prompt": prompts}))

    _answers(write, fuzz_pack)
