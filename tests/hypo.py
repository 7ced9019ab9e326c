"""How many examples a hypothesis test draws: few in the default run (the suite's budget), the full count
with LOOPBAAN_SLOW=1 (as for the tests marked slow). The strategies put the known hard cases (TRICKY,
HOSTILE, the sampled keys) among their first draws, so the default run still meets them."""

from __future__ import annotations

import os

SLOW = bool(os.environ.get("LOOPBAAN_SLOW"))


def examples(quick: int, slow: int) -> int:
    """`quick` in the default run, `slow` with LOOPBAAN_SLOW set."""
    return slow if SLOW else quick
