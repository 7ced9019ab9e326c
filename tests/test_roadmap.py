"""The roadmap writer: golden files, the document's structure, escaping, private and empty answers."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from golden_files import assert_golden
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from trajects import answer_for, fill_traject

from loopbaan_tui.domain.content.builtin import LANGUAGES
from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Kind, Pack, Prompt
from loopbaan_tui.domain.kinds import is_empty
from loopbaan_tui.domain.roadmap.roadmap import build_markdown, escape_inline, readable_date, word
from loopbaan_tui.domain.roadmap.roadmap_html import build_html
from loopbaan_tui.domain.trajects.text import clean_text, clean_value
from loopbaan_tui.domain.trajects.traject import Traject
from loopbaan_tui.domain.words.dates import recognize_date

HERE = Path(__file__).parent
PACK_FOLDER = HERE / "packs" / "roadmap"
TODAY = date(2025, 11, 21)

HOSTILE = (
    "# kop",
    "## kop ##",
    "kop\n===",
    "kop\n---",
    "---",
    "***",
    "_ _ _",
    "```",
    "```python\nx\n```",
    "~~~",
    "<script>alert(1)</script>",
    "<!-- verborgen -->",
    "<b>vet</b>",
    "<http://example.org>",
    "|",
    "a | b",
    "| a | b |\n|---|---|\n| c | d |",
    "a |\n:-",
    "[a]: http://x",
    "[link](http://x)",
    "![img](x.png)",
    "a\\",
    "a\\\nb",
    "\\",
    "\r\n",
    "a\r\nb\rc",
    "1. x",
    "1) x",
    "2024. Een jaar",
    "- x",
    "* x",
    "+ x",
    "> quote",
    "    code",
    "\tcode",
    "&amp; &#35; &copy;",
    "*nadruk* __sterk__",
    "snake_case_name",
    "`code`",
    "~~weg~~",
    "$x$ en $$y$$",
    "%%verborgen%%",
    "#tag",
    "[[wiki]]",
    "[^1]",
    "a  \nb",
    "\u00a0# kop",
    "\u2028# kop",
    "=",
    "  - [ ] taak",
    "<",
    "&",
    "a\n\n\n\nb",
    "\\*niet\\*",
    "\\|",
    "a\\|b",
)

# --- helpers ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pack() -> Pack:
    """The test pack; its document words come from the built-in ui.toml."""
    result = load_pack(PACK_FOLDER)
    assert result.pack is not None, [p.render() for p in result.problems]
    return result.pack


def parse(markdown: str) -> list[Token]:
    """The tokens a CommonMark viewer sees (raw HTML on, as in most viewers) plus GFM tables."""
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def walk(tokens: list[Token]) -> list[Token]:
    """Every token, inline children included."""
    result = []
    for token in tokens:
        result.append(token)
        result.extend(walk(token.children or []))
    return result


def inline_text(tokens: list[Token]) -> str:
    """The document's text as a reader sees it: each inline's text, breaks as newlines."""
    parts = []
    for token in tokens:
        if token.type != "inline":
            continue
        for child in token.children or []:
            if child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
        parts.append("\n")
    return "".join(parts)


def norm(text: str) -> str:
    return " ".join(text.split())


def as_cell(text: str) -> str:
    """What a table cell shows of a text (documented in roadmap.py): line breaks as " / "."""
    return " / ".join(line.strip() for line in text.replace("\t", " ").split("\n") if line.strip())


def headings(tokens: list[Token]) -> list[tuple[int, str]]:
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((int(token.tag[1]), norm(inline_text([tokens[index + 1]]))))
    return found


def expected_texts(pack: Pack, traject: Traject, prompt: Prompt) -> list[str]:
    """Every piece of the user's text in an answer, normalised as it must appear in the document."""
    value = clean_value(traject.answer(prompt.id))
    if is_empty(value):
        return []
    match prompt.kind:
        case Kind.LONG_TEXT | Kind.SHORT_TEXT:
            return [norm(value)]
        case Kind.DATE:
            return [norm(readable_date(pack, date.fromisoformat(value)))]
        case Kind.LIST:
            return [norm(item) for item in value]
        case Kind.SINGLE_CHOICE | Kind.MULTIPLE_CHOICE:
            return [norm(value["other"])] if value.get("other") else []
        case Kind.PATHS:
            return [norm(item["reason"]) for item in value if item.get("reason")]
        case Kind.ACTIONS | Kind.PEOPLE:
            texts = []
            for row in value:
                for key, text in row.items():
                    if key == "status":  # an action's status is shown in words (test_action_status.py)
                        continue
                    if key in ("when", "done") and (found := recognize_date(text)):
                        text = readable_date(pack, found)
                    texts.append(norm(as_cell(text)))
            return [t for t in texts if t]
    return []


