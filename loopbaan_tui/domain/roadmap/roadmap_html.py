"""The roadmap as one self-contained HTML page to print or save as PDF (markdown-it-py, imported lazily)."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from ..content import builtin
from ..content.model import Pack
from ..trajects.traject import Traject
from .roadmap import build_markdown

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

STYLE = """\
:root { color-scheme: light; }
body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f2328; background: #fff; max-width: 46em; margin: 2.5em auto; padding: 0 1.5em; }
h1 { font-size: 1.6em; line-height: 1.25; margin: 0 0 .4em; }
h2 { font-size: 1.25em; margin: 1.8em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1em; margin: 1.2em 0 .3em; }
p, ul { margin: .4em 0 .8em; }
table { border-collapse: collapse; margin: .6em 0 1em; }
th, td { border: 1px solid #d0d7de; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td { font-variant-numeric: tabular-nums; }
@page { margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; }
  tr, li, p { break-inside: avoid; }
  th { background: none; }
}
"""

_PAGE = """\
<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="loopbaan">
<title>{title}</title>
<style>
{style}</style>
</head>
<body>
<main>
{body}</main>
</body>
</html>
"""


def markdown_parser() -> MarkdownIt:
    """CommonMark plus GFM tables, with raw HTML off: HTML in an answer is shown as text, never run."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def render_html(markdown: str, *, lang: str) -> str:
    """A roadmap's Markdown as a complete HTML page; its title is the document's first heading."""
    parser = markdown_parser()
    env: dict[str, object] = {}
    tokens = parser.parse(markdown, env)
    title = ""
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            inline = tokens[index + 1]
            title = "".join(child.content for child in inline.children or () if child.type == "text")
            break
    body = parser.renderer.render(tokens, parser.options, env)
    return _PAGE.format(lang=escape(lang), title=escape(title), style=STYLE, body=body)


def build_html(
    pack: Pack,
    traject: Traject,
    *,
    include_empty: bool = False,
    include_private: bool = False,
    today: date | None = None,
    include_older: bool = False,
    include_fit: bool = False,
) -> str:
    """The roadmap (see `build_markdown`) as a single HTML file: no scripts, no external resources."""
    markdown = build_markdown(
        pack,
        traject,
        include_empty=include_empty,
        include_private=include_private,
        today=today,
        include_older=include_older,
        include_fit=include_fit,
    )
    return render_html(markdown, lang=builtin.language_or_default(pack.info.language))
