"""A text field keeps its rendered lines over the edits that leave them as they were (issue 18: key
echo), and what it draws is always what Textual would draw now."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from textual.app import App, ComposeResult
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea

from loopbaan_tui.ui.widgets.text_fields import TextField

TEXT = (
    "Een eerste alinea die lang genoeg is om over een paar regels te lopen in dit smalle veld.\n"
    "\n"
    "Een tweede alinea, ook met wat woorden erin, zodat er iets te kiezen valt."
)


class _FieldApp(App[None]):
    CSS = "TextField { width: 32; max-height: 7; }"

    def compose(self) -> ComposeResult:
        yield TextField(TEXT)


@contextmanager
def recorded(owner: object, name: str, pick: Callable[..., object]) -> Iterator[list[object]]:
    """What each call of `owner.name` was asked (`pick` of its arguments), while the block runs."""
    seen: list[object] = []
    original = getattr(owner, name)

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(pick(*args, **kwargs))
        return original(*args, **kwargs)

    setattr(owner, name, spy)
    try:
        yield seen
    finally:
        delattr(owner, name)


def _drawn(field: TextField) -> list[list[object]]:
    return [list(field.render_line(y)) for y in range(field.size.height)]


def _as_textual_draws(field: TextField) -> list[list[object]]:
    return [list(TextArea._render_line(field, y)) for y in range(field.size.height)]


def _wrapped_anew(field: TextField) -> list[list[str]]:
    return WrappedDocument(field.document, field.wrap_width, field.indent_width).lines


def _on_screen_and_anew(field: TextField) -> tuple[list[Strip], list[Strip]]:
    """The field's rows as on screen (a row not repainted is Textual's kept one) and as all drawn anew."""
    region = Region(0, 0, *field.size)
    shown = field.render_lines(region)
    field._styles_cache.clear()
    return shown, field.render_lines(region)


async def test_a_key_renders_only_the_lines_it_changed_and_every_line_is_drawn_as_textual_would() -> None:
    app = _FieldApp()
    async with app.run_test(size=(40, 10)) as pilot:
        field = app.query_one(TextField)
        field.focus()
        await pilot.pause()
        assert _drawn(field) == _as_textual_draws(field), "entered"

        with recorded(field, "_render_line", lambda y: y) as rendered:
            await pilot.press("x")
            await pilot.pause()
        assert 0 < len(rendered) <= 2, f"lines rendered anew for one key (of {field.size.height}): {rendered}"

        with recorded(field._styles_cache, "render_line", lambda *args: args[1]) as repainted:
            await pilot.press("x")
            await pilot.pause()
        assert 0 < len(repainted) <= 2, f"rows repainted for one key (of {field.size.height}): {repainted}"

        rows = field.virtual_size.height
        assert rows > field.content_size.height, "the field scrolls"
        with recorded(app.screen, "_refresh_layout", lambda *args, **kwargs: args) as layouts:
            while field.virtual_size.height == rows:  # to the key that wraps the last word to a new row
                await pilot.press("w")
                await pilot.pause()
        assert not layouts, "a field that scrolls and still does keeps its size: no layout"
        assert field.vertical_scrollbar.window_virtual_size == field.virtual_size.height, "the scrollbar follows"
        assert field.content_region.contains(*field.cursor_screen_offset), "the new row is scrolled into view"

        steps = [
            ("a key at the end", ("y",)),
            ("words until the line wraps", tuple("space" if c == " " else c for c in "abc def ghi jkl mno pqr")),
            ("a backspace at the start of a paragraph", ("ctrl+up", "home", "backspace")),
            ("the cursor up, into the first paragraph", ("up", "up", "up")),
            ("a key in the middle", ("z",)),
            ("a selection over two lines", ("shift+down", "shift+right")),
            ("the selection replaced", ("q",)),
            ("a new line", ("enter",)),
            ("undone", ("ctrl+z",)),
            ("back to the start", ("ctrl+home",)),
            ("a letter deleted", ("delete",)),
        ]
        for what, keys in steps:
            await pilot.press(*keys)
            await pilot.pause()
            assert _drawn(field) == _as_textual_draws(field), what
            shown, anew = _on_screen_and_anew(field)
            assert shown == anew, f"{what}: a row on screen is not repainted"
            assert field.wrapped_document.lines == _wrapped_anew(field), f"{what}: wrapped as Textual would"
        wraps: list[int] = []
        wrapped = field.wrapped_document
        wrap = wrapped.wrap
        wrapped.wrap = lambda width, tab_width=None: [wraps.append(width), wrap(width, tab_width)][1]  # type: ignore[method-assign]
        height = field.size.height
        field.styles.max_height = 9
        await pilot.pause()
        assert field.size.height > height, "taller"
        assert not wraps, "a resize that keeps the width keeps the wrap"
        del wrapped.wrap
        changes: list[tuple[str, Callable[[], object]]] = [
            ("taller still", lambda: setattr(field.styles, "max_height", 10)),
            ("narrower", lambda: setattr(field.styles, "width", 24)),
            ("left", field.blur),
            ("another theme", lambda: setattr(app, "theme", "textual-light")),
            ("empty", lambda: setattr(field, "text", "")),
        ]
        for what, change in changes:
            change()
            await pilot.pause()
            assert _drawn(field) == _as_textual_draws(field), what
            shown, anew = _on_screen_and_anew(field)
            assert shown == anew, f"{what}: a row on screen is not repainted"
            assert field.wrapped_document.lines == _wrapped_anew(field), f"{what}: wrapped as Textual would"