def assert_sound(
    pack: Pack, traject: Traject, markdown: str, *, include_private: bool = False, texts: bool = True
) -> list[Token]:
    """One H1, no HTML or code or links, and every visible answer's text recoverable."""
    tokens = parse(markdown)
    everything = walk(tokens)
    kinds = {t.type for t in everything}
    forbidden = {
        "html_block",
        "html_inline",
        "code_block",
        "fence",
        "code_inline",
        "blockquote",
        "hr",
        "ordered_list_open",
        "link_open",
        "image",
        "lheading",
    }
    assert not kinds & forbidden, (kinds & forbidden, markdown)
    assert [level for level, _ in headings(tokens)].count(1) == 1
    assert all(t.markup in ("#", "##", "###") for t in tokens if t.type == "heading_open"), "no setext headings"
    text = norm(inline_text(tokens))
    for section in pack.sections if texts else ():
        for prompt in section.prompts_for(traject.profile):
            if prompt.id in traject.private and not include_private:
                continue
            for piece in expected_texts(pack, traject, prompt):
                assert piece in text, (prompt.id, piece, markdown)
    return tokens


def english(pack: Pack) -> Pack:
    """The same prompts, with the document's own words in English (the built-in English ui.toml)."""
    from loopbaan_tui.domain.content.builtin import reference_ui

    return dataclasses.replace(
        pack, info=dataclasses.replace(pack.info, language="en"), ui={**pack.ui, **reference_ui("en")}
    )


PARTIAL_SKIP = ("kan-feedback", "wil-balans", "hoe-acties", "roadmap-checkin")
PARTIAL_PRIVATE = ("wil-energie", "wie-mensen", "wil-motieven")


def partial(pack: Pack) -> Traject:
    """A traject half done: some prompts empty, some private (one of them empty too)."""
    return fill_traject(pack, "student", skip=(*PARTIAL_SKIP, "wil-motieven"), private=PARTIAL_PRIVATE)


# --- golden files -------------------------------------------------------------------------------

H2_FULL = [
    "Hoe ik kwam waar ik nu sta",
    "Wat kan ik?",
    "Wat wil ik?",
    "Waar kan ik dat doen?",
    "Hoe kan ik dat doen?",
    "Werkplezier in balans",
    "Mijn loopbaanpaden",
    "Waar ik heen ga",
    "Acties",
    "Netwerk",
    "Volgende check-in",
]


@pytest.mark.parametrize("profile", ["student", "ervaren"])
def test_golden_per_profile(pack: Pack, profile: str) -> None:
    traject = fill_traject(pack, profile)
    markdown = build_markdown(pack, traject, today=TODAY)
    assert_golden(f"roadmap-{profile}.md", markdown)
    tokens = assert_sound(pack, traject, markdown)
    assert [text for level, text in headings(tokens) if level == 2] == H2_FULL
    h3 = [text for level, text in headings(tokens) if level == 3]
    assert ("Wanneer praat je met je leidinggevende?" in h3) == (profile == "ervaren"), "a date stays in its step"
    assert "Hoeveel ruimte krijg je om je te ontwikkelen?" in h3, "a scale without then/now stays in its step"
    assert "Hoe staat je werkplezier ervoor?" not in h3, "the balance has a section of its own"
    assert headings(tokens)[0] == (1, "Roadmap: Mijn loopbaan 2025-2026 — 21 november 2025")


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("partial", {}),
        ("partial-open", {"include_empty": True}),
        ("partial-private", {"include_private": True}),
        ("partial-open-private", {"include_empty": True, "include_private": True}),
    ],
)
def test_golden_variants(pack: Pack, name: str, options: dict[str, bool]) -> None:
    traject = partial(pack)
    markdown = build_markdown(pack, traject, today=TODAY, **options)
    assert_golden(f"roadmap-student-{name}.md", markdown)
    assert_sound(pack, traject, markdown, include_private=options.get("include_private", False))


