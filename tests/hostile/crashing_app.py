"""`loopbaan` with a bug planted, for tests/test_hostile_privacy.py.

An answer holding the word KRAAK makes the app fail, in a way that would leak: the exception's
message and the frame's locals hold the answer. The crash log and the terminal must show neither.
"""

from __future__ import annotations

import sys
from typing import Any

from loopbaan_tui.ui.session import Session

TRIGGER = "KRAAK"
_real_set_answer = Session.set_answer


def set_answer(self: Session, prompt_id: str, value: Any) -> bool:
    secret = value  # a local with the answer, as rich's traceback would show it
    if TRIGGER in str(secret):
        raise RuntimeError(f"planted bug while saving {secret!r}")
    return _real_set_answer(self, prompt_id, value)


Session.set_answer = set_answer  # type: ignore[method-assign]

if __name__ == "__main__":
    from loopbaan_tui.cli import main

    sys.exit(main())
