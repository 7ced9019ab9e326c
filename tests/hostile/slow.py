"""How the test run picks its slow part: `pytest -m slow`, or LOOPBAAN_SLOW=1 with any selection.

Tests marked `@pytest.mark.slow` are deselected (not skipped) unless asked for, so the default run
stays quick and its summary says "N deselected" instead of listing hundreds of skips. The hook that
does it is in tests/conftest.py (`pytest_collection_modifyitems`).
"""

from __future__ import annotations

import os

import pytest

SLOW_ENV = "LOOPBAAN_SLOW"


def slow_requested(config: pytest.Config) -> bool:
    """True when the run asked for the slow tests: LOOPBAAN_SLOW=1, or a `-m` expression naming `slow`."""
    return bool(os.environ.get(SLOW_ENV)) or "slow" in (config.option.markexpr or "")


def deselect_slow(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Take the tests marked slow out of the run unless they were asked for (see `slow_requested`)."""
    if slow_requested(config):
        return
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item.get_closest_marker("slow") is None]