def test_golden_english_words(pack: Pack) -> None:
    pack_en = english(pack)
    traject = fill_traject(pack_en, "student")
    markdown = build_markdown(pack_en, traject, include_empty=True, today=TODAY)
    assert_golden("roadmap-student-en.md", markdown)
    tokens = assert_sound(pack_en, traject, markdown)
    h2 = [text for level, text in headings(tokens) if level == 2]
    assert h2[0] == "How I got here" and "Actions" in h2 and "Next check-in" in h2
    assert "Friday 6 March 2026" in markdown


def test_golden_html(pack: Pack) -> None:
    html = build_html(pack, fill_traject(pack, "student"), today=TODAY)
    assert_golden("roadmap-student.html", html)


# --- what the document holds --------------------------------------------------------------------


def test_private_answers_are_left_out_unless_asked(pack: Pack) -> None:
    traject = fill_traject(pack, "student", private=("kan-sterk", "hoe-acties"))
    hidden = build_markdown(pack, traject, today=TODAY)
    shown = build_markdown(pack, traject, include_private=True, today=TODAY)
    assert "rumoerige klas" not in hidden and "rumoerige klas" in shown
    assert "Meelopen met de intern begeleider" not in hidden and "Meelopen met de intern begeleider" in shown
    assert "## Acties" not in hidden
    assert "Waar ben je goed in?" not in build_markdown(pack, traject, include_empty=True, today=TODAY)


def test_empty_answers_become_open_questions_only_when_asked(pack: Pack) -> None:
    traject = partial(pack)
    default = build_markdown(pack, traject, today=TODAY)
    with_open = build_markdown(pack, traject, include_empty=True, today=TODAY)
    assert "Open vragen" not in default and "Wat zeggen anderen over je?" not in default
    tokens = parse(with_open)
    assert headings(tokens)[-1] == (2, "Open vragen")
    open_part = with_open.split("## Open vragen", 1)[1]
    assert "- Wat zeggen anderen over je? *(Wat kan ik?)*" in open_part
    assert "Wanneer kijk je hier weer naar?" in open_part
    assert "Waarom denk je nu na over je loopbaan?" not in open_part, "private and empty: not listed"


def test_an_empty_traject_is_a_short_document(pack: Pack) -> None:
    traject = Traject(id="leeg", name="", profile="student", pack=str(pack.folder))
    markdown = build_markdown(pack, traject, today=TODAY)
    tokens = assert_sound(pack, traject, markdown)
    assert headings(tokens) == [(1, "Roadmap: leeg — 21 november 2025")]
    everything = build_markdown(pack, traject, include_empty=True, today=TODAY)
    assert everything.count("\n- ") == len(pack.roadmap.prompts) + sum(  # type: ignore[union-attr]
        len(s.prompts_for("student")) for s in pack.competencies
    )


def test_every_answer_appears_once(pack: Pack) -> None:
    markdown = build_markdown(pack, fill_traject(pack, "ervaren"), today=TODAY)
    assert markdown.count("Meelopen met de intern begeleider") == 1
    assert markdown.count("Sanne, mijn buddy") == 1
    assert markdown.count("| Werkplezier |") == 1
    assert markdown.count("dieper in mijn vak") == 1


def test_balance_chart_reads_as_plain_text(pack: Pack) -> None:
    traject = fill_traject(pack, "student")
    traject.set_answer("wil-balans", {"werkplezier": {"then": 2, "now": 5}, "werkdruk": {"then": 4, "now": 2}})
    markdown = build_markdown(pack, traject, today=TODAY)
    assert "| Werkplezier | ██░░░ 2 | █████ 5 | ↑ +3 · beter |" in markdown
    assert "| Werkdruk    | ████░ 4 | ██░░░ 2 | ↓ −2 · beter |" in markdown, "less workload is better"
    assert "1 = weinig · 5 = veel\\\nWerkdruk: 1 = laag · 5 = hoog\n" in markdown
    traject.set_answer("wil-balans", {"werkplezier": {"now": 3}, "werkdruk": {"then": 9, "now": 0}})
    markdown = build_markdown(pack, traject, today=TODAY)
    assert "| Werkplezier | –       | ███░░ 3 |" in markdown
    assert "█████ 9" in markdown and "░░░░░ 0" in markdown, "values off the scale are clamped in the bar"
    traject.set_answer(
        "wil-balans",
        {"werkplezier": {"then": 4, "now": 3}, "werkdruk": {"then": 2, "now": 4}, "autonomie": {"then": 3, "now": 3}},
    )
    markdown = build_markdown(pack, traject, today=TODAY)
    assert "| Werkplezier | ████░ 4 | ███░░ 3 | ↓ −1 · slechter |" in markdown
    assert "| Werkdruk    | ██░░░ 2 | ████░ 4 | ↑ +2 · slechter |" in markdown, "more workload is worse"
    assert "| Autonomie   | ███░░ 3 | ███░░ 3 | = 0             |" in markdown
    traject.set_answer("wil-balans", {"werkplezier": "veel"})
    assert "Werkplezier in balans" not in build_markdown(pack, traject, today=TODAY), "nothing to show, no section"


