"""Every word the app shows exists in both built-in packs, with the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path

from loopbaan_tui.domain.builtin import reference_ui
from loopbaan_tui.domain.kinds import KINDS

UI = Path(__file__).parents[1] / "loopbaan_tui"
LITERAL_KEY = re.compile(r"""(?:words|text)\(\s*["']([a-z_]+)["']""")
DYNAMIC_KEYS = {
    # f-string keys: every value the code can fill in.
    "key_": {
        "help",
        "theme",
        "quit",
        "new",
        "remove",
        "undo",
        "next_step",
        "previous_step",
        "next_prompt",
        "previous_prompt",
        "explain",
        "private",
        "roadmap",
        "save",
        "back",
        "save_roadmap",
        "back_to_steps",
        "full_screen",
    },
    "help_key_": {
        "help",
        "theme",
        "quit",
        "new",
        "remove",
        "undo",
        "explain",
        "private",
        "roadmap",
        "save",
        "back",
        "save_roadmap",
        "back_to_steps",
        "full_screen",
        "goto",
        "tab",
    },
    "hint_": {"rail", "scale", "list", "text", "line", "date", "checkbox", "radio", "button"},
    "storage_": {
        "unwritable",
        "disk_full",
        "folder_missing",
        "other",
        "folder_is_file",
        "folder_is_special",
        "link",
        "trash_link",
    },
    "damaged_": {"empty", "not_utf8", "not_toml", "bad_data", "newer_version", "unreadable"},
}
# The kinds' words are literal keys on the kind classes (domain/kinds): no f-string keys for kinds.
# --- route ---: the short/full switch on the reflection screen, the example on the start screen
DYNAMIC_KEYS["key_"] |= {"route", "example"}
DYNAMIC_KEYS["help_key_"] |= {"route", "example"}


def kind_words() -> set[str]:
    """Every word key a kind names (its editor's labels and buttons, its roadmap columns)."""
    return {key for kind in KINDS.values() for key in kind.word_keys()}


def test_the_kinds_words_are_found() -> None:
    assert {"add_actions", "people_reach_placeholder", "doc_action_first_step", "scale_then"} <= kind_words()


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_packs_have_the_same_words_and_placeholders() -> None:
    nl, en = reference_ui("nl"), reference_ui("en")
    assert nl.keys() == en.keys()
    for key in nl:
        assert fields(nl[key]) == fields(en[key]), key


def test_every_word_the_code_asks_for_exists() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.py"))
    wanted = set(LITERAL_KEY.findall(source))
    wanted |= {prefix + name for prefix, names in DYNAMIC_KEYS.items() for name in names}
    wanted |= kind_words()
    wanted |= {key for key in re.findall(r'"(help_key_[a-z_]+)"', source)}
    missing = sorted(wanted - reference_ui("nl").keys())
    assert not missing, missing


def test_no_word_in_the_packs_goes_unused() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.py"))
    quoted = set(re.findall(r"""["']([a-z_]+)["']""", source))
    dynamic = {prefix + name for prefix, names in DYNAMIC_KEYS.items() for name in names}
    unused = sorted(reference_ui("nl").keys() - quoted - dynamic)
    assert not unused, unused
