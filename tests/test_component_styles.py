"""Text fields share the styles of their component classes (cursor, selection, placeholder...) with the
fields in the same place (textual_private.share_component_styles, issue 18: opening a traject), and
each field looks exactly as it does with Textual's own styling: focused or not, read-only, in a
container a rule names, in a light and two dark themes."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.css.stylesheet import Stylesheet
from textual.geometry import Region

from loopbaan_tui.ui import textual_private
from loopbaan_tui.ui.widgets.text_fields import LineField, TextField


class _FieldsApp(App[None]):
    CSS = """
    TextField { width: 30; height: 3; }
    #apart .text-area--cursor-line { background: red; }
    #apart .text-area--selection { background: green; }
    TextField:focus .text-area--cursor { background: blue; }
    """

    def compose(self) -> ComposeResult:
        yield TextField("Een eerste veld\nmet twee regels", id="one")
        yield TextField("Een tweede veld", id="two")
        yield TextField(placeholder="Nog leeg", id="empty")
        yield LineField("Een regel", id="line")
        with Vertical(id="apart"):
            yield TextField("Een veld dat een regel apart zet", id="apart-field")
        with Vertical(id="other"):
            yield TextField("Een veld op een plek als die ervoor", id="other-field")
        read_only = TextField("Alleen te lezen", id="read-only")
        read_only.read_only = True
        yield read_only


def _looks(app: App[None]) -> dict[str, tuple[object, ...]]:
    """Each field's rendered rows and the rules of its component classes."""
    looks: dict[str, tuple[object, ...]] = {}
    for field in app.query(TextField):
        field.cursor_blink = False
        rows = [list(strip) for strip in field.render_lines(Region(0, 0, *field.size))]
        rules = {name: styles.base.get_rules() for name, styles in field._component_styles.items()}
        looks[str(field.id)] = (rows, rules)
    return looks


def _unshared(app: App[None], monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[object, ...]]:
    """The fields as Textual alone styles them, then styled shared again."""
    with monkeypatch.context() as patch:
        patch.setattr(Stylesheet, "_process_component_classes", textual_private._process_component_classes)
        app.stylesheet.update(app.screen)
        looks = _looks(app)
    app.stylesheet.update(app.screen)
    return looks


async def test_fields_share_their_component_styles_and_look_as_textual_styles_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = _FieldsApp()
    async with app.run_test(size=(40, 24)) as pilot:
        one, two = app.query_one("#one", TextField), app.query_one("#two", TextField)
        for theme in ("textual-dark", "textual-light", "nord"):
            app.theme = theme
            for focused in ("one", "line", "apart-field", "other-field", "read-only"):
                field = app.query_one(f"#{focused}", TextField)
                field.focus()
                field.select_all()
                await pilot.pause()
                shared = _looks(app)
                assert shared == _unshared(app, monkeypatch), f"{theme}, {focused} focused"
                assert _looks(app) == shared, f"{theme}, {focused} focused: shared again"
            cursor = "text-area--cursor-line"
            assert one._component_styles[cursor].base is two._component_styles[cursor].base, "shared"
            assert one._component_styles[cursor] is not two._component_styles[cursor], "each its own node"
