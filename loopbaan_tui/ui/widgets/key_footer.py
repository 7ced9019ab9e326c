"""Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual rebuilds its footer (a widget per key) after every change of focus, even when the same
    keys stay: three times while the start screen opens, once per step switch. This one skips the
    rebuilds that would show the same keys."""

    _shown: tuple[Any, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        keys = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip, binding.group)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )
        if keys == self._shown:  # a set _shown means Textual has shown keys before
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = keys  # only when Textual rebuilds now (it waits while the app has no focus)
        super().bindings_changed(screen)
