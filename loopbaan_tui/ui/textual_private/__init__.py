"""Every use of Textual's private API, in one place: this package, a module per part of Textual.

Textual offers no public way for the things below. Each use says why and which Textual
version it was checked against; pyproject.toml pins Textual to that range, and
tests/test_textual_private.py fails when another module of loopbaan_tui touches a private name of
Textual (an attribute, a method it overrides, or a private module).

When Textual is upgraded: read the methods named here in the new version's source, run
tests/test_hostile_quit.py, tests/test_hostile_faults.py, tests/test_app.py and the snapshots, and
only then widen the pin.
"""

from __future__ import annotations

from .app import CrashHandlingApp as CrashHandlingApp
from .app import relabel_bindings as relabel_bindings
from .app import show_terminal_cursor as show_terminal_cursor
from .component_styles import _process_component_classes as _process_component_classes
from .component_styles import share_component_styles as share_component_styles
from .layout import asked_by_own_mount as asked_by_own_mount
from .layout import lay_out_now as lay_out_now
from .layout import layout_stamp as layout_stamp
from .layout import style_focus_now as style_focus_now
from .partial_updates import render_only_updated_rows as render_only_updated_rows
from .text_area import resize_keeps_wrap as resize_keeps_wrap
from .text_area import text_area_line_key as text_area_line_key
from .text_area import text_area_line_keys as text_area_line_keys
from .widgets import add_default_css as add_default_css
from .widgets import css_variables as css_variables
from .widgets import highlighted_line as highlighted_line
from .widgets import is_radio_set as is_radio_set
from .widgets import is_text_area as is_text_area
from .widgets import parse_cache as parse_cache
from .widgets import scrollbars_follow as scrollbars_follow
from .widgets import selected_radio as selected_radio
from .widgets import set_parse_cache as set_parse_cache
from .widgets import stopped as stopped

CHECKED_WITH = "8.2.8"
"""The Textual version the uses below were read against (pyproject pins >=8.2.8,<8.3)."""
