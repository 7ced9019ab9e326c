"""The TextAreas' component-class styles, computed once per place and theme and shared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.css.model import CombinatorType, Selector, SelectorSet, SelectorType
from textual.css.styles import RenderStyles, Styles
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.css.model import RuleSet

from ._types import WidgetType

_SHAREABLE_STATES = frozenset(
    {"hover", "focus", "blur", "disabled", "enabled", "dark", "light", "inline", "ansi", "nocolor"}
)
"""Pseudo-classes a node's key (`_component_key`) holds: its own hover, focus and disabled, and the app's."""


class _SharedComponents:
    """One style sheet's component styles, by the place of the field they were computed for."""

    def __init__(self, rules: list[RuleSet]) -> None:
        self.rules = rules  # the sheet's rules they were computed from (a new parse, a new theme: new ones)
        self.ids: dict[frozenset[str], frozenset[str] | None] = {}  # by component classes: the ids their rules
        # name (None: a rule depends on what the key leaves out, such as :focus-within or :first-child)
        self.styles: dict[tuple[object, ...], dict[str, Styles]] = {}


def _ancestors(chain: SelectorSet) -> list[Selector]:
    """A selector's parts matched against the nodes above a component's hidden node: the last part (with
    those joined to it, as `.a.b`) is matched against the hidden node itself, a bare DOMNode, which has no
    pseudo-class and the same type, id and classes for every field."""
    selectors = chain.selectors
    end = len(selectors) - 1
    while end > 0 and selectors[end].combinator == CombinatorType.SAME:
        end -= 1
    return selectors[:end]


def _component_key(stylesheet: Stylesheet, node: DOMNode) -> tuple[object, ...] | None:
    """All that selects the rules of `node`'s component classes, or None where it is not known here: the
    type, classes and (where a rule names it) id of every node from the app to it, each widget's hover,
    focus and disabled, and the app's pseudo-classes."""
    components = node._get_component_classes()
    shared = stylesheet.__dict__.get("_loopbaan_components")
    if shared is None or shared.rules is not stylesheet.rules:
        shared = stylesheet.__dict__["_loopbaan_components"] = _SharedComponents(stylesheet.rules)
    if components not in shared.ids:
        rules_map = stylesheet.rules_map
        names = {"*", "DOMNode", *(f".{name}" for name in components)}
        rules = [rule for name in names & rules_map.keys() for rule in rules_map[name]]
        selectors = [selector for rule in rules for chain in rule.selector_set for selector in _ancestors(chain)]
        states = {state for selector in selectors for state in selector.pseudo_classes}
        named = frozenset(selector.name for selector in selectors if selector.type == SelectorType.ID)
        shared.ids[components] = named if states <= _SHAREABLE_STATES else None
    if (ids := shared.ids[components]) is None:
        return None
    app = node.app
    return (
        tuple(
            (
                type(step),
                step._id if step._id in ids else None,
                frozenset(step._classes),
                step._pseudo_classes_cache_key if isinstance(step, Widget) else None,
            )
            for step in node.css_path_nodes
        ),
        tuple(is_state(app) for is_state in App._PSEUDO_CLASSES.values()),
    )


def _process_shared_component_classes(stylesheet: Stylesheet, node: DOMNode) -> None:
    """`Stylesheet._process_component_classes`, with the rules of a shared node's components computed once
    per place (`_component_key`) and handed to the hidden nodes made for it."""
    key = _component_key(stylesheet, node) if getattr(node, "_loopbaan_shares_component_styles", False) else None
    if key is None:
        _process_component_classes(stylesheet, node)
        return
    shared: _SharedComponents = stylesheet.__dict__["_loopbaan_components"]
    if (found := shared.styles.get(key)) is None:
        _process_component_classes(stylesheet, node)
        if len(shared.styles) >= 256:
            shared.styles.clear()
        shared.styles[key] = {
            name: Styles(None, styles.base.get_rules()) for name, styles in node._component_styles.items()
        }
        return
    old = node._component_styles.copy()
    node._component_styles.clear()
    refresh = False
    for name, base in found.items():
        virtual = DOMNode(classes=name)
        virtual._attach(node)
        virtual._css_styles = base
        virtual.styles = RenderStyles(virtual, base, virtual._inline_styles)
        refresh = refresh or old.get(name) != virtual.styles
        node._component_styles[name] = virtual.styles
    if refresh:
        node.refresh()


_process_component_classes = Stylesheet._process_component_classes


def share_component_styles(widget_class: type[WidgetType]) -> type[WidgetType]:
    """A class decorator: the hidden nodes that hold the styles of the class's COMPONENT_CLASSES (a
    TextArea's cursor, selection, placeholder...) get their rules computed once per place and theme, not
    once per field and focus change (issue 18: 80 of the 124 style sheet matches that opening a
    traject made, ~10 % of its time, were for the eight TextAreas' eight component classes).

    Why private: Textual makes a hidden DOMNode per component class and matches the whole style sheet
    for it each time the widget is styled (`Stylesheet._process_component_classes`), with no cache and
    no public hook; this replaces that method for the classes decorated. Each field still gets its own
    hidden nodes (a component's rich style is read through its node's ancestors), sharing only their
    CSS rules (`Styles`, never changed after). Checked against Textual 8.2.8 (css/stylesheet.py
    `apply`, `_process_component_classes`; dom.py `get_component_styles`, `__init__`).
    """
    Stylesheet._process_component_classes = _process_shared_component_classes  # type: ignore[method-assign, assignment]
    widget_class._loopbaan_shares_component_styles = True  # type: ignore[attr-defined]
    return widget_class
