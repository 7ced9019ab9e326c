"""Show text exactly as typed: never parsed as markup."""

from __future__ import annotations

from textual.content import Content


def literal(text: str, style: str = "") -> Content:
    """Plain text as Content, so brackets like [bold] stay brackets."""
    return Content.styled(text, style) if style else Content(text)
