"""A Button with only the style rules a plain button of the default or primary variant uses.

Textual's Button brings ~250 lines of style rules (an ANSI look, a flat style, the success, warning and
error variants) that every screen with a button parses and matches against each of its widgets. On the
start screen that was ~10% of the work before its first frame. `LightButton` does not inherit those
rules (`inherit_css=False`) and carries the rules of Button's default style and its primary variant,
copied as they are, so that it looks and behaves like a Button (same messages, key, classes).
"""

from __future__ import annotations

from textual.widgets import Button


class LightButton(Button, inherit_css=False):
    """A Button of the default style, `variant` "default" or "primary" (others look like "default")."""

    DEFAULT_CSS = """
    LightButton {
        width: auto;
        min-width: 16;
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;
        text-style: bold;
        color: $button-foreground;
        background: $surface;
        border: none;
        border-top: tall $surface-lighten-1;
        border-bottom: tall $surface-darken-1;

        &:disabled {
            text-opacity: 0.6;
            pointer: not-allowed;
        }
        &:focus {
            text-style: $button-focus-text-style;
            background-tint: $foreground 5%;
        }
        &:hover {
            border-top: tall $surface;
            background: $surface-darken-1;
        }
        &.-active {
            background: $surface;
            border-bottom: tall $surface-lighten-1;
            border-top: tall $surface-darken-1;
            tint: $background 30%;
        }
        &.-primary {
            color: $button-color-foreground;
            background: $primary;
            border-top: tall $primary-lighten-3;
            border-bottom: tall $primary-darken-3;

            &:hover {
                background: $primary-darken-2;
                border-top: tall $primary;
            }
            &.-active {
                background: $primary;
                border-bottom: tall $primary-lighten-3;
                border-top: tall $primary-darken-3;
            }
        }
    }
    """