def test_odd_values_keep_their_words(pack: Pack) -> None:
    traject = fill_traject(pack, "student")
    traject.answers.update(
        {
            "kan-sterk": ["een lijst", "waar tekst hoort"],
            "kan-rol": {"choice": "verdwenen-optie"},
            "waar-paden": [{"path": "weg-pad", "reason": "Reden blijft"}, "expert"],
            "hoe-acties": [{"what": "alleen wat"}, "losse tekst", {"when": 12}],
            "roadmap-checkin": "na de zomer",
            "wil-balans": {"werkplezier": "veel", "onbekend": {"now": 3}},
        }
    )
    markdown = build_markdown(pack, traject, today=TODAY)
    for text in (
        "een lijst",
        "waar tekst hoort",
        "verdwenen-optie",
        "weg-pad",
        "Reden blijft",
        "Van beginner naar expert",
        "alleen wat",
        "losse tekst",
        "na de zomer",
    ):
        assert text in markdown
    assert_sound(pack, traject, markdown, texts=False)


def test_a_neutral_scale_shows_only_the_arrow(pack: Pack) -> None:
    neutral = dataclasses.replace(pack, scales=tuple(dataclasses.replace(s, better=None) for s in pack.scales))
    traject = fill_traject(neutral, "student")
    traject.set_answer("wil-balans", {"werkplezier": {"then": 2, "now": 5}, "werkdruk": {"then": 4, "now": 2}})
    markdown = build_markdown(neutral, traject, today=TODAY)
    assert "| Werkplezier | ██░░░ 2 | █████ 5 | ↑ +3     |" in markdown
    assert "| Werkdruk    | ████░ 4 | ██░░░ 2 | ↓ −2     |" in markdown
    assert "beter" not in markdown and "slechter" not in markdown


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("2026-03-06", "vrijdag 6 maart 2026"),
        ("6-3-2026", "vrijdag 6 maart 2026"),  # typed before dates were checked: still a date
        ("2026-02-30", "2026-02-30"),  # not a date: as typed
        ("na de voorjaarsvakantie", "na de voorjaarsvakantie"),
    ],
)
def test_a_date_prompt_prints_its_date_in_words_or_the_text_as_typed(pack: Pack, stored: str, shown: str) -> None:
    traject = fill_traject(pack, "student")
    traject.set_answer("roadmap-checkin", stored)
    markdown = build_markdown(pack, traject, today=TODAY)
    assert markdown.endswith(f"## Volgende check-in\n\n{shown}\n")
    assert markdown.count("maart 2026") == (1 if "maart" in shown else 0)


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        ("2026-01-15", "donderdag 15 januari 2026"),
        ("15-1-2026", "donderdag 15 januari 2026"),
        ("15 jan 2026", "donderdag 15 januari 2026"),
        ("donderdag 15 januari 2026", "donderdag 15 januari 2026"),
        ("maandag 15 januari 2026", "maandag 15 januari 2026"),  # the wrong weekday: kept as typed, not "corrected"
        ("voor de kerst", "voor de kerst"),
        ("eind maart", "eind maart"),
        ("15 januari", "15 januari"),
    ],
)
def test_an_actions_when_is_a_date_only_when_all_of_it_is(pack: Pack, when: str, shown: str) -> None:
    traject = fill_traject(pack, "student")
    traject.set_answer("hoe-acties", [{"what": "Iets doen", "when": when}])
    markdown = build_markdown(pack, traject, today=TODAY)
    row = next(line for line in markdown.split("\n") if line.startswith("| Iets doen"))
    assert [c.strip() for c in row.strip("|").split("|")][1] == shown
    english_row = next(
        line
        for line in build_markdown(english(pack), traject, today=TODAY).split("\n")
        if line.startswith("| Iets doen")
    )
    if shown != when:
        assert "Thursday 15 January 2026" in english_row


