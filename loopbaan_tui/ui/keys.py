"""Key words in the pack's language: a binding with id "x" shows the UI word FOOTER_WORDS["x"] in the
footer and HELP_WORDS["x"] on the help screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from .textual_private import relabel_bindings

FOOTER_WORDS = {
    "help": "key_help",
    "theme": "key_theme",
    "quit": "key_quit",
    "new": "key_new",
    "remove": "key_remove",
    "undo": "key_undo",
    "next_step": "key_next_step",
    "previous_step": "key_previous_step",
    "next_prompt": "key_next_prompt",
    "previous_prompt": "key_previous_prompt",
    "explain": "key_explain",
    "private": "key_private",
    "roadmap": "key_roadmap",
    "save": "key_save",
    "back": "key_back",
    "save_roadmap": "key_save_roadmap",
    "back_to_steps": "key_back_to_steps",
    "full_screen": "key_full_screen",
    "route": "key_route",
    "example": "key_example",
    "checkin": "key_checkin",
    "compare": "key_compare",
    "new_year": "key_new_year",
    "close_help": "key_close_help",
}
"""A binding's id, to the UI word the footer shows for it (a binding not here keeps its description)."""

HELP_WORDS = {
    "help": "help_key_help",
    "theme": "help_key_theme",
    "quit": "help_key_quit",
    "new": "help_key_new",
    "remove": "help_key_remove",
    "undo": "help_key_undo",
    "explain": "help_key_explain",
    "private": "help_key_private",
    "roadmap": "help_key_roadmap",
    "save": "help_key_save",
    "back": "help_key_back",
    "save_roadmap": "help_key_save_roadmap",
    "back_to_steps": "help_key_back_to_steps",
    "full_screen": "help_key_full_screen",
    "goto": "help_key_goto",
    "tab": "help_key_tab",
    "route": "help_key_route",
    "example": "help_key_example",
    "next_step": "help_key_step",
    "previous_step": "help_key_step",
    "next_prompt": "help_key_prompt",
    "previous_prompt": "help_key_prompt",
    "checkin": "help_key_checkin",
    "compare": "help_key_compare",
    "new_year": "help_key_new_year",
    "page_down": "help_key_page",
    "page_up": "help_key_page",
    "close_help": "help_key_close_help",
}
"""A binding's id, to the UI word the help screen explains it with; bindings that share a word are
shown on one line, their keys side by side."""


def localize_bindings(node: DOMNode, words: Callable[[str], str]) -> None:
    """Replace each identified binding's description on this node (bindings are per instance)."""
    relabel_bindings(
        node,
        lambda entry: replace(entry, description=words(FOOTER_WORDS[entry.id])) if entry.id in FOOTER_WORDS else entry,
    )


HELP_KEY = Binding("f1", "app.help", "Hulp", id="help")
"""First among a screen's bindings, so the footer shows it first and a narrow one never drops it."""
