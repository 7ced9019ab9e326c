"""The garbage collector around an open traject (ui/collector.py): paused while it opens, what lives then
set aside, everything given back when it closes."""

from __future__ import annotations

import gc

from loopbaan_tui.ui import collector


def test_paused_while_opening_then_set_aside_then_given_back() -> None:
    try:
        collector.pause()
        assert not gc.isenabled()
        kept = [object(), {"answers": ["long-lived"]}]
        collector.keep()
        assert gc.isenabled() and gc.get_freeze_count() >= len(kept)
        collector.release()
        assert gc.isenabled() and gc.get_freeze_count() == 0
        collector.pause()
        collector.resume()  # an opening that stopped short
        assert gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
        gc.enable()
