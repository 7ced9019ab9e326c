"""Every word the program says exists in every language, with the same placeholders; every key the code
asks for is written out (a literal, or a literal map's value: see word_keys.py) and exists; none goes unused."""

from __future__ import annotations

import ast
import string

import pytest
from word_keys import MESSAGES, PACKAGE, UI, Scan, scan

from loopbaan_tui.domain.content.builtin import DEFAULT_LANGUAGE, LANGUAGES, reference_ui
from loopbaan_tui.domain.kinds import KINDS
from loopbaan_tui.domain.roadmap import balance
from loopbaan_tui.domain.words.catalogue import catalogue
from loopbaan_tui.ui.keys import FOOTER_WORDS, HELP_WORDS

SYNTAX = "domain/content/toml_syntax.py"
"""Its codes come from its table of tomllib wordings (WORDINGS), each pinned by tests/test_toml_syntax.py:
its string literals count as used, and each code and hint it names must exist (below)."""
PENDING = frozenset({SYNTAX})
FORWARDED = {"domain/content/pack_files.py: problem(shown, error.code, (error.line, error.column))"}
"""Calls that pass on a code checked where it was made (an EncodingProblem's, in tomlsource.py)."""
PENDING_KEYS = {
    UI: {key for kind in KINDS.values() for key in kind.word_keys()}
    | {*balance.VERDICT_WORDS.values(), *balance.DOC_VERDICT_WORDS.values()},
    MESSAGES: set(),
}
KEYS_AS_DATA = ("domain/roadmap/balance.py", "domain/kinds/", "ui/widgets/", "plain/")
"""Where a word's key is an attribute of a prompt kind or a balance verdict (named in PENDING_KEYS, which
must exist in every language): a call there may pass such a key on."""
"""Keys named as data: each prompt kind's own words (`PromptKind.word_keys`, literal strings on its class)."""
OPTIONAL_PLACEHOLDERS = {
    f"cli_damage_{code}": {"reason"}
    for code in ("empty", "not_utf8", "not_toml", "bad_data", "newer_version", "too_deep", "unreadable", "link")
}
"""Placeholders a language may use or leave out: English repeats the storage's own (English) reason."""
READ_DIRECTLY = {MESSAGES: {"language_name"}, UI: set()}
"""Keys read without a word function: `catalogue.language_name`."""


def _as_data(file: str, source: str) -> bool:
    """A call in a kind's module or an editor whose key is a kind's word attribute (`self.kind.add_word`)."""
    return file.startswith(KEYS_AS_DATA) and any(
        part in source for part in (".kind.", "kinds.", "field.", "f.", "key)")
    )


def test_every_key_named_as_data_exists() -> None:
    for language in LANGUAGES:
        assert not PENDING_KEYS[UI] - reference_ui(language).keys(), language


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.fixture(scope="module")
def found() -> Scan:
    return scan(PENDING)


def catalogue_of(kind: str, language: str) -> dict[str, str]:
    return dict(reference_ui(language)) if kind == UI else dict(catalogue(language).messages)


@pytest.mark.parametrize("kind", [UI, MESSAGES])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_the_same_words_and_placeholders(kind: str, language: str) -> None:
    reference, words = catalogue_of(kind, DEFAULT_LANGUAGE), catalogue_of(kind, language)
    assert words.keys() == reference.keys()
    for key, text in reference.items():
        optional = OPTIONAL_PLACEHOLDERS.get(key, set())
        assert fields(words[key]) - optional == fields(text) - optional, key
        if key != "nothing":
            assert words[key], key


def test_every_language_names_months_and_days() -> None:
    for language in LANGUAGES:
        dates = catalogue(language).dates
        assert len(dates.months) == 12 and len(dates.weekdays) == 7 and all(dates.months + dates.weekdays)


def test_every_key_is_written_out(found: Scan) -> None:
    unknown = [
        f"{u.file}:{u.line}: {u.source}"
        for u in found.unknown
        if f"{u.file}: {u.source}" not in FORWARDED and not _as_data(u.file, u.source)
    ]
    assert not unknown, "a key must be a literal or a literal map's value:\n" + "\n".join(unknown)


@pytest.mark.parametrize("kind", [UI, MESSAGES])
def test_every_key_the_code_asks_for_exists(found: Scan, kind: str) -> None:
    for language in LANGUAGES:
        missing = sorted(found.keys[kind] - catalogue_of(kind, language).keys())
        assert not missing, (language, missing)


@pytest.mark.parametrize("kind", [UI, MESSAGES])
def test_no_word_goes_unused(found: Scan, kind: str) -> None:
    used = found.keys[kind] | found.constants | PENDING_KEYS[kind] | READ_DIRECTLY[kind]
    unused = sorted(catalogue_of(kind, DEFAULT_LANGUAGE).keys() - used)
    assert not unused, unused


def test_every_binding_with_an_id_has_words() -> None:
    ids = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding":
                ids |= {k.value.value for k in node.keywords if k.arg == "id" and isinstance(k.value, ast.Constant)}
    assert ids == HELP_WORDS.keys()
    assert FOOTER_WORDS.keys() <= ids


def test_every_syntax_code_and_hint_exists() -> None:
    tree = ast.parse((PACKAGE / SYNTAX).read_text(encoding="utf-8"))
    named = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith(("syntax_", "hint_"))
    }
    assert named, "the scan found no codes: has the module moved?"
    for language in LANGUAGES:
        assert not named - catalogue(language).messages.keys(), language
