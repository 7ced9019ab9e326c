"""Footer labels in the pack's language: a binding with id "x" shows the UI word "key_x"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from .textual_private import relabel_bindings


def localize_bindings(node: DOMNode, words: Callable[[str], str]) -> None:
    """Replace each identified binding's description on this node (bindings are per instance)."""
    relabel_bindings(node, lambda entry: replace(entry, description=words(f"key_{entry.id}")) if entry.id else entry)


HELP_KEY = Binding("f1", "app.help", "Hulp", id="help")
"""First among a screen's bindings, so the footer shows it first and a narrow one never drops it."""
