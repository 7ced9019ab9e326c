"""Show text exactly as typed: never parsed as markup, never steering the terminal."""

from __future__ import annotations

import re

from textual.content import Content

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (not tab or newline): written raw to the terminal, ESC ] 52 ... sets the
clipboard and ESC ] 0 ... the title. Stored text and packs hold none (clean_text, the loader);
this is the last line of defence, for anything else that reaches the screen (a path, say)."""


def literal(text: str, style: str = "") -> Content:
    """Plain text as Content, so brackets like [bold] stay brackets; control characters show as �."""
    text = _CONTROL.sub("\ufffd", text)
    return Content.styled(text, style) if style else Content(text)