def test_pack_words_override_the_defaults(pack: Pack) -> None:
    custom = dataclasses.replace(pack, ui={**pack.ui, "doc_actions": "Wat ik ga doen", "doc_title": "{name} ({date})"})
    markdown = build_markdown(custom, fill_traject(custom, "student"), today=TODAY)
    assert "## Wat ik ga doen" in markdown
    assert markdown.startswith("# Mijn loopbaan 2025-2026 (21 november 2025)\n")
    assert word(pack, "doc_open") == "Open vragen" and word(english(pack), "doc_open") == "Open questions"


# --- escaping -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("gewoon tekst, met (haakjes) en 5 > 3!", "gewoon tekst, met (haakjes) en 5 > 3!"),
        ("snake_case en _nadruk_", "snake_case en \\_nadruk\\_"),
        ("*ster* `code` a|b [x] ~ $5", "\\*ster\\* \\`code\\` a\\|b \\[x] \\~ \\$5"),
        ("<b> a < b <3 </i> <!--", "\\<b> a < b <3 \\</i> \\<!--"),
        ("&amp; & &x", "\\&amp; & &x"),
        ("C# #tag # los", "C# \\#tag # los"),
        ("a\\ \\* \\", "a\\ \\\\\\* \\\\"),
        ("50% %%x%%", "50% \\%\\%x\\%\\%"),
    ],
)
def test_escape_inline_only_where_needed(text: str, escaped: str) -> None:
    assert escape_inline(text) == escaped


def test_line_breaks_paragraphs_and_indentation(pack: Pack) -> None:
    traject = fill_traject(pack, "student")
    traject.set_answer("kan-sterk", "eerste regel\n    ingesprongen\n\tmet tab\there\n\n\n\ntweede alinea  \nslot\\")
    markdown = build_markdown(pack, traject, today=TODAY)
    assert "eerste regel\\\ningesprongen\\\nmet tab\there\n\ntweede alinea\\\nslot\\\\\n" in markdown
    tokens = parse(markdown)
    assert sum(1 for t in walk(tokens) if t.type == "hardbreak") >= 3


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_keeps_the_structure(pack: Pack, hostile: str) -> None:
    reference = [h for h in headings(parse(build_markdown(pack, fill_traject(pack, "ervaren"), today=TODAY)))]
    traject = fill_traject(pack, "ervaren", name=hostile, answer=_everywhere(lambda: "x " + hostile + " x"))
    markdown = build_markdown(pack, traject, today=TODAY)
    tokens = assert_sound(pack, traject, markdown)
    assert [level for level, _ in headings(tokens)] == [level for level, _ in reference]
    assert headings(tokens)[1:] == reference[1:]
    assert norm(clean_text(hostile)) in norm(inline_text(tokens[:3])), "the name in the title"
    # at the very start of an answer too
    traject = fill_traject(pack, "ervaren", answer=_everywhere(lambda: hostile))
    assert_sound(pack, traject, build_markdown(pack, traject, today=TODAY))


def _everywhere(make: Any) -> Any:
    """An answerer putting the given text in every text field of every prompt."""

    def answer(pack: Pack, prompt: Prompt, index: int, profile: str) -> Any:
        value = answer_for(pack, prompt, index, profile)
        return _replace_texts(value, make, prompt.kind)

    return answer


def _replace_texts(value: Any, make: Any, kind: Kind) -> Any:
    if kind is Kind.DATE:
        return value
    if isinstance(value, str):
        return make()
    if isinstance(value, list):
        return [_replace_texts(v, make, kind) for v in value]
    if isinstance(value, dict):
        keep = {"choice", "choices", "path", "now", "then"}
        return {k: v if k in keep or kind is Kind.SCALE else _replace_texts(v, make, kind) for k, v in value.items()}
    return value


texts = st.one_of(
    st.text(),
    st.sampled_from(HOSTILE),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=6).map("\n".join),
    st.lists(st.sampled_from(HOSTILE), max_size=4).map(" ".join),
)


ANY_TEXT_SETTINGS = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


@settings(ANY_TEXT_SETTINGS, max_examples=20)
@given(data=st.data(), profile=st.sampled_from(["student", "ervaren"]))
def test_any_text_never_breaks_the_document(pack: Pack, data: st.DataObject, profile: str) -> None:
    """20 texts in every field in the default run (each one a whole roadmap, twice); 500 with -m slow."""
    any_text_never_breaks_the_document(pack, data, profile)


