"""The app: what happens when an exception reaches Textual, bindings relabelled, the terminal's cursor."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from ._types import ReturnType


class CrashHandlingApp(App[ReturnType]):
    """An app that runs `before_crash` when an exception reaches Textual, and may leave without
    Textual's traceback (which shows local variables: a person's answers).

    Why private: Textual has no public hook for an unhandled exception (Textualize/textual#2818).
    Every such exception, from a handler, a worker with exit_on_error or a timer, reaches
    `App._handle_exception(error)`, which records it (Pilot re-raises it after a test), sets the
    return code 1 and calls `App._fatal_error()`; that one adds a rich Traceback with locals to the
    lines printed on exit and closes the message queue. Checked against Textual 8.2.8
    (textual/app.py `_handle_exception`, `_fatal_error`, `panic`).

    Only the two overrides are private: leaving without a traceback uses the public `panic()`
    with nothing to show, which closes the message queue as `_fatal_error` does.
    """

    def before_crash(self, error: Exception) -> None:
        """Called first with an exception nothing handled, while the app still runs."""

    def crash_shows_traceback(self) -> bool:
        """True to let Textual print its full traceback (locals and all) on the way out."""
        return False

    def _handle_exception(self, error: Exception) -> None:
        self.before_crash(error)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        if self.crash_shows_traceback():
            super()._fatal_error()
            return
        self.bell()
        self.panic()


def relabel_bindings(node: DOMNode, relabel: Callable[[Binding], Binding]) -> None:
    """Replace each binding this node declares (its BINDINGS and its bases') by `relabel(binding)`.

    Why private: a binding's description (the footer's label) is fixed in the class's BINDINGS,
    while loopbaan's words depend on the pack, known only at run time (one process runs Dutch and
    English apps in the tests). Textual has no public setter: keymaps (`App.set_keymap`) change
    keys only, and `App.bind` is for the app alone and documented as "may be private or removed".
    `DOMNode.__init__` copies the class's merged bindings into `self._bindings` (a BindingsMap), so
    replacing the entries of its `key_to_bindings` changes this instance only. Checked against
    Textual 8.2.8 (textual/dom.py `DOMNode.__init__`, textual/binding.py `BindingsMap`).
    """
    bindings = node._bindings.key_to_bindings
    for key, entries in bindings.items():
        bindings[key] = [relabel(entry) for entry in entries]


def show_terminal_cursor(app: App[ReturnType]) -> None:
    """Make the terminal's own cursor visible again after Textual's driver hid it.

    Why private: every Textual driver hides the cursor when it starts (`"\\x1b[?25l"` in
    `start_application_mode`, linux_driver.py and windows_driver.py) and shows it only on exit;
    Textual has no setting to leave it on (Textualize/textual#2348, open). Textual does move the
    hidden cursor to the public `App.cursor_position` after every frame (app.py `_display`), so once
    it is visible it stands where loopbaan puts it (ui/cursor.py). The write goes through the app's
    driver (`App._driver`, `Driver.write`, `Driver.flush`). Checked against Textual 8.2.8.
    Not in the browser (textual-serve's xterm.js draws a cursor of its own) and not in tests.
    """
    driver = app._driver
    if driver is None or app.is_headless or app.is_web:
        return
    driver.write("\x1b[?25h")
    driver.flush()
