"""A key is passed on once the one before it has been handled all the way (key_order.py); a character
typed into a text field is handled all the way once the field took it: it goes no further up."""

from __future__ import annotations

from pathlib import Path

import pytest
from apps import make_app, type_text
from hostile.pilot import open_first
from hostile.ptyflows import make_traject
from textual.widgets import TextArea

from loopbaan_tui.ui import key_order


async def test_a_character_typed_into_a_field_is_not_followed_up_the_chain_but_tab_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hops: list[tuple[str, int]] = []
    step = key_order._Follow.step

    def counted(follow: key_order._Follow) -> None:
        hops.append((follow.key.key, follow.index))
        step(follow)

    monkeypatch.setattr(key_order._Follow, "step", counted)
    make_traject(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_first(pilot)
        field = app.focused
        assert isinstance(field, TextArea)
        hops.clear()
        await type_text(pilot, "ab")
        assert [index for key, index in hops if key in "ab"] == [0, 1, 0, 1]  # the field took each: done
        assert field.text.endswith("ab") and app.keys_settled()
        await pilot.press("tab")  # not stopped by the field: followed through every queue up to the app,
        chain = len(list(field.ancestors_with_self)) - 1  # then once more from where its binding put the focus
        assert app.focused is not None and app.focused is not field
        again = len(list(app.focused.ancestors_with_self)) - 1
        assert [index for key, index in hops if key == "tab"] == [*range(chain + 1), *range(again + 1)]