@pytest.mark.slow
@settings(ANY_TEXT_SETTINGS, max_examples=500)
@given(data=st.data(), profile=st.sampled_from(["student", "ervaren"]))
def test_any_text_never_breaks_the_document_many_times(pack: Pack, data: st.DataObject, profile: str) -> None:
    any_text_never_breaks_the_document(pack, data, profile)


def any_text_never_breaks_the_document(pack: Pack, data: st.DataObject, profile: str) -> None:
    traject = fill_traject(pack, profile, name=data.draw(texts), answer=_everywhere(lambda: data.draw(texts)))
    private = data.draw(st.sets(st.sampled_from([p.id for s in pack.sections for p in s.prompts])))
    traject.private = private
    for options in ({}, {"include_empty": True, "include_private": True}):
        markdown = build_markdown(pack, traject, today=TODAY, **options)
        tokens = assert_sound(pack, traject, markdown, include_private=bool(options))
        allowed = {*H2_FULL, "Open vragen"}
        levels = headings(tokens)
        assert all(text in allowed for level, text in levels if level == 2)
        labels = {p.label for s in pack.sections for p in s.prompts}
        assert all(text in labels for level, text in levels if level == 3)
        order = [*H2_FULL, "Open vragen"]
        h2 = [text for level, text in levels if level == 2]
        assert h2 == sorted(h2, key=order.index), "sections keep their order"


# --- HTML ---------------------------------------------------------------------------------------


def test_html_is_one_safe_self_contained_page(pack: Pack) -> None:
    traject = fill_traject(pack, "student")
    traject.set_answer("kan-sterk", "<script>alert('x')</script> <img src=x onerror=alert(1)> [a](javascript:x)")
    html = build_html(pack, traject, include_empty=True, today=TODAY)
    assert html.startswith('<!doctype html>\n<html lang="nl">')
    assert '<meta charset="utf-8">' in html
    assert "<title>Roadmap: Mijn loopbaan 2025-2026 — 21 november 2025</title>" in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    tags = _tags(html)
    assert {tag for tag, _ in tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "li",
        "strong",
        "em",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "br",
    }
    assert {name for _, attrs in tags for name, _ in attrs} <= {"lang", "charset", "name", "content", "http-equiv"}
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@import" not in style and "url(" not in style
    assert "<table>" in html and "@media print" in html
    assert build_html(english(pack), traject, today=TODAY).startswith('<!doctype html>\n<html lang="en">')


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag in a page, with its attributes."""
    from html.parser import HTMLParser

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collect().feed(html)
    return found


def test_markdown_does_not_import_markdown_it_or_textual() -> None:
    code = (
        "import sys\n"
        "from loopbaan_tui.domain.roadmap import roadmap, export, roadmap_html\n"
        "assert 'markdown_it' not in sys.modules, 'markdown_it imported early'\n"
        "assert 'textual' not in sys.modules, 'textual imported by the domain'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])


# --- the built-in packs -------------------------------------------------------------------------

BUILTIN_PROFILES = ("student", "starter", "ervaren", "ondersteuner")


@pytest.fixture(scope="module", params=LANGUAGES)
def builtin_pack(request: pytest.FixtureRequest) -> Pack:
    from loopbaan_tui.domain.content.builtin import pack_folder

    result = load_pack(pack_folder(request.param))
    assert result.pack is not None, [p.render() for p in result.problems]
    return result.pack


@pytest.mark.parametrize("profile", BUILTIN_PROFILES)
def test_golden_builtin_packs(builtin_pack: Pack, profile: str) -> None:
    """Every profile's example traject (content/examples): a change to content or writer shows as a diff."""
    from loopbaan_tui.domain.content.examples import load_example

    traject = load_example(builtin_pack.info.language, profile)
    markdown = build_markdown(builtin_pack, traject, today=TODAY)
    assert_golden(f"builtin-{builtin_pack.info.language}-{profile}.md", markdown)
    tokens = assert_sound(builtin_pack, traject, markdown)
    h2 = [text for level, text in headings(tokens) if level == 2]
    questions = [norm(section.question) for section in builtin_pack.competencies]
    assert [text for text in h2 if text in questions] == questions, "one section per competency, in order"
    for key in ("doc_origin", "doc_balance", "doc_paths", "doc_actions", "doc_network", "doc_checkin"):
        assert word(builtin_pack, key) in h2, key
